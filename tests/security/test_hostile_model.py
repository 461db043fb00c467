"""The model under hostile input: what the loader keeps is plain data, and bad YAML is refused.

Every payload of :mod:`tests.security.hostile` goes into every field of a
briefing; the loader must return a briefing whose strings hold no control
character, whose markup is kept verbatim (it is text, not formatting), and
whose mentions are exact. YAML attacks are refused quickly, in bounded memory,
without running anything.
"""

from __future__ import annotations

import os
import subprocess
import time
import tracemalloc
from pathlib import Path

import pytest

from tests.security.hostile import (
    PAYLOADS,
    VISIBLE_MARKUP,
    YAML_ATTACKS,
    HostileLibrary,
    control_characters,
    front_matter_file,
    inexact_mentions,
    write_library,
)
from tui.model.document import Briefing, Severity, SourceFormat
from tui.model.entities import EntityKind, Origin
from tui.model.loader import discover, load_file, load_text

MEMORY_LIMIT = 50 * 1024 * 1024
TIME_LIMIT = 2.0


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileLibrary:
    return write_library(tmp_path_factory.mktemp("hostile"))


def _declared(briefing: Briefing, kind: EntityKind) -> list[str]:
    return [e.id for e in briefing.entities.values() if e.kind is kind and e.origin is Origin.DECLARED]


@pytest.mark.parametrize("key", [*PAYLOADS, "everything"])
def test_payload_in_every_field_is_kept_as_plain_data(hostile: HostileLibrary, key: str) -> None:
    briefing, problems = load_file(hostile.markdown[key])
    assert briefing is not None, problems
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    assert control_characters(briefing) == []
    assert inexact_mentions(briefing) == []
    # Every field survived, whatever the payload did to it.
    assert briefing.title.startswith("Title")
    assert briefing.source is not None and briefing.source.startswith("Source")
    assert briefing.summary is not None and briefing.summary.startswith("Summary")
    assert briefing.tags[-1] == "plain" and briefing.tags[0].startswith("tag")
    assert [s.title.split()[0] for s in briefing.sections[1:]] == ["Heading", "Aftermath"]
    [person] = _declared(briefing, EntityKind.PERSON)
    [place] = _declared(briefing, EntityKind.PLACE)
    jane, town = briefing.entities[person], briefing.entities[place]
    assert jane.role is not None and jane.role.startswith("minister")
    assert jane.note is not None and jane.note.startswith("note")
    assert town.country is not None and town.country.startswith("Country")
    if key not in ("escape_carriage_return", "markup_rich_escape", "everything"):
        # (a carriage return splits the name over two lines; Markdown reads "\[" as an escaped "["; the
        # all-in-one briefing holds both)
        assert any(q.declared and q.text.startswith("we stay") for q in briefing.quotes)
        assert any(m.entity_id == person for m in briefing.mentions), jane.name
        assert any(m.entity_id == place for m in briefing.mentions), town.name
    payload = PAYLOADS.get(key, VISIBLE_MARKUP)
    if key.startswith(("markup_", "bidi_", "zero_width_")) or key == "everything":
        # Markup is text; bidi and zero-width characters are data the display must neutralise.
        shown = payload if key != "everything" else VISIBLE_MARKUP
        assert shown in briefing.title and shown in jane.name and shown in (jane.role or "")
        in_markdown = shown.replace("\\[", "[")  # Markdown reads "\[" as an escaped bracket
        assert any(in_markdown in block.text for section in briefing.sections for block in section.blocks)
        assert in_markdown in briefing.sections[1].title


def test_raw_article_and_its_sidecar_keep_markup_and_drop_controls(hostile: HostileLibrary) -> None:
    briefing, problems = load_file(hostile.raw)
    assert briefing is not None, problems
    assert briefing.format is SourceFormat.TEXT
    assert control_characters(briefing) == []
    assert inexact_mentions(briefing) == []
    assert briefing.title.startswith("Sidecar title") and VISIBLE_MARKUP in briefing.title
    roles = [e.role for e in briefing.entities.values() if e.origin is Origin.DECLARED]
    assert roles and roles[0] is not None and roles[0].startswith("envoy")
    assert any("removed" in p.message for p in problems)  # the reader is told something was dropped


