"""Quoted speech: find the quoted spans, tell quotes from titles and scare quotes, and stitch paragraphs.

Curly (“…”) and straight ("…") double marks; single marks inside them are
part of the quote. News convention for a quote over several paragraphs: each
continuing paragraph opens with a mark and only the last one closes, so an
unclosed quote followed by a paragraph that starts with an opening mark runs
on into it. Who said it is :mod:`tui.model.extract.speakers`' job.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.model.extract.lexicon import SPEECH_VERBS

MAX_SENTENCE = 1_000
"""Characters a sentence reaches back at most, for :func:`sentence_start` (real ones are far shorter)."""
_MARKS = re.compile(r"[“”\"]")
# The mark first, then what may not stand before it ("U.S.", "Mr."): a pattern that opens with a
# character class lets the regex engine skip to the next mark instead of trying every position.
_SENTENCE_BREAK = re.compile(r"[.!?](?<![A-Z][.!?])(?<!\b[A-Z][a-z][.!?])['’”\"]?\s+(?=[“\"‘]?[A-Z0-9])")
_AFTER_BREAK = re.compile(r"[“\"‘]?[A-Z0-9]")  # _SENTENCE_BREAK's lookahead
_WORDS = re.compile(r"[\w’'-]+")
_NAMING = re.compile(
    r"(?:so-called|dubbed|nicknamed|known\s+as|titled|entitled|named|called|calls?|termed|coined|term|word|"
    r"words|phrase|slogan|"
    r"hashtag|label|headlined|banner|motto|(?:a|an|the))\s*$",
    re.IGNORECASE,
)
_GLOSS_AFTER = re.compile(r"\s*(?:\(\s*|—\s*|–\s*|,\s*or\s+|,\s*meaning\s+)[“\"‘]")
_TRANSLATION_GAP = re.compile(r"^\s*(?:—|–|-|,\s*or|\(|,\s*meaning|,\s*which\s+means|:)\s*$")
_SPEECH = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS | {"adding", "ordered", "according"})) + r")\b")
_EDGE = " \u00a0\t,;:"


@dataclass(slots=True)
class Segment:
    """One block's part of a quote: block index (flat) and the inner span, marks excluded."""

    block: int
    start: int
    end: int
    open_mark: int  # position of the opening mark (or -1 when the quote came from the previous block)
    close_mark: int  # position of the closing mark (or -1 when it runs on)


