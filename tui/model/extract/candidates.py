"""Capitalised name sequences in a block, cut into role prefix and name, with their context.

One compiled regex finds every run of capitalised words (with initials,
acronyms, "O’Brien", "Jean-Claude", "al-Assad" and particles such as "von der"
inside); everything after that is a few dictionary look-ups per run, which is
what keeps extraction fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.model.extract.gazetteer import first_names, gazetteer
from tui.model.extract.lexicon import (
    ADJECTIVE_TITLES,
    COMPASS_WORDS,
    FEATURE_HEADS,
    GEO_TAILS,
    HONORIFICS,
    HYPHEN_SUFFIXES,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_WORDS,
    PARTY_WORDS,
    TITLE_WORDS,
)
from tui.model.extract.names import fold_key
from tui.model.extract.place_context import PLACE_TAILS

_UP = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper() and ch.isalpha())
_LO = "a-z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.islower() and ch.isalpha())
_PARTICLE = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
_SUFFIX = "|".join(sorted(HYPHEN_SUFFIXES, key=len, reverse=True))
# After a capitalised word: "-Claude", "-Reid" (double-barrelled), or a short lower-case syllable of a
# Korean given name ("Eun-ji", "Sang-woo") that is not an English compounding word ("Kyiv-based").
_TOWN_INFIX = r"(?:on|upon|under|sur|en|le|la|lès|les|de|du|am|an|im|in|by|the|over)"
"""The lower-case middle of a hyphenated town name: "Stratford-upon-Avon", "Boulogne-sur-Mer"."""
_HYPHENATED = (
    rf"(?:-[{_UP}][{_LO}]+|-{_TOWN_INFIX}-[{_UP}][{_LO}]+"
    rf"|-(?!(?:{_SUFFIX})(?![{_LO}]))[{_LO}]{{1,5}}(?![{_LO}-]))*"
)
# An apostrophe inside a name ("Ma’an", "Sana'a"), never a possessive or a contraction.
_INNER_APOSTROPHE = rf"(?:['’](?!(?:s|t|d|m|ll|re|ve)(?![{_LO}]))[{_LO}]+)?"
_TOKEN = (
    r"(?:(?:Gov|Sen|Rep|Gen|Brig|Lt|Col|Maj|Capt|Sgt|Adm|Cllr|Dr|Mr|Mrs|Ms|Prof|St|Rev)\.(?=[ \u00a0])"
    rf"|(?:[{_UP}]\.){{2,}}"  # U.S., U.K., L.S.
    rf"|(?:al|el|ad|as|ash|at|az|an|ar)-[{_UP}][{_LO}]+{_HYPHENATED}"  # al-Assad
    rf"|(?:Mc|Mac|O['’]|D['’]|Di|De|Le|La)[{_UP}][{_LO}]+{_HYPHENATED}"  # McDonald, O’Rourke-Bennett
    rf"|[{_UP}][{_LO}]+{_INNER_APOSTROPHE}{_HYPHENATED}"  # Putin, Jean-Claude, Ma’an, Eun-ji
    rf"|[{_UP}]{{2,}}(?![{_LO}])"  # CIA, NATO
    rf"|[{_UP}]\.(?=\s[{_UP}]))"  # J. (an initial before another name word)
)
# "Gulf of Aqaba", "Isle of Wight": a feature word joined to its name by "of".
_OF_HEAD = r"(?:(?:Gulf|Bay|Sea|Isle|Strait|Straits|Lake|Cape|Vale)[ \u00a0]of[ \u00a0](?:the[ \u00a0])?)?"
_SEQUENCE = re.compile(
    rf"(?<![\w’'.-]){_OF_HEAD}{_TOKEN}(?:[ \u00a0](?:(?:{_PARTICLE})[ \u00a0])*{_TOKEN})*(?![\w])"
)
_TOKEN_SPLIT = re.compile(rf"{_TOKEN}")
_ACRONYM = re.compile(rf"(?:[{_UP}]\.){{2,}}$|[{_UP}]{{2,3}}$")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")
_PARTY_TAG = re.compile(r"\((?:D|R|I|L|G|Ind)-([A-Z][\w’'.]*(?:[ \u00a0][A-Z][\w’'.]*){0,3})\)")
"""A US party tag, "(D-Ore.)" or "(R-Grand Junction)": the state or town a politician represents."""
_TOWN_HYPHEN = re.compile(rf"[{_UP}][{_LO}]+-{_TOWN_INFIX}-[{_UP}]")
_OPENERS = " \u00a0\t\"“‘'(["
_CLOSERS = '”’")]'


@dataclass(slots=True)
class Run:
    """One capitalised run: the name part (``start:end`` in the block), the prefix words cut off it.

    ``prefix`` holds title/demonym/honorific words that stood before the name
    inside the run ("Russian President" in "Russian President Vladimir Putin").
    """

    block: int
    start: int
    end: int
    text: str
    tokens: list[str]
    prefix: list[str]
    honorific: bool
    sentence_initial: bool
    possessive: bool
    shape: str = ""  # "feature", "party" or "town": the form alone makes it a place ("Col du X")


def _is_title(token: str) -> bool:
    return token in TITLE_WORDS or token in HONORIFICS


def _is_country(token: str) -> bool:
    place = gazetteer().get(fold_key(token))
    return place is not None and place.kind.value == "country"


def _is_demonym_or_country(token: str) -> bool:
    return fold_key(token) in gazetteer().demonyms or _is_country(token)


def _place_starts(tokens: list[str], cut: int) -> bool:
    """Whether a multi-word gazetteer place begins at ``tokens[cut]``."""
    places = gazetteer()
    return any(
        places.get(fold_key(" ".join(tokens[cut : cut + width]))) is not None
        for width in range(2, min(places.max_words, len(tokens) - cut) + 1)
    )


def _institution_title(tokens: list[str]) -> int:
    """Where the name starts after an institution's title: "Senate Majority Leader Frank Delgado" -> 3."""
    titles = [i for i, t in enumerate(tokens[:-1]) if t in TITLE_WORDS]
    if not titles or not any(t in ORG_WORDS or (t.isupper() and len(t) > 1) for t in tokens[: titles[-1]]):
        return 0
    end = titles[-1] + 1
    head = tokens[:end]
    ok = (t in ORG_WORDS or t in TITLE_WORDS or t.isupper() or _is_demonym_or_country(t) for t in head)
    return end if all(ok) else 0


