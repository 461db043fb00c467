"""Discovery: which files a set of paths means, and what cannot be read on the way."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.model.discovery import (
    FOLDER_DOCUMENTS,
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    discover,
    discover_lazily,
    is_briefing_name,
)
from tui.model.document import LoadError
from tui.model.loader import load_library

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "loader"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the loader fixtures."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES, target)
    return target


def write(path: Path, data: str) -> Path:
    path.write_text(data, encoding="utf-8")
    return path


def test_unreadable_directories_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sealed").mkdir()
    write(tmp_path / "ok.md", "Fine.\n")
    original = os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "sealed":
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(os, "scandir", refuse)
    library = load_library([tmp_path])
    assert [b.title for b in library.briefings] == ["Fine"]
    assert [Path(e.path).name for e in library.errors] == ["sealed"]


def test_symlink_loops_are_reported_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "a").mkdir(parents=True)
    write(root / "a" / "story.md", "Story.\n")
    (root / "a" / "back").symlink_to(root, target_is_directory=True)
    (root / "self.md").symlink_to(root / "self.md")
    (root / "ping.txt").symlink_to(root / "pong.txt")
    (root / "pong.txt").symlink_to(root / "ping.txt")
    files, errors = discover([root])
    assert files == [root / "a" / "story.md"]
    messages = {Path(e.path).name: e.message for e in errors}
    assert set(messages) == {"back", "self.md", "ping.txt", "pong.txt"}
    assert all("symlink loop" in message for message in messages.values())


def test_a_sidecar_named_alone_is_explained(corpus: Path) -> None:
    files, errors = discover([corpus / "quay_notes.yaml"])
    assert files == [] and "sidecar" in errors[0].message


def test_the_same_file_twice_loads_once(corpus: Path) -> None:
    files, _ = discover([corpus / "harbour.md", corpus, corpus / "harbour.md"])
    assert [f.name for f in files].count("harbour.md") == 1


def test_a_file_reached_by_links_inside_folders_is_listed_once(tmp_path: Path) -> None:
    root = tmp_path / "library"
    (root / "a").mkdir(parents=True)
    write(root / "a" / "story.md", "# Story\n\nText.\n")
    os.link(root / "a" / "story.md", root / "hard.md")
    (root / "soft.md").symlink_to(root / "a" / "story.md")
    (root / "b").symlink_to(root / "a", target_is_directory=True)
    files, errors = discover([root])
    assert len(files) == 1 and not errors


def test_hidden_entries_and_other_suffixes_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "notes.md", "Hidden.\n")
    write(tmp_path / "data.csv", "a,b\n")
    write(tmp_path / "story.markdown", "Shown.\n")
    files, errors = discover([tmp_path])
    assert [f.name for f in files] == ["story.markdown"] and errors == []


def test_a_folders_readme_is_not_a_briefing_unless_named(tmp_path: Path) -> None:
    """A folder of saved articles often carries a README; it describes the folder, it is not news."""
    (tmp_path / "README.md").write_text("# About this folder\n\nArticles saved for the desk.\n")
    (tmp_path / "license.txt").write_text("Do what you like.\n")
    (tmp_path / "story.md").write_text("# Harbour opens\n\nThe mayor, Carla Menotti, opened it.\n")
    files, errors = discover([tmp_path])
    assert [f.name for f in files] == ["story.md"] and errors == []
    named, _ = discover([tmp_path / "README.md"])
    assert [f.name for f in named] == ["README.md"]


@given(st.text(st.sampled_from("aRm.dtxEADMEkn_"), max_size=14))
def test_a_briefing_name_is_judged_by_the_suffix_and_stem_pathlib_sees(name: str) -> None:
    path = Path(name or "x")
    expected = path.suffix.casefold() in MARKDOWN_SUFFIXES | TEXT_SUFFIXES and (
        path.stem.casefold() not in FOLDER_DOCUMENTS)
    assert is_briefing_name(path.name) == expected


def test_a_lazy_listing_finds_the_first_file_reading_only_the_folders_on_its_way(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader opens the first file before the rest of a big folder is listed."""
    library = tmp_path / "library"
    for month in ("01", "02", "03"):
        (library / "2024" / month).mkdir(parents=True)
        write(library / "2024" / month / f"story-{month}.md", f"Story {month}.\n")
    (library / "unreadable.md").symlink_to(library / "gone.md")
    listed: list[str] = []
    original = os.scandir

    def spy(path: str | os.PathLike[str]) -> object:
        listed.append(Path(path).name)
        return original(path)

    monkeypatch.setattr(os, "scandir", spy)
    errors: list[LoadError] = []
    files = discover_lazily([library, corpus], errors)
    assert next(files).name == "story-01.md"
    assert listed == ["library", "2024", "01"]  # not 02, 03 or the second path yet
    assert [e.path for e in errors] == [str(library / "unreadable.md")]  # found on the way: reported
    rest = list(files)
    everything, all_errors = discover([library, corpus])
    assert [everything[0], *rest] == everything and errors == all_errors
