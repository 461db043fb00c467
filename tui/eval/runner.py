"""``briefing eval DIR...``: score the extractor on every article that has a gold file beside it.

An article ``NAME.txt`` (or ``.md``) is evaluated when ``NAME.gold.json`` sits
next to it. The table shows people and places P/R/F1, quote recall and
precision and speaker accuracy per text, then micro-averaged totals and the
speed in words per second, measured with the on-disk cache off (annotation
alone, and the whole load). ``--json`` prints the same figures for machines;
``--details`` lists what was missed, what was invented and which speakers were
wrong, which is what someone improving the extractor needs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from tui.eval.gold import GoldError, load_gold
from tui.eval.predict import ARTICLE_SUFFIXES, Extraction, extract
from tui.eval.scoring import EntityScore, TextScore, score_text, total

GOLD_SUFFIX = ".gold.json"

TARGETS: tuple[tuple[str, float], ...] = (
    ("people F1", 0.94),
    ("places F1", 0.92),
    ("quotes recall", 0.95),
    ("quotes precision", 0.90),
    ("speaker accuracy", 0.88),
)
"""The bar set by the extraction-quality issue, printed beside the totals."""
SPEED_TARGET = 50_000


@dataclass(slots=True)
class Case:
    """One article and its gold file."""

    article: Path
    gold: Path

    @property
    def name(self) -> str:
        """The article's file name without its suffix, as shown in the table."""
        return self.article.stem


@dataclass(slots=True)
class Row:
    """One scored text: its score, its extraction (for timing) and any problem with it."""

    case: Case
    extraction: Extraction | None
    score: TextScore | None
    problem: str | None = None


def find_cases(paths: Sequence[Path]) -> tuple[list[Case], list[str]]:
    """Every article with a gold file under ``paths`` (files or folders), and gold files with no article."""
    cases: list[Case] = []
    problems: list[str] = []
    golds: list[Path] = []
    for path in paths:
        if path.is_dir():
            golds.extend(sorted(path.rglob(f"*{GOLD_SUFFIX}")))
        elif path.name.endswith(GOLD_SUFFIX):
            golds.append(path)
        elif path.is_file():
            golds.append(path.with_name(path.stem + GOLD_SUFFIX))
        else:
            problems.append(f"{path}: no such file or directory")
    for gold in dict.fromkeys(golds):
        stem = gold.name[: -len(GOLD_SUFFIX)]
        articles = [gold.with_name(stem + suffix) for suffix in ARTICLE_SUFFIXES]
        article = next((candidate for candidate in articles if candidate.is_file()), None)
        if article is None:
            problems.append(f"{gold}: no article {stem}.txt or {stem}.md beside it")
        elif not gold.is_file():
            problems.append(f"{article}: no gold file {gold.name} beside it")
        else:
            cases.append(Case(article, gold))
    return cases, problems


def evaluate(cases: Sequence[Case], *, repeat: int = 3) -> tuple[list[Row], dict[str, float]]:
    """Extract and score every case; time ``repeat`` warm, uncached passes for the speed figures."""
    cold = 0.0
    if cases:
        started = time.perf_counter()
        extract(cases[0].article)  # one-time set-up (imports, gazetteers) stays out of words/s
        cold = time.perf_counter() - started
    rows: list[Row] = []
    words = 0
    seconds = 0.0
    annotate_seconds = 0.0
    for case in cases:
        try:
            gold = load_gold(case.gold)
        except GoldError as exc:
            rows.append(Row(case, None, None, str(exc)))
            continue
        extraction = extract(case.article)
        runs = [extraction, *(extract(case.article) for _ in range(repeat - 1))]
        words += extraction.words * repeat
        seconds += sum(run.seconds for run in runs)
        annotate_seconds += sum(run.annotate_seconds for run in runs)
        if extraction.prediction is None:
            rows.append(Row(case, extraction, None, "; ".join(extraction.errors) or "nothing loaded"))
            continue
        rows.append(Row(case, extraction, score_text(extraction.prediction, gold)))
    speed = {
        "words": float(words),
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
        "annotate_seconds": annotate_seconds,
        "annotate_words_per_second": words / annotate_seconds if annotate_seconds else 0.0,
        "cold_seconds": cold,
        "passes": float(repeat),
    }
    return rows, speed


