"""The Briefing app: panes, key bindings, and the one place each reader intention is handled.

Widgets post the messages of :mod:`tui.ui.messages`; the app handles each once
(:meth:`BriefingApp.navigate` for every jump, so the back/forward list sees all
of them). Navigation itself is model code (:mod:`tui.model.navigation`): the
app asks it for a :class:`Position` and shows that position. Files load in a
thread worker; the first briefing shows as soon as it is ready.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer
from textual.worker import get_current_worker

from tui.model import navigation as nav
from tui.model.document import Briefing, LoadError, Severity
from tui.model.history import History
from tui.model.library import Library
from tui.model.navigation import LinkKind, Position
from tui.model.state import ReaderState, StateStore
from tui.ui.article import ArticleView
from tui.ui.library_pane import LibraryPane
from tui.ui.messages import Navigate, OpenBriefing, OpenEntity, OpenQuote, SelectEntity
from tui.ui.sidebar import Sidebar
from tui.ui.status import StatusLine
from tui.ui.text import one_line

DEFAULT_THEME = "textual-dark"
LOAD_BATCH_SECONDS = 0.1


@dataclass
class Loaded(Message):
    """A batch of files loaded by the worker (``done`` of ``total`` so far)."""

    briefings: list[Briefing] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    done: int = 0
    total: int = 0
    finished: bool = False


@dataclass
class Saved(Message):
    """A state snapshot was saved by the worker, with any warnings."""

    snapshot: ReaderState
    warnings: list[str]


def _optional(module: str, name: str) -> Any | None:
    """A class from a UI module that may not exist yet (card, help, hints, search), else ``None``."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class BriefingApp(App[int]):
    """A reader for a library of briefings, with people, places and quotes linked by keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "Briefing"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o,backspace,alt+left", "history_back", "Back", id="app.back"),
        Binding("ctrl+i,alt+right", "history_forward", "Fwd", id="app.forward"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Keys", id="app.help"),
        Binding("right_square_bracket,right_curly_bracket", "section(1)", "Section", key_display="]",
                id="app.next_section"),
        Binding("left_square_bracket,left_curly_bracket", "section(-1)", "Prev section", show=False,
                id="app.previous_section"),
        Binding("J", "briefing(1)", "Next briefing", show=False, id="app.next_briefing"),
        Binding("K", "briefing(-1)", "Prev briefing", show=False, id="app.previous_briefing"),
        Binding("asterisk", "mention(1)", "Next mention", key_display="*", id="app.next_mention"),
        Binding("number_sign", "mention(-1)", "Prev mention", show=False, id="app.previous_mention"),
        Binding("s", "speaker", "Speaker", show=False, id="app.speaker"),
        Binding("quotation_mark", "quote_by(1)", "Their quotes", show=False, id="app.next_quote_by"),
        Binding("apostrophe", "quote_by(-1)", "Prev quote", show=False, id="app.previous_quote_by"),
        Binding("t", "toggle_pane('library')", "Library pane", show=False, id="app.toggle_library"),
        Binding("T", "toggle_pane('sidebar')", "Sidebar", show=False, id="app.toggle_sidebar"),
        Binding("1", "tab('people')", "People", show=False, id="app.tab_people"),
        Binding("2", "tab('places')", "Places", show=False, id="app.tab_places"),
        Binding("3", "tab('quotes')", "Quotes", show=False, id="app.tab_quotes"),
        Binding("o", "sort", "Sort", show=False, id="app.sort"),
        Binding("a", "scope", "Scope", show=False, id="app.scope"),
        Binding("m", "toggle_read", "Mark unread", show=False, id="app.toggle_read"),
        Binding("slash", "search", "Find", key_display="/", id="app.search"),
        Binding("f", "hints", "Hints", show=False, id="app.hints"),
        Binding("escape", "focus_article", "Article", show=False, id="app.focus_article"),
    ]

    def __init__(
        self,
        paths: Sequence[str] = (),
        *,
        library: Library | None = None,
        store: StateStore | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.library = library if library is not None else Library()
        self._load = library is None or bool(self.paths)
        self.store = store if store is not None else StateStore()
        self.state = ReaderState()
        self.history = History()
        self.current_key: str | None = None
        self.current_entity: str | None = None
        self.loading: tuple[int, int] | None = None
        self._available: tuple[bool | None, ...] = ()

    # -- layout and start-up ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield LibraryPane(id="library")
            yield ArticleView(id="article")
            yield Sidebar(id="sidebar")
        yield StatusLine(id="status")
        yield Footer()

    @property
    def article(self) -> ArticleView:
        """The centre pane."""
        return self.query_one(ArticleView)

    @property
    def sidebar(self) -> Sidebar:
        """The right pane."""
        return self.query_one(Sidebar)

    @property
    def library_pane(self) -> LibraryPane:
        """The left pane."""
        return self.query_one(LibraryPane)

    def on_mount(self) -> None:
        """Restore state, then show what is loaded and start loading the rest."""
        self.state, warnings = self.store.load()
        for warning in warnings:
            self.notify(one_line(warning), severity="warning", markup=False, timeout=10)
        self.theme = self.state.theme if self.state.theme in self.available_themes else DEFAULT_THEME
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.state.sidebar_tab:
            self.sidebar.show_tab(self.state.sidebar_tab)
        palette = _optional("tui.ui.commands", "BriefingCommands")
        if palette is not None:
            self.COMMANDS = self.COMMANDS | {palette}  # type: ignore[misc]
        self.article.show_note("Loading…")
        self.article.focus()
        if self.library.briefings or self.library.errors:
            self._library_grew()
        if self._load:
            self.loading = (0, 0)
            self._load_files()
        self._update_status()

    def _theme_changed(self, theme: object) -> None:
        self.state.theme = self.theme

    @work(thread=True, exclusive=True, group="load")
    def _load_files(self) -> None:
        """Discover and load files off the event loop, posting batches as they are ready."""
        from tui.model import loader

        worker = get_current_worker()
        paths = self.paths or [str(loader.bundled_content_dir())]
        files, errors = loader.discover(paths)
        total = len(files)
        batch = Loaded(errors=list(errors), total=total)
        last = time.monotonic()
        for done, path in enumerate(files, 1):
            if worker.is_cancelled:
                return
            briefing, problems = loader.load_file(path)
            if briefing is not None:
                batch.briefings.append(briefing)
            batch.errors.extend(problems)
            if done == 1 or time.monotonic() - last >= LOAD_BATCH_SECONDS:
                batch.done = done
                self.post_message(batch)
                batch, last = Loaded(total=total), time.monotonic()
        batch.done, batch.finished = total, True
        self.post_message(batch)

    def on_loaded(self, message: Loaded) -> None:
        """Add a batch to the library; open the first briefing as soon as there is one."""
        self.library.add(message.briefings, message.errors)
        self._refold()
        self.loading = None if message.finished else (message.done, message.total)
        self._library_grew()
        if message.finished and not self.library.briefings and not self.library.errors:
            self.article.show_note("No briefings found.")
        self._update_status()

    def _refold(self) -> None:
        """Re-show the open briefing if adding briefings re-folded its entities (same place, same item)."""
        briefing = self.library.briefing(self.current_key) if self.current_key else None
        if briefing is None or self.article.briefing is not briefing:
            return
        items = nav.linked_items(briefing)
        if items == self.article.items:
            return
        cursor = self.article.cursor_item
        top = self.article.top_location()
        self.article.show_briefing(briefing, items)
        self.article.go_to(cursor.location if cursor is not None else top)
        self.sidebar.show(self.library, briefing)

    def _library_grew(self) -> None:
        self.library_pane.show_library(self.library, self.state.is_read, self.current_key)
        if self.current_key is None:
            if self.library.briefings:
                self.navigate(Position(self.library.briefings[0].key), record=False)
            elif self.library.has_errors and self.loading is None:
                self.open_error(self._failed_paths()[0])
        elif self.sidebar.scope == "library":
            self.sidebar.show(self.library, self.library.briefing(self.current_key))

    # -- the message handlers: each intention handled once ---------------------------------------

    def on_navigate(self, message: Navigate) -> None:
        """Every jump from a widget, screen, card row or palette command."""
        self.navigate(message.position, record=message.record)

    def on_open_briefing(self, message: OpenBriefing) -> None:
        """Open a briefing where the reader left it, or show why a file failed to load."""
        if message.key in self._failed_paths():
            self.open_error(message.key)
        else:
            self.navigate(Position(message.key), record=message.record)

    def on_open_entity(self, message: OpenEntity) -> None:
        """Show an entity's card (or, until there is a card, select it in the sidebar)."""
        entry = self.library.entity(message.entity_id)
        if entry is None:
            self.notify("Nothing known about that.", severity="warning", timeout=3)
            return
        self._set_entity(message.entity_id)
        card = _optional("tui.ui.card", "EntityCard")
        if card is not None:
            self.push_screen(card(self.library, message.entity_id, self.current_position()))
        else:
            self.sidebar.select_entity(message.entity_id)

    def on_open_quote(self, message: OpenQuote) -> None:
        """Follow a quote to its speaker's card."""
        briefing = self.library.briefing(message.briefing)
        if briefing is None or not 0 <= message.index < len(briefing.quotes):
            return
        speaker = briefing.quotes[message.index].speaker_id
        if speaker is None:
            self.notify("The speaker of this quote is not known.", timeout=3)
        else:
            self.post_message(OpenEntity(speaker))

    def on_select_entity(self, message: SelectEntity) -> None:
        """An entity became current (a sidebar row, a card)."""
        self._set_entity(message.entity_id)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        if message.item is not None and message.item.entity_id is not None:
            self._set_entity(message.item.entity_id, select_row=True)
        self._refresh_keys()

    @on(ArticleView.SectionChanged)
    def _section_changed(self, message: ArticleView.SectionChanged) -> None:
        key = self.current_key
        briefing = self.library.briefing(key) if key else None
        if briefing is None or key is None:
            return
        for section in range(message.section):
            self.state.mark_section_read(key, section)
        if self.article.scroll_offset.y >= self.article.max_scroll_y > 0:
            for section in range(len(briefing.sections)):
                self.state.mark_section_read(key, section)
        self.library_pane.mark_sections(lambda s: self.state.is_section_read(key, s))
        self._update_status()

    @on(ArticleView.Jumped)
    def _article_jumped(self, message: ArticleView.Jumped) -> None:
        here = self.current_position()
        if self.current_key is not None and here is not None:
            self.history.jump(Position(self.current_key, message.before), here)
            self._update_status()

    @on(Sidebar.TabChanged)
    def _tab_changed(self, message: Sidebar.TabChanged) -> None:
        self.state.sidebar_tab = message.tab

    # -- showing positions -----------------------------------------------------------------------

    def current_position(self) -> Position | None:
        """Where the reader is: the cursor item if on screen, else the top of the article."""
        if self.current_key is None:
            return None
        item = self.article.cursor_item
        if item is not None and self.article._cursor_visible():
            return Position(self.current_key, item.location)
        return Position(self.current_key, self.article.top_location())

    def navigate(self, position: Position, *, record: bool = True) -> None:
        """Show a position (opening its briefing if needed) and record the jump."""
        origin = self.current_position()
        if position.briefing != self.current_key:
            briefing = self.library.briefing(position.briefing)
            if briefing is None:
                self.notify("That briefing is not loaded.", severity="warning", timeout=3)
                return
            self._open(briefing)
        location = position.location
        if location is None:
            location = self.state.position(position.briefing)
        self.article.go_to(location)
        target = Position(position.briefing, location)
        if record:
            self.history.jump(origin, target)
        self._update_status()
        self._refresh_keys()

    def _open(self, briefing: Briefing) -> None:
        self._remember_position()
        key = self.current_key = briefing.key
        self.article.show_briefing(briefing, nav.linked_items(briefing))
        self.sidebar.show(self.library, briefing)
        self.state.mark_read(key)
        self.library_pane.show_library(self.library, self.state.is_read, key)
        self.library_pane.show_outline(briefing, lambda s: self.state.is_section_read(key, s), 0)
        self.sub_title = one_line(briefing.title, 80)
        self._save_state()

    def open_error(self, path: str) -> None:
        """Show a file that failed to load: its path, line and message."""
        self._remember_position()
        errors = [e for e in self.library.errors if e.path == path]
        self.current_key = None
        self.article.show_error(path, errors)
        self.sidebar.show(self.library, None)
        self.library_pane.set_current(path)
        self.library_pane.show_outline(None, lambda s: False, 0)
        self.sub_title = one_line(path, 80)
        self._update_status()

    def _failed_paths(self) -> list[str]:
        return list(dict.fromkeys(e.path for e in self.library.errors if e.severity is Severity.ERROR))

    def _remember_position(self) -> None:
        if self.current_key is not None:
            self.state.set_position(self.current_key, self.article.top_location())

    def _set_entity(self, entity_id: str | None, *, select_row: bool = False) -> None:
        self.current_entity = entity_id
        if select_row and entity_id is not None:
            self.sidebar.select_entity(entity_id, switch_tab=False)
        self._update_status()
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Redraw the Footer only when a key's availability changed (a Footer redraw is not free)."""
        keys = ("history_back", "history_forward", "mention")
        available = tuple(self.check_action(action, ()) for action in keys)
        if available != self._available:
            self._available = available
            self.refresh_bindings()

    def _label(self, position: Position) -> str:
        """A short name for a position in the trail: the text there, else its section or briefing."""
        briefing = self.library.briefing(position.briefing)
        if briefing is None:
            return position.briefing
        loc = position.location
        if loc is None or loc.section >= len(briefing.sections):
            return briefing.title
        if loc.end > loc.start and loc.block < len(briefing.sections[loc.section].blocks):
            return briefing.block(loc.section, loc.block).text[loc.start : loc.end]
        return briefing.sections[loc.section].title or briefing.title

    def _update_status(self) -> None:
        briefing = self.library.briefing(self.current_key) if self.current_key else None
        section = None
        if briefing is not None and briefing.sections:
            section = briefing.sections[min(self.article.section, len(briefing.sections) - 1)].title
        entry = self.library.entity(self.current_entity) if self.current_entity else None
        self.query_one(StatusLine).show(
            briefing.title if briefing else None,
            section,
            [self._label(p) for p in self.history.trail(4)[:-1]],
            entry.entity.name if entry else None,
            self.loading,
        )
        if briefing is not None:
            self.library_pane.set_section(self.article.section)

    # -- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys with nowhere to go (Footer shows them dimmed)."""
        if action == "history_back":
            return True if self.history.can_back else None
        if action == "history_forward":
            return True if self.history.can_forward else None
        if action == "mention":
            return True if self.current_entity else None
        if action == "quote_by":
            return True if self.current_entity and self.current_entity.startswith("person:") else None
        if action == "speaker":
            item = self.article.cursor_item if self.current_key else None
            return True if item is not None and item.kind is LinkKind.QUOTE and item.entity_id else None
        if action in ("search", "hints", "help"):
            module = {"search": ("tui.ui.search", "SearchBar"), "hints": ("tui.ui.hints", "HintScreen"),
                      "help": ("tui.ui.help", "HelpScreen")}[action]
            return True if _optional(*module) is not None else None
        return True

    def _go(self, target: Position | None, nothing: str) -> None:
        if target is None:
            self.notify(nothing, timeout=2)
        else:
            self.navigate(target)

    def action_section(self, direction: int) -> None:
        """Next or previous section (] and [)."""
        briefing = self.library.briefing(self.current_key) if self.current_key else None
        if briefing is None:
            return
        target = nav.next_section(briefing, self.article.section, direction)
        position = None if target is None else nav.section_start(briefing, target)
        self._go(position, "No more sections this way.")

    def action_briefing(self, direction: int) -> None:
        """Next or previous briefing (J and K)."""
        key = nav.next_briefing(self.library, self.current_key, direction)
        self._go(None if key is None else Position(key), "No more briefings this way.")

    def action_mention(self, direction: int) -> None:
        """Next or previous mention of the current entity, on into other briefings (* and #)."""
        if self.current_entity is None:
            return
        target = nav.next_mention(self.library, self.current_entity, self.current_position(), direction)
        self._go(target, "No more mentions this way.")

    def action_speaker(self) -> None:
        """From the quote under the cursor to where its speaker is named."""
        item = self.article.cursor_item
        briefing = self.library.briefing(self.current_key) if self.current_key else None
        if item is None or briefing is None or item.quote_index is None:
            return
        target = nav.speaker_position(briefing, briefing.quotes[item.quote_index], self.library)
        self._go(target, "The speaker is not named anywhere.")

    def action_quote_by(self, direction: int) -> None:
        """The current person's next or previous quote, across briefings (" and ')."""
        if self.current_entity is None:
            return
        target = nav.next_quote_by(self.library, self.current_entity, self.current_position(), direction)
        self._go(target, "No more quotes by them this way.")

    def action_history_back(self) -> None:
        """Back over the last jump (Ctrl-O, Backspace)."""
        target = self.history.back(self.current_position())
        if target is not None:
            self.navigate(target, record=False)

    def action_history_forward(self) -> None:
        """Forward again (Ctrl-I, Alt-Right)."""
        target = self.history.forward(self.current_position())
        if target is not None:
            self.navigate(target, record=False)

    def action_toggle_pane(self, pane: str) -> None:
        """Show or hide the library pane or the sidebar."""
        widget = self.library_pane if pane == "library" else self.sidebar
        widget.display = not widget.display
        if not widget.display and widget.has_focus_within:
            self.article.focus()

    def action_tab(self, tab: str) -> None:
        """Open a sidebar tab and put the cursor in its filter (type to narrow, arrows, Enter)."""
        self.sidebar.display = True
        self.sidebar.show_tab(tab)
        self.sidebar.focus_filter()

    def action_focus_article(self) -> None:
        """Back to the article from any pane (Escape)."""
        self.article.focus()

    def action_sort(self) -> None:
        """Cycle the sidebar's sort order."""
        self.notify(f"Sorted by {self.sidebar.cycle_sort()}", timeout=2)

    def action_scope(self) -> None:
        """Switch the sidebar between this briefing and the whole library."""
        self.notify(f"Showing {self.sidebar.toggle_scope()}", timeout=2)

    def action_toggle_read(self) -> None:
        """Mark the open briefing unread again (or read)."""
        if self.current_key is not None:
            self.state.mark_read(self.current_key, not self.state.is_read(self.current_key))
            self.library_pane.show_library(self.library, self.state.is_read, self.current_key)

    def action_help(self) -> None:
        """Every key, on its own screen."""
        screen = _optional("tui.ui.help", "HelpScreen")
        if screen is not None:
            self.push_screen(screen())

    def action_search(self) -> None:
        """Find text in the briefing (the search bar)."""
        bar = _optional("tui.ui.search", "SearchBar")
        if bar is not None:
            self.mount(bar(), before=self.query_one(StatusLine))

    def action_hints(self) -> None:
        """Label every visible mention and quote; typing a label jumps there."""
        screen = _optional("tui.ui.hints", "HintScreen")
        if screen is not None:
            self.push_screen(screen(self.article))

    def _save_state(self) -> None:
        """Save a snapshot in a thread, so opening a briefing never waits on the disk."""
        self._save_snapshot(self.state.snapshot())

    @work(thread=True, group="save", exit_on_error=False)
    def _save_snapshot(self, snapshot: ReaderState) -> None:
        self.post_message(Saved(snapshot, self.store.save(snapshot)))

    def on_saved(self, message: Saved) -> None:
        """Take in marks other readers saved meanwhile; say if saving failed."""
        self.state.after_save(message.snapshot)
        for warning in message.warnings:
            self.notify(one_line(warning), severity="warning", markup=False, timeout=10)

    async def action_quit(self) -> None:
        """Remember where the reader is, save, and leave."""
        self._remember_position()
        for warning in self.store.save(self.state):
            print(warning, file=sys.stderr)
        self.exit(0)


def run(paths: Sequence[str]) -> int:
    """Run the reader on ``paths`` (a folder, files, ``-`` for stdin; none: the bundled briefings)."""
    library: Library | None = None
    rest = [path for path in paths if path != "-"]
    if "-" in paths:
        from tui.model import loader

        library = loader.load_library(["-"], stdin=sys.stdin)
        if not sys.stdin.isatty():
            try:
                tty = os.open("/dev/tty", os.O_RDONLY)
            except OSError:
                print("briefing: no terminal to read keys from", file=sys.stderr)
                return 2
            os.dup2(tty, 0)
            sys.stdin = open(0, closefd=False)  # noqa: SIM115
    app = BriefingApp(rest, library=library)
    result = app.run()
    return result if isinstance(result, int) else 0
