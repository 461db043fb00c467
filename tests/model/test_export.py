"""The ``extract`` document: its documented shape, and no raw control characters in any output."""

from __future__ import annotations

import json

import yaml

from tests.model.navfixtures import make_briefing, person, place, two_briefing_library
from tui.model.document import Block, BlockKind, LoadError, Severity
from tui.model.export import briefing_to_dict, dump_json, dump_yaml, library_to_dict, printable


def test_the_library_document_has_the_documented_shape_and_values() -> None:
    library = two_briefing_library()
    library.errors.append(LoadError("bad.md", "invalid YAML", 4))
    library.errors.append(LoadError("odd.txt", "invalid UTF-8 replaced", None, Severity.WARNING))
    data = library_to_dict(library)
    assert set(data) == {"briefings", "errors"}
    first = data["briefings"][0]
    assert list(first) == ["path", "title", "date", "sections", "people", "places", "quotes"]
    assert (first["path"], first["title"], first["date"]) == ("a.md", "Flood night", "2024-03-01")
    assert first["sections"][0] == {
        "title": "Floods",
        "paragraphs": ["Water rose in Vessby overnight. Mara Lind closed the bridge.",
                       "“We will open the shelters,” Lind said at dawn."],
    }
    assert first["people"] == [
        {"name": "Mara Lind", "aliases": ["Mara Lind", "Lind"], "role": "mayor of Vessby", "mentions": 3},
        {"name": "Olek Brandt", "aliases": ["Olek Brandt", "Brandt"], "role": "harbour master",
         "mentions": 2},
    ]
    assert first["places"] == [{"name": "Vessby", "aliases": ["Vessby"], "kind": "town", "mentions": 1}]
    assert first["quotes"] == [{"speaker": "Mara Lind", "text": "We will open the shelters,"}]
    assert data["errors"] == [
        {"path": "bad.md", "line": 4, "message": "invalid YAML"},
        {"path": "odd.txt", "line": None, "message": "warning: invalid UTF-8 replaced"},
    ]


def test_possessives_fold_into_the_alias_unmentioned_entities_come_last_and_credits_are_left_out() -> None:
    rask = person("rask", "Rask")
    ghost = person("ghost", "Ada Ghost", role="adviser")
    briefing = make_briefing("p.md", [("S", ["Rask’s plan. Rask agreed. “No,” said someone."])],
                             [rask, ghost, place("tarn", "Tarn")])
    briefing.sections[0].blocks.append(Block(BlockKind.CREDITS, "Editing by Someone"))
    data = briefing_to_dict(briefing)
    assert data["people"] == [
        {"name": "Rask", "aliases": ["Rask"], "role": None, "mentions": 2},
        {"name": "Ada Ghost", "aliases": [], "role": "adviser", "mentions": 0},
    ]
    assert data["places"] == [{"name": "Tarn", "aliases": [], "kind": "city", "mentions": 0}]
    assert data["quotes"] == [{"speaker": None, "text": "No,"}]
    assert data["date"] is None
    assert data["sections"][0]["paragraphs"] == ["Rask’s plan. Rask agreed. “No,” said someone."]


def test_json_and_yaml_round_trip_and_never_carry_raw_control_characters() -> None:
    hostile = "Title \x1b[2J\x9b31m \u202eevil [b]bold[/b]\x07 café ’"
    data = {"briefings": [{"title": hostile, "lines": ["a\nb"]}], "errors": []}
    for text, loader in ((dump_json(data), json.loads), (dump_yaml(data), yaml.safe_load)):
        assert loader(text) == data
        assert not any(ch in text for ch in "\x1b\x9b\u202e\x07"), text
        assert "[b]bold[/b]" in text
    assert "café ’" in dump_json(data)  # readable UTF-8, not \\u escapes, where it is safe


def test_printable_makes_one_visible_line() -> None:
    assert printable("a\tb\nc\x1b[31md\u202e") == "a b\\x0ac\\x1b[31md\\u202e"
    assert printable("Kyiv – “fine”") == "Kyiv – “fine”"
