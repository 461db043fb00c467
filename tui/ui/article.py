"""The article view: one briefing drawn line by line, with a cursor on the current linked item.

A 50,000-word article must open and scroll at once, so this is a line-API
:class:`ScrollView`: no widget per paragraph or word. The briefing is laid out
once (:mod:`tui.ui.article_layout`: display strings and styled spans); line
breaks are offsets recomputed only when the width changes; strips are rendered
on demand for visible lines and cached until the cursor, highlights, width or
theme change.

The view knows nothing of the library or history: it shows what it is told and
reports what the reader does (cursor moves, the section in view, following an
item) as messages. Its keys and clicks are in :mod:`tui.ui.article_keys`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from tui.model.document import Briefing, LoadError
from tui.model.entities import Location
from tui.model.navigation import LinkedItem, LinkKind
from tui.ui.article_keys import ArticleKeys
from tui.ui.article_layout import PERSON_GLYPH, Layout, Unit, error_units, layout_briefing, note_units
from tui.ui.article_lines import build_line
from tui.ui.linelist import set_scroll_area
from tui.ui.messages import CursorMoved, SectionChanged

MEASURE = 88
"""The widest text column, in cells: longer lines are hard to read."""


class ArticleView(ArticleKeys, can_focus=True):
    """The centre pane: the open briefing, its linked items marked, and a cursor on one of them."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"article--{name}"
        for name in ("title", "meta", "summary", "heading", "blockquote", "credits", "note", "error", "em",
                     "strong", "code", "link", "person", "place", "quote", "gutter", "cursor", "match",
                     "match-current")
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing: Briefing | None = None
        self.items: list[LinkedItem] = []
        self.cursor: int | None = None
        self.geometry = Layout([])
        self._item_index: dict[Location, int] = {}
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._matches: dict[int, list[tuple[int, int, bool]]] = {}
        self._found: tuple[list[Location], Location | None] = ([], None)  # set_matches' arguments
        self._section = -1
        self._spot: Location | None = None  # jumped to with no item there: the reading position till a scroll
        self._left = 2
        self._seen_height = 0  # the view's height at its last size with a width (a resize keeps the cursor)
        self._pending: Location | None = None
        self._kept_top: tuple[Location, int, int] | None = None  # _restore_top's anchor, and its top line
        self.head_only = False
        """Only the briefing's first blocks are laid out (see :meth:`show_briefing`)."""
        self.mark_people = False
        """Accessible mode (:mod:`tui.ui.accessible`): a glyph before each person mention too."""

    # -- content ---------------------------------------------------------------------------------

    def show_briefing(self, briefing: Briefing, items: Sequence[LinkedItem], head: int | None = None) -> None:
        """Lay out a briefing (nothing rendered yet) and show its top with no cursor; ``head``: only
        its first blocks, for a first paint (:meth:`show_again` then shows all of it)."""
        self.briefing, had = briefing, bool(self.items)
        self.items = list(items)
        self._item_index = {}
        if bool(self.items) != had:
            self.refresh_bindings()  # l and Enter greyed out, or no longer (links arriving after the text)
        glyph = PERSON_GLYPH if self.mark_people else None
        self._show(layout_briefing(briefing, people_glyph=glyph, head=head))
        self.head_only = head is not None
        for index, item in enumerate(self.items):
            self._item_index.setdefault(item.location, index)
            self.geometry.place(index, item.spans or (item.location,), item.kind is LinkKind.QUOTE)

    def show_again(self, briefing: Briefing, items: Sequence[LinkedItem]) -> None:
        """Show a briefing again in place (annotated since, re-folded, people marked): same cursor, same top.

        The top's reading position is not enough: a section's start stands for
        its heading and its first paragraph alike (the first section's, for the
        title above it too), so the lines the top is past it are kept as well.
        """
        cursor, (top, lines) = self.cursor_item, self._top_anchor()
        found = self._found
        self.show_briefing(briefing, items)
        self.set_matches(*found)  # the same text: a search's highlights stay
        self.go_to(cursor.location if cursor is not None else top)
        if cursor is None and top is not None and lines and self.scrollable_content_region.height:
            self._restore_top(top, lines)

    def _top_anchor(self) -> tuple[Location | None, int]:
        """The top's reading position and the lines the top is past its line; the last restored if not
        scrolled since (afresh, re-wraps crept up: the line at 70 columns starts earlier, at 80 a line up)."""
        kept = self._kept_top
        if kept is not None and kept[2] == round(self.scroll_offset.y):
            return kept[0], kept[1]
        top = self.top_location()
        return top, 0 if top is None else round(self.scroll_offset.y) - self.geometry.line_of(top)

    def _restore_top(self, top: Location, lines: int) -> None:
        """Put the line ``lines`` past ``top``'s at the top, and keep that anchor for the next re-wrap."""
        self._scroll_to_line(self.geometry.line_of(top) + lines, top_margin=0)
        self._kept_top = (top, lines, round(self.scroll_offset.y))

    def show_error(self, key: str, errors: Sequence[LoadError]) -> None:
        """Show why a file did not load: its path, line and message, each literally."""
        self.briefing, self.items, self._item_index = None, [], {}
        self._show(error_units(key, errors))

    def show_note(self, text: str) -> None:
        """Show a one-line note in place of an article (loading, empty library)."""
        self.briefing, self.items, self._item_index = None, [], {}
        self._show(note_units(text))

    def _show(self, units: list[Unit]) -> None:
        self.geometry = Layout(units)
        self.cursor = None
        self._matches, self._found = {}, ([], None)
        self._section, self._spot = -1, None
        self._pending, self._kept_top = None, None
        self._rewrap(force=True)
        self.scroll_to(0, 0, animate=False, immediate=True, force=True)
        self.refresh()
        self._report_section()

    def set_matches(self, matches: Sequence[Location], current: Location | None = None) -> None:
        """Highlight search matches (``current`` more strongly); an empty list clears them."""
        self._found = (list(matches), current)
        self._matches = self.geometry.match_spans(matches, current)
        self._cache.clear()
        self.refresh()

    # -- geometry --------------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells available to text, after the margins, capped at a readable measure."""
        return max(10, min(MEASURE, self.scrollable_content_region.width - 4))

    def _rewrap(self, force: bool = False) -> None:
        """Recompute line breaks if the width changed (offsets only; nothing is rendered). Not before the
        view has a width: wrapping for none (10 cells) was the slowest, ~30 ms of a 50,000-word start."""
        if self.scrollable_content_region.width <= 0:
            return
        width = self.text_width
        if width != self.geometry.width or force:
            self.geometry.wrap(width)
            self._cache.clear()
        self._left = max(2, (self.scrollable_content_region.width - width) // 2)
        # In place: setting virtual_size laid out the whole screen for every briefing opened.
        set_scroll_area(self, Size(self.scrollable_content_region.width, len(self.geometry) + 1))

    def _size_updated(self, *args: Any, **kwargs: Any) -> bool:
        """A new size: re-wrap, keeping the same text at the top, in the layout pass that gave it.

        Textual calls this hook for every size change, then draws, and only then delivers the ``Resize``
        event: re-wrapped there, the first frame was wrapped for no width (one word a line), ~60 ms long.
        """
        resized: bool = super()._size_updated(*args, **kwargs)  # passed through: a private hook
        # A new width with the same measure still moves the margin and the scroll area (QA: 160 columns
        # with the sidebar hidden, then the list back: both kept 160, and a sideways scrollbar came).
        moved = self.virtual_size.width != self.scrollable_content_region.width
        if self.scrollable_content_region.width <= 0:  # passed through on the way to a new size
            return resized
        if self.text_width != self.geometry.width or self._pending is not None or moved:
            self._refit()
        self._seen_height = self.scrollable_content_region.height
        return resized

    def _refit(self) -> None:
        """Re-wrap for the new width with the same text at the top, and the cursor or the place just
        jumped to still in view if the reader saw it at the last size (QA: 120x30 to 64x12 lost both)."""
        top, lines = self._top_anchor()
        spot, cursor = self._spot, self.cursor_item
        seen = cursor is not None and self.on_screen(cursor.location, self._seen_height)
        keep = cursor.location if cursor is not None and seen else spot
        self._rewrap()
        self._cache.clear()
        self._kept_top = None
        if self._pending is not None:
            self.go_to(self._pending)
        elif top is not None:
            self._restore_top(top, lines)
            if keep is not None:
                self._scroll_to_line(self.geometry.line_of(keep))
                self._spot = spot
                self._report_section()

    def notify_style_update(self) -> None:
        """The theme changed: component styles and every rendered strip are stale."""
        super().notify_style_update()
        self._styles = {}
        self._cache.clear()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def _tell_app(self, message: Message) -> None:
        """Post straight to the app, its only reader: bubbling through panes and screen, a message reached it
        after the key's frame was drawn, so status line, outline and sidebar came a frame (20-35 ms) late."""
        self.app.post_message(message)

    # -- rendering -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Render one visible line, from the cache when possible."""
        line = round(self.scroll_offset.y) + y
        strip = self._cache.get(line)
        if strip is None:
            strip = self._cache[line] = self._build_line(line, self.scrollable_content_region.width)
        return strip

    def _build_line(self, line: int, width: int) -> Strip:
        """One line, with the cursor and search matches marked (see :func:`build_line`)."""
        unit_index = self.geometry.line_unit[line] if line < len(self.geometry) else -1
        cursor = [(s, e) for s, e, index in self.geometry.units[unit_index].items
                  if index == self.cursor] if unit_index >= 0 else []
        return build_line(self.geometry, line, width, self._left, self._style, self._base_style(),
                          self._matches.get(unit_index, ()), cursor)

    def _base_style(self) -> Style:
        """The view's own style (background, colour), kept until the styles change: it walks the DOM."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    # -- positions -------------------------------------------------------------------------------

    def top_location(self) -> Location | None:
        """The reading position: the start of the first text line at the top of the view."""
        if self.briefing is None:
            return None
        return self.geometry.location_at(round(self.scroll_offset.y))

    def reading_location(self) -> Location | None:
        """Where the view was just sent with no item there (a section's start, which a short briefing
        cannot scroll to; a search match, whose view Back returns to), else :meth:`top_location`."""
        return self._spot if self._spot is not None and self.briefing is not None else self.top_location()

    @property
    def section(self) -> int:
        """The section in view: the one of the place just jumped to, else the cursor's if on screen, else
        the top's."""
        return max(0, self._section)

    def _report_section(self) -> None:
        if self._spot is not None:
            section = self._spot.section
        elif self.cursor_on_screen():
            assert self.cursor is not None
            section = self.items[self.cursor].location.section
        elif self.scroll_offset.y >= self.max_scroll_y > 0:
            section = self.geometry.section_at(len(self.geometry) - 1)  # the end is on screen
        else:
            section = self.geometry.section_at(round(self.scroll_offset.y) + 1)
        if section != self._section:
            self._section = section
            self._tell_app(SectionChanged(section))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling changes which section is in view."""
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._spot = None
        self._report_section()

    def _scroll_to_line(self, line: int, *, top_margin: int | None = None) -> None:
        """Bring a line into view: at ``top_margin`` from the top, or a third down if it is off screen."""
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if top_margin is None:
            if top <= line < top + height - 1:
                return
            top_margin = max(1, height // 3)
        self.scroll_to(y=max(0, line - top_margin), animate=False, immediate=True, force=True)

    def go_to(self, location: Location | None) -> None:
        """Show a location and put the cursor on the item there (no cursor if there is none).

        An item is brought into view a third of the way down if it is off screen.
        """
        if not self.scrollable_content_region.height:
            self._pending = location  # not laid out yet: go there on the first resize
            return
        self._pending = None
        index = None if location is None else self._item_index.get(location)
        self.set_cursor(index)
        if location is not None and index is None:
            # A zero-width location is a reading position (resumed, or back to where the reader
            # was): it goes to the top, as it was. A span (a search match) goes a third down.
            point = location.start == location.end
            self._scroll_to_line(self.geometry.line_of(location), top_margin=0 if point else None)
            self._spot = location
        elif location is None:
            self.scroll_to(y=0, animate=False, immediate=True, force=True)
            self._spot = None
        self._report_section()

    # -- cursor ----------------------------------------------------------------------------------

    @property
    def cursor_item(self) -> LinkedItem | None:
        """The linked item under the cursor."""
        return None if self.cursor is None else self.items[self.cursor]

    def set_cursor(self, index: int | None) -> None:
        """Move the cursor, redraw the lines it left and entered, and keep it in view."""
        changed = index != self.cursor
        stale = [lines for old in (self.cursor, index) if old is not None
                 for lines in self._forget_lines_of(old)]
        self.cursor = index
        if index is not None:
            self._spot = None
            self._scroll_to_line(self.geometry.line_of(self.items[index].location))
        # Only the lines the cursor left and entered are drawn again (a scroll redraws the rest):
        # refreshing the whole view made the compositor go over every line, ~10 ms a key.
        for lines in stale:
            self.refresh_lines(lines.start, len(lines))
        self._report_section()
        if changed:
            self._tell_app(CursorMoved(self.cursor_item))

    def _forget_lines_of(self, index: int) -> list[range]:
        """Drop the rendered lines of every unit item ``index`` touches; returns those lines."""
        item = self.items[index]
        found = self.geometry.lines_of_spans(item.spans or (item.location,))
        for line in (line for lines in found for line in lines):
            self._cache.discard(line)
        return found

    def visible_items(self) -> list[tuple[int, int, int]]:
        """Items starting on screen as ``(item index, x, y)`` in widget coordinates (for hint labels)."""
        top = round(self.scroll_offset.y)
        found = self.geometry.items_on(top, self.scrollable_content_region.height)
        return [(index, self._left + column, row) for index, column, row in found]

    def cursor_on_screen(self) -> bool:
        """Whether the cursor item starts on a visible line (else keys start from the view)."""
        return self.cursor is not None and self.on_screen(self.items[self.cursor].location)

    def on_screen(self, location: Location, height: int | None = None) -> bool:
        """Whether a location starts on a visible line (of a view ``height`` lines high, if given)."""
        top = round(self.scroll_offset.y)
        shown = self.scrollable_content_region.height if height is None else height
        return top <= self.geometry.line_of(location) < top + shown
