"""Documents as the reader sees them: a library of briefings made of sections and blocks.

Text is kept as plain strings with separate inline marks, never as markup: an
article that contains ``[b]`` or an escape sequence is data, and the UI decides
how to show it. Mentions and quotes point into ``Block.text`` by character
offsets, so every block's text is immutable once loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from tui.model.entities import Entity, Mention, Quote


class BlockKind(StrEnum):
    """What a block is, which decides how it is rendered."""

    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "blockquote"
    CREDITS = "credits"  # scraped leftovers kept as a marked block; never a source of entities


class MarkStyle(StrEnum):
    """Inline emphasis and links kept from the source."""

    EMPHASIS = "em"
    STRONG = "strong"
    CODE = "code"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline style over ``text[start:end]`` of one block (``href`` for links)."""

    start: int
    end: int
    style: MarkStyle
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, list item, block quote paragraph or credits line.

    ``line`` is the 1-based line in the source file where the block starts, so
    errors and "open in editor" can point at it. List items carry their nesting
    ``depth`` (0 = top level) and, for ordered lists, their ``ordinal``.
    """

    kind: BlockKind
    text: str
    marks: tuple[Mark, ...] = ()
    line: int | None = None
    depth: int = 0
    ordinal: int | None = None


@dataclass(slots=True)
class Section:
    """A titled run of blocks: a ``##`` heading and what follows it, or a topic in a raw article."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    line: int | None = None

    @property
    def word_count(self) -> int:
        """Words in the section, for section bars and reading estimates."""
        return sum(len(block.text.split()) for block in self.blocks)


class SourceFormat(StrEnum):
    """Which loader produced a briefing."""

    MARKDOWN = "markdown"
    TEXT = "text"


@dataclass(slots=True)
class Briefing:
    """One article: metadata, sections, and its annotations.

    ``entities`` are keyed by entity id. Ids are library-wide keys (see
    :mod:`tui.model.names`), so the same person in two briefings has the same
    id, and the library index merges them. ``mentions`` are sorted in reading
    order; ``quotes`` likewise.
    """

    path: Path
    title: str
    sections: list[Section] = field(default_factory=list)
    format: SourceFormat = SourceFormat.MARKDOWN
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    extract: bool = True
    stamp: tuple[int, int] | None = field(default=None, compare=False, repr=False)
    """The file's ``(mtime_ns, size)`` when it was read, if known: how a reader tells it changed since."""
    _body: Callable[[], Body] | None = field(default=None, init=False, compare=False, repr=False)
    """Builds ``sections``, ``mentions`` and ``quotes`` when first asked for (see :meth:`deferred`)."""
    _refs: frozenset[str] = field(default=frozenset(), init=False, compare=False, repr=False)
    """While the body waits: ids its mentions and quotes name that are not in ``entities``."""
    key: str = field(default="", init=False, compare=False, repr=False)
    """A stable identifier for the briefing: its path as given (``-`` for stdin). Kept, not worked
    out from the path at each use: indexing a library asks for it tens of thousands of times."""

    @classmethod
    def deferred(cls, body: Callable[[], Body], refs: frozenset[str], **fields: object) -> Briefing:
        """A briefing whose text and annotations are built on first use, from ``body()``.

        A warm library load reads a thousand briefings to list them and index
        their entities, while the reader opens a handful: building every block,
        mention and quote up front was most of that load. The three lists are
        left unset, so the first read of any of them (a method, ``==``,
        ``dataclasses.replace``) calls ``body`` once; after that they are plain
        attributes. ``refs`` lets :meth:`entity_ids` answer without the body.
        """
        briefing = cls(**fields)  # type: ignore[arg-type]
        briefing._body, briefing._refs = body, refs
        del briefing.sections, briefing.mentions, briefing.quotes
        return briefing

    if not TYPE_CHECKING:  # mypy would take any attribute name as valid on a class with __getattr__

        def __getattr__(self, name: str) -> object:
            """Only reached for an unset slot: a deferred body's list, built now."""
            body = object.__getattribute__(self, "_body") if name in _DEFERRED else None
            if body is None:
                raise AttributeError(name)
            self.sections, self.mentions, self.quotes = body()
            self._body, self._refs = None, frozenset()
            return object.__getattribute__(self, name)

    def entity_ids(self) -> set[str]:
        """Every entity id the briefing names, mentions or quotes (a deferred body stays unbuilt)."""
        ids = set(self.entities)
        if self._body is not None:
            ids.update(self._refs)
            return ids
        ids.update(m.entity_id for m in self.mentions)
        ids.update(q.speaker_id for q in self.quotes if q.speaker_id is not None)
        return ids

    def __post_init__(self) -> None:
        self.key = str(self.path)

    def block(self, section: int, block: int) -> Block:
        """The block at ``(section, block)``."""
        return self.sections[section].blocks[block]

    @property
    def word_count(self) -> int:
        """Words in the whole briefing."""
        return sum(section.word_count for section in self.sections)


Body = tuple[list[Section], list[Mention], list[Quote]]
"""What a deferred briefing builds on first use: its sections, mentions and quotes."""
_DEFERRED = frozenset({"sections", "mentions", "quotes"})


class Severity(StrEnum):
    """Errors stop a file from loading; warnings are reported and the file still loads."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class LoadError:
    """A problem with one input file, reported as ``path:line: message``."""

    path: str
    message: str
    line: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{where}: {prefix}{self.message}"
