"""Bytes from disk to clean text: encodings, binary files, line endings and control characters.

Every character of article text ends up on a terminal, so nothing that a
terminal would interpret may survive loading: ANSI escape sequences are removed
whole (so no stray "[31m" is left behind), and every other control character
except tab and newline is removed. Form feeds, vertical tabs and Unicode line
separators become newlines; lone surrogates become U+FFFD. Removing rather than
replacing keeps text readable; a warning says how many were removed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

MAX_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused (a news briefing is a few kilobytes)."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"  # DCS, PM, APC, SOS strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # C1 CSI
)
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BINARY_SAMPLE = 8192
_BINARY_RATIO = 0.3


class NotText(Exception):
    """The bytes are not a text file (binary, or mostly undecodable)."""


@dataclass(slots=True)
class Decoded:
    """Clean text plus the warnings decoding produced, as ``(line or None, message)`` pairs."""

    text: str
    warnings: list[tuple[int | None, str]] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes (UTF-8, or UTF-16/32 with a byte-order mark) and clean the text.

    Raises :class:`NotText` for binary data. Invalid UTF-8 is decoded with
    U+FFFD replacements and a warning naming the first bad line.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = Decoded("")
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                text = data[len(bom) :].decode(encoding, errors="replace")
                decoded.warnings.append((None, f"not valid {encoding.upper()}: bad bytes are shown as �"))
            return _finish(text, decoded)
    if b"\x00" in data[:_BINARY_SAMPLE] or b"\x00" in data[-_BINARY_SAMPLE:]:
        raise NotText("binary file (contains NUL bytes), not a text article")
    decoded = Decoded("")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", errors="replace")
        sample = text[:_BINARY_SAMPLE]
        bad = sample.count("\ufffd") + len(_CONTROL.findall(sample))
        if bad > _BINARY_RATIO * max(1, len(sample)):
            raise NotText("binary file (mostly bytes that are not text), not a text article") from None
        line = data[: error.start].count(b"\n") + 1
        decoded.warnings.append((line, "not valid UTF-8: undecodable bytes are shown as �"))
    return _finish(text, decoded)


def decode_text(text: str) -> Decoded:
    """Clean text that arrives already decoded (a text stream): the same checks and warning as bytes get."""
    return _finish(text, Decoded(""))


def _finish(text: str, decoded: Decoded) -> Decoded:
    """Clean decoded text and refuse it if it is mostly control characters."""
    sample = text[:_BINARY_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _BINARY_RATIO * len(sample):
        raise NotText("binary file (mostly control characters), not a text article")
    decoded.text, removed = clean_text(text)
    if removed:
        decoded.warnings.append((None, f"removed {removed} control or escape character(s) from the text"))
    return decoded


def clean_text(text: str) -> tuple[str, int]:
    """Normalise newlines to ``\\n`` and remove escape sequences and control characters.

    Returns the text and the number of characters removed (line breaks that
    were merely normalised do not count).
    """
    text = _LINE_BREAKS.sub("\n", text)
    cleaned = _ESCAPE_SEQUENCE.sub("", text)
    cleaned = _CONTROL.sub("", cleaned)
    removed = len(text) - len(cleaned)
    cleaned = _SURROGATE.sub("\ufffd", cleaned)
    return cleaned, removed
