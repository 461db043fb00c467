"""The cache entry's format: a loaded briefing as plain JSON-ready lists, and back.

Positional lists, ``None`` for defaults, so that 1,000 articles' heads decode
in a fifth of a second (:mod:`tui.model.cache` reads and writes the entries).
:func:`encode` splits a loader result into a head (metadata, people and
places, for each entity the mentions and quotes name how often, where first
and whether quoted, the number of quotes, the fold keys of the people's
names, problems: what listing and indexing a library need), the annotations
(mentions and quotes) and a body (the sections); :func:`decode` builds the
briefing from the head and leaves its mentions, quotes and text to be decoded
and built on first use (:meth:`Briefing.deferred`). Bump :data:`FORMAT_VERSION`
whenever :func:`encode` changes shape: old entries then miss and are rebuilt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.model.discovery import SIDECARS
from tui.model.document import (
    Block,
    BlockKind,
    Briefing,
    LoadError,
    Mark,
    MarkStyle,
    Section,
    Severity,
    SourceFormat,
    presences,
)
from tui.model.entities import Entity, EntityKind, Location, Mention, Origin, PlaceKind, Quote
from tui.model.surnames import folds_of, remember_folds

__all__ = ["FORMAT_VERSION", "Loaded", "decode", "encode"]

FORMAT_VERSION = 6
"""Bump whenever :func:`encode` changes shape; old entries then miss and are rebuilt."""

Loaded = tuple[Briefing | None, list[LoadError]]
_BLOCK_KINDS = {kind.value: kind for kind in BlockKind}
_MARK_STYLES = {style.value: style for style in MarkStyle}
_ENTITY_KINDS = {kind.value: kind for kind in EntityKind}
_PLACE_KINDS = {kind.value: kind for kind in PlaceKind}
_ORIGINS = {origin.value: origin for origin in Origin}
_SEVERITIES = {severity.value: severity for severity in Severity}



def encode(
    briefing: Briefing | None, errors: list[LoadError], path: Path
) -> tuple[list[Any], list[Any] | None, list[Any] | None]:
    """A loader result as JSON-ready lists (head, annotations, body).

    A problem's path, the file's or its sidecar's, becomes a marker. The
    head is what listing and indexing a library need (metadata, entities, the
    ids the mentions and quotes name, problems); the annotations (mentions
    and quotes) and the body (the sections) are decoded only when first used.
    """
    names = {str(path): 0, **{str(path.with_suffix(s)): i for i, s in enumerate(SIDECARS, 1)}}
    problems = [[names.get(e.path, e.path), e.message, e.line, e.severity.value] for e in errors]
    if briefing is None:
        return [None, problems], None, None
    head, annotations, body = _encode_briefing(briefing)
    return [head, problems], annotations, body


def decode(value: list[Any], path: Path, annotations: Callable[[], Any], body: Callable[[], Any]) -> Loaded:
    """The inverse of :func:`encode`, for a file at ``path``; ``annotations()`` and ``body()`` when needed."""
    encoded, problems = value
    names = [str(path), *(str(path.with_suffix(s)) for s in SIDECARS)] if problems else []
    errors = [LoadError(names[p] if isinstance(p, int) else p, message, line, _SEVERITIES[severity])
              for p, message, line, severity in problems]
    if encoded is None:
        return None, errors
    return _decode_briefing(encoded, path, annotations, body), errors


def _encode_briefing(b: Briefing) -> tuple[list[Any], list[Any], list[Any]]:
    ids = {entity_id: index for index, entity_id in enumerate(b.entities)}
    sections = [[s.title, s.line, [_encode_block(block) for block in s.blocks]] for s in b.sections]
    entities = [[None if key == e.id else key, e.id, e.kind.value, e.name, e.aliases, e.role,
                 e.place_kind and e.place_kind.value, e.country, e.coords, e.origin.value, e.note]
                for key, e in b.entities.items()]
    names: dict[str, int] = {}  # each mention's text, once: a few names recur through an article
    mentions: list[Any] = []  # flat: entity, section, block, start, end, name for each mention
    for m in b.mentions:
        name = names.setdefault(m.text, len(names))
        mentions += (ids.get(m.entity_id, m.entity_id), *_loc(m.location), name)
    quotes = [[q.text, q.speaker_id, q.declared, *(n for span in q.spans for n in _loc(span))]
              for q in b.quotes]
    # Each entity named: [entity, mentions, first mention's location or None, quoted?] (Briefing.presence)
    named = [[ids.get(entity_id, entity_id), count, None if first is None else _loc(first), quoted]
             for entity_id, (count, first, quoted) in presences(b.mentions, b.quotes).items()]
    meta = [b.title, b.format.value, b.date and b.date.isoformat(), b.source, b.url, b.summary, list(b.tags),
            b.extract]
    titles = [section.title for section in b.sections]
    head = [meta, entities, named, titles, len(quotes), folds_of(b.entities.values())]
    return head, [mentions, list(names), quotes], sections


def _encode_block(block: Block) -> list[Any]:
    marks = [[m.start, m.end, m.style.value, m.href] for m in block.marks]
    return [block.kind.value, block.text, block.line, block.depth, block.ordinal, marks]


def _loc(location: Location) -> list[int]:
    return [location.section, location.block, location.start, location.end]


def _decode_briefing(
    head: list[Any], path: Path, annotations_in: Callable[[], Any], body: Callable[[], Any]
) -> Briefing:
    """The briefing with its people and places now; its mentions, quotes and text when first used.

    The hot loops avoid attribute look-ups (1,000 articles' heads in ~0.2 s).
    """
    meta, entities_in, named_in, titles, quote_total, folds = head
    remember_folds(folds)  # the people's fold keys: folding them into the library works none out
    title, fmt, date, source, url, summary, tags, extract = meta
    entities = [
        Entity(id_, _ENTITY_KINDS[kind], name, aliases, role, place_kind and _PLACE_KINDS[place_kind],
               country, None if coords is None else (coords[0], coords[1]), _ORIGINS[origin], note)
        for _, id_, kind, name, aliases, role, place_kind, country, coords, origin, note in entities_in
    ]
    ids = [row[0] if row[0] is not None else row[1] for row in entities_in]

    def annotations() -> tuple[list[Mention], list[Quote]]:
        try:
            flat, names, quotes_in = annotations_in()
            mentions = [
                _mention(ids[entity] if isinstance(entity, int) else entity,
                         _location(section, block, start, end), names[name])
                for entity, section, block, start, end, name in zip(*[iter(flat)] * 6, strict=True)
            ]
            quotes = [Quote(row[0], tuple(_location(*row[i : i + 4]) for i in range(3, len(row), 4)),
                            row[1], row[2]) for row in quotes_in]
        except Exception:  # checked by CRC when read, so only a bug of ours gets here
            fresh = _load_afresh(path)
            return ([], []) if fresh is None else (fresh.mentions, fresh.quotes)
        return mentions, quotes

    def build() -> list[Section]:
        try:
            return _decode_sections(body())
        except Exception:  # as above
            fresh = _load_afresh(path)
            return [] if fresh is None else fresh.sections

    return Briefing.deferred(
        build, tuple(titles), path=path, title=title, format=SourceFormat(fmt),
        date=None if date is None else dt.date.fromisoformat(date), source=source, url=url, summary=summary,
        tags=tuple(tags), entities=dict(zip(ids, entities, strict=True)), annotations=annotations,
        named={ids[entity] if isinstance(entity, int) else entity: row for entity, *row in named_in},
        quote_total=quote_total,
        extract=extract,
    )


def _load_afresh(path: Path) -> Briefing | None:
    """The file parsed again, for a part of its entry that turned out undecodable."""
    from tui.model.loader import load_file  # the loader imports this module

    return load_file(path, cache=False)[0]


# A warm library load builds a mention and a location for every one of its ~50 mentions an article
# (100,000 objects for 1,000 articles). Frozen dataclasses are built through a generated __init__
# that sets each field with object.__setattr__; setting the same slots through their descriptors,
# without that frame, takes half the time. Only for these two plain classes (no __post_init__).
_new = object.__new__
_SET_LOCATION = tuple(getattr(Location, name).__set__ for name in ("section", "block", "start", "end"))
_SET_MENTION = tuple(getattr(Mention, name).__set__ for name in ("entity_id", "location", "text"))


def _location(section: int, block: int, start: int, end: int) -> Location:
    """``Location(section, block, start, end)``, built faster (see above)."""
    location: Location = _new(Location)
    set_section, set_block, set_start, set_end = _SET_LOCATION
    set_section(location, section)
    set_block(location, block)
    set_start(location, start)
    set_end(location, end)
    return location


def _mention(entity_id: str, location: Location, text: str) -> Mention:
    """``Mention(entity_id, location, text)``, built faster (see above)."""
    mention: Mention = _new(Mention)
    set_entity, set_location, set_text = _SET_MENTION
    set_entity(mention, entity_id)
    set_location(mention, location)
    set_text(mention, text)
    return mention


def _decode_sections(encoded: list[Any]) -> list[Section]:
    """The sections back from the body; the hot loop avoids attribute look-ups."""
    kinds, styles = _BLOCK_KINDS, _MARK_STYLES
    return [
        Section(title_, [
            Block(kinds[kind], text,
                  tuple(Mark(s, e, styles[style], href) for s, e, style, href in marks) if marks else (),
                  line_, depth, ordinal)
            for kind, text, line_, depth, ordinal, marks in blocks
        ], line)
        for title_, line, blocks in encoded
    ]
