"""The library index across briefings, and folding a surname alone into the full name used elsewhere."""

from __future__ import annotations

import datetime as dt
import itertools

from tests.model.navfixtures import make_briefing, person, place
from tui.model.document import Briefing, LoadError, Severity
from tui.model.entities import Entity, EntityKind, Origin, PlaceKind
from tui.model.extract.names import entity_id
from tui.model.library import Library
from tui.model.navigation import next_mention


def surname_only(key: str) -> Entity:
    """A person the text only ever calls by one word, as an extractor would produce it."""
    return Entity(entity_id(EntityKind.PERSON, key), EntityKind.PERSON, key, [key])


def full_story() -> Briefing:
    mara = person("mara-lind", "Mara Lind", role="mayor")
    return make_briefing("full.md", [("S", ["Mara Lind opened the dam."])], [mara], date=dt.date(2024, 1, 1))


def test_a_surname_alone_folds_into_the_full_name_from_another_briefing() -> None:
    short = make_briefing(
        "short.md",
        [("S", ["Lind spoke first.", "“Rain again,” Lind said, and Lind left."])],
        [surname_only("Lind"), place("vessby", "Vessby")],
        speakers=["person:lind"],
        date=dt.date(2024, 1, 2),
    )
    library = Library()
    library.add([short, full_story()])
    assert "person:lind" not in short.entities
    folded = short.entities["person:mara-lind"]
    assert folded.name == "Mara Lind" and "Lind" in folded.aliases
    assert {m.entity_id for m in short.mentions} == {"person:mara-lind"}
    assert short.quotes[0].speaker_id == "person:mara-lind"
    entry = library.entity("person:mara-lind")
    assert entry is not None and entry.briefings == ["full.md", "short.md"]
    assert entry.roles == {"full.md": "mayor"}
    assert library.entity("person:lind") is None
    # navigation now runs from the full name into the other briefing's "Lind"s
    first = next_mention(library, "person:mara-lind", None, +1)
    second = next_mention(library, "person:mara-lind", first, +1)
    assert second is not None and second.briefing == "short.md"


def test_two_people_with_the_surname_leave_it_alone_unless_one_is_in_the_same_briefing() -> None:
    ann = person("ann-lind", "Ann Lind")
    other = make_briefing("ann.md", [("S", ["Ann Lind sailed."])], [ann])
    ambiguous = make_briefing("amb.md", [("S", ["Lind waved."])], [surname_only("Lind")])
    library = Library()
    library.add([full_story(), other, ambiguous])
    assert "person:lind" in ambiguous.entities

    local = make_briefing(
        "local.md", [("S", ["Ann Lind sailed.", "Lind waved."])], [ann, surname_only("Lind")]
    )
    library.add([local])
    assert set(local.entities) == {"person:ann-lind"}
    assert "Lind" in local.entities["person:ann-lind"].aliases
    assert all(m.entity_id == "person:ann-lind" for m in local.mentions)


def test_multi_word_surnames_and_declared_short_aliases_fold_but_first_names_and_places_do_not() -> None:
    ursula = person("ursula-von-der-leyen", "Ursula von der Leyen")
    olek = person("olek-brandt", "Olek Brandt", "Ole")
    source = make_briefing("src.md", [("S", ["Ursula von der Leyen met Olek Brandt."])], [ursula, olek])
    target = make_briefing(
        "tgt.md",
        [("S", ["von der Leyen met Ole and Mara in Brandt."])],
        [surname_only("von der Leyen"), surname_only("Ole"), surname_only("Mara"), place("brandt", "Brandt")],
    )
    library = Library()
    library.add([source, target, full_story()])
    assert "person:ursula-von-der-leyen" in target.entities
    assert "person:olek-brandt" in target.entities  # "Ole" is one of his declared short forms
    assert "person:mara" in target.entities  # a first name alone is not a surname
    assert "place:brandt" in target.entities  # places never fold into people


def test_the_index_merges_aliases_prefers_the_fullest_name_and_counts_errors() -> None:
    early = make_briefing("e.md", [("S", ["Lind again."])], [person("lind", "Lind", "Lind’s")],
                          date=dt.date(2023, 1, 1))
    late = make_briefing("l.md", [("S", ["Mara Lind again."])], [person("lind", "Mara Lind", "M. Lind")],
                         date=dt.date(2024, 1, 1))
    library = Library()
    library.add([late, early], [LoadError("bad.md", "broken", 3),
                                LoadError("odd.md", "odd", severity=Severity.WARNING)])
    entry = library.entity("person:lind")
    assert entry is not None
    assert entry.entity.name == "Mara Lind"
    assert entry.entity.aliases == ["Lind", "Lind’s", "Mara Lind", "M. Lind"]
    assert [b.key for b in library.briefings] == ["e.md", "l.md"]
    assert library.has_errors
    warned = Library()
    warned.add([], [LoadError("odd.md", "odd", severity=Severity.WARNING)])
    assert not warned.has_errors
    assert [e.id for e in library.entities(EntityKind.PERSON)] == ["person:lind"]
    assert list(library.entities(EntityKind.PLACE)) == []


