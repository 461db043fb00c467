"""The key bar at the bottom: Textual's Footer, but greying a key out does not rebuild the bar.

Textual's :class:`~textual.widgets.Footer` recomposes (unmounts and mounts a
widget per key, then lays the screen out again) every time the bindings may
have changed: on every focus change, and whenever the app greys out a key
(Back after the first jump, Forward after Back). Profiled on a reading
session, that was 30 to 50 ms of a key press. Here the bar is recomposed only
when the keys it shows change; when only whether they are enabled changes,
the ``-disabled`` class of the keys concerned is switched in place, in the
same frame as the rest of the key's changes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # the Footer's own key widget, to update in place

Shown = tuple[tuple[str, str, str, str, bool], ...]
"""What the bar shows, enabled or not: (key, display, description, action, command palette?) per binding."""


class QuickFooter(Footer):
    """A Footer that switches keys between enabled and disabled without recomposing."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None
        self._rebuild_queued = False

    def _bindings_shown(self) -> tuple[Shown, dict[tuple[str, str], bool]]:
        """What the bar would show now, and whether each (key, action) is enabled."""
        active = self.screen.active_bindings
        palette = self.app.COMMAND_PALETTE_BINDING
        shown: list[tuple[str, str, str, str, bool]] = []
        enabled: dict[tuple[str, str], bool] = {}
        for key, (_node, binding, on, tooltip) in active.items():
            if binding.show or key == palette:
                group = binding.group.description if binding.group is not None else ""
                shown.append((binding.key, self.app.get_key_display(binding),
                               f"{binding.description}\0{tooltip}\0{group}", binding.action, key == palette))
                enabled.setdefault((binding.key, binding.action), on)
        return tuple(shown), enabled

    def on_mount(self) -> None:
        """Hear of binding changes at once, not as a callback queued on the bar.

        Queued, the change was drawn one frame after the rest of the key's
        changes (35-40 ms later); heard at once, it joins them. Textual's
        handler (run after this one) subscribes the queued way, so the
        subscription is replaced once mounting is done.
        """
        self.call_next(self._subscribe_at_once)

    def _subscribe_at_once(self) -> None:
        signal = self.screen.bindings_updated_signal
        signal.unsubscribe(self)
        signal.subscribe(self, self.bindings_changed, immediate=True)

    def compose(self) -> ComposeResult:
        """Textual's keys, given their compact look before they mount.

        A new key is compact until its binding to the bar's ``compact`` sets
        it back, and its watcher switches the class when it mounts: each
        switch restyled that key on its own (two restyles a key, ~14 ms for a
        bar of 20 keys, before the first paint and at every change of focus).
        Set beforehand, the switches find nothing to do. The command
        palette's key is not bound to the bar and stays compact, as in Textual.
        """
        widget: Widget
        for widget in super().compose():
            if isinstance(widget, FooterKey):  # (reading ``compact`` first would run the watcher)
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def compose_now(self) -> None:
        """Fill the bar before the first paint, once (Textual's Footer fills it after, on a bindings change).

        The rebuild runs from the bar's own queue; binding changes until then
        (the app's first focus) are taken into it rather than queuing another.
        """
        self._bindings_ready = True
        self._rebuild_queued = True
        self.refresh(recompose=True)

    def recompose_later(self) -> None:
        """Rebuild the bar after the next refresh (as Textual's Footer does on each change), if still due."""
        self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        """A rebuild asked for before :meth:`compose_now`'s may find the bar already showing these keys."""
        if self.is_attached and self._bindings_shown()[0] == self._shown:
            self._rebuild_queued = False
            return
        await self.recompose()

    async def recompose(self) -> None:
        """Rebuild the bar, remembering what it shows."""
        self._rebuild_queued = False
        if self._bindings_ready and self.is_attached:
            self._shown = self._bindings_shown()[0]
        await super().recompose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Switch keys on and off in place; recompose only if the keys shown changed."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        shown, enabled = self._bindings_shown()
        if shown != self._shown:  # rebuilt from the bar's own queue, as Textual's Footer does
            if not self._rebuild_queued:  # one rebuild serves every change before it (3 at start-up)
                self._rebuild_queued = True
                self.call_next(self.recompose_later)
            return
        for footer_key in self.query(FooterKey):
            on = enabled.get((footer_key.key, footer_key.action), True)
            if footer_key._disabled == on:  # FooterKey keeps it private
                footer_key._disabled = not on
                footer_key.set_class(not on, "-disabled")
