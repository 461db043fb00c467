"""The app's side of the map (``M``): opening it, listing it in the palette, closing it after a jump.

Kept apart from :mod:`tui.ui.map` (its screen, widgets and the geography and
braille model) so the reader's start-up does not import any of that: the map
module is imported when the map is first opened. Until then no screen can be
a :class:`~tui.ui.map.MapScreen`, which is how the checks here stay free.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.ui.messages import Navigate

if TYPE_CHECKING:
    from tui.ui.app import BriefingApp
    from tui.ui.map import MapScreen

__all__ = ["MapActions"]


def _map_screen_class() -> type[MapScreen] | None:
    """:class:`MapScreen` if the map module is loaded, else ``None`` (no map was ever opened)."""
    module = sys.modules.get("tui.ui.map")
    return None if module is None else cast("type[MapScreen]", module.MapScreen)


class MapActions(App[int]):
    """The app's side of the map: ``M`` (or the palette) opens it; a jump from a card over it closes it.

    A base class of :class:`tui.ui.app.BriefingApp` (Textual calls a message
    handler on every class of the app's MRO, so ``_on_navigate`` here runs
    after the app's own ``on_navigate``, which does the jump).
    """

    def action_map(self) -> None:
        """Open the map on the open briefing's places, the current place highlighted."""
        from tui.ui.map import MapScreen  # the map's modules load when it is first opened

        reader = cast("BriefingApp", self)
        scope = reader.sidebar.scope
        self.push_screen(MapScreen(reader.library, reader.briefing, reader.current_entity, scope))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette's commands, and the map."""
        yield from super().get_system_commands(screen)
        map_screen = _map_screen_class()
        if map_screen is None or not isinstance(screen, map_screen):
            yield SystemCommand("Map of the places", "The places of this briefing (or the library) on a map",
                                self.action_map)

    def _on_navigate(self, message: Navigate) -> None:
        """A jump (from a card opened on the map): the map under the card closes when the card does."""
        map_screen = _map_screen_class()
        if map_screen is None:
            return
        for screen in self.screen_stack:
            if isinstance(screen, map_screen):
                screen.jumped = True
                if self.screen is screen:
                    screen.dismiss(None)
