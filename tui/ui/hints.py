"""Hint mode (``f``, as in vimium): a short label on every visible mention and quote; typing one jumps there.

The screen sits over the reader and asks the article which linked items start
on screen and where (:meth:`tui.ui.article.ArticleView.visible_items`), then
puts a label at each. Labels all have the same length, so none is the start of
another and a label is complete as soon as it is typed; labels that no longer
fit what has been typed disappear. The jump is a
:class:`~tui.ui.messages.Navigate` (recorded, so Back returns); Escape cancels,
Backspace takes back a letter.
"""

from __future__ import annotations

from itertools import product
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from tui.ui.article import ArticleView
from tui.ui.messages import Navigate

HINT_ALPHABET = "sadfjklewcmpgh"
"""Vimium's default hint letters: the home row first, so most labels are typed without moving."""


def hint_labels(count: int, alphabet: str = HINT_ALPHABET) -> list[str]:
    """``count`` labels of equal length, the shortest length that has enough, in alphabet order."""
    if count <= 0 or not alphabet:
        return []
    length = 1
    while len(alphabet) ** length < count:
        length += 1
    labels = product(alphabet, repeat=length)
    return ["".join(letters) for _, letters in zip(range(count), labels, strict=False)]


class HintScreen(ModalScreen[None]):
    """Labels over the visible linked items of the article; type one to put the cursor there."""

    KEY_GROUP = "Hint mode"

    DEFAULT_CSS = """
    HintScreen {
        background: $background 20%;
    }
    HintScreen > .hint {
        position: absolute;
        width: auto;
        height: 1;
        padding: 0;
        background: $warning;
        color: $background;
        text-style: bold;
    }
    HintScreen > #hint-help {
        dock: bottom;
        width: 100%;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="hints.cancel"),
        Binding("backspace", "erase", "Erase a letter", id="hints.erase"),
    ]

    def __init__(self, article: ArticleView, alphabet: str = HINT_ALPHABET) -> None:
        super().__init__()
        self.article = article
        self.alphabet = alphabet
        self.typed = ""
        self.targets: dict[str, int] = {}
        """Label → index of the article's linked item it stands on."""
        self._labels: dict[str, Label] = {}

    def compose(self) -> ComposeResult:
        visible = self.article.visible_items()
        region = self.article.content_region
        next_free: dict[int, int] = {}
        for (index, x, y), label in zip(visible, hint_labels(len(visible), self.alphabet), strict=False):
            row = region.y + y
            column = max(region.x + x, next_free.get(row, 0))  # labels on one row never overlap
            next_free[row] = column + len(label) + 1
            widget = Label(Content(label), classes="hint")
            widget.styles.offset = (column, row)
            self.targets[label] = index
            self._labels[label] = widget
            yield widget
        yield Label(Content("Type a label to jump there · Backspace takes back a letter · Esc cancels"),
                    id="hint-help")

    def on_mount(self) -> None:
        """Nothing linked on screen: say so and leave at once."""
        if not self.targets:
            self.notify("No mention or quote on screen.", timeout=2)
            self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        """A letter narrows the labels; a complete label jumps."""
        char = (event.character or "").lower()
        if not char or char not in self.alphabet:
            return
        event.stop()
        event.prevent_default()
        typed = self.typed + char
        if not any(label.startswith(typed) for label in self.targets):
            self.app.bell()
            return
        self.typed = typed
        if typed in self.targets:
            self.jump(self.targets[typed])
        else:
            self._show_typed()

    def _show_typed(self) -> None:
        for label, widget in self._labels.items():
            widget.display = label.startswith(self.typed)
            rest = label[len(self.typed):]
            widget.update(Content.assemble((self.typed, "dim"), rest) if widget.display else Content(label))

    def jump(self, index: int) -> None:
        """Close, and move the cursor to item ``index`` of the article (a recorded jump)."""
        item = self.article.items[index]
        self.dismiss(None)
        self.app.post_message(Navigate(item.position))

    def action_cancel(self) -> None:
        """Leave hint mode without moving."""
        self.dismiss(None)

    def action_erase(self) -> None:
        """Take back the last letter typed."""
        self.typed = self.typed[:-1]
        self._show_typed()
