"""Small briefings built in code for the navigation, history, export and CLI tests.

The text is invented for these tests. Mentions are found with a plain
whole-word search so the tests do not depend on the extractor's rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from tui.model.document import Block, BlockKind, Briefing, Section
from tui.model.entities import Entity, EntityKind, Location, Mention, PlaceKind, Quote
from tui.model.library import Library

_QUOTE = re.compile(r"“[^”]*”")


def person(key: str, name: str, *aliases: str, role: str | None = None) -> Entity:
    """A person entity with id ``person:<key>``."""
    return Entity(f"person:{key}", EntityKind.PERSON, name, [name, *aliases], role=role)


def place(key: str, name: str, *aliases: str, kind: PlaceKind = PlaceKind.CITY) -> Entity:
    """A place entity with id ``place:<key>``."""
    return Entity(f"place:{key}", EntityKind.PLACE, name, [name, *aliases], place_kind=kind)


def make_briefing(
    key: str,
    sections: Sequence[tuple[str, Sequence[str]]],
    entities: Sequence[Entity] = (),
    speakers: Sequence[str | None] = (),
    date: dt.date | None = None,
    title: str | None = None,
) -> Briefing:
    """A briefing whose mentions are every whole-word alias occurrence and whose quotes are “...” runs.

    ``speakers`` gives the speaker id of each quote in reading order.
    """
    built = [
        Section(title, [Block(BlockKind.PARAGRAPH, text, line=i + 1) for i, text in enumerate(texts)])
        for title, texts in sections
    ]
    mentions: list[Mention] = []
    quotes: list[Quote] = []
    for s, section in enumerate(built):
        for b, block in enumerate(section.blocks):
            for entity in entities:
                aliases = sorted(set(entity.aliases), key=len, reverse=True)
                pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, aliases)) + r")(?:’s)?(?!\w)")
                for m in pattern.finditer(block.text):
                    mentions.append(Mention(entity.id, Location(s, b, m.start(), m.end()), m.group()))
            for m in _QUOTE.finditer(block.text):
                speaker = speakers[len(quotes)] if len(quotes) < len(speakers) else None
                quotes.append(Quote(m.group()[1:-1], (Location(s, b, m.start(), m.end()),), speaker))
    mentions.sort(key=lambda mention: mention.location)
    return Briefing(
        path=Path(key),
        title=title or key,
        sections=built,
        date=date,
        entities={entity.id: entity for entity in entities},
        mentions=mentions,
        quotes=quotes,
    )


def two_briefing_library() -> Library:
    """Two dated briefings sharing a mayor and a river town, with quotes by her."""
    mara = person("mara-lind", "Mara Lind", "Lind", role="mayor of Vessby")
    olek = person("olek-brandt", "Olek Brandt", "Brandt", role="harbour master")
    vessby = place("vessby", "Vessby", kind=PlaceKind.TOWN)
    first = make_briefing(
        "a.md",
        [
            ("Floods", ["Water rose in Vessby overnight. Mara Lind closed the bridge.",
                        "“We will open the shelters,” Lind said at dawn."]),
            ("Harbour", ["Olek Brandt kept the boats in port.", "Brandt said nothing about Lind."]),
        ],
        [mara, olek, vessby],
        speakers=["person:mara-lind"],
        date=dt.date(2024, 3, 1),
        title="Flood night",
    )
    second = make_briefing(
        "b.md",
        [("After", ["Lind toured Vessby again.", "Lind told reporters: “The bridge reopens Monday.”"])],
        [mara, vessby],
        speakers=["person:mara-lind"],
        date=dt.date(2024, 3, 5),
        title="The morning after",
    )
    library = Library()
    library.add([second, first])
    return library
