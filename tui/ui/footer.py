"""The key bar at the bottom: the keys of the focused pane, drawn as one line by one widget.

Textual's :class:`~textual.widgets.Footer` is a container with a widget per
key. Every change of the keys shown (each Tab, Esc back to the article, a
card's own keys) unmounted and mounted those widgets, styled them, and laid
the whole screen out again: more than half of a Tab's CPU (in-process, 40
presses of Tab and Esc: 2.0-2.4 s with the bar changing, 0.8-1.0 s without).
Here the bar is one widget that draws its line from the screen's active
bindings, so a change of keys, or of which are greyed out, only repaints
that line: no widget is mounted and nothing is laid out.

It draws what Textual's Footer draws, with the same theme variables: each
key and its description (one key per action, the first bound), greyed out
when its action is unavailable (``check_action``), and the command
palette's key on the right. A click on a key presses it (a bell if greyed
out), and the key under the pointer is lit and gives its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.keys import REPLACED_KEYS, key_to_character
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

__all__ = ["BarKey", "QuickFooter"]


@dataclass(frozen=True, slots=True)
class BarKey:
    """One key on the bar, as the bindings give it now."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    palette: bool = False
    """The command palette's key: drawn compact, on the right."""


class QuickFooter(Widget, can_focus=False):
    """The key bar: one line drawn from the focused pane's bindings, repainted when they change."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keybar--key", "keybar--description", "keybar--item", "keybar--disabled", "keybar--hover",
        "keybar--separator",
    }
    DEFAULT_CSS = """
    QuickFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keybar--item {
            background: $footer-item-background;
        }
        .keybar--disabled {
            text-style: dim;
        }
        .keybar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .keybar--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[BarKey, ...] = ()
        self._spans: list[tuple[int, int, BarKey]] = []
        """Where each key was drawn on the line (start and end cell), for clicks and the pointer."""
        self._hover: BarKey | None = None

    def on_mount(self) -> None:
        """Hear of binding changes at once: the bar is drawn in the same frame as the key's other changes."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed, immediate=True)

    def fill_now(self) -> None:
        """Fill the bar before the first paint (the bindings are known once the app has its focus)."""
        self._update()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen and screen.app.app_focus and self.is_attached:
            self._update()

    def _update(self) -> None:
        keys = self._keys_now()
        if keys != self.keys:
            self.keys = keys
            self.refresh()

    def _keys_now(self) -> tuple[BarKey, ...]:
        """The keys to show: the first binding shown of each action, then the command palette's.

        While a text box has the focus, keys that type a character are left
        out: they go into the box (the filter showed "/ Find", and "/" typed a slash).
        """
        app = self.app
        active = self.screen.active_bindings
        typing = isinstance(self.screen.focused, Input)
        keys: list[BarKey] = []
        actions: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            if typing and key_to_character(REPLACED_KEYS.get(binding.key, binding.key)) is not None:
                continue  # typed into the box, not a key of the app's ("/" in the filter)
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(self._bar_key(binding, enabled, tooltip))
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            keys.append(self._bar_key(binding, enabled, binding.tooltip or binding.description, palette=True))
        return tuple(keys)

    def _bar_key(self, binding: Binding, enabled: bool, tooltip: str, *, palette: bool = False) -> BarKey:
        return BarKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                      enabled, tooltip, palette)

    # -- drawing ---------------------------------------------------------------------------------

    def render(self) -> Text:
        """The keys left to right, the palette's key at the right edge, as Textual's Footer draws them."""
        width = self.size.width
        plain = [key for key in self.keys if not key.palette]
        palette = next((key for key in self.keys if key.palette), None)
        right = Text()
        if palette is not None:  # compact, as Textual draws it: no padding round the key
            right.append("▏", self.get_component_rich_style("keybar--separator"))
            right.append_text(self._label(palette, palette.display, f" {palette.description}"))
            right.append(" ")
        line, spans = Text(no_wrap=True, overflow="crop", end=""), []
        room = max(0, width - right.cell_len) if width else None
        for key in plain:
            label = self._label(key, f" {key.display} ", f"{key.description} " if key.description else "")
            if room is not None and line.cell_len + label.cell_len > room:
                break  # Textual's bar scrolled; a key half drawn would say nothing
            spans.append((line.cell_len, line.cell_len + label.cell_len, key))
            line.append_text(label)
        if palette is not None:
            start = max(line.cell_len, width - right.cell_len) if width else line.cell_len
            line.append(" " * (start - line.cell_len))
            spans.append((start + 1, start + right.cell_len, palette))
            line.append_text(right)
        self._spans = spans
        return line

    def _label(self, key: BarKey, shown: str, description: str) -> Text:
        """A key and its description in their styles, over the key's whole look: the bar's item
        background, dimmed when greyed out, lit under the pointer."""
        label = Text.assemble((shown, self.get_component_rich_style("keybar--key")),
                              (description, self.get_component_rich_style("keybar--description")))
        look = self.get_component_rich_style("keybar--item")
        if not key.enabled:
            look += self.get_component_rich_style("keybar--disabled")
        if key == self._hover:
            look += self.get_component_rich_style("keybar--hover")
        label.stylize_before(look)
        return label

    # -- the pointer -----------------------------------------------------------------------------

    def key_at(self, x: int) -> BarKey | None:
        """The key drawn at cell ``x`` of the bar, if any."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Press the key clicked, as typing it would (a bell if it is greyed out)."""
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._light(self.key_at(event.x))

    def on_leave(self, _event: events.Leave) -> None:
        self._light(None)

    def _light(self, key: BarKey | None) -> None:
        """Light the key under the pointer (``None``: none) and give its tooltip."""
        if key != self._hover:
            self._hover = key
            self.tooltip = (key.tooltip or key.description) if key is not None else None
            self.refresh()
