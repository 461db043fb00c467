"""Where the article stands when a briefing is shown again: back from another, after a restart."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import JANE, alpha, beta, briefing, make_app, make_library
from tui.ui.app import BriefingApp

SIZE = (120, 40)


def top_line(app: BriefingApp) -> str:
    """The article's first line on screen."""
    return app.article.render_line(0).text.strip()


async def test_a_briefing_left_at_its_top_comes_back_with_its_title(tmp_path: Path) -> None:
    long = alpha()
    long.sections[2].blocks.extend([long.sections[1].blocks[1]] * 40)  # longer than the view
    async with make_app(make_library(long, beta()), tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        assert top_line(app) == "Talks in Springfield"
        await pilot.press("J", "K")  # to the other briefing and back
        assert app.article.scroll_offset.y == 0
        assert top_line(app) == "Talks in Springfield"
        await pilot.press("q")
    async with make_app(make_library(long, beta()), tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        assert top_line(app) == "Talks in Springfield"  # and after a restart


async def test_reopening_a_briefing_resumes_mid_paragraph_at_the_top(tmp_path: Path) -> None:
    long = alpha()
    long.sections[2].blocks.extend([long.sections[1].blocks[1]] * 40)
    async with make_app(make_library(long, beta()), tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("space", "j", "j", "j", "j", "j")
        where = app.article.top_location()
        assert where is not None and where.section == 2 and where.start > 0  # mid-paragraph
        await pilot.press("J")  # to the other briefing and back: the same text at the top
        await pilot.press("K")
        assert app.article.top_location() == where
        await pilot.press("q")
    async with make_app(make_library(long, beta()), tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        assert app.article.top_location() == where


async def test_resizing_back_and_forth_keeps_the_same_line_at_the_top() -> None:
    """QA: each resize from 80 to 70 columns and back scrolled the article up a line.

    The line holding the top at 70 columns starts earlier in its paragraph,
    and that earlier start, back at 80, was often on the line before.
    """
    words = " ".join(f"w{n}" + "x" * (n % 7) for n in range(400))
    long = briefing("news/long.md", "Long", [("", [words, words, words])])
    async with make_app(make_library(long)).run_test(size=(80, 40)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        moved = []
        for y in range(5, 45, 3):  # tops in the middle of paragraphs
            app.article.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            before = top_line(app)
            for width in (70, 80, 70, 80):
                await pilot.resize_terminal(width, 40)
                await pilot.pause()
            if top_line(app) != before:
                moved.append(y)
        assert moved == []


async def test_the_cursor_stays_on_screen_when_the_terminal_shrinks() -> None:
    """QA: at 120x30 with the cursor on the screen's last lines, 64x12 kept the top and lost the cursor."""
    said = "Jane Doe walked along the river that week, and the ferries ran as they always do, said the man."
    long = briefing("news/walk.md", "Walk", [("", [said] * 3), ("On", [said] * 6), ("Off", [said] * 6)],
                    [JANE])
    async with make_app(make_library(long)).run_test(size=(120, 30)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press(*"l" * 10)
        assert app.article.cursor == 9 and app.article.cursor_on_screen()
        await pilot.resize_terminal(64, 12)
        await pilot.pause()
        assert app.article.cursor == 9 and app.article.cursor_on_screen()
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert app.article.cursor_on_screen()
