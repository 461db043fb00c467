"""The library: every loaded briefing, every load error, and one entity per real person or place.

Entity ids are fold keys (see :mod:`tui.model.extract.names`), so the same person
spelt "Zelensky" in one briefing and "Zelenskyy" in another already shares an
id. The library adds what a single briefing cannot know: which briefings an
entity appears in, and its merged aliases and roles, and it folds a surname
used alone in one briefing into the full name used in another (see
:mod:`tui.model.surnames`).

The reader adds briefings in batches while it loads, so :meth:`Library.add`
does work in proportion to the batch, not the library: new briefings are
inserted in order, only they (and the few earlier briefings a new full name
explains) are folded, and only the entities they touch are marked for the
index, which rebuilds an entry when it is next asked for.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from operator import attrgetter

from tui.model.document import Briefing, LoadError, Presence, Severity
from tui.model.entities import Entity, EntityKind, Mention, Quote
from tui.model.surnames import SurnameFolder

SortKey = tuple[int, str, str, str]


@dataclass(slots=True)
class LibraryEntity:
    """A person or place across the whole library.

    ``entity`` is the merged view (canonical name from the first briefing that
    declares or mentions it, aliases from all); ``roles`` maps briefing key to
    the role stated there; ``briefings`` lists briefing keys in library order.
    """

    entity: Entity
    briefings: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """The entity id shared by every briefing that mentions it."""
        return self.entity.id


_PRESENCES_KEPT = 4
"""How many entities' presences :meth:`Library.presences` keeps (a card asks about one at a time)."""


