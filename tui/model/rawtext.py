"""Raw ``.txt`` articles as people save them from news sites.

The text has no markup: paragraphs are one per line or separated by blank
lines (hard-wrapped paragraphs are joined back together). The title comes from
the caller (a sidecar), else a short heading-like first line, else the first
sentence cut at a word boundary. Short heading-like lines further down are
kept as section headings; otherwise paragraphs are grouped into sections by
topic (:mod:`tui.model.sectioning`).

Scraped leftovers (see :mod:`tui.model.leftovers`) become
:attr:`BlockKind.CREDITS` blocks collected, in their original order, into a
final "Credits" section: out of the way of the reading, still visible, and
never a source of entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.model.document import Block, BlockKind, Section
from tui.model.leftovers import is_leftover, strip_trailing_embed
from tui.model.sectioning import group_blocks

CREDITS_TITLE = "Credits"
TITLE_LIMIT = 80
"""A title cut from the first sentence is at most this many characters."""

_TERMINAL = re.compile(r"[.!?…:;,\"”’)\]]$")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.(?:[A-Z]\.)*|\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Rev|Prof|No|Vol|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])")


@dataclass(slots=True)
class RawArticle:
    """A raw article's title (and where it came from) and its sections."""

    title: str
    sections: list[Section] = field(default_factory=list)
    title_source: str = "sentence"  # "given", "heading" or "sentence"


@dataclass(slots=True)
class _Line:
    text: str
    number: int


def parse_raw(text: str, *, title: str | None = None, fallback_title: str = "Untitled") -> RawArticle:
    """Split a raw article into a title and sections; ``title`` (from a sidecar) wins."""
    paragraphs, credits = _paragraphs(text)
    article = RawArticle(title or fallback_title, title_source="given" if title else "sentence")
    if title is None and paragraphs:
        first = paragraphs[0]
        if len(paragraphs) > 1 and is_heading_like(first.text):
            article.title, article.title_source = first.text, "heading"
            paragraphs = paragraphs[1:]
        else:
            article.title = first_sentence(first.text) or fallback_title
    article.sections = _sections(paragraphs, article.title)
    if credits:
        article.sections.append(Section(CREDITS_TITLE, credits, line=credits[0].line))
    return article


def is_heading_like(line: str) -> bool:
    """A short line that reads like a headline: no sentence punctuation at the end, starts with a capital."""
    words = line.split()
    return (
        0 < len(words) <= 14
        and len(line) <= 120
        and not re.search(r"[.,;:…\"”’)]$", line)
        and (line[:1].isupper() or line[:1].isdigit())
        and any(char.isalpha() for char in line)
    )


def first_sentence(text: str, limit: int = TITLE_LIMIT) -> str:
    """The first sentence of ``text``, cut at a word boundary to ``limit`` characters (with "…")."""
    sentence = text.strip()
    for match in _SENTENCE_BREAK.finditer(sentence):
        if not _ABBREVIATION.search(sentence[: match.start() + 1]):
            sentence = sentence[: match.start() + 1]
            break
    sentence = sentence.rstrip(" .")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-") + "…"


def _paragraphs(text: str) -> tuple[list[Block], list[Block]]:
    """Paragraph blocks and credits blocks, in order, with their source lines."""
    paragraphs: list[Block] = []
    credits: list[Block] = []
    for chunk in _chunks(text):
        for line_group in _join_wrapped(chunk):
            joined = " ".join(line.text for line in line_group)
            number = line_group[0].number
            if is_leftover(joined):
                credits.append(Block(BlockKind.CREDITS, joined, line=number))
                continue
            body, embed = strip_trailing_embed(joined)
            if embed:
                credits.append(Block(BlockKind.CREDITS, embed, line=number))
            if body:
                paragraphs.append(Block(BlockKind.PARAGRAPH, body, line=number))
    return paragraphs, credits


def _chunks(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines (whitespace inside a line collapsed), split at blank lines."""
    chunks: list[list[_Line]] = []
    current: list[_Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if line:
            current.append(_Line(line, number))
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _join_wrapped(chunk: list[_Line]) -> list[list[_Line]]:
    """Group a chunk's lines into paragraphs: one per line, unless the chunk is hard-wrapped prose.

    A line continues the paragraph before it when that line does not end a
    sentence and is long (wrapped, not a heading), or when it starts in lower
    case. Leftover lines always stand alone.
    """
    groups: list[list[_Line]] = []
    widest = max(len(line.text) for line in chunk)
    for line in chunk:
        if groups and _continues(groups[-1][-1].text, line.text, widest):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(previous: str, line: str, widest: int) -> bool:
    if is_leftover(previous) or is_leftover(line) or _TERMINAL.search(previous):
        return False
    if line[:1].islower():
        return True
    return len(previous) >= max(40, int(widest * 0.6)) and len(previous.split()) >= 6


def _sections(paragraphs: list[Block], title: str) -> list[Section]:
    """Sections from explicit heading-like lines if the text has them, else by topic."""
    headed: list[Section] = []
    pending: list[Block] = []
    heading: Block | None = None
    for index, block in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if following is not None and is_heading_like(block.text) and not is_heading_like(following.text):
            if pending or heading is not None:
                headed.append(_titled(heading, pending, title))
            heading, pending = block, []
        else:
            pending.append(block)
    if heading is None:
        return group_blocks(pending, fallback_title=title)
    headed.append(_titled(heading, pending, title))
    return headed


def _titled(heading: Block | None, blocks: list[Block], title: str) -> Section:
    """A section under an explicit heading line; text before the first heading is the lead."""
    if heading is None:
        return Section(title, blocks, line=blocks[0].line if blocks else None)
    return Section(heading.text, blocks, line=heading.line)
