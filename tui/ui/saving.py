"""Saving the reading state: in a thread while reading, in the foreground when quitting.

Mixed into :class:`tui.ui.app.BriefingApp`. While reading, each save is a
snapshot written by a thread worker, so opening a briefing never waits on the
disk; the worker reports back with :class:`Saved`, and marks another reader
saved meanwhile are taken in then. Quitting saves at once, since the process
is about to end; its warnings are printed after the screen has closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import App
from textual.message import Message

from tui.model.state import ReaderState
from tui.ui.text import one_line

if TYPE_CHECKING:
    from tui.ui.app import BriefingApp

__all__ = ["Saved", "StateSaving"]


@dataclass
class Saved(Message):
    """A state snapshot was saved by the worker, with any warnings."""

    snapshot: ReaderState
    warnings: list[str]


class StateSaving(App[int]):
    """The saving half of the reader: snapshots in a worker, the last save on quitting."""

    def _save_state(self) -> None:
        """Save a snapshot in a thread, so opening a briefing never waits on the disk."""
        reader = cast("BriefingApp", self)
        self._save_snapshot(reader.state.snapshot())

    @work(thread=True, group="save", exit_on_error=False)
    def _save_snapshot(self, snapshot: ReaderState) -> None:
        self.post_message(Saved(snapshot, cast("BriefingApp", self).store.save(snapshot)))

    def on_saved(self, message: Saved) -> None:
        """Take in marks other readers saved meanwhile; say if saving failed."""
        cast("BriefingApp", self).state.after_save(message.snapshot)
        for warning in message.warnings:
            self.notify(one_line(warning), severity="warning", markup=False, timeout=10)

    async def action_quit(self) -> None:
        """Remember where the reader is, save, and leave (warnings are printed after the screen closes)."""
        reader = cast("BriefingApp", self)
        reader._remember_position()
        reader.exit_warnings = reader.store.save(reader.state)
        self.exit(0)
