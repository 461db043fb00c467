"""Annotations to compare: gold files written by hand, and what the extractor predicted.

Both sides share one shape, the per-briefing part of ``briefing extract --format
json`` (``people``, ``places``, ``quotes``), so a gold file can be started from
the extractor's own output and corrected by hand. Gold files may add an
``ignore`` list (names that count neither way: facilities, names that only
occur inside other names) and an ``ignore_quotes`` list (quoted text that is
neither required nor a false positive, for genuinely ambiguous marks).

Gold files are read strictly, because a typo in a gold file silently skews
every figure; predictions are read leniently, because the harness must score
whatever the extractor produces, even a half-finished one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PLACE_KINDS = ("country", "region", "city", "town", "river", "area", "other")
_ENTITY_KEYS = {"name", "aliases", "role", "kind", "mentions", "note"}
_QUOTE_KEYS = {"speaker", "text", "note"}
_TOP_KEYS = {"people", "places", "quotes", "ignore", "ignore_quotes", "note"}


class GoldError(ValueError):
    """A gold file that cannot be used, with the file and what is wrong in it."""


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """A person or place: canonical name, other surface forms, and the role or place kind."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    kind: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every form that identifies the entity, canonical name first."""
        return (self.name, *(alias for alias in self.aliases if alias != self.name))


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """Quoted words (without the marks) and the speaker's canonical name, or None."""

    text: str
    speaker: str | None = None


@dataclass(slots=True)
class Annotation:
    """The people, places and quotes of one text, plus what the scorer must not count."""

    people: list[NamedEntity] = field(default_factory=list)
    places: list[NamedEntity] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    ignore_quotes: list[str] = field(default_factory=list)


def load_gold(path: Path) -> Annotation:
    """Read and validate a ``NAME.gold.json`` file; raise :class:`GoldError` naming the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
    try:
        return gold_from_dict(data)
    except GoldError as exc:
        raise GoldError(f"{path}: {exc}") from exc


def gold_from_dict(data: object) -> Annotation:
    """Validate a parsed gold document strictly: known keys, right types, no empty names."""
    top = _mapping(data, "the gold file", _TOP_KEYS)
    people = [_gold_entity(item, f"people[{i}]", place=False) for i, item in enumerate(_list(top, "people"))]
    places = [_gold_entity(item, f"places[{i}]", place=True) for i, item in enumerate(_list(top, "places"))]
    quotes = [_gold_quote(item, f"quotes[{i}]") for i, item in enumerate(_list(top, "quotes"))]
    ignore = _strings(top.get("ignore", []), "ignore")
    ignore_quotes = _strings(top.get("ignore_quotes", []), "ignore_quotes")
    speakers = {person.name for person in people}
    for index, quote in enumerate(quotes):
        if quote.speaker is not None and quote.speaker not in speakers:
            raise GoldError(
                f"quotes[{index}]: speaker {quote.speaker!r} is not the name of a person in 'people'"
            )
    return Annotation(people, places, quotes, ignore, ignore_quotes)


def prediction_from_dict(data: Mapping[str, Any]) -> Annotation:
    """Read one briefing of ``briefing extract`` output leniently: skip what is malformed."""
    people = [_loose_entity(item) for item in _loose_list(data.get("people"))]
    places = [_loose_entity(item) for item in _loose_list(data.get("places"))]
    quotes: list[QuoteRecord] = []
    for item in _loose_list(data.get("quotes")):
        text = item.get("text")
        speaker = item.get("speaker")
        if isinstance(text, str) and text.strip():
            quotes.append(QuoteRecord(text, speaker if isinstance(speaker, str) and speaker else None))
    return Annotation(
        people=[entity for entity in people if entity is not None],
        places=[entity for entity in places if entity is not None],
        quotes=quotes,
    )


def _gold_entity(item: object, where: str, *, place: bool) -> NamedEntity:
    entry = _mapping(item, where, _ENTITY_KEYS)
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise GoldError(f"{where}: 'name' must be a non-empty string")
    aliases = tuple(_strings(entry.get("aliases", []), f"{where}.aliases"))
    role = entry.get("role")
    if role is not None and not isinstance(role, str):
        raise GoldError(f"{where}: 'role' must be a string or null")
    kind = entry.get("kind")
    if place:
        if kind not in PLACE_KINDS:
            raise GoldError(f"{where}: 'kind' must be one of {', '.join(PLACE_KINDS)}, not {kind!r}")
    elif kind is not None:
        raise GoldError(f"{where}: people have a 'role', not a 'kind'")
    return NamedEntity(name, aliases, role or None, kind)


def _gold_quote(item: object, where: str) -> QuoteRecord:
    entry = _mapping(item, where, _QUOTE_KEYS)
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f"{where}: 'text' must be a non-empty string")
    speaker = entry.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
        raise GoldError(f"{where}: 'speaker' must be a person's name or null")
    return QuoteRecord(text, speaker)


def _mapping(value: object, where: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise GoldError(f"{where} must be a JSON object")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise GoldError(f"{where}: unknown key(s) {', '.join(unknown)}")
    return value


def _list(top: Mapping[str, Any], key: str) -> list[Any]:
    value = top.get(key, [])
    if not isinstance(value, list):
        raise GoldError(f"'{key}' must be a list")
    return value


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise GoldError(f"'{where}' must be a list of non-empty strings")
    return list(value)


def _loose_list(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _loose_entity(item: Mapping[str, Any]) -> NamedEntity | None:
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    raw_aliases = item.get("aliases")
    aliases = tuple(a for a in raw_aliases if isinstance(a, str)) if isinstance(raw_aliases, list) else ()
    role = item.get("role")
    kind = item.get("kind")
    return NamedEntity(
        name,
        aliases,
        role if isinstance(role, str) and role else None,
        kind if isinstance(kind, str) and kind else None,
    )
