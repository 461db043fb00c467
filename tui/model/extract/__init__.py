"""Annotation of a briefing: declared entities and quotes, plus what the extractor finds.

The one entry point is :func:`annotate`. It never raises on odd text; it returns
entities keyed by id, mentions in reading order (exact spans: the text at a
span is one of the entity's aliases, possessive allowed) and quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.model.document import BlockKind, Section
from tui.model.entities import Entity, Location, Mention, Quote


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

    First version: declared entities only, with every exact mention found.
    """
    result = Annotations(entities={entity.id: entity for entity in declared})
    for entity in declared:
        result.mentions.extend(find_mentions(sections, entity))
    result.mentions.sort(key=lambda mention: mention.location)
    return result


def find_mentions(sections: Sequence[Section], entity: Entity) -> list[Mention]:
    """Every whole-word occurrence of any alias of ``entity`` (possessive allowed)."""
    aliases = sorted({alias for alias in [entity.name, *entity.aliases] if alias.strip()}, key=len, reverse=True)
    if not aliases:
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(alias) for alias in aliases) + r")(?:['’]s?)?(?!\w)"
    )
    found: list[Mention] = []
    for s_index, section in enumerate(sections):
        for b_index, block in enumerate(section.blocks):
            if block.kind is BlockKind.CREDITS:
                continue
            for match in pattern.finditer(block.text):
                location = Location(s_index, b_index, match.start(), match.end())
                found.append(Mention(entity.id, location, match.group()))
    return found


__all__ = ["Annotations", "DeclaredQuote", "Quote", "annotate", "find_mentions"]
