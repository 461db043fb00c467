"""Reading state survives restarts, merges between two readers, and never crashes on a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.model.entities import Location
from tui.model.state import STATE_VERSION, ReaderState, StateStore, state_dir, state_key


@pytest.fixture(autouse=True)
def _state_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))


def test_the_state_dir_follows_the_environment_override(tmp_path: Path) -> None:
    assert state_dir() == tmp_path / "state"
    assert StateStore().path == tmp_path / "state" / "state.json"


def test_marks_position_tab_and_theme_survive_a_restart() -> None:
    state, warnings = StateStore().load()
    assert warnings == [] and not state.is_read("news/a.md")
    state.mark_read("news/a.md")
    state.mark_section_read("news/a.md", 2)
    state.set_position("news/a.md", Location(2, 1, 5, 9))
    state.sidebar_tab = "quotes"
    state.theme = "gruvbox"
    assert StateStore().save(state) == []

    again, warnings = StateStore().load()
    assert warnings == []
    assert again.is_read("./news/a.md")  # the same file however the path was spelt
    assert again.is_section_read("news/a.md", 2) and not again.is_section_read("news/a.md", 1)
    assert again.position("news/a.md") == Location(2, 1, 5, 9)
    assert (again.sidebar_tab, again.theme) == ("quotes", "gruvbox")
    data = json.loads(StateStore().path.read_text())
    assert data["version"] == STATE_VERSION
    assert state_key("news/a.md") in data["briefings"]


def test_marking_a_run_of_sections_reports_only_the_new_ones_and_they_are_saved() -> None:
    state, _ = StateStore().load()
    state.mark_section_read("news/a.md", 1)
    assert state.mark_sections_read("news/a.md", range(4)) == [0, 2, 3]
    assert state.mark_sections_read("./news/a.md", range(4)) == []  # the same file, nothing new
    assert StateStore().save(state) == []
    again, _ = StateStore().load()
    assert [s for s in range(6) if again.is_section_read("news/a.md", s)] == [0, 1, 2, 3]


def test_stdin_is_never_saved() -> None:
    state, _ = StateStore().load()
    state.mark_read("-")
    StateStore().save(state)
    assert json.loads(StateStore().path.read_text())["briefings"] == {}


def test_two_readers_open_at_once_keep_each_others_marks() -> None:
    first, _ = StateStore().load()
    second, _ = StateStore().load()
    first.mark_read("a.md")
    first.set_position("a.md", Location(1, 0, 0, 0))
    second.mark_read("b.md")
    second.theme = "nord"
    StateStore().save(first)
    StateStore().save(second)
    assert second.is_read("a.md")  # picked up on save
    merged, _ = StateStore().load()
    assert merged.is_read("a.md") and merged.is_read("b.md")
    assert merged.position("a.md") == Location(1, 0, 0, 0)
    assert merged.theme == "nord"


def test_unmarking_wins_over_the_old_mark_on_disk_but_not_over_a_new_one() -> None:
    seed, _ = StateStore().load()
    seed.mark_section_read("a.md", 0)
    seed.mark_section_read("a.md", 1)
    StateStore().save(seed)
    first, _ = StateStore().load()
    second, _ = StateStore().load()
    first.mark_section_read("a.md", 0, read=False)
    second.mark_section_read("a.md", 3)
    StateStore().save(second)
    StateStore().save(first)
    final, _ = StateStore().load()
    assert [s for s in range(5) if final.is_section_read("a.md", s)] == [1, 3]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[1, 2]", b'{"briefings": {}}', b'{"version": 99}', b"\xff\xfe\x00garbage"],
)
def test_a_corrupt_state_file_is_moved_aside_with_a_warning(content: bytes) -> None:
    store = StateStore()
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    state, warnings = store.load()
    assert state == ReaderState()
    assert len(warnings) == 1 and "moved it to state.json.corrupt-" in warnings[0]
    aside = list(store.path.parent.glob("state.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    state.mark_read("a.md")
    assert store.save(state) == []
    assert StateStore().load()[0].is_read("a.md")


def test_malformed_entries_are_skipped_and_the_rest_kept() -> None:
    store = StateStore()
    store.path.parent.mkdir(parents=True)
    good = {"read": True, "sections_read": [1], "position": [0, 0, 1, 2]}
    doc = {"version": 1, "briefings": {"/x/good.md": good, "/x/bad.md": {"read": "yes"}}, "theme": 3}
    store.path.write_text(json.dumps(doc))
    state, warnings = store.load()
    assert state.is_read("/x/good.md") and state.position("/x/good.md") == Location(0, 0, 1, 2)
    assert warnings == [f"{store.path}: ignored 2 malformed entries"]


def test_an_unreadable_file_is_a_warning_and_is_never_overwritten() -> None:
    store = StateStore()
    store.path.mkdir(parents=True)  # a directory where the file should be: reading it fails, even as root
    (store.path / "keep").write_text("precious")
    state, warnings = store.load()
    assert state == ReaderState() and "could not read" in warnings[0]
    state.mark_read("a.md")
    assert "could not read" in store.save(state)[0]
    assert (store.path / "keep").read_text() == "precious"


def test_a_save_leaves_no_temporary_files_and_reports_an_unwritable_dir(tmp_path: Path) -> None:
    state, _ = StateStore().load()
    state.mark_read("a.md")
    StateStore().save(state)
    names = sorted(p.name for p in (tmp_path / "state").iterdir())
    assert names == ["state.json", "state.json.lock"]
    blocker = tmp_path / "file"
    blocker.write_text("")
    warnings = StateStore(blocker / "sub" / "state.json").save(state)
    assert len(warnings) == 1 and "could not save" in warnings[0]


def test_unmarking_after_an_earlier_save_sticks() -> None:
    state, _ = StateStore().load()
    state.mark_section_read("a.md", 4)
    StateStore().save(state)
    state.mark_section_read("a.md", 4, read=False)
    StateStore().save(state)
    assert not StateStore().load()[0].is_section_read("a.md", 4)


def test_saving_a_snapshot_elsewhere_keeps_later_edits_and_takes_in_the_other_readers() -> None:
    live, _ = StateStore().load()
    other, _ = StateStore().load()
    live.mark_read("a.md")
    live.sidebar_tab = "places"
    snapshot = live.snapshot()
    live.mark_read("c.md")  # made while the snapshot is being saved
    other.mark_read("b.md")
    StateStore().save(other)
    assert StateStore().save(snapshot) == []
    live.after_save(snapshot)
    assert live.is_read("a.md") and live.is_read("b.md") and live.is_read("c.md")
    assert live.sidebar_tab == "places"
    StateStore().save(live)
    final, _ = StateStore().load()
    assert all(final.is_read(key) for key in ("a.md", "b.md", "c.md"))
    assert final.sidebar_tab == "places"