# -- adding briefings batch by batch (as the reader's loader does) gives what one big add gives ------------


def corpus() -> list[Briefing]:
    """Fresh briefings (folding rewrites them in place): lone surnames before and after their full names.

    One id, one spelling of the full name, as the extractor's fold-key ids give: a lone surname takes
    the full name known when it is folded, so two spellings under one id could name it differently.
    """
    vessby = place("vessby", "Vessby")
    return [
        make_briefing("short.md", [("S", ["Lind spoke in Vessby.", "“Rain again,” Lind said."])],
                      [surname_only("Lind"), vessby], speakers=["person:lind"], date=dt.date(2024, 1, 2)),
        make_briefing("olek.md", [("S", ["Olek Brandt, harbour master, met Brandt’s crew."])],
                      [person("olek-brandt", "Olek Brandt", "Brandt", role="harbour master")],
                      date=dt.date(2023, 5, 5)),
        full_story(),
        make_briefing("brandt.md", [("S", ["Brandt sailed from Vessby Port."])],
                      [surname_only("Brandt"), place("vessby", "Vessby", "Vessby Port")]),
        make_briefing("ole.md", [("S", ["Mara Lind and Olek Brandt, a fisher, met."])],
                      [person("mara-lind", "Mara Lind"), person("olek-brandt", "Olek Brandt", role="fisher")],
                      date=dt.date(2023, 1, 1)),
    ]


def seen(library: Library) -> list[object]:
    """Everything a reader can see of a library: order, each briefing's people and places, the index."""
    ids = list(library.index)
    return [
        [b.key for b in library.briefings],
        [(b.key, b.entities, b.mentions, b.quotes) for b in library.briefings],
        list(library.index.items()),
        [[(b.key, m) for b, m in library.mentions_of(i)] for i in ids],
        [[(b.key, q) for b, q in library.quotes_by(i)] for i in ids],
    ]


def test_adding_one_briefing_at_a_time_in_any_order_gives_what_one_add_gives() -> None:
    whole = Library()
    whole.add(corpus())
    expected = seen(whole)
    assert "person:lind" not in whole.index and "person:brandt" not in whole.index
    for order in itertools.permutations(range(5)):
        library = Library()
        briefings = corpus()
        for index in order:
            library.add([briefings[index]])
            seen(library)  # the reader looks between batches
        assert seen(library) == expected, order


def test_batches_of_any_size_give_what_one_add_gives() -> None:
    whole = Library()
    whole.add(corpus())
    for cuts in ([1], [2, 3], [1, 4], [3]):
        library = Library()
        briefings = corpus()[::-1]
        for start, end in zip([0, *cuts], [*cuts, 5], strict=True):
            library.add(briefings[start:end])
        assert seen(library) == seen(whole), cuts


def test_an_index_built_in_one_pass_is_the_one_built_entry_by_entry() -> None:
    """Just loaded, every entry is rebuilt in one pass over the library; a few, one by one: the same."""
    whole = Library()
    whole.add(corpus())
    one_pass = list(whole.index.items())
    piecewise = Library()
    piecewise.add(corpus())
    for stale in sorted({e for b in piecewise.briefings for e in b.entities}):
        piecewise.entity(stale)  # an entry asked for alone is rebuilt alone
    assert list(piecewise.index.items()) == one_pass
    entry = whole.entity("person:mara-lind")
    assert entry is not None and entry.briefings == ["ole.md", "full.md", "short.md"]  # library order
    assert entry.roles == {"full.md": "mayor"}


def test_a_lone_surname_loaded_first_joins_the_full_name_loaded_later() -> None:
    library = Library()
    short, *_ = briefings = corpus()
    library.add([short])
    assert library.entity("person:lind") is not None  # nobody else is called Lind yet
    library.add(briefings[1:])
    assert library.entity("person:lind") is None
    entry = library.entity("person:mara-lind")
    assert entry is not None and entry.briefings == ["ole.md", "full.md", "short.md"]
    assert [b.key for b, _ in library.quotes_by("person:mara-lind")] == ["short.md"]
    assert next_mention(library, "person:mara-lind", None, +1) is not None


def test_a_file_added_twice_is_listed_once_and_errors_accumulate() -> None:
    library = Library()
    first = full_story()
    library.add([first, full_story()], [LoadError("bad.md", "broken")])
    library.add([full_story()], [LoadError("worse.md", "broken")])
    assert [b.key for b in library.briefings] == ["full.md"]
    assert library.briefing("full.md") is first
    assert [e.path for e in library.errors] == ["bad.md", "worse.md"]
    entry = library.entity("person:mara-lind")
    assert entry is not None and entry.briefings == ["full.md"]


