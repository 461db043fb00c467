"""The Briefing app: panes, key bindings, and the one place each reader intention is handled.

Widgets post the messages of :mod:`tui.ui.messages`; the app handles each once
(:meth:`BriefingApp.navigate` for every jump, so the back/forward list sees all
of them). Navigation is model code (:mod:`tui.model.navigation`): the app asks
it for a :class:`Position` and shows that position. Files load in a thread
worker (:mod:`tui.ui.startup`, :mod:`tui.ui.loading`); the first briefing shows as
soon as it is ready. The map, the reader's outside actions (clipboard, browser,
editor), accessible mode, saving the state and ``--watch`` are mixins in their own modules.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from typing import ClassVar

from textual import getters, on
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical

from tui.model import navigation as nav
from tui.model.document import Briefing, Severity
from tui.model.history import History
from tui.model.library import Library
from tui.model.navigation import Position
from tui.model.state import ReaderState, StateStore
from tui.ui import messages
from tui.ui.accessible import AccessibleMode
from tui.ui.article import ArticleView
from tui.ui.bindings import APP_BINDINGS, PALETTE_BINDINGS
from tui.ui.external import ExternalActions
from tui.ui.footer import QuickFooter
from tui.ui.jumps import NOTHING, jump_available, jump_target
from tui.ui.keymap import apply_config
from tui.ui.library_pane import LibraryPane
from tui.ui.loading import Handover, Pacer, TextFirst, read_stdin
from tui.ui.map_actions import MapActions
from tui.ui.messages import Navigate, OpenBriefing, OpenEntity, OpenQuote, SelectEntity
from tui.ui.reader_screen import ReaderScreen
from tui.ui.reload import DELETED_MARK, check_file
from tui.ui.saving import StateSaving
from tui.ui.search import FIND_BINDINGS, SearchBar
from tui.ui.sidebar import Sidebar
from tui.ui.startup import LibraryLoading
from tui.ui.status import StatusLine, position_label
from tui.ui.text import one_line
from tui.ui.watch import WatchFiles

DEFAULT_THEME = "textual-dark"


def _palette_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (start-up does not need it)."""
    from tui.ui.commands import BriefingCommands

    return BriefingCommands


