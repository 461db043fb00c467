"""The library: every loaded briefing, every load error, and one entity per real person or place.

Entity ids are fold keys (see :mod:`tui.model.extract.names`), so the same person
spelt "Zelensky" in one briefing and "Zelenskyy" in another already shares an
id. The library adds what a single briefing cannot know: which briefings an
entity appears in, and its merged aliases and roles, and it folds a surname
used alone in one briefing into the full name used in another (see
:func:`fold_surnames`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from tui.model.document import Briefing, LoadError, Severity
from tui.model.entities import Entity, EntityKind, Mention, Quote
from tui.model.extract.names import fold_key


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
        """Add loaded briefings and problems, keep reading order, fold surnames, and refresh the index."""
        self.briefings.extend(briefings)
        self.briefings.sort(key=sort_key)
        self.errors.extend(errors)
        fold_surnames(self.briefings)
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the cross-briefing entity index from the briefings' own entities.

        Linear in the number of entities (mentions are not touched), so it is
        cheap enough to run after every briefing a background loader adds.
        """
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
    # Prefer the fullest form of the name ("Vladimir Putin" over "Putin"), but not a longer
    # spelling of the same word ("Zelenskyy" over "Zelensky"), which is no fuller.
    longer = len(other.name) > len(target.name)
    if longer and target.name in other.name and not other.name.startswith(target.name):
        target.name = other.name
    target.role = target.role or other.role
    target.place_kind = target.place_kind or other.place_kind
    target.country = target.country or other.country
    target.coords = target.coords or other.coords


def _tokens(name: str) -> list[str]:
    return name.split()


def _is_full_name(name: str) -> bool:
    """A given name and a surname: two words or more, the first capitalised.

    "von der Leyen" or "al-Assad" alone is a surname (a lower-case particle
    leads), while "Mara Lind" is a full name.
    """
    tokens = _tokens(name)
    return len(tokens) >= 2 and tokens[0][:1].isupper()


def fold_surnames(briefings: Sequence[Briefing]) -> int:
    """Merge people known only by surname into the one full-name person with that surname.

    A person entity whose name is a trailing part of a full name ("Lind", or
    "von der Leyen") takes the full-name person's id when exactly one such
    person exists: preferably in the same briefing, otherwise anywhere in the
    library. Ambiguity (two full-name people share the surname) leaves it
    alone. The briefing's entities, mentions and quote speakers are rewritten
    in place, so every view (sidebars, export, navigation) agrees. Declared
    short aliases of a full-name person ("Lind" listed under "Mara Lind")
    count as that person's surname too. Returns how many entities were folded.

    Folding is done as briefings are added; a fold made before a second
    person with the same surname arrives is kept (it was right when made).
    """
    full: dict[str, Entity] = {}
    for briefing in briefings:
        for entity in briefing.entities.values():
            if entity.kind is EntityKind.PERSON and _is_full_name(entity.name):
                full.setdefault(entity.id, entity)
    if not full:
        return 0
    by_surname: dict[str, set[str]] = {}
    for entity_id, entity in full.items():
        tokens = _tokens(entity.name)
        keys = {fold_key(" ".join(tokens[-size:])) for size in range(1, len(tokens))}
        keys |= {fold_key(alias) for alias in entity.aliases if len(_tokens(alias)) < len(tokens)}
        for key in keys - {""}:
            by_surname.setdefault(key, set()).add(entity_id)
    folded = 0
    for briefing in briefings:
        local = {e.id for e in briefing.entities.values() if e.id in full}
        renames: dict[str, str] = {}
        for entity in briefing.entities.values():
            if entity.kind is not EntityKind.PERSON or entity.id in full:
                continue
            candidates = by_surname.get(fold_key(entity.name), set()) - {entity.id}
            here = candidates & local
            choice = here if here else candidates
            if len(choice) == 1:
                renames[entity.id] = next(iter(choice))
        if renames:
            _rename(briefing, renames, full)
            folded += len(renames)
    return folded


def _rename(briefing: Briefing, renames: dict[str, str], full: dict[str, Entity]) -> None:
    """Give entities new ids in one briefing: entities, mentions and quote speakers alike."""
    for old, new in renames.items():
        short = briefing.entities.pop(old)
        target = briefing.entities.get(new)
        if target is None:
            canonical = full[new]
            aliases = [*short.aliases, *([canonical.name] if canonical.name not in short.aliases else [])]
            briefing.entities[new] = replace(short, id=new, name=canonical.name, aliases=aliases)
        else:
            target.aliases.extend(alias for alias in short.aliases if alias not in target.aliases)
            target.role = target.role or short.role
    briefing.mentions = [
        replace(m, entity_id=renames[m.entity_id]) if m.entity_id in renames else m for m in briefing.mentions
    ]
    briefing.quotes = [
        replace(q, speaker_id=renames[q.speaker_id]) if q.speaker_id in renames else q
        for q in briefing.quotes
    ]
