"""Context that makes a capitalised word a place when no gazetteer knows it.

News introduces small or unfamiliar places by the words around them, and
these rules read only those words, never particular names:

* a lower-case feature noun after the name: "the Rhône valley", "the Azraq
  basin", "the Humber estuary";
* a settlement or region noun before it: "the villages of X and Y", "the
  province of X", "the canton of X";
* an appositive after it: "X, the valley's main town", "X, the island in ...";
* a strongly locative preposition before it: "near X", "outside X", and "in the
  X" / "across the X" for named areas and ranges ("the Alps", "the Midlands").
"""

from __future__ import annotations

import re

from tui.model.entities import PlaceKind
from tui.model.extract.lexicon import SETTLEMENT_WORDS, words
from tui.model.extract.words import WORD_RUN, word_before

# Capitalised words that end a place name and say its kind: "Oskil River", "Kursk Oblast".
PLACE_TAILS: dict[str, PlaceKind] = {
    "River": PlaceKind.RIVER,
    "Oblast": PlaceKind.REGION,
    "Region": PlaceKind.REGION,
    "Province": PlaceKind.REGION,
    "County": PlaceKind.REGION,
    "Governorate": PlaceKind.REGION,
    "Krai": PlaceKind.REGION,
    "Prefecture": PlaceKind.REGION,
    "Sea": PlaceKind.OTHER,
    "Ocean": PlaceKind.OTHER,
    "Lake": PlaceKind.OTHER,
    "Valley": PlaceKind.AREA,
    "Creek": PlaceKind.RIVER,
    "Gap": PlaceKind.AREA,
    "Highlands": PlaceKind.AREA,
    "Delta": PlaceKind.AREA,
    "State": PlaceKind.REGION,
    "Hills": PlaceKind.AREA,
    "Coast": PlaceKind.AREA,
    "Peninsula": PlaceKind.AREA,
    "Island": PlaceKind.AREA,
    "Islands": PlaceKind.AREA,
    "Mountains": PlaceKind.AREA,
    "Desert": PlaceKind.AREA,
    "Strait": PlaceKind.OTHER,
    "Glacier": PlaceKind.AREA,
    "Canyon": PlaceKind.AREA,
    "Gorge": PlaceKind.AREA,
    "Head": PlaceKind.AREA,
    "Bay": PlaceKind.OTHER,
    "Basin": PlaceKind.AREA,
    "Estuary": PlaceKind.RIVER,
    "Falls": PlaceKind.AREA,
    "Range": PlaceKind.AREA,
    "Plateau": PlaceKind.AREA,
    "Peak": PlaceKind.AREA,
    "Volcano": PlaceKind.AREA,
    "Fjord": PlaceKind.OTHER,
    "Lagoon": PlaceKind.OTHER,
    "Reservoir": PlaceKind.OTHER,
    "Channel": PlaceKind.OTHER,
    "Sound": PlaceKind.OTHER,
    "Archipelago": PlaceKind.AREA,
    "Atoll": PlaceKind.AREA,
    "Parish": PlaceKind.REGION,
    "Canton": PlaceKind.REGION,
    "Park": PlaceKind.AREA,
    "Mesa": PlaceKind.AREA,
    "Slope": PlaceKind.AREA,
    "Pass": PlaceKind.AREA,
    "Ridge": PlaceKind.AREA,
    "Heights": PlaceKind.AREA,
    "Moor": PlaceKind.AREA,
    "Plain": PlaceKind.AREA,
    "Plains": PlaceKind.AREA,
    "Steppe": PlaceKind.AREA,
    "Wetlands": PlaceKind.AREA,
    "Lakes": PlaceKind.AREA,
}
SURNAME_TAILS = frozenset({"Park", "Heights", "Ridge", "Moor", "Pass", "Mesa", "Lakes", "Plain"})
"""Tail words that are also surnames ("Grace Park"): after a first name they end a person's name."""
PLACE_HEADS: dict[str, PlaceKind] = {
    "Lake": PlaceKind.OTHER,
    "Mount": PlaceKind.AREA,
    "Gulf": PlaceKind.OTHER,
    "Isle": PlaceKind.AREA,
    "Jebel": PlaceKind.AREA,
    "Cape": PlaceKind.AREA,
    "River": PlaceKind.RIVER,
    "Bay": PlaceKind.OTHER,
    "Sea": PlaceKind.OTHER,
    "Strait": PlaceKind.OTHER,
    "Straits": PlaceKind.OTHER,
    "Mountains": PlaceKind.AREA,
    "County": PlaceKind.REGION,
    "Massif": PlaceKind.AREA,
    "Vale": PlaceKind.AREA,
}
CITY_AREA_HEADS = frozenset({"Metro", "Greater"})
"""Before a known city, an area around it: "Metro Vancouver", "Greater Manchester"."""

