"""Places in a sentence where only a person fits, whatever the name: evidence for unfamiliar names.

A first-name list never covers every given name (Scandinavian, Welsh, West
African...). Match reports and court stories put people in slots that places
and organisations do not fill: a player is beaten ("past X Y"), fouled
("brought down X Y") or owns an action ("X Y's low cross"); anyone can have a
lawyer or a widow. These rules read only those words.
"""

from __future__ import annotations

import re

from tui.model.extract.candidates import Run
from tui.model.extract.gazetteer import gazetteer
from tui.model.extract.lexicon import NOT_NAMES, TITLE_WORDS
from tui.model.extract.names import ascii_fold, fold_key

_PERSON_SLOT_BEFORE = re.compile(
    r"\b(?:past|above|fouled|replaced|tackled|felled|outjumped|rounded|dispossessed"
    r"|down|on|for)[ \u00a0]+$"
)
"""Match reports put players after these: "past X Y", "rose above X Y", "replaced X Y". Only
"down/on/for" right after a foul verb count ("brought down X", "a foul on X", "a penalty for X")."""
_FOUL_BEFORE = re.compile(
    r"\b(?:brought|pulled|hauled|knocked)\s+down\s+$|\b(?:foul|challenge|tackle)\s+on\s+$"
)
_POSSESSED_ACTION = re.compile(
    r"['’]s?[ \u00a0]+(?:[a-z-]+[ \u00a0]+)?"
    r"(?:cross|header|shot|pass|goal|strike|effort|free[ -]kick|penalty|"
    r"corner|volley|tackle|challenge|save|finish|assist|run|throw-in|lob|chip|drive|debut|hat-trick|"
    r"lawyer|wife|husband|mother|father|son|daughter|family|death|arrest|body|funeral|widow|career|"
    r"testimony|own goal)\b"
)
"""A possessive before an action or a family noun: "X Y's low cross", "X Y's lawyer" (never a place)."""


def _town(word: str) -> bool:
    place = gazetteer().get(fold_key(word))
    return place is not None and ascii_fold(place.name) == ascii_fold(word) and not place.ambiguous


def person_slot(run: Run, text: str, before: str) -> bool:
    """A multi-word name where only a person fits: a player passed or fouled, or owning an action."""
    if any(t in NOT_NAMES or t in TITLE_WORDS or _town(t) for t in run.tokens):
        return False  # "past Real Madrid", "replaced Bayern Munich": a club named after its city
    if run.possessive:
        return _POSSESSED_ACTION.match(text, run.end) is not None
    slot = _PERSON_SLOT_BEFORE.search(before)
    if slot is None:
        return False
    return slot.group().strip() not in ("down", "on", "for") or _FOUL_BEFORE.search(before) is not None
