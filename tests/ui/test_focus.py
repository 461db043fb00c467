"""Moving the focus redraws the panes whose look it changes, without a redraw of the whole screen."""

from __future__ import annotations

from textual.strip import Strip

from tests.ui.conftest import make_app, reading
from tui.model.library import Library
from tui.ui.app import BriefingApp
from tui.ui.card import EntityCard
from tui.ui.linelist import LineList
from tui.ui.timeline import TimelineStrip

SIZE = (120, 40)


def highlight_line(widget: LineList) -> Strip:
    """The first line of a list's highlighted row, as drawn now."""
    row = widget._highlighted
    assert row is not None
    return widget.render_line(row * widget.row_height - round(widget.scroll_offset.y))


async def test_tab_restyles_the_list_it_moves_to_without_a_full_redraw(
    library: Library, full_updates: list[int]
) -> None:
    async with reading(library) as (pilot, app):
        full_updates.clear()
        await pilot.press("shift+tab")  # to the briefing list, its open briefing highlighted
        await pilot.pause()
        listing = app.focused
        assert isinstance(listing, LineList) and app.library_pane.has_focus_within
        focused = highlight_line(listing)
        await pilot.press("escape")
        await pilot.pause()
        assert app.article.has_focus
        assert list(highlight_line(listing)) != list(focused)  # the highlight shows where focus is
        await pilot.press("shift+tab")
        await pilot.pause()
        assert list(highlight_line(listing)) == list(focused)
        assert full_updates == []


async def test_tab_in_the_card_reverses_the_timeline_bar_without_a_full_redraw(
    library: Library, full_updates: list[int]
) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter")  # the first linked item's card
        await pilot.pause()
        card = app.screen
        assert isinstance(card, EntityCard)
        strip = card.query_one(TimelineStrip)
        before = strip.render().spans
        full_updates.clear()
        await pilot.press("tab")
        await pilot.pause()
        assert strip.has_focus
        assert strip.render().spans != before  # the chosen bar is drawn reversed
        assert full_updates == []
