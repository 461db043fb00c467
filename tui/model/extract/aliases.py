"""Finding every occurrence of a briefing's aliases: longest first, whole words, never overlapping.

What it finds is exactly what one alternation regex of all the aliases
(longest first, after no word character, apostrophe or hyphen, with an
optional possessive, before no word character) finds with ``finditer``. But a
briefing's aliases differ from every other's, so that regex had to be compiled
for each article: about 2 ms, a tenth of annotating one. Here the aliases are
filed under their first word instead, and each word start in the text is
looked up there, which costs a dictionary look-up per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tui.model.extract.words import WORD_CHAR, WORD_RUN

_JOINERS = "’'-"
"""No name starts right after these: in "O’Brien" or "Jean-Claude", "Brien" and "Claude" are no match."""
_APOSTROPHES = "'’"


class AliasFinder:
    """The aliases of one briefing, filed by their first word, longest first within each."""

    def __init__(self, aliases: Iterable[str]) -> None:
        self.by_head: dict[str, list[str]] = {}
        self.fallback: re.Pattern[str] | None = None
        ordered = sorted(set(aliases), key=len, reverse=True)
        for alias in ordered:
            head = WORD_RUN.match(alias)
            if head is None:  # an alias that starts with punctuation: rare enough for the regex
                self.fallback = _alternation(ordered)
                return
            self.by_head.setdefault(head.group(), []).append(alias)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Start and end of every match in ``text``, in reading order."""
        if self.fallback is not None:
            yield from (match.span() for match in self.fallback.finditer(text))
            return
        by_head, resume = self.by_head, 0
        for word in WORD_RUN.finditer(text):
            heads = by_head.get(word.group())
            start = word.start()
            if heads is None or start < resume or (start and text[start - 1] in _JOINERS):
                continue
            for alias in heads:
                if text.startswith(alias, start):
                    end = _whole_word_end(text, start + len(alias))
                    if end is not None:
                        yield start, end
                        resume = end
                        break


def _whole_word_end(text: str, end: int) -> int | None:
    """Where a match ending at ``end`` stops: after a possessive ("'s", or "'" after an s), if any;
    ``None`` if a word character follows (the alias is only the start of a longer word)."""
    if end < len(text) and text[end] in _APOSTROPHES:
        if text.startswith("s", end + 1) and not WORD_CHAR.match(text, end + 2):
            return end + 2
        if text[end - 1] == "s" and not WORD_CHAR.match(text, end + 1):
            return end + 1
    return None if WORD_CHAR.match(text, end) else end


def _alternation(aliases: list[str]) -> re.Pattern[str]:
    """The one-regex form, for aliases that do not start with a word character."""
    return re.compile(
        r"(?<![\w’'-])(?:"
        + "|".join(re.escape(a) for a in aliases)
        + r")(?:['’]s\b|(?<=s)['’](?!\w))?(?!\w)"
    )
