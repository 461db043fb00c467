"""The first frame is laid out for the terminal's width, and start-up lays the screen out only for it."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

from textual.strip import Strip

from tests.ui.conftest import LaidOut, make_app
from tui.model.library import Library
from tui.model.loader import load_library
from tui.ui.app import BriefingApp
from tui.ui.article import ArticleView
from tui.ui.startup import HEAD_BLOCKS


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


async def test_a_long_briefing_paints_its_first_screens_first_then_all_of_it_in_place(tmp_path: Path) -> None:
    """Linking, laying out and wrapping all of a 50,000-word article took ~100 ms of its first paint."""
    said = "Mara Lind met Ole Berg in Port Eld on day {}, and they spoke of the harbour."
    text = "# The long read\n\n" + "\n\n".join(said.format(n) for n in range(400)) + "\n"
    (tmp_path / "long.md").write_text(text, encoding="utf-8")
    load_library([tmp_path])  # warm: the briefing is there for the first paint
    first_frame: list[str] = []
    laid_out: list[tuple[bool, int, int]] = []
    drawn = ArticleView.render_line

    def spy(view: ArticleView, y: int) -> Strip:
        strip = drawn(view, y)
        if not laid_out:
            laid_out.append((view.head_only, len(view.items), len(view.geometry)))
        if len(first_frame) < 20:
            first_frame.append(strip.text)
        return strip

    with patch.object(ArticleView, "render_line", spy):
        app = BriefingApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.pause()
            article = app.article
            assert laid_out[0][0] and laid_out[0][1] == 0, "the first paint: its first screens, no links yet"
            assert not article.head_only and article.items and len(article.geometry) > laid_out[0][2]
            assert [drawn(article, y).text for y in range(20)] == first_frame, "the same lines on screen"
            await pilot.press("l")
            assert article.cursor_item is not None


async def test_a_key_typed_before_all_of_a_long_briefing_is_shown_acts_on_all_of_it(tmp_path: Path) -> None:
    """End pressed before the rest was laid out went to the end of the first screens."""
    said = "Mara Lind met Ole Berg in Port Eld on day {}, and they spoke of the harbour."
    text = "# The long read\n\n" + "\n\n".join(said.format(n) for n in range(400)) + "\n"
    (tmp_path / "long.md").write_text(text, encoding="utf-8")
    load_library([tmp_path])
    app = BriefingApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        briefing = app.briefing
        assert briefing is not None
        # Back to the moment after the first paint, before the rest is shown (a key typed ahead comes first).
        app.article.show_briefing(briefing, [], HEAD_BLOCKS)
        app._whole_pending = briefing
        await pilot.press("end")
        await pilot.pause()
        assert not app.article.head_only and app.article.items
        shown = "".join(app.article.render_line(y).text for y in range(36))
        assert "day 399," in shown


async def test_a_narrow_spell_with_the_sidebar_hidden_leaves_the_article_as_a_fresh_start_would(
    library: Library,
) -> None:
    """QA: T at 160 columns, then 80 and back: the text was indented 35 columns with a sideways scrollbar."""
    async with make_app(library).run_test(size=(160, 45)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("T")
        await pilot.pause()
        fresh = (app.article.region, app.article.virtual_size.width, app.article.render_line(0).text)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert not app.article.show_horizontal_scrollbar
        assert (app.article.region, app.article.virtual_size.width, app.article.render_line(0).text) == fresh


async def test_starting_up_draws_the_whole_screen_once(library: Library, full_updates: list[int]) -> None:
    """Textual's start left the repaint it asks for when a screen resumes pending after drawing the first
    frame: the next frame sent the whole screen again (20 KB at 160x45) while the library waited to load."""
    async with make_app(library).run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.pause(0.3)
        assert len(full_updates) == 1
        await pilot.resize_terminal(120, 40)  # a real resize still draws it all again
        await pilot.pause()
        assert len(full_updates) > 1
