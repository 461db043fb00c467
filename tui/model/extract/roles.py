"""Roles the text states for a person, and descriptions that point back to one.

"Poland’s foreign minister Radek Sikorski", "Valery Gerasimov, chief of
Russia’s general staff", "Chief of the General Staff Valery Gerasimov": a
role is a short phrase right before the name (ending in a role noun or title)
or an appositive right after it. Later, "the Ukrainian president said" is
matched against those roles (country by demonym or possessive, and head noun)
to attribute a quote.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from tui.model.extract.gazetteer import gazetteer
from tui.model.extract.lexicon import HONORIFICS, ORG_SPEAKER_NOUNS, ROLE_NOUNS, TITLE_WORDS
from tui.model.extract.lexicon import words as word_set
from tui.model.extract.names import fold_key, strip_possessive

_WORD = re.compile(r"[\w’'.-]+")
_JOINERS = frozenset({"of", "the", "for", "and", "on", "in"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "one", "another"})
_MODIFIERS = word_set(
    """
    foreign national security defence defense deputy vice prime former top senior press chief general
    military political opposition interim acting state federal regional local finance interior justice
    health economy trade energy culture education environment home digital intelligence executive
    managing assistant special associate principal lead junior long-time longtime veteran new outgoing
    incoming elected presidential parliamentary supreme central armed western eastern northern southern
    european international independent party ruling communist conservative labour liberal green army
    navy police defense-ministry government staff white house human rights climate
    """
)
_APPOSITIVE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+)?"
    r"(?P<role>[^,.;:“”\"()]{2,90}?)"
    r"(?=,|\.(?:\s|$)|;|\s+(?:on|said|says|told|who|which|wrote|added|has|had|was|is|also|in\s+a)\b|$)"
)
_AGE = re.compile(r",\s+\d{1,3},")
_SYNONYMS = {
    "leader": {"president", "prime", "premier", "chancellor", "leader", "head"},
    "premier": {"prime", "premier"},
    "head": {"head", "chief", "director", "chairman", "leader"},
    "chief": {"chief", "head", "commander", "director"},
    "boss": {"chief", "head", "director", "ceo", "chairman", "boss"},
    "spokesman": {"spokesman", "spokesperson", "spokeswoman"},
    "spokeswoman": {"spokesman", "spokesperson", "spokeswoman"},
    "spokesperson": {"spokesman", "spokesperson", "spokeswoman"},
}


def is_role_word(word: str) -> bool:
    """A role noun ("minister") or a capitalised title word ("Chancellor")."""
    lower = word.lower()
    return lower in ROLE_NOUNS or word in TITLE_WORDS or lower.rstrip("s") in ROLE_NOUNS


def role_before(text: str, start: int, prefix: Sequence[str]) -> str | None:
    """The role phrase ending right before the name at ``start`` ("Poland’s foreign minister").

    Failing that, the role an abbreviated title right before the name states ("Gov.").
    """
    return _role_phrase_before(text, start, prefix) or honorific_role(text, start)


def _role_phrase_before(text: str, start: int, prefix: Sequence[str]) -> str | None:
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, max(0, start - 120), start)]
    words = [w for w in words if w[2] not in HONORIFICS]
    if not words and not prefix:
        return None
    if text[words[-1][1] : start].strip() if words else False:
        return role_comma_before(text, start)  # punctuation between phrase and name
    taken: list[tuple[int, int, str]] = []
    for begin, end, word in reversed(words):
        bare = strip_possessive(word)
        lower = word.lower()
        if (
            is_role_word(word)
            or lower in _MODIFIERS
            or word[:1].isupper()
            or (
                lower in _JOINERS
                and taken
                and (taken[-1][2][:1].isupper() or is_role_word(taken[-1][2]) or taken[-1][2] in _JOINERS)
            )
            or bare != word
        ):
            if text[end : taken[-1][0]].strip(" \u00a0") if taken else False:
                break  # a comma or dash between words ends the phrase
            taken.append((begin, end, word))
            if bare != word:
                break  # "Poland’s" starts the phrase
            continue
        break
    while taken and taken[-1][2].lower() in _JOINERS | _DETERMINERS:
        taken.pop()
    if not taken or not any(is_role_word(w) for _, _, w in taken):
        return None
    if not is_role_word(taken[0][2]) and not taken[0][2][:1].isupper():
        return None
    return text[taken[-1][0] : taken[0][1]].strip()


_HONORIFIC_ROLES = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "cpl": "corporal",
    "pvt": "private",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "pres": "president",
    "brig": "brigadier",
    "cllr": "councillor",
    "prof": "professor",
    "professor": "professor",
    "rabbi": "rabbi",
    "imam": "imam",
}
_HONORIFICS_BEFORE = re.compile(r"(?:\b([A-Z][a-z]+)\.?\s+)+$")


def honorific_role(text: str, start: int) -> str | None:
    """The role an abbreviated title states ("Gov. X" is a governor, "Lt. Col. X" a lieutenant colonel)."""
    match = _HONORIFICS_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return None
    roles: list[str] = []
    for word in re.findall(r"[A-Z][a-z]+", match.group()):
        role = _HONORIFIC_ROLES.get(word.lower())
        if role is None:
            roles.clear()  # "Former Gov." or a name word: only the titles right before the name count
            continue
        roles.append(role)
    return " ".join(roles) or None


def role_after(text: str, end: int) -> str | None:
    """The appositive role after the name at ``end`` ("…, chief of Russia’s general staff,")."""
    age = _AGE.match(text, end)
    if age:
        end = age.end() - 1
    match = _APPOSITIVE.match(text, end)
    if not match:
        return None
    role = match.group("role").strip()
    words = role.split()
    if not words or len(words) > 14 or not any(is_role_word(w.strip("’'")) for w in words[:6]):
        return None
    if words[0].lower() in _NOT_APPOSITIVE or _is_verb_form(words[0]):
        return None  # ", thanked the senator and …": a clause, not a role
    return role


def _is_verb_form(word: str) -> bool:
    """A lower-case past tense or participle opening a clause ("thanked", "speaking"), not a role phrase."""
    lower = word.lower()
    return word[:1].islower() and lower.endswith(("ed", "ing")) and lower not in _MODIFIERS | ROLE_NOUNS


_NOT_APPOSITIVE = word_set(
    """
    who which that said told and where when while as after before but because if since though although
    whose whom what how why then also now meanwhile however
    """
)
_HONORIFIC_WORDS = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
_ROLE_COMMA = re.compile(
    r"(?:^|[\s(])(?:(?:[Oo]ne\s+of\s+|[Aa]nother\s+of\s+)?(?:[Tt]he|[Tt]hose|[Tt]hese|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"|(?=[A-Z][\w.-]*['’]s\s))"
    r"(?P<role>(?:[A-Z][\w.-]*['’]s\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,7}?),\s+"
    rf"(?:(?:{_HONORIFIC_WORDS})\s+)*$"
)


def role_comma_before(text: str, start: int) -> str | None:
    """A role introduced before the name with a comma: "the commander of the Western Grouping, X"."""
    if "," not in text[max(0, start - 30) : start]:
        return None  # the comma must sit right before the name (or its title): skip the search
    match = _ROLE_COMMA.search(text, max(0, start - 90), start)
    if not match:
        return None
    role = match.group("role")
    words = role.split()
    return role if any(is_role_word(w) for w in words) and len(words) <= 8 else None


def _country_of(word: str) -> str | None:
    key = fold_key(strip_possessive(word))
    country = gazetteer().demonyms.get(key)
    if country:
        return country
    place = gazetteer().get(key)
    if place is not None and place.kind.value == "country":
        return place.country or place.name
    return None


@functools.lru_cache(maxsize=4096)
def role_signature(phrase: str) -> tuple[str | None, frozenset[str]]:
    """A role's country (by demonym, possessive or name) and its lower-cased role words."""
    country = None
    heads: set[str] = set()
    for word in _WORD.findall(phrase):
        found = _country_of(word)
        if found and country is None:
            country = found
        lower = strip_possessive(word).lower().strip(".")
        if is_role_word(lower) or lower in _MODIFIERS:
            heads.add(lower)
    return country, frozenset(heads)


