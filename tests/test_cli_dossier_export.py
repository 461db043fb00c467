"""``briefing dossier`` and ``briefing export``: output, files written, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tui.cli import main
from tui.model.loader import load_library

GOOD = """---
title: Harbour reopens after the storm
date: 2024-05-02
people:
  - name: Ada Quill
    aliases: [Quill]
    role: harbour master
  - name: Carl Berg
  - name: Anna Berg
places:
  - name: Penmarch
    kind: town
quotes:
  - speaker: Ada Quill
    text: The cranes are safe
---
## The morning

Ada Quill walked the quay in Penmarch at six. Carl Berg and Anna Berg came later.

## The word

"The cranes are safe," Quill told the crews.
"""

RAW = "Kerlaz counts its boats\n\nJean Morvan counted the boats in Kerlaz on Monday. [b]x[/b] \x1b[31m\n"


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    return folder


def test_dossier_prints_markdown_for_a_name_given_in_any_case(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dossier", "ADA QUILL", str(articles)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Ada Quill\n")
    assert "**harbour master**" in out and "> The cranes are safe" in out
    assert "**Ada Quill** walked the quay in Penmarch at six." in out


def test_dossier_of_an_unknown_name_is_one_line_with_the_closest(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dossier", "Ada Quist", str(articles)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert "no person or place called 'Ada Quist'" in lines[0] and "closest: Ada Quill" in lines[0]


def test_an_ambiguous_name_lists_the_candidates(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dossier", "berg", str(articles)]) == 1
    err = capsys.readouterr().err
    assert "could mean 2 entries" in err
    assert "person:ana-berg  (Anna Berg)" in err and "person:carl-berg  (Carl Berg)" in err
    assert main(["dossier", "person:carl-berg", str(articles)]) == 0


def test_dossier_to_a_file(articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "quill.md"
    assert main(["dossier", "penmarch", str(articles), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Penmarch\n")
    captured = capsys.readouterr()
    assert captured.out == "" and f"wrote {target}" in captured.err
    assert main(["dossier", "penmarch", str(articles), "-o", str(tmp_path / "no" / "such" / "dir.md")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err


def test_dossier_without_paths_reads_the_bundled_briefings(capsys: pytest.CaptureFixture[str]) -> None:
    entry = next(iter(load_library().entities()))
    assert main(["dossier", entry.entity.name]) == 0
    assert capsys.readouterr().out.startswith("# ")


def test_export_md_writes_into_export_by_default_and_loads_back(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (articles / "boats.txt").write_text(RAW, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["export", str(articles)]) == 0
    captured = capsys.readouterr()
    assert sorted(Path(line).name for line in captured.out.splitlines()) == ["boats.md", "good.md"]
    assert "2 briefings written to export" in captured.err
    exported = work / "export"
    assert sorted(p.name for p in exported.iterdir()) == ["boats.md", "good.md"]
    text = (exported / "boats.md").read_text(encoding="utf-8")
    assert text.startswith("---\n") and "\x1b" not in text and "\\[b\\]x\\[/b\\]" in text
    again = load_library([exported], cache=False)
    assert not again.has_errors
    assert all(not b.extract for b in again.briefings)
    assert sorted(os.listdir(articles)) == ["boats.txt", "good.md"]  # nothing written beside the sources


def test_export_json_is_the_extract_document_per_file(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "json"
    assert main(["export", str(articles), "--format", "json", "-o", str(out)]) == 0
    data = json.loads((out / "good.json").read_text(encoding="utf-8"))
    capsys.readouterr()
    assert main(["extract", str(articles)]) == 0
    assert data == json.loads(capsys.readouterr().out)
    [briefing] = data["briefings"]
    assert briefing["title"] == "Harbour reopens after the storm"
    assert data["errors"] == []


def test_export_refuses_to_write_over_the_sources(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (articles / "good.md").read_text(encoding="utf-8")
    assert main(["export", str(articles), "-o", str(articles)]) == 1
    err = capsys.readouterr().err
    assert "is a source file" in err and "0 briefings written" in err
    assert (articles / "good.md").read_text(encoding="utf-8") == before


def test_export_reports_files_that_did_not_load_and_exits_1(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (articles / "broken.md").write_text("---\ntitle: x\n", encoding="utf-8")
    assert main(["export", str(articles), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "broken.md:1:" in err and "(not exported)" in err
    assert (tmp_path / "out" / "good.md").is_file()


def test_export_needs_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export"]) == 2
    assert "PATH" in capsys.readouterr().err
