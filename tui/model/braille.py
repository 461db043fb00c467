"""Drawing the world's outlines on a grid of braille cells, two dots wide and four high each.

A terminal cell is about twice as tall as it is wide, so a braille dot is
about square: the canvas has ``2 * columns`` by ``4 * rows`` dots. Lines are
clipped to the view (Liang-Barsky) and stepped dot by dot, so a zoomed view
costs only what it shows. Each cell remembers which layer drew it (coast wins
over border), so the UI can colour coasts and borders apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tui.model.geo import Coords, Outline, View, WorldData

BRAILLE_BASE = 0x2800
DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""The bit of the dot at row ``y`` (0-3), column ``x`` (0-1) of a braille cell."""
COARSE_ABOVE = 60.0
"""Views wider than this many degrees of longitude use the coarse outlines (the fine ones add nothing)."""
BORDERS_BELOW = 150.0
"""Views narrower than this many degrees of longitude show land borders too."""


class Layer:
    """What drew a cell: nothing, a border or a coast (higher numbers win)."""

    EMPTY = 0
    BORDER = 1
    COAST = 2


@dataclass(slots=True)
class DotGrid:
    """Dots on a ``columns`` by ``rows`` grid of braille cells, and the layer that last won each cell."""

    columns: int
    rows: int
    bits: bytearray = field(init=False)
    layers: bytearray = field(init=False)

    def __post_init__(self) -> None:
        self.bits = bytearray(self.columns * self.rows)
        self.layers = bytearray(self.columns * self.rows)

    @property
    def width(self) -> int:
        """Dots across."""
        return self.columns * 2

    @property
    def height(self) -> int:
        """Dots down."""
        return self.rows * 4

    def dot(self, x: int, y: int, layer: int) -> None:
        """Set one dot (ignored off the grid)."""
        if 0 <= x < self.width and 0 <= y < self.height:
            cell = (y >> 2) * self.columns + (x >> 1)
            self.bits[cell] |= DOT_BITS[y & 3][x & 1]
            if layer > self.layers[cell]:
                self.layers[cell] = layer

    def line(self, x0: float, y0: float, x1: float, y1: float, layer: int) -> None:
        """A straight line between two dot positions, clipped to the grid."""
        clipped = clip(x0, y0, x1, y1, self.width, self.height)
        if clipped is None:
            return
        x0, y0, x1, y1 = clipped
        steps = max(abs(x1 - x0), abs(y1 - y0))
        count = max(1, round(steps))
        dx, dy = (x1 - x0) / count, (y1 - y0) / count
        for step in range(count + 1):
            self.dot(int(x0 + dx * step), int(y0 + dy * step), layer)

    def cell_text(self, column: int, row: int) -> str:
        """The braille character of one cell (a blank braille cell when no dot is set)."""
        return chr(BRAILLE_BASE + self.bits[row * self.columns + column])

    def layer(self, column: int, row: int) -> int:
        """Which layer won a cell."""
        return self.layers[row * self.columns + column]

    def cell_of(self, view: View, coords: Coords) -> tuple[int, int] | None:
        """The (column, row) of the cell a point falls in, or ``None`` outside the view."""
        if not view.contains(coords):
            return None
        x, y = view.project(coords, self.columns, self.rows)
        return min(int(x), self.columns - 1), min(int(y), self.rows - 1)


def clip(x0: float, y0: float, x1: float, y1: float, width: float, height: float,
         ) -> tuple[float, float, float, float] | None:
    """The part of a segment inside ``[0, width) x [0, height)`` (Liang-Barsky), or ``None``."""
    low, high = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0), (dx, width - 1e-6 - x0), (-dy, y0), (dy, height - 1e-6 - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return x0 + low * dx, y0 + low * dy, x0 + high * dx, y0 + high * dy


def draw_outlines(grid: DotGrid, view: View, outlines: Iterable[Outline], layer: int) -> None:
    """Every outline that crosses the view, projected onto the grid's dots."""
    south, west, north, east = view.south * 100, view.west * 100, view.north * 100, view.east * 100
    sx = grid.width / (view.span_lon * 100)
    sy = grid.height / (view.span_lat * 100)
    for outline in outlines:
        b_south, b_west, b_north, b_east = outline.box
        if b_north < south or b_south > north or b_east < west or b_west > east:
            continue
        xs = [(lon - west) * sx for lon in outline.lons]
        ys = [(north - lat) * sy for lat in outline.lats]
        for i in range(len(xs) - 1):
            grid.line(xs[i], ys[i], xs[i + 1], ys[i + 1], layer)


def draw_world(data: WorldData, view: View, columns: int, rows: int) -> DotGrid:
    """The coastlines inside ``view`` on a braille grid of this size, and land borders if zoomed in.

    The whole world with its borders is a thicket at terminal sizes; a region
    without them (Ukraine and Russia, say) is mostly empty land.
    """
    grid = DotGrid(max(columns, 0), max(rows, 0))
    if not columns or not rows:
        return grid
    level = "coarse" if view.span_lon > COARSE_ABOVE else "fine"
    if view.span_lon < BORDERS_BELOW:
        draw_outlines(grid, view, data.lines.get(("border", level), ()), Layer.BORDER)
    draw_outlines(grid, view, data.lines.get(("coast", level), ()), Layer.COAST)
    return grid
