"""The article's keys and clicks: scrolling, the cursor's moves, following a linked item.

The base of :class:`tui.ui.article.ArticleView` (as :mod:`tui.ui.startup` is
of the app): the view lays out, draws and keeps the reading position; this
turns j/k, space/b, g/G, l/h, Enter and a click
(:data:`tui.ui.bindings.ARTICLE_BINDINGS`) into scrolls, cursor moves and the
messages the app acts on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.binding import BindingType
from textual.scroll_view import ScrollView

from tui.ui.bindings import ARTICLE_BINDINGS
from tui.ui.messages import Jumped, follow_message

if TYPE_CHECKING:
    from tui.ui.article import ArticleView

__all__ = ["ArticleKeys"]


class ArticleKeys(ScrollView):
    """What the article's keys and clicks do."""

    BINDINGS: ClassVar[list[BindingType]] = ARTICLE_BINDINGS  # j/k, space/b, g/G, l/h, Enter

    def action_scroll_lines(self, count: int) -> None:
        """Scroll by lines (j/k)."""
        self.scroll_to(y=self.scroll_offset.y + count, animate=False, immediate=True, force=True)

    def action_page(self, direction: int) -> None:
        """Scroll by a screen, keeping two lines of context (space/b)."""
        step = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_offset.y + direction * step, animate=False, immediate=True, force=True)

    def action_edge(self, direction: int) -> None:
        """Go to the top or the bottom (g/G); a jump the app records."""
        view = cast("ArticleView", self)
        before = view.top_location()
        self.scroll_to(y=0 if direction < 0 else self.max_scroll_y, animate=False, immediate=True, force=True)
        if before is not None:
            view._tell_app(Jumped(before))

    def action_item(self, direction: int) -> None:
        """Move the cursor to the next or previous linked item in reading order."""
        view = cast("ArticleView", self)
        if not view.items:
            return
        target: int | None
        if view.cursor_on_screen():
            assert view.cursor is not None
            target = view.cursor + (1 if direction > 0 else -1)
        else:  # the first item on screen or after it (or the last before its end), in reading order
            height = self.scrollable_content_region.height
            target = view.geometry.item_from(round(self.scroll_offset.y), height, direction)
        if target is None or not 0 <= target < len(view.items):
            self.notify("No more linked items this way.", timeout=2)
            return
        view.set_cursor(target)

    def action_follow(self) -> None:
        """Follow the cursor item: a mention opens its entity, a quote its speaker."""
        view = cast("ArticleView", self)
        item = view.cursor_item
        if item is None:
            self.action_item(1)
        else:
            view._tell_app(follow_message(item))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out item keys when the article has no linked items."""
        if action in ("item", "follow"):
            return True if cast("ArticleView", self).items else None
        return True

    def on_click(self, event: events.Click) -> None:
        """Clicking a mention or quote does what Enter does on it."""
        view = cast("ArticleView", self)
        index = view.geometry.hit(round(self.scroll_offset.y) + event.y, event.x - view._left)
        if index is not None:
            view.set_cursor(index)
            view._tell_app(follow_message(view.items[index]))
