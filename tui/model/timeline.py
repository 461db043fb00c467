"""An entity's timeline: the briefings of the library it appears in, in date order, one point each.

Someone following a story asks *when* a person or place came up, how much, and
as what: a town that was "the front line" in March and "the rear" in November,
a spokesman who became a minister. A :class:`Timeline` answers that from the
library alone, with no Textual, so the card's strip and any other view share it.

Order is the library's reading order (:func:`tui.model.library.sort_key`):
dated briefings oldest first, then the undated ones, by title. Undated points
come last because a briefing with no date cannot be placed between two dates;
:attr:`Timeline.undated` tells a view where they start, so it can set them
apart instead of pretending they are the latest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tui.model.document import Briefing, Presence
from tui.model.entities import Entity, EntityKind, Location, Quote
from tui.model.library import Library
from tui.model.navigation import Position


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One briefing on an entity's timeline.

    ``mentions`` counts the times the text names the entity there; ``role`` is
    what that briefing calls it (a person's role, a place's description or
    else its kind); ``quotes`` are the person's quotes in that briefing;
    ``first`` is where the reader lands when jumping to the point.
    """

    briefing: str
    title: str
    date: dt.date | None
    mentions: int
    role: str | None
    quotes: tuple[Quote, ...]
    first: Location | None

    @property
    def position(self) -> Position:
        """Where a jump to this point goes: the first mention (or quote) in that briefing."""
        return Position(self.briefing, self.first)


@dataclass(frozen=True, slots=True)
class Timeline:
    """Every briefing an entity appears in, dated ones by date and then the undated ones."""

    entity_id: str
    name: str
    kind: EntityKind
    points: tuple[TimelinePoint, ...]

    @property
    def undated(self) -> int:
        """Index of the first undated point (``len(points)`` when every point has a date)."""
        return next((i for i, point in enumerate(self.points) if point.date is None), len(self.points))

    @property
    def most_mentions(self) -> int:
        """The highest mention count of any point, for scaling bars (at least 1)."""
        return max((point.mentions for point in self.points), default=0) or 1

    @property
    def total_mentions(self) -> int:
        """Mentions across the whole library."""
        return sum(point.mentions for point in self.points)

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last dates the entity appears on, if any point is dated."""
        dates = [point.date for point in self.points if point.date is not None]
        return (dates[0], dates[-1]) if dates else None

    def index_of(self, briefing_key: str | None) -> int | None:
        """The point for a briefing, if the entity appears in it."""
        return next((i for i, point in enumerate(self.points) if point.briefing == briefing_key), None)


def role_in(entity: Entity | None) -> str | None:
    """What one briefing calls an entity: its stated role, else (for a place) its kind."""
    if entity is None:
        return None
    if entity.role:
        return entity.role
    if entity.kind is EntityKind.PLACE and entity.place_kind is not None:
        return entity.place_kind.value
    return None


def _point(briefing: Briefing, presence: Presence, entity_id: str, kind: EntityKind) -> TimelinePoint:
    # Counted from the cache's head while the briefing's mentions are unbuilt (Briefing.presence).
    count, first_mention, quoted = presence
    person = kind is EntityKind.PERSON
    quotes = tuple(q for q in briefing.quotes if q.speaker_id == entity_id) if person and quoted else ()
    first = first_mention if first_mention is not None else (quotes[0].location if quotes else None)
    return TimelinePoint(
        briefing=briefing.key,
        title=briefing.title,
        date=briefing.date,
        mentions=count,
        role=role_in(briefing.entities.get(entity_id)),
        quotes=quotes,
        first=first,
    )


def timeline(library: Library, entity_id: str) -> Timeline | None:
    """The timeline of a person or place across the library, or ``None`` if the library does not know it."""
    entry = library.entity(entity_id)
    if entry is None:
        return None
    kind = entry.entity.kind
    found = library.presences(entity_id)
    points = tuple(_point(briefing, presence, entity_id, kind) for briefing, presence in found)
    return Timeline(entity_id, entry.entity.name, kind, points)
