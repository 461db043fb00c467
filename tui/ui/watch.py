"""``briefing --watch``: files changed on disk are reloaded while reading, new files in the folders added.

Every :data:`WATCH_SECONDS` a thread worker stats the loaded files and the
files that failed to load, and walks the folders named on the command line
for briefing files not loaded yet (a stat per file: no new dependency, and
the same on every platform). What it finds comes back to the event loop as one
:class:`FilesChanged` message:

* a loaded briefing rewritten or deleted goes through the reload path of
  ``ctrl+r`` (:func:`tui.ui.reload.check_file`): reloaded in place, the reader
  kept where it was, or marked deleted with its loaded text kept;
* a new file, or a failed one that changed, was already loaded by the worker
  and is swapped into the library (:func:`tui.model.reload.replace_briefing`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import App
from textual.message import Message

from tui.model.discovery import discover
from tui.model.document import Briefing, LoadError, Severity
from tui.model.loader import load_file
from tui.model.navigation import Position
from tui.model.reload import FileChange, file_change, replace_briefing
from tui.ui.reload import check_file
from tui.ui.text import one_line

if TYPE_CHECKING:
    from tui.ui.app import BriefingApp

__all__ = ["WATCH_SECONDS", "FilesChanged", "WatchFiles", "scan"]

WATCH_SECONDS = 1.0

Stamp = tuple[int, int] | None


def _stamp(path: str) -> Stamp:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass
class FilesChanged(Message):
    """What one look at the disk found: briefings to check again, and files loaded afresh."""

    changed: list[str] = field(default_factory=list)
    """Keys of loaded briefings whose file was rewritten or deleted."""
    loaded: list[tuple[str, Briefing | None, list[LoadError]]] = field(default_factory=list)
    """New files, and failed files that changed: (key, briefing or None, errors)."""
    failed_stamps: dict[str, Stamp] = field(default_factory=dict)
    """The stamps of the failed files as seen now, the baseline for the next look."""


def scan(briefings: Sequence[Briefing], failed: dict[str, Stamp], folders: Sequence[str]) -> FilesChanged:
    """Look at the disk once (in a worker thread): what changed since the library was loaded.

    ``failed`` maps each failed file to its stamp at the last look (``None``
    the first time, which only records it); ``folders`` are searched for new
    briefing files, which are loaded here so the event loop only adds them.
    """
    found = FilesChanged()
    known = {b.key for b in briefings}
    for briefing in briefings:
        if briefing.key != "-" and file_change(briefing) is not FileChange.SAME:
            found.changed.append(briefing.key)
    for key, before in failed.items():
        now = _stamp(key)
        found.failed_stamps[key] = now
        if before is not None and now is not None and now != before:
            found.loaded.append((key, *load_file(Path(key))))
    if folders:
        files, _errors = discover(folders)  # unreadable folders were reported at start-up
        for path in files:
            key = str(path)
            if key not in known and key not in failed:
                found.loaded.append((key, *load_file(path)))
                found.failed_stamps[key] = _stamp(key)
    return found


class WatchFiles(App[int]):
    """``--watch``, mixed into :class:`BriefingApp`: a look at the disk every second while reading."""

    watching: bool = False
    """Set before the app runs (``briefing --watch``)."""

    def on_mount(self) -> None:
        """Start looking once the app is up (the first look waits for the initial load to finish)."""
        if self.watching:
            self._failed_stamps: dict[str, Stamp] = {}
            self.set_interval(WATCH_SECONDS, self._look)

    def _look(self) -> None:
        reader = cast("BriefingApp", self)
        busy = any(w.group in ("watch", "reload", "load") and w.is_running for w in self.workers)
        if reader.loading is not None or busy:
            return
        failed = {e.path: self._failed_stamps.get(e.path) for e in reader.library.errors
                  if e.severity is Severity.ERROR and e.path != "-"}
        folders = [path for path in reader.paths if os.path.isdir(path)]
        self._scan(list(reader.library.briefings), failed, folders)

    # A description of its own: Textual's default lists the repr() of every briefing passed.
    @work(thread=True, exclusive=True, group="watch", exit_on_error=False, description="look for changes")
    def _scan(self, briefings: list[Briefing], failed: dict[str, Stamp], folders: list[str]) -> None:
        self.post_message(scan(briefings, failed, folders))

    def on_files_changed(self, message: FilesChanged) -> None:
        """Reload what changed, mark what was deleted, add what is new, and say so."""
        reader = cast("BriefingApp", self)
        self._failed_stamps.update(message.failed_stamps)
        for key in message.changed:
            check_file(reader, reader.library.briefing(key))
        if not message.loaded:
            return
        for key, briefing, errors in message.loaded:
            replace_briefing(reader.library, key, briefing, errors)
            if briefing is None:
                self.notify(f"{one_line(key, 120)} changed and does not load: "
                            f"{one_line(errors[0].message, 120) if errors else 'unknown error'}",
                            severity="warning", markup=False, timeout=6)
            else:
                self._failed_stamps.pop(key, None)
                self.notify(f"Loaded {one_line(key, 120)}.", markup=False, timeout=4)
        reader.library_pane.show_library(reader.library, reader.state.is_read, reader.current_key)
        if reader.current_key is None:  # a failed file (its path is the subtitle) or nothing is shown
            for key, briefing, _errors in message.loaded:
                if briefing is not None and reader.sub_title in ("", one_line(key, 80)):
                    reader.navigate(Position(key), record=False)  # the file shown as failed now loads
                    break
        if reader.sidebar.scope == "library":
            reader.sidebar.show(reader.library, reader.briefing)
        reader._update_status()
