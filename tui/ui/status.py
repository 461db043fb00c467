"""The status line: where the reader is (briefing › section), the trail of the last jumps, loading progress.

Every piece of article text passes through :func:`tui.ui.text.one_line`, so a
title with markup or escape sequences shows literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from tui.model.library import Library
from tui.model.navigation import Position
from tui.model.textsearch import text_at
from tui.ui.text import assemble, one_line


def position_label(library: Library, position: Position) -> str:
    """A short name for a place in the trail: the text there, else its section, else its briefing."""
    briefing = library.briefing(position.briefing)
    if briefing is None:
        return position.briefing
    loc = position.location
    if loc is None or loc.section >= len(briefing.sections):
        return briefing.title
    section = briefing.sections[loc.section]
    if loc.end > loc.start and loc.block < len(section.blocks):  # a mention, a quote, a search match
        return text_at(briefing, loc)[loc.start : loc.end]
    return section.title or briefing.title


class StatusLine(Widget):
    """One line at the bottom, above the key bar (redrawn without a layout pass).

    Built to its width when rendered: a long title and section are shortened
    so the current person or place stays in view. Between the side panes the
    line is often 50 to 90 cells wide, and a 50-character title and a
    40-character section pushed the current entity off its end.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: tuple[str, str, str, str, tuple[str, ...]] = ("", "", "", "", ())
        self._fitted: tuple[int, Text] | None = None

    def render(self) -> Text:
        """The pieces given to :meth:`show`, fitted to the line's width."""
        width = self.size.width
        if self._fitted is None or self._fitted[0] != width:
            self._fitted = (width, _fit(*self._parts, width))
        return self._fitted[1]

    def show(
        self,
        briefing: str | None,
        section: str | None,
        trail: Sequence[str] = (),
        entity: str | None = None,
        loading: tuple[int, int] | None = None,
    ) -> None:
        """Redraw from plain strings (all shown literally)."""
        progress = ""
        if loading is not None:
            done, total = loading  # no total yet: the folders are still being listed
            progress = f"⟳ loading {done}/{total}  " if total else "⟳ loading…  "
        parts = (
            progress,
            one_line(briefing, 100) if briefing else "",
            one_line(section, 80) if briefing and section else "",
            one_line(entity, 30) if entity else "",
            tuple(one_line(step, 24) for step in trail),
        )
        if parts != self._parts:
            self._parts, self._fitted = parts, None
            self.refresh()


_SEPARATOR, _ENTITY_MARK, _TRAIL = " › ", "◆ ", "trail: "
_GAP = "   "
"""Between the parts of the line: the title, the current entity, the trail."""
_SHORTEST = 8
"""A title or section shortened below this many cells says nothing: it is left out instead."""


def _fit(progress: str, title: str, section: str, entity: str, trail: tuple[str, ...], width: int) -> Text:
    """The status row in ``width`` cells (any width when 0: not laid out yet).

    What matters most is kept first: the progress, then the current entity
    (its name shortened only when nothing else is left), then the title and
    the section, which share what remains (the section shortened first, and
    either left out rather than cut below :data:`_SHORTEST` cells), then as
    many whole steps of the trail as still fit. Nothing is cut at the edge.
    """
    if width:
        progress = _clip(progress.rstrip(), width) + ("  " if progress else "")
        entity = _clip(entity, width - cell_len(progress) - cell_len(_ENTITY_MARK)) if entity else ""
        room = width - cell_len(progress) - (cell_len(_GAP + _ENTITY_MARK + entity) if entity else 0)
        title, section = _share(title, section, room)
    row = Text(end="", no_wrap=True, overflow="crop")
    if progress:
        row.append_text(assemble((progress, "bold")))
    if title:
        row.append_text(assemble((title, "bold")))
        if section:
            row.append_text(assemble(_SEPARATOR, section))
    if entity:
        row.append_text(assemble((_GAP if title else "", ""), (_ENTITY_MARK, "dim"), entity))
    steps = _whole_steps(trail, width - row.cell_len - cell_len(_GAP + _TRAIL) if width else None)
    if steps:
        row.append_text(assemble(((_GAP if row.cell_len else "") + _TRAIL, "dim")))
        for index, step in enumerate(steps):
            if index:
                row.append(_SEPARATOR, style="dim")
            row.append_text(assemble((step, "italic")))
    if width:
        row.truncate(width)  # only if the progress alone is wider than the line
    return row


def _share(title: str, section: str, room: int) -> tuple[str, str]:
    """The title and the section in ``room`` cells: the section gives way first, then the title."""
    both = cell_len(title) + cell_len(_SEPARATOR) + cell_len(section) if section else cell_len(title)
    if both <= room:
        return title, section
    title_room = min(cell_len(title), max(_SHORTEST, (room - cell_len(_SEPARATOR)) * 3 // 5))
    section_room = room - title_room - cell_len(_SEPARATOR)
    if section_room < _SHORTEST:
        section, title_room = "", room
    if title_room < _SHORTEST:
        return "", ""
    return _clip(title, title_room), _clip(section, section_room) if section else ""


def _whole_steps(trail: tuple[str, ...], room: int | None) -> tuple[str, ...]:
    """As many steps of the trail, from its start, as fit whole in ``room`` cells (all when ``None``)."""
    if room is None:
        return trail
    fitted: list[str] = []
    for step in trail:
        if cell_len(_SEPARATOR.join([*fitted, step])) > room:
            break
        fitted.append(step)
    return tuple(fitted)


def _clip(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` cells, one ellipsis marking the cut (empty when no room)."""
    if cell_len(text) <= cells:
        return text
    if cells <= 1:
        return ""
    clipped = Text(text)
    clipped.truncate(cells - 1)
    return clipped.plain.rstrip().rstrip("…").rstrip() + "…"
