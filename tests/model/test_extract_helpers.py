"""Shared helpers for the extractor tests (no tests here): build sections from paragraphs, look things up."""

from __future__ import annotations

from tui.model.document import Block, BlockKind, Section
from tui.model.entities import Entity, EntityKind, Quote
from tui.model.extract import Annotations, annotate


def run(*paragraphs: str) -> Annotations:
    """Annotate one section made of these paragraphs."""
    return annotate([Section("Test", [Block(BlockKind.PARAGRAPH, p) for p in paragraphs])], extract=True)


def people(result: Annotations) -> dict[str, Entity]:
    """People by canonical name."""
    return {e.name: e for e in result.entities.values() if e.kind is EntityKind.PERSON}


def places(result: Annotations) -> dict[str, Entity]:
    """Places by canonical name."""
    return {e.name: e for e in result.entities.values() if e.kind is EntityKind.PLACE}


def mention_texts(result: Annotations, name: str) -> list[str]:
    """The mention texts of the entity with this canonical name, in reading order."""
    ids = {e.id for e in result.entities.values() if e.name == name}
    return [m.text for m in result.mentions if m.entity_id in ids]


def speaker_name(result: Annotations, quote: Quote) -> str | None:
    """The canonical name of a quote's speaker (None when anonymous or an organisation)."""
    if quote.speaker_id is None:
        return None
    return result.entities[quote.speaker_id].name


def quote_with(result: Annotations, fragment: str) -> Quote:
    """The one quote containing ``fragment``."""
    found = [q for q in result.quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in result.quotes]
    return found[0]
