"""Deciding what a capitalised run is: a person, a place, an organisation, or nothing yet.

The rules weigh general evidence, never particular names: a first name from
the lexicon, an honorific or title before the run, a speech verb after it,
an appositive role or age, "the town of X", "X region", "the X River", the
gazetteer, organisation words. A run with no evidence is kept as ``UNKNOWN``
so a later pass can still link a bare surname to a full name seen elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from tui.model.entities import PlaceKind
from tui.model.extract.candidates import Run
from tui.model.extract.gazetteer import Place, first_name, gazetteer, gazetteer_place
from tui.model.extract.lexicon import (
    COMPASS_WORDS,
    NOT_NAMES,
    ORG_APPOSITIVES,
    ORG_WORDS,
    PARTY_WORDS,
    PLACE_PREPOSITIONS,
    PLURAL_NOUNS,
    REGION_SUFFIXES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from tui.model.extract.names import ascii_fold, fold_key
from tui.model.extract.person_context import not_a_name, person_slot, surname_like
from tui.model.extract.place_context import (
    CITY_AREA_HEADS,
    SURNAME_TAILS,
    coordinated_after,
    feature_after,
    inside_place_after,
    listed_before_plural,
    locative_before,
    nearby_before,
    settlement,
    settlement_kind,
)
from tui.model.extract.place_context import PLACE_HEADS as _PLACE_HEADS
from tui.model.extract.place_context import PLACE_TAILS as _PLACE_TAILS
from tui.model.extract.roles import role_after, role_before, role_comma_before
from tui.model.extract.words import word_before

_VERBS = "|".join(sorted(SPEECH_VERBS))
_SAID_AFTER = re.compile(
    rf"(?:,[^,.“”\"]{{1,80}},)?\s+(?:(?:on|last|this|late|early)\s+\w+\s+)?"
    rf"(?:also\s+|later\s+|then\s+|has\s+|had\s+|previously\s+|once\s+|reportedly\s+|would\s+|will\s+)?"
    rf"(?:{_VERBS})\b"
)
_AGE_AFTER = re.compile(r",\s+\d{1,3}(?:,|\s)")
_REGION_AFTER = re.compile(r"[ \u00a0]+(" + "|".join(sorted(REGION_SUFFIXES)) + r")\b")
_RIVER_AFTER = re.compile(r"[ \u00a0]+(River|river)\b")
_RIVER_BEFORE = re.compile(r"\b(?:the\s+)?(?:[Rr]iver)[ \u00a0]+$")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}$")
_RIVER_VERB_AFTER = re.compile(r"[ \u00a0]+(?:flows|flowed|meanders|burst its banks|drains into)\b")
_DATELINE_AFTER = re.compile(r"(?:,[ \u00a0]+[\w.]+(?:[ \u00a0][\w.]+)?)?[ \u00a0]*(?:\(|—|–|-[ \u00a0])")
_MODIFIER_AFTER = re.compile(r"[ \u00a0]+[a-z]+(?:ers|ists|ans|fans)\b")  # "the Rovers supporters"
_IN = frozenset({"in", "In"})
_WHICH_AFTER = re.compile(
    r"(?:[ \u00a0]+(?:and|or)[ \u00a0]+[A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+){0,3})?,[ \u00a0]+which\b"
)
_PLURAL_ENDINGS = ("ists", "ers", "ians", "ants", "ents", "ors", "ogists", "ics")
_COORDINATED_BEFORE = re.compile(r"([A-Z][\w’'-]+)(,?[ \u00a0]+(?:and|or)|,)[ \u00a0]+(?:the[ \u00a0]+)?$")
_AND_FULL_NAME_AFTER = re.compile(r"[ \u00a0]+and[ \u00a0]+([A-Z][a-z]+)[ \u00a0]+[A-Z][\w’'-]+")
_ONE_OF_BEFORE = re.compile(
    r"\b(?:[Oo]ne|[Aa]nother)\s+of\s+(?:them|us|(?:those|these|the|its|their|his|her)(?:\s+[\w-]+){1,3})\s*,\s+$"
)
"""'One of them, X Y,' / 'One of those divers, X Y,': one member of a group, by name."""
_SPEAKER_HEADS = frozenset(SPEECH_VERBS | ROLE_NOUNS)
_HYPHENATED_WORD = re.compile(r"[\w-]+")
_NAME_WORD = re.compile(r"[\w’'-]+")


def _head_before(before: str) -> bool:
    """Whether ``before`` ends in a speech verb or role noun, then whitespace: "said ", "minister ".

    What ``\\b(?:said|…|minister|…)\\s+$`` finds: the last word, or its part after a
    hyphen ("vice-president", "ex-minister"), is one of them. Two such searches tried
    every alternative at every position of the window.
    """
    word = word_before(before, _HYPHENATED_WORD, None)[0]
    return word is not None and any(part in _SPEAKER_HEADS for part in _hyphen_tails(word))


def _word_before(before: str) -> str | None:
    """The word that spaces alone follow to the end of ``before`` ("residents of "), if any:
    what ``([\\w’'-]+)[ \\u00a0]+$`` captured."""
    return word_before(before, _NAME_WORD, " \u00a0")[0]


def _hyphen_tails(word: str) -> list[str]:
    """ "ex-vice-president": itself and what follows each hyphen, the places a word boundary falls."""
    return [word, *(word[i + 1 :] for i, char in enumerate(word) if char == "-")]


_OWNER_BEFORE = re.compile(r"\b[A-Z][\w.-]*['’]s[ \u00a0]+$")
_WHO_AFTER = re.compile(r",\s+who\b")
_SUBJECT_BLOCKERS = frozenset(
    {"of", "in", "from", "at", "near", "to", "into", "outside", "across", "for", "on"}
)
_APPOSITIVE_HEAD = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?([\w-]+)(?=\s*[,.;]|\s+(?:that|which|based)\b)"
)


class Kind(Enum):
    """What a run was judged to be."""

    PERSON = "person"
    PLACE = "place"
    ORG = "org"
    UNKNOWN = "unknown"


@dataclass(slots=True)
class Decision:
    """The verdict on one run: kind, the exact name span (may grow: "Kursk region"), role and place data."""

    kind: Kind
    block: int
    start: int
    end: int
    name: str
    tokens: list[str]
    role: str | None = None
    place_kind: PlaceKind | None = None
    place: Place | None = None
    strong: bool = False  # evidence enough to create an entity on its own
    person_context: bool = False  # judged a place, but the context also fits a person ("Washington said")
    sentence_initial: bool = False


def _name_evidence(run: Run) -> bool:
    """Evidence in the run itself: an honorific or title before it, or a known first name."""
    tokens = run.tokens
    if run.honorific or any(t in TITLE_WORDS for t in run.prefix):
        return True
    if 2 <= len(tokens) <= 3 and _INITIALS.match(tokens[0]) and gazetteer_place(tokens[0]) is None:
        return True  # "L.S. Lowry", "J. Smith": initials before a surname
    if len(tokens) >= 2:
        first = first_name(tokens[0])
        if first is not None and not (first.ambiguous and run.sentence_initial and not surname_like(tokens)):
            return True
    return False


def _the_place(run: Run, text: str) -> bool:
    """ "across the Amazon": a name that is also a company's is the place after a locative "the"."""
    before = text[max(0, run.start - 20) : run.start]
    place = gazetteer_place(run.text)
    return place is not None and before.rstrip().endswith("the") and locative_before(before)


def _person_evidence(run: Run, text: str) -> bool:
    """Evidence in the run or around it: a speech verb, an age, a role before or after, ", who"."""
    if _name_evidence(run):
        return True
    before = text[max(0, run.start - 40) : run.start]
    if _head_before(before) or role_comma_before(text, run.start):
        return True
    if len(run.tokens) > 1 and (_OWNER_BEFORE.search(before) or _ONE_OF_BEFORE.search(before)):
        return True  # "Nigeria's Chidi Anyanwu", "One of them, Ali Haddad,"
    if len(run.tokens) in (2, 3) and person_slot(run, text, before):
        return True
    blocked = _word_before(before) in _SUBJECT_BLOCKERS
    if run.possessive or blocked or (run.prefix and run.prefix[-1].lower() in _SUBJECT_BLOCKERS):
        return False  # "Residents of Carrville said", "In Lagos, the party chairman said"
    after = text[run.end : run.end + 120]
    if len(run.tokens) == 1 and first_name(run.tokens[0]) is not None:
        partner = _AND_FULL_NAME_AFTER.match(after)  # "Ian and Margaret Cowie"
        if partner is not None and first_name(partner.group(1)) is not None:
            return True
    if _WHO_AFTER.match(after):
        return True
    if _SAID_AFTER.match(after) or _AGE_AFTER.match(after):
        return not _org_appositive(after)
    role = role_after(text, run.end)
    return role is not None and not _org_appositive(after)


def _org_appositive(after: str) -> bool:
    """ ", a campaign group," / ", a Washington-based research group,": an organisation, not a person."""
    match = _APPOSITIVE_HEAD.match(after)
    return match is not None and match.group(1).lower() in ORG_APPOSITIVES


def _has_org_word(tokens: list[str]) -> bool:
    """Organisation words, or a lone acronym that is not a country or region ("NATO", "EU"; not "UK")."""
    if any(t in ORG_WORDS for t in tokens):
        return True
    if len(tokens) != 1 or not tokens[0].isupper() or len(tokens[0]) < 2:
        return False
    place = gazetteer_place(tokens[0])
    return place is None or (len(tokens[0]) <= 4 and place.kind not in (PlaceKind.COUNTRY, PlaceKind.REGION))


def decide(run: Run, text: str) -> Decision:
    """Classify one run from its words and the text around it."""
    tokens = run.tokens
    decision = Decision(
        Kind.UNKNOWN, run.block, run.start, run.end, run.text, tokens, sentence_initial=run.sentence_initial
    )
    if run.shape:  # "Col du X", "Vale of X", "X-on-Y", "(R-Grand Junction)"
        place = gazetteer_place(run.text)
        kind = _PLACE_HEADS.get(tokens[0], PlaceKind.AREA) if run.shape == "feature" else PlaceKind.TOWN
        return _place(decision, text, run.end, place.kind if place else kind, place)
    word_ok = tokens[0] not in NOT_NAMES or tokens[0] in COMPASS_WORDS  # "The islands" is no list
    single = len(tokens) == 1 and not run.possessive and word_ok
    listed = listed_before_plural(text, run.end) if single else None
    if listed is not None and not run.honorific:
        return _place(decision, text, run.end, listed)  # "the Western, Central and Ashanti regions"
    if not_a_name(run, text):
        return _nothing(decision)
    if all(t in NOT_NAMES or t in TITLE_WORDS or t in PARTY_WORDS for t in tokens):
        decision.kind = Kind.ORG if tokens and tokens[-1] in ORG_WORDS else decision.kind
        return decision if not all(t in NOT_NAMES for t in tokens) else _nothing(decision)
    if len(tokens) == 1 and fold_key(tokens[0]) in gazetteer().demonyms:
        return _nothing(decision)  # "Ukrainian" is an adjective, never a name
    if run.text.isupper() and len(run.text) > 3 and run.start == 0 and _DATELINE_AFTER.match(text, run.end):
        place = gazetteer_place(run.text)  # "EDINBURGH, 9 February (Agency) -": a wire dateline
        return _place(decision, text, run.end, place.kind if place else PlaceKind.CITY, place)
    whole = gazetteer_place(run.text) if len(tokens) > 1 else None
    if whole is not None and whole.kind in (PlaceKind.CITY, PlaceKind.TOWN) and tokens[-1] in ORG_WORDS:
        whole = None  # "White House" is the building, not the Tennessee town
    if whole is not None and not run.honorific:
        return _place(decision, text, run.end, whole.kind, whole)  # "West Bank", "Cameron Parish"
    if len(tokens) == 1 and tokens[0] in ORG_WORDS and _the_place(run, text):
        return _place(decision, text, run.end, PlaceKind.AREA, gazetteer_place(run.text))  # "over the Amazon"
    if _has_org_word(tokens) and tokens[-1] not in _PLACE_TAILS:
        decision.kind = Kind.ORG
        return decision
    surname = len(tokens) == 2 and tokens[-1] in SURNAME_TAILS and first_name(tokens[0]) is not None
    if len(tokens) > 1 and tokens[-1] in _PLACE_TAILS and not surname and not run.honorific:
        return _place(decision, text, run.end, _PLACE_TAILS[tokens[-1]])
    if len(tokens) > 1 and tokens[0] in _PLACE_HEADS:
        return _place(decision, text, run.end, _PLACE_HEADS[tokens[0]])
    if len(tokens) > 1 and tokens[0] in CITY_AREA_HEADS and gazetteer_place(" ".join(tokens[1:])) is not None:
        return _place(decision, text, run.end, PlaceKind.AREA)  # "Metro Vancouver", "Greater Manchester"
    after = text[run.end : run.end + 30]
    before = text[max(0, run.start - 40) : run.start]
    if not run.possessive:
        region = _REGION_AFTER.match(after)
        if region:
            return _place(decision, text, run.end + region.end(), PlaceKind.REGION)
        river = _RIVER_AFTER.match(after)
        if river:
            return _place(decision, text, run.end + river.end(), PlaceKind.RIVER)
    if not run.possessive:
        feature = feature_after(text, run.end)
        if feature is not None:
            return _place(decision, text, feature[0], feature[1])
    river_before = "iver" in before and _RIVER_BEFORE.search(before)  # the word is needed: skip the search
    if river_before or (len(tokens) == 1 and _RIVER_VERB_AFTER.match(after)):
        return _place(decision, text, run.end, PlaceKind.RIVER)
    if (
        len(tokens) == 1
        and not run.possessive
        and not run.honorific
        and locative_before(before)
        and not _MODIFIER_AFTER.match(text, run.end)
    ):
        place = _usable_place(run, gazetteer_place(run.text))
        the = before.rstrip().endswith("the")  # "on the Trent": no person takes "the"
        if place is not None or the or first_name(tokens[0]) is None:  # "on the Humber", "across the Alps"
            kind = PlaceKind.AREA if the else PlaceKind.TOWN
            return _place(decision, text, run.end, place.kind if place else kind, place)
    noun = settlement(before, text[run.end : run.end + 80])
    if noun and not _person_evidence(run, text):
        place = gazetteer_place(run.text)
        return _place(decision, text, run.end, place.kind if place else settlement_kind(noun), place)
    place = _usable_place(run, gazetteer_place(run.text))
    in_name = _name_evidence(run)
    if place is None and not run.honorific and not run.prefix and _WHICH_AFTER.match(text, run.end):
        return _nothing(decision)  # "Goldman Sachs and Morgan Stanley, which sold": a firm, not a person
    if in_name or _person_evidence(run, text):
        if place is not None and not run.honorific and not any(t in TITLE_WORDS for t in run.prefix):
            first = first_name(tokens[0])
            # "Ukraine agreed", "Moscow said": countries and capitals speak as governments; a town's
            # name before "said" is a surname ("Hale said"), and an age or a role makes a person.
            metonymy = (place.kind is PlaceKind.COUNTRY or place.capital) and _speech_only(run, text)
            # not just a fold-key neighbour ("Hale" is not Halle); country variants are curated
            exact = ascii_fold(run.text) == ascii_fold(place.name) or place.kind is PlaceKind.COUNTRY
            decision.person_context = not in_name
            if (
                (not in_name and metonymy and exact)
                or (in_name and first is None)
                or (len(tokens) > 1 and place.kind in (PlaceKind.COUNTRY, PlaceKind.REGION))
            ):
                return _place(decision, text, run.end, place.kind, place)
        if len(tokens) == 1 and run.sentence_initial and not in_name and _plural_noun(tokens[0]):
            return _nothing(decision)
        if len(tokens) == 1 and run.sentence_initial and not in_name and tokens[0].endswith(_PLURAL_ENDINGS):
            return decision  # "Forecasters said": a plural noun, unless a known surname ("Sanders")
        if len(tokens) == 1 and tokens[0].isupper():  # "PARIS, 3 May": a dateline, never a person
            return _place(decision, text, run.end, place.kind, place) if place else _nothing(decision)
        decision.kind = Kind.PERSON
        decision.strong = True
        decision.role = role_before(text, run.start, run.prefix) or role_after(text, run.end)
        return decision
    word = _word_before(before)
    on_map = locative_before(before) or nearby_before(before) or _coordinated_with_place(before, comma=True)
    preposition = on_map or word in PLACE_PREPOSITIONS
    if place is not None:
        small = place.kind is PlaceKind.TOWN and len(tokens) == 1
        if (not place.ambiguous and not small) or preposition or _listed_with_place(text, run.end):
            decision = _place(decision, text, run.end, place.kind, place)
            # "a letter to Hale": a surname of someone already named, unless clearly on a map
            # ("flew to Washington" is the city; "wrote to Hallam", a small town's name, the surname)
            decision.person_context = len(tokens) == 1 and (
                (place.kind is PlaceKind.CITY and not preposition)
                or (place.kind is PlaceKind.TOWN and not on_map and word not in _IN)
            )
            return decision
        return decision
    located = len(tokens) == 1 and not run.possessive and word in _LOCATED
    if located and first_name(tokens[0]) is None and _lies_in_place(text, run.end):
        return _place(decision, text, run.end, PlaceKind.TOWN)  # "grew up in X in the Vale of Y"
    if len(tokens) == 1 and not run.possessive and (nearby_before(before) or _coordinated_with_place(before)):
        return _place(decision, text, run.end, PlaceKind.TOWN)  # "near Seongju", "Penzance and Camborne"
    return decision


def _coordinated_with_place(before: str, *, comma: bool = False) -> bool:
    """Whether the word is listed after a known place: "Kidderminster and X" (or "Guildford, X")."""
    if "," not in before and "and" not in before and "or" not in before:
        return False  # the pattern needs one of them: most windows are spared its search
    match = _COORDINATED_BEFORE.search(before)
    if match is None or (match.group(2) == "," and not comma):
        return False
    place = gazetteer_place(match.group(1))
    return place is not None and not place.ambiguous


_LOCATED = frozenset({"in", "at", "from", "near", "of", "to"})


def _lies_in_place(text: str, end: int) -> bool:
    """Whether the text goes on to say where the name lies: "in the Vale of Y", ", Ghana", "in Kent"."""
    inside = inside_place_after(text, end)
    if inside is None:
        return False
    place = gazetteer_place(inside) if inside else None
    return inside == "" or (place is not None and place.kind in (PlaceKind.COUNTRY, PlaceKind.REGION))


def _listed_with_place(text: str, end: int) -> bool:
    """Whether a known, unambiguous place follows in a list: "Surrey and Wales", "Bath, Leeds"."""
    following = coordinated_after(text, end)
    place = gazetteer_place(following) if following else None
    return place is not None and not place.ambiguous


def _usable_place(run: Run, place: Place | None) -> Place | None:
    """The gazetteer's place unless the match is a mere look-alike.

    A short all-capitals word is an acronym ("AI"), not a town; a first name
    matches a place only when spelt exactly like it ("Ian" is not Ya'an).
    """
    if place is None:
        return None
    text = run.text
    if text.isupper() and len(text) <= 4 and place.kind not in (PlaceKind.COUNTRY, PlaceKind.REGION):
        return None
    if len(run.tokens) == 1 and first_name(text) is not None and ascii_fold(text) != ascii_fold(place.name):
        return None
    return place


def _speech_only(run: Run, text: str) -> bool:
    """Whether the person evidence is only a speech verb ("Moscow said"), not an age, role or "who"."""
    after = text[run.end : run.end + 120]
    return not (_AGE_AFTER.match(after) or _WHO_AFTER.match(after) or role_after(text, run.end))


def _plural_noun(token: str) -> bool:
    """A capitalised common plural at a sentence start ("Investigators said"), not a surname."""
    lower = token.lower()
    return lower in PLURAL_NOUNS or (lower.endswith("s") and lower[:-1] in ROLE_NOUNS)


def _nothing(decision: Decision) -> Decision:
    decision.kind = Kind.ORG  # nothing to extract: treat like an organisation (never an entity)
    return decision


def _place(decision: Decision, text: str, end: int, kind: PlaceKind, place: Place | None = None) -> Decision:
    decision.kind = Kind.PLACE
    decision.end = end
    decision.name = text[decision.start : end]
    decision.place_kind = kind
    decision.place = (
        place
        if place is not None
        else (gazetteer_place(decision.name) if kind in (PlaceKind.REGION, PlaceKind.RIVER) else None)
    )
    decision.strong = True
    return decision
