"""A list of fixed-height rows drawn line by line: for lists that may hold thousands of entries.

Textual's ``OptionList`` measures every option (wrapping it) whenever the list
changes, which costs seconds per rebuild at 1,000 briefings. Here every row is
exactly ``row_height`` lines (longer rows are cut with an ellipsis), so the
list needs no measuring: adding rows or moving the highlight redraws only what
is on screen. Rows are ``rich.text.Text`` built from model text by the caller
(never markup).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowList(ScrollView, can_focus=True):
    """Rows of ``row_height`` lines, one highlighted; Enter or a click selects it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rowlist--highlight"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False, id="list.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "edge(-1)", "First", show=False, id="list.first"),
        Binding("end,G", "edge(1)", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open", show=False, id="list.select"),
    ]

    @dataclass
    class Selected(Message):
        """A row was chosen by Enter or a click."""

        row_list: RowList
        index: int

        @property
        def control(self) -> RowList:
            """The list, so handlers can use ``@on(RowList.Selected, "#id")``."""
            return self.row_list

    @dataclass
    class Highlighted(Message):
        """The reader moved the highlight to a row (not posted for moves made by code)."""

        row_list: RowList
        index: int

        @property
        def control(self) -> RowList:
            """The list, so handlers can use ``@on(RowList.Highlighted, "#id")``."""
            return self.row_list

    def __init__(self, *, row_height: int = 1, id: str | None = None) -> None:
        super().__init__(id=id)
        self.row_height = max(1, row_height)
        self.rows: list[Text] = []
        self.highlighted: int | None = None
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(512)

    def set_rows(self, rows: list[Text], highlighted: int | None = None) -> None:
        """Replace every row (nothing is measured; only visible lines are drawn)."""
        self.rows = rows
        self.highlighted = highlighted if highlighted is not None and 0 <= highlighted < len(rows) else None
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows) * self.row_height)
        self.refresh()
        self._keep_visible()

    def replace_row(self, index: int, row: Text) -> None:
        """Redraw one row with new text."""
        if 0 <= index < len(self.rows):
            self.rows[index] = row
            self._forget(index)

    def highlight(self, index: int | None) -> None:
        """Move the highlight (without selecting) and keep it on screen."""
        if index is not None and not 0 <= index < len(self.rows):
            return
        if index != self.highlighted:
            for old in (self.highlighted, index):
                if old is not None:
                    self._forget(old)
            self.highlighted = index
        self._keep_visible()

    def _forget(self, index: int) -> None:
        """Redraw one row's lines only (a whole refresh sent every visible line through the compositor)."""
        for line in range(self.row_height):
            self._cache.discard((index, line))
        self.refresh_lines(index * self.row_height, self.row_height)

    def _keep_visible(self) -> None:
        if self.highlighted is None or not self.size.height:
            return
        top = self.highlighted * self.row_height
        bottom = top + self.row_height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > self.scroll_offset.y + self.size.height:
            self.scroll_to(y=bottom - self.size.height, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        """Rows are cut to the width, so a new width redraws them."""
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) * self.row_height)
        self._keep_visible()

    def notify_style_update(self) -> None:
        """Theme or focus changed: redraw with the new highlight style."""
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        """One line of one row, cut to the width, highlighted if its row is."""
        line = round(self.scroll_offset.y) + y
        index, part = divmod(line, self.row_height)
        strip = self._cache.get((index, part))
        if strip is not None:  # the common case, kept cheap: rich_style walks up the DOM
            return strip
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self.rows):
            return Strip.blank(width, base)
        lines = self.rows[index].split("\n", allow_blank=True)
        text = lines[part] if part < len(lines) else Text("")
        text = text.copy()
        text.truncate(width, overflow="ellipsis")
        style: Style = base
        if index == self.highlighted:
            style = base + self.get_component_rich_style("rowlist--highlight")
        segments = list(text.render(self.app.console))
        strip = Strip(segments).apply_style(style).adjust_cell_length(width, style)
        self._cache[(index, part)] = strip
        return strip

    def _move_to(self, index: int) -> None:
        """A highlight move by the reader: made, then reported."""
        index = max(0, min(len(self.rows) - 1, index))
        if index != self.highlighted:
            self.highlight(index)
            self.post_message(self.Highlighted(self, index))

    def action_move(self, step: int) -> None:
        """Move the highlight by ``step`` rows."""
        if self.rows:
            current = -1 if self.highlighted is None and step > 0 else (self.highlighted or 0)
            self._move_to(current + step)

    def action_page(self, direction: int) -> None:
        """Move the highlight by a screenful."""
        self.action_move(direction * max(1, self.size.height // self.row_height - 1))

    def action_edge(self, direction: int) -> None:
        """First or last row."""
        if self.rows:
            self._move_to(0 if direction < 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        """Choose the highlighted row."""
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        """A click highlights and chooses the row under the pointer."""
        index = (round(self.scroll_offset.y) + event.y) // self.row_height
        if 0 <= index < len(self.rows):
            self.highlight(index)
            self.post_message(self.Selected(self, index))
