"""Loading the library into the reader: a thread worker reads the files, the event loop adds each batch.

Mixed into :class:`tui.ui.app.BriefingApp`. Loading starts in ``on_load``, before
the panes are composed, so a briefing ready in time is in the very first paint
(:class:`tui.ui.loading.Handover`); batches then arrive as :class:`Loaded`
messages and are shown at most every half second (:class:`tui.ui.loading.Pacer`).
A cold first briefing shows its text first and is swapped for its annotated
version in place (:class:`tui.ui.loading.TextFirst`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events, work
from textual.app import App
from textual.worker import get_current_worker

from tui.model import loader
from tui.model import navigation as nav
from tui.model.document import Briefing
from tui.model.navigation import Position
from tui.ui.loading import Loaded, build_annotations, load_in_batches
from tui.ui.search import SearchBar

if TYPE_CHECKING:
    from tui.ui.app import BriefingApp

__all__ = ["HEAD_BLOCKS", "LibraryLoading"]

HEAD_BLOCKS = 120
"""Blocks of a long briefing in the first paint: screens more than a tall terminal shows."""


class LibraryLoading(App[int]):
    """The start-up and loading half of the reader: files in, panes re-shown as the library grows."""

    _whole_pending: Briefing | None = None
    """A long briefing shown in part for the first paint, until all of it is (:meth:`head_first`)."""

    def on_load(self) -> None:
        """Start loading before the screen is composed: the first briefing may then be in the first paint."""
        reader = cast("BriefingApp", self)
        if reader._load:
            self._load_files()

    @work(thread=True, exclusive=True, group="load")
    def _load_files(self) -> None:
        reader = cast("BriefingApp", self)
        worker = get_current_worker()
        load_in_batches(reader.paths, reader._handover, lambda: worker.is_cancelled, reader._painted)

    # A description of its own: Textual's default lists the repr() of every briefing passed.
    @work(thread=True, exclusive=True, group="annotations", description="build mentions and quotes")
    def _build_annotations(self, briefings: list[Briefing]) -> None:
        worker = get_current_worker()
        build_annotations(briefings, lambda: worker.is_cancelled)

    def on_loaded(self, message: Loaded) -> None:
        """Add a batch; open the first briefing at once, redraw the panes at most every half second."""
        reader = cast("BriefingApp", self)
        # What a batch adds lives as long as the library: the cycle collector is paused while it is
        # added and indexed (a full pass it started meanwhile rescanned all of it, 0.2 s of indexing
        # 10,000 articles), then the pause moves the batch out of its way for good (``gc.freeze``),
        # since its full passes over a 1,000-article library otherwise cost more than a key press.
        with loader.gc_paused():
            replaced = reader._text_first.take(reader.library, message)  # annotated: the text-only copy goes
            reader.library.add(message.briefings, message.errors)
            if message.finished:
                reader.library.index  # noqa: B018  (complete the index now, not at the first card or palette)
        reader.loading = None if message.finished else (message.done, message.total)
        reader._pacer.batch(now=message.finished or reader.current_key is None or replaced)
        if message.finished:  # once the list is drawn: for what needs every mention (exports, all quotes)
            briefings = list(reader.library.briefings)
            reader.call_after_refresh(lambda: self._build_annotations(briefings))
        if not reader._painted.is_set():
            reader.call_after_refresh(reader._painted.set)  # the worker waits for this first paint

    def head_first(self, briefing: Briefing) -> int | None:
        """How many blocks to show of a long briefing opened at its start before the first paint.

        Its linked items, laying out and wrapping all of it took ~100 ms of a
        50,000-word article's first paint; its first screens come first, and all
        of it right after the paint, with the same lines on screen.
        """
        reader = cast("BriefingApp", self)
        if not reader._load or reader._painted.is_set() or reader.state.position(briefing.key) is not None:
            return None
        if sum(len(section.blocks) for section in briefing.sections) <= HEAD_BLOCKS:
            return None
        self._whole_pending = briefing
        reader.call_after_refresh(self._show_whole)
        return HEAD_BLOCKS

    def _show_whole(self) -> None:
        """After the first paint: all of the briefing shown first in part, with its linked items."""
        reader = cast("BriefingApp", self)
        briefing, self._whole_pending = self._whole_pending, None
        if briefing is not None and reader.article.briefing is briefing and reader.article.head_only:
            reader.article.show_again(briefing, nav.linked_items(briefing))

    async def on_event(self, event: events.Event) -> None:
        """Input typed ahead: a key or the mouse before all of a long briefing is shown shows it first,
        so End, a search or a jump act on all of it; keys right after ``/`` wait for the find bar."""
        if self._whole_pending is not None and isinstance(event, events.InputEvent):
            self._show_whole()
        if isinstance(event, events.Key) and SearchBar.typed_ahead(self, event):
            return
        await super().on_event(event)

    def _show_loaded(self) -> None:
        """Show what has loaded so far: the briefing list, the open briefing re-folded, the progress."""
        reader = cast("BriefingApp", self)
        self._refold()
        self._library_grew()
        if reader.loading is None and not reader.library.briefings and not reader.library.errors:
            reader.article.show_note("No briefings found.")
        reader._update_status()
        loaded = getattr(self.screen, "library_loaded", None)  # a card opened while loading counts again
        if reader.loading is None and loaded is not None:
            loaded()

    def _refold(self) -> None:
        """Re-show the open briefing if adding briefings re-folded its entities (same place, same item)."""
        reader = cast("BriefingApp", self)
        briefing, shown = reader.briefing, reader.article.briefing
        if briefing is None or shown is None or shown.key != briefing.key:
            return
        items = nav.linked_items(briefing)
        if items != reader.article.items or shown is not briefing:  # re-folded, or annotated since shown
            reader.article.show_again(briefing, items)
            reader.sidebar.show(reader.library, briefing)

    def _library_grew(self) -> None:
        """List the briefings; open the first one (or the first failed file) if nothing is open yet."""
        reader = cast("BriefingApp", self)
        reader.library_pane.show_library(reader.library, reader.state.is_read, reader.current_key)
        if reader.current_key is None:
            if reader.library.briefings:
                reader.navigate(Position(reader.library.briefings[0].key), record=False)
            elif reader.library.has_errors and reader.loading is None:
                reader.open_error(reader._failed_paths()[0])
        elif reader.sidebar.scope == "library":
            reader.sidebar.show(reader.library, reader.briefing)
