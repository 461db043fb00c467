"""Writing Markdown from article text: escaping, so a Markdown viewer shows exactly what the article said.

Dossiers and exported briefings put article strings (names, sentences, quotes,
titles) into Markdown. A sentence containing ``[@click=app.quit]x``, ``**``, a
``<script>`` tag or an ``&amp;`` would otherwise become a link, bold text, raw
HTML or an entity when rendered; a paragraph starting ``1.`` or ``#`` would
become a list or a heading. :func:`inline` backslash-escapes exactly the
characters that could mean something (CommonMark lets any ASCII punctuation be
escaped, and a renderer shows the escaped character itself), and makes control
and invisible characters visible escapes (``\\x1b``), so nothing in the text
can drive a terminal that prints the file.

Files are written with :func:`write_atomic`: a reader or an editor never sees a
half-written dossier or export.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from tui.model.export import printable

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
"""Inline syntax: escapes, code, emphasis, links, images, HTML, autolinks, tables, strikethrough, entities."""
_SPACES = re.compile(r"\s+")
_BLOCK_START = re.compile(r"^(?:([#>+=:-])|(\d{1,9})([.)]))")
"""What makes a line a heading, quote, list item or setext underline when it comes first."""


def one_line(text: str) -> str:
    """Whitespace runs (line breaks included) folded to single spaces, ends trimmed."""
    return " ".join(text.split())


def inline(text: str, *, trim: bool = True) -> str:
    """``text`` as Markdown that renders as the same characters, on one line (whitespace runs folded).

    ``trim=False`` keeps a space at either end, for pieces of a sentence joined around a bold word.
    """
    flat = one_line(text) if trim else _SPACES.sub(" ", text)
    escaped = _SPECIAL.sub(r"\\\1", printable(flat))
    return _BLOCK_START.sub(_escape_start, escaped, count=1)


def _escape_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file and a rename: whole, or not at all."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); a dossier or export is an ordinary document.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
