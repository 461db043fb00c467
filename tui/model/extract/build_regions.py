"""Generation-time helpers for :mod:`tui.model.extract.build_data`: subdivision and county names.

ISO 3166-2 (via ``pycountry``) names first-level subdivisions the way the
country writes them, often with a local type word ("Anhui Sheng",
"Gyeonggi-do", "Kurskaya oblast'") or an inverted form ("Bristol, City of").
English news drops those words, so the names are cleaned by general rules and
the cleaned form is stored with the original as an alias. Never imported at
run time.
"""

from __future__ import annotations

import re
from typing import Any

# Subdivision types too small or too numerous to help (Maltese local councils, Azerbaijani rayons).
SKIPPED_TYPES = frozenset(
    {
        "Municipality", "Local council", "Rural municipality", "Urban municipality", "Quarter", "Commune",
        "Administrative atoll", "Parish", "Rayon", "City", "City with county rights", "Town council",
        "Island council", "Ward", "Economic prefecture", "Chain (of islands)",
    }
)

# Local words for "province", "city", "region" and the like that trail a subdivision's name.
_TYPE_WORDS = re.compile(
    r"(?:[ -](?:Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Uygur|SAR|oblast'?|kray|krai|avtonomnyy okrug|okrug|"
    r"Respublika|teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi|do|ken|to|fu|"
    r"Region|Province|Governorate|District|County|State|Department))+$"
)
_KOREAN_HALF = re.compile(r"^(\w+?)(buk|nam)$")  # Gyeongsangbuk -> North Gyeongsang
_BRACKET = re.compile(r"\s*\[([^\]]+)\]")
_CODE = re.compile(r"\s*\b[A-Z]{2}-[A-Z0-9]{2,3}\b")


def clean_subdivision(raw: str) -> tuple[str, list[str]]:
    """The English-news form of an ISO subdivision name, with its other forms as aliases.

    >>> clean_subdivision("Gyeongsangbuk-do")
    ('North Gyeongsang', ['Gyeongsangbuk-do', 'Gyeongsangbuk'])
    >>> clean_subdivision("Bristol, City of")
    ('Bristol', ['Bristol, City of'])
    """
    aliases: list[str] = []
    for bracket in _BRACKET.findall(raw):
        variant = _CODE.sub("", bracket).strip()
        if variant:
            aliases.append(variant)
    name = _BRACKET.sub("", raw).strip()
    if ", " in name:  # "Asturias, Principado de", "Bristol, City of"
        aliases.append(name)
        name = name.split(", ", 1)[0]
    bare = _TYPE_WORDS.sub("", name).strip(" -")
    if bare and bare != name:
        aliases.append(name)
        name = bare
    half = _KOREAN_HALF.match(name)
    if half and name[:1].isupper():
        aliases.append(name)
        name = f"{'North' if half.group(2) == 'buk' else 'South'} {half.group(1)}"
    if name.startswith(("Al ", "Al-", "El ")) and len(name) > 6:
        aliases.append(name[3:])  # "Al Karak" is also "Karak"
    return name, [a for a in dict.fromkeys(aliases) if a != name]


def subdivision_rows() -> list[tuple[str, str, list[str]]]:
    """(name, country code, aliases) for first-level subdivisions, and every UK county or authority."""
    import pycountry  # generation-time only; LGPL-2.1 data, not shipped

    rows: list[tuple[str, str, list[str]]] = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        country = sub.country_code
        first_level = sub.parent_code is None or sub.parent_code == country
        if sub.type in SKIPPED_TYPES or not (first_level or country == "GB"):
            continue
        name, aliases = clean_subdivision(sub.name)
        if len(name) < 3 or not name[:1].isupper():
            continue
        rows.append((name, country, aliases))
    return rows


def us_county_rows(cache: Any) -> list[str]:
    """US counties and Louisiana parishes by full name ("Cameron Parish"): never a bare common word."""
    return sorted({county["name"] for county in cache.get_us_counties() if county["name"][:1].isupper()})
