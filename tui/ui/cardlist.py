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
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style


@dataclass(frozen=True, slots=True)
class Line:
    """A row of the list: how to build its text, and whether the highlight may rest on it."""

    build: Callable[[], Content]
    selectable: bool = True


class CardList(ScrollView, can_focus=True):
    """The card's rows, one line each, with vim's j/k as well as the arrows; Enter or a click chooses."""

    KEY_GROUP = "Entity card"
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
        self._highlighted: int | None = None
        self._built: dict[int, Content] = {}
        self._strips: LRUCache[int, Strip] = LRUCache(256)

    def replace_lines(self, lines: list[Line]) -> None:
        """Replace every row (the card shows another entity), back at the top with no highlight."""
        self.lines = lines
        self._highlighted = None
        self._built.clear()
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def count(self) -> int:
        """How many rows the list has (headings included)."""
        return len(self.lines)

    def prompt(self, index: int) -> Content:
        """Row ``index``'s text, built now if it has not been drawn yet."""
        built = self._built.get(index)
        if built is None:
            built = self._built[index] = self.lines[index].build()
        return built

    @property
    def highlighted(self) -> int | None:
        """The highlighted row (never a heading), or ``None``."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None and not (0 <= index < len(self.lines) and self.lines[index].selectable):
            return
        for old in (self._highlighted, index):
            if old is not None:
                self._strips.discard(old)
        self._highlighted = index
        self.refresh()
        self._keep_visible()

    def on_mount(self) -> None:
        """Size the scroll area to the rows (one line each: nothing to measure)."""
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.lines))

    def on_resize(self, event: events.Resize) -> None:
        """Rows are cut to the width, so a new width redraws them."""
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.lines))
        self._keep_visible()

    def notify_style_update(self) -> None:
        """Theme or focus changed: redraw with the new highlight style."""
        super().notify_style_update()
        self._strips.clear()

    def _keep_visible(self) -> None:
        if self._highlighted is None or not self.size.height:
            return
        top = self.scroll_offset.y
        if self._highlighted < top:  # moving up: show the headings just above the row too
            first = self._highlighted
            while first > 0 and not self.lines[first - 1].selectable:
                first -= 1
            self.scroll_to(y=first, animate=False, immediate=True)
        elif self._highlighted >= top + self.size.height:
            self.scroll_to(y=self._highlighted - self.size.height + 1, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        """One row, cut to the width, highlighted if it is the highlighted row."""
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self.lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            style = base
            if index == self._highlighted:
                style = base + self.get_component_rich_style("cardlist--highlight")
            elif not self.lines[index].selectable:
                style = base + self.get_component_rich_style("cardlist--heading")
            content = self.prompt(index).truncate(width, ellipsis=True)
            pieces = content.render(Style.null(), end="", parse_style=self.app.stylesheet.parse_style)
            segments = [Segment(text, piece.rich_style) for text, piece in pieces]
            strip = self._strips[index] = Strip(segments).apply_style(style).adjust_cell_length(width, style)
        return strip

    # -- moving and choosing ---------------------------------------------------------------------

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

    def action_page(self, direction: int) -> None:
        """Move the highlight by a screenful."""
        self.action_move(direction * max(1, self.size.height - 1))

    def action_edge(self, direction: int) -> None:
        """The first or the last row one can go to."""
        self.highlighted = self._step(0, 1) if direction < 0 else self._step(len(self.lines) - 1, -1)

    def action_select(self) -> None:
        """Choose the highlighted row."""
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._highlighted))

    def on_click(self, event: events.Click) -> None:
        """A click on a row (not a heading) chooses it."""
        index = round(self.scroll_offset.y) + event.y
        if 0 <= index < len(self.lines) and self.lines[index].selectable:
            self.highlighted = index
            self.post_message(self.Selected(self, index))
