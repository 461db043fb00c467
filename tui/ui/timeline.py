"""The entity card's timeline strip, and its dossier keys: when a person or place came up, and taking it away.

:class:`TimelineStrip` draws :func:`tui.model.timeline.timeline` as one bar per
briefing, oldest on the left, undated ones after a ``┊``, the bar's height the
mention count; the dates are written under the bars where they fit, and the
line below says everything about the chosen point (date, title, mentions,
role, quotes). ``<`` / ``>`` move along it from anywhere in the card (and give
it focus); with focus, ←/→ or h/l move too, Home/End go to the ends, and Enter
(or a click on a bar) jumps to that briefing's first mention, through the same
:class:`~tui.ui.messages.Navigate` as every card row, so Back comes back.

:class:`TimelineCard` is the base of the entity card that carries those keys
and the dossier ones: ``D`` saves the Markdown dossier
(:func:`tui.model.dossier.dossier_markdown`) to a file named in a small
prompt (:mod:`tui.ui.dossier_prompt`), written atomically; ``Y`` copies it to the clipboard. Success or the
reason it failed is a notification, never a traceback. All article text is
shown as :class:`~textual.content.Content` from :func:`tui.ui.text.one_line`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget

from tui.model.dossier import dossier_filename, dossier_markdown
from tui.model.entities import EntityKind
from tui.model.library import Library
from tui.model.mdwrite import write_atomic
from tui.model.navigation import Position
from tui.model.timeline import Timeline, TimelinePoint, timeline
from tui.ui.dossier_prompt import SaveDossier
from tui.ui.reader_screen import QuietFocus
from tui.ui.text import one_line

BARS = " ▁▂▃▄▅▆▇█"
"""Eighths of a cell, for bars two rows high (16 steps)."""
MIN_CELL, MAX_CELL = 2, 12
"""Columns per point: a bar and a gap when many briefings must fit, room for each date when few."""
UNDATED_RULE = "┊"


def bar_cells(count: int, most: int) -> tuple[str, str]:
    """The (top, bottom) characters of a bar for ``count`` of ``most``: never empty when ``count`` > 0."""
    if count <= 0:
        return " ", "·"
    eighths = max(1, round(16 * count / max(most, 1)))
    return BARS[max(0, eighths - 8)], BARS[min(8, eighths)]


def point_label(point: TimelinePoint, index: int, total: int) -> Content:
    """The line under the strip: which briefing, how often, as what, with how many quotes."""
    when = point.date.isoformat() if point.date else "undated"
    parts: list[str] = [f"{point.mentions} mention{'s' if point.mentions != 1 else ''}"]
    if point.role:
        parts.append(f"as {one_line(point.role, 40)}")
    if point.quotes:
        parts.append(f"{len(point.quotes)} quote{'s' if len(point.quotes) != 1 else ''}")
    return Content.assemble(
        (f"{when} ", "bold"),
        (one_line(point.title, 60), "italic"),
        (f" · {' · '.join(parts)}", ""),
        (f"  ({index + 1}/{total})", "dim"),
    )


class TimelineStrip(Widget, can_focus=True):
    """One bar per briefing the entity appears in; the chosen bar is the one Enter or a click jumps to."""

    KEY_GROUP = "Entity card"
    DEFAULT_CSS = """
    TimelineStrip {
        height: 5;  /* four lines and the rule under them */
        padding: 0 1;
        border-bottom: solid $panel-lighten-2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "step(-1)", "Earlier", show=False, id="card.timeline_earlier",
                tooltip="Timeline: the briefing before (in date order)"),
        Binding("right,l", "step(1)", "Later", show=False, id="card.timeline_later",
                tooltip="Timeline: the briefing after"),
        Binding("home", "edge(-1)", "First", show=False, id="card.timeline_first",
                tooltip="Timeline: the first briefing"),
        Binding("end", "edge(1)", "Last", show=False, id="card.timeline_last",
                tooltip="Timeline: the last briefing (undated ones come last)"),
        Binding("enter", "choose", "Go there", show=False, id="card.timeline_go",
                tooltip="Timeline: close the card and open that briefing at the first mention"),
    ]

    @dataclass
    class Chosen(Message):
        """A point was chosen (Enter or a click): the card jumps to it."""

        strip: TimelineStrip
        point: TimelinePoint

    def __init__(self, line: Timeline, here: str | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cell = MIN_CELL
        self.show(line, here)

    def show(self, line: Timeline, here: str | None = None) -> None:
        """Show another timeline (a reused card's next entity), chosen on ``here``, from its start."""
        self.line = line
        self.here = here
        """The briefing the card was opened from, marked on the strip."""
        start = line.index_of(here)
        self.selected = start if start is not None else 0
        self._first = 0
        """The first point shown, when there are more points than columns."""
        if self.is_mounted:
            self.refresh()

    @property
    def point(self) -> TimelinePoint | None:
        """The chosen point."""
        points = self.line.points
        return points[self.selected] if 0 <= self.selected < len(points) else None

    # -- drawing ---------------------------------------------------------------------------------

    def _column(self, index: int) -> int:
        """Where point ``index`` is drawn, relative to the first point shown."""
        rule = 2 if self._first < self.line.undated <= index else 0
        return (index - self._first) * self._cell + rule

    def _fit(self, width: int) -> range:
        """The points that fit in ``width`` columns, scrolled so the chosen one is among them."""
        count = len(self.line.points)
        self._cell = max(MIN_CELL, min(MAX_CELL, (width - 3) // max(count, 1)))
        room = max(1, (width - 3) // self._cell)
        if self.selected < self._first:
            self._first = self.selected
        elif self.selected >= self._first + room:
            self._first = self.selected - room + 1
        self._first = max(0, min(self._first, max(0, count - room)))
        return range(self._first, min(count, self._first + room))

    def render(self) -> Content:
        """Two rows of bars, a row of dates, then the chosen point described."""
        width = self.content_region.width or 80
        shown = self._fit(width)
        most = self.line.most_mentions
        top: list[Content] = []
        bottom: list[Content] = []
        for index in shown:
            if index == self.line.undated and index != shown.start:
                top.append(Content("  "))
                bottom.append(Content.styled(f"{UNDATED_RULE} ", "dim"))
            high, low = bar_cells(self.line.points[index].mentions, most)
            style = self._style(index)
            bar = max(1, min(3, self._cell - 1))
            gap = " " * (self._cell - bar)
            top.append(Content.assemble((high * bar, style), gap))
            bottom.append(Content.assemble((low * bar, style), gap))
        more = Content.styled("…", "dim")
        if shown.start > 0:
            top.insert(0, more)
            bottom.insert(0, more)
        point = self.point
        label = point_label(point, self.selected, len(self.line.points)) if point else Content("")
        rows = [Content("").join(top), Content("").join(bottom), self._dates(shown, width), label]
        return Content("\n").join(rows)

    def _style(self, index: int) -> str:
        if index == self.selected:
            return "reverse bold" if self.has_focus else "bold underline"
        return "$accent" if self.line.points[index].briefing == self.here else ""

    def _dates(self, shown: range, width: int) -> Content:
        """Dates under the bars: the chosen point's first, then others left to right where they fit."""
        used = [" "] * width
        offset = 1 if shown.start > 0 else 0
        order = [self.selected, *[i for i in shown if i != self.selected]]
        for index in order:
            if index not in shown:
                continue
            point = self.line.points[index]
            if point.date is None and index != self.line.undated and index != self.selected:
                continue
            text = point.date.isoformat() if point.date else "undated"
            column = offset + self._column(index)
            if index == self.selected:  # the chosen date always shows: pulled left at the right edge
                column = max(0, min(column, width - len(text)))
            span = range(max(0, column - 1), min(width, column + len(text) + 1))
            if column + len(text) > width or any(used[c] != " " for c in span):
                continue
            used[column:column + len(text)] = text
        return Content.styled("".join(used).rstrip(), "dim")

    def on_focus(self) -> None:
        """The chosen bar is drawn reversed while the strip has focus."""
        self.refresh()

    def on_blur(self) -> None:
        """Back to the underline when focus leaves."""
        self.refresh()

    # -- moving and choosing ---------------------------------------------------------------------

    def action_step(self, step: int) -> None:
        """Move the choice by ``step`` points, stopping at either end."""
        if self.line.points:
            self.selected = max(0, min(len(self.line.points) - 1, self.selected + step))
            self.refresh()

    def action_edge(self, direction: int) -> None:
        """The first or last point."""
        self.selected = 0 if direction < 0 else max(0, len(self.line.points) - 1)
        self.refresh()

    def action_choose(self) -> None:
        """Jump to the chosen point's briefing."""
        point = self.point
        if point is not None:
            self.post_message(self.Chosen(self, point))

    def on_click(self, event: events.Click) -> None:
        """A click on a bar (or its date) chooses that briefing."""
        if event.y > 2:
            return
        offset = 1 if self._first > 0 else 0
        for index in self._fit(self.content_region.width or 80):
            column = offset + self._column(index) + self.styles.padding.left
            if column <= event.x < column + self._cell:
                self.selected = index
                self.refresh()
                self.post_message(self.Chosen(self, self.line.points[index]))
                return


class TimelineCard(QuietFocus, ModalScreen[None]):
    """What the entity card adds for timelines and dossiers: the strip, and keys that work anywhere in it.

    The card (:class:`tui.ui.card.EntityCard`) sets ``library``, ``entity_id``
    and ``origin`` and provides ``go``.
    """

    library: Library
    entity_id: str
    origin: Position | None

    AUTO_FOCUS = "CardList"
    """The list keeps the focus the card opens with; the strip is reached by ``<`` / ``>`` or Tab."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("less_than_sign", "timeline(-1)", "Earlier", key_display="<", id="card.timeline_back",
                tooltip="Timeline strip: choose the briefing before (Enter on the strip goes there)"),
        Binding("greater_than_sign", "timeline(1)", "Later", key_display=">", id="card.timeline_forward",
                tooltip="Timeline strip: choose the briefing after (Enter on the strip goes there)"),
        Binding("D", "save_dossier", "Save dossier", id="card.save_dossier",
                tooltip="Save this person's or place's Markdown dossier to a file you name"),
        Binding("Y", "copy_dossier", "Copy dossier", show=False, id="card.copy_dossier",
                tooltip="Copy the Markdown dossier to the clipboard (terminals that allow OSC 52)"),
    ]

    def go(self, position: Position) -> None:
        """Close the card and jump; the card itself says how."""
        raise NotImplementedError

    def timeline_parts(self) -> tuple[Timeline, str | None]:
        """The card's entity's timeline, and the briefing the card was opened from (marked on the strip)."""
        line = timeline(self.library, self.entity_id) or _nothing(self.entity_id)
        return line, self.origin.briefing if self.origin else None

    def timeline_strip(self) -> TimelineStrip:
        """The strip for the card's entity, marking the briefing the card was opened from."""
        return TimelineStrip(*self.timeline_parts(), id="card-timeline")

    def on_timeline_strip_chosen(self, message: TimelineStrip.Chosen) -> None:
        """Enter or a click on a point: go to that briefing's first mention (a recorded jump)."""
        message.stop()
        self.go(message.point.position)

    def action_timeline(self, step: int) -> None:
        """Move along the strip from anywhere in the card, and give it focus so Enter goes there."""
        strip = self.query_one(TimelineStrip)
        strip.focus()
        strip.action_step(step)

    def _entity_name(self) -> str | None:
        """The entity's name, or ``None`` (with a notification) if the library no longer knows it."""
        entry = self.library.entity(self.entity_id)
        if entry is None:
            self.notify("Nothing known about this entry any more.", severity="warning", timeout=3)
            return None
        return entry.entity.name

    def _dossier(self) -> tuple[str, str] | None:
        """The dossier and the entity's name, or ``None`` (with a notification) if there is nothing."""
        name = self._entity_name()
        text = dossier_markdown(self.library, self.entity_id) if name is not None else None
        return (text, name) if text is not None and name is not None else None

    def action_save_dossier(self) -> None:
        """Ask for a file name (``./NAME-dossier.md`` offered), then write the dossier there.

        The dossier itself is written when the name is given (it may change meanwhile, with --watch).
        """
        name = self._entity_name()
        if name is None:
            return

        def save(path: Path | None) -> None:
            if path is not None:
                self.write_dossier(path)

        self.app.push_screen(SaveDossier(f"./{dossier_filename(name)}"), save)

    def write_dossier(self, path: Path) -> bool:
        """Write the dossier atomically and say where, or why not; never raises."""
        found = self._dossier()
        if found is None:
            return False
        try:
            write_atomic(path, found[0])
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(f"Could not save the dossier to {one_line(str(path))}: {reason}",
                        title="Dossier", severity="error", markup=False, timeout=8)
            return False
        self.notify(f"Saved the dossier of {one_line(found[1])} to {one_line(str(path))}",
                    title="Dossier", markup=False, timeout=5)
        return True

    def action_copy_dossier(self) -> None:
        """Put the dossier on the clipboard (through the terminal: OSC 52)."""
        found = self._dossier()
        if found is None:
            return
        self.app.copy_to_clipboard(found[0])
        lines = found[0].count("\n")
        self.notify(f"Copied the dossier of {one_line(found[1])} ({lines} lines) to the clipboard",
                    title="Dossier", markup=False, timeout=4)


def _nothing(entity_id: str) -> Timeline:
    """An empty timeline, for an id the library no longer knows (the strip then shows nothing)."""
    kind = EntityKind.PLACE if entity_id.startswith("place:") else EntityKind.PERSON
    return Timeline(entity_id, "", kind, ())
