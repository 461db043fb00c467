"""The map's model: where places are, which part of the world shows them, and the braille drawing."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tui.model import build_map
from tui.model.braille import BRAILLE_BASE, DotGrid, Layer, clip, draw_world
from tui.model.document import Block, BlockKind, Briefing, Section
from tui.model.entities import Entity, EntityKind, Location, Mention, Origin, PlaceKind
from tui.model.extract.names import entity_id
from tui.model.geo import (
    WORLD,
    MapPlace,
    Source,
    View,
    briefing_places,
    fit,
    focus_points,
    library_places,
    locate,
    parse_world,
    split_located,
    world,
    world_view,
)
from tui.model.library import Library


def place(name: str, coords: tuple[float, float] | None = None, kind: PlaceKind = PlaceKind.CITY) -> Entity:
    return Entity(entity_id(EntityKind.PLACE, name), EntityKind.PLACE, name, [name], place_kind=kind,
                  coords=coords, origin=Origin.DECLARED)


def briefing_with(key: str, *entities: Entity) -> Briefing:
    text = " and ".join(e.name for e in entities) + "."
    mentions, start = [], 0
    for entity in entities:
        mentions.append(Mention(entity.id, Location(0, 0, start, start + len(entity.name)), entity.name))
        start += len(entity.name) + 5
    return Briefing(Path(key), key, [Section("", [Block(BlockKind.PARAGRAPH, text)])],
                    entities={e.id: e for e in entities}, mentions=mentions)


# -- locating places --------------------------------------------------------------------------------


def test_front_matter_coords_win() -> None:
    assert locate(place("Paris", (10.0, 20.0))) == ((10.0, 20.0), Source.STATED)


def test_gazetteer_places_a_city_without_coords() -> None:
    coords, source = locate(place("Lisbon"))
    assert source is Source.GAZETTEER
    assert coords is not None and abs(coords[0] - 38.7) < 0.5 and abs(coords[1] + 9.1) < 0.5


def test_a_country_gets_the_centre_of_its_main_land() -> None:
    coords, source = locate(place("France", kind=PlaceKind.COUNTRY))
    assert source is Source.CENTROID
    assert coords is not None and 42 < coords[0] < 50 and -5 < coords[1] < 8  # metropolitan France


def test_an_unknown_place_has_no_point() -> None:
    assert locate(place("Freedonia Springs")) == (None, None)


def test_briefing_places_keep_the_unplaced_apart() -> None:
    b = briefing_with("a.md", place("Lisbon"), place("Nowhere Flats"), place("Madrid", (40.4, -3.7)))
    places = briefing_places(b)
    assert [p.name for p in places] == ["Lisbon", "Nowhere Flats", "Madrid"]  # order of first mention
    located, unlocated = split_located(places)
    assert [p.name for p in located] == ["Lisbon", "Madrid"]
    assert [p.name for p in unlocated] == ["Nowhere Flats"]
    assert all(p.mentions == 1 for p in places)


def test_library_places_span_every_briefing() -> None:
    library = Library()
    library.add([briefing_with("a.md", place("Lisbon")),
                 briefing_with("b.md", place("Oslo"), place("Lisbon"))])
    places = library_places(library)
    assert [p.name for p in places] == ["Lisbon", "Oslo"]
    assert places[0].mentions == 2


# -- the view ---------------------------------------------------------------------------------------


def test_fit_shows_every_point_with_a_margin_and_the_canvas_shape() -> None:
    points = [(50.45, 30.52), (48.28, 37.18), (49.71, 37.61)]
    view = fit(points, 120, 80)
    assert all(view.contains(p) for p in points)
    assert view.span_lat < 40  # a region, not the world
    for lat, lon in points:  # not on the edge
        assert view.south + 1 < lat < view.north - 1 and view.west + 1 < lon < view.east - 1
    # On screen a degree of longitude is cos(latitude) of a degree of latitude: the shape matches the canvas.
    import math
    mid = (view.south + view.north) / 2
    assert view.span_lon * math.cos(math.radians(mid)) / view.span_lat == pytest.approx(120 / 80, rel=0.1)


def test_fit_of_one_point_still_shows_its_surroundings() -> None:
    view = fit([(38.72, -9.14)], 100, 100)
    assert view.span_lat >= 12 and view.contains((38.72, -9.14))


def test_fit_of_points_across_the_globe_is_the_world() -> None:
    assert fit([(60, -150), (-40, 170)], 200, 100).span_lon >= WORLD.span_lon
    assert fit([], 200, 100) == WORLD


def test_world_view_pads_to_the_canvas_shape() -> None:
    tall = world_view(100, 100)
    assert tall.span_lon == 360 and tall.span_lat == pytest.approx(360)
    wide = world_view(400, 100)
    assert wide.span_lat == WORLD.span_lat and wide.span_lon == pytest.approx(WORLD.span_lat * 4)


def test_countries_do_not_pull_the_zoom_away_from_the_towns() -> None:
    places = [MapPlace("place:russia", "Russia", PlaceKind.COUNTRY, (61.5, 105.3), Source.CENTROID),
              MapPlace("place:izyum", "Izyum", PlaceKind.CITY, (49.2, 37.3), Source.STATED)]
    assert focus_points(places) == [(49.2, 37.3)]
    assert focus_points(places[:1]) == [(61.5, 105.3)]


def test_project_maps_corners() -> None:
    view = View(0, 0, 10, 20)
    assert view.project((10, 0), 40, 20) == (0, 0)
    assert view.project((0, 20), 40, 20) == (40, 20)


# -- drawing ----------------------------------------------------------------------------------------


def test_clip_keeps_the_inside_part() -> None:
    assert clip(-10, 5, 30, 5, 20, 10) == pytest.approx((0, 5, 20 - 1e-6, 5))
    assert clip(-10, -5, -1, -1, 20, 10) is None


def test_dots_become_braille_cells() -> None:
    grid = DotGrid(2, 1)
    grid.dot(0, 0, Layer.BORDER)
    grid.dot(3, 3, Layer.COAST)
    assert grid.cell_text(0, 0) == chr(BRAILLE_BASE + 0x01)
    assert grid.cell_text(1, 0) == chr(BRAILLE_BASE + 0x80)
    assert grid.layer(0, 0) == Layer.BORDER and grid.layer(1, 0) == Layer.COAST
    grid.dot(99, 99, Layer.COAST)  # off the grid: ignored


def _ink(grid: DotGrid) -> float:
    return sum(1 for b in grid.bits if b) / len(grid.bits)


@pytest.mark.parametrize("size", [(46, 21), (166, 47), (20, 8)])
def test_the_world_is_drawn_at_every_size(size: tuple[int, int]) -> None:
    columns, rows = size
    view = world_view(columns * 2, rows * 4)
    grid = draw_world(world(), view, columns, rows)
    assert 0.03 < _ink(grid) < 0.6  # outlines, neither blank nor a solid block
    coast = grid.cell_of(view, (14.7, -17.4))  # Dakar, on the bulge of West Africa's coast
    assert coast is not None and grid.layer(*coast) == Layer.COAST
    if columns >= 40:  # the mid-Atlantic is open water wherever a cell is narrower than the ocean
        ocean = grid.cell_of(view, (0.0, -25.0))
        assert ocean is not None and grid.bits[ocean[1] * columns + ocean[0]] == 0


def test_a_zoomed_region_shows_its_coast_and_borders() -> None:
    view = fit([(46.5, 30.7), (44.6, 33.5)], 160, 80)  # Odesa and Sevastopol: the Black Sea's north shore
    grid = draw_world(world(), view, 80, 20)
    assert Layer.COAST in grid.layers and Layer.BORDER in grid.layers
    sea = grid.cell_of(view, (43.0, 34.0))  # the open Black Sea
    assert sea is not None and grid.bits[sea[1] * 80 + sea[0]] == 0


def test_shipped_data_is_small_attributed_and_parses() -> None:
    path = Path(build_map.__file__).with_name("world.txt.gz")
    assert path.stat().st_size < 400_000
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    assert "Natural Earth" in text.splitlines()[0]
    data = world()
    assert {("coast", "coarse"), ("coast", "fine"), ("border", "fine")} <= set(data.lines)
    assert len(data.lines[("coast", "coarse")]) < len(data.lines[("coast", "fine")])


def test_parse_world_reads_lines_and_centroids() -> None:
    data = parse_world("# header\n== coast fine\n100 200 5 -5 1 1\n== centroids\nRuritania\t45.00\t10.50\n")
    (line,) = data.lines[("coast", "fine")]
    assert line.lats == (100, 105, 106) and line.lons == (200, 195, 196)
    assert line.box == (100, 195, 106, 200)
    assert data.centroids == {"ruritania": (45.0, 10.5)}


def test_build_simplifies_and_splits_coast_from_border() -> None:
    square = [(0, 0), (0, 100), (100, 100), (100, 0), (0, 0)]
    neighbour = [(0, 100), (0, 200), (100, 200), (100, 100), (0, 100)]
    coasts, borders = build_map.split_runs([[square], [neighbour]])
    shared = {tuple(sorted(line)) for line in borders}
    assert shared == {((0, 100), (100, 100))}
    assert sum(len(line) - 1 for line in coasts) == 6  # every unshared edge once
    wiggly = [(0, 0), (1, 50), (0, 100)]
    assert build_map.simplify(wiggly, 3) == [(0, 0), (0, 100)]
    assert build_map.simplify(wiggly, 0.5) == wiggly
