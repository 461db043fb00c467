"""An entity's timeline: its briefings by date (undated last), counts, roles, quotes and where to jump."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui.model.document import SourceFormat
from tui.model.entities import EntityKind, Location
from tui.model.extract.names import entity_id
from tui.model.library import Library
from tui.model.loader import load_text
from tui.model.timeline import timeline

LIND = entity_id(EntityKind.PERSON, "Mara Lind")
PORT = entity_id(EntityKind.PLACE, "Penmarch")


def article(title: str, date: str | None, role: str, body: str) -> str:
    dated = f"date: {date}\n" if date else ""
    return (
        f"---\ntitle: {title}\n{dated}extract: off\n"
        f"people:\n  - name: Mara Lind\n    aliases: [Lind]\n    role: {role}\n"
        "places:\n  - name: Penmarch\n    kind: town\n"
        "quotes:\n  - speaker: Mara Lind\n    text: We stay open\n"
        f"---\n{body}\n"
    )


def library() -> Library:
    texts = {
        "c.md": article("Third", "2024-06-01", "mayor", 'Mara Lind spoke. "We stay open," Lind said.'),
        "a.md": article("First", "2024-01-05", "harbour master",
                        "Lind came to Penmarch. Lind left. Lind rested."),
        "u.md": article("Undated", None, "resident", "Penmarch was quiet, and Lind was away."),
        "n.md": "---\ntitle: Elsewhere\ndate: 2024-03-01\nextract: off\n---\nNobody of note here.\n",
    }
    lib = Library()
    for name, text in texts.items():
        briefing, errors = load_text(text, Path(name), SourceFormat.MARKDOWN)
        assert briefing is not None, errors
        lib.add([briefing])
    return lib


def test_points_are_in_date_order_with_undated_last_and_only_where_the_entity_appears() -> None:
    line = timeline(library(), LIND)
    assert line is not None
    assert [p.title for p in line.points] == ["First", "Third", "Undated"]
    assert [p.date for p in line.points] == [dt.date(2024, 1, 5), dt.date(2024, 6, 1), None]
    assert line.undated == 2
    assert line.span == (dt.date(2024, 1, 5), dt.date(2024, 6, 1))


def test_each_point_counts_mentions_gives_the_role_there_and_its_quotes() -> None:
    line = timeline(library(), LIND)
    assert line is not None
    first, third, undated = line.points
    assert (first.mentions, third.mentions, undated.mentions) == (3, 2, 1)
    assert (first.role, third.role, undated.role) == ("harbour master", "mayor", "resident")
    assert [q.text for q in third.quotes] == ["We stay open"]
    assert first.quotes == () and undated.quotes == ()
    assert line.most_mentions == 3 and line.total_mentions == 6


def test_a_point_jumps_to_the_first_mention_in_its_briefing() -> None:
    line = timeline(library(), LIND)
    assert line is not None
    point = line.points[0]
    assert point.first == Location(0, 0, 0, 4)  # "Lind came to Penmarch..."
    assert point.position.briefing == "a.md" and point.position.location == point.first
    assert line.index_of("c.md") == 1 and line.index_of("n.md") is None


def test_a_place_has_its_kind_as_role_and_a_declared_but_unnamed_briefing_has_nowhere_to_jump() -> None:
    line = timeline(library(), PORT)
    assert line is not None
    assert line.kind is EntityKind.PLACE
    # "Third" declares Penmarch in its front matter but never names it: listed, with no mention.
    assert [(p.title, p.mentions, p.role) for p in line.points] == [
        ("First", 1, "town"), ("Third", 0, "town"), ("Undated", 1, "town")]
    assert line.points[1].first is None and line.points[1].quotes == ()


def test_unknown_entity_has_no_timeline() -> None:
    assert timeline(library(), "person:nobody-at-all") is None
