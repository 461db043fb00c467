"""Person and non-person evidence beyond the first-name list: slots only a person fills, and shapes no
person has (an acronym-headed organisation, a numbered road).

A first-name list never covers every given name (Scandinavian, Welsh, West
African...). Match reports and court stories put people in slots that places
and organisations do not fill: a player is beaten ("past X Y"), fouled
("brought down X Y") or owns an action ("X Y's low cross"); anyone can have a
lawyer or a widow. These rules read only those words.
"""

from __future__ import annotations

import re

from tui.model.extract.candidates import Run
from tui.model.extract.gazetteer import first_name, gazetteer, gazetteer_place
from tui.model.extract.lexicon import NOT_NAMES, NUMBERED_NOUNS, ORG_SUFFIXES, ORG_WORDS, TITLE_WORDS
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


def exact_place(word: str) -> bool:
    """A gazetteer place spelt exactly like ``word`` (not a fold-key neighbour: "Holm" is not Khulm)."""
    place = gazetteer_place(word)
    return place is not None and ascii_fold(place.name) == ascii_fold(word)


def surname_like(tokens: list[str]) -> bool:
    """ "Peter Holm" at a sentence start: after a first name that is also a word ("peter out"), two or
    three name-shaped words that are no place, title or organisation make a name all the same."""
    rest = tokens[1:]
    return (
        len(tokens) in (2, 3)
        and gazetteer_place(" ".join(tokens)) is None
        and not exact_place(rest[-1])
        and not any(t in ORG_WORDS or t in TITLE_WORDS or t in NOT_NAMES or t.isupper() for t in rest)
    )


_NUMBER_AFTER = re.compile(r"[ \u00a0]+\d")
_ORG_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$")


def not_a_name(run: Run, text: str) -> bool:
    """Organisations and numbered things that look like names.

    "NHS England" / "BBC Scotland" (an acronym heads the name), "House of Lords" (the run completes an
    organisation's "X of" name), "Heemstede Spaarbank" (a company ending), "Highway 5".
    """
    tokens = run.tokens
    head = tokens[0]
    acronym = head.isupper() and len(head) >= 3 and "." not in head
    if len(tokens) > 1 and acronym and not run.text.isupper() and gazetteer_place(head) is None:
        return True
    last = tokens[-1].lower()
    compound = last.endswith(ORG_SUFFIXES) and any(
        last.endswith(s) and len(last) > len(s) + 2 for s in ORG_SUFFIXES
    )
    if compound and first_name(head) is None:
        return True  # a compound ("Spaarbank"), not the word itself ("West Bank")
    if len(tokens) == 1 and head in NUMBERED_NOUNS and _NUMBER_AFTER.match(text, run.end):
        return True
    window = max(0, run.start - 30)
    if text.find("of", window, run.start) < 0:  # the pattern needs it: most runs are spared the search
        return False
    owner = _ORG_OF_BEFORE.search(text, window, run.start)
    return owner is not None and owner.group(1) in ORG_WORDS
