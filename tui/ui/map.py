"""The map (``M``): the places of the open briefing, or of the library, on a braille world map.

The model decides where each place is and which part of the world to show
(:mod:`tui.model.geo`) and draws the outlines dot by dot
(:mod:`tui.model.braille`); this module only colours the cells and lays the
markers and names over them. Beside the map a list names every place, the
ones it could not place under their own heading, so nothing is dropped
silently. Moving through the list moves the highlighted marker; Enter opens
the place's card (an :class:`~tui.ui.messages.OpenEntity`, handled by the app
like any other), over the map, so Escape comes back to it. A jump from that
card closes the map too (:class:`tui.ui.map_actions.MapActions`, the app's side,
kept apart so start-up does not import this module), so the reader sees where it went.

Names reach the terminal as plain segment text made safe by
:func:`tui.ui.text.one_line`, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Static

from tui.model.braille import DotGrid, Layer, draw_world
from tui.model.geo import (
    MapPlace,
    Source,
    View,
    briefing_places,
    fit,
    focus_points,
    library_places,
    split_located,
    world,
    world_view,
)
from tui.model.library import Library
from tui.ui.cardlist import CardList, Line
from tui.ui.messages import OpenEntity
from tui.ui.text import one_line

if TYPE_CHECKING:
    from tui.model.document import Briefing

MARKER = "●"
SELECTED = "◆"
LABEL_LIMIT = 24
"""Longest name written on the map (the list beside it has the full name)."""
LAYER_CLASSES = {Layer.BORDER: "map--border", Layer.COAST: "map--coast"}


@dataclass(frozen=True, slots=True)
class Overlay:
    """Text laid over the map at a cell, with the component class that colours it."""

    text: str
    component: str


class MapCanvas(Widget):
    """The braille map with a marker per located place; the selected one stands out and is named."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"map--coast", "map--border", "map--marker", "map--selected",
                                             "map--label"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.places: list[MapPlace] = []
        self.selected: str | None = None
        self.whole_world = False
        self._cache: tuple[object, DotGrid, dict[tuple[int, int], Overlay]] | None = None
        self._grid: tuple[object, DotGrid] | None = None

    def show(self, places: list[MapPlace], selected: str | None, whole_world: bool) -> None:
        """Draw these (located) places, ``selected`` highlighted, zoomed to them or the whole world."""
        self.places, self.selected, self.whole_world = places, selected, whole_world
        self._cache = None
        self.refresh()

    def view(self) -> View:
        """The part of the world shown: the markers' box with a margin, or the world."""
        width, height = self.size.width * 2, self.size.height * 4
        points = focus_points(self.places)
        chosen = next((p.coords for p in self.places if p.entity_id == self.selected), None)
        if chosen is not None and chosen not in points:  # the highlight is always in view
            points.append(chosen)
        if self.whole_world or not points:
            return world_view(width, height)
        return fit(points, width, height)

    def on_resize(self, event: events.Resize) -> None:
        """A new size is a new drawing (and maybe a new zoom)."""
        self._cache = None

    def notify_style_update(self) -> None:
        """Theme changed: recolour."""
        super().notify_style_update()
        self._cache = None

    def layout_map(self) -> tuple[DotGrid, dict[tuple[int, int], Overlay]]:
        """The dot grid and the markers and names laid over it (cached until something changes)."""
        key = (self.size, self.selected, self.whole_world, len(self.places))
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1], self._cache[2]
        view = self.view()
        if self._grid is None or self._grid[0] != (self.size, view):  # j/k mostly keep the view
            self._grid = ((self.size, view), draw_world(world(), view, self.size.width, self.size.height))
        grid = self._grid[1]
        overlays: dict[tuple[int, int], Overlay] = {}
        label_cells: set[tuple[int, int]] = set()
        chosen: tuple[MapPlace, tuple[int, int]] | None = None
        cells: list[tuple[MapPlace, tuple[int, int]]] = []
        for place in self.places:
            cell = grid.cell_of(view, place.coords) if place.coords is not None else None
            if cell is not None:
                cells.append((place, cell))
                overlays[cell] = Overlay(MARKER, "map--marker")
                if place.entity_id == self.selected:
                    chosen = (place, cell)
        # The selected place's name always; the others' where they fit without covering anything.
        if chosen is not None:
            self._label(chosen[0], chosen[1], overlays, label_cells, force=True)
        for place, cell in cells:
            if chosen is None or place is not chosen[0]:
                self._label(place, cell, overlays, label_cells, force=False)
        if chosen is not None:
            overlays[chosen[1]] = Overlay(SELECTED, "map--selected")
        self._cache = (key, grid, overlays)
        return grid, overlays

    def _label(self, place: MapPlace, cell: tuple[int, int], overlays: dict[tuple[int, int], Overlay],
               taken: set[tuple[int, int]], *, force: bool) -> None:
        name = one_line(place.name, LABEL_LIMIT)
        if cell_len(name) != len(name):  # wide characters would push the row out of line
            return
        column, row = cell
        text = f" {name} "
        start = column + 1 if column + 1 + len(text) <= self.size.width else column - len(text)
        start = max(0, start)
        span = [(start + i, row) for i in range(len(text))]
        if not force and any(c in taken or (c in overlays and c != cell) for c in span):
            return
        component = "map--selected" if force else "map--label"
        for (x, y), char in zip(span, text, strict=True):
            if (x, y) != cell and x < self.size.width:
                overlays[(x, y)] = Overlay(char, component)
                taken.add((x, y))

    def render_line(self, y: int) -> Strip:
        """One row of braille cells, coasts and borders coloured apart, markers and names on top."""
        width = self.size.width
        base = self.rich_style
        if y >= self.size.height or not width:
            return Strip.blank(width, base)
        grid, overlays = self.layout_map()
        styles: dict[str, RichStyle] = {}

        def style_of(component: str) -> RichStyle:
            if component not in styles:
                styles[component] = base + self.get_component_rich_style(component, partial=True)
            return styles[component]

        segments: list[Segment] = []
        run: list[str] = []
        run_style = ""
        for x in range(width):
            over = overlays.get((x, y))
            if over is not None:
                char, component = over.text, over.component
            else:
                layer = grid.layer(x, y)
                char = grid.cell_text(x, y) if layer else " "
                component = LAYER_CLASSES.get(layer, "")
            if component != run_style and run:
                segments.append(Segment("".join(run), style_of(run_style) if run_style else base))
                run = []
            run_style = component
            run.append(char)
        if run:
            segments.append(Segment("".join(run), style_of(run_style) if run_style else base))
        return Strip(segments, width)


