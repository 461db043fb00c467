"""The find bar: ``/`` to search the open briefing, ``n`` / ``N`` for the next and previous match.

As in less and vim: ``/`` opens a one-line bar above the status line, Enter
finds every match (:func:`tui.model.textsearch.find_text`, case-insensitive,
any whitespace matching any whitespace), highlights them all, jumps to the
first at or after the reading position and gives the keys back to the article,
so ``n`` / ``N`` step on (wrapping at the ends) while reading. ``/`` again
edits the query; Escape (in the bar, or while reading with the bar open), or
Enter on an empty query, closes it and clears the highlights. Each jump to a
match is a recorded jump (Back returns).

The ``n`` / ``N`` keys must work while the article has the focus, so they are
app bindings (:data:`FIND_BINDINGS`, which the app adds to its own) whose
action hands them to the open bar (:meth:`SearchBar.step_in`).
"""

from __future__ import annotations

import time
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, ClassVar
from weakref import WeakKeyDictionary

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label

from tui.model.document import Briefing
from tui.model.entities import HEADING, TITLE, Location
from tui.model.navigation import Position
from tui.model.textsearch import find_text, next_match
from tui.ui.article import ArticleView
from tui.ui.bindings import FIND_BINDING
from tui.ui.keymap import applied_keymap, effective_keys
from tui.ui.messages import Navigate

FIND_BINDINGS: list[BindingType] = [
    Binding("n", "search_step(1)", "Next match", show=False, id="app.next_match",
                tooltip="Next match of the last search (wraps)"),
    Binding("N", "search_step(-1)", "Prev match", show=False, id="app.previous_match",
                tooltip="Previous match of the last search (wraps)"),
]
"""App-wide keys for the matches; the app's ``action_search_step`` hands them to :meth:`SearchBar.step_in`."""

@dataclass(slots=True)
class _TypedAhead:
    """Keys typed after ``/`` while its bar appears (10-60 ms). Textual hands a key to the widget focused
    when it arrives and acts on ``/`` once it comes back unused, so "/kursk" typed in one go gave "k" to
    the reader (the previous briefing). They are kept whether they come back or are new (as copies:
    each is handed on again), and handed to the bar in order."""

    since: float
    keys: list[events.Key] = field(default_factory=list)
    slash: events.Key | None = None  # the key that opened the bar, let through when it comes back


_typed_ahead: WeakKeyDictionary[App[Any], _TypedAhead] = WeakKeyDictionary()
_CLOSING_KEYS = frozenset({"enter", "ctrl+j", "escape"})
"""Typed ahead, these end the query: what follows them is for the reader, once the bar is done."""
_open_bars: WeakKeyDictionary[App[Any], SearchBar] = WeakKeyDictionary()
"""Each app's open bar: asked at every jump and briefing opened (a query walked all the widgets)."""
TYPED_AHEAD_SECONDS = 1.0
"""Keys are kept for the bar this long at most, whatever happens to it."""


class SearchInput(Input):
    """The query box; Escape closes the bar."""

    KEY_GROUP = "Find bar"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find", id="search.close"),
    ]

    async def on_key(self, event: events.Key) -> None:
        """A line feed is Enter typed before the reader had the terminal (the terminal's own translation
        until then): "/kursk⏎" typed as the reader started searched nothing (QA)."""
        if event.key == "ctrl+j":
            event.stop()
            await self.action_submit()

    def action_close(self) -> None:
        """Close the bar it belongs to."""
        bar = next((a for a in self.ancestors if isinstance(a, SearchBar)), None)
        if bar is not None:
            bar.close()


