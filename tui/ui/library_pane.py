"""The left pane: the briefings in the library and the outline of the open one.

A briefing row shows an unread dot (or a read tick), the title and, dimmed,
date and source; a file that failed to load is listed too, with a cross and its
first error, so nothing the reader asked for silently disappears. The outline
lists the open briefing's sections with read ticks and follows the section in
view. Selecting a row posts :class:`OpenBriefing` or :class:`Navigate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.model.document import Briefing, LoadError, Severity
from tui.model.library import Library
from tui.model.navigation import section_start
from tui.ui.messages import Navigate, OpenBriefing
from tui.ui.rowlist import RowList
from tui.ui.text import assemble, one_line

TITLE_CELLS = 52
"""Titles are cut to about two lines of the pane, so every row stays short."""


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    failed: bool = False


class LibraryPane(Vertical):
    """Briefings above, the open briefing's sections below."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[_Entry] = []
        self.briefing: Briefing | None = None
        self.library: Library | None = None
        self._read: dict[int, bool] = {}
        self._rows: dict[tuple[str, bool], tuple[Briefing, Text]] = {}
        """Briefing rows by (key, read): the list is rebuilt as batches load, its rows need not be."""

    def compose(self) -> ComposeResult:
        yield Static(Text("Briefings", style="bold"), classes="pane-title", id="briefings-title")
        yield RowList(row_height=2, id="briefing-list")
        yield Static(Text("Contents", style="bold"), classes="pane-title")
        yield RowList(id="outline")

    def show_library(
        self,
        library: Library,
        is_read: Callable[[str], bool],
        current: str | None,
    ) -> None:
        """List every briefing (read marks from ``is_read``) and every file that failed to load.

        A briefing's row is built when first drawn: while a 1,000-article library
        loads, the list is shown again every half second and built whole each time.
        The highlight stays on the open briefing, or on the one the reader has
        moved it to in the list meanwhile.
        """
        entries: list[_Entry] = []
        options: list[Text | Callable[[], Text]] = []
        self.library = library
        for briefing in library.briefings:
            entries.append(_Entry(briefing.key))
            options.append(partial(self._row_when_drawn, briefing, is_read))
        failed: dict[str, LoadError] = {}
        for error in library.errors:
            if error.severity is Severity.ERROR and error.path not in failed:
                failed[error.path] = error
        for path, error in failed.items():
            row = assemble(("✗ ", "bold red"), (one_line(path.rsplit("/", 1)[-1], TITLE_CELLS), "red"))
            row.append("\n  ")
            where = f"line {error.line}: " if error.line is not None else ""
            row.append_text(assemble((one_line(where + error.message, TITLE_CELLS), "dim")))
            entries.append(_Entry(path, failed=True))
            options.append(row)
        option_list = self.query_one("#briefing-list", RowList)
        chosen = option_list.highlighted if option_list.has_focus else None  # the reader's, while loading
        kept = self.entries[chosen].key if chosen is not None and chosen < len(self.entries) else None
        self.entries = entries
        option_list.set_rows(options)
        self.set_current(kept or current)
        failures = f" · {len(failed)} failed" if failed else ""
        self._set_title(f"Briefings {len(library.briefings)}{failures}")

    def _set_title(self, title: str) -> None:
        """Show the list's title; lay the screen out again only if it may take another line.

        While a library loads the count changes every half second; a title that fits
        on one line before and after keeps its height, and a layout of the whole
        screen each time was most of the cost of showing a batch.
        """
        heading = self.query_one("#briefings-title", Static)
        width = heading.content_region.width
        one_line = heading.size.height == 1 and 0 < cell_len(title) <= width  # now, and with the new text
        heading.update(Text(title, style="bold"), layout=not one_line)

    def mark_read(self, key: str, read: bool) -> None:
        """Redraw one briefing's row with its read mark (the rest of the list is untouched)."""
        briefing = self.library.briefing(key) if self.library is not None else None
        for index, entry in enumerate(self.entries):
            if entry.key == key and briefing is not None:
                row = self._briefing_row(briefing, read)
                self.query_one("#briefing-list", RowList).replace_row(index, row)
                return

    def _row_when_drawn(self, briefing: Briefing, is_read: Callable[[str], bool]) -> Text:
        return self._briefing_row(briefing, is_read(briefing.key))

    def _briefing_row(self, briefing: Briefing, read: bool) -> Text:
        cached = self._rows.get((briefing.key, read))
        if cached is None or cached[0] is not briefing:
            cached = self._rows[(briefing.key, read)] = (briefing, _briefing_row(briefing, read))
        return cached[1]

    def set_current(self, key: str | None) -> None:
        """Highlight the open briefing's row."""
        for index, entry in enumerate(self.entries):
            if entry.key == key:
                self.query_one("#briefing-list", RowList).highlighted = index
                return

    def show_outline(self, briefing: Briefing | None, is_read: Callable[[int], bool], section: int) -> None:
        """List the open briefing's sections, ticking those already read."""
        self.briefing = briefing
        sections: Sequence[str] = [s.title for s in briefing.sections] if briefing else []
        self._read = {index: is_read(index) for index in range(len(sections))}
        rows = [_section_row(title, self._read[index]) for index, title in enumerate(sections)]
        self.query_one("#outline", RowList).set_rows(rows)
        self.set_section(section)

    def mark_sections_read(self, sections: Iterable[int]) -> None:
        """Tick sections newly read in the outline, redrawing only their rows."""
        if self.briefing is None:
            return
        outline = self.query_one("#outline", RowList)
        for index in sections:
            if 0 <= index < len(self.briefing.sections) and not self._read.get(index, False):
                self._read[index] = True
                outline.replace_row(index, _section_row(self.briefing.sections[index].title, True))

    def set_section(self, section: int) -> None:
        """Highlight the section in view."""
        self.query_one("#outline", RowList).highlighted = section

    @on(RowList.Selected, "#briefing-list")
    def _briefing_selected(self, event: RowList.Selected) -> None:
        event.stop()
        if 0 <= event.index < len(self.entries):
            self.post_message(OpenBriefing(self.entries[event.index].key))

    @on(RowList.Selected, "#outline")
    def _section_selected(self, event: RowList.Selected) -> None:
        event.stop()
        if self.briefing is not None:
            self.post_message(Navigate(section_start(self.briefing, event.index)))


def _section_row(title: str, read: bool) -> Text:
    """An outline row: a tick when read, the title (or a dim placeholder for an untitled opening)."""
    label = one_line(title, TITLE_CELLS) if title.strip() else ("(opening)", "dim")
    return assemble(("✓ ", "dim") if read else ("  ", ""), label)


def _briefing_row(briefing: Briefing, read: bool) -> Text:
    """A briefing row: an unread dot or a read tick, the title (bold while unread), the date below."""
    mark = ("✓ ", "dim") if read else ("● ", "bold")
    row = assemble(mark, (one_line(briefing.title, TITLE_CELLS), "" if read else "bold"))
    if briefing.date:
        row.append("\n  ")
        row.append_text(assemble((briefing.date.isoformat(), "dim")))
    return row
