"""The key bar: the focused pane's keys, greyed out when unavailable, repainted without any layout."""

from __future__ import annotations

from tests.ui.conftest import LaidOut, reading
from tui.model.library import Library
from tui.ui.app import BriefingApp
from tui.ui.footer import BarKey, QuickFooter
from tui.ui.help import HelpScreen


def bar(app: BriefingApp) -> QuickFooter:
    return app.screen.query_one(QuickFooter)


def bar_key(app: BriefingApp, action: str) -> BarKey:
    return next(key for key in bar(app).keys if key.action == action)


def drawn(app: BriefingApp) -> str:
    """The bar's line as drawn now."""
    footer = bar(app)
    return "".join(segment.text for segment in footer.render_line(0))


async def test_back_is_dimmed_until_a_jump_then_lit(library: Library) -> None:
    async with reading(library) as (pilot, app):
        assert not bar_key(app, "history_back").enabled
        assert "Back" in drawn(app)
        await pilot.press("right_square_bracket")  # next section: a jump Back can undo
        await pilot.pause()
        assert bar_key(app, "history_back").enabled
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not bar_key(app, "history_back").enabled
        assert bar_key(app, "history_forward").enabled


async def test_forward_is_offered_on_a_key_every_terminal_sends(library: Library) -> None:
    """Ctrl-I arrives as Tab unless the terminal speaks the kitty protocol: the bar showed "^i Fwd"."""
    async with reading(library) as (pilot, app):
        forward = bar_key(app, "history_forward")
        assert forward.key == "alt+right" and "alt+→ Fwd" in drawn(app) and "^i" not in drawn(app)
        await pilot.press("l", "asterisk", "asterisk", "asterisk")  # Jane Doe's mentions, on into beta
        assert app.current_key == "news/beta.md"
        await pilot.press("ctrl+o")
        assert app.current_key == "news/alpha.md"
        await pilot.press(forward.key)
        assert app.current_key == "news/beta.md"


async def test_each_pane_shows_its_own_keys_and_changing_them_lays_nothing_out(
    library: Library, layouts: list[LaidOut]
) -> None:
    """Textual's Footer mounted a widget per key at every Tab and Esc, and laid the screen out twice."""
    async with reading(library) as (pilot, app):
        article_keys = bar(app).keys
        assert "Next item" in drawn(app)
        layouts.clear()
        await pilot.press("shift+tab")  # the briefing list
        await pilot.pause()
        assert app.library_pane.has_focus_within
        assert bar(app).keys != article_keys and "Next item" not in drawn(app)
        await pilot.press("escape")
        await pilot.pause()
        assert bar(app).keys == article_keys and "Next item" in drawn(app)
        assert layouts == []


async def test_the_card_has_its_own_bar(library: Library) -> None:
    async with reading(library) as (pilot, app):
        await pilot.press("l", "enter")  # the card: its own bar, with its own keys
        await pilot.pause()
        assert bar_key(app, "close") is not None and "Close" in drawn(app)
        await pilot.press("escape")
        await pilot.pause()
        assert bar_key(app, "history_back") is not None


async def test_the_first_screen_drawn_already_has_the_articles_keys(
    library: Library, layouts: list[LaidOut]
) -> None:
    """Textual's Footer fills in after the first paint: the bar flashed empty, then grew its keys."""
    async with reading(library) as (_pilot, app):
        shown = [key.action for key in bar(app).keys]
    assert "history_back" in layouts[0].keys and list(layouts[0].keys) == shown


async def test_clicking_a_key_presses_it_and_a_greyed_out_key_does_nothing(library: Library) -> None:
    async with reading(library) as (pilot, app):
        footer = bar(app)
        line = drawn(app)
        keys = footer.key_at(line.index("Keys"))
        assert keys is not None and keys.action == "help"
        await pilot.hover(QuickFooter, offset=(line.index("Keys"), 0))
        await pilot.pause()
        assert footer.tooltip == "Show every key (this screen)"  # the key under the pointer: its tooltip
        await pilot.click(QuickFooter, offset=(line.index("Back"), 0))  # greyed out: no jump to undo
        await pilot.pause()
        assert app.current_key == "news/alpha.md" and not isinstance(app.screen, HelpScreen)
        await pilot.click(QuickFooter, offset=(line.index("Keys"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_keys_that_do_not_fit_are_left_out_whole_and_the_palette_key_stays(library: Library) -> None:
    async with reading(library, (70, 30)) as (_pilot, app):
        line = drawn(app)
        assert len(line) == 70 and line.rstrip().endswith("Go to…")
        keys = [key for key in bar(app).keys if not key.palette]
        shown = [key for key in keys if f" {key.display} {key.description}" in line]
        assert shown and len(shown) < len(keys)  # some left out, none cut in half
        cut = line[: line.index("▏")].rstrip()
        assert cut.endswith(shown[-1].description)


async def test_keys_that_type_into_the_filter_box_are_not_offered_there(library: Library) -> None:
    """QA: the filter box showed "/ Find", and "/" typed a slash into it."""
    async with reading(library) as (pilot, app):
        assert "Find" in drawn(app)
        await pilot.press("tab")  # the sidebar's filter box
        await pilot.pause()
        assert "filter" in type(app.focused).__name__.lower()
        assert "Find" not in drawn(app) and "Back" in drawn(app)  # Ctrl-O still works there
        await pilot.press("escape")
        await pilot.pause()
        assert "Find" in drawn(app)
