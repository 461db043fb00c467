"""Documents as the reader sees them: a library of briefings made of sections and blocks.

Text is kept as plain strings with separate inline marks, never as markup: an
article that contains ``[b]`` or an escape sequence is data, and the UI decides
how to show it. Mentions and quotes point into ``Block.text`` by character
offsets, so every block's text is immutable once loaded.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.model.entities import Entity, Location, Mention, Quote


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


def folded(text: str) -> str:
    """``text`` on one line: each run of whitespace one space, none at either end (a heading as shown)."""
    return " ".join(text.split())


@dataclass(slots=True)
class Section:
    """A titled run of blocks: a ``##`` heading and what follows it, or a topic in a raw article."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    line: int | None = None

    @property
    def heading(self) -> str:
        """The title on one line (:func:`folded`): what the reader shows and ``/`` searches."""
        return folded(self.title)

    @property
    def word_count(self) -> int:
        """Words in the section, for section bars and reading estimates."""
        return sum(len(block.text.split()) for block in self.blocks)


class Presence(NamedTuple):
    """How one entity figures in one briefing: how often it is mentioned, where first, whether it speaks."""

    mentions: int
    first: Location | None
    quoted: bool


NOWHERE = Presence(0, None, False)
"""The presence of an entity a briefing does not name."""


def presences(mentions: Sequence[Mention], quotes: Sequence[Quote]) -> dict[str, Presence]:
    """Each entity the mentions and quotes name, with its presence: the mentions' entities first, in order.

    What the cache's head keeps for a briefing whose mentions are not built yet
    (:mod:`tui.model.cache_format`), so :meth:`Briefing.presence` gives the same
    answer built or not.
    """
    found: dict[str, Presence] = {}
    for mention in mentions:
        known = found.get(mention.entity_id)
        found[mention.entity_id] = (Presence(1, mention.location, False) if known is None
                                    else known._replace(mentions=known.mentions + 1))
    for quote in quotes:
        if quote.speaker_id is not None:
            found[quote.speaker_id] = found.get(quote.speaker_id, NOWHERE)._replace(quoted=True)
    return found


class SourceFormat(StrEnum):
    """Which loader produced a briefing."""

    MARKDOWN = "markdown"
    TEXT = "text"


