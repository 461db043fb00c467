"""Saved state is never lost: killed mid-save, saved by two readers at once, or found corrupt.

A forked child saves the reading state over and over (each save marks one
more briefing read and names its version in the sidebar tab); the parent kills
it with SIGKILL at a random moment and checks the file: it must load without a
warning and be exactly the last version the child reported saved, or the one
after it (killed between the rename and the report), never a mix or a broken
file. ``BRIEFING_KILL_RUNS`` sets the number of kills (default 200).

The cache gets the same treatment: killed while writing entries, the next
load is still right.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from tui.model.cache import load_cached
from tui.model.loader import _load_file, load_file
from tui.model.state import StateStore

KILL_RUNS = int(os.environ.get("BRIEFING_KILL_RUNS", "200"))


def _saver(path: Path, write_fd: int) -> None:
    """The child: save version after version, reporting each one once ``save`` has returned."""
    try:
        store = StateStore(path)
        state, _ = store.load()
        version = int(state.sidebar_tab[1:]) + 1 if state.sidebar_tab else 0
        while True:
            state.mark_read(f"/news/b{version}.md")
            state.sidebar_tab = f"v{version}"
            if store.save(state):
                os._exit(3)
            os.write(write_fd, f"{version}\n".encode())
            version += 1
    finally:
        os._exit(2)


def _check(path: Path, acknowledged: int) -> int:
    """The file holds one whole version: the last acknowledged or the next; returns it."""
    state, warnings = StateStore(path).load()
    assert warnings == [], warnings
    assert state.sidebar_tab is not None
    version = int(state.sidebar_tab[1:])
    assert acknowledged <= version <= acknowledged + 1, (acknowledged, version)
    assert set(state.briefings) == {f"/news/b{i}.md" for i in range(version + 1)}
    assert all(entry.read for entry in state.briefings.values())
    return version


def test_killing_a_saver_at_random_moments_never_breaks_the_state_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "state.json"
    rng = random.Random(20240501)
    acknowledged = -1
    saves = 0
    started = time.perf_counter()
    for _ in range(KILL_RUNS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _saver(path, write_fd)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, 0.012))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), f"the saver stopped by itself: {status}"
        with os.fdopen(read_fd) as reports:
            done = [int(line) for line in reports.read().split("\n") if line.strip().isdigit()]
        saves += len(done)
        if done:
            acknowledged = done[-1]
        if path.exists():
            acknowledged = _check(path, acknowledged)
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n  kill during save: {KILL_RUNS} kills, {saves} saves acknowledged, last version "
              f"{acknowledged}, {elapsed:.1f} s; every check found one whole version, nothing lost")
    assert saves > 0 and acknowledged >= 0
    state, _ = StateStore(path).load()
    assert StateStore(path).save(state) == []  # the next save sweeps what killed savers left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json", "state.json.lock"]


def _marker(path: Path, prefix: str, count: int) -> None:
    """A child reader: mark ``count`` briefings one by one, saving after each."""
    try:
        store = StateStore(path)
        state, _ = store.load()
        for index in range(count):
            state.mark_read(f"/news/{prefix}{index}.md")
            state.mark_section_read("/news/shared.md", index if prefix == "a" else 1000 + index)
            if store.save(state):
                os._exit(3)
        os._exit(0)
    finally:
        os._exit(2)


def test_two_readers_saving_at_once_lose_none_of_each_others_marks(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    children = []
    for prefix in ("a", "b"):
        pid = os.fork()
        if pid == 0:
            _marker(path, prefix, 60)
        children.append(pid)
    for pid in children:
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    state, warnings = StateStore(path).load()
    assert warnings == []
    expected = {f"/news/{p}{i}.md" for p in "ab" for i in range(60)} | {"/news/shared.md"}
    assert set(state.briefings) == expected
    assert state.briefings["/news/shared.md"].sections_read == {*range(60), *range(1000, 1060)}


@pytest.mark.parametrize("content", [
    pytest.param(b'{"version": 1, "briefings": {"/a.md": {"read": tr', id="truncated"),
    pytest.param(b"\x00\x01\x02\xff\xfe", id="binary"),
    pytest.param(b"[" * 100_000 + b"]" * 100_000, id="deep-nesting"),
    pytest.param(b'{"version": 99}', id="newer-version"),
    pytest.param(b'"just a string"', id="not-an-object"),
])
def test_a_corrupt_state_file_is_moved_aside_and_rebuilt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    state, warnings = StateStore(path).load()
    assert len(warnings) == 1 and "moved it to state.json.corrupt-" in warnings[0]
    [aside] = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert aside.read_bytes() == content  # kept for the user, byte for byte
    state.mark_read("/news/a.md")
    assert StateStore(path).save(state) == []
    again, warnings = StateStore(path).load()
    assert warnings == [] and again.is_read("/news/a.md")


def test_an_unreadable_state_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.mkdir()  # unreadable as a file, even for root
    state, warnings = StateStore(path).load()
    assert len(warnings) == 1 and "could not read" in warnings[0]
    state.mark_read("/news/a.md")
    assert StateStore(path).save(state)  # a warning, not a crash
    assert path.is_dir()  # never replaced: it may hold another reader's marks


# -- the cache ---------------------------------------------------------------------------------------


def _article(path: Path, version: int) -> None:
    path.write_text(f"# Report {version}\n\nJane Doe met John Roe in Springfield, version {version}.\n")


def test_killing_a_loader_while_it_writes_the_cache_never_serves_a_wrong_briefing(tmp_path: Path) -> None:
    """The child rewrites an article and loads it (writing cache entries) until killed."""
    article = tmp_path / "report.md"
    rng = random.Random(7)
    for run in range(max(20, KILL_RUNS // 5)):
        pid = os.fork()
        if pid == 0:
            try:
                version = run * 1000
                while True:
                    _article(article, version)
                    load_file(article)
                    version += 1
            finally:
                os._exit(2)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        if not article.exists() or not article.read_text().startswith("# Report"):
            _article(article, run * 1000)  # killed mid-write of the article itself
        briefing, problems = load_file(article)
        fresh, _ = _load_file(article)
        assert briefing is not None and fresh is not None, problems
        assert briefing.title == fresh.title
        assert [b.text for s in briefing.sections for b in s.blocks] == \
            [b.text for s in fresh.sections for b in s.blocks]


def test_a_corrupt_cache_entry_is_rebuilt(tmp_path: Path) -> None:
    article = tmp_path / "report.md"
    _article(article, 1)
    calls: list[Path] = []

    def counting(path: Path, data: bytes | None) -> tuple[object, list[object]]:
        calls.append(path)
        return _load_file(path, data)  # type: ignore[return-value]

    load_cached(article, counting)  # type: ignore[arg-type]
    cache_root = Path(os.environ["BRIEFING_CACHE_DIR"])
    entries = sorted(cache_root.rglob("*.json.z"), key=lambda p: p.stat().st_mtime)
    entries[-1].write_bytes(b"\x78\x9c garbage")
    briefing, _ = load_cached(article, counting)  # type: ignore[arg-type]
    assert briefing is not None and len(calls) == 2  # a miss: loaded again, not a crash
    load_cached(article, counting)  # type: ignore[arg-type]
    assert len(calls) == 2  # and the entry was written back whole
