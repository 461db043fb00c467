"""A card with hundreds of rows opens on the mention the reader came from; every key reaches every row."""

from __future__ import annotations

import datetime as dt

from tests.ui.conftest import briefing, make_app, make_library, person
from tui.model.entities import Location
from tui.model.library import Library
from tui.model.navigation import Position
from tui.ui.app import BriefingApp
from tui.ui.card import CardList, CardRow, EntityCard

SIZE = (120, 40)
ADA = person("Ada Quell", "engineer")


def busy_library() -> Library:
    """Three briefings that name Ada Quell 120 times each (360 mention rows, a few screenfuls)."""
    briefings = [
        briefing(f"news/{day}.md", f"Day {day}",
                 [(f"Part {part}", [f"Ada Quell checked valve {n} on day {day}." for n in range(40)])
                  for part in range(3)],
                 [ADA], date=dt.date(2024, 5, day))
        for day in (1, 2, 3)
    ]
    return make_library(*briefings)


def visible_rows(card: EntityCard) -> list[str]:
    rows = card.query_one(CardList)
    return [rows.render_line(y).text for y in range(rows.scrollable_content_region.height)]


async def test_a_busy_card_opens_on_the_mention_in_view_and_keys_reach_both_ends() -> None:
    library = busy_library()
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("B", "]", "]", "l", "enter")  # day 1, part 2, first mention there
        card = app.screen
        assert isinstance(card, EntityCard)
        rows = card.query_one(CardList)
        start = Position("news/1.md", Location(2, 0, 0, 9))
        assert rows.highlighted is not None and card.rows[rows.highlighted] == CardRow("mention", start)
        assert any("Part 2 · Ada Quell checked valve 0 on day 1." in line for line in visible_rows(card))
        await pilot.press("end")
        last = CardRow("briefing", Position("news/3.md", Location(0, 0, 0, 9)))
        assert card.rows[rows.highlighted or 0] == last
        assert "Day 3 · 2024-05-03" in visible_rows(card)[-1]
        await pilot.press("home")
        assert rows.highlighted == 2  # past the "Mentions (360)" heading and the "Day 1" label
        assert "Mentions (360)" in visible_rows(card)[0]
        page = rows.scrollable_content_region.height - 1
        before = rows.highlighted
        await pilot.press("pagedown")
        assert rows.highlighted == before + page  # a screenful (no headings in between here)
        await pilot.press(*["pagedown"] * (120 // page + 1))  # past day 1's 120 mentions
        chosen = card.rows[rows.highlighted or 0]
        assert chosen is not None and chosen.position.briefing != "news/1.md"
        on_screen = (rows.highlighted or 0) - round(rows.scroll_offset.y)
        assert 0 <= on_screen < rows.scrollable_content_region.height  # the highlight stays in view
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EntityCard)
        assert app.current_key == chosen.position.briefing
        item = app.article.cursor_item
        assert item is not None and item.location == chosen.position.location
