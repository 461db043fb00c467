"""The library index across briefings, and folding a surname alone into the full name used elsewhere."""

from __future__ import annotations

import datetime as dt

from tests.model.navfixtures import make_briefing, person, place
from tui.model.document import Briefing, LoadError, Severity
from tui.model.entities import Entity, EntityKind
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
