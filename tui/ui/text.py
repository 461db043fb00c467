"""Model text to terminal text, safely: the one place article strings become styled text.

Article and front-matter strings are data. They reach the screen only through
:func:`literal` (a Rich ``Text`` whose styles come from spans, never from
markup) or :func:`safe`, which makes control characters visible *one character
for one*, so mention offsets into a block stay valid and no escape sequence can
reach the terminal. Never build a markup string from these.

:func:`wrap_offsets` is a small word-wrapper that returns character offsets, so
the article view knows which line every character (and so every mention) lands
on without rendering anything.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

# Controls, bidi marks/overrides/isolates, and invisible format characters (zero-width spaces and
# joiners, word joiner, BOM, tag characters): hidden, they let two different names look the same.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_TAB = "\t"


def _visible(match: re.Match[str]) -> str:
    """The visible stand-in for one control character (same length: one code point)."""
    char = match.group()
    code = ord(char)
    if char in (_TAB, "\n", "\r"):
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls, bidi overrides, invisible characters: shown as a replacement mark


def safe(text: str) -> str:
    """``text`` with every control, bidi-override or invisible character replaced by one visible character.

    Length is preserved, so offsets computed on the original still point at the
    same characters.
    """
    return _CONTROL.sub(_visible, text)


def literal(text: str, style: Style | str = "") -> Text:
    """A Rich ``Text`` that shows ``text`` exactly as written (no markup, controls made visible)."""
    return Text(safe(text), style=style, end="", no_wrap=True)


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` folded onto one line (whitespace runs become a space), safe, optionally shortened."""
    flat = " ".join(safe(text).split())
    if limit is not None and len(flat) > limit:
        flat = flat[: max(0, limit - 1)].rstrip() + "…"
    return flat


def assemble(*parts: tuple[str, Style | str] | str | Text) -> Text:
    """Join literal pieces, each with its own style, into one ``Text`` (labels, rows, status)."""
    result = Text(end="", no_wrap=True, overflow="ellipsis")
    for part in parts:
        if isinstance(part, Text):
            result.append_text(part)
        elif isinstance(part, str):
            result.append(safe(part))
        else:
            result.append(safe(part[0]), style=part[1])
    return result


_TOKEN = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Break ``text`` into lines of at most ``width`` cells; return each line's ``(start, end)`` offsets.

    Breaks at spaces; a word longer than the line is folded. Trailing spaces
    stay on the line they follow (they are not drawn past the edge). Always at
    least one line, so an empty block still takes a row.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    return _wrap_narrow(text, width) if _one_cell_each(text) else _wrap_cells(text, width)


_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_ONE_CELL_RANGES = ((0xA0, 0x300), (0x370, 0x483), (0x2010, 0x2028), (0x2030, 0x205F), (0x2300, 0x2400),
                    (0x2600, 0x2700))
"""Where the non-ASCII characters one cell wide that news text is full of live (accents, Greek, Cyrillic,
curly quotes, dashes, ellipses), and those the article inserts (the ⌖ and ♙ glyphs)."""
_ONE_CELL = set(map(chr, range(0x80)))
"""Characters known to take one cell each: ASCII, and each of :data:`_ONE_CELL_RANGES` once met and measured
(measuring all ~1,500 up front cost ~3 ms of every start)."""


def _one_cell_each(text: str) -> bool:
    """Whether every character of ``text`` takes one cell, so it wraps by character counts."""
    if text.isascii() or _ONE_CELL.issuperset(text):
        return True
    for char in set(text).difference(_ONE_CELL):  # characters not met before: measured once
        code = ord(char)
        if not any(low <= code < high for low, high in _ONE_CELL_RANGES) or cell_len(char) != 1:
            return False
        _ONE_CELL.add(char)
    return True


_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
"""The last whitespace before the end of the searched range (its ``endpos``)."""


def _wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    """The same breaks for text of one cell a character (:func:`_one_cell_each`), a line at a time.

    A 50,000-word article is wrapped at start-up and on every resize. Each line
    is found by looking where it would end (``width`` past its start): inside a
    word, the line breaks before that word; on a space, before the next word.
    Word by word in Python this took three times as long.
    """
    lines: list[tuple[int, int]] = []
    start, size = 0, len(text)
    while start + width < size:
        limit = start + width
        if text[limit].isspace():  # every word ending by here fits; the next one starts the next line
            following = _WORD.search(text, limit)
            if following is None:
                break
            lines.append((start, following.start()))
            start = following.start()
            continue
        space = _LAST_SPACE.search(text, start, limit)
        if space is not None:  # the word running past the limit starts the next line
            lines.append((start, space.end()))
            start = space.end()
            continue
        # One word from ``start`` runs past the line: fold it every ``width`` characters.
        after = _SPACE.search(text, limit)
        word_end = after.start() if after is not None else size
        last = start + (word_end - start - 1) // width * width
        lines.extend((at, at + width) for at in range(start, last, width))
        start = last
    lines.append((start, size))
    return lines


def _wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    """The general wrapper: any text, measured in terminal cells token by token."""
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        word = token.rstrip()
        word_cells = cell_len(word)
        if used and used + word_cells > width:
            lines.append((start, match.start()))
            start, used = match.start(), 0
        if word_cells > width:
            # Fold an over-long word character by character.
            position = match.start()
            for char in word:
                char_cells = cell_len(char)
                if used and used + char_cells > width:
                    lines.append((start, position))
                    start, used = position, 0
                used += char_cells
                position += 1
            used += len(token) - len(word)
        else:
            used += word_cells + (len(token) - len(word))
    lines.append((start, len(text)))
    return lines

