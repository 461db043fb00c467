"""The find bar: / then Enter finds and jumps, n/N step with wrap, Escape closes, jumps are recorded."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Label

from tests.ui.conftest import JANE, briefing, make_app, make_library
from tui.model.entities import BYLINE, HEADING, SUMMARY, TITLE, Location
from tui.model.library import Library
from tui.model.navigation import Position
from tui.model.textsearch import find_text, text_at
from tui.ui.app import BriefingApp
from tui.ui.search import SearchBar, SearchInput
from tui.ui.status import position_label

SIZE = (120, 40)


def on_screen(app: BriefingApp, location: Location) -> bool:
    article = app.article
    line = article.geometry.line_of(location)
    top = round(article.scroll_offset.y)
    return top <= line < top + article.scrollable_content_region.height


def highlights(app: BriefingApp, word: str) -> list[tuple[bool, str]]:
    """Each on-screen ``word`` drawn on its own background: (bold, background colour)."""
    article = app.article
    found: list[tuple[bool, str]] = []
    for y in range(article.scrollable_content_region.height):
        segments = list(article.render_line(y))
        plain = segments[0].style.bgcolor if segments and segments[0].style else None
        for segment in segments:
            style = segment.style
            if segment.text == word and style and style.bgcolor is not None and style.bgcolor != plain:
                found.append((bool(style.bold), style.bgcolor.name))
    return found


def highlighted(app: BriefingApp, word: str) -> list[bool]:
    """For each on-screen occurrence of ``word`` drawn on its own background: whether it is bold."""
    return [bold for bold, _ in highlights(app, word)]


async def find(pilot: Pilot[int], text: str) -> None:
    await pilot.press("slash", *text, "enter")
    await pilot.pause()


async def test_search_jumps_to_matches_and_n_N_step_with_wrap(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        briefing = app.briefing
        assert briefing is not None
        expected = find_text(briefing, "the")
        assert len(expected) == 7  # "The talks" (a heading) and six in the text
        await find(pilot, "the")
        bar = app.query_one(SearchBar)
        assert bar.matches == expected
        assert bar.current == expected[0] and on_screen(app, expected[0])
        assert app.history.current == Position("news/alpha.md", expected[0])
        assert app.focused is app.article  # keys go back to reading
        assert "1 of 7" in str(bar.query_one("#search-count", Label).render())
        await pilot.press("n", "n")
        assert bar.current == expected[2]
        assert app.history.current == Position("news/alpha.md", expected[2])
        await pilot.press("N")
        assert bar.current == expected[1]
        await pilot.press("N", "N")  # wraps from the first to the last
        assert bar.current == expected[-1]
        await pilot.press("n")
        assert bar.current == expected[0]
        await pilot.press("ctrl+o")  # every match was a recorded jump
        assert app.history.can_forward


async def test_matches_are_highlighted_and_escape_clears_them(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await find(pilot, "plan")
        article = app.article
        assert highlighted(app, "plan") == [True, False]  # both marked, the current one in bold
        await pilot.press("slash")  # / again: the same bar, the query ready to edit
        assert len(app.query(SearchBar)) == 1
        assert isinstance(app.focused, SearchInput) and app.focused.value == "plan"
        await pilot.press("escape")
        assert not app.query(SearchBar)
        assert highlighted(app, "plan") == []
        assert article.has_focus


async def test_no_match_and_no_search_say_so(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("n")
        assert any("Press / to find" in n.message for n in app._notifications)
        await find(pilot, "zebra")
        assert app.query_one(SearchBar).matches == []
        assert any("No match" in n.message for n in app._notifications)
        assert not app.history.can_back


async def test_n_searches_the_next_briefing_once_it_is_open(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await find(pilot, "Shelbyville")  # not in the first briefing
        bar = app.query_one(SearchBar)
        assert bar.matches == []
        await pilot.press("J", "n")
        assert app.current_key == "news/beta.md"
        beta = app.briefing
        assert beta is not None and len(bar.matches) == 3  # its title, then twice in the text
        assert [text_at(beta, m)[m.start:m.end] for m in bar.matches] == ["Shelbyville"] * 3
        assert bar.current == bar.matches[0] == Location(0, TITLE, 10, 21)


async def test_enter_on_an_empty_query_closes_the_bar(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("slash", "enter")
        assert not app.query(SearchBar)


async def test_the_current_match_stands_out_from_the_others(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await find(pilot, "plan")
        (_, current), (_, other) = highlights(app, "plan")
        assert current != other  # another colour, not only bold on the same one
        await pilot.press("n")
        assert [bg for _, bg in highlights(app, "plan")] == [other, current]


async def test_escape_while_reading_closes_the_find_bar(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await find(pilot, "plan")
        assert app.focused is app.article and app.query(SearchBar)
        await pilot.press("escape")
        assert not app.query(SearchBar)
        assert highlighted(app, "plan") == []
        assert app.focused is app.article
        await pilot.press("n")  # nothing left to step through
        assert any("Press / to find" in n.message for n in app._notifications)


async def test_a_word_in_a_section_heading_is_found_shown_and_highlighted(library: Library) -> None:
    async with make_app(library).run_test(size=(120, 12)) as pilot:  # "Aftermath" starts off screen
        app = pilot.app
        assert isinstance(app, BriefingApp)
        heading = Location(2, HEADING, 0, 9)
        assert not on_screen(app, heading)
        await find(pilot, "aftermath")
        bar = app.query_one(SearchBar)
        assert bar.matches == [heading] and bar.current == heading
        assert on_screen(app, heading)
        assert highlighted(app, "Aftermath") == [True]  # drawn as the current match
        assert app.history.current == Position("news/alpha.md", heading)
        assert position_label(app.library, app.history.current) == "Aftermath"  # Back's trail names it


async def test_a_lead_named_after_the_briefing_shows_once_and_title_and_summary_are_searched() -> None:
    lead = briefing("news/lead.md", "Talks in Springfield", [
        ("Talks in Springfield", ["Jane Doe arrived on Monday."]),
        ("Later", ["The talks went on."]),
    ], [JANE])
    lead.summary = "Springfield hosts a second round."
    async with make_app(make_library(lead)).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        shown = [app.article.render_line(y).text.strip() for y in range(8)]
        assert shown.count("Talks in Springfield") == 1  # the title, not the lead's heading under it again
        await find(pilot, "springfield")
        bar = app.query_one(SearchBar)
        assert bar.matches == [Location(0, TITLE, 9, 20), Location(0, SUMMARY, 0, 11)]  # the lead: the title
        assert highlighted(app, "Springfield") == [True, False]  # title (current), then summary
        await pilot.press("escape")
        await find(pilot, "min")  # the byline's reading time
        assert [m.block for m in app.query_one(SearchBar).matches] == [BYLINE]
        assert highlighted(app, "min") == [True]


async def test_a_query_typed_in_one_go_after_the_slash_goes_to_the_bar(library: Library) -> None:
    """QA: "/Kursk" sent at once lost "K" to the reader (the previous briefing): the bar takes a moment."""
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("J")  # on the second briefing, so K (the previous one) would show if it leaked
        sort = app.sidebar.sort
        for key, character in (("slash", "/"), ("D", "D"), ("o", "o"), ("e", "e"), ("enter", "\r")):
            app.post_message(events.Key(key, character))  # all queued before the bar is there
        await pilot.pause()
        await pilot.pause()
        bar = app.query_one(SearchBar)
        assert bar.query_text == "Doe" and bar.matches and bar.current == bar.matches[0]
        assert app.current_key == "news/beta.md" and app.sidebar.sort == sort  # no key went to the reader


async def test_the_query_is_visible_while_it_is_typed(library: Library) -> None:
    """QA: Input's focus style drew a tall border, which filled the one-row bar and hid the query."""
    async with make_app(library).run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"Doe")
        box = pilot.app.query_one(SearchInput)
        await pilot.pause()
        assert box.has_focus and box.content_region.height == 1  # a row for the text, no border over it
        assert "Doe" in box.render_line(0).text


