"""Text search and keyword in context: finding words in a briefing, and the sentence around a span.

``/`` with ``n``/``N`` (:func:`find_text`, :func:`next_match`) and the entity
card's mention rows (:func:`keyword_in_context`) read the briefing's text
rather than its linked items, so they live apart from :mod:`tui.model.navigation`
and share only its reading-order helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tui.model.document import Briefing, folded
from tui.model.entities import BYLINE, HEADING, SUMMARY, TITLE, Location
from tui.model.navigation import _point, _sign, _step_points

# -- keyword in context --------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    (
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "prof", "rev", "sen", "rep",
        "gov", "pres", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    )
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_KWIC_LIMIT = 240


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` that holds ``[start, end)``, by punctuation, skipping abbreviations."""
    begin, finish = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        # The word the punctuation ends, found by walking back (splitting the whole prefix at every
        # sentence end made a long paragraph quadratic: ~1 ms per card row in a 6,000-character one).
        stop = match.start() + 1
        first = stop
        while first and not text[first - 1].isspace():
            first -= 1
        word = text[first:stop].rstrip(".!?…").casefold()
        is_initial = len(word) == 1 and word.isalpha()
        if text[match.start()] == "." and (word in _ABBREVIATIONS or is_initial):
            continue
        if match.end() <= start:
            begin = match.end()
        elif match.start() >= end:
            finish = match.start() + len(match.group().rstrip())
            break
    return begin, finish


def keyword_in_context(
    briefing: Briefing, location: Location, limit: int = _KWIC_LIMIT
) -> tuple[str, int, int]:
    """The sentence around a span and the span's offsets inside it, for entity-card rows.

    Whitespace runs become single spaces (offsets adjusted). A sentence longer
    than ``limit`` characters is cut around the keyword with "…" at the cut
    ends, so a card row stays readable.
    """
    text = briefing.block(location.section, location.block).text
    begin, finish = _sentence_bounds(text, location.start, location.end)
    # Collapse whitespace while tracking where the keyword lands.
    out: list[str] = []
    k_start = k_end = -1
    last_space = True
    for index in range(begin, finish):
        if index == location.start:
            k_start = len(out)
        if index == location.end:
            k_end = len(out)
        char = text[index]
        if char.isspace():
            if not last_space:
                out.append(" ")
            last_space = True
        else:
            out.append(char)
            last_space = False
    if k_end < 0:
        k_end = len(out)
    if k_start < 0:
        k_start = k_end
    sentence = "".join(out)
    stripped = sentence.rstrip()
    k_end = min(k_end, len(stripped))
    sentence = stripped
    if len(sentence) > limit:
        room = max(limit - (k_end - k_start), 0)
        cut_start = max(0, k_start - room // 2)
        cut_end = min(len(sentence), max(k_end + (room - (k_start - cut_start)), k_end))
        prefix = "…" if cut_start > 0 else ""
        suffix = "…" if cut_end < len(sentence) else ""
        sentence = prefix + sentence[cut_start:cut_end] + suffix
        k_start = k_start - cut_start + len(prefix)
        k_end = k_end - cut_start + len(prefix)
    return sentence, k_start, k_end


# -- text search -----------------------------------------------------------------------------------


def searched_texts(briefing: Briefing) -> Iterator[tuple[int, int, str]]:
    """What ``/`` searches, in reading order, as ``(section, block, text)``: the title, the byline, the
    summary, then each section's heading (not the lead's when it is the title:
    :attr:`Briefing.lead_is_title`) and blocks. All but the blocks are folded onto one line, as shown."""
    yield 0, TITLE, folded(briefing.title)
    yield 0, BYLINE, folded(briefing.byline)
    if briefing.summary:
        yield 0, SUMMARY, folded(briefing.summary)
    lead_is_title = briefing.lead_is_title
    for s_index, section in enumerate(briefing.sections):
        if section.heading and not (s_index == 0 and lead_is_title):
            yield s_index, HEADING, section.heading
        for b_index, block in enumerate(section.blocks):
            yield s_index, b_index, block.text


def text_at(briefing: Briefing, location: Location) -> str:
    """The text a location's offsets count in: its block's, or the title, byline, summary or heading
    (on one line)."""
    if location.block == TITLE:
        return folded(briefing.title)
    if location.block == BYLINE:
        return folded(briefing.byline)
    if location.block == SUMMARY:
        return folded(briefing.summary or "")
    section = briefing.sections[location.section]
    return section.heading if location.block == HEADING else section.blocks[location.block].text


def find_text(briefing: Briefing, query: str) -> list[Location]:
    """Every case-insensitive match of ``query`` in what the reader shows of a briefing, in reading order.

    Any run of whitespace in the query matches any run in the text, so a
    phrase is found across a line break. Matches do not overlap. An empty or
    blank query finds nothing. Title, summary and section headings are
    searched too (:func:`searched_texts`): a reader looking for "Kursk"
    expects the section named after it. A match there has the block
    :data:`~tui.model.entities.TITLE`, ``BYLINE``, ``SUMMARY`` or ``HEADING``.
    """
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    found: list[Location] = []
    for section, block, text in searched_texts(briefing):
        found.extend(Location(section, block, match.start(), match.end()) for match in pattern.finditer(text))
    return found


def next_match(
    matches: Sequence[Location], current: Location | None, direction: int, *, wrap: bool = True
) -> Location | None:
    """The search match after/before ``current`` (``n``/``N``); wraps around by default, like vim's ``/``."""
    if not matches:
        return None
    step = _sign(direction)
    if current is None:
        return matches[0] if step > 0 else matches[-1]
    found = _step_points([_point(m) for m in matches], _point(current), current in matches, step)
    if found is not None:
        return matches[found]
    if not wrap:
        return None
    return matches[0] if step > 0 else matches[-1]