class SearchBar(Horizontal):
    """``/`` query, match count, and what n/N do; one per app, above the status line."""

    KEY_GROUP = "Find bar"

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        background: $panel;
    }
    SearchBar > #search-slash {
        width: 2;
        padding: 0 0 0 1;
        color: $accent;
        text-style: bold;
    }
    SearchBar > SearchInput {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0;
        background: $panel;
    }
    SearchBar > SearchInput:focus {
        border: none;  /* Input:focus draws a tall border, which in one row hid what was typed (QA) */
        background: $boost;
    }
    SearchBar > #search-count {
        width: auto;
        padding: 0 1;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = "search-bar") -> None:
        super().__init__(id=id)
        self.query_text = ""
        self.matches: list[Location] = []
        self.current: Location | None = None
        self._briefing: Briefing | None = None
        self._for_reader: list[events.Key] = []  # typed ahead after Enter or Escape (:meth:`_type_ahead`)

    def compose(self) -> ComposeResult:
        yield Label(Content("/"), id="search-slash")
        yield SearchInput(placeholder="find in this briefing (Enter; n/N next/previous; Esc closes)",
                          id="search-input")
        yield Label(Content(""), id="search-count")

    @classmethod
    def open_bar(cls, app: App[Any]) -> SearchBar | None:
        """The bar open on the reader's main screen, if any."""
        return _open_bars.get(app)

    @classmethod
    def open_in(cls, app: App[Any], before: Widget | None = None) -> None:
        """``/``: open the bar (above ``before``), or put the cursor back in the one already open.

        Keys typed while a new bar appears are kept for it (:meth:`typed_ahead`).
        """
        bar = cls.open_bar(app)
        _typed_ahead.setdefault(app, _TypedAhead(time.monotonic()))  # a second / meanwhile: typed ahead
        if bar is not None:
            bar.open()
            app.call_later(bar._type_ahead)
        else:
            app.screen_stack[0].mount(cls(), before=before)

    @staticmethod
    def typed_ahead(app: App[Any], event: events.Key) -> bool:
        """Keep a key that arrived while the bar appears (``True``); the app asks before handing it on.

        Keys are kept from ``/`` itself as it arrives on the article, not only once Textual acts on it:
        by then the keys after it have gone to the article too (and, with the bar already open, were
        lost: "/abc" typed in one go left the old query).
        """
        waiting = _typed_ahead.get(app)
        if waiting is None and not event.is_forwarded and isinstance(app.focused, ArticleView):
            opens = effective_keys(FIND_BINDING, applied_keymap(app))  # the config may move it (ctrl+f)
            if event.key in opens and app.screen is app.screen_stack[0]:
                _typed_ahead[app] = _TypedAhead(time.monotonic(), slash=event)
            return False
        if waiting is None or time.monotonic() - waiting.since > TYPED_AHEAD_SECONDS:
            _typed_ahead.pop(app, None)
            return False
        if event is waiting.slash:
            return False  # the / itself, back from the article: Textual acts on it now
        waiting.keys.append(events.Key(event.key, event.character))
        return True

    def on_unmount(self) -> None:
        """Closed: no longer the open bar."""
        if _open_bars.get(self.app) is self:
            del _open_bars[self.app]

    def on_mount(self) -> None:
        """Ready to type, with what was typed ahead (after any key still waiting: those are kept too).

        Only now the open bar: a briefing opened or a jump made while it appeared would have asked a
        bar with no count label yet to show its count."""
        _open_bars[self.app] = self
        self.open()
        self.app.call_later(self._type_ahead)

    def _type_ahead(self) -> None:
        box = self.query_one(SearchInput)
        waiting = _typed_ahead.pop(self.app, None)
        keys = waiting.keys if waiting is not None else []
        for index, key in enumerate(keys):
            box._forward_event(key)  # as the app hands keys on
            if key.key in _CLOSING_KEYS:  # "/kursk⏎n": the n is the reader's, after the search (QA)
                self._for_reader = keys[index + 1 :]
                break

    def _hand_back(self) -> None:
        """Give the keys typed ahead after Enter or Escape to the reader, once it has the focus back."""
        keys, self._for_reader, app = self._for_reader, [], self.app
        if keys:
            app.call_later(lambda: [app.post_message(key) for key in keys])

    @classmethod
    def step_in(cls, app: App[Any], direction: int) -> None:
        """``n`` / ``N``: the next or previous match of the open bar's search."""
        bar = cls.open_bar(app)
        if bar is not None:
            bar.step(direction)
        else:
            app.notify("Press / to find text first.", timeout=2)

    @classmethod
    def follow_in(cls, app: App[Any], briefing: Briefing | None) -> None:
        """A briefing was opened: the open bar's search counts and highlights its matches instead."""
        bar = cls.open_bar(app)
        if bar is not None and bar._briefing is not briefing:
            bar.follow(briefing)

    @classmethod
    def landed_in(cls, app: App[Any], briefing: str, location: Location | None) -> None:
        """The reader went to a location (Back, Forward, any jump): a match of the open search there
        becomes the current one, so the count says which, and ``n`` steps on from it (QA: after Back,
        the bar still counted from the last match ``n`` reached)."""
        bar = cls.open_bar(app)
        searched = bar._briefing if bar is not None else None
        if bar is None or searched is None or searched.key != briefing or location is None:
            return
        index = bisect_left(bar.matches, location)
        if index < len(bar.matches) and bar.matches[index] == location and location != bar.current:
            bar.current = location
            article = bar._article()
            if article is not None:
                article.set_matches(bar.matches, location)
            bar._show_count()

    @classmethod
    def close_in(cls, app: App[Any]) -> bool:
        """Escape while reading: close the open bar and clear its highlights; ``False`` if none is open."""
        bar = cls.open_bar(app)
        if bar is None:
            return False
        bar.close()
        return True

    def open(self) -> None:
        """Put the cursor in the query box (``/`` again edits the last query), at once: the next key
        typed goes there (``focus()`` takes effect after the keys already waiting)."""
        box = self.query_one(SearchInput)
        self.screen.set_focus(box)
        box.select_all()

    def close(self) -> None:
        """Clear the highlights, give the keys back to the article, and go."""
        article = self._article()
        if article is not None:
            article.set_matches([])
            article.focus()
        self._hand_back()
        self.remove()

    def _article(self) -> ArticleView | None:
        found = self.screen.query(ArticleView)
        return found.first() if found else None

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.split():
            self.close()
            return
        self.search(event.value)
        article = self._article()
        if article is not None:
            article.focus()
        self._hand_back()

    def search(self, query: str) -> None:
        """Find every match in the open briefing and go to the first at or after the reading position."""
        article = self._article()
        self.query_text = query
        self._briefing = article.briefing if article is not None else None
        self.matches = find_text(self._briefing, query) if self._briefing is not None else []
        self.current = None
        if article is None or not self.matches:
            self._show_count()
            if article is not None:
                article.set_matches([])
            self.notify("No match in this briefing.", timeout=2)
            return
        self._go(next_match(self.matches, self._here(), +1))

    def follow(self, briefing: Briefing | None) -> None:
        """Another briefing is open: its matches highlighted and counted, none jumped to (vim's
        ``hlsearch``); ``n`` then goes to the first after the reading position."""
        article = self._article()
        self._briefing, self.current = briefing, None
        self.matches = find_text(briefing, self.query_text) if briefing and self.query_text.split() else []
        if article is not None:
            article.set_matches(self.matches)
        self._show_count()

    def step(self, direction: int) -> None:
        """The next (``n``) or previous (``N``) match, wrapping at the ends like vim."""
        article = self._article()
        if article is None:
            return
        shown, searched = article.briefing, self._briefing
        if shown is not searched and shown is not None and searched is not None and shown.key == searched.key:
            self._briefing = shown  # shown again with the same text (annotated, re-folded): the same matches
        elif shown is not searched:  # another briefing is open: search it instead
            self.search(self.query_text)
            return
        if not self.matches:
            self.notify("No match in this briefing.", timeout=2)
            return
        here = self.current if self._current_on_screen(article) else self._here()
        target = next_match(self.matches, here, direction)
        if target is not None and here is not None and (target <= here) == (direction > 0):
            self.notify("Search wrapped around.", timeout=1.5)
        self._go(target)

    def _here(self) -> Location | None:
        """The reading position: the cursor item if on screen, else the place just jumped to or the top.

        A view at the top starts at the title, and one at a section's heading at that heading, so a match
        in them comes first.
        """
        article = self._article()
        if article is None:
            return None
        item = article.cursor_item
        if item is not None and article.on_screen(item.location):
            return item.location
        top = article.reading_location()
        if top is not None and top.block == 0 and top.start == 0 and top.end == 0:
            if round(article.scroll_offset.y) == 0:
                return Location(0, TITLE, 0, 0)
            heading = Location(top.section, HEADING, 0, 0)
            if article.on_screen(heading):  # not when scrolled just past it (QA)
                return heading
        return top

    def _current_on_screen(self, article: ArticleView) -> bool:
        """Whether the current match is still in view (else n/N start from where the reader scrolled to)."""
        return self.current in self.matches and self.current is not None and article.on_screen(self.current)

    def _go(self, target: Location | None) -> None:
        article = self._article()
        if target is None or article is None or self._briefing is None:
            return
        self.current = target
        self.app.post_message(Navigate(Position(self._briefing.key, target)))
        article.set_matches(self.matches, target)
        self._show_count()

    def _show_count(self) -> None:
        total = len(self.matches)
        if not total:
            text = "no match"
        elif self.current in self.matches:
            assert self.current is not None
            text = f"{self.matches.index(self.current) + 1} of {total} · n/N"
        else:
            text = f"{total} {'match' if total == 1 else 'matches'} · n/N"
        self.query_one("#search-count", Label).update(Content(text))
