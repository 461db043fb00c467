"""Reloading a briefing whose file changed under the reader, and reporting one that was deleted.

Checked when a briefing is opened and when the reader presses the reload key
(``ctrl+r``): a stat, so opening stays instant. A rewritten file is loaded
again in a thread worker and swapped into the library; if it no longer loads,
its load error shows instead. A deleted file keeps showing what was loaded,
with a warning and a mark in the status line, since nothing should vanish
from under the reader's eyes. What loading a file warned of (invalid bytes
replaced, control characters removed, a damaged cache entry) is said once, when
it is first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model.document import Briefing, LoadError, Severity
from tui.model.loader import load_file
from tui.model.navigation import Position
from tui.model.reload import FileChange, file_change, replace_briefing
from tui.ui.text import one_line

if TYPE_CHECKING:
    from tui.ui.app import BriefingApp

__all__ = ["DELETED_MARK", "check_file"]

DELETED_MARK = " [file deleted]"
"""Added to the status line's title for a briefing whose file is gone (plain text, never markup)."""


def check_file(app: BriefingApp, briefing: Briefing | None, *, asked: bool = False) -> None:
    """Look at the open briefing's file: reload it if rewritten, warn if deleted.

    ``asked`` is the reload key: then an unchanged file says so too.
    """
    if briefing is None:
        if asked:
            app.notify("No briefing is open to reload.", timeout=3)
        return
    _say_warnings(app, briefing)
    change = file_change(briefing)
    if change is FileChange.DELETED:
        if briefing.key not in app.deleted_files:
            app.deleted_files.add(briefing.key)
            app.notify(f"{one_line(briefing.key, 120)} was deleted; showing the copy loaded earlier.",
                       severity="warning", markup=False, timeout=8)
        elif asked:
            app.notify(f"{one_line(briefing.key, 120)} is still deleted.", severity="warning",
                       markup=False, timeout=5)
        return
    app.deleted_files.discard(briefing.key)  # back again (restored, or rewritten in place)
    if change is FileChange.CHANGED:
        _reload(app, briefing)
    elif asked:
        app.notify("Unchanged on disk.", timeout=2)


def _say_warnings(app: BriefingApp, briefing: Briefing) -> None:
    """Say once a session what loading a briefing warned of: bytes replaced, controls removed, a bad cache."""
    if briefing.key in app.warned_files:
        return
    app.warned_files.add(briefing.key)
    said = [error.message for error in app.library.errors
            if error.severity is Severity.WARNING and error.path == briefing.key]
    if said:
        app.notify(one_line(f"{briefing.key}: {'; '.join(said)}", 300), severity="warning", markup=False,
                   timeout=8)


def _reload(app: BriefingApp, briefing: Briefing) -> None:
    key = briefing.key

    def work() -> None:
        loaded, errors = load_file(briefing.path)
        app.call_from_thread(_swap, app, key, loaded, errors)

    app.run_worker(work, thread=True, group="reload", name=f"reload {key}")


def _swap(app: BriefingApp, key: str, loaded: Briefing | None, errors: list[LoadError]) -> None:
    """Put the new version in the library and, if it is the one open, show it (or its error)."""
    replace_briefing(app.library, key, loaded, errors)
    if app.current_key == key:
        if loaded is not None:
            where = app.current_position()
            app.current_key = None  # so it is shown afresh, not taken as already open
            app.navigate(Position(key, where.location if where else None), record=False)
        else:
            app.open_error(key)
    app.library_pane.show_library(app.library, app.state.is_read, app.current_key)
    app.notify(f"Reloaded {one_line(key, 120)}." if loaded is not None
               else f"{one_line(key, 120)} changed and no longer loads.",
               severity="information" if loaded is not None else "error", markup=False, timeout=4)