def test_a_removed_briefing_leaves_the_list_the_index_and_the_mentions() -> None:
    library = Library()
    library.add(corpus())
    removed = library.remove("olek.md")
    assert removed is not None and removed.key == "olek.md"
    assert library.briefing("olek.md") is None and "olek.md" not in [b.key for b in library.briefings]
    entry = library.entity("person:olek-brandt")
    assert entry is not None and entry.briefings == ["ole.md", "brandt.md"]
    assert entry.roles == {"ole.md": "fisher"}
    assert "olek.md" not in {b.key for b, _ in library.mentions_of("person:olek-brandt")}
    assert library.remove("olek.md") is None
    library.add([removed])  # added again (reloaded): as before
    whole = Library()
    whole.add(corpus())
    assert seen(library) == seen(whole)


def test_the_index_keeps_every_detail_of_an_entity_and_merging_leaves_the_briefings_alone() -> None:
    harbour = Entity("place:port-eld", EntityKind.PLACE, "Port Eld", ["Port Eld"], "a harbour town",
                     PlaceKind.TOWN, "Norway", (60.1, 5.2), Origin.DECLARED, "rebuilt in 1990")
    first = make_briefing("a.md", [("S", ["Port Eld at dawn."])], [harbour], date=dt.date(2024, 1, 1))
    later = make_briefing("b.md", [("S", ["Eld harbour."])],
                          [place("port-eld", "Port Eld", "Eld harbour")], date=dt.date(2024, 2, 1))
    library = Library()
    library.add([later, first])
    entry = library.entity("place:port-eld")
    assert entry is not None
    assert entry.entity.aliases == ["Port Eld", "Eld harbour"]
    merged = entry.entity
    assert (merged.role, merged.place_kind, merged.country, merged.coords, merged.origin, merged.note) == (
        "a harbour town", PlaceKind.TOWN, "Norway", (60.1, 5.2), Origin.DECLARED, "rebuilt in 1990")
    assert first.entities["place:port-eld"].aliases == ["Port Eld"], "the briefing's own entity is untouched"


def test_mentions_near_a_briefing_start_a_fifth_of_the_rows_before_it() -> None:
    """A long list of mentions is cut to a stretch holding the open briefing's, so a card can start there."""
    port = place("lume", "Porto Lume")
    days = [make_briefing(f"day{n:02}.md", [("", ["Porto Lume, then Porto Lume again."])], [port])
            for n in range(20)]  # two mentions each: forty in all
    library = Library()
    library.add(days, [])
    skipped, mentions = library.mentions_near(port.id, "day12.md", 10)
    listed = [briefing.key for briefing, _ in itertools.islice(mentions, 10)]
    assert skipped == 22  # eleven briefings before: the rows before day12's are two, a fifth of ten
    assert listed[:4] == ["day11.md", "day11.md", "day12.md", "day12.md"]
    skipped, mentions = library.mentions_near(port.id, "day19.md", 10)
    assert skipped == 30  # near the end, the list still has its ten rows
    assert [b.key for b, _ in mentions][-2:] == ["day19.md", "day19.md"]
    skipped, mentions = library.mentions_near(port.id, "day01.md", 10)
    assert skipped == 0 and next(mentions)[0].key == "day00.md"
    assert library.mentions_near(port.id, None, 10)[0] == 0
    assert library.mentions_near(port.id, "day12.md", 40)[0] == 0  # all forty fit


def test_presences_follow_the_library_as_it_grows_and_shrinks() -> None:
    """Remembered per entity for a card's several questions, never stale after an add or a remove."""
    port = place("lume", "Porto Lume")
    first = make_briefing("a.md", [("", ["Porto Lume, then Porto Lume again."])], [port])
    library = Library()
    library.add([first], [])
    assert [(b.key, p.mentions) for b, p in library.presences(port.id)] == [("a.md", 2)]
    assert library.presences(port.id) is library.presences(port.id)  # asked again: not redone
    library.add([make_briefing("b.md", [("", ["Porto Lume once."])], [port])], [])
    assert [(b.key, p.mentions) for b, p in library.presences(port.id)] == [("a.md", 2), ("b.md", 1)]
    assert library.mention_count(port.id) == 3
    library.remove("a.md")
    assert [b.key for b, _ in library.presences(port.id)] == ["b.md"] and library.mention_count(port.id) == 1


def test_mentions_near_the_last_briefing_list_all_of_its_mentions() -> None:
    """QA: a card opened from the last briefing listed 2 of its 4 mentions ("… 2 more not listed")."""
    port = place("lume", "Porto Lume")
    days = [make_briefing(f"day{n:02}.md", [("", ["Porto Lume, then Porto Lume again."])], [port])
            for n in range(19)]  # two mentions each
    four = "Porto Lume. Porto Lume. Porto Lume. Porto Lume."
    days.append(make_briefing("day19.md", [("", [four])], [port]))
    library = Library()
    library.add(days, [])
    skipped, mentions = library.mentions_near(port.id, "day19.md", 11)
    listed = [briefing.key for briefing, _ in itertools.islice(mentions, 11)]
    assert listed.count("day19.md") == 4 and skipped + len(listed) == 42