def _num(value: float | None) -> str:
    return "   —" if value is None else f"{value:4.2f}"


def _fig(value: float | None) -> str:
    return _num(value).strip()


def _cells(*values: float | None) -> str:
    return " ".join(_num(value) for value in values)


_GROUP = 14  # three 4-wide numbers and two spaces
_GAP = "   "


def format_table(rows: Sequence[Row], speed: dict[str, float], *, details: bool = False) -> str:
    """The human-readable report: one line per text, the totals, the targets and the speed."""
    width = max([len("TOTAL"), *(len(row.case.name) for row in rows)])
    lead = " " * (width + 2 + 5 + 2)
    groups = _GAP.join(title.ljust(_GROUP) for title in ("people", "places", "quotes"))
    columns = _GAP.join(("   P    R   F1", "   P    R   F1", "   R    P  spk"))
    head = f"{'text':<{width}}  {'words':>5}  {columns}"
    lines = [(lead + groups).rstrip(), head, "-" * len(head)]
    for row in rows:
        words = row.extraction.words if row.extraction else 0
        if row.score is None:
            lines.append(f"{row.case.name:<{width}}  {words:5d}  error: {row.problem}")
            continue
        lines.append(_score_line(row.case.name, width, words, row.score))
    sums = total(row.score for row in rows if row.score is not None)
    all_words = sum(row.extraction.words for row in rows if row.extraction and row.score)
    lines.append("-" * len(head))
    lines.append(_score_line("TOTAL", width, all_words, sums))
    lines.append("")
    lines.append(
        f"counts: people {sums.people.found}/{sums.people.gold} found, {sums.people.correct}/"
        f"{sums.people.predicted} right; places {sums.places.found}/{sums.places.gold} found, "
        f"{sums.places.correct}/{sums.places.predicted} right; quotes {sums.quotes.found}/{sums.quotes.gold} "
        f"found, {sums.quotes.correct}/{sums.quotes.predicted} right; speakers {sums.quotes.speaker_right}/"
        f"{sums.quotes.found} right"
    )
    lines.append(
        f"diagnostics: place kinds right {_fig(sums.places.kind_accuracy)}, "
        f"roles found {_fig(sums.people.role_accuracy)}, "
        f"split entities {sums.people.duplicates + sums.places.duplicates}"
    )
    measured = dict(zip((name for name, _ in TARGETS), _headline(sums), strict=True))
    lines.append(
        "targets: "
        + ", ".join(
            f"{name} {_fig(measured[name])} {'ok' if (measured[name] or 0) >= goal else 'below'} (≥ {goal})"
            for name, goal in TARGETS
        )
    )
    rate, annotating = speed["words_per_second"], speed["annotate_words_per_second"]
    lines.append(
        f"speed (no cache, CPU time of one core, {int(speed['words'])} words in {int(speed['passes'])} "
        f"passes, after a first load of {speed['cold_seconds'] * 1000:.0f} ms): "
        f"annotate {annotating:,.0f} words/s "
        f"({'ok' if annotating >= SPEED_TARGET else 'below'} ≥ {SPEED_TARGET:,}); load + annotate "
        f"{rate:,.0f} words/s ({'ok' if rate >= SPEED_TARGET else 'below'})"
    )
    if details:
        lines.extend(_details(rows))
    return "\n".join(lines)


def _score_line(name: str, width: int, words: int, score: TextScore) -> str:
    people, places, quotes = score.people, score.places, score.quotes
    cells = _GAP.join(
        (
            _cells(people.precision, people.recall, people.f1),
            _cells(places.precision, places.recall, places.f1),
            _cells(quotes.recall, quotes.precision, quotes.speaker_accuracy),
        )
    )
    return f"{name:<{width}}  {words:5d}  {cells}"


def _headline(score: TextScore) -> tuple[float | None, ...]:
    return (
        score.people.f1,
        score.places.f1,
        score.quotes.recall,
        score.quotes.precision,
        score.quotes.speaker_accuracy,
    )


