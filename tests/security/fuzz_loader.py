"""Fuzz the loader and the extractor for minutes: ``python -m tests.security.fuzz_loader --minutes 3``.

Three engines take turns until the time is up, each checking the properties of
:mod:`tests.security.test_properties` (a briefing or a load error, never an
exception or "internal error"; no control character kept; exact mentions;
every UI rendering function inert):

* **mutation**: seed files (the hostile library, generated briefings) with
  bytes flipped, inserted, deleted, duplicated or replaced by payloads, as
  Markdown and as raw text;
* **hypothesis/markdown**: the shrinking Markdown + front-matter strategy;
* **hypothesis/bytes**: arbitrary bytes.

A failure prints the input and writes it to ``fuzz-failure-N.bin`` (in
``--out``), ready to become a regression test. Also a pytest test marked
``fuzz`` (outside the default run): ``pytest -m fuzz tests/security/fuzz_loader.py``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.hostile import (
    PAYLOADS,
    YAML_ATTACKS,
    front_matter_file,
    markdown,
    raw_article,
    unsafe_for_terminal,
)
from tests.security.strategies import markdown_file, random_markdown
from tests.security.test_properties import check_loaded, load, render_everything


class Failure(Exception):
    """A fuzz input broke a property; carries the input."""

    def __init__(self, data: bytes, suffix: str, error: BaseException) -> None:
        super().__init__(f"{suffix} input of {len(data)} bytes: {type(error).__name__}: {error}")
        self.data = data
        self.suffix = suffix
        self.error = error


def run_one(data: bytes, suffix: str) -> None:
    """Load ``data`` as a ``suffix`` file and check every property; raise :class:`Failure` if one breaks."""
    try:
        briefing, problems = load(data, suffix)
        check_loaded(briefing, problems)
        if briefing is not None:
            for string in render_everything(briefing):
                assert unsafe_for_terminal(string) == [], repr(string)
    except Exception as error:
        raise Failure(data, suffix, error) from error


def seeds(rng: random.Random) -> list[bytes]:
    """Starting points for mutation: every hostile payload in every field, YAML attacks, generated files."""
    found = [markdown(payload.replace("\x00", "")).encode() for payload in PAYLOADS.values()]
    found += [raw_article(payload).encode() for payload in list(PAYLOADS.values())[:8]]
    found += [front_matter_file(attack).encode() for name, attack in YAML_ATTACKS.items()
              if len(attack) < 50_000]
    found += [random_markdown(rng).encode() for _ in range(40)]
    return found


_SPLICES = [p.encode() for p in PAYLOADS.values()] + [b"---\n", b"\n\n", b"## ", b"- ", b"> ", b"\xff\xfe",
                                                      b"\xef\xbb\xbf", b"\r\n", b"\x00", b"&a ", b"*a", b"\"",
                                                      b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"said ", b"[", b"]"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A few random edits: flips, inserts, deletes, duplicated slices, spliced payloads, truncation."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        position = rng.randint(0, len(buffer))
        action = rng.randrange(6)
        if action == 0 and buffer:
            buffer[min(position, len(buffer) - 1)] ^= 1 << rng.randrange(8)
        elif action == 1:
            buffer[position:position] = bytes([rng.randrange(256)])
        elif action == 2:
            del buffer[position:position + rng.randint(1, 16)]
        elif action == 3 and buffer:
            start = rng.randrange(len(buffer))
            buffer[position:position] = buffer[start:start + rng.randint(1, 64)]
        elif action == 4:
            buffer[position:position] = rng.choice(_SPLICES)
        else:
            del buffer[position:]
    return bytes(buffer)


def mutation_engine(deadline: float, rng: random.Random) -> int:
    pool = seeds(rng)
    count = 0
    while time.monotonic() < deadline:
        data = mutate(rng.choice(pool), rng)
        run_one(data, rng.choice([".md", ".md", ".txt"]))
        count += 1
        if count % 50 == 0 and len(pool) < 400:
            pool.append(data)  # mutants breed further mutants
    return count


def hypothesis_engine(strategy: st.SearchStrategy[bytes], deadline: float, chunk: int = 200) -> int:
    """Run a hypothesis search in chunks until the deadline (each chunk a fresh random search)."""
    count = 0

    @settings(max_examples=chunk, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(data=strategy, suffix=st.sampled_from([".md", ".txt"]))
    def search(data: bytes, suffix: str) -> None:
        nonlocal count
        count += 1
        run_one(data, suffix)

    while time.monotonic() < deadline:
        search()
    return count


def fuzz(seconds: float, seed: int, out: Path, report: Callable[[str], None] = print) -> dict[str, int]:
    """Alternate the engines in slices until ``seconds`` have passed; returns inputs tried per engine."""
    rng = random.Random(seed)
    counts = {"mutation": 0, "hypothesis/markdown": 0, "hypothesis/bytes": 0}
    engines: dict[str, Callable[[float], int]] = {
        "mutation": lambda until: mutation_engine(until, rng),
        "hypothesis/markdown": lambda until: hypothesis_engine(
            markdown_file.map(lambda text: text.encode("utf-8", "surrogatepass")), until),
        "hypothesis/bytes": lambda until: hypothesis_engine(st.binary(max_size=4_000), until),
    }
    end = time.monotonic() + seconds
    slice_seconds = max(5.0, seconds / 12)
    while time.monotonic() < end:
        for name, engine in engines.items():
            until = min(end, time.monotonic() + slice_seconds * (2 if name == "mutation" else 1))
            try:
                counts[name] += engine(until)
            except Failure as failure:
                _save(failure, out, report)
                raise
            if time.monotonic() >= end:
                break
    return counts


def _save(failure: Failure, out: Path, report: Callable[[str], None]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    index = len(list(out.glob("fuzz-failure-*.bin"))) + 1
    target = out / f"fuzz-failure-{index}{failure.suffix}.bin"
    target.write_bytes(failure.data)
    report(f"FAILURE: {failure}\n  input saved to {target}\n  input: {failure.data[:400]!r}")
    report("".join(traceback.format_exception(failure.error)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.security.fuzz_loader", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3.0, help="how long to fuzz (default 3)")
    parser.add_argument("--seed", type=int, default=int(time.time()), help="random seed for the mutations")
    parser.add_argument("--out", type=Path, default=Path("."), help="where failing inputs are written")
    options = parser.parse_args(argv)
    print(f"fuzzing the loader and extractor for {options.minutes:g} min (seed {options.seed})", flush=True)
    started = time.monotonic()
    try:
        counts = fuzz(options.minutes * 60, options.seed, options.out)
    except Failure:
        return 1
    elapsed = time.monotonic() - started
    total = sum(counts.values())
    detail = ", ".join(f"{name} {count:,}" for name, count in counts.items())
    print(f"{total:,} inputs in {elapsed / 60:.1f} min ({detail}): no failure")
    return 0


@pytest.mark.fuzz
def test_fuzz_the_loader_and_extractor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``pytest -m fuzz``: ``BRIEFING_FUZZ_MINUTES`` minutes (default 3) of fuzzing; any failure fails."""
    minutes = float(os.environ.get("BRIEFING_FUZZ_MINUTES", "3"))
    counts = fuzz(minutes * 60, int(time.time()), tmp_path)
    with capsys.disabled():
        print(f"\n  fuzz: {sum(counts.values()):,} inputs in {minutes:g} min: {counts}")
    assert all(count > 0 for count in counts.values())


if __name__ == "__main__":
    sys.exit(main())
