"""The library: every loaded briefing, every load error, and one entity per real person or place.

Entity ids are fold keys (see :mod:`tui.model.extract.names`), so the same person
spelt "Zelensky" in one briefing and "Zelenskyy" in another already shares an
id. The library adds what a single briefing cannot know: which briefings an
entity appears in, and its merged aliases and roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from tui.model.document import Briefing, LoadError, Severity
from tui.model.entities import Entity, EntityKind, Mention, Quote


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


@dataclass(slots=True)
class Library:
    """Every briefing that loaded (in reading order: date, then title) and every problem found.

    ``errors`` holds both errors (the file did not load) and warnings (it
    loaded, with a caveat). ``index`` is rebuilt by :meth:`reindex` whenever
    briefings are added.
    """

    briefings: list[Briefing] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    index: dict[str, LibraryEntity] = field(default_factory=dict)

    def add(self, briefings: Iterable[Briefing], errors: Iterable[LoadError] = ()) -> None:
        """Add loaded briefings and problems, keep reading order, and refresh the index."""
        self.briefings.extend(briefings)
        self.briefings.sort(key=sort_key)
        self.errors.extend(errors)
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the cross-briefing entity index from the briefings' own entities."""
        index: dict[str, LibraryEntity] = {}
        for briefing in self.briefings:
            for entity in briefing.entities.values():
                entry = index.get(entity.id)
                if entry is None:
                    merged = Entity(
                        id=entity.id,
                        kind=entity.kind,
                        name=entity.name,
                        aliases=list(entity.aliases),
                        role=entity.role,
                        place_kind=entity.place_kind,
                        country=entity.country,
                        coords=entity.coords,
                        origin=entity.origin,
                        note=entity.note,
                    )
                    entry = index[entity.id] = LibraryEntity(merged)
                else:
                    _merge_into(entry.entity, entity)
                entry.briefings.append(briefing.key)
                if entity.role:
                    entry.roles[briefing.key] = entity.role
        self.index = index

    def briefing(self, key: str) -> Briefing | None:
        """The briefing with this key, if it loaded."""
        for briefing in self.briefings:
            if briefing.key == key:
                return briefing
        return None

    def entity(self, entity_id: str) -> LibraryEntity | None:
        """The library-wide view of an entity."""
        return self.index.get(entity_id)

    def entities(self, kind: EntityKind | None = None) -> Iterator[LibraryEntity]:
        """Library entities, optionally of one kind, in index order."""
        for entry in self.index.values():
            if kind is None or entry.entity.kind is kind:
                yield entry

    def mentions_of(self, entity_id: str) -> Iterator[tuple[Briefing, Mention]]:
        """Every mention of an entity, briefing by briefing in library order."""
        for briefing in self.briefings:
            for mention in briefing.mentions:
                if mention.entity_id == entity_id:
                    yield briefing, mention

    def quotes_by(self, entity_id: str) -> Iterator[tuple[Briefing, Quote]]:
        """Every quote attributed to a person, in library order."""
        for briefing in self.briefings:
            for quote in briefing.quotes:
                if quote.speaker_id == entity_id:
                    yield briefing, quote

    @property
    def has_errors(self) -> bool:
        """Whether any file failed to load (warnings do not count)."""
        return any(error.severity is Severity.ERROR for error in self.errors)


def sort_key(briefing: Briefing) -> tuple[int, str, str, str]:
    """Library order: dated briefings by date, then undated ones; ties by title, then path."""
    date = briefing.date.isoformat() if briefing.date else ""
    return (0 if briefing.date else 1, date, briefing.title.casefold(), briefing.key)


def _merge_into(target: Entity, other: Entity) -> None:
    """Fold another briefing's view of an entity into the library's view."""
    for alias in other.aliases:
        if alias not in target.aliases:
            target.aliases.append(alias)
    if len(other.name) > len(target.name) and other.name.startswith(target.name) is False:
        # Prefer the fullest form of the name ("Vladimir Putin" over "Putin").
        if target.name in other.name:
            target.name = other.name
    target.role = target.role or other.role
    target.place_kind = target.place_kind or other.place_kind
    target.country = target.country or other.country
    target.coords = target.coords or other.coords
