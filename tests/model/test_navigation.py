"""Navigation between linked items, mentions, quotes, sections and briefings."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.model.navfixtures import make_briefing, person, two_briefing_library
from tui.model.entities import Location
from tui.model.library import Library
from tui.model.loader import load_library
from tui.model.navigation import (
    LinkKind,
    Position,
    _library_step,
    linked_items,
    mention_positions,
    next_briefing,
    next_linked_item,
    next_mention,
    next_quote_by,
    next_section,
    speaker_position,
)

MARA = "person:mara-lind"
LOADER_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "loader"


def text_at(library: Library, position: Position) -> str:
    briefing = library.briefing(position.briefing)
    loc = position.location
    assert briefing is not None and loc is not None
    return briefing.block(loc.section, loc.block).text[loc.start : loc.end]


def test_linked_items_come_in_reading_order_with_a_quote_before_the_names_inside_it() -> None:
    bob = person("bob-ray", "Bob Ray", "Ray")
    briefing = make_briefing("q.md", [("One", ["Ray spoke. “Ask Bob Ray again,” he said. Ray left."])], [bob])
    items = linked_items(briefing)
    mention, quote = LinkKind.MENTION, LinkKind.QUOTE
    assert [item.kind for item in items] == [mention, quote, mention, mention]
    assert items[1].quote_index == 0
    assert [item.location.start for item in items] == sorted(item.location.start for item in items)


def test_cursor_walks_forward_and_back_through_linked_items_and_stops_at_the_ends() -> None:
    library = two_briefing_library()
    briefing = library.briefing("a.md")
    assert briefing is not None
    items = linked_items(briefing)
    seen = []
    item = next_linked_item(briefing, None, +1)
    while item is not None:
        seen.append(item)
        item = next_linked_item(briefing, item, +1)
    assert seen == items
    assert next_linked_item(briefing, items[-1], +1) is None
    assert next_linked_item(briefing, items[0], -1) is None
    assert next_linked_item(briefing, items[2].location, -1) == items[1]
    assert next_linked_item(briefing, None, -1) == items[-1]


def test_from_a_point_between_items_next_is_the_first_item_at_or_after_it() -> None:
    library = two_briefing_library()
    briefing = library.briefing("a.md")
    assert briefing is not None
    top_of_harbour = Location(1, 0, 0, 0)
    item = next_linked_item(briefing, top_of_harbour, +1)
    assert item is not None and item.entity_id == "person:olek-brandt"
    before = next_linked_item(briefing, top_of_harbour, -1)
    assert before is not None and before.location.section == 0


def test_next_mention_follows_one_entity_across_sections_and_into_the_next_briefing() -> None:
    library = two_briefing_library()
    visited = []
    position = next_mention(library, MARA, None, +1)
    while position is not None:
        visited.append((position.briefing, text_at(library, position)))
        position = next_mention(library, MARA, position, +1)
    assert visited == [
        ("a.md", "Mara Lind"), ("a.md", "Lind"), ("a.md", "Lind"), ("b.md", "Lind"), ("b.md", "Lind"),
    ]
    last = next_mention(library, MARA, None, -1)
    assert last is not None and last.briefing == "b.md"
    back = next_mention(library, MARA, last, -1)
    assert back is not None and back.briefing == "b.md" and back.location < last.location  # type: ignore[operator]


def test_next_mention_from_somewhere_else_and_from_a_whole_briefing() -> None:
    library = two_briefing_library()
    olek_spot = next_mention(library, "person:olek-brandt", None, +1)
    assert olek_spot is not None
    after = next_mention(library, MARA, olek_spot, +1)
    assert after is not None and after.location is not None and after.location.section == 1
    start_of_b = next_mention(library, MARA, Position("b.md"), +1)
    assert start_of_b is not None and start_of_b.briefing == "b.md"
    assert next_mention(library, "person:nobody", None, +1) is None


def test_quotes_by_a_person_in_library_order_and_the_speaker_beside_the_quote() -> None:
    library = two_briefing_library()
    first = next_quote_by(library, MARA, None, +1)
    assert first is not None and first.briefing == "a.md"
    second = next_quote_by(library, MARA, first, +1)
    assert second is not None and second.briefing == "b.md"
    assert next_quote_by(library, MARA, second, +1) is None
    briefing = library.briefing("a.md")
    assert briefing is not None
    speaker = speaker_position(briefing, briefing.quotes[0], library)
    text = briefing.block(0, 1).text
    assert speaker == Position("a.md", Location(0, 1, text.index("Lind"), text.index("Lind") + 4))
    b = library.briefing("b.md")
    assert b is not None
    spot = speaker_position(b, b.quotes[0], library)
    assert spot is not None and text_at(library, spot) == "Lind" and spot.location.block == 1  # type: ignore[union-attr]


def test_speaker_not_named_in_the_briefing_resolves_to_their_first_mention_in_the_library() -> None:
    library = two_briefing_library()
    lonely = make_briefing("c.md", [("Only", ["“Short and sweet,” said a voice."])], speakers=[MARA])
    assert speaker_position(lonely, lonely.quotes[0]) is None
    spot = speaker_position(lonely, lonely.quotes[0], library)
    assert spot is not None and spot.briefing == "a.md"


def test_sections_and_briefings_step_without_wrapping() -> None:
    library = two_briefing_library()
    briefing = library.briefing("a.md")
    assert briefing is not None
    assert next_section(briefing, 0, +1) == 1
    assert next_section(briefing, 1, +1) is None
    assert next_section(briefing, None, -1) == 1
    assert next_briefing(library, "a.md", +1) == "b.md"  # a is dated earlier, so it comes first
    assert next_briefing(library, "b.md", +1) is None
    assert next_briefing(library, None, +1) == "a.md"


def test_linked_items_follow_the_ids_after_library_folding_renames_them() -> None:
    short = make_briefing("short.md", [("S", ["Brandt waved."])], [person("brandt", "Brandt")])
    assert [item.entity_id for item in linked_items(short)] == ["person:brandt"]
    full = make_briefing("full.md", [("S", ["Olek Brandt sailed."])], [person("olek-brandt", "Olek Brandt")])
    library = Library()
    library.add([short, full])
    assert [item.entity_id for item in linked_items(short)] == ["person:olek-brandt"]


def test_next_mention_answers_as_stepping_through_every_mention_does(tmp_path: Path) -> None:
    """It builds only the briefing it steps from and the one it steps into (the rest answer from the head);
    from every kind of start, both ways, its answer is the one a walk over all the mentions gives."""
    for name in ("harbour.md", "flood_raw.txt", "quay_notes.txt", "quay_notes.yaml"):
        shutil.copy(LOADER_FIXTURES / name, tmp_path / name)
    libraries = [two_briefing_library(), load_library([tmp_path]), load_library([tmp_path])]  # cold, warm
    for library in libraries:
        for entity_id in library.index:
            starts: list[Position | None] = [None, Position("not/in/the/library.md")]
            for briefing in library.briefings:
                starts.append(Position(briefing.key))
                for section_index, section in enumerate(briefing.sections):
                    for block_index, block in enumerate(section.blocks):
                        end = len(block.text)
                        starts += [Position(briefing.key, Location(section_index, block_index, at, at))
                                   for at in (0, end // 2, end)]
                starts += [Position(briefing.key, m.location) for m in briefing.mentions]
            for start in starts:
                for direction in (1, -1):
                    walked = _library_step(library, mention_positions(library, entity_id), start, direction)
                    assert next_mention(library, entity_id, start, direction) == walked, (entity_id, start)


def test_stepping_into_a_warm_briefing_builds_none_of_the_others(tmp_path: Path) -> None:
    for day in range(1, 6):
        (tmp_path / f"2025-05-0{day}.md").write_text(
            f"---\ntitle: Day {day}\ndate: 2025-05-0{day}\nplaces:\n  - name: Porto Lume\n"
            f"extract: false\n---\nPorto Lume woke early on day {day}. Porto Lume slept late.\n",
            encoding="utf-8")
    load_library([tmp_path])
    warm = load_library([tmp_path])
    second = warm.briefings[1]
    last_here = Position(second.key, second.mentions[-1].location)
    found = next_mention(warm, "place:porto-lume", last_here, +1)
    assert found == Position(warm.briefings[2].key, Location(0, 0, 0, 10))
    assert [b._annotations is None for b in warm.briefings] == [False, True, False, False, False]
