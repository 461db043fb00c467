"""The extractor's cost per article, in one process: what a cold library pays on every core.

``python -m tests.bench.bench_extract`` parses and annotates articles of the
generated 1,000-article library with the cache off, in a few fresh processes
(each as cold as a prefill helper), and prints the CPU time per article
(median, min, max). On a machine whose speed drifts
(the shared one the README's figures come from drifts by a third within a
minute), compare two versions by running them one right after the other, or
with ``--instructions``: it runs the same work under valgrind (if installed)
and prints the instructions per article, which do not drift.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tests.bench import generate


def _articles() -> list[Path]:
    library = generate.library_1000()
    return sorted(path for path in library.rglob("*") if path.suffix in (".md", ".txt"))


def _cpu_per_article(count: int) -> float:
    """Seconds of CPU per article for the first ``count`` articles, in this (fresh) process.

    The imports and the lexicons' first load are left out: the last article is
    loaded once before the clock starts. A file that fails to load stops the
    benchmark rather than be timed as a failure.
    """
    from tui.model.loader import load_file

    paths = _articles()
    load_file(paths[-1], cache=False)
    started = time.process_time()
    for path in paths[:count]:
        briefing, errors = load_file(path, cache=False)
        broken = [error.message for error in errors if error.message.startswith("internal error")]
        if briefing is None or broken:
            raise SystemExit(f"{path}: {broken or 'not loaded'}")
    return (time.process_time() - started) / max(1, count)


def _in_fresh_process(count: int, under: Sequence[str] = ()) -> str:
    """Run :func:`_cpu_per_article` in a new interpreter, as a prefill helper starts, maybe under a tool."""
    command = [*under, sys.executable, "-m", "tests.bench.bench_extract", "--only-load", str(count)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip() or f"{command[0]} failed")
    return done.stdout + done.stderr


def _instructions(count: int) -> float:
    """Instructions per article under valgrind: a run with ``count`` articles minus one with none
    (both import everything and load one article first, so only the articles' own work is left)."""
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]

    def run(n: int) -> int:
        report = _in_fresh_process(n, valgrind)
        line = next(line for line in report.splitlines() if "I" in line and "refs:" in line)
        return int(line.rsplit(":", 1)[1].replace(",", "").strip())

    return (run(count) - run(0)) / count


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.bench_extract", description=__doc__)
    parser.add_argument("--articles", type=_positive, default=300, help="how many articles (default 300)")
    parser.add_argument("--repeat", type=_positive, default=3, help="how many fresh processes (default 3)")
    parser.add_argument("--instructions", action="store_true", help="count instructions with valgrind")
    parser.add_argument("--only-load", type=int, metavar="N", help=argparse.SUPPRESS)  # a fresh process's run
    options = parser.parse_args(argv)
    if options.only_load is not None:
        print(f"{_cpu_per_article(options.only_load) * 1000:.3f}")
        return 0
    _articles()  # generated here, once, not inside a measured run
    if options.instructions:
        if shutil.which("valgrind") is None:
            print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
            return 2
        count = min(60, options.articles)
        print(f"{_instructions(count) / 1e6:.1f} million instructions per article ({count} articles)")
        return 0
    times = [float(_in_fresh_process(options.articles).split()[0]) for _ in range(options.repeat)]
    print(f"{options.articles} articles, cache off: {statistics.median(times):.2f} ms of CPU per article "
          f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} fresh processes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
