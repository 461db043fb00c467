"""A person's gender for pronouns: from a title before the name, the stated role, or the first name.

"Ms Ashby", "Sir Julian", "her mother, Tetiana", "Anna Schulz": each says
whether "she" or "he" can refer to that person. Unknown (``b``) fits both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.model.entities import Entity
from tui.model.extract.gazetteer import first_names
from tui.model.extract.lexicon import words
from tui.model.extract.names import ascii_fold

_WORD = re.compile(r"[a-z]+")
_FEMALE_TITLES = frozenset(("Ms", "Mrs", "Miss", "Dame", "Lady", "Baroness", "Madame", "Mme", "Sister"))
_GENDERED_TITLE = re.compile(
    r"\b(Mr|Ms|Mrs|Miss|Sir|Dame|Lord|Lady|Baroness|Baron|Madame|Mme|Monsieur|Sister|Brother|Father)\.?\s+$"
)
_FEMALE_ROLES = words(
    "mother daughter wife sister widow grandmother aunt niece actress spokeswoman chairwoman congresswoman "
    "queen princess empress duchess countess baroness businesswoman sportswoman policewoman girl"
)
_MALE_ROLES = words(
    "father son husband brother widower grandfather uncle nephew actor spokesman chairman congressman "
    "king prince emperor duke count baron businessman sportsman policeman boy"
)


def title_gender(text: str, start: int) -> str | None:
    """``f`` or ``m`` when a gendered title sits right before the name at ``start`` ("Ms", "Sir")."""
    titled = _GENDERED_TITLE.search(text, max(0, start - 14), start)
    if titled is None:
        return None
    return "f" if titled.group(1) in _FEMALE_TITLES else "m"


def person_gender(entity: Entity | None, titles: Iterable[str | None] = ()) -> str:
    """``m``, ``f`` or ``b`` (unknown or both): a title used before any mention, the role, the first name."""
    for found in titles:
        if found is not None:
            return found
    if entity is None:
        return "b"
    for word in _WORD.findall((entity.role or "").lower()):
        if word in _FEMALE_ROLES or word in _MALE_ROLES:
            return "f" if word in _FEMALE_ROLES else "m"
    names = entity.name.split()
    if len(names) < 2:
        return "b"
    first = first_names().get(names[0]) or first_names().get(ascii_fold(names[0]).title())
    return first.gender if first is not None else "b"