class BriefingApp(
    LibraryLoading, StateSaving, MapActions, ExternalActions, AccessibleMode, WatchFiles, App[int]
):
    """A reader for a library of briefings, with people, places and quotes linked by keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "Briefing"
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS, *FIND_BINDINGS, *PALETTE_BINDINGS]
    COMMANDS = App.COMMANDS | {_palette_commands}
    # Narrow terminals give the article room (app.tcss); t and T still show the panes.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrower"), (70, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's type)

    def __init__(self, paths: Sequence[str] = (), *, library: Library | None = None,
                 store: StateStore | None = None) -> None:
        """Read ``paths`` in the background; a ``library`` given here shows at once (stdin, tests)."""
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
        self.exit_warnings: list[str] = []
        self.deleted_files: set[str] = set()
        """Keys of open briefings whose file was found deleted (:mod:`tui.ui.reload`)."""
        self.warned_files: set[str] = set()  # whose load warnings were said (tui.ui.reload)
        self._available: tuple[bool | None, ...] = ()
        self._pacer = Pacer(self, self._show_loaded)
        self._painted, self._text_first = threading.Event(), TextFirst()
        self._handover = Handover(self.post_message)

    def get_default_screen(self) -> ReaderScreen:
        """The panes' screen, laid out for the terminal's width from the first frame (see reader_screen)."""
        return ReaderScreen.for_width(self.size.width, self.HORIZONTAL_BREAKPOINTS)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield LibraryPane(id="library")
            with Vertical(id="reading"):
                yield ArticleView(id="article")
                yield StatusLine(id="status")
            yield Sidebar(id="sidebar")
        yield QuickFooter()

    article = getters.query_one(ArticleView)
    sidebar = getters.query_one(Sidebar)
    library_pane = getters.query_one(LibraryPane)

    @property
    def briefing(self) -> Briefing | None:
        """The open briefing (``None`` while a load error or a note is shown)."""
        return self.library.briefing(self.current_key) if self.current_key else None

    # -- start-up and loading --------------------------------------------------------------------

    def on_mount(self) -> None:
        """Restore state, then show what is loaded and start loading the rest."""
        self.state, warnings = self.store.load()
        for warning in warnings:
            self.notify(one_line(warning), severity="warning", markup=False, timeout=10)
        self.theme = self.state.theme if self.state.theme in self.available_themes else DEFAULT_THEME
        self.theme_changed_signal.subscribe(self, lambda _theme: setattr(self.state, "theme", self.theme))
        if self.state.sidebar_tab:
            self.sidebar.show_tab(self.state.sidebar_tab)
        apply_config(self)  # the user's [keys] from config.toml; a bad config is a warning
        self.article.show_note("Loading…")
        self.query_one(QuickFooter).fill_now()
        # Focus now, not queued: the key bar above is built for the article's keys before the first paint.
        self.screen.set_focus(self.article)
        if self.library.briefings or self.library.errors:
            self._library_grew()
        if self._load:
            self.loading = (0, 0)
            for batch in self._handover.take():  # the first briefing, if ready, is in the first paint
                self.on_loaded(batch)
        self._update_status()

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
        """Show an entity's card (and its row in the sidebar, for when the card closes)."""
        if self.library.entity(message.entity_id) is None:
            self.notify("Nothing known about that.", severity="warning", timeout=3)
            return
        self._set_entity(message.entity_id)
        self.sidebar.select_entity(message.entity_id)
        from tui.ui.card import open_card  # the card's modules load with the first card, not at start-up

        open_card(self, self.library, message.entity_id, self.current_position())

    def on_open_quote(self, message: OpenQuote) -> None:
        """Follow a quote to its speaker's card."""
        briefing = self.library.briefing(message.briefing)
        if briefing is not None and 0 <= message.index < len(briefing.quotes):
            speaker = briefing.quotes[message.index].speaker_id
            if speaker is None:
                self.notify("The speaker of this quote is not known.", timeout=3)
            else:
                self.post_message(OpenEntity(speaker))

    def on_select_entity(self, message: SelectEntity) -> None:
        """An entity became current (a sidebar row, a card)."""
        self._set_entity(message.entity_id)

    @on(messages.CursorMoved)
    def _cursor_moved(self, message: messages.CursorMoved) -> None:
        if message.item is not None and message.item.entity_id is not None:
            self._set_entity(message.item.entity_id, select_row=True)

    @on(messages.SectionChanged)
    def _section_changed(self, message: messages.SectionChanged) -> None:
        """Sections scrolled past (or all, at the end) count as read."""
        key, briefing = self.current_key, self.briefing
        if briefing is None or key is None:
            return
        at_end = self.article.scroll_offset.y >= self.article.max_scroll_y > 0
        above = range(len(briefing.sections) if at_end else message.section)
        self.library_pane.mark_sections_read(self.state.mark_sections_read(key, above))
        self._update_status()

    @on(messages.Jumped)
    def _article_jumped(self, message: messages.Jumped) -> None:
        here = self.current_position()
        if self.current_key is not None and here is not None:
            self.history.jump(Position(self.current_key, message.before), here)
            self._update_status()

    @on(Sidebar.TabChanged)
    def _tab_changed(self, message: Sidebar.TabChanged) -> None:
        self.state.sidebar_tab = message.tab

    # -- showing positions -----------------------------------------------------------------------

    def current_position(self) -> Position | None:
        """Where the reader is: the cursor item if on screen, else the place just jumped to, or the top."""
        if self.current_key is None:
            return None
        item = self.article.cursor_item
        if item is not None and self.article.cursor_on_screen():
            return Position(self.current_key, item.location)
        return Position(self.current_key, self.article.reading_location())

    def navigate(self, position: Position, *, record: bool = True) -> None:
        """Show a position (opening its briefing if needed, where last left) and record the jump."""
        origin = self.current_position()
        if position.briefing != self.current_key:
            briefing = self.library.briefing(position.briefing)
            if briefing is None:
                self.notify("That briefing is not loaded.", severity="warning", timeout=3)
                return
            self._open(briefing)
        location = position.location or self.state.position(position.briefing)
        self.article.go_to(location)
        SearchBar.landed_in(self, position.briefing, location)  # Back to a match: the search's current
        if record:
            self.history.jump(origin, Position(position.briefing, location))
        self._update_status()

    def _open(self, briefing: Briefing) -> None:
        self._remember_position()
        key = self.current_key = briefing.key
        head = self.head_first(briefing)
        self.article.show_briefing(briefing, [] if head else nav.linked_items(briefing), head)
        SearchBar.follow_in(self, briefing)  # an open search counts and highlights this briefing's matches
        self.sidebar.show(self.library, briefing)
        self.state.mark_read(key)
        self.library_pane.mark_read(key, True)
        self.library_pane.set_current(key)
        self.library_pane.show_outline(briefing, lambda s: self.state.is_section_read(key, s), 0)
        self.sub_title = one_line(briefing.title, 80)
        self._save_state()
        check_file(self, briefing)  # rewritten since loaded: reload; deleted: say so

    def open_error(self, path: str) -> None:
        """Show a file that failed to load: its path, line and message."""
        self._remember_position()
        self.current_key = None
        self.article.show_error(path, [e for e in self.library.errors if e.path == path])
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

    def _update_status(self) -> None:
        """Redraw the status line, and the key bar only if a key's availability changed."""
        briefing = self.briefing
        section = None
        if briefing is not None and briefing.sections:
            section = briefing.sections[min(self.article.section, len(briefing.sections) - 1)].title
            self.library_pane.set_section(self.article.section)
        entry = self.library.entity(self.current_entity) if self.current_entity else None
        trail = [position_label(self.library, p) for p in self.history.trail(4)[:-1]]
        where = briefing.title if briefing else self.sub_title  # a failed file: its path
        if briefing is not None and briefing.key in self.deleted_files:
            where += DELETED_MARK
        self.query_one(StatusLine).show(where or None, section, trail,
                                        entry.entity.name if entry else None, self.loading)
        available = tuple(self.check_action(a, p) for a, p in
                          (("history_back", ()), ("history_forward", ()), ("jump", ("mention",))))
        if available != self._available:
            self._available = available
            self.refresh_bindings()

    # -- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys with nowhere to go (the key bar shows them dimmed)."""
        if action == "history_back":
            return True if self.history.can_back else None
        if action == "history_forward":
            return True if self.history.can_forward else None
        if action == "jump" and parameters:
            item = self.article.cursor_item if self.current_key else None
            return True if jump_available(str(parameters[0]), self.current_entity, item) else None
        return super().check_action(action, parameters)  # the mixins' keys (copy quote, open URL...)

    def action_jump(self, kind: str, direction: int = 1) -> None:
        """Jump to the next/previous section, briefing, mention, quote by the person, or speaker."""
        target = jump_target(kind, direction, self.library, self.briefing, self.article.section,
                             self.current_entity, self.current_position(), self.article.cursor_item)
        if target is None:  # (while loading, there may be more to come)
            more = " The library is still loading." if self.loading is not None and kind != "section" else ""
            self.notify(NOTHING.get(kind, "Nowhere to go.") + more, timeout=2)
        else:
            self.navigate(target)

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
        """Back to the article from any pane (Escape); in the article, Escape closes the find bar."""
        if not (self.article.has_focus and SearchBar.close_in(self)):
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
            read = not self.state.is_read(self.current_key)
            self.state.mark_read(self.current_key, read)
            self.library_pane.mark_read(self.current_key, read)

    def action_reload(self) -> None:
        """Load the open briefing again if its file changed; warn if it was deleted."""
        check_file(self, self.briefing, asked=True)
        self._update_status()

    def action_help(self) -> None:
        """Every key, on its own screen."""
        from tui.ui.help import HelpScreen  # loaded when first asked for, not at start-up

        self.push_screen(HelpScreen())

    def action_search(self) -> None:
        """Find text in the briefing (the search bar; / again edits the query)."""
        SearchBar.open_in(self, before=self.query_one(StatusLine))

    def action_search_step(self, direction: int) -> None:
        """Next or previous match of the last search (n and N), wrapping."""
        SearchBar.step_in(self, direction)

    def action_hints(self) -> None:
        """Label every visible mention and quote; typing a label jumps there."""
        from tui.ui.hints import HintScreen  # loaded when first asked for, not at start-up

        self.push_screen(HintScreen(self.article))


def run(paths: Sequence[str], *, watch: bool = False, accessible: bool = False) -> int:
    """Run the reader on ``paths`` (a folder, files, ``-`` for stdin; none: the bundled briefings).

    ``watch`` reloads files changed on disk (:mod:`tui.ui.watch`); ``accessible`` starts in
    accessible mode (:mod:`tui.ui.accessible`).
    """
    library: Library | None = None
    if "-" in paths:
        loaded = read_stdin()
        if isinstance(loaded, str):
            print(loaded, file=sys.stderr)
            return 2
        library = loaded
    app = BriefingApp([path for path in paths if path != "-"], library=library)
    app.watching, app.accessible_requested = watch, accessible
    result = app.run()
    for warning in app.exit_warnings:
        print(f"briefing: {one_line(warning)}", file=sys.stderr)
    return result if isinstance(result, int) else 0
