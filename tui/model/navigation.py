"""Navigation as model operations: every "go to" returns a position, and the UI only shows it.

Keys, clicks, card rows and palette commands all end in one of these functions,
so each jump is tested here once, without a terminal.

Conventions shared by every function:

* Reading order is (section, block, start) within a briefing and library order
  (``Library.briefings``) across briefings.
* ``direction`` is ``+1`` (next) or ``-1`` (previous); any positive or negative
  number is taken as its sign.
* Moving between linked items, mentions, quotes, sections and briefings does
  **not** wrap: at either end the answer is ``None`` and the UI says "no more".
  Only text search (:func:`tui.model.textsearch.next_match`) wraps, as ``/``
  does in vim and less.
* A current location that is not exactly an item (the top of a section after
  scrolling, say) counts as a point: "next" is the first item starting at or
  after it, "previous" the last one starting before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from tui.model.document import Briefing
from tui.model.entities import Location, Mention, Quote
from tui.model.library import Library

_Point = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Position:
    """A place in the library: a briefing (by ``Briefing.key``) and, optionally, a span in it.

    ``location`` ``None`` means the briefing as a whole (open it where the
    reader left it, or at its start).
    """

    briefing: str
    location: Location | None = None


class LinkKind(StrEnum):
    """The two kinds of linked item the article cursor stops on."""

    MENTION = "mention"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class LinkedItem:
    """One stop of the article cursor: a mention (with its entity) or a quote (with its index).

    For a quote, ``position`` is where it starts and ``spans`` every block it
    covers, so the UI can highlight all of it; ``entity_id`` is then the
    speaker, if known.
    """

    kind: LinkKind
    position: Position
    entity_id: str | None = None
    quote_index: int | None = None
    spans: tuple[Location, ...] = ()

    @property
    def location(self) -> Location:
        """Where the item starts (never ``None`` for a linked item)."""
        assert self.position.location is not None
        return self.position.location


def _sign(direction: int) -> int:
    return 1 if direction >= 0 else -1


def _point(location: Location) -> _Point:
    return (location.section, location.block, location.start)


_CACHE_SIZE = 16
_items_cache: dict[str, tuple[Briefing, list[Mention], int, list[Quote], int, list[LinkedItem]]] = {}


def linked_items(briefing: Briefing) -> list[LinkedItem]:
    """Every mention and quote of a briefing, in reading order (a fresh list; cached underneath).


    Ordered by where each starts. A mention inside a quote comes right after
    the quote: the cursor stops on the quote first (it starts at the opening
    quotation mark, before any name in it), then on each name inside. When a
    quote and a mention start at the same character, the longer span (the
    enclosing one) comes first, and a quote before a mention of equal length.

    Building the list for a 20,000-word briefing takes tens of milliseconds,
    so the result is cached per briefing until its mention or quote lists are
    replaced (as library folding does).
    """
    # The stamp holds the lists themselves (not their ids), so they stay alive and are compared
    # by identity: a reloaded briefing with the same key never gets another's items.
    cached = _items_cache.get(briefing.key)
    if cached is not None:
        owner, mentions, n_mentions, quotes, n_quotes, built = cached
        if (owner is briefing and mentions is briefing.mentions and quotes is briefing.quotes
                and n_mentions == len(mentions) and n_quotes == len(quotes)):
            return list(built)
    built = _build_items(briefing)
    if len(_items_cache) >= _CACHE_SIZE:
        _items_cache.pop(next(iter(_items_cache)))
    _items_cache[briefing.key] = (
        briefing, briefing.mentions, len(briefing.mentions), briefing.quotes, len(briefing.quotes), built
    )
    return list(built)


def _build_items(briefing: Briefing) -> list[LinkedItem]:
    items: list[tuple[tuple[int, int, int, int, int], LinkedItem]] = []
    for index, quote in enumerate(briefing.quotes):
        loc = quote.location
        item = LinkedItem(LinkKind.QUOTE, Position(briefing.key, loc), quote.speaker_id, index, quote.spans)
        items.append(((*_point(loc), -(loc.end - loc.start), 0), item))
    for mention in briefing.mentions:
        loc = mention.location
        item = LinkedItem(LinkKind.MENTION, Position(briefing.key, loc), mention.entity_id, None, (loc,))
        items.append(((*_point(loc), -(loc.end - loc.start), 1), item))
    items.sort(key=lambda pair: pair[0])
    return [item for _, item in items]


def _step_points(
    points: Sequence[tuple[int, ...]], current: tuple[int, ...], exact: bool, direction: int
) -> int | None:
    """Index of the next/previous point after ``current`` in a sorted list, or ``None`` at the end."""
    if direction > 0:
        for index, point in enumerate(points):
            if point > current or (point == current and not exact):
                return index
        return None
    for index in range(len(points) - 1, -1, -1):
        if points[index] < current:
            return index
    return None


def next_linked_item(
    briefing: Briefing,
    current: Location | LinkedItem | None,
    direction: int,
    *,
    items: Sequence[LinkedItem] | None = None,
) -> LinkedItem | None:
    """The linked item after (``direction`` > 0) or before ``current``; ``None`` at the ends.

    ``current`` ``None`` gives the first (or last) item. Pass the cached result
    of :func:`linked_items` as ``items`` so a key press does not rebuild it.
    """
    step = _sign(direction)
    items = linked_items(briefing) if items is None else items
    if not items:
        return None
    if current is None:
        return items[0] if step > 0 else items[-1]
    if isinstance(current, LinkedItem):
        for index, item in enumerate(items):
            if item == current:
                target = index + step
                return items[target] if 0 <= target < len(items) else None
        current = current.location
    for index, item in enumerate(items):
        if item.location == current:
            # Several items can share a location (rare); step from the last/first of them.
            while step > 0 and index + 1 < len(items) and items[index + 1].location == current:
                index += 1
            target = index + step
            return items[target] if 0 <= target < len(items) else None
    found = _step_points([_point(item.location) for item in items], _point(current), False, step)
    return None if found is None else items[found]


def _library_step(
    library: Library,
    positions: Iterable[Position],
    current: Position | None,
    direction: int,
) -> Position | None:
    """Step through positions given in library order, from ``current``, without wrapping."""
    step = _sign(direction)
    order = {briefing.key: index for index, briefing in enumerate(library.briefings)}
    ordered = [p for p in positions if p.briefing in order and p.location is not None]
    if not ordered:
        return None
    if current is None or current.briefing not in order:
        return ordered[0] if step > 0 else ordered[-1]

    def key(position: Position) -> tuple[int, ...]:
        loc = position.location
        return (order[position.briefing], *(_point(loc) if loc else (-1, -1, -1)))

    points = [key(p) for p in ordered]
    exact = current in ordered
    found = _step_points(points, key(current), exact, step)
    return None if found is None else ordered[found]


def mention_positions(library: Library, entity_id: str) -> list[Position]:
    """Every mention of an entity across the library, in library then reading order."""
    return [Position(b.key, m.location) for b, m in library.mentions_of(entity_id)]


def next_mention(
    library: Library, entity_id: str, current: Position | None, direction: int
) -> Position | None:
    """The next/previous mention of *that* entity: on through sections, then into later briefings.

    Does not wrap: past the last mention in the last briefing that has one,
    the answer is ``None``. From ``None`` (or a briefing not in the library)
    it gives the first mention (or, going back, the last).

    Only the reader's briefing and the one stepped into have their mentions
    built: going on, a later briefing's first mention is known from its head
    (:meth:`Briefing.presence`), so one step past a place named in 5,000 warm
    briefings does not build 20,000 mentions (the answers are those of
    stepping through :func:`mention_positions`).
    """
    step = _sign(direction)
    order = {briefing.key: index for index, briefing in enumerate(library.briefings)}
    here = order.get(current.briefing) if current is not None else None
    at = _point(current.location) if current is not None and current.location else (-1, -1, -1)
    holders = library.holding(entity_id)
    for briefing in holders if step > 0 else reversed(holders):
        rank = order[briefing.key]
        if here is not None and (rank - here) * step < 0:
            continue  # before the reader's briefing going on, after it going back
        if rank != here and step > 0:
            first = briefing.presence(entity_id).first
            if first is not None:
                return Position(briefing.key, first)
            continue
        own = [m.location for m in briefing.mentions if m.entity_id == entity_id]
        if rank == here and current is not None:  # the reader's own briefing: step from where the reader is
            found = _step_points([_point(loc) for loc in own], at, current.location in own, step)
            if found is not None:
                return Position(briefing.key, own[found])
        elif own:  # going back into an earlier briefing: its last mention
            return Position(briefing.key, own[-1])
    return None


def quote_positions(library: Library, person_id: str) -> list[Position]:
    """Where each quote attributed to a person starts, in library then reading order."""
    return [Position(b.key, q.location) for b, q in library.quotes_by(person_id)]


def next_quote_by(
    library: Library, person_id: str, current: Position | None, direction: int
) -> Position | None:
    """A person's next/previous quote across the library (no wrap), as :func:`next_mention` does mentions."""
    return _library_step(library, quote_positions(library, person_id), current, direction)


