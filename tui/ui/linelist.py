"""What the reader's line-drawn lists share: fixed-height rows, one highlighted, nothing measured.

Textual's ``OptionList`` measures (wraps) every option whenever the list
changes, which costs seconds at 1,000 briefings and a third of a second for a
card's 2,000 rows. A :class:`LineList` row is exactly ``row_height`` lines
(longer rows are cut with an ellipsis), so the scroll area is simply rows times
height, only visible lines are drawn (and kept), and a highlight move redraws
the lines of the two rows it touches. :class:`~tui.ui.rowlist.RowList` (rows of
Rich ``Text``) and :class:`~tui.ui.cardlist.CardList` (one-line ``Content``
rows built when first drawn, with headings) say what a row is, how the
highlight moves and what choosing a row posts.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


def set_scroll_area(view: ScrollView, size: Size) -> None:
    """Size a mounted view's scroll area without laying out the screen (its own height is fixed).

    Setting ``virtual_size`` asks for a layout of the whole screen. A view whose
    height comes from the stylesheet keeps its place when its content grows or
    changes, so only its scroll area and scrollbar change: they are set as
    Textual's own ``layout=False`` path sets them. A scrollbar that appears or
    goes still lays out, through its own reactive.
    """
    if size != view.virtual_size:
        view.set_reactive(ScrollView.virtual_size, size)
        view._scroll_update(size)  # Textual's, as its layout=False path calls it


class LineList(ScrollView, can_focus=True):
    """Rows of ``row_height`` lines, at most one highlighted; Enter or a click chooses a row."""

    DEFAULT_CSS = """
    LineList {
        overflow-x: hidden;
    }
    """
    """Rows are cut to the width, so there is never anything to scroll sideways. (The scroll area's width
    is taken before a vertical scrollbar first appears, and was then two cells too wide: a horizontal
    scrollbar appeared and hid the last row.)"""

    HIGHLIGHT: ClassVar[str]
    """The component class that styles the highlighted row."""

    def __init__(self, *, row_height: int = 1, id: str | None = None) -> None:
        super().__init__(id=id)
        self.row_height = max(1, row_height)
        self._highlighted: int | None = None
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(512)
        self._base: Style | None = None
        """The list's own style (``rich_style`` walks up the DOM), kept as long as the strips are."""

    # -- what a subclass says ----------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the list has."""
        raise NotImplementedError

    def _selectable(self, index: int) -> bool:
        """Whether the highlight may rest on row ``index``."""
        return 0 <= index < self.row_count

    def _segments(self, index: int, part: int, width: int) -> list[Segment]:
        """Line ``part`` of row ``index``, cut to ``width`` cells, unstyled by the list."""
        raise NotImplementedError

    def _row_style(self, index: int, base: Style) -> Style:
        """The list's style over row ``index``: the highlight's on the highlighted row."""
        return base + self.get_component_rich_style(self.HIGHLIGHT) if index == self._highlighted else base

    def _shown_from(self, index: int) -> int:
        """The first line to bring into view when scrolling up to row ``index``."""
        return index * self.row_height

    def _choose(self, index: int) -> None:
        """Post the subclass's ``Selected`` message for row ``index``."""
        raise NotImplementedError

    def action_move(self, step: int) -> None:
        """Move the highlight by ``step`` rows."""
        raise NotImplementedError

    # -- the highlight -----------------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The highlighted row, or ``None``."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        """Move the highlight (not choosing; ignored for a row it cannot rest on) and keep it on screen."""
        if index is not None and not self._selectable(index):
            return
        if index != self._highlighted:
            for old in (self._highlighted, index):
                if old is not None:
                    self._forget(old)
            self._highlighted = index
        self._keep_visible()

    def _forget_all(self) -> None:
        """Every line is drawn again, in the style the list has now."""
        self._strips.clear()
        self._base = None

    def _forget(self, index: int) -> None:
        """Redraw one row's lines only (a whole refresh sent every visible line through the compositor)."""
        for part in range(self.row_height):
            self._strips.discard((index, part))
        self.refresh_lines(index * self.row_height, self.row_height)

    def _keep_visible(self) -> None:
        if self._highlighted is None or not self.size.height:
            return
        top = self._highlighted * self.row_height
        bottom = top + self.row_height
        if top < self.scroll_offset.y:
            self.scroll_to(y=self._shown_from(self._highlighted), animate=False, immediate=True)
        elif bottom > self.scroll_offset.y + self.size.height:
            self.scroll_to(y=bottom - self.size.height, animate=False, immediate=True)

    # -- drawing -----------------------------------------------------------------------------------

    def _size_to_rows(self) -> None:
        """Size the scroll area to the rows (fixed height: nothing to measure).

        A list whose own height is set by the stylesheet keeps its place on screen
        when rows are added (see :func:`set_scroll_area`): the layout of the whole
        screen ran every half second while a library loaded (about 40 ms each).
        """
        size = Size(self.scrollable_content_region.width, self.row_count * self.row_height)
        height = self.styles.height
        if size == self.virtual_size or height is None or height.is_auto or not self.is_mounted:
            self.virtual_size = size
            return
        set_scroll_area(self, size)
        self.refresh()

    def on_mount(self) -> None:
        """Rows given before mounting get their scroll area now."""
        self._size_to_rows()

    def on_resize(self, event: events.Resize) -> None:
        """Rows are cut to the width, so a new width redraws them."""
        self._forget_all()
        self._size_to_rows()
        self._keep_visible()

    def notify_style_update(self) -> None:
        """Theme or focus changed: redraw with the new highlight style."""
        super().notify_style_update()
        self._forget_all()

    def render_line(self, y: int) -> Strip:
        """One line of one row, cut to the width, in the highlight's style if its row is highlighted."""
        index, part = divmod(round(self.scroll_offset.y) + y, self.row_height)
        strip = self._strips.get((index, part))
        if strip is not None:  # the common case, kept cheap: rich_style walks up the DOM
            return strip
        width = self.scrollable_content_region.width
        base = self._base
        if base is None:
            base = self._base = self.rich_style
        if index >= self.row_count:
            return Strip.blank(width, base)
        style = self._row_style(index, base)
        strip = Strip(self._segments(index, part, width)).apply_style(style).adjust_cell_length(width, style)
        self._strips[(index, part)] = strip
        return strip

    # -- choosing ----------------------------------------------------------------------------------

    def action_page(self, direction: int) -> None:
        """Move the highlight by a screenful."""
        self.action_move(direction * max(1, self.size.height // self.row_height - 1))

    def action_select(self) -> None:
        """Choose the highlighted row."""
        if self._highlighted is not None:
            self._choose(self._highlighted)

    def on_click(self, event: events.Click) -> None:
        """A click on a row the highlight may rest on highlights and chooses it."""
        index = (round(self.scroll_offset.y) + event.y) // self.row_height
        if self._selectable(index):
            self.highlighted = index
            self._choose(index)