@dataclass(slots=True)
class RawQuote:
    """A quote candidate before attribution: its segments in order."""

    segments: list[Segment] = field(default_factory=list)

    def text(self, texts: Sequence[str]) -> str:
        """The quoted words, paragraphs joined by a space."""
        return " ".join(texts[s.block][s.start : s.end] for s in self.segments)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _pairs(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """Matched (open, close) mark positions in one block, and an unclosed opening mark if any.

    Double and single marks nest either way round: a quoted span inside
    another quote is part of it, never a quote of its own, so only the
    outermost pairs are returned.
    """
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    curly_open: int | None = None
    for match in _MARKS.finditer(text):
        pos, mark = match.start(), match.group()
        if mark == "“":
            curly_open = pos if curly_open is None else curly_open
        elif mark == "”":
            if curly_open is not None:
                pairs.append((curly_open, pos))
                curly_open = None
        elif opened is None:
            before = text[pos - 1] if pos else " "
            if before.isalnum() and pos + 1 < len(text) and text[pos + 1].isalnum():
                continue  # inch mark or typo inside a word
            opened = pos
        else:
            pairs.append((opened, pos))
            opened = None
    dangling = curly_open if curly_open is not None else opened
    singles, single_dangling = _single_pairs(text) if "‘" in text or "'" in text else ([], None)
    if not pairs and dangling is None:
        pairs, dangling = singles, single_dangling  # British style: ‘…’ with no double marks in the paragraph
    elif singles:
        pairs = _outermost(pairs, singles, dangling)
    pairs.sort()
    return pairs, dangling


def _outermost(
    doubles: list[tuple[int, int]], singles: list[tuple[int, int]], dangling: int | None
) -> list[tuple[int, int]]:
    """Double pairs; or, when a single pair holds a double one (British style), all single pairs.

    Either way a pair inside another is dropped: it is part of the outer quote.
    """

    def crosses(a: int, b: int) -> bool:
        return any(a < c < b < d or c < a < d < b for c, d in doubles) or (
            dangling is not None and a < dangling < b
        )

    if not any(a < c and d < b and not crosses(a, b) for a, b in singles for c, d in doubles):
        return doubles  # single marks inside double quotes belong to them
    outer = [(a, b) for a, b in singles if not crosses(a, b)]
    kept = [(c, d) for c, d in doubles if not any(a < c and d < b for a, b in outer)]
    return [*kept, *(pair for pair in outer if not any(c < pair[0] and pair[1] < d for c, d in kept))]


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[\w¿¡])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])[’'](?=[\s)\]—–.,;:!?]|$)")
_PLURAL_POSSESSIVE = re.compile(r"(?<=s)[’'] (?=[a-z])")


def _single_pairs(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """‘Quoted’ spans marked with single marks (apostrophes inside words never close one), and an
    unclosed opening mark that starts a sentence (a quote running on into the next paragraph).

    A plural possessive ("the soldiers’ homes") looks like a closing mark; it
    closes the quote only when no other closing mark follows before the next
    opening one.
    """
    pairs: list[tuple[int, int]] = []
    pos = 0
    while True:
        opening = _SINGLE_OPEN.search(text, pos)
        if opening is None:
            return pairs, None
        closing = _SINGLE_CLOSE.search(text, opening.end())
        if closing is None:
            lead = text[: opening.start()].rstrip()
            return pairs, (opening.start() if not lead or lead[-1] in ".!?:" else None)
        following = _SINGLE_OPEN.search(text, closing.end())
        limit = following.start() if following else len(text)
        while _PLURAL_POSSESSIVE.match(text, closing.start()):
            later = _SINGLE_CLOSE.search(text, closing.end(), limit)
            if later is None:
                break
            closing = later
        pairs.append((opening.start(), closing.start()))
        pos = closing.end()


def _starts_with_open(text: str) -> bool:
    stripped = text.lstrip()
    return stripped[:1] in ("“", '"', "‘", "'")


def find_raw_quotes(texts: Sequence[str]) -> list[RawQuote]:
    """Every quoted span in reading order, multi-paragraph quotes stitched together."""
    found: list[RawQuote] = []
    running: RawQuote | None = None
    for index, text in enumerate(texts):
        pairs, dangling = _pairs(text)
        if running is not None and not _starts_with_open(text):
            running = None  # the previous paragraph's quote ended with it
        for open_pos, close_pos in pairs:
            start, end = _trim(text, open_pos + 1, close_pos)
            if end <= start:
                continue
            segment = Segment(index, start, end, open_pos, close_pos)
            if running is not None and open_pos == len(text) - len(text.lstrip()):
                running.segments.append(segment)
            else:
                found.append(RawQuote([segment]))
            running = None
        if dangling is not None:
            start, end = _trim(text, dangling + 1, len(text))
            if end > start:
                segment = Segment(index, start, end, dangling, -1)
                if running is not None and dangling == len(text) - len(text.lstrip()):
                    running.segments.append(segment)
                else:
                    running = RawQuote([segment])
                    found.append(running)
        elif pairs:
            running = None
    return found


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of ``text`` starts, in order (the first at 0)."""
    return [0, *_breaks(text)[0]]


def sentence_start(text: str, pos: int) -> int:
    """Start of the sentence containing ``pos``.

    The end of the last break ``_SENTENCE_BREAK.finditer(text, 0, pos)`` finds, looked up in the
    text's breaks (found once per text) instead of scanning from 0 on every call: that scan made a
    long paragraph quadratic (a 30 KB line of prose spent seconds here, 100 KB minutes).
    """
    ends, reaches = _breaks(text)
    index = bisect.bisect_right(reaches, pos)
    start = ends[index - 1] if index else 0
    if pos - start > MAX_SENTENCE:
        # Text with no sentence breaks (a pasted log, a run-on scrape) is not one huge sentence:
        # callers search from here to ``pos``, so an unbounded start made them quadratic.
        space = text.find(" ", pos - MAX_SENTENCE, pos)
        start = space + 1 if space >= 0 else pos - MAX_SENTENCE
    return start


@functools.lru_cache(maxsize=16)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Each sentence break's end, and how far the text must reach for the break to be seen.

    A break found with ``endpos=pos`` is one whose lookahead (an optional opening mark, then a
    capital or digit) also fits before ``pos``; the "reaches" are increasing, so bisect finds it.
    """
    ends: list[int] = []
    reaches: list[int] = []
    for match in _SENTENCE_BREAK.finditer(text):
        ahead = _AFTER_BREAK.match(text, match.end())
        ends.append(match.end())
        reaches.append(ahead.end() if ahead is not None else match.end())
    return ends, reaches


def sentence_end(text: str, pos: int) -> int:
    """End of the sentence containing ``pos``."""
    match = _SENTENCE_BREAK.search(text, pos)
    return match.end() if match else len(text)


def is_speech(raw: RawQuote, texts: Sequence[str], previous: RawQuote | None) -> bool:
    """Quoted speech rather than a title, nickname, term, or translation."""
    first = raw.segments[0]
    text = texts[first.block]
    quoted = raw.text(texts)
    words = _WORDS.findall(quoted)
    if not words:
        return False
    if previous is not None and first.open_mark > 0:
        last = previous.segments[-1]
        if (
            last.block == first.block
            and last.close_mark >= 0
            and _TRANSLATION_GAP.match(text[last.close_mark + 1 : first.open_mark])
        ):
            return False  # “Pobachymo” — “We’ll see.”: the second is a translation
    before = text[
        sentence_start(text, first.open_mark if first.open_mark >= 0 else 0) : max(first.open_mark, 0)
    ]
    glossed = len(raw.segments) == 1 and _GLOSS_AFTER.match(text, first.close_mark + 1)
    if glossed and len(words) <= 6 and not before.rstrip().endswith(":"):
        return False  # “el remezón” (“the big shake”): a foreign term or slogan with its gloss
    naming = _NAMING.search(before, max(0, len(before) - 40))  # it ends the text: no need to scan all
    if naming and len(words) <= 6 and not before.rstrip().endswith((":", ",")):
        return False
    title_case = all(
        w[:1].isupper() or w.lower() in {"of", "the", "and", "a", "in", "on", "for", "to"} for w in words
    )
    if len(raw.segments) > 1 or first.open_mark < 0:
        return True
    whole_block = first.open_mark == len(text) - len(text.lstrip())
    if title_case and len(words) <= 8 and not re.search(r"[.!?,]", quoted) and len(words) > 1:
        return bool(before.rstrip().endswith(":")) or (
            whole_block and first.close_mark >= len(text.rstrip()) - 2
        )
    if len(words) >= 5:
        return True
    after = (
        text[first.close_mark + 1 : sentence_end(text, first.close_mark + 1)] if first.close_mark >= 0 else ""
    )
    context = before + " " + after[:60]
    return bool(_SPEECH.search(context)) or before.rstrip().endswith(":") or whole_block
