"""The status line: where the reader is (briefing › section), the trail of the last jumps, loading progress.

Every piece of article text passes through :func:`tui.ui.text.one_line`, so a
title with markup or escape sequences shows literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from tui.model.library import Library
from tui.model.navigation import Position
from tui.ui.text import assemble, one_line


def position_label(library: Library, position: Position) -> str:
    """A short name for a place in the trail: the text there, else its section, else its briefing."""
    briefing = library.briefing(position.briefing)
    if briefing is None:
        return position.briefing
    loc = position.location
    if loc is None or loc.section >= len(briefing.sections):
        return briefing.title
    if loc.end > loc.start and loc.block < len(briefing.sections[loc.section].blocks):
        return briefing.block(loc.section, loc.block).text[loc.start : loc.end]
    return briefing.sections[loc.section].title or briefing.title


class StatusLine(Widget):
    """One line at the bottom, above the Footer (redrawn without a layout pass)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._row = Text()

    def render(self) -> Text:
        """The last row built by :meth:`show`."""
        return self._row

    def show(
        self,
        briefing: str | None,
        section: str | None,
        trail: Sequence[str] = (),
        entity: str | None = None,
        loading: tuple[int, int] | None = None,
    ) -> None:
        """Redraw from plain strings (all shown literally)."""
        row = Text(end="", no_wrap=True, overflow="ellipsis")
        if loading is not None:
            done, total = loading  # no total yet: the folders are still being listed
            row.append_text(assemble((f"⟳ loading {done}/{total}  " if total else "⟳ loading…  ", "bold")))
        if briefing:
            row.append_text(assemble((one_line(briefing, 50), "bold")))
            if section:
                row.append_text(assemble(" › ", one_line(section, 40)))
        if entity:
            row.append_text(assemble(("   ◆ ", "dim"), one_line(entity, 30)))
        if trail:
            row.append_text(assemble(("   trail: ", "dim")))
            for index, step in enumerate(trail):
                if index:
                    row.append(" › ", style="dim")
                row.append_text(assemble((one_line(step, 24), "italic")))
        if row != self._row:
            self._row = row
            self.refresh()