def description_matches(description: str, role: str) -> int:
    """How well "the Ukrainian president" fits the stated role "Ukrainian President" (0 = not at all)."""
    d_country, d_words = role_signature(description)
    r_country, r_words = role_signature(role)
    d_heads = [w for w in d_words if w in ROLE_NOUNS]
    if not d_heads:
        return 0
    head = sorted(d_heads, key=lambda w: description.lower().rfind(w))[-1]
    accepted = _SYNONYMS.get(head, {head})
    if not accepted & r_words:
        return 0
    if d_country and r_country and d_country != r_country:
        return 0
    score = 2 + (2 if d_country and d_country == r_country else 0)
    return score + len((d_words - {head}) & r_words)


_PERSON_NOUNS = ROLE_NOUNS | word_set(
    """witness resident neighbour neighbor source friend relative survivor local mother father daughter son
    wife husband sister brother widow parent patient victim man woman person fan voter customer passenger"""
)
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")


def not_org_noun(word: str) -> bool:
    """Whether a description's head is neither an organisation nor a document ("statement")."""
    return word.lower().strip("’'") not in ORG_SPEAKER_NOUNS | _DOCUMENT_NOUNS


_DOCUMENT_NOUNS = word_set("statement report letter document filing post email study survey poll notice")


def person_noun(word: str) -> bool:
    """Whether a description's head names a person ("collector", "investor"), not a body ("firm")."""
    lower = word.lower().strip("’'")
    if lower in ORG_SPEAKER_NOUNS - {"spokesperson", "spokesman", "spokeswoman"}:
        return False
    return lower in _PERSON_NOUNS or lower.endswith(_PERSON_SUFFIXES)
