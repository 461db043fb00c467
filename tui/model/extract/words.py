"""Words as the extractor's look-ups read them: runs of word characters, the word a window ends with,
and a pattern for a set of words.

The rules that ask "which word stands right before this name?" used to search
a pattern anchored at the window's end (``(said|told)\\s+$``), which the regular
expression engine tries from every position of the window. :func:`word_before`
reads that word back from the end instead; the callers then look it up in a set.
:func:`trie_pattern` writes a set of words as a tree of their beginnings, for
searches that must find them anywhere in a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

WORD_RUN = re.compile(r"\w+")
"""A maximal run of word characters (``\\w``, as the replaced patterns' ``\\b`` saw them)."""
WORD_CHAR = re.compile(r"\w")


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words``, as a tree of their shared beginnings.

    ``said|saw|say…`` as ``sa(?:id|w|y…)``: the engine rules out most positions
    on the first character instead of trying every word there.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree) if tree else "(?!)"  # no words: nothing matches


def _branches(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


def word_before(text: str, word: re.Pattern[str], spaces: str | None) -> tuple[str | None, int]:
    """The word (a maximal run of ``word``'s characters) that ``spaces`` follow to the end of ``text``.

    ``spaces`` are the characters that must follow the word, at least one of them
    (``None``: any whitespace, as ``\\s+``). A pattern's ``$`` after them also
    allowed one newline, so with given ``spaces`` one trailing newline is passed
    over. Returns the word, or ``None`` when none ends the text that way, and
    where the word starts (``-1`` with ``None``).
    """
    line = text.removesuffix("\n") if spaces is not None else text
    stripped = line.rstrip(spaces)
    if len(stripped) == len(line):
        return None, -1
    found = word.match(stripped[::-1])
    if found is None:
        return None, -1
    return found.group()[::-1], len(stripped) - found.end()
