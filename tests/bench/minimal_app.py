"""The yardstick: the smallest Textual app that shows one line and answers a key.

The benchmark runs it in the same terminal, the same way, in the same run as
the reader, so the reader's figures can be read as multiples of what Python
and Textual cost anyway on this machine.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

READY = "Minimal app ready"


class MinimalApp(App[None]):
    """One line of text; every key but ``q`` rewrites it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Static(READY)

    def on_key(self, event: events.Key) -> None:
        """Show that the key arrived, as cheaply as Textual allows."""
        if event.key != "q":
            self.presses += 1
            self.query_one(Static).update(f"{READY}: key {self.presses}")


if __name__ == "__main__":
    MinimalApp().run()
