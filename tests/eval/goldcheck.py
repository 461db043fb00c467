"""The four gold fixture sets and the helpers that check them, shared by the fixture tests.

The sets were written one after another -- dev (``articles``), then ``heldout``, ``final`` and
``final2`` -- and each later one is only a fair measure if nothing leaks into it from the sets
written (and tuned on) before it. So :data:`SETS` is kept in that order, and each set carries its
own article-size bounds and the credit lines its house styles use, rather than one set of bounds
that fits none of them well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from tui.eval.gold import Annotation, QuoteRecord, load_gold
from tui.eval.scoring import quote_tokens

HERE = Path(__file__).parent


@dataclass(frozen=True)
class FixtureSet:
    """One folder of ``NAME.txt`` articles with their ``NAME.gold.json`` files."""

    name: str
    folder: Path
    words: tuple[int, int]
    """Fewest and most words an article may have."""
    min_paragraphs: int
    credit_line: re.Pattern[str]
    """Bylines, credits and scraped leftovers: a name that occurs only on such a line is never gold."""


SETS: tuple[FixtureSet, ...] = (
    FixtureSet(
        "dev",
        HERE / "articles",
        (300, 700),
        8,
        re.compile(r"(By |Follow |Additional reporting|Reporting by|Read more:|.*pic\.twitter)"),
    ),
    FixtureSet(
        "heldout",
        HERE / "heldout",
        (350, 800),
        8,
        re.compile(
            r"(By |Follow |Additional reporting|Reporting by|Read more:|Staff writers?"
            r"|Science correspondent|©|— .*\(@)"
        ),
    ),
    FixtureSet(
        "final",
        HERE / "final",
        (400, 900),
        10,
        re.compile(
            r"(By |\(?Reporting by|Additional reporting|Editing by|Associated Press writer|Read more:|Follow "
            r"|This report by|AP cycling|\w+ correspondent$|.*Photograph: |.*THE CANADIAN PRESS/"
            r"|[A-Z][\w’']+ [A-Z][\w’'-]+ (in|at the) [A-Z][\w ]+$|— .*\(@)"
        ),
    ),
    FixtureSet(
        "final2",
        HERE / "final2",
        (450, 900),
        12,
        re.compile(
            r"(By |\(?Reporting (by|from)|Additional reporting|Editing by|Associated Press writer|Read more:"
            r"|This report by|.* contributed( reporting| to this report)|.*Photograph: |.*correspondent$"
            r"|[A-Z][\w’']+ [A-Z][\w’'-]+ in [A-Z][\w ]+$|— .*\(@)"
        ),
    ),
)
"""In the order the sets were written: each later set is checked against all the earlier ones."""

SET_BY_NAME = {fixture_set.name: fixture_set for fixture_set in SETS}


class Gold(NamedTuple):
    """One article with its gold annotation."""

    path: Path
    text: str
    annotation: Annotation


def article_of(gold: Path) -> Path:
    """The article a gold file annotates: ``NAME.gold.json`` -> ``NAME.txt``."""
    return gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")


def occurs(name: str, text: str, flags: re.RegexFlag = re.IGNORECASE) -> bool:
    """Whole-word occurrence (case ignored: a canonical "Seattle" may only occur as a dateline "SEATTLE")."""
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, flags) is not None


def contiguous(needle: list[str], haystack: list[str]) -> bool:
    """Whether ``needle`` is a run of consecutive items of ``haystack``: a quote said word for word."""
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def ten_word_runs(text: str) -> set[tuple[str, ...]]:
    """Every run of ten words: two sets sharing one have shared a sentence, not only a name."""
    words = quote_tokens(text)
    return {tuple(words[i : i + 10]) for i in range(len(words) - 9)}


def gold_files(fixture_set: FixtureSet) -> list[Path]:
    return sorted(fixture_set.folder.glob("*.gold.json"))


@cache
def golds_of(fixture_set: FixtureSet) -> tuple[Gold, ...]:
    """Every article of a set with its gold (cached: several tests read each set; none changes it)."""
    return tuple(
        Gold(gold, article_of(gold).read_text(encoding="utf-8"), load_gold(gold))
        for gold in gold_files(fixture_set)
    )


def gold_of(fixture_set: FixtureSet, gold: Path) -> Gold:
    return next(entry for entry in golds_of(fixture_set) if entry.path == gold)


def earlier_sets(fixture_set: FixtureSet) -> tuple[FixtureSet, ...]:
    return SETS[: SETS.index(fixture_set)]


@cache
def earlier_text(fixture_set: FixtureSet) -> str:
    """All the articles of the sets written before this one, in order, joined."""
    paths = [path for earlier in earlier_sets(fixture_set) for path in sorted(earlier.folder.glob("*.txt"))]
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


@cache
def earlier_runs(fixture_set: FixtureSet) -> frozenset[tuple[str, ...]]:
    return frozenset(ten_word_runs(earlier_text(fixture_set)))


def spanning_quotes(golds: tuple[Gold, ...]) -> list[QuoteRecord]:
    """Gold quotes no single paragraph holds whole: they run on across a paragraph break."""
    return [
        quote
        for _, text, annotation in golds
        for quote in annotation.quotes
        if not any(contiguous(quote_tokens(quote.text), quote_tokens(line)) for line in text.splitlines())
    ]