@dataclass(slots=True)
class Library:
    """Every briefing that loaded (in reading order: date, then title) and every problem found.

    ``errors`` holds both errors (the file did not load) and warnings (it
    loaded, with a caveat). :attr:`index` is the cross-briefing entity index,
    kept up to date as briefings are added (entry by entry, when asked for).
    """

    briefings: list[Briefing] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    _index: dict[str, LibraryEntity] = field(default_factory=dict, repr=False, compare=False)
    _by_key: dict[str, Briefing] = field(default_factory=dict, repr=False, compare=False)
    _order: dict[str, SortKey] = field(default_factory=dict, repr=False, compare=False)
    _holders: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)
    """Entity id to the keys of the briefings that name, mention or quote it."""
    _dirty: set[str] = field(default_factory=set, repr=False, compare=False)
    """Entity ids whose index entry is out of date."""
    _reorder: bool = field(default=False, repr=False, compare=False)
    _folder: SurnameFolder = field(default_factory=SurnameFolder, repr=False, compare=False)
    _presences: dict[str, list[tuple[Briefing, Presence]]] = field(
        default_factory=dict, repr=False, compare=False)
    """What :meth:`presences` found for the last few entities asked; emptied when the library changes."""

    def add(self, briefings: Iterable[Briefing], errors: Iterable[LoadError] = ()) -> None:
        """Add loaded briefings and problems: keep reading order, fold surnames, and note what to reindex.

        Costs in proportion to the new briefings (plus the earlier ones whose
        lone surname a new full name explains), so a background loader can
        call it once per batch without the whole library being redone each time.
        """
        unseen: dict[str, Briefing] = {}
        for briefing in briefings:
            if briefing.key not in self._by_key:  # a file given twice is listed once
                unseen.setdefault(briefing.key, briefing)
        new = list(unseen.values())
        self.errors.extend(errors)
        if not new:
            return
        self._presences.clear()
        for briefing in new:
            self._by_key[briefing.key] = briefing
            self._order[briefing.key] = sort_key(briefing)
        rank = self._order.__getitem__
        if len(new) * 8 > len(self.briefings):
            self.briefings.extend(new)
            self.briefings.sort(key=lambda b: rank(b.key))
        else:
            for briefing in new:
                bisect.insort(self.briefings, briefing, key=lambda b: rank(b.key))
        fresh = {b.key for b in new}
        for briefing, renames in self._folder.add(sorted(new, key=lambda b: rank(b.key)), sort_key):
            if briefing.key in fresh:
                continue  # its holders are counted below, after folding
            for old, target in renames.items():
                self._holders.get(old, set()).discard(briefing.key)
                self._holders.setdefault(target, set()).add(briefing.key)
                self._dirty.update((old, target))
        for briefing in new:
            for entity_id in briefing.entity_ids():
                self._holders.setdefault(entity_id, set()).add(briefing.key)
                self._dirty.add(entity_id)
        self._reorder = True

    def remove(self, key: str) -> Briefing | None:
        """Take a briefing out (its file was deleted, or is about to be added again as reloaded).

        Its entities' index entries are redone without it. Folds it caused in
        other briefings stay, and its full names still count as known surnames
        (they were right when made). Errors are the caller's to drop.
        """
        briefing = self._by_key.pop(key, None)
        if briefing is None:
            return None
        self._presences.clear()
        self.briefings[:] = [b for b in self.briefings if b is not briefing]
        del self._order[key]
        for entity_id in briefing.entity_ids():
            self._holders.get(entity_id, set()).discard(key)
            self._dirty.add(entity_id)
        self._folder.forget(key)
        self._reorder = True
        return briefing

    @property
    def index(self) -> dict[str, LibraryEntity]:
        """Entity id to its library-wide view, in order of first appearance (brought up to date here)."""
        self._refresh()
        return self._index

    def briefing(self, key: str) -> Briefing | None:
        """The briefing with this key, if it loaded."""
        return self._by_key.get(key)

    def entity(self, entity_id: str) -> LibraryEntity | None:
        """The library-wide view of an entity."""
        if entity_id in self._dirty:
            self._rebuild({entity_id}, self.holding(entity_id))
        return self._index.get(entity_id)

    def entities(self, kind: EntityKind | None = None) -> Iterator[LibraryEntity]:
        """Library entities, optionally of one kind, in index order."""
        for entry in self.index.values():
            if kind is None or entry.entity.kind is kind:
                yield entry

    def holding(self, entity_id: str) -> list[Briefing]:
        """The briefings that name, mention or quote an entity, in library order."""
        keys = sorted(self._holders.get(entity_id, ()), key=self._order.__getitem__)
        return [self._by_key[key] for key in keys]

    def presences(self, entity_id: str) -> list[tuple[Briefing, Presence]]:
        """Each briefing that holds an entity with how it names it there, in library order; remembered.

        A card counts an entity's mentions, picks the stretch it lists, draws its
        timeline and lists the other briefings: each went over every briefing
        holding it (21,000 look-ups for a place in 5,424 briefings, a fifth of
        the card's time). Asked once, kept until the library changes, for the
        last few entities asked.
        """
        found = self._presences.get(entity_id)
        if found is None:
            found = [(briefing, briefing.presence(entity_id)) for briefing in self.holding(entity_id)]
            if len(self._presences) >= _PRESENCES_KEPT:
                del self._presences[next(iter(self._presences))]
            self._presences[entity_id] = found
        return found

    def mentions_of(self, entity_id: str) -> Iterator[tuple[Briefing, Mention]]:
        """Every mention of an entity, briefing by briefing in library order."""
        return self._mentions_in(self.holding(entity_id), entity_id)

    def mentions_near(
        self, entity_id: str, key: str | None, most: int
    ) -> tuple[int, Iterator[tuple[Briefing, Mention]]]:
        """The mentions a list of ``most`` rows starts from so that briefing ``key``'s are in it.

        Returns how many mentions come before the list, then the mentions from
        there on, in library order. When all the mentions fit, or ``key`` names
        none, the list starts at the first. Otherwise it starts at a briefing,
        with at most a fifth of the rows before ``key``'s mentions, yet still
        full to ``most`` rows when ``key`` is near the end, and never so early
        that ``key``'s own mentions run past the list. The briefings before
        it are counted from their heads: their mentions stay unbuilt (a place
        named in 5,000 briefings).
        """
        found = self.presences(entity_id)
        holders, skipped, start = [briefing for briefing, _ in found], 0, 0
        at = next((i for i, briefing in enumerate(holders) if briefing.key == key), None)
        if at is not None:
            counts = [presence.mentions for _, presence in found]
            total, before = sum(counts), sum(counts[:at])
            while start < at:
                needed = before - skipped + counts[at] > most  # else some of ``key``'s would not be listed
                room = before - skipped > most // 5 and total - skipped - counts[start] >= most
                if not (needed or room):
                    break
                skipped += counts[start]
                start += 1
        return skipped, self._mentions_in(holders[start:], entity_id)

    @staticmethod
    def _mentions_in(briefings: list[Briefing], entity_id: str) -> Iterator[tuple[Briefing, Mention]]:
        for briefing in briefings:
            for mention in briefing.mentions:
                if mention.entity_id == entity_id:
                    yield briefing, mention

    def quotes_by(self, entity_id: str) -> Iterator[tuple[Briefing, Quote]]:
        """Every quote attributed to a person, in library order (briefings that quote them only)."""
        for briefing, presence in self.presences(entity_id):
            if presence.quoted:
                for quote in briefing.quotes:
                    if quote.speaker_id == entity_id:
                        yield briefing, quote

    def mention_count(self, entity_id: str) -> int:
        """How many times the library mentions an entity (counted without building any mentions)."""
        return sum(presence.mentions for _, presence in self.presences(entity_id))

    @property
    def has_errors(self) -> bool:
        """Whether any file failed to load (warnings do not count)."""
        return any(error.severity is Severity.ERROR for error in self.errors)

    def _refresh(self) -> None:
        """Rebuild the entries marked out of date, then put the index in order of first appearance.

        When half the entities or more are out of date (a library just loaded),
        one pass over the library rebuilds every entry, in order of first
        appearance: the pass walks every briefing's entities either way, and a
        whole index built in order needs no second pass to sort it (a third of
        indexing 10,000 articles).
        """
        if self._dirty and len(self._dirty) * 2 >= len(self._holders):
            self._dirty.clear()
            self._index = _entries(self.briefings)
            self._reorder = False
            return
        for entity_id in list(self._dirty):
            self._rebuild({entity_id}, self.holding(entity_id))
        if self._reorder:
            order = dict.fromkeys(e for b in self.briefings for e in b.entities)
            self._index = {e: self._index[e] for e in order if e in self._index}
            self._reorder = False

    def _rebuild(self, ids: set[str], briefings: Iterable[Briefing]) -> None:
        """The entries of ``ids``, merged from ``briefings`` (those that name them) in library order."""
        self._dirty -= ids
        entries = _entries(briefings, ids)
        for entity_id in ids:
            found = entries.get(entity_id)
            if found is None:
                self._index.pop(entity_id, None)
            else:
                self._reorder = self._reorder or entity_id not in self._index
                self._index[entity_id] = found