def _details(rows: Sequence[Row]) -> list[str]:
    lines: list[str] = []
    for row in rows:
        if row.score is None:
            continue
        score = row.score
        items = [
            ("people missed", score.people.missed),
            ("people not in gold", score.people.false_positives),
            ("places missed", score.places.missed),
            ("places not in gold", score.places.false_positives),
            ("quotes missed", [_short(text) for text in score.quotes.missed]),
            ("quotes not in gold", [_short(text) for text in score.quotes.false_positives]),
            (
                "wrong speakers",
                [f"{_short(text)} → {got} (gold: {want})" for text, want, got in score.quotes.wrong_speakers],
            ),
        ]
        shown = [(label, values) for label, values in items if values]
        if shown:
            lines.append("")
            lines.append(f"{row.case.name}:")
            lines.extend(f"  {label}: {' | '.join(values)}" for label, values in shown)
    return lines


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def to_json(rows: Sequence[Row], speed: dict[str, float]) -> dict[str, Any]:
    """The report as plain data: per text, total and speed."""
    texts = []
    for row in rows:
        entry: dict[str, Any] = {"name": row.case.name, "article": str(row.case.article)}
        if row.extraction is not None:
            entry["words"] = row.extraction.words
            entry["seconds"] = row.extraction.seconds
            entry["annotate_seconds"] = row.extraction.annotate_seconds
        if row.score is None:
            entry["error"] = row.problem
        else:
            entry.update(_score_json(row.score))
        texts.append(entry)
    return {
        "texts": texts,
        "total": _score_json(total(row.score for row in rows if row.score is not None)),
        "speed": speed,
    }


def _score_json(score: TextScore) -> dict[str, Any]:
    def entities(part: EntityScore) -> dict[str, Any]:
        return {
            "precision": part.precision,
            "recall": part.recall,
            "f1": part.f1,
            "gold": part.gold,
            "found": part.found,
            "predicted": part.predicted,
            "correct": part.correct,
            "ignored": part.ignored,
            "duplicates": part.duplicates,
            "kind_accuracy": part.kind_accuracy,
            "role_accuracy": part.role_accuracy,
            "missed": part.missed,
            "false_positives": part.false_positives,
        }

    quotes = score.quotes
    return {
        "people": entities(score.people),
        "places": entities(score.places),
        "quotes": {
            "recall": quotes.recall,
            "precision": quotes.precision,
            "speaker_accuracy": quotes.speaker_accuracy,
            "gold": quotes.gold,
            "found": quotes.found,
            "predicted": quotes.predicted,
            "correct": quotes.correct,
            "ignored": quotes.ignored,
            "speaker_right": quotes.speaker_right,
            "missed": quotes.missed,
            "false_positives": quotes.false_positives,
            "wrong_speakers": [
                {"text": text, "gold": want, "predicted": got} for text, want, got in quotes.wrong_speakers
            ],
        },
    }


def build_parser() -> argparse.ArgumentParser:
    """The ``briefing eval`` options."""
    parser = argparse.ArgumentParser(
        prog="briefing eval",
        description="Score the extractor on articles that have a NAME.gold.json beside them.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="folders (searched recursively) "
        "or articles; an article is scored when NAME.gold.json sits beside NAME.txt/.md",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--details", action="store_true", help="list misses, false positives, wrong speakers")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        metavar="N",
        help="extract each article N times and time them all, for a steadier words/s (default 3)",
    )
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the evaluation; 0 when every case was scored, 1 when any could not be, 2 for bad usage."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.repeat < 1:
        print("briefing eval: --repeat must be at least 1", file=err)
        return 2
    cases, problems = find_cases(args.paths)
    for problem in problems:
        print(f"briefing eval: {problem}", file=err)
    if not cases:
        print("briefing eval: no article with a .gold.json beside it was found", file=err)
        return 1
    rows, speed = evaluate(cases, repeat=args.repeat)
    for row in rows:
        if row.problem:
            print(f"briefing eval: {row.case.article}: {row.problem}", file=err)
    if args.json:
        print(json.dumps(to_json(rows, speed), indent=2, ensure_ascii=False), file=out)
    else:
        print(format_table(rows, speed, details=args.details), file=out)
    return 1 if problems or any(row.score is None for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
