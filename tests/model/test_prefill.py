"""Cold libraries parsed in helper processes: the same library as loading in-process, only sooner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import tui.model.loader as loader
import tui.model.prefill as prefill
from tui.model.cache import has_entry
from tui.model.document import Briefing, LoadError
from tui.model.loader import load_library

PEOPLE = ["Ada Quill", "Bram Osei", "Cora Lind", "Dov Marsh", "Eli Frost"]
PLACES = ["Porto Lume", "Varna", "Kestrel Bay"]


def make_library(root: Path, count: int) -> list[Path]:
    """``count`` small articles, Markdown and raw text, each naming a person, a place and a quote."""
    paths = []
    for n in range(count):
        person, place = PEOPLE[n % len(PEOPLE)], PLACES[n % len(PLACES)]
        body = (f"{person} arrived in {place} on Monday, officials said.\n\n"
                f'"We will rebuild the harbour," {person} told reporters in {place}.\n')
        if n % 3:
            path = root / f"story-{n:02}.md"
            front = f"---\ntitle: Story {n}\ndate: 2024-03-{1 + n % 28:02}\n---\n\n"
            path.write_text(f"{front}# Story {n}\n\n{body}")
        else:
            path = root / f"story-{n:02}.txt"
            path.write_text(f"Story {n}\n\n{body}")
        paths.append(path)
    return paths


def counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record the files this process parses itself (helpers parse in their own processes)."""
    parsed: list[Path] = []
    original = loader._load_file

    def spy(path: Path, data: bytes | None = None,
            early: loader.Early | None = None) -> tuple[Briefing | None, list[LoadError]]:
        parsed.append(path)
        return original(path, data, early)

    monkeypatch.setattr(loader, "_load_file", spy)
    return parsed


def test_a_cold_library_is_parsed_by_helpers_into_the_same_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_library(tmp_path, prefill.MIN_COLD + 6)
    expected = load_library([tmp_path], cache=False)
    monkeypatch.setattr(prefill, "helper_count", lambda: 2)  # even on a one-core machine
    parsed = counting_parses(monkeypatch)
    library = load_library([tmp_path])
    assert library.briefings == expected.briefings and library.errors == expected.errors
    assert [b.key for b in library.briefings] == [b.key for b in expected.briefings]
    assert len(parsed) == 1, "only the first file is parsed here; helpers parse (and cache) the rest"
    assert all(has_entry(b.path) for b in library.briefings)
    assert load_library([tmp_path]).briefings == expected.briefings and len(parsed) == 1  # all warm now


def test_without_helpers_everything_loads_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_library(tmp_path, prefill.MIN_COLD + 2)
    expected = load_library([tmp_path], cache=False)
    monkeypatch.setattr(prefill, "helper_count", lambda: 2)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))  # helpers cannot start
    parsed = counting_parses(monkeypatch)
    assert load_library([tmp_path]).briefings == expected.briefings
    assert len(parsed) == prefill.MIN_COLD + 2


def test_a_few_cold_files_load_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_library(tmp_path, 5)
    parsed = counting_parses(monkeypatch)
    assert len(load_library([tmp_path]).briefings) == 5 and len(parsed) == 5


def test_no_helpers_when_the_cache_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Helpers hand over through the cache; without one they would parse every file twice."""
    make_library(tmp_path, prefill.MIN_COLD + 2)
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory should be")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setattr(prefill, "helper_count", lambda: 2)
    started: list[object] = []
    monkeypatch.setattr(prefill, "_Helpers", lambda *args: started.append(args))
    assert len(load_library([tmp_path]).briefings) == prefill.MIN_COLD + 2 and started == []