# Lower-case nouns after a name that say the name is a natural feature or area: the bare name is the
# place ("the Rhône valley" names the Rhône), except for "basin", which names an area of its own.
FEATURE_SUFFIXES: dict[str, PlaceKind] = {
    "valley": PlaceKind.AREA,
    "estuary": PlaceKind.RIVER,
    "glacier": PlaceKind.AREA,
    "delta": PlaceKind.AREA,
    "coast": PlaceKind.AREA,
    "coastline": PlaceKind.AREA,
    "plateau": PlaceKind.AREA,
    "lowlands": PlaceKind.AREA,
    "uplands": PlaceKind.AREA,
    "peninsula": PlaceKind.AREA,
    "basin": PlaceKind.AREA,
    "massif": PlaceKind.AREA,
    "gorge": PlaceKind.AREA,
    "reservoir": PlaceKind.OTHER,
    "archipelago": PlaceKind.AREA,
}
# "the Thames valley" is the area, not the river; "the Azraq basin" an area of its own.
EXTENDING_SUFFIXES = frozenset({"basin", "valley", "gorge", "reservoir"})
_FEATURE_AFTER = re.compile(r"[ \u00a0]+(" + "|".join(sorted(FEATURE_SUFFIXES)) + r")\b")

# Nouns for places and administrative areas that introduce a name with "of": "the province of X".
AREA_NOUNS = words(
    "province region county state district department canton prefecture governorate island islands "
    "oblast parish borough municipality commune emirate kingdom republic"
)
# Plural landscape nouns that introduce a place with "of": "the mountains of X", "the outskirts of X".
LANDSCAPE_NOUNS = words(
    "mountains hills marshes marshlands plains shores banks outskirts streets suburbs slopes foothills "
    "forests deserts waters coast coasts beaches islands valleys wetlands moors fens"
)
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
_SETTLEMENT_OF = re.compile(
    r"\b(?:the\s+)?(?:[\w’'-]+\s+)?("
    + "|".join(sorted(SETTLEMENT_WORDS | AREA_NOUNS | LANDSCAPE_NOUNS))
    + rf")(?:e?s)?\s+of\s+(?:the\s+)?(?:{_NAME},?\s+(?:and\s+|or\s+)?)*$"
)
_CONSTITUENCY = re.compile(r"\b(?:MP|MPs|MSP|MEP|TD|[Mm]ember|[Ss]enator|[Cc]ongress(?:wo)?man)\s+for\s+$")
_SETTLEMENT_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(" + "|".join(sorted(SETTLEMENT_WORDS | AREA_NOUNS)) + r")\b"
)


def feature_after(text: str, end: int) -> tuple[int, PlaceKind] | None:
    """A lower-case feature noun right after a name: the place's end and kind, or None."""
    match = _FEATURE_AFTER.match(text, end)
    if match is None:
        return None
    word = match.group(1)
    return (end + match.end() - match.start() if word in EXTENDING_SUFFIXES else end), FEATURE_SUFFIXES[word]


def settlement(before: str, after: str) -> str | None:
    """The settlement or area noun that introduces the name ("town", "province"), if any.

    The patterns before the name need the words "for" and "of": a substring test first
    spares most windows a search tried at every position.
    """
    if "for" in before and _CONSTITUENCY.search(before):
        return "constituency"  # "the MP for X"
    match = _SETTLEMENT_OF.search(before) if "of" in before else None
    match = match or _SETTLEMENT_AFTER.match(after)
    return match.group(1) if match else None


def settlement_kind(word: str) -> PlaceKind:
    """The place kind a settlement or area noun implies."""
    if word in {"city", "capital", "port"}:
        return PlaceKind.CITY
    if word in AREA_NOUNS:
        return PlaceKind.AREA if word.startswith("island") else PlaceKind.REGION
    if word in LANDSCAPE_NOUNS or word == "constituency":
        return PlaceKind.AREA
    return PlaceKind.TOWN


