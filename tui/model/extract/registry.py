"""From per-run decisions to one entity per person or place, and every exact mention of each.

Variants fold together by fold key (Zelensky / Zelenskyy); a bare surname or
"Mr Surname" joins the full name used elsewhere in the briefing; the
canonical name is the fullest form the text uses. Mentions are then found by
looking each word up among the briefing's aliases, so every occurrence counts
(also those at the start of a sentence), the longest alias wins ("Kursk
region" over "Kursk"), and spans never overlap.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.model.entities import Entity, EntityKind, Location, Mention, Origin, PlaceKind
from tui.model.extract.aliases import AliasFinder
from tui.model.extract.classify import Decision, Kind
from tui.model.extract.gazetteer import gazetteer_place
from tui.model.extract.lexicon import NOT_NAMES
from tui.model.extract.names import entity_id, fold_key, strip_possessive

Block = tuple[int, int, str]  # section index, block index, text


@dataclass(slots=True)
class Group:
    """One person or place being assembled: surface forms, role, place data, decided occurrences."""

    kind: EntityKind
    forms: Counter[str] = field(default_factory=Counter)
    role: str | None = None
    place_kind: PlaceKind | None = None
    country: str | None = None
    coords: tuple[float, float] | None = None
    declared: Entity | None = None
    first_seen: int = 0
    guarded: set[str] = field(default_factory=set)  # forms that are also common words ("Nice")

    def canonical(self) -> str:
        """The fullest form used (most words, then most often, then first seen)."""
        if self.declared is not None:
            return self.declared.name
        return max(self.forms, key=lambda f: (len(f.split()), self.forms[f], -list(self.forms).index(f)))


# A Korean given name ("Seo-yeon") follows the family name.
_GIVEN_SYLLABLES = re.compile(r"[A-Z][a-z]+-[a-z]+$")


def _surname_key(name: str) -> str:
    return fold_key(name.split()[-1]) if name.split() else ""


def _group_key(kind: EntityKind, name: str) -> str:
    """The key a group is indexed and found by: the id's fold key (a place's gazetteer main name)."""
    return entity_id(kind, name).split(":", 1)[1]


def _first_last_key(words: Sequence[str]) -> str:
    """First and last name only, so "Maria Elena Salas" finds "Maria Salas"."""
    return f"{fold_key(words[0])}-{fold_key(words[-1])}"


class Registry:
    """Groups by fold key plus the alias table that the mention pass uses."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self._by_key: dict[tuple[EntityKind, str], Group] = {}
        self._surnames: dict[str, Group] = {}
        self.overrides: dict[tuple[int, int], Group] = {}

    def _index(self, group: Group, name: str) -> None:
        self._by_key.setdefault((group.kind, _group_key(group.kind, name)), group)
        if group.kind is EntityKind.PERSON and len(name.split()) > 1:
            words = name.split()
            self._by_key.setdefault((group.kind, _first_last_key(words)), group)
            self._surnames.setdefault(_surname_key(name), group)
            # "Rosa María de la Cruz Huamán" is "de la Cruz" later; "Kim Seo-yeon" (family name first) "Kim".
            for word in words[1:-1] if len(words) > 2 else ():
                if word[:1].isupper():
                    self._surnames.setdefault(fold_key(word), group)
            if _GIVEN_SYLLABLES.match(words[-1]):
                self._surnames.setdefault(fold_key(words[0]), group)

    def declare(self, entity: Entity) -> None:
        """A front-matter entity: its own id and aliases, found first and never renamed."""
        group = Group(entity.kind, declared=entity)
        for alias in [entity.name, *entity.aliases]:
            if alias.strip():
                group.forms[alias] += 0
                self._index(group, alias)
        self.groups.append(group)

    def find(self, kind: EntityKind, name: str) -> Group | None:
        """The group this name already belongs to (variant, first+last name, or surname)."""
        key = _group_key(kind, name)
        found = self._by_key.get((kind, key))
        words = name.split()
        if found is None and kind is EntityKind.PERSON and len(words) > 1:
            found = self._by_key.get((kind, _first_last_key(words)))
        if found is None and kind is EntityKind.PERSON and len(words) == 1:
            found = self._surnames.get(key)
        return found

    def add(self, decision: Decision, order: int) -> Group:
        """Add a decided person or place occurrence, merging with what is already known."""
        kind = EntityKind.PERSON if decision.kind is Kind.PERSON else EntityKind.PLACE
        if decision.person_context and len(decision.tokens) == 1:
            person = self.find(EntityKind.PERSON, decision.name)
            if person is not None:  # "Karen Washington … Washington said": the surname, not the city
                person.forms[decision.name] += 1
                self.overrides[(decision.block, decision.start)] = person
                return person
        group = self.find(kind, decision.name)
        if group is None:
            group = Group(kind, first_seen=order)
            self.groups.append(group)
        group.forms[decision.name] += 1
        self._index(group, decision.name)
        if decision.role and (group.role is None or len(decision.role) > len(group.role)):
            group.role = decision.role
        if kind is EntityKind.PLACE:
            self._place_data(group, decision)
            if decision.place is not None and decision.place.ambiguous:
                group.guarded.add(decision.name)
        self.overrides[(decision.block, decision.start)] = group
        return group

    def _place_data(self, group: Group, decision: Decision) -> None:
        if group.place_kind is None:
            group.place_kind = decision.place_kind
        place = decision.place
        if place is None and decision.place_kind in (PlaceKind.REGION, PlaceKind.RIVER):
            place = gazetteer_place((decision.tokens and " ".join(decision.tokens)) or decision.name)
            if place is not None:  # "Kursk region": the region of the place named Kursk
                group.country = group.country or place.country
                return
        if place is not None:
            group.country = group.country or place.country
            group.coords = group.coords or place.coords

    def link(self, decision: Decision) -> None:
        """An undecided run that matches a known entity (a bare surname) mentions it there."""
        if decision.tokens and decision.tokens[0] in NOT_NAMES and len(decision.tokens) == 1:
            return
        group = self.find(EntityKind.PERSON, decision.name) or self.find(EntityKind.PLACE, decision.name)
        if group is not None and group.declared is None and decision.name not in group.guarded:
            group.forms[decision.name] += 1
            self.overrides[(decision.block, decision.start)] = group

    def entities(self) -> dict[int, Entity]:
        """Final entities by group identity, ids from canonical names (declared ids kept)."""
        built: dict[int, Entity] = {}
        for group in self.groups:
            if group.declared is not None:
                entity = group.declared
                extra = [f for f in group.forms if f not in entity.aliases and f != entity.name]
                entity.aliases.extend(extra)
            else:
                name = group.canonical()
                entity = Entity(
                    id=entity_id(group.kind, name),
                    kind=group.kind,
                    name=name,
                    aliases=sorted(group.forms, key=lambda f: (f != name, -len(f), f)),
                    role=group.role,
                    place_kind=group.place_kind,
                    country=group.country,
                    coords=group.coords,
                    origin=Origin.EXTRACTED,
                )
            built[id(group)] = entity
        return built


def alias_mentions(blocks: Sequence[Block], registry: Registry, built: dict[int, Entity]) -> list[Mention]:
    """Every occurrence of every alias, longest first, non-overlapping, in reading order."""
    owners: dict[str, list[Group]] = {}
    for group in registry.groups:
        for form in group.forms:
            if form.strip():
                owners.setdefault(form, []).append(group)
    if not owners:
        return []
    finder = AliasFinder(owners)
    mentions: list[Mention] = []
    for flat, (s_index, b_index, text) in enumerate(blocks):
        for start, end in finder.spans(text):
            found = text[start:end]
            surface = strip_possessive(found) if found not in owners else found
            candidates = owners.get(surface) or owners.get(found)
            if not candidates:
                continue
            chosen = registry.overrides.get((flat, start))
            if chosen is None and any(surface in g.guarded for g in candidates):
                continue  # "Nice work": a common word counts only where it was judged a place
            group = chosen if chosen is not None and chosen in candidates else candidates[0]
            entity = built[id(group)]
            mentions.append(Mention(entity.id, Location(s_index, b_index, start, end), found))
    return mentions
