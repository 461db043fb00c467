"""Export: a briefing written with its annotations loads again with the same people, places and quotes."""

from __future__ import annotations

import json
from pathlib import Path

from tui.model.document import Briefing
from tui.model.export import library_to_dict
from tui.model.export_md import briefing_json, briefing_markdown, plan_targets, read_source
from tui.model.frontmatter import parse_metadata, split_front_matter
from tui.model.library import Library
from tui.model.loader import load_library

ARTICLE = """---
title: Harbour reopens after the storm
date: 2024-05-02
tags: [ports, weather]
desk: coast  # a key of the author's own, kept as written
people:
  - name: Ada Quill
    aliases: [Quill]
    role: harbour master
    note: Checked by the desk.
---
## The morning

Ada Quill walked the quay in Penmarch at six on Tuesday, with the mayor, Tomas Brel.

## The word

"The cranes are safe and the ferries will sail tomorrow," Quill told the crews in Penmarch.

Brel said the town of Locmaria had lost power overnight.

"We will have the lights back by the evening," said Tomas Brel, the mayor of Penmarch.
"""

RAW = """Storm clears over Kerlaz

Jean Morvan, the fisheries officer, counted the boats in Kerlaz on Monday morning.

"Every boat came home," Morvan said, standing on the pier at Kerlaz.

Some lines start like Markdown: 1. not a list, # not a heading, [@click=app.quit]x[/] and *stars*.
"""


def _summary(briefing: Briefing) -> tuple[object, ...]:
    """What an editor expects to survive: entities (id, kind, name, role, place kind), counts, quotes."""
    entities = sorted((e.id, e.kind.value, e.name, e.role, e.place_kind, e.coords)
                      for e in briefing.entities.values())
    counts: dict[str, int] = {}
    for mention in briefing.mentions:
        counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    quotes = [(q.text, q.speaker_id) for q in briefing.quotes]
    return entities, counts, quotes


def _export_and_reload(tmp_path: Path, name: str, text: str) -> tuple[Briefing, Briefing, str]:
    source = tmp_path / "src" / name
    source.parent.mkdir(exist_ok=True)
    source.write_text(text, encoding="utf-8")
    first = load_library([source], cache=False)
    assert not first.has_errors, first.errors
    exported = briefing_markdown(first.briefings[0], first)
    target = tmp_path / "out" / (source.stem + ".md")
    target.parent.mkdir()
    target.write_text(exported, encoding="utf-8")
    second = load_library([target], cache=False)
    assert [e for e in second.errors if e.severity.value == "error"] == []
    return first.briefings[0], second.briefings[0], exported


def test_markdown_round_trip_keeps_entities_quotes_body_and_the_authors_keys(tmp_path: Path) -> None:
    before, after, exported = _export_and_reload(tmp_path, "harbour.md", ARTICLE)
    assert before.entities and before.quotes  # the extractor found something to carry over
    assert _summary(after) == _summary(before)
    assert after.extract is False  # taken as curated from now on
    assert (after.title, after.date, after.tags) == (before.title, before.date, before.tags)
    split = split_front_matter(exported)
    assert split.body == split_front_matter(ARTICLE).body  # the body is the author's, byte for byte
    metadata, problems = parse_metadata(split.yaml_text or "", path="x", first_line=2)
    assert metadata is not None
    assert "desk: coast" in exported and "unknown key 'desk'" in " ".join(p.message for p in problems)
    ada = next(p for p in metadata.people if p.name == "Ada Quill")
    assert ada.role == "harbour master" and ada.note == "Checked by the desk." and "Quill" in ada.aliases
    assert {q.speaker for q in metadata.quotes} >= {"Ada Quill"}


def test_raw_text_exports_to_markdown_that_loads_back_the_same(tmp_path: Path) -> None:
    before, after, exported = _export_and_reload(tmp_path, "storm.txt", RAW)
    assert _summary(after) == _summary(before)
    assert after.title == before.title == "Storm clears over Kerlaz"
    texts = [[block.text for block in section.blocks] for section in before.sections]
    assert [[block.text for block in section.blocks] for section in after.sections] == texts
    assert "\\[@click=app.quit\\]x\\[/\\]" in exported and "\\*stars\\*" in exported


def test_a_sidecar_s_metadata_is_carried_into_the_front_matter(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "storm.yaml").write_text("source: Coast desk\ndate: 2024-02-03\n", encoding="utf-8")
    before, after, _ = _export_and_reload(tmp_path, "storm.txt", RAW)
    assert (after.source, after.date) == ("Coast desk", before.date)
    assert str(before.date) == "2024-02-03"


def test_control_and_markup_characters_in_annotations_are_escaped_in_yaml(tmp_path: Path) -> None:
    hostile = ARTICLE.replace("role: harbour master", 'role: "[b]boss[/b] \\e[31m \\u202e"')
    before, after, exported = _export_and_reload(tmp_path, "harbour.md", hostile)
    assert "\x1b" not in exported and "\u202e" not in exported
    assert _summary(after) == _summary(before)


def test_json_export_is_the_extract_document_of_one_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: nonsense\n---\nText.\n", encoding="utf-8")
    library = load_library([tmp_path], cache=False)
    whole = library_to_dict(library)
    data = json.loads(briefing_json(library.briefings[0], library))
    assert data["briefings"] == [whole["briefings"][0]]
    own = [e for e in whole["errors"] if e["path"].endswith("a.md")]
    assert own and data["errors"] == own  # its own warning, not the other file's error


def test_read_source_of_stdin_or_a_vanished_file_is_empty(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    library = load_library([tmp_path], cache=False)
    (tmp_path / "a.md").unlink()
    source = read_source(library.briefings[0])
    assert source.metadata == {} and source.body is None
    text = briefing_markdown(library.briefings[0], library)  # written from what was loaded
    assert "## The word" in text and "extract: 'off'" in text


def _library(tmp_path: Path, names: list[str]) -> Library:
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")
    return load_library([tmp_path / n.split("/")[0] for n in dict.fromkeys(n.split("/")[0] for n in names)],
                        cache=False)


def test_targets_keep_the_folder_layout_and_turn_txt_into_md(tmp_path: Path) -> None:
    library = _library(tmp_path, ["news/a.md", "news/old/a.md", "news/c.txt"])
    roots = [tmp_path / "news"]
    targets, refused = plan_targets(library.briefings, roots, tmp_path / "export", ".md")
    assert refused == []
    assert sorted(str(p.relative_to(tmp_path / "export")) for p in targets.values()) == [
        "a.md", "c.md", "old/a.md"]


def test_names_that_collide_get_a_number(tmp_path: Path) -> None:
    library = _library(tmp_path, ["x/a.md", "y/a.md"])
    targets, _ = plan_targets(library.briefings, [], tmp_path / "export", ".md")  # files named directly
    assert sorted(p.name for p in targets.values()) == ["a-2.md", "a.md"]


def test_a_source_is_never_overwritten_nor_given_a_twin_beside_it(tmp_path: Path) -> None:
    library = _library(tmp_path, ["news/a.md", "news/c.txt"])
    targets, refused = plan_targets(library.briefings, [tmp_path / "news"], tmp_path / "news", ".md")
    assert targets == {}
    assert len(refused) == 2 and all("not exported" in reason for reason in refused)
    assert any("is a source file" in r for r in refused) and any("beside its source" in r for r in refused)
