"""Generators of arbitrary briefings, shared by the property tests and the fuzzer.

Hypothesis strategies (for shrinking to a minimal failing file) and a plain
``random`` generator (for the fuzzer's long runs and for the few examples the
Pilot test drives through the real app) build the same kind of input: YAML
front matter with every key, filled with hostile payloads, names in several
scripts and arbitrary Unicode, over a Markdown or raw body that mentions the
declared names in paragraphs, headings, lists, block quotes and quotations.
"""

from __future__ import annotations

import random
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.security.hostile import PAYLOADS

NAMES = ["Jane Doe", "Doe", "Иван Петров", "O’Brien", "Jean-Claude Juncker", "Kyiv", "Springfield",
         "Dr. Ada Lovelace", "محمد عباس", "Mr", "U.S.", "Jane\u200bDoe", "Ja\u202ene Doe", "Zelenskyy's"]
WORDS = ["said", "the", "minister", "in", "met", "“", "”", "\"", "'", ".", ",", "—", "*", "_", "`", "#",
         "[", "]", "(", ")", "!", "?", "\t", "said:", "told", "reporters", "who", "she", "he", "Monday"]
_PAYLOADS = list(PAYLOADS.values())

_chars = st.characters(codec="utf-8", exclude_categories=["Cs"])
_piece = st.one_of(
    st.sampled_from(_PAYLOADS), st.sampled_from(NAMES), st.sampled_from(WORDS), st.text(_chars, max_size=10)
)
line = st.lists(_piece, max_size=10).map(" ".join)
"""One line of text: words, names, payloads and arbitrary characters."""

_person = st.fixed_dictionaries(
    {"name": st.one_of(st.sampled_from(NAMES), line)},
    optional={"aliases": st.lists(st.one_of(st.sampled_from(NAMES), line), max_size=2), "role": line,
              "note": line},
)
_place = st.fixed_dictionaries(
    {"name": st.one_of(st.sampled_from(NAMES), line)},
    optional={"kind": st.sampled_from(["city", "country", "river", "other"]), "country": line,
              "coords": st.sampled_from([[50.45, 30.52], [0, 0], [-90, 180]])},
)
_quote = st.fixed_dictionaries(
    {"text": line}, optional={"speaker": st.one_of(st.sampled_from(NAMES), line), "note": line}
)
front_matter = st.fixed_dictionaries({}, optional={
    "title": line, "source": line, "url": st.sampled_from(["https://example.com/a", "[@click=app.quit]"]),
    "summary": line, "tags": st.lists(line, max_size=3), "people": st.lists(_person, max_size=3),
    "places": st.lists(_place, max_size=2), "quotes": st.lists(_quote, max_size=2),
    "extract": st.sampled_from(["auto", "off"]), "date": st.sampled_from(["2024-05-01", "2024-02-30"]),
})
"""A front-matter mapping with any of the documented keys (some values invalid on purpose)."""

_block = st.one_of(
    line,
    line.map(lambda text: "## " + text),
    line.map(lambda text: "# " + text),
    st.lists(line, min_size=1, max_size=3).map(lambda items: "\n".join("- " + i for i in items)),
    line.map(lambda text: "> " + text),
    st.tuples(line, st.sampled_from(NAMES)).map(lambda t: f"“{t[0]},” {t[1]} said."),
    st.tuples(st.sampled_from(NAMES), line).map(lambda t: f"{t[0]} said: “{t[1]}”"),
)
body = st.lists(_block, max_size=12).map("\n\n".join)


def document(meta: dict[str, Any] | None, text: str) -> str:
    """A Markdown file: ``meta`` as YAML front matter (escaped: every character survives), then ``text``."""
    if meta is None:
        return text
    dumped = yaml.safe_dump(meta, allow_unicode=False, sort_keys=False, width=1_000_000)
    return f"---\n{dumped}---\n{text}\n"


markdown_file = st.builds(document, st.one_of(st.none(), front_matter), body)
"""A whole Markdown briefing, as text."""


# -- the same, from a seeded random generator ---------------------------------------------------------


def _random_line(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randint(0, 10)):
        roll = rng.random()
        if roll < 0.15:
            pieces.append(rng.choice(_PAYLOADS))
        elif roll < 0.4:
            pieces.append(rng.choice(NAMES))
        elif roll < 0.85:
            pieces.append(rng.choice(WORDS))
        else:
            pieces.append("".join(chr(rng.choice([rng.randint(0, 0x2FF), rng.randint(0, 0x10FFFF)]))
                                  for _ in range(rng.randint(1, 6))))
    return " ".join(pieces).encode("utf-8", "replace").decode("utf-8", "replace")


def random_markdown(rng: random.Random) -> str:
    """A random Markdown briefing like :data:`markdown_file` draws, for long runs without shrinking."""
    meta: dict[str, Any] | None = None
    if rng.random() < 0.8:
        people = [{"name": rng.choice(NAMES), "role": _random_line(rng), "aliases": [_random_line(rng)]}
                  for _ in range(rng.randint(0, 3))]
        meta = {"title": _random_line(rng), "source": _random_line(rng), "summary": _random_line(rng),
                "tags": [_random_line(rng)], "people": people,
                "places": [{"name": rng.choice(NAMES), "country": _random_line(rng)}],
                "quotes": [{"text": _random_line(rng), "speaker": rng.choice(NAMES)}]}
        for key in list(meta):
            if rng.random() < 0.2:
                del meta[key]
    blocks = []
    for _ in range(rng.randint(0, 14)):
        kind = rng.randrange(6)
        text = _random_line(rng)
        blocks.append([text, "## " + text, "- " + text, "> " + text,
                       f"“{text},” {rng.choice(NAMES)} said.", f"{rng.choice(NAMES)} told {text}"][kind])
    return document(meta, "\n\n".join(blocks))