def _glued_title(tokens: list[str], cut: int) -> int:
    """Where the name starts after a long capitalised title: "Emergency Preparedness Minister X Y" -> 3.

    The last title noun ("Minister", "Inspector") with a name of two or three words after it ends the
    role, whatever capitalised words qualify it ("Sports", "Detective"); one word after it must be
    a known first name. Adjective titles ("State", "General") never end a role.
    """
    for index in range(len(tokens) - 2, cut - 1, -1):
        token = tokens[index]
        if token in TITLE_WORDS and token not in ADJECTIVE_TITLES:
            name = tokens[index + 1 :]
            plain = not any(t in TITLE_WORDS or t in ORG_WORDS or t in NOT_NAMES for t in name)
            if plain and (len(name) in (2, 3) or first_names().get(name[0]) is not None) and index > cut:
                return index + 1
            return cut
    return cut


def _shape(text: str, tokens: list[str], offsets: list[int]) -> str:
    """A place by its form alone: "Col du X" / "Vale of X" (feature head and particle), "X-on-Y"."""
    if len(tokens) >= 2 and tokens[0] in FEATURE_HEADS:
        between = text[offsets[0] + len(tokens[0]) : offsets[1]].split()
        if between and between[0] in NAME_PARTICLES | {"of", "d’", "d'"}:
            return "feature"
    if len(tokens) == 1 and _TOWN_HYPHEN.match(tokens[0]):
        return "town"
    return ""


def sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence (so its capital says nothing about a name)."""
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    if i == 0:
        return True
    if text[i - 1] in _CLOSERS and i > 1:
        i -= 1
    return text[i - 1] in ".!?:…—-|" and not (text[i - 1] == "." and i > 2 and text[i - 3] in " .")


def _party_places(block: int, text: str) -> tuple[list[Run], list[tuple[int, int]]]:
    """Places inside party tags ("(R-Grand Junction)"): never a person; the tags' spans to skip."""
    found: list[Run] = []
    spans: list[tuple[int, int]] = []
    for match in _PARTY_TAG.finditer(text) if "-" in text else ():
        spans.append(match.span())
        name = match.group(1)
        if not name.endswith(".") and not (name.isupper() and len(name) <= 3):  # "Ore.", "OR": abbreviations
            at, tokens = match.start(1), name.split()
            found.append(Run(block, at, match.end(1), name, tokens, [], False, False, False, "party"))
    return found, spans


def _place_pair(token: str) -> list[str]:
    """ "Utah-Arizona": two known places joined by a hyphen (a border, a route), each a place."""
    parts = token.split("-")
    if len(parts) != 2 or gazetteer().get(fold_key(token)) is not None:
        return []
    places = [gazetteer().get(fold_key(part)) for part in parts]
    return parts if all(p is not None and not p.ambiguous for p in places) else []


_LOOKAHEAD = 32
"""How far past a token its regex may look: "J." before a name, "-based" after one (a few characters)."""


