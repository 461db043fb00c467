"""The help screen (``?``): every key of the app, with its id and what it does.

Generated from the bindings themselves (:func:`tui.ui.keymap.binding_groups`)
and the keymap the user's config applied, so it shows the keys that work now
and never goes stale when a binding is added or remapped. The ids are what
``config.toml`` remaps, so the screen also says where that file is.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.ui.keymap import applied_keymap, binding_groups, config_path, effective_keys, key_display
from tui.ui.text import one_line


def describe(binding: Binding) -> str:
    """What a key does, in a sentence: its tooltip (the Footer's label is one or two words)."""
    return binding.tooltip or binding.description or binding.action


class HelpTable(DataTable[Text]):
    """The keys table, with vim's j/k and g/G as well as the arrows."""

    KEY_GROUP = "Help screen"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="help.down"),
        Binding("k", "cursor_up", "Up", show=False, id="help.up"),
        Binding("g", "scroll_top", "Top", show=False, id="help.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="help.bottom"),
    ]


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works: everywhere, the article, the sidebars, the card..."""

    KEY_GROUP = "Help screen"

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help {
        width: 120;
        max-width: 100%;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen #help-title {
        text-style: bold;
        padding-bottom: 1;
    }
    HelpScreen #help-config {
        color: $text-muted;
        padding-top: 1;
    }
    HelpScreen HelpTable {
        height: 1fr;
        background: $surface;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content("Keys (the id is what config.toml remaps)"), id="help-title")
            yield HelpTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content.assemble("Remap keys in ", (one_line(str(config_path())), "bold"),
                                          ' under [keys], e.g. "app.search" = "ctrl+f"'),
                         id="help-config")

    def on_mount(self) -> None:
        """Fill the table from the bindings as they are now (the user's keymap applied)."""
        table = self.query_one(HelpTable)
        table.add_column(Text("Key"), key="key")
        table.add_column(Text("What it does"), key="description")
        table.add_column(Text("Id"), key="id")
        keymap = applied_keymap(self.app)
        for group in binding_groups(self.app):
            table.add_row(Text(group.title, style="bold underline"), Text(""), Text(""))
            for binding in group.bindings:
                keys = "  ".join(key_display(self.app, key) for key in effective_keys(binding, keymap))
                table.add_row(
                    Text(keys, style="bold"),
                    Text(describe(binding)),
                    Text(binding.id or "—", style="dim"),
                )
        table.focus()

    def rows(self) -> list[tuple[str, ...]]:
        """The table's rows as plain text (key, description, id), for tests and for copying."""
        table = self.query_one(HelpTable)
        return [tuple(cell.plain for cell in table.get_row_at(index)) for index in range(table.row_count)]

    def action_close(self) -> None:
        """Back to reading."""
        self.dismiss(None)
