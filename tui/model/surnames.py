"""Folding a surname used alone into the one full-name person with that surname, briefing by briefing.

A person entity whose name is a trailing part of a full name ("Lind", or "von
der Leyen") takes the full-name person's id when exactly one such person
exists: preferably in the same briefing, otherwise anywhere in the library.
Ambiguity (two full-name people share the surname) leaves it alone. The
briefing's entities, mentions and quote speakers are rewritten in place, so
every view (sidebars, export, navigation) agrees. Declared short aliases of a
full-name person ("Lind" listed under "Mara Lind") count as that person's
surname too.

:class:`SurnameFolder` keeps what it has seen (the full-name people by surname,
and the short names still waiting for one), so a library that grows batch by
batch folds only the new briefings, plus the few earlier ones whose lone
surname a new full name now explains: the work per batch is proportional to
the batch, not to the library. A fold made before a second person with the
same surname arrives is kept (it was right when made).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from tui.model.document import Briefing
from tui.model.entities import Entity, EntityKind
from tui.model.extract.names import fold_key as _fold_key

Renames = dict[str, str]
"""Old entity id to new entity id, for one briefing."""
_FOLDED: dict[str, str] = {}
"""Fold keys by name: the same few thousand names recur across a library's briefings."""
_MAX_FOLDED = 1 << 16
"""Past this many names the memo starts again, so a huge library cannot grow it for good."""


def fold_key(name: str) -> str:
    """``fold_key(name)``, remembered, or taken from what a cache entry stored (:func:`remember_folds`)."""
    key = _FOLDED.get(name)
    if key is None:
        if len(_FOLDED) >= _MAX_FOLDED:
            _FOLDED.clear()
        key = _FOLDED[name] = _fold_key(name)
    return key


def remember_folds(pairs: list[Any]) -> None:
    """Take the ``[name, key]`` pairs a cache entry stored (:func:`folds_of`), so folding works none out.

    Working out the keys of a warm 1,000-article library's names (about 3,000)
    was a third of its folding, on the reader's event loop. A key is a pure
    function of its name, and an entry is read only by the code that wrote it.
    """
    if len(_FOLDED) >= _MAX_FOLDED:
        _FOLDED.clear()
    _FOLDED.update(pairs)


def folds_of(entities: Iterable[Entity]) -> list[list[str]]:
    """``[name, key]`` for every name the folder folds for these entities (for a cache entry to keep)."""
    names: list[str] = []
    for entity in entities:
        if entity.kind is EntityKind.PERSON:
            names.extend(_surnames(entity) if is_full_name(entity.name) else (entity.name,))
    return [[name, fold_key(name)] for name in dict.fromkeys(names)]


def is_full_name(name: str) -> bool:
    """A given name and a surname: two words or more, the first capitalised.

    "von der Leyen" or "al-Assad" alone is a surname (a lower-case particle
    leads), while "Mara Lind" is a full name.
    """
    tokens = name.split()
    return len(tokens) >= 2 and tokens[0][:1].isupper()


def surname_keys(entity: Entity) -> set[str]:
    """The fold keys a full-name person may be called by alone: trailing words and short declared aliases."""
    return {fold_key(name) for name in _surnames(entity)} - {""}


def _surnames(entity: Entity) -> list[str]:
    """What a full-name person may be called by alone: "Lind" and "von der Leyen", short aliases."""
    tokens = entity.name.split()
    trailing = [" ".join(tokens[-size:]) for size in range(1, len(tokens))]
    return trailing + [alias for alias in entity.aliases if len(alias.split()) < len(tokens)]


class SurnameFolder:
    """The full-name people seen so far, by surname, and the lone surnames still waiting for one.

    ``full`` maps a full-name person's id to the entity that names it, taken
    from the briefing first in library order (by the ``order`` key given to
    :meth:`add`); ``by_surname`` maps a surname fold key to the ids it may
    stand for (from every briefing's full name and short aliases);
    ``waiting`` maps a surname key no full name explains yet to the
    briefings (by key) that use it alone.
    """

    def __init__(self) -> None:
        self.full: dict[str, tuple[Any, Entity]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.waiting: dict[str, dict[str, Briefing]] = {}

    def add(
        self, briefings: Sequence[Briefing], order: Callable[[Briefing], Any]
    ) -> list[tuple[Briefing, Renames]]:
        """Learn the new briefings' full names, fold them, and re-fold earlier ones a new name explains.

        Returns every briefing that changed with its renames (the new ones and
        the earlier ones alike), so an index can follow.
        """
        grown: set[str] = set()
        for briefing in briefings:
            rank = order(briefing)
            for entity in briefing.entities.values():
                if entity.kind is not EntityKind.PERSON or not is_full_name(entity.name):
                    continue
                known = self.full.get(entity.id)
                if known is None or rank < known[0]:
                    self.full[entity.id] = (rank, entity)
                for key in surname_keys(entity):
                    ids = self.by_surname.setdefault(key, set())
                    if entity.id not in ids:
                        ids.add(entity.id)
                        grown.add(key)
        earlier: dict[str, Briefing] = {}
        for key in grown & self.waiting.keys():
            earlier.update(self.waiting.pop(key))
        changed: list[tuple[Briefing, Renames]] = []
        for briefing in [*briefings, *earlier.values()]:
            renames = self._fold(briefing)
            if renames:
                changed.append((briefing, renames))
        return changed

    def forget(self, key: str) -> None:
        """A briefing left the library: it no longer waits for a full name."""
        for waiting in self.waiting.values():
            waiting.pop(key, None)

    def _fold(self, briefing: Briefing) -> Renames:
        """Fold one briefing's lone surnames against the full names known now."""
        local = {e.id for e in briefing.entities.values() if e.id in self.full}
        renames: Renames = {}
        for entity in briefing.entities.values():
            if entity.kind is not EntityKind.PERSON or entity.id in self.full:
                continue
            key = fold_key(entity.name)
            candidates = self.by_surname.get(key, set()) - {entity.id}
            here = candidates & local
            choice = here if here else candidates
            if len(choice) == 1:
                renames[entity.id] = next(iter(choice))
            elif not choice and key:  # nobody yet: a later full name may explain it
                self.waiting.setdefault(key, {})[briefing.key] = briefing
        if renames:
            rename(briefing, renames, {new: self.full[new][1] for new in renames.values()})
        return renames


def rename(briefing: Briefing, renames: Renames, canonical: dict[str, Entity]) -> None:
    """Give entities new ids in one briefing: entities, mentions and quote speakers alike."""
    for old, new in renames.items():
        short = briefing.entities.pop(old)
        target = briefing.entities.get(new)
        if target is None:
            name = canonical[new].name
            aliases = [*short.aliases, *([name] if name not in short.aliases else [])]
            briefing.entities[new] = replace(short, id=new, name=name, aliases=aliases)
        else:
            target.aliases.extend(alias for alias in short.aliases if alias not in target.aliases)
            target.role = target.role or short.role
    briefing.rename_annotations(renames)  # a warm briefing's mentions stay unbuilt