# Prepositions that put what follows on a map; "in" and "on" only with "the" ("in the Alps").
_LOCATIVE_WORDS = frozenset(("near", "outside", "around", "toward", "towards", "across", "throughout", "via",
                             "along", "beyond", "off", "nearby"))
_LOCATIVE_BEFORE_THE = frozenset(("in", "on", "across", "around", "into", "through", "throughout", "over",
                                  "along", "off", "near", "under", "beneath", "below", "above", "among",
                                  "within", "beyond"))
_NEARBY_WORDS = frozenset(("near", "outside", "nearby", "neighbouring", "neighboring", "toward", "towards",
                           "via"))


def locative_before(before: str) -> bool:
    """Whether a strongly locative preposition ("near", "across the", "in the") ends ``before``.

    Read back from the window's last words (as :func:`nearby_before`): the
    pattern ``\\b(?:near|…|(?:in|on|…)\\s+the)[ \\u00a0]+$`` this replaces was
    searched for from every position of the window.
    """
    word, at = word_before(before, WORD_RUN, " \u00a0")
    if word in _LOCATIVE_WORDS:
        return True
    return word == "the" and word_before(before[:at], WORD_RUN, None)[0] in _LOCATIVE_BEFORE_THE


def nearby_before(before: str) -> bool:
    """Whether "near"/"outside" (no article) ends ``before``: what follows is a settlement."""
    return word_before(before, WORD_RUN, " \u00a0")[0] in _NEARBY_WORDS


_PLURAL_KINDS = {
    "regions": PlaceKind.REGION, "provinces": PlaceKind.REGION, "states": PlaceKind.REGION,
    "districts": PlaceKind.REGION, "counties": PlaceKind.REGION, "oblasts": PlaceKind.REGION,
    "prefectures": PlaceKind.REGION, "departments": PlaceKind.REGION, "rivers": PlaceKind.RIVER,
    "creeks": PlaceKind.RIVER, "islands": PlaceKind.AREA, "lakes": PlaceKind.OTHER,
    "valleys": PlaceKind.AREA, "reservoirs": PlaceKind.OTHER,
}
_LISTED_BEFORE_PLURAL = re.compile(
    r"(?:(?:,|,?[ \u00a0]+(?:and|or))[ \u00a0]+[A-Z][\w’'-]+)*[ \u00a0]+(" + "|".join(_PLURAL_KINDS) + r")\b"
)
_COORDINATED_AFTER = re.compile(r"(?:,|,?[ \u00a0]+(?:and|or))[ \u00a0]+(?:the[ \u00a0]+)?([A-Z][\w’'-]+)\b")


def listed_before_plural(text: str, end: int) -> PlaceKind | None:
    """A name in a list closed by a plural feature noun: "the Western, Central and Ashanti regions"."""
    match = _LISTED_BEFORE_PLURAL.match(text, end)
    return _PLURAL_KINDS[match.group(1)] if match else None


def coordinated_after(text: str, end: int) -> str | None:
    """The capitalised word listed right after the name ("Surrey and Wales" -> "Wales"), if any."""
    match = _COORDINATED_AFTER.match(text, end)
    return match.group(1) if match else None


_INSIDE_AFTER = re.compile(
    r"(?:[ \u00a0]+in[ \u00a0]+the[ \u00a0]+(?:[A-Z][\w’'-]+[ \u00a0]+)?(?:of|[A-Z])"
    r"|,[ \u00a0]+in[ \u00a0]+the\b)"
)
_WITHIN_AFTER = re.compile(r"(?:[ \u00a0]+in|,)[ \u00a0]+([A-Z][\w’'-]+)(?=[\s,.;)])")


def inside_place_after(text: str, end: int) -> str | None:
    """What a name is said to lie in: "X in the Vale of Y" -> "", "X, Ghana" / "X in Kent" -> the place word.

    Returns "" for "in the <Name>" (a named area, checked no further) and None when nothing follows.
    """
    if _INSIDE_AFTER.match(text, end):
        return ""
    match = _WITHIN_AFTER.match(text, end)
    return match.group(1) if match else None
