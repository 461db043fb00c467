"""The reader's screen: laid out for its width from the first frame, and redrawn only where things change.

Focus. Textual's ``Screen.focused`` is a reactive that repaints: every Tab,
Esc back to the article or click into a pane marked the whole screen dirty,
and the next frame re-rendered and re-sent every line of the terminal. The
widgets the change concerns redraw themselves anyway: the one losing and the
one gaining focus (and their ancestors) are restyled, and a restyle that
changes how a widget looks refreshes it (the focused pane's border, a list's
highlight); the timeline strip refreshes itself on focus and blur. So the
screen-wide repaint only re-sent lines that had not changed: a full update of
the 160×45 screen. In-process, Tab and Esc take 10-20% less CPU without it.

Start-up. Textual gives a screen its width's breakpoint class (``-narrow``)
when the first resize event reaches it, which in a terminal is after the
first layout and paint: at 64 columns the first frame showed the wide layout
(the briefing list 30 columns wide, the article one) and then jumped, and at
any width the class change restyled every widget. Three resize events of the
same size then laid out and redrew the whole screen again each, 20-40 ms of
CPU just after the first paint, while the library waits to load. The screen
is now made with its class, and a resize to the size it already has is
passed over.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class QuietFocus:
    """Mixed into a screen: ``focused`` without ``repaint`` (Textual's watcher still updates the key bar)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class ReaderScreen(QuietFocus, Screen[None]):
    """The reader's own screen (the panes), the app's default; the entity card mixes in QuietFocus too."""

    AUTO_FOCUS = "ArticleView"
    """Focus starts on the article: Textual's default, the first focusable pane, restyled two panes
    before the first paint only for the app to move the focus to the article (two restyles of 4)."""

    @classmethod
    def for_width(cls, width: int, breakpoints: Sequence[tuple[int, str]]) -> ReaderScreen:
        """The screen with the class of the widest breakpoint ``width`` reaches, as Textual's would be."""
        return cls(id="_default", classes=_breakpoint(width, breakpoints))

    _layouts = 0
    """Full layouts done so far (see :meth:`_on_screen_resume`)."""

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        """Textual's layout, counted."""
        if not scroll and (size or self.outer_size):
            self._layouts += 1
        super()._refresh_layout(size, scroll)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Textual's, once; when it laid the screen out and drew it, that layout and frame are done.

        Starting up, Textual lays the screen out and draws it here, but leaves the layout its
        composing asked for, and the repaint it asks for right after, pending: the next frames
        drew the whole screen once more (20 KB at 160x45, ~9 ms of CPU) while the library waited
        to load. (A layout that the first one's new sizes ask for still follows, as Textual's own.)
        """
        event.prevent_default()  # Screen's handler runs here, not a second time after this one
        first, layouts = not self.stack_updates, self._layouts
        super()._on_screen_resume(event)
        if first and self._layouts != layouts and self.is_current:  # later, a card may have covered it
            self._layout_required = self._repaint_required = False

    def _screen_resized(self, size: Size) -> None:
        """Lay out again only for a new size (Textual's start-up sends the same size three times)."""
        if size != self.outer_size:
            super()._screen_resized(size)

    def on_resize(self, event: events.Resize) -> None:
        """Crossing a breakpoint brings back that width's briefing list, whatever ``t`` made of it before.

        ``t`` shows or hides the list for the width at hand. Kept past a
        breakpoint, a list shown at 160 columns stayed at 64 and left the
        article 8 columns. (Runs before Textual's handler switches the class.)
        """
        classes = _breakpoint(event.size.width, self.app.HORIZONTAL_BREAKPOINTS or [])
        if classes and classes not in self.classes:
            for pane in self.query("#library"):
                pane.styles.clear_rule("display")


def _breakpoint(width: int, breakpoints: Sequence[tuple[int, str]]) -> str:
    """The class of the widest breakpoint ``width`` reaches: Textual's rule (its own is a private method
    of a screen, and the screen is made with the class before there is one to ask)."""
    fitting = [name for least, name in sorted(breakpoints, reverse=True) if width >= least]
    return fitting[0] if fitting else ""
