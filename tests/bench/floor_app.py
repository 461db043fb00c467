"""A second yardstick: bare Textual making the same screen changes as the reader, and nothing else.

The minimal app (:mod:`tests.bench.minimal_app`) rewrites one line per key. The
reader's keys redraw a whole pane (page down, End) or switch to a card screen,
which Textual cannot do as cheaply however little the app does. This app has
the reader's shape at 160x45 (a 29-column pane, a 92-column line-API text
view, a side pane, a status line) filled with plain lines, and no other work:
page down and End scroll the text view; Enter pushes an installed modal card
(a header and a line list, 100 columns by 85%); Escape closes it. The
benchmark times it like the reader, so each reader figure can also be read
against what Textual needs for the same change.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

READY = "Floor app ready"
WORDS = ("the", "minister", "said", "on", "Monday", "that", "talks", "in", "the", "capital", "would",
         "resume", "after", "the", "vote")
PLAIN, BOLD = Style(color="white"), Style(color="yellow", bold=True)


def line_text(number: int) -> str:
    """A deterministic line of prose-like words (the text itself does not matter, only its size)."""
    words = [WORDS[(number * 7 + index * 3) % len(WORDS)] for index in range(16)]
    return f"{number:5d} " + " ".join(words)


class Lines(ScrollView, can_focus=True):
    """A line-API view of numbered lines: each line two styled segments, built when drawn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page", "Page down"),
        Binding("end", "edge(1)", "End"),
        Binding("home", "edge(0)", "Home"),
    ]

    def __init__(self, count: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.count = count

    def on_mount(self) -> None:
        self.virtual_size = Size(90, self.count)

    def render_line(self, y: int) -> Strip:
        number = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if number >= self.count:
            return Strip.blank(width)
        text = READY if number == 0 else line_text(number)
        return Strip([Segment(text[:6], BOLD), Segment(text[6:width], PLAIN)]).adjust_cell_length(width)

    def action_page(self) -> None:
        self.scroll_to(y=self.scroll_offset.y + self.size.height, animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)


class Card(ModalScreen[None]):
    """A card over the panes: a header and a list, like the reader's entity card."""

    DEFAULT_CSS = """
    Card { align: center middle; background: $background; }
    Card > Vertical { width: 100; height: 85%; border: round $accent; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("A card: name, kind\nrole: somebody somewhere")
            yield Lines(400)


class FloorApp(App[None]):
    """Three panes and a status line; the text view has the focus."""

    CSS = """
    #left { width: 29; }
    #text { width: 92; }
    #right { width: 1fr; }
    #status { height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit"), Binding("enter", "card", "Card")]

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("Briefings\n" + "\n".join(line_text(n)[:27] for n in range(20)), id="left")
            yield Lines(20_000, id="text")
            yield Static("People\n" + "\n".join(line_text(n)[:36] for n in range(40)), id="right")
        yield Static("status line", id="status")

    def on_mount(self) -> None:
        self.install_screen(Card(), "card")
        self.query_one("#text").focus()

    def action_card(self) -> None:
        self.push_screen("card")


if __name__ == "__main__":
    FloorApp().run()
