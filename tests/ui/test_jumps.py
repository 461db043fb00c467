"""Jumps: back and forward over them (vim's jump list), and the next linked item from wherever the view is."""

from __future__ import annotations

from tests.ui.conftest import JANE, briefing, make_library, reading
from tests.ui.test_footer import bar_key
from tui.model.library import Library
from tui.model.navigation import linked_items


async def test_section_jumps_in_a_briefing_that_fits_the_screen_go_back_and_forward(library: Library) -> None:
    """The view cannot scroll, so its top stayed at the first section: Back skipped a step, and forward
    went nowhere, since every jump had been recorded as leaving the top."""
    async with reading(library) as (pilot, app):
        assert app.article.max_scroll_y == 0, "the fixture's briefing should fit the screen"
        sections = []
        keys = ("right_square_bracket", "right_square_bracket", "ctrl+o", "ctrl+o", "alt+right", "alt+right")
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            sections.append(app.article.section)
        assert sections == [1, 2, 1, 0, 1, 2]
        assert app.check_action("history_forward", ()) is None, "forward greyed out at the newest jump"


async def test_next_item_from_a_view_with_none_on_screen_goes_to_the_next_one_below() -> None:
    """QA: at 64x20 the lead filled the view, and l said "No more linked items this way"."""
    lead = [f"Plain line {n} of a long lead with no names in it at all." for n in range(30)]
    blocks = [*lead, "Then Jane Doe spoke.", "Doe left."]
    long = briefing("news/lead.md", "A long lead", [("", blocks)], [JANE])
    async with reading(make_library(long), (64, 20)) as (pilot, app):
        assert not app.article.visible_items(), "no linked item on the first screen"
        await pilot.press("l")
        item = app.article.cursor_item
        assert item is not None and item.entity_id == JANE.id and item.location.block == 30
        assert app.article.cursor_on_screen()
        await pilot.press("g", "h")  # from the top, backwards: nothing that way
        assert app.article.cursor_item is not None and app.article.cursor_item.location.block == 30


async def test_links_arriving_after_the_text_light_up_next_item_in_the_key_bar() -> None:
    """QA: on a cold cache the text shows first; l and Enter stayed greyed out when its links came."""
    text_only = briefing("news/a.md", "First news", [("", ["Jane Doe spoke."])])
    linked = briefing("news/a.md", "First news", [("", ["Jane Doe spoke."])], [JANE])
    async with reading(make_library(text_only)) as (pilot, app):
        assert not bar_key(app, "item(1)").enabled
        app.article.show_again(linked, linked_items(linked))
        await pilot.pause()
        assert bar_key(app, "item(1)").enabled and bar_key(app, "follow").enabled