@pytest.mark.parametrize("key", ["markup_click", "escape_osc52_clipboard", "bidi_rlo"])
def test_broken_front_matter_is_an_error_with_lines_and_clean_messages(
    hostile: HostileLibrary, key: str
) -> None:
    briefing, problems = load_file(hostile.broken[key])
    assert briefing is None
    assert {p.line for p in problems} == {3, 4}  # the unknown key and the wrong type, by file line
    assert any(p.severity is Severity.ERROR and "'people' must be a list" in p.message for p in problems)
    for problem in problems:
        assert "\x1b" not in problem.message and "\x07" not in problem.message


def test_hostile_file_names_are_found_and_kept_as_data(hostile: HostileLibrary) -> None:
    files, errors = discover([hostile.root])
    assert errors == []
    for key, path in hostile.named.items():
        assert path in files, key
        briefing, problems = load_file(path)
        assert briefing is not None or problems, key
        assert all(p.path == str(path) for p in problems), key
        if briefing is not None:
            assert briefing.key == str(path) and control_characters(briefing) == []


# -- YAML bombs and tags -------------------------------------------------------------------------


def _measure(text: str, path: Path) -> tuple[Briefing | None, list[str], float, int]:
    """Load ``text``: the outcome, its errors, the time (untraced) and the peak of traced memory."""
    started = time.perf_counter()
    briefing, problems = load_text(text, path, SourceFormat.MARKDOWN)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        load_text(text, path, SourceFormat.MARKDOWN)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    errors = [f"{p.line}: {p.message}" for p in problems if p.severity is Severity.ERROR]
    return briefing, errors, elapsed, peak


_EXPECTED = {
    "python_object_apply": "!!python/object/apply:os.system is not allowed",
    "python_object_new": "!!python/object/new:subprocess.Popen is not allowed",
    "python_name": "!!python/name:os.system is not allowed",
    "python_module": "!!python/module:os is not allowed",
    "verbatim_tag": "!!python/object/apply:os.system is not allowed",
    "tag_directive": "invalid YAML",  # a directive cannot even start front matter (sidecars: below)
    "custom_tag": "!evil is not supported",
    "binary": "!!binary is not supported",
    "set": "!!set is not supported",
    "billion_laughs": "expands to more than",
    "billion_laughs_small_wide": "expands to more than",
    "deep_flow": "nested more than",
    "deep_block": "too long",
    "recursive_alias": "'tags' must be text",
    "merge_bomb": "has no 'name'",
    "many_keys": "expands to more than",
    "huge_scalar": "too long",
}


@pytest.mark.parametrize("name", list(YAML_ATTACKS))
def test_yaml_attack_is_refused_quickly_in_bounded_memory(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"front matter ran a command: {args}")

    monkeypatch.setattr(os, "system", forbidden)
    monkeypatch.setattr(subprocess, "Popen", forbidden)
    text = front_matter_file(YAML_ATTACKS[name])
    briefing, errors, elapsed, peak = _measure(text, tmp_path / f"{name}.md")
    with capsys.disabled():
        print(f"\n  yaml {name}: {len(text):,} chars refused in {elapsed * 1000:.0f} ms, "
              f"peak {peak / 2**20:.1f} MB")
    assert briefing is None
    assert any(_EXPECTED[name] in error for error in errors), errors
    assert all(error.split(":")[0].isdigit() for error in errors), errors  # each names its file line
    assert elapsed < TIME_LIMIT
    assert peak < MEMORY_LIMIT


def test_python_tags_and_directives_in_a_sidecar_are_refused(tmp_path: Path) -> None:
    for name in ("tag_directive", "python_object_apply", "billion_laughs"):
        article = tmp_path / f"{name}.txt"
        article.write_text("Jane Doe said the talks would go on.\n", encoding="utf-8")
        article.with_suffix(".yaml").write_text(YAML_ATTACKS[name], encoding="utf-8")
        briefing, problems = load_file(article)
        assert briefing is None, name
        assert problems[0].path == str(article.with_suffix(".yaml")) and problems[0].line is not None
        assert "not allowed" in problems[0].message or "expands" in problems[0].message, problems
