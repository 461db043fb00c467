"""Back and forward over jumps (vim's jump list), whether or not the view can scroll to where a jump went."""

from __future__ import annotations

from tests.ui.conftest import make_app
from tui.model.library import Library
from tui.ui.app import BriefingApp

SIZE = (120, 40)


async def test_section_jumps_in_a_briefing_that_fits_the_screen_go_back_and_forward(library: Library) -> None:
    """The view cannot scroll, so its top stayed at the first section: Back skipped a step, and forward
    went nowhere, since every jump had been recorded as leaving the top."""
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        assert app.article.max_scroll_y == 0, "the fixture's briefing should fit the screen"
        sections = []
        keys = ("right_square_bracket", "right_square_bracket", "ctrl+o", "ctrl+o", "alt+right", "alt+right")
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            sections.append(app.article.section)
        assert sections == [1, 2, 1, 0, 1, 2]
        assert app.check_action("history_forward", ()) is None, "forward greyed out at the newest jump"