def speaker_position(briefing: Briefing, quote: Quote, library: Library | None = None) -> Position | None:
    """Where to show a quote's speaker: their mention nearest the quote.

    Preference, because attribution sits beside the quote ("..., said X"):
    a mention in one of the quote's own blocks but outside the quote (the
    nearest), then the last mention before the quote, then the first after
    it, then a mention inside the quote. If the speaker is not named in this
    briefing at all, their first mention anywhere in ``library``; else ``None``.
    """
    speaker = quote.speaker_id
    if speaker is None:
        return None
    mentions = [m.location for m in briefing.mentions if m.entity_id == speaker]
    start, last = quote.spans[0], quote.spans[-1]

    def inside(loc: Location) -> bool:
        return any(s.section == loc.section and s.block == loc.block and s.start <= loc.start < s.end
                   for s in quote.spans)

    outside = [loc for loc in mentions if not inside(loc)]
    blocks = {(s.section, s.block) for s in quote.spans}
    same_block = [loc for loc in outside if (loc.section, loc.block) in blocks]
    if same_block:

        def distance(loc: Location) -> int:
            span = next(s for s in quote.spans if (s.section, s.block) == (loc.section, loc.block))
            return span.start - loc.end if loc.end <= span.start else loc.start - span.end

        return Position(briefing.key, min(same_block, key=distance))
    before = [loc for loc in outside if _point(loc) < _point(start)]
    if before:
        return Position(briefing.key, before[-1])
    after = [loc for loc in outside if _point(loc) > _point(last)]
    if after:
        return Position(briefing.key, after[0])
    if mentions:
        return Position(briefing.key, mentions[0])
    if library is not None:
        return next_mention(library, speaker, None, +1)
    return None


# -- sections and briefings -----------------------------------------------------------------------


def section_start(briefing: Briefing, section: int) -> Position:
    """The top of a section, as a position (a zero-width span at its first character)."""
    return Position(briefing.key, Location(section, 0, 0, 0))


def next_section(briefing: Briefing, section: int | None, direction: int) -> int | None:
    """The index of the next/previous section, or ``None`` past either end (no wrap)."""
    step = _sign(direction)
    if not briefing.sections:
        return None
    if section is None:
        return 0 if step > 0 else len(briefing.sections) - 1
    target = section + step
    return target if 0 <= target < len(briefing.sections) else None


def next_briefing(library: Library, key: str | None, direction: int) -> str | None:
    """The key of the next/previous briefing in library order, or ``None`` past either end."""
    keys = [briefing.key for briefing in library.briefings]
    if not keys:
        return None
    step = _sign(direction)
    if key is None or key not in keys:
        return keys[0] if step > 0 else keys[-1]
    target = keys.index(key) + step
    return keys[target] if 0 <= target < len(keys) else None
