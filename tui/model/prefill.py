"""Parsing a cold library in helper processes, so extraction runs on every core.

Annotation costs ~12 ms of CPU per article and holds the interpreter lock, so
one process indexes a cold 1,000-article library in ~12 s on one core while
the others idle, and the reader's event loop competes with it for the lock.
:func:`load_many` hands the files that have no cache entry to helper
processes (``python -m tui.model.prefill``: one per core, at most four, none
on a single core; at a lower priority), which load them exactly as the
reader would, filling the cache; the calling process then reads each
file's entry in order, a cache hit. Nothing crosses between processes but
file names and indices: the cache entries are the results.

If a helper cannot start, dies, or cannot write the cache, the file is simply
loaded in-process: the result is the same, only slower.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import IO

from tui.model.cache import cache_dir, has_entry
from tui.model.discovery import STDIN
from tui.model.document import Briefing, LoadError

__all__ = ["MIN_COLD", "helper_count", "load_many", "main"]

MIN_COLD = 24
"""Fewer cold files than this load in-process: starting a helper (~0.3 s of imports) would not pay."""
NICE = 5
"""Helpers run at a lower priority, so the reader's key presses come first."""

Loaded = tuple[Briefing | None, list[LoadError]]


def helper_count() -> int:
    """One helper per core (at most 4; none on a single core, where they would only add imports).

    The caller only reads the entries the helpers write, so it needs no core of its own.
    """
    cores = os.cpu_count() or 1
    return min(4, cores) if cores > 1 else 0


def load_many(
    files: Sequence[Path], load: Callable[[Path], Loaded], start: int = 0
) -> Generator[Loaded, None, None]:
    """``load(path)`` for each file from ``start`` on, in order; helper processes parse cold files ahead.

    The first file is always loaded before any helper starts (the reader
    shows it at once, and helpers starting meanwhile would only slow that
    down): here, or by the caller, who then passes ``start=1``. Closing the
    iterator stops the helpers.
    """
    helpers: _Helpers | None = None
    started = False
    try:
        for index in range(start, len(files)):
            if index >= 1 and not started:
                started = True
                cold = [i for i in range(index, len(files))
                        if str(files[i]) != STDIN and not has_entry(files[i])]
                wanted = len(cold) >= MIN_COLD and helper_count() > 0 and _cache_writable()
                helpers = _Helpers(files, cold) if wanted else None
            if helpers is not None:
                helpers.wait_for(index)
            yield load(files[index])
    finally:
        if helpers is not None:
            helpers.stop()


def _cache_writable() -> bool:
    """Helpers hand their work over through the cache: with none to write, they would only double it."""
    try:
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(directory, os.W_OK)


class _Helpers:
    """The helper processes and which file each was given; each reports file indices as it finishes."""

    def __init__(self, files: Sequence[Path], cold: Sequence[int]) -> None:
        count = min(helper_count(), max(1, len(cold) // MIN_COLD))
        self.owner: dict[int, int] = {}
        self.done: list[int] = []
        self.processes: list[subprocess.Popen[bytes] | None] = []
        root = str(Path(__file__).resolve().parents[2])
        path = [root, *filter(None, [os.environ.get("PYTHONPATH")])]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}  # a checkout works like an install
        for number in range(count):
            mine = cold[number::count]
            try:
                process = subprocess.Popen(  # never the terminal: the reader owns it
                    [sys.executable, "-m", "tui.model.prefill"], stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
                )
                assert process.stdin is not None
                process.stdin.write(json.dumps([[i, str(files[i])] for i in mine]).encode())
                process.stdin.close()
            except (OSError, ValueError):
                self.processes.append(None)
                self.done.append(-1)
                continue
            self.processes.append(process)
            self.done.append(-1)
            self.owner.update((i, number) for i in mine)

    def wait_for(self, index: int) -> None:
        """Until the helper given file ``index`` has reported it (or has stopped: then it loads here)."""
        number = self.owner.get(index)
        if number is None:
            return
        process = self.processes[number]
        while process is not None and self.done[number] < index:
            line = _readline(process.stdout)
            if not line:  # the helper ended: what it did not report loads in-process
                self.processes[number] = process = None
                break
            with contextlib.suppress(ValueError):
                self.done[number] = int(line)

    def stop(self) -> None:
        for process in self.processes:
            if process is not None and process.poll() is None:
                process.kill()
            if process is not None:
                with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                    process.wait(1)
                if process.stdout is not None:
                    process.stdout.close()


def _readline(stream: IO[bytes] | None) -> bytes:
    try:
        return stream.readline() if stream is not None else b""
    except (OSError, ValueError):
        return b""


def main() -> int:
    """A helper: load each ``[index, path]`` of the JSON list on stdin (filling the cache), print index."""
    from tui.model.loader import load_file

    with contextlib.suppress(OSError):
        os.nice(NICE)
    parent = os.getppid()
    for index, path in json.loads(sys.stdin.buffer.read() or b"[]"):
        if os.getppid() != parent:  # the reader is gone: stop
            return 0
        load_file(Path(path))
        try:
            sys.stdout.write(f"{index}\n")
            sys.stdout.flush()
        except (BrokenPipeError, OSError):
            return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
