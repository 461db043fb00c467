"""The entity card's list: one line per row, each row's text built only when it is first drawn.

A place named 2,000 times across a library has 2,000 keyword-in-context rows;
Textual's ``OptionList`` measured (wrapped) every one of them, several times,
before the card could show, and each row's sentence had to be found first: a
third of a second or more per card. Here a row is a function that builds its
:class:`~textual.content.Content` when the row scrolls into view (then kept),
every row is exactly one line (cut with an ellipsis), and headings are rows
the highlight steps over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style

from tui.ui.linelist import LineList


@dataclass(frozen=True, slots=True)
class Line:
    """A row of the list: how to build its text, and whether the highlight may rest on it."""

    build: Callable[[], Content]
    selectable: bool = True


class CardList(LineList):
    """The card's rows, one line each, with vim's j/k as well as the arrows; Enter or a click chooses."""

    KEY_GROUP = "Entity card"
    HIGHLIGHT = "cardlist--highlight"
    COMPONENT_CLASSES: ClassVar[set[str]] = {"cardlist--highlight", "cardlist--heading"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False, id="card.down"),
        Binding("k,up", "move(-1)", "Up", show=False, id="card.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="card.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="card.page_up"),
        Binding("home", "edge(-1)", "First row", show=False, id="card.first"),
        Binding("end", "edge(1)", "Last row", show=False, id="card.last"),
        Binding("enter", "select", "Go there", show=False, id="card.go"),
    ]

    @dataclass
    class Selected(Message):
        """A row was chosen by Enter or a click."""

        card_list: CardList
        index: int

        @property
        def control(self) -> CardList:
            """The list, so handlers can use ``@on(CardList.Selected, "#id")``."""
            return self.card_list

    def __init__(self, lines: list[Line], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines = lines
        self._built: dict[int, Content] = {}

    def replace_lines(self, lines: list[Line]) -> None:
        """Replace every row (the card shows another entity), back at the top with no highlight."""
        self.lines = lines
        self._highlighted = None
        self._built.clear()
        self._forget_all()
        self._size_to_rows()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def count(self) -> int:
        """How many rows the list has (headings included)."""
        return len(self.lines)

    row_count = count  # what LineList sizes and draws by

    def prompt(self, index: int) -> Content:
        """Row ``index``'s text, built now if it has not been drawn yet."""
        built = self._built.get(index)
        if built is None:
            built = self._built[index] = self.lines[index].build()
        return built

    def _selectable(self, index: int) -> bool:
        """Headings are stepped over."""
        return 0 <= index < len(self.lines) and self.lines[index].selectable

    def _row_style(self, index: int, base: RichStyle) -> RichStyle:
        """Headings have a style of their own."""
        if index != self._highlighted and not self.lines[index].selectable:
            return base + self.get_component_rich_style("cardlist--heading")
        return super()._row_style(index, base)

    def _shown_from(self, index: int) -> int:
        """Moving up: show the headings just above the row too."""
        while index > 0 and not self.lines[index - 1].selectable:
            index -= 1
        return index

    def _segments(self, index: int, part: int, width: int) -> list[Segment]:
        """The row's one line, built if it is drawn for the first time, cut to the width."""
        content = self.prompt(index).truncate(width, ellipsis=True)
        pieces = content.render(Style.null(), end="", parse_style=self.app.stylesheet.parse_style)
        return [Segment(text, piece.rich_style) for text, piece in pieces]

    def _choose(self, index: int) -> None:
        """Report the choice (the card or the map goes there)."""
        self.post_message(self.Selected(self, index))

    # -- moving ------------------------------------------------------------------------------------

    def _step(self, start: int, direction: int) -> int | None:
        """The first selectable row from ``start`` on in ``direction`` (``start`` included)."""
        index = start
        while 0 <= index < len(self.lines):
            if self.lines[index].selectable:
                return index
            index += direction
        return None

    def action_move(self, step: int) -> None:
        """Move the highlight by ``step`` rows, stepping over headings; stay put at either end."""
        direction = 1 if step > 0 else -1
        if self._highlighted is None:
            target = self._step(0 if step > 0 else len(self.lines) - 1, direction)
        else:
            clamped = max(0, min(len(self.lines) - 1, self._highlighted + step))
            target = self._step(clamped, direction)
            if target is None:  # only headings that way: the nearest row back
                target = self._step(clamped, -direction)
        if target is not None:
            self.highlighted = target

    def action_edge(self, direction: int) -> None:
        """The first or the last row one can go to."""
        self.highlighted = self._step(0, 1) if direction < 0 else self._step(len(self.lines) - 1, -1)
