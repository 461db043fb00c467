"""Annotation of a briefing: declared entities and quotes, plus what the extractor finds.

The one entry point is :func:`annotate`. It never raises on odd text; it returns
entities keyed by id, mentions in reading order (exact spans: the text at a
span is one of the entity's aliases, possessive allowed) and quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.model.document import BlockKind, Section
from tui.model.entities import Entity, EntityKind, Location, Mention, Quote
from tui.model.extract.names import entity_id

if TYPE_CHECKING:
    from tui.model.extract.classify import Decision
    from tui.model.extract.quotes import RawQuote
    from tui.model.extract.registry import Block, Registry
    from tui.model.extract.speakers import Speakers

# The extractor proper (gazetteer, lexicons, classifier: ~100 ms to import) is imported by the
# functions that use it, so importing ``tui.model.extract.names`` (the library's fold keys) or
# ``DeclaredQuote`` stays cheap and the reader can paint a cached briefing before it is needed.


@dataclass(frozen=True, slots=True)
class DeclaredQuote:
    """A quote from front matter: its text and the speaker's name as written there."""

    text: str
    speaker: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Annotations:
    """What :func:`annotate` found: entities by id, mentions and quotes in reading order."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def annotate(
    sections: Sequence[Section],
    declared: Sequence[Entity] = (),
    declared_quotes: Sequence[DeclaredQuote] = (),
    *,
    extract: bool = True,
) -> Annotations:
    """Annotate sections: declared entities first, then (if ``extract``) what the text yields.

    Credits blocks are skipped. Never raises on odd text: the worst a strange
    paragraph can do is yield nothing.
    """
    from tui.model.extract.quotes import find_raw_quotes
    from tui.model.extract.registry import Registry, alias_mentions
    from tui.model.extract.speakers import Speakers, people_of

    blocks: list[Block] = [
        (s_index, b_index, block.text)
        for s_index, section in enumerate(sections)
        for b_index, block in enumerate(section.blocks)
        if block.kind is not BlockKind.CREDITS
    ]
    texts = [text for _, _, text in blocks]
    registry = Registry()
    for entity in declared:
        registry.declare(entity)
    if extract:
        _extract_entities(texts, registry)
    built = registry.entities()
    result = Annotations()
    for entity in built.values():
        result.entities.setdefault(entity.id, entity)
    mentions = alias_mentions(blocks, registry, built)
    result.mentions = sorted(mentions, key=lambda mention: mention.location)
    quotes = _declared_quotes(blocks, declared_quotes, registry, built, result.warnings)
    if extract:
        flat_of = {(s_index, b_index): flat for flat, (s_index, b_index, _) in enumerate(blocks)}
        raws = find_raw_quotes(texts)
        quoted: dict[int, list[tuple[int, int]]] = {}
        for raw in raws:
            for segment in raw.segments:
                quoted.setdefault(segment.block, []).append((segment.start, segment.end))
        speakers = Speakers(texts, result.mentions, people_of(result.entities), flat_of, quoted)
        found = _extracted_quotes(blocks, texts, raws, speakers)
        quotes.extend(q for q in found if not _overlaps(q, quotes))
    result.quotes = sorted(quotes, key=lambda quote: quote.location)
    return result


def _extract_entities(texts: Sequence[str], registry: Registry) -> None:
    """Decide every run, then add people and places (fullest names first) and link bare surnames."""
    from tui.model.extract.candidates import runs
    from tui.model.extract.classify import Kind, decide

    decisions: list[Decision] = []
    for index, text in enumerate(texts):
        decisions.extend(decide(run, text) for run in runs(index, text))
    decided = [d for d in decisions if d.kind in (Kind.PERSON, Kind.PLACE) and d.strong]
    order = {id(d): n for n, d in enumerate(decisions)}
    decided.sort(key=lambda d: (d.kind is not Kind.PERSON, -len(d.tokens), order[id(d)]))
    for decision in decided:
        registry.add(decision, order[id(decision)])
    for decision in decisions:
        if decision.kind is Kind.UNKNOWN or (decision.kind is Kind.PERSON and not decision.strong):
            registry.link(decision)


def _extracted_quotes(
    blocks: Sequence[Block], texts: Sequence[str], raws: Sequence[RawQuote], speakers: Speakers
) -> list[Quote]:
    """Quotes that pass as speech, each with its speaker, in reading order."""
    from tui.model.extract.quotes import is_speech

    quotes: list[Quote] = []
    previous: tuple[RawQuote, str | None] | None = None
    previous_raw: RawQuote | None = None
    for raw in raws:
        speech = is_speech(raw, texts, previous_raw)
        previous_raw = raw
        if not speech:
            continue
        speaker = speakers.attribute(raw, previous)
        previous = (raw, speaker)
        spans = tuple(Location(blocks[s.block][0], blocks[s.block][1], s.start, s.end) for s in raw.segments)
        quotes.append(Quote(raw.text(texts), spans, speaker))
    return quotes


def _overlaps(quote: Quote, others: Sequence[Quote]) -> bool:
    for other in others:
        for a in quote.spans:
            for b in other.spans:
                if (a.section, a.block) == (b.section, b.block) and a.start < b.end and b.start < a.end:
                    return True
    return False


_SPACES = re.compile(r"\s+")
_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _declared_quotes(
    blocks: Sequence[Block],
    declared: Sequence[DeclaredQuote],
    registry: Registry,
    built: dict[int, Entity],
    warnings: list[str],
) -> list[Quote]:
    """Locate each front-matter quote in the text and resolve its speaker to a person id."""
    quotes: list[Quote] = []
    for item in declared:
        needle = _SPACES.sub(" ", item.text.strip().strip('"“”')).translate(_QUOTE_CHARS)
        speaker_id: str | None = None
        if item.speaker:
            group = registry.find(EntityKind.PERSON, item.speaker.strip())
            speaker_id = (
                built[id(group)].id if group is not None else entity_id(EntityKind.PERSON, item.speaker)
            )
        location = None
        for s_index, b_index, text in blocks if needle else ():
            at = text.translate(_QUOTE_CHARS).find(needle)
            if at >= 0:
                location = Location(s_index, b_index, at, at + len(needle))
                break
        if location is None:
            warnings.append(f"declared quote not found in the text: {item.text[:60]!r}")
            continue
        quotes.append(Quote(item.text, (location,), speaker_id, declared=True))
    return quotes


__all__ = ["Annotations", "DeclaredQuote", "Quote", "annotate"]
