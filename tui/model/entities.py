"""People, places, their mentions in the text, and quotes with their speakers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityKind(StrEnum):
    """The two kinds of entity the reader tracks."""

    PERSON = "person"
    PLACE = "place"


class PlaceKind(StrEnum):
    """What sort of place an entity is."""

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    TOWN = "town"
    RIVER = "river"
    AREA = "area"
    OTHER = "other"


class Origin(StrEnum):
    """Where an annotation came from: the author's front matter wins over the extractor."""

    DECLARED = "declared"
    EXTRACTED = "extracted"


@dataclass(slots=True)
class Entity:
    """A person or place within one briefing (or, in the library index, across briefings).

    ``aliases`` are the surface forms that mention it (the canonical ``name``
    included); ``role`` is what the text says the person is, or a description
    of the place.
    """

    id: str
    kind: EntityKind
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    place_kind: PlaceKind | None = None
    country: str | None = None
    coords: tuple[float, float] | None = None
    origin: Origin = Origin.EXTRACTED
    note: str | None = None


TITLE, BYLINE, SUMMARY, HEADING = -4, -3, -2, -1
"""The ``block`` of a location (a search match) in the briefing's title, byline or summary (section 0),
or in a section's heading: offsets in that text on one line (:func:`tui.model.textsearch.text_at`)."""


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A span of text: ``blocks[block].text[start:end]`` in ``sections[section]`` of a briefing.

    Orders in reading order within one briefing (title, summary, then each heading before its blocks).
    """

    section: int
    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in a briefing's text.

    Exact by construction: ``text`` equals the block text at ``location`` and is
    one of the entity's aliases (or an alias with a possessive ending).
    """

    entity_id: str
    location: Location
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted speech and who said it.

    ``spans`` has one location per block the quote covers (a quote can run over
    several paragraphs); ``speaker_id`` is an entity id or ``None`` when the
    speaker is anonymous, an organisation, or unknown.
    """

    text: str
    spans: tuple[Location, ...]
    speaker_id: str | None = None
    declared: bool = False

    @property
    def location(self) -> Location:
        """Where the quote starts."""
        return self.spans[0]