@dataclass(slots=True, repr=False)
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
    _body: Callable[[], list[Section]] | None = field(default=None, init=False, compare=False, repr=False)
    """Builds ``sections`` when first asked for (see :meth:`deferred`)."""
    _titles: tuple[str, ...] = field(default=(), init=False, compare=False, repr=False)
    """The sections' titles while ``sections`` waits to be built (:meth:`section_titles`)."""
    _annotations: Callable[[], tuple[list[Mention], list[Quote]]] | None = field(
        default=None, init=False, compare=False, repr=False)
    """Builds ``mentions`` and ``quotes`` when first asked for (see :meth:`deferred`)."""
    _named: Mapping[str, Sequence[Any]] = field(default_factory=dict, init=False, compare=False, repr=False)
    """While the mentions and quotes wait to be built: for each entity id they name, its presence
    as ``[mentions, [section, block, start, end] or None, quoted]`` (:meth:`entity_ids`, :meth:`presence`)."""
    _quote_total: int = field(default=0, init=False, compare=False, repr=False)
    """How many quotes, while they wait to be built (:meth:`quote_count`)."""
    key: str = field(default="", init=False, compare=False, repr=False)
    """A stable identifier for the briefing: its path as given (``-`` for stdin). Kept, not worked
    out from the path at each use: indexing a library asks for it tens of thousands of times."""

    @classmethod
    def deferred(
        cls, body: Callable[[], list[Section]], titles: tuple[str, ...],
        annotations: Callable[[], tuple[list[Mention], list[Quote]]] | None = None,
        named: Mapping[str, Sequence[Any]] | None = None, quote_total: int = 0, **fields: object,
    ) -> Briefing:
        """A briefing whose text (its sections) is built on first use, from ``body()``.

        A warm library load reads a thousand briefings to list them and index
        their people and places, while the reader opens a handful: building
        every block of every article up front was most of that load. ``sections``
        is left unset, so its first read (a method, ``==``, ``dataclasses.replace``)
        calls ``body`` once; after that it is a plain attribute. Section
        ``titles`` come at once (the palette lists every section).

        Likewise ``annotations()`` builds the mentions and quotes on first use,
        if given: ~100,000 objects for 1,000 articles, a quarter of a warm
        load, while the index only needs the ids they name and a card or a
        timeline only how often and where first (``named``, see :meth:`entity_ids`
        and :meth:`presence`). A reader builds them all behind its screen once the
        library is listed; whatever asks first (a card, "next mention anywhere")
        builds a briefing's own, once.
        """
        briefing = cls(**fields)  # type: ignore[arg-type]
        briefing._body, briefing._titles = body, titles
        del briefing.sections
        if annotations is not None:
            briefing._annotations, briefing._named = annotations, named or {}
            briefing._quote_total = quote_total
            del briefing.mentions, briefing.quotes
        return briefing

    def section_titles(self) -> list[str]:
        """Each section's title, in order (without building a deferred briefing's text)."""
        titles = self._titles  # read first: building the text (another thread, maybe) clears it after
        return list(titles) if self._body is not None else [s.title for s in self.sections]

    if not TYPE_CHECKING:  # mypy would take any attribute name as valid on a class with __getattr__

        def __getattr__(self, name: str) -> object:
            """Only reached for an unset slot: a deferred briefing's sections or annotations, built now."""
            if name == "sections":
                with _BUILDING:  # a thread worker and the event loop may both ask first
                    body = object.__getattribute__(self, "_body")
                    if body is not None:
                        self.sections, self._body, self._titles = body(), None, ()
            elif name in ("mentions", "quotes"):
                with _BUILDING:
                    annotations = object.__getattribute__(self, "_annotations")
                    if annotations is not None:
                        (self.mentions, self.quotes), self._annotations = annotations(), None
                        self._named = {}
            else:
                raise AttributeError(name)
            return object.__getattribute__(self, name)

    def rename_annotations(self, renames: dict[str, str]) -> None:
        """Give mentions and quote speakers new entity ids; a deferred briefing's wait until they are built.

        Library folding (:mod:`tui.model.surnames`) renames a lone surname in
        about one briefing in eight: building their mentions to rename them
        was most of adding a batch of a warm library. The counts and first
        mentions the head keeps are renamed at once.
        """

        def renamed(mentions: list[Mention], quotes: list[Quote]) -> tuple[list[Mention], list[Quote]]:
            return (
                [replace(m, entity_id=renames[m.entity_id]) if m.entity_id in renames else m
                 for m in mentions],
                [replace(q, speaker_id=renames[q.speaker_id]) if q.speaker_id in renames else q
                 for q in quotes],
            )

        with _BUILDING:  # as when they are built: a thread worker may build them meanwhile
            build = self._annotations
            if build is None:
                self.mentions, self.quotes = renamed(self.mentions, self.quotes)
                return
            named = dict(self._named)
            for old, new in renames.items():
                row = named.pop(old, None)
                if row is not None:
                    named[new] = row if new not in named else _merge_rows(named[new], row)
            self._named = named
            self._annotations = lambda: renamed(*build())

    def entity_ids(self) -> set[str]:
        """Every entity id the briefing names, mentions or quotes (deferred annotations stay unbuilt)."""
        ids = set(self.entities)
        named = self._named  # read first: building the annotations (another thread) clears it after
        if self._annotations is not None:
            ids.update(named)
        else:
            ids.update(m.entity_id for m in self.mentions)
            ids.update(q.speaker_id for q in self.quotes if q.speaker_id is not None)
        return ids

    def presence(self, entity_id: str) -> Presence:
        """How often the briefing mentions an entity, where first, and whether it quotes it.

        Answered from the cache's head while the mentions wait to be built, so
        that the card and timeline of a place named in 5,000 briefings need not
        build 20,000 mentions to count them.
        """
        named = self._named  # read first: building the annotations (another thread) clears it after
        if self._annotations is not None:
            row = named.get(entity_id)
            if row is None:
                return NOWHERE
            count, first, quoted = row
            return Presence(count, None if first is None else Location(*first), quoted)
        count, location = 0, None
        for mention in self.mentions:
            if mention.entity_id == entity_id:
                count += 1
                if location is None:
                    location = mention.location
        return Presence(count, location, any(q.speaker_id == entity_id for q in self.quotes))

    def quote_count(self) -> int:
        """How many quotes the briefing has (from the cache's head while unbuilt)."""
        total = self._quote_total  # read first, as in presence()
        return total if self._annotations is not None else len(self.quotes)

    def mention_counts(self) -> dict[str, int]:
        """How many times the briefing mentions each entity (from the cache's head while unbuilt)."""
        named = self._named  # read first, as in presence()
        if self._annotations is not None:
            return {entity_id: row[0] for entity_id, row in named.items() if row[0]}
        found = presences(self.mentions, ())
        return {entity_id: presence.mentions for entity_id, presence in found.items()}

    def __post_init__(self) -> None:
        self.key = str(self.path)

    def __repr__(self) -> str:
        """Its path and title. Every field, as a dataclass shows them, built a deferred briefing's
        text and mentions, and wrote out the whole article (Textual names a worker after the
        ``repr`` of its arguments: a watch-mode scan did that to every briefing each second)."""
        return f"Briefing({self.key!r}, title={self.title!r})"

    def block(self, section: int, block: int) -> Block:
        """The block at ``(section, block)``."""
        return self.sections[section].blocks[block]

    @property
    def lead_is_title(self) -> bool:
        """Whether the first section is named after the briefing (its front matter's title, or its ``#``
        heading), whatever the case: the reader shows that name once, as the title, a search finds it
        there and the palette lists it once. Its text is not built to tell."""
        titles = self.section_titles()
        return bool(titles) and folded(titles[0]).casefold() == folded(self.title).casefold()

    @property
    def word_count(self) -> int:
        """Words in the whole briefing."""
        return sum(section.word_count for section in self.sections)

    @property
    def byline(self) -> str:
        """The line under the title: date, source, length and reading time, tags (shown and searched)."""
        words = self.word_count  # counted once: it splits every block (~8 ms for 50,000 words)
        return " · ".join(part for part in (
            self.date.isoformat() if self.date else None,
            self.source,
            f"{words:,} words · {max(1, round(words / 230))} min",
            ", ".join(self.tags) if self.tags else None,
        ) if part)


def _merge_rows(one: Sequence[Any], other: Sequence[Any]) -> list[Any]:
    """Two entities' presence rows (``Briefing._named``) as one: counts added, the earlier first mention."""
    firsts = [row[1] for row in (one, other) if row[1] is not None]
    first = min(firsts, key=lambda location: tuple(location[:3])) if firsts else None
    return [one[0] + other[0], first, one[2] or other[2]]


_BUILDING = threading.RLock()
"""Held while a deferred briefing builds its sections (see :meth:`Briefing.deferred`)."""


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
