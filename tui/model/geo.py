"""Where the places of a briefing (or the library) are, and which part of the world shows them.

A place gets its point from, in order: the front matter's ``coords`` (or the
extractor's, which come from the gazetteer), the gazetteer under any of its
names, and, for a country, the centroid of its largest land area (shipped with
the map outlines, :mod:`tui.model.build_map`). A place none of these knows is
kept, in a list of its own, so the map can say what it could not place instead
of silently dropping it.

The view is an equirectangular window onto the globe: the markers' bounding
box with a margin, widened to the canvas's shape, with longitudes scaled by the
cosine of the middle latitude so a region at 50°N is not stretched sideways.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from tui.model.document import Briefing
from tui.model.entities import Entity, EntityKind, PlaceKind
from tui.model.extract.gazetteer import gazetteer_place
from tui.model.extract.names import fold_key
from tui.model.library import Library

Coords = tuple[float, float]
"""(latitude, longitude) in degrees."""

DATA_FILE = "world.txt.gz"
MARGIN = 0.25
"""The view's margin around the markers, as a share of their span on each side."""
MIN_SPAN = 12.0
"""The smallest view, in degrees of latitude: one city still shows its coast or neighbours."""


class Source(StrEnum):
    """Where a place's point came from (shown beside it, so an estimate is not taken for a fact)."""

    STATED = "stated"
    GAZETTEER = "gazetteer"
    CENTROID = "centroid"


@dataclass(frozen=True, slots=True)
class MapPlace:
    """A place to show: its library-wide id, name, kind, point (if any) and where the point came from."""

    entity_id: str
    name: str
    kind: PlaceKind | None
    coords: Coords | None
    source: Source | None
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class View:
    """A window onto the globe: south, west, north and east edges in degrees."""

    south: float
    west: float
    north: float
    east: float

    @property
    def span_lat(self) -> float:
        """Degrees of latitude from bottom to top."""
        return self.north - self.south

    @property
    def span_lon(self) -> float:
        """Degrees of longitude from left to right."""
        return self.east - self.west

    def contains(self, coords: Coords) -> bool:
        """Whether a point falls inside the window (edges included)."""
        lat, lon = coords
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def project(self, coords: Coords, width: float, height: float) -> tuple[float, float]:
        """A point's (x, y) on a canvas of ``width`` by ``height`` (y grows downwards)."""
        lat, lon = coords
        return ((lon - self.west) / self.span_lon * width, (self.north - lat) / self.span_lat * height)


WORLD = View(-60.0, -180.0, 84.0, 180.0)
"""The inhabited world (Antarctica left out: no briefing is about it, and it eats a third of the height)."""


# -- the shipped data ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outline:
    """One coastline or border line: its points in hundredths of a degree and its bounding box."""

    lats: tuple[int, ...]
    lons: tuple[int, ...]
    box: tuple[int, int, int, int]
    """south, west, north, east in hundredths of a degree."""


@dataclass(frozen=True, slots=True)
class WorldData:
    """The shipped outlines by (kind, level), e.g. ``("coast", "fine")``; country centroids by fold key."""

    lines: dict[tuple[str, str], tuple[Outline, ...]]
    centroids: dict[str, Coords]


def parse_world(text: str) -> WorldData:
    """Read the outline file (see :mod:`tui.model.build_map` for its format)."""
    lines: dict[tuple[str, str], list[Outline]] = {}
    centroids: dict[str, Coords] = {}
    section: tuple[str, str] | None = None
    in_centroids = False
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("== "):
            words = line[3:].split()
            in_centroids = words == ["centroids"]
            section = (words[0], words[1]) if len(words) == 2 else None
            if section is not None:
                lines.setdefault(section, [])
        elif in_centroids:
            name, lat, lon = line.split("\t")
            centroids.setdefault(fold_key(name), (float(lat), float(lon)))
        elif section is not None:
            numbers = [int(n) for n in line.split()]
            lats = _running_sum(numbers[0::2])
            lons = _running_sum(numbers[1::2])
            lines[section].append(Outline(lats, lons, (min(lats), min(lons), max(lats), max(lons))))
    return WorldData({key: tuple(value) for key, value in lines.items()}, centroids)


def _running_sum(deltas: Sequence[int]) -> tuple[int, ...]:
    total = 0
    out: list[int] = []
    for delta in deltas:
        total += delta
        out.append(total)
    return tuple(out)


@cache
def world() -> WorldData:
    """The shipped outlines, read once on first use (about 80,000 points: ~0.1 s)."""
    data = resources.files("tui.model").joinpath(DATA_FILE).read_bytes()
    return parse_world(gzip.decompress(data).decode("utf-8"))


# -- places --------------------------------------------------------------------------------------


