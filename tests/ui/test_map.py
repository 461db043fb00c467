"""The map (M): markers for the places, the highlight follows j/k, Enter opens the card, none dropped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.ui.conftest import briefing, make_app, make_library
from tui.model.braille import Layer
from tui.model.entities import Entity, EntityKind, PlaceKind
from tui.model.extract.names import entity_id
from tui.model.library import Library
from tui.ui.card import EntityCard
from tui.ui.map import SELECTED, MapCanvas, MapScreen, PlaceList

SnapCompare = Callable[..., Any]


def located(name: str, coords: tuple[float, float], kind: PlaceKind = PlaceKind.CITY) -> Entity:
    return Entity(entity_id(EntityKind.PLACE, name), EntityKind.PLACE, name, [name], place_kind=kind,
                  coords=coords)


PORTO = located("Porto", (41.15, -8.61))
LISBON = located("Lisbon", (38.72, -9.14))
SEVILLE = located("Seville", (37.39, -5.98))
NOWHERE = Entity(entity_id(EntityKind.PLACE, "Nowhere Flats"), EntityKind.PLACE, "Nowhere Flats",
                 ["Nowhere Flats"], place_kind=PlaceKind.TOWN)
"""Not in the gazetteer and without coords: listed under its own heading."""
HOSTILE_PLACE = located("[@click=app.quit]Quay[/]", (40.0, -8.0))


def iberia() -> Library:
    first = briefing(
        "news/iberia.md", "Floods along the coast",
        [("", ["Rain fell on Porto first, then on Lisbon.", "In Nowhere Flats nothing was reported.",
               "Seville stayed dry."])],
        [PORTO, LISBON, NOWHERE, SEVILLE], date=dt.date(2024, 3, 1))
    second = briefing(
        "news/far.md", "Elsewhere",
        [("", ["Reports came from [@click=app.quit]Quay[/] too."])],
        [HOSTILE_PLACE], date=dt.date(2024, 3, 2))
    return make_library(first, second)


def selected_cell(canvas: MapCanvas) -> tuple[int, int]:
    _, overlays = canvas.layout_map()
    (cell,) = [c for c, o in overlays.items() if o.text == SELECTED]
    return cell


async def test_m_opens_the_map_with_a_marker_per_place_and_the_unplaced_listed() -> None:
    app = make_app(iberia())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("M")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MapScreen)
        rows = screen.query_one(PlaceList)
        texts = [rows.prompt(i).plain for i in range(rows.count)]
        assert [t.split("  ")[0] for t in texts] == ["Porto", "Lisbon", "Seville", "Without coordinates (1)",
                                                      "Nowhere Flats"]
        canvas = screen.query_one(MapCanvas)
        grid, overlays = canvas.layout_map()
        markers = [c for c, o in overlays.items() if o.text in ("●", SELECTED)]
        assert len(markers) == 3
        assert Layer.COAST in grid.layers  # Iberia's coast is drawn around them
        view = canvas.view()
        assert view.span_lat < 30  # zoomed to the region, not the world
        title = str(screen.query_one("#map-title").render())
        assert "3 placed, 1 without coordinates" in title


async def test_j_and_k_move_the_highlight_on_the_map() -> None:
    app = make_app(iberia())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("M")
        await pilot.pause()
        canvas = app.screen.query_one(MapCanvas)
        porto = selected_cell(canvas)
        await pilot.press("j")
        await pilot.pause()
        lisbon = selected_cell(canvas)
        assert canvas.selected == LISBON.id
        assert lisbon[1] > porto[1]  # Lisbon is south of Porto: lower on the map
        await pilot.press("j", "j", "j")  # past the heading to the place without coordinates
        await pilot.pause()
        assert canvas.selected == NOWHERE.id
        assert not [o for o in canvas.layout_map()[1].values() if o.text == SELECTED]
        await pilot.press("k", "k")
        await pilot.pause()
        assert canvas.selected == LISBON.id


async def test_enter_opens_the_card_and_escape_returns_to_the_map() -> None:
    app = make_app(iberia())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("M", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        assert app.screen.entity_id == LISBON.id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MapScreen)


async def test_a_jump_from_the_card_closes_the_map() -> None:
    app = make_app(iberia())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("M", "j", "enter")
        await pilot.pause()
        await pilot.press("enter")  # the card's first mention row
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, (EntityCard, MapScreen))
        assert app.current_entity == LISBON.id


async def test_a_toggles_the_library_and_w_the_world() -> None:
    app = make_app(iberia())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("M", "a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MapScreen)
        rows = screen.query_one(PlaceList)
        names = [rows.prompt(i).plain.split("  ")[0] for i in range(rows.count)]
        assert "[@click=app.quit]Quay[/]" in names  # the other briefing's place, shown literally
        assert app.is_running  # and its name ran nothing
        canvas = screen.query_one(MapCanvas)
        assert canvas.view().span_lon < 90
        await pilot.press("w")
        await pilot.pause()
        assert canvas.view().span_lon >= 360
        await pilot.press("w")
        await pilot.pause()
        assert canvas.view().span_lon < 90


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_map_fits_small_and_large_terminals(size: tuple[int, int]) -> None:
    app = make_app(iberia())
    async with app.run_test(size=size) as pilot:
        await pilot.press("M")
        await pilot.pause()
        canvas = app.screen.query_one(MapCanvas)
        assert canvas.size.width >= size[0] // 2 and canvas.size.height >= size[1] - 4
        grid, _ = canvas.layout_map()
        coast = sum(1 for layer in grid.layers if layer == Layer.COAST)
        assert coast >= canvas.size.height // 2  # the coast runs through the picture


def test_map_snapshot(snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", "/nonexistent/briefing-config")
    app = make_app(iberia())
    assert snap_compare(app, terminal_size=(100, 30), press=["M", "j"])


async def test_the_palette_opens_the_map() -> None:
    app = make_app(iberia())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"map of the places")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