def _entries(briefings: Iterable[Briefing], ids: set[str] | None = None) -> dict[str, LibraryEntity]:
    """The library entries of ``ids`` (``None``: every entity) merged from ``briefings``, in that order.

    The dictionary is in order of first appearance in ``briefings``.
    """
    entries: dict[str, LibraryEntity] = {}
    for briefing in briefings:
        key = briefing.key
        for entity_id, entity in briefing.entities.items():
            if ids is not None and entity_id not in ids:
                continue
            entry = entries.get(entity_id)
            if entry is None:
                entry = entries[entity_id] = LibraryEntity(_copy(entity))
            else:
                _merge_into(entry.entity, entity)
            entry.briefings.append(key)
            if entity.role:
                entry.roles[key] = entity.role
    return entries


def sort_key(briefing: Briefing) -> SortKey:
    """Library order: dated briefings by date, then undated ones; ties by title, then path."""
    date = briefing.date.isoformat() if briefing.date else ""
    return (0 if briefing.date else 1, date, briefing.title.casefold(), briefing.key)


_ENTITY_VALUES = attrgetter(*(f.name for f in fields(Entity)))
"""Every field of an entity in ``__init__`` order (all of them are ``__init__`` arguments)."""


def _copy(entity: Entity) -> Entity:
    """The library's own copy of a briefing's entity, so merging never changes the briefing.

    Built from its field values directly: ``dataclasses.replace`` was a quarter of indexing a
    warm library (it works the fields out again on every call).
    """
    twin = Entity(*_ENTITY_VALUES(entity))
    twin.aliases = list(entity.aliases)
    return twin


def _merge_into(target: Entity, other: Entity) -> None:
    """Fold another briefing's view of an entity into the library's view."""
    for alias in other.aliases:
        if alias not in target.aliases:
            target.aliases.append(alias)
    # Prefer the fullest form of the name ("Vladimir Putin" over "Putin"), but not a longer
    # spelling of the same word ("Zelenskyy" over "Zelensky"), which is no fuller.
    longer = len(other.name) > len(target.name)
    if longer and target.name in other.name and not other.name.startswith(target.name):
        target.name = other.name
    target.role = target.role or other.role
    target.place_kind = target.place_kind or other.place_kind
    target.country = target.country or other.country
    target.coords = target.coords or other.coords
