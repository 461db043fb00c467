"""A list of fixed-height rows of Rich ``Text``: for lists that may hold thousands of entries.

The briefing list, the outline and the sidebar's lists. Every row is exactly
``row_height`` lines (:class:`~tui.ui.linelist.LineList` draws them, nothing
measured); rows are ``rich.text.Text`` built from model text by the caller
(never markup), all given at once, each either built or a function that
builds it when it is first drawn (a briefing's 868 quotes were all built to
show the 20 on screen), and the reader's highlight moves are reported
(:class:`RowList.Highlighted`) so a pane can follow them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from tui.ui.linelist import LineList


class RowList(LineList):
    """Rows of ``row_height`` lines, one highlighted; Enter or a click selects it."""

    HIGHLIGHT = "rowlist--highlight"
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
        super().__init__(row_height=row_height, id=id)
        self._rows: list[Text | Callable[[], Text]] = []
        self._lines: dict[int, list[Text]] = {}
        """Each drawn row split into its lines, once (it was split again for every line of it drawn)."""

    @property
    def row_count(self) -> int:
        """How many rows the list has."""
        return len(self._rows)

    def row(self, index: int) -> Text:
        """Row ``index``'s text, built now if it was given as a function."""
        row = self._rows[index]
        if not isinstance(row, Text):
            row = self._rows[index] = row()
        return row

    @property
    def rows(self) -> list[Text]:
        """Every row's text (building any not drawn yet)."""
        return [self.row(index) for index in range(len(self._rows))]

    def set_rows(self, rows: Sequence[Text | Callable[[], Text]], highlighted: int | None = None) -> None:
        """Replace every row (nothing is measured; only visible lines are drawn, and built)."""
        self._rows = list(rows)
        self._lines.clear()
        self._highlighted = highlighted if highlighted is not None and 0 <= highlighted < len(rows) else None
        self._forget_all()
        self._size_to_rows()
        self.refresh()
        self._keep_visible()

    def replace_row(self, index: int, row: Text) -> None:
        """Redraw one row with new text."""
        if 0 <= index < len(self._rows):
            self._rows[index] = row
            self._lines.pop(index, None)
            self._forget(index)

    def _segments(self, index: int, part: int, width: int) -> list[Segment]:
        """Line ``part`` of row ``index``'s text, cut to the width."""
        lines = self._lines.get(index)
        if lines is None:
            lines = self._lines[index] = list(self.row(index).split("\n", allow_blank=True))
        text = lines[part].copy() if part < len(lines) else Text("")
        text.truncate(width, overflow="ellipsis")
        return list(text.render(self.app.console))

    def _choose(self, index: int) -> None:
        """Report the choice; handlers tell the lists apart by id (``@on(RowList.Selected, "#id")``)."""
        self.post_message(self.Selected(self, index))

    def _move_to(self, index: int) -> None:
        """A highlight move by the reader: made, then reported."""
        index = max(0, min(len(self._rows) - 1, index))
        if index != self._highlighted:
            self.highlighted = index
            self.post_message(self.Highlighted(self, index))

    def action_move(self, step: int) -> None:
        """Move the highlight by ``step`` rows."""
        if self._rows:
            current = -1 if self._highlighted is None and step > 0 else (self._highlighted or 0)
            self._move_to(current + step)

    def action_edge(self, direction: int) -> None:
        """First or last row."""
        if self._rows:
            self._move_to(0 if direction < 0 else len(self._rows) - 1)
