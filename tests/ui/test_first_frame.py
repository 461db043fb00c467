"""The first frame is laid out for the terminal's width, and start-up lays the screen out only for it."""

from __future__ import annotations

from tests.ui.conftest import LaidOut, make_app
from tui.model.library import Library
from tui.ui.app import BriefingApp


async def test_a_narrow_terminal_is_narrow_from_the_first_layout(
    library: Library, layouts: list[LaidOut]
) -> None:
    """The width's class came with Textual's first resize event, after the first layout and paint.

    In a terminal (tmux, 64 columns) that first frame showed the wide layout:
    the briefing list 30 columns wide and the article one column, then jumped.
    """
    async with make_app(library).run_test(size=(64, 30)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        assert layouts and layouts[0].classes >= {"-narrower"}
        assert app.library_pane.region.width == 0 and app.article.region.width >= 30


async def test_starting_up_lays_the_screen_out_once_for_its_size(
    library: Library, layouts: list[LaidOut]
) -> None:
    """Each of Textual's start-up resize events at the same size laid all the panes out again."""
    async with make_app(library).run_test(size=(160, 45)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        await pilot.pause()
        started = len(layouts)
        assert started <= 3  # the first layout, and the panes' own refreshes as they fill
        await pilot.resize_terminal(120, 40)  # a real resize still lays out again
        await pilot.pause()
        assert len(layouts) > started
        assert app.article.region.width < 120


async def test_crossing_a_breakpoint_brings_back_that_widths_briefing_list(library: Library) -> None:
    """QA: t, t at 160 columns (hidden, shown), then 64 columns: the list stayed and left the article 8."""
    async with make_app(library).run_test(size=(160, 40)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("t", "t")
        await pilot.pause()
        assert app.library_pane.region.width > 0
        await pilot.resize_terminal(64, 30)
        await pilot.pause()
        assert app.library_pane.region.width == 0 and app.article.region.width >= 30
        await pilot.press("t")  # still shown on demand
        await pilot.pause()
        assert app.library_pane.region.width == 24
        await pilot.resize_terminal(160, 40)  # shown by hand at 64 columns; at 160 the default, shown
        await pilot.pause()
        assert app.library_pane.region.width == 30
