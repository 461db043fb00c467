"""Key-press costs measured inside the process with Pilot, per key, with an optional profile.

The tmux benchmark (:mod:`tests.bench.bench_reader`) says how long a key takes
as the reader sees it; this says where the time goes. Each key of the
benchmark's cycle is pressed on the reader (and ``x`` on the minimal app, in
the same run) and its CPU time counted from the press until the screen has
been composed again (``pilot.press`` then ``pilot.pause``; Pilot's own waiting
is mostly sleeping, which CPU time leaves out)::

    python -m tests.bench.profile_keys 50k            # the 50,000-word article
    python -m tests.bench.profile_keys 1000 --profile enter   # cProfile one key, top functions

Uses the libraries :mod:`tests.bench.generate` makes (same place as the benchmark).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence

from tests.bench import generate
from tests.bench.bench_reader import longest
from tests.bench.minimal_app import MinimalApp

KEYS = (("next linked item", "l"), ("next mention", "asterisk"), ("open entity card", "enter"),
        (None, "escape"), ("back", "ctrl+o"), ("next section", "right_square_bracket"),
        ("page down", "pagedown"), ("End", "end"), (None, "home"))
SIZE = (160, 45)


def key_name(key: str) -> str:
    """A key as a file-name part."""
    return "".join(c if c.isalnum() else "_" for c in key)


async def _time_minimal(cycles: int) -> list[float]:
    app = MinimalApp()
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(cycles * 3):
            started = time.process_time()
            await pilot.press("x")
            await pilot.pause()
            times.append(time.process_time() - started)
    return times


async def _time_reader(paths: Sequence[str], count: int, cycles: int,
                       profile: str | None) -> dict[str, list[float]]:
    from tui.ui.app import BriefingApp

    app = BriefingApp(list(paths))
    times: dict[str, list[float]] = {}
    profiler = cProfile.Profile()
    async with app.run_test(size=SIZE) as pilot:
        while app.loading is not None or len(app.library.briefings) < count:
            await pilot.pause(0.1)
        await pilot.pause(0.3)
        for _ in range(cycles):
            for label, key in KEYS:
                await pilot.pause()
                started = time.process_time()
                if profile == key:
                    profiler.enable()
                await pilot.press(key)
                await pilot.pause()
                if profile == key:
                    profiler.disable()
                if label is not None:
                    times.setdefault(label, []).append(time.process_time() - started)
    if profile:
        profiler.dump_stats(os.path.join(tempfile.gettempdir(), f"briefing-keys-{key_name(profile)}.prof"))
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.profile_keys", description=__doc__)
    parser.add_argument("what", choices=("50k", "1000", "bundled"))
    parser.add_argument("--cycles", type=int, default=5)
    parser.add_argument("--profile", metavar="KEY", help="cProfile this key (Pilot name: enter, end...)")
    options = parser.parse_args(argv)
    data = generate.data_dir()
    os.environ.setdefault("BRIEFING_CACHE_DIR", str(data / "profile-cache"))
    for name in ("STATE", "CONFIG"):
        os.environ[f"BRIEFING_{name}_DIR"] = tempfile.mkdtemp(prefix=f"briefing-{name.lower()}-")
    if options.what == "50k":
        paths, count = [str(generate.ensure_long_article(data / "long-50k", 50_000))], 1
    elif options.what == "1000":
        library = generate.library_1000()
        paths, count = [longest(str(library)), str(library)], 1000
    else:
        paths, count = [], 1
    minimal = asyncio.run(_time_minimal(options.cycles))
    reader = asyncio.run(_time_reader(paths, count, options.cycles, options.profile))
    base = statistics.median(minimal)
    print(f"| key ({options.what}) | median | min | max | vs minimal |")
    print("|---|---|---|---|---|")
    low, high = min(minimal) * 1000, max(minimal) * 1000
    print(f"| minimal app | {base * 1000:.1f} ms | {low:.1f} | {high:.1f} | 1 |")
    for label, values in reader.items():
        median = statistics.median(values)
        print(f"| {label} | {median * 1000:.1f} ms | {min(values) * 1000:.1f} | {max(values) * 1000:.1f} "
              f"| {median / base:.1f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
