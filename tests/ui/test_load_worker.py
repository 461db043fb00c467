"""The loading worker and its pacing, without the app: what it posts, when, and in what batches."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from tui.model.loader import load_library
from tui.ui import loading
from tui.ui.loading import Handover, Loaded, Pacer, load_in_batches


class FakeOwner:
    """Records the timers a pacer sets instead of running them."""

    def __init__(self) -> None:
        self.timers: list[float] = []

    def set_timer(self, delay: float, callback: object) -> FakeTimer:
        self.timers.append(delay)
        return FakeTimer()


class FakeTimer:
    def stop(self) -> None:
        pass


def test_the_pacer_redraws_first_and_last_at_once_and_in_between_at_most_every_interval() -> None:
    now = [0.0]
    redraws: list[float] = []
    owner = FakeOwner()
    pacer = Pacer(owner, lambda: redraws.append(now[0]), 0.5, lambda: now[0])  # type: ignore[arg-type]
    pacer.batch()
    now[0] = 0.1
    pacer.batch()
    now[0] = 0.2
    pacer.batch()  # a timer is already set for the batch before: no second one
    assert redraws == [0.0] and owner.timers == [0.4]
    now[0] = 0.3
    pacer.batch(now=True)  # loading finished
    assert redraws == [0.0, 0.3]
    now[0] = 0.9
    pacer.batch()
    assert redraws == [0.0, 0.3, 0.9]


def test_the_worker_posts_the_text_first_and_waits_for_it_to_be_painted(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Harbour\n\nJane Doe opened the new harbour in Porto Lume.\n")
    (tmp_path / "b.md").write_text("# Rain\n\nIt rained all day.\n")
    posted: list[Loaded] = []
    painted = threading.Event()
    worker = threading.Thread(target=load_in_batches, args=([str(tmp_path)], posted.append, lambda: False,
                                                             painted))
    worker.start()
    time.sleep(0.3)
    assert [m.early for m in posted] == [True]  # the text, then nothing until it is on screen
    [text_only] = posted[0].briefings
    assert text_only.mentions == [] and "Porto Lume" in text_only.sections[0].blocks[0].text
    painted.set()
    worker.join(10)
    assert posted[-1].finished and sum(len(m.briefings) for m in posted) == 3
    whole = posted[1].briefings[0]
    assert whole.key == text_only.key and whole.mentions and whole.sections == text_only.sections
    again: list[Loaded] = []
    load_in_batches([str(tmp_path)], again.append, lambda: False, painted)  # all cached now
    assert not any(m.early for m in again) and sum(len(m.briefings) for m in again) == 2


def test_a_fast_load_hands_over_batches_of_bounded_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The event loop adds a batch in one go: a key pressed meanwhile waits for all of it."""
    for number in range(12):
        (tmp_path / f"{number:02}.md").write_text(f"# Story {number}\n\nJane Doe spoke on day {number}.\n")
    load_library([tmp_path])  # cached: the rest loads faster than any batch's time
    monkeypatch.setattr(loading, "BATCH_MOST", 4)
    posted: list[Loaded] = []
    painted = threading.Event()
    painted.set()
    load_in_batches([str(tmp_path)], posted.append, lambda: False, painted)
    sizes = [len(message.briefings) for message in posted]
    assert sum(sizes) == 12 and max(sizes) <= 4
    assert posted[-1].finished and [m.done for m in posted] == sorted(m.done for m in posted)


def test_the_first_file_is_posted_before_the_other_folders_are_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing 10,000 files took a tenth of a second before the first briefing could open."""
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.md").write_text(f"# Story {name}\n\nJane Doe spoke in {name}.\n")
    events: list[str] = []
    original = os.scandir

    def spy(path: str | os.PathLike[str]) -> object:
        if Path(path).is_relative_to(tmp_path):  # the library's folders (not the cache's)
            events.append(f"list {Path(path).name}")
        return original(path)

    def post(message: Loaded) -> None:
        titles = ",".join(b.title for b in message.briefings)
        events.append(f"post {titles} {message.done}/{message.total}{' text' if message.early else ''}")

    monkeypatch.setattr(os, "scandir", spy)
    painted = threading.Event()
    painted.set()
    load_in_batches([str(tmp_path)], post, lambda: False, painted)
    assert events[:5] == [f"list {tmp_path.name}", "list a", "post Story a 0/0 text", "post Story a 1/0",
                          "list b"]  # no total yet: the status line says "loading…"
    assert events[-1] == "post Story b,Story c 3/3"
    again: list[str] = []
    load_in_batches([str(tmp_path)], lambda m: again.append(f"{len(m.briefings)} {m.done}/{m.total}"),
                    lambda: False, painted)  # warm: no text first
    assert again == ["1 1/0", "2 3/3"]


def test_the_handover_keeps_early_batches_for_the_mount_and_posts_the_rest() -> None:
    """What loads before the app is mounted goes into the first paint; later batches are messages."""
    posted: list[Loaded] = []
    handover = Handover(posted.append)
    first = Loaded(done=1, total=3)
    handover(first)
    assert handover.take(timeout=0) == [first] and posted == []
    later = Loaded(done=3, total=3, finished=True)
    handover(later)
    assert posted == [later] and handover.take(timeout=0) == []
    slow = Handover(posted.append)  # nothing in time: the app paints "Loading…" and gets it later
    started = time.monotonic()
    assert slow.take(timeout=0.05) == [] and time.monotonic() - started < 1
    slow(first)
    assert posted[-1] is first