async def test_keys_typed_ahead_after_enter_go_to_the_reader(library: Library) -> None:
    """QA: in "/doe⏎n" typed in one go, the n went into the query ("doen": no match)."""
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        burst = (("slash", "/"), ("d", "d"), ("o", "o"), ("e", "e"), ("ctrl+j", "\n"), ("n", "n"))
        for key, character in burst:  # ctrl+j, a line feed: Enter typed before the reader has the terminal
            app.post_message(events.Key(key, character))
        for _ in range(4):
            await pilot.pause()
        bar = app.query_one(SearchBar)
        assert bar.query_text == "doe" and bar.current == bar.matches[1]  # searched, then n stepped on


async def test_a_match_in_a_title_with_odd_spacing_is_drawn_where_it_is() -> None:
    """The title shown and the title searched are one string: with a control character between spaces,
    folding before and after making it safe gave two lengths, and the highlight fell two cells off."""
    odd = briefing("news/odd.md", "Talks \x1f in Springfield", [("", ["Nothing here."])])
    async with make_app(make_library(odd)).run_test(size=SIZE) as pilot:
        await find(pilot, "springfield")
        app = pilot.app
        assert isinstance(app, BriefingApp)
        assert app.query_one(SearchBar).matches == [Location(0, TITLE, 9, 20)]
        assert highlighted(app, "Springfield") == [True]
