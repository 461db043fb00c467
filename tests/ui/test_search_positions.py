"""Find and the reading position: where a search starts, what Back returns to, resizes, other briefings."""

from __future__ import annotations

import datetime as dt

from tests.ui.conftest import JANE, alpha, briefing, make_library, reading
from tests.ui.test_search import find, highlighted, on_screen
from tui.model.document import Briefing
from tui.model.entities import HEADING, Location
from tui.model.library import Library
from tui.model.navigation import Position
from tui.ui.search import SearchBar
from tui.ui.status import StatusLine

FILLER = "Nothing of note happened along the river that week, and the ferries ran as they always do."


def river() -> Briefing:
    """Four sections, "bridge" in the second's heading and once in each of the last three sections."""
    return briefing("news/river.md", "River report", [
        ("", [FILLER] * 3),
        ("Bridge works", [FILLER, FILLER + " The bridge stayed shut.", FILLER]),
        ("Later", [FILLER] * 4 + ["Engineers said the bridge would reopen."]),
        ("Last", [FILLER] * 4 + ["The bridge reopened."]),
    ], [JANE], date=dt.date(2024, 2, 1))  # before "Talks in Springfield": the briefing that opens


def river_library() -> Library:
    return make_library(river(), alpha())


def count_text(bar: SearchBar) -> str:
    return str(bar.query_one("#search-count").render())


async def test_a_search_starts_below_a_heading_scrolled_off_the_top() -> None:
    async with reading(river_library(), (80, 12)) as (pilot, app):
        geometry = app.article.geometry
        first_line = geometry.first_line[geometry.unit_of_block[(1, 0)]]
        app.article.scroll_to(y=first_line, animate=False, immediate=True)  # "Bridge works" just above
        await pilot.pause()
        assert not on_screen(app, Location(1, HEADING, 0, 6))
        await find(pilot, "bridge")
        bar = app.query_one(SearchBar)
        assert bar.current is not None and bar.current.block == 1  # "The bridge stayed shut.", below
        assert "2 of 4" in count_text(bar)


async def test_the_current_match_stays_on_screen_after_a_resize() -> None:
    async with reading(river_library(), (120, 30)) as (pilot, app):
        await find(pilot, "reopened")
        bar = app.query_one(SearchBar)
        assert bar.current is not None and on_screen(app, bar.current)
        await pilot.resize_terminal(64, 14)
        await pilot.pause()
        assert on_screen(app, bar.current)
        assert highlighted(app, "reopened") == [True]


async def test_back_returns_to_each_match_in_turn() -> None:
    async with reading(river_library(), (80, 14)) as (pilot, app):
        await find(pilot, "bridge")
        bar = app.query_one(SearchBar)
        matches = bar.matches
        await pilot.press("n", "n")
        assert bar.current == matches[2]
        await pilot.press("ctrl+o")
        assert on_screen(app, matches[1]) and app.history.current == Position("news/river.md", matches[1])
        await pilot.press("ctrl+o")
        assert on_screen(app, matches[0]) and app.history.current == Position("news/river.md", matches[0])
        assert bar.current == matches[0] and "1 of 4" in count_text(bar)  # the match gone back to
        await pilot.press("n")  # steps on from there (QA: from the last match n had reached)
        assert bar.current == matches[1] and "2 of 4" in count_text(bar)


async def test_a_heading_match_names_its_section_in_the_status_line() -> None:
    async with reading(river_library(), (80, 14)) as (pilot, app):
        await find(pilot, "bridge works")
        assert app.query_one(SearchBar).current == Location(1, HEADING, 0, 12)
        assert app.article.section == 1
        assert "Bridge works" in str(app.query_one(StatusLine).render())


async def test_another_briefing_counts_and_highlights_its_own_matches() -> None:
    async with reading(river_library(), (120, 40)) as (pilot, app):
        await find(pilot, "the")
        bar = app.query_one(SearchBar)
        await pilot.press("n")
        await pilot.press("J")  # "Talks in Springfield": a count of its own, not "2 of 14"
        alpha_matches = len(bar.matches)
        assert alpha_matches == 7 and f"{alpha_matches} matches · n/N" in count_text(bar)
        assert highlighted(app, "the") and not any(highlighted(app, "the"))  # marked, none current
        await pilot.press("n")
        assert bar.current == bar.matches[0] and "1 of 7" in count_text(bar)


async def test_highlights_stay_when_the_open_briefing_is_shown_again() -> None:
    async with reading(river_library(), (120, 40)) as (pilot, app):
        await find(pilot, "ferries")
        shown = highlighted(app, "ferries")
        assert shown
        app.article.show_again(river(), app.article.items)  # what a loading batch that re-folds does
        await pilot.pause()
        assert highlighted(app, "ferries") == shown
        bar = app.query_one(SearchBar)
        await pilot.press("n")  # steps on from the current match, as before
        assert bar.current == bar.matches[1] and "2 of" in count_text(bar)


async def test_a_briefing_opened_while_the_bar_appears_does_not_ask_it_for_a_count() -> None:
    """A jump or a briefing opened in the moment the bar takes to appear (its labels not there yet)."""
    async with reading(river_library(), (120, 40)) as (pilot, app):
        SearchBar.open_in(app, before=app.query_one(StatusLine))  # what / does: the bar is on its way
        app.navigate(Position("news/alpha.md"))  # at once, as a loading batch or a reload may
        await pilot.pause()
        assert app.current_key == "news/alpha.md" and app.query_one(SearchBar).matches == []
        await pilot.press(*"doe", "enter")
        assert len(app.query_one(SearchBar).matches) == 3  # searches the briefing now open