def locate(entity: Entity, centroids: dict[str, Coords] | None = None) -> tuple[Coords | None, Source | None]:
    """A place's point and where it came from, or ``(None, None)`` when nothing places it."""
    if entity.coords is not None:
        return entity.coords, Source.STATED
    names = list(dict.fromkeys([entity.name, *entity.aliases]))
    is_country = entity.place_kind is PlaceKind.COUNTRY
    for name in names:
        found = gazetteer_place(name)
        if found is not None and found.coords is not None:
            return found.coords, Source.GAZETTEER
        is_country = is_country or (found is not None and found.kind is PlaceKind.COUNTRY)
    if is_country:
        table = world().centroids if centroids is None else centroids
        for name in names:
            point = table.get(fold_key(name))
            if point is not None:
                return point, Source.CENTROID
    return None, None


def _places(entities: Iterable[Entity], counts: dict[str, int],
            centroids: dict[str, Coords] | None) -> list[MapPlace]:
    found: list[MapPlace] = []
    for entity in entities:
        if entity.kind is EntityKind.PLACE:
            coords, source = locate(entity, centroids)
            found.append(MapPlace(entity.id, entity.name, entity.place_kind, coords, source,
                                  counts.get(entity.id, 0)))
    return found


def briefing_places(briefing: Briefing, centroids: dict[str, Coords] | None = None) -> list[MapPlace]:
    """The places of one briefing, in order of first mention (unmentioned declared places last)."""
    counts: dict[str, int] = {}
    for mention in briefing.mentions:
        counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    order = {entity_id: index for index, entity_id in enumerate(counts)}
    entities = sorted(briefing.entities.values(), key=lambda e: order.get(e.id, len(order)))
    return _places(entities, counts, centroids)


def library_places(library: Library, centroids: dict[str, Coords] | None = None) -> list[MapPlace]:
    """Every place of the library, in order of first appearance, with its merged points."""
    counts: dict[str, int] = {}
    for briefing in library.briefings:
        for mention in briefing.mentions:
            counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    return _places((entry.entity for entry in library.entities(EntityKind.PLACE)), counts, centroids)


def split_located(places: Sequence[MapPlace]) -> tuple[list[MapPlace], list[MapPlace]]:
    """The places with a point, and those without one (each in the order given)."""
    return [p for p in places if p.coords is not None], [p for p in places if p.coords is None]


# -- the view ------------------------------------------------------------------------------------


def focus_points(places: Sequence[MapPlace]) -> list[Coords]:
    """The points the view zooms to: the places smaller than a country, or the countries if that is all.

    A country's centre says little about where a story is, and Russia's, far
    into Siberia, would pull a map of eastern Ukraine out to half of Asia; the
    countries' markers still show when they fall inside the view.
    """
    points = [p.coords for p in places if p.coords is not None and p.kind is not PlaceKind.COUNTRY]
    return points or [p.coords for p in places if p.coords is not None]


def fit(points: Sequence[Coords], width: float, height: float, *, margin: float = MARGIN,
        min_span: float = MIN_SPAN) -> View:
    """The window that shows every point with a margin, shaped like a ``width`` by ``height`` canvas.

    ``width`` and ``height`` are in square units (braille dots are about
    square). No points, or points that need the whole world, give :data:`WORLD`.
    """
    if not points or width <= 0 or height <= 0:
        return WORLD
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    mid = (south + north) / 2
    squash = max(math.cos(math.radians(mid)), 0.2)  # degrees of longitude per degree of latitude, on screen
    span_lat = max((north - south) * (1 + 2 * margin), min_span)
    span_lon = max((east - west) * (1 + 2 * margin), min_span / squash)
    # Widen whichever way the canvas is roomier, so the map keeps its shape.
    if span_lon * squash / span_lat < width / height:
        span_lon = span_lat * width / height / squash
    else:
        span_lat = span_lon * squash * height / width
    if span_lon >= WORLD.span_lon or span_lat >= WORLD.span_lat:
        return world_view(width, height)
    centre_lon = (west + east) / 2
    south = min(max(mid - span_lat / 2, -90.0), 90.0 - span_lat)
    west = min(max(centre_lon - span_lon / 2, -180.0), 180.0 - span_lon)
    return View(south, west, south + span_lat, west + span_lon)


def world_view(width: float, height: float) -> View:
    """The whole world, with latitude or longitude padded so the canvas shape distorts nothing."""
    if width <= 0 or height <= 0:
        return WORLD
    ratio = width / height
    if WORLD.span_lon / WORLD.span_lat > ratio:  # canvas taller than the world: pad north and south
        span = WORLD.span_lon / ratio
        middle = (WORLD.south + WORLD.north) / 2
        return View(middle - span / 2, WORLD.west, middle + span / 2, WORLD.east)
    span = WORLD.span_lat * ratio
    return View(WORLD.south, -span / 2, WORLD.north, span / 2)