class PlaceList(CardList):
    """The places beside the map: j/k move the highlight (and the marker), Enter opens the card."""

    KEY_GROUP = "Map"

    @dataclass
    class Moved(Message):
        """The highlight moved to another row."""

        index: int | None

    @property
    def highlighted(self) -> int | None:
        """The highlighted row (never a heading), or ``None``."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        before = self._highlighted
        CardList.highlighted.fset(self, index)  # type: ignore[attr-defined]
        if self._highlighted != before:
            self.post_message(self.Moved(self._highlighted))

    def set_lines(self, lines: list[Line], highlighted: int | None) -> None:
        """Show other rows (the scope changed), highlighting ``highlighted``."""
        self.replace_lines(lines)
        self.highlighted = highlighted


def _place_row(place: MapPlace) -> Content:
    note = {Source.CENTROID: "  (centre)", Source.GAZETTEER: ""}.get(place.source, "") if place.source else ""
    count = f"  {place.mentions}" if place.mentions else ""
    return Content.assemble(one_line(place.name, 60), (note, "dim italic"), (count, "dim"))


class MapScreen(Screen[None]):
    """The map and its list of places; ``a`` switches briefing/library, ``w`` the world view."""

    KEY_GROUP = "Map"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,M", "close", "Close", id="map.close",
                tooltip="Close the map and go back to reading"),
        Binding("a", "scope", "Scope", id="map.scope",
                tooltip="Show the places of this briefing or of the whole library"),
        Binding("w", "world", "World", id="map.world",
                tooltip="Zoom out to the whole world, or back in to the places"),
    ]

    def __init__(self, library: Library, briefing: Briefing | None, selected: str | None = None,
                 scope: str = "briefing") -> None:
        super().__init__()
        self.library = library
        self.briefing = briefing
        self.scope = scope if briefing is not None else "library"
        self.selected = selected
        self.whole_world = False
        self.rows: list[MapPlace | None] = []
        self.jumped = False
        """Set when the reader jumped somewhere from a card opened here: the map closes on return."""

    def compose(self) -> ComposeResult:
        yield Static(id="map-title")
        with Horizontal(id="map-body"):
            yield MapCanvas(id="map-canvas")
            with Vertical(id="map-side"):
                yield PlaceList([], id="map-places")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the map and the list, the reader's current place highlighted if it has one."""
        self.refill()
        self.query_one(PlaceList).focus()

    def on_screen_resume(self) -> None:
        """Back from a card: if the reader jumped from it, show the article instead of the map."""
        if self.jumped:
            self.dismiss(None)

    def places(self) -> list[MapPlace]:
        """The places in scope, each with its point or none."""
        if self.scope == "briefing" and self.briefing is not None:
            return briefing_places(self.briefing)
        return library_places(self.library)

    def refill(self) -> None:
        """Rebuild the list and the map for the scope (after ``a``) and keep the selection if it is there."""
        located, unlocated = split_located(self.places())
        lines: list[Line] = []
        self.rows = []
        for place in located:
            self.rows.append(place)
            lines.append(Line(partial(_place_row, place)))
        heading = f"Without coordinates ({len(unlocated)})"
        self.rows.append(None)
        lines.append(Line(lambda: Content.styled(heading, "bold"), selectable=False))
        for place in unlocated:
            self.rows.append(place)
            lines.append(Line(partial(_place_row, place)))
        index = next((i for i, p in enumerate(self.rows) if p is not None and p.entity_id == self.selected),
                     next((i for i, p in enumerate(self.rows) if p is not None), None))
        self.selected = None if index is None else self.rows[index].entity_id  # type: ignore[union-attr]
        self.query_one(PlaceList).set_lines(lines, index)
        scope = "this briefing" if self.scope == "briefing" else "the whole library"
        zoom = "whole world" if self.whole_world else "zoomed to the places"
        self.query_one("#map-title", Static).update(Content.assemble(
            ("Map", "bold"), f" · {scope} · {len(located)} placed, {len(unlocated)} without coordinates",
            (f" · {zoom}", "dim")))
        self.query_one(MapCanvas).show(located, self.selected, self.whole_world)
        self._located = located

    @on(PlaceList.Moved)
    def _moved(self, message: PlaceList.Moved) -> None:
        place = self.rows[message.index] if message.index is not None else None
        self.selected = place.entity_id if place is not None else None
        self.query_one(MapCanvas).show(self._located, self.selected, self.whole_world)

    @on(CardList.Selected)
    def _chosen(self, message: CardList.Selected) -> None:
        message.stop()
        place = self.rows[message.index] if message.index < len(self.rows) else None
        if place is not None:
            self.post_message(OpenEntity(place.entity_id))

    def action_close(self) -> None:
        """Back to reading."""
        self.dismiss(None)

    def action_scope(self) -> None:
        """This briefing's places or the whole library's."""
        if self.briefing is None:
            self.notify("No briefing is open: the map shows the whole library.", timeout=2)
            return
        self.scope = "library" if self.scope == "briefing" else "briefing"
        self.refill()

    def action_world(self) -> None:
        """The whole world, or zoomed to the places again."""
        self.whole_world = not self.whole_world
        self.refill()