def _split(text: str, start: int, end: int, limit: int | None = None) -> list[re.Match[str]]:
    """The tokens of the run at ``start:end``, searched for in ``text`` up to ``limit``.

    Split in the text (not the run alone), so lookaheads ("J." before a name)
    still see what follows, but by default only a little past the run: searching
    on to the next token anywhere after it scanned the rest of the paragraph once
    per run, with the tokens' many alternatives tried at every position. A token
    that reaches that limit is split again in the whole text, so the cut never
    changes a token.
    """
    if limit is None:
        limit = min(len(text), end + _LOOKAHEAD)
        first = _TOKEN_SPLIT.match(text, start, limit)
        if first is not None and first.end() == end:
            return [first]  # one token, the whole run (most runs): no search on for a second
    found: list[re.Match[str]] = []
    for piece in _TOKEN_SPLIT.finditer(text, start, limit):
        if piece.start() >= end:
            break
        if piece.end() == limit < len(text):
            return _split(text, start, end, len(text))
        if piece.end() <= end:
            found.append(piece)
    return found


def runs(block: int, text: str) -> Iterator[Run]:
    """Every capitalised run in ``text`` with role prefix and honorific split off."""
    tagged, tags = _party_places(block, text)
    yield from tagged
    for match in _SEQUENCE.finditer(text):
        start, end = match.span()
        if tags and any(a <= start < b for a, b in tags):
            continue
        found = _split(text, start, end)
        if not found:
            continue
        tokens = [t.group() for t in found]
        offsets = [t.start() for t in found]
        if len(tokens) > 1 and tokens[-1] in PARTY_WORDS:  # "an Ohio Democrat": the place, not a name
            end = offsets[-2] + len(tokens[-2])
            tokens, offsets = tokens[:-1], offsets[:-1]
        # "U.S. Gulf Coast", "UK Treasury": the country is mentioned, and the rest stands alone
        # (before a title, "U.S. President", the prefix loop below yields the country).
        acronym_country = len(tokens) > 1 and _ACRONYM.match(tokens[0]) and _is_country(tokens[0])
        if acronym_country and not _is_title(tokens[1]):
            yield Run(block, start, start + len(tokens[0]), tokens[0], [tokens[0]], [], False, False, False)
            tokens, offsets, start = tokens[1:], offsets[1:], offsets[1]
        initial = sentence_initial(text, start)
        shape = _shape(text, tokens, offsets)
        if shape:
            yield Run(block, start, end, text[start:end], tokens, [], False, initial, False, shape)
            continue
        if len(tokens) == 1 and "-" in tokens[0]:
            pair = _place_pair(tokens[0])
            for part, at in zip(pair, (start, start + len(pair[0]) + 1) if pair else (), strict=True):
                yield Run(block, at, at + len(part), part, [part], [], False, False, False)
            if pair:
                continue
        prefix: list[str] = []
        honorific = False
        cut = 0
        # Leading sentence words ("The", "During"), titles and demonyms are not the name,
        # unless they begin a place name ("Saudi Arabia", "South Korea").
        while cut < len(tokens) - 1:
            token = tokens[cut]
            if _place_starts(tokens, cut) or (cut == len(tokens) - 2 and tokens[-1] in GEO_TAILS):
                break  # "East Sussex", "Scottish Highlands": the first word belongs to the place
            if token in COMPASS_WORDS and (tokens[-1] in PLACE_TAILS or tokens[-1] in GEO_TAILS):
                break  # "North Thompson River", "Western Slope": the compass word is part of the name
            if token in ADJECTIVE_TITLES and not (
                _is_title(tokens[cut + 1]) or _is_demonym_or_country(tokens[cut + 1])
            ):
                break  # "Grand Slam", "State Street": an adjective title only counts before a title noun
            if token in HONORIFICS:
                honorific = True
            elif _is_country(token) and not (
                _is_title(tokens[cut + 1]) or _is_demonym_or_country(tokens[cut + 1])
            ):
                break  # "Jordan Mbeki": a country word is cut off only before a title ("U.S. President")
            elif not (
                token in NOT_NAMES
                or _is_title(token)
                or _is_demonym_or_country(token)
                or token in NAME_PARTICLES
            ):
                break
            if _is_country(token):  # "U.S. President Donald Trump" also mentions the U.S.
                yield Run(
                    block, offsets[cut], offsets[cut] + len(token), token, [token], [], False, False, False
                )
            prefix.append(token)
            cut += 1
        if cut == 0:
            cut = _institution_title(tokens)
            prefix = tokens[:cut]
        if len(tokens) - cut > 2:
            glued = _glued_title(tokens, cut)
            prefix, cut = prefix + tokens[cut:glued], glued
        if cut and tokens[cut] in NAME_PARTICLES:
            continue
        if cut:
            initial = False
        name_start = offsets[cut]
        possessive = _POSSESSIVE_AFTER.match(text, end)
        yield Run(
            block,
            name_start,
            end,
            text[name_start:end],
            tokens[cut:],
            prefix,
            honorific,
            initial,
            possessive is not None,
        )
