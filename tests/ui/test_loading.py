"""Loading in batches: every batch shows (the panes are redrawn at most twice a second), the end at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from unittest.mock import patch

from rich.text import Text
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static

from tests.ui.conftest import JANE, briefing, make_app, make_library, person
from tui.model.document import Briefing, LoadError
from tui.model.entities import Entity, EntityKind, Location
from tui.model.extract.names import entity_id
from tui.model.library import Library
from tui.model.loader import load_library
from tui.model.navigation import Position
from tui.ui.app import BriefingApp
from tui.ui.article import ArticleView
from tui.ui.loading import REFRESH_SECONDS, Loaded
from tui.ui.rowlist import RowList
from tui.ui.status import StatusLine

SIZE = (120, 40)


def listed(app: BriefingApp) -> list[str]:
    return [row.plain for row in app.query_one("#briefing-list", RowList).rows]


def status_text(app: BriefingApp) -> str:
    return str(app.query_one(StatusLine).render())


async def test_a_batch_in_a_quiet_spell_still_shows_and_the_last_shows_at_once() -> None:
    first = briefing("news/a.md", "First news", [("", ["Jane Doe spoke."])], [JANE])
    async with make_app(make_library(first)).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        app.post_message(Loaded([briefing("news/b.md", "Second news", [("", ["Rain."])])], done=2, total=4))
        app.post_message(Loaded([briefing("news/c.md", "Third news", [("", ["Snow."])])], done=3, total=4))
        await pilot.pause()
        # No batch follows for a while: the panes still catch up with both.
        await pilot.pause(REFRESH_SECONDS + 0.3)
        assert "loading 3/4" in status_text(app)
        assert any("Third news" in row for row in listed(app))
        app.post_message(Loaded([briefing("news/d.md", "Fourth news", [("", ["Sun."])])], done=4, total=4,
                                finished=True))
        await pilot.pause()
        assert "loading" not in status_text(app)
        assert [row.split("\n")[0][2:] for row in listed(app)] == [
            "First news", "Fourth news", "Second news", "Third news"]
        assert app.current_key == "news/a.md"  # reading goes on where it was


async def test_a_list_that_grows_past_its_height_while_loading_scrolls_to_its_last_row() -> None:
    """Rows added in batches (no layout of the screen each time) still size the list and its scrollbar."""
    first = briefing("news/a00.md", "News 00", [("", ["Rain."])])
    async with make_app(make_library(first)).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        rows = app.query_one("#briefing-list", RowList)
        assert not rows.show_vertical_scrollbar  # one briefing fits
        for done in range(1, 40, 6):
            names = range(done, done + 6)
            batch = [briefing(f"news/a{n:02}.md", f"News {n:02}", [("", ["Snow."])]) for n in names]
            app.post_message(Loaded(batch, done=done + 6, total=60))
            await pilot.pause(REFRESH_SECONDS + 0.1)
        assert rows.virtual_size.height == len(listed(app)) * 2 > rows.size.height
        assert rows.show_vertical_scrollbar
        rows.focus()
        await pilot.press("end")
        await pilot.pause()
        assert rows.highlighted == len(listed(app)) - 1
        assert rows.scroll_offset.y == rows.max_scroll_y > 0
        assert "News 42" in "".join(strip.text for strip in rows.render_lines(rows.size.region))


async def test_the_reader_can_move_along_the_briefing_list_while_batches_arrive() -> None:
    """Each batch redraws the list: the highlight stays where the reader moved it, not on the open one."""
    first = briefing("news/c05.md", "News 05", [("", ["Rain."])], date=dt.date(2024, 1, 5))
    async with make_app(make_library(first)).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        rows = app.query_one("#briefing-list", RowList)
        early = [briefing(f"news/c0{n}.md", f"News 0{n}", [("", ["Snow."])], date=dt.date(2024, 1, n))
                 for n in (1, 2, 3)]
        app.post_message(Loaded(early, done=4, total=9))
        await pilot.pause(REFRESH_SECONDS + 0.1)
        rows.focus()
        await pilot.press("home", "down")  # News 02, while News 05 stays open
        later = [briefing(f"news/c0{n}.md", f"News 0{n}", [("", ["Hail."])], date=dt.date(2024, 1, n))
                 for n in (4, 6, 7, 8)]
        app.post_message(Loaded(later, done=9, total=9, finished=True))
        await pilot.pause()
        assert len(listed(app)) == 8 and app.current_key == "news/c05.md"
        assert "News 02" in listed(app)[rows.highlighted or 0]
        await pilot.press("down", "enter")
        assert app.current_key == "news/c03.md"


async def test_a_list_that_first_overflows_in_one_batch_needs_no_sideways_scrolling() -> None:
    """The scroll area is measured before its scrollbar appears; no horizontal bar may cover the last row."""
    async with make_app(make_library(briefing("news/b00.md", "News 00", [("", ["Rain."])]))).run_test(
        size=SIZE
    ) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        rows = app.query_one("#briefing-list", RowList)
        batch = [briefing(f"news/b{n:02}.md", f"News {n:02}", [("", ["Snow."])]) for n in range(1, 50)]
        app.post_message(Loaded(batch, done=50, total=50, finished=True))
        await pilot.pause()
        assert rows.show_vertical_scrollbar and not rows.show_horizontal_scrollbar
        rows.focus()
        await pilot.press("end")
        await pilot.pause()
        assert rows.scroll_offset.y == rows.max_scroll_y == rows.virtual_size.height - rows.size.height


async def test_the_list_title_keeps_the_failed_count_in_view_in_a_narrow_pane() -> None:
    """At 90 columns the pane (shown by t) is 24 wide: "Briefings 12 · 3 failed" wraps, not cut."""
    briefings = [briefing(f"news/c{n:02}.md", f"News {n:02}", [("", ["Rain."])]) for n in range(12)]
    errors = [LoadError(f"news/bad{n}.md", "not UTF-8 text", 1) for n in range(3)]
    async with make_app(make_library(*briefings, errors=errors)).run_test(size=(90, 30)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        title = pilot.app.query_one("#briefings-title", Static)
        assert str(title.render()) == "Briefings 12 · 3 failed"
        assert title.size.height == 2


async def test_the_open_briefing_follows_a_full_name_that_loads_later() -> None:
    short = Entity(entity_id(EntityKind.PERSON, "Doe"), EntityKind.PERSON, "Doe", ["Doe"])
    open_first = briefing("news/short.md", "Short", [("", ["Doe spoke at noon."])], [short])
    async with make_app(make_library(open_first)).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l")
        assert app.current_entity == short.id
        full = briefing("news/full.md", "Full", [("", ["Jane Doe spoke."])], [person("Jane Doe")])
        app.post_message(Loaded([full], done=2, total=2, finished=True))
        await pilot.pause()
        item = app.article.cursor_item
        assert item is not None and item.entity_id == JANE.id  # the same "Doe", now Jane Doe
        assert app.library.entity(JANE.id) is not None and app.library.entity(short.id) is None


async def text_shown_first(pilot: Pilot[int]) -> tuple[BriefingApp, Briefing]:
    """A cold start's first briefing shown as its text alone; returns the app and the annotated copy to come.

    The briefing is long, so where the view stands matters; Jane Doe is linked only in the annotated copy.
    """
    long_text = [("One", ["Jane Doe spoke at noon."] * 30), ("Two", ["Rain fell."])]
    app = pilot.app
    assert isinstance(app, BriefingApp)
    app.post_message(Loaded([briefing("news/a.md", "First news", long_text)], done=0, total=2, early=True))
    await pilot.pause()
    return app, briefing("news/a.md", "First news", long_text, [JANE])


async def annotated(pilot: Pilot[int], whole: Briefing) -> None:
    """The annotated copy arrives, as the worker's next batch."""
    pilot.app.post_message(Loaded([whole], done=1, total=2))
    await pilot.pause()


async def test_text_shown_first_is_replaced_by_its_annotated_version_in_place() -> None:
    """A cold first file shows as plain text, then its people and places arrive without a jump."""
    async with make_app(make_library()).run_test(size=SIZE) as pilot:
        app, whole = await text_shown_first(pilot)
        assert app.current_key == "news/a.md" and app.article.items == []
        app.article.go_to(Location(0, 20, 0, 0))
        top = app.article.top_location()
        await annotated(pilot, whole)
        assert app.article.briefing is whole and app.article.items  # the mentions are now linked
        assert app.article.top_location() == top  # the reader's place is kept
        assert [b.key for b in app.library.briefings] == ["news/a.md"]
        assert app.library.entity(JANE.id) is not None


async def test_text_shown_first_at_its_top_keeps_its_title_in_view_when_annotated() -> None:
    """A cold start shows the first briefing from its title; the annotated copy must not scroll past it."""
    async with make_app(make_library()).run_test(size=SIZE) as pilot:
        app, whole = await text_shown_first(pilot)
        assert app.article.render_line(0).text.strip() == "First news"
        await annotated(pilot, whole)
        assert app.article.briefing is whole
        assert app.article.scroll_offset.y == 0
        assert app.article.render_line(0).text.strip() == "First news"


async def test_text_shown_first_keeps_the_same_line_at_the_top_when_annotated() -> None:
    """A top line at a section's first paragraph (whose start is also the heading's) stays where it was."""
    async with make_app(make_library()).run_test(size=SIZE) as pilot:
        app, whole = await text_shown_first(pilot)
        article = app.article
        first = next(y for y in range(10) if article.render_line(y).text.strip() == "Jane Doe spoke at noon.")
        article.scroll_to(y=first, animate=False, immediate=True)
        await pilot.pause()
        assert article.top_location() == Location(0, 0, 0, 0)
        await annotated(pilot, whole)
        assert article.briefing is whole and article.scroll_offset.y == first
        assert article.render_line(0).text.strip() == "Jane Doe spoke at noon."  # not the title, nor "One"


async def test_the_status_line_says_loading_until_the_total_is_known(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        app.post_message(Loaded(done=1, total=0))
        await pilot.pause(REFRESH_SECONDS + 0.1)
        assert "⟳ loading…" in status_text(app)
        app.post_message(Loaded(done=2, total=5))
        await pilot.pause(REFRESH_SECONDS + 0.1)
        assert "⟳ loading 2/5" in status_text(app)


async def test_the_first_frame_shows_the_text_wrapped_at_the_views_width() -> None:
    """No frame of one word a line before the real text: the first drawn line is already a full line."""
    words = " ".join(f"word{n}" for n in range(400))
    first_lines: list[str] = []
    drawn = ArticleView.render_line

    def spy(view: ArticleView, y: int) -> Strip:
        strip = drawn(view, y)
        if len(first_lines) < 12:
            first_lines.append(strip.text.strip())
        return strip

    long = briefing("news/long.md", "Long", [("", [words])])
    with patch.object(ArticleView, "render_line", spy):
        async with make_app(make_library(long)).run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert pilot.app.query_one(ArticleView).geometry.width > 40
    text_lines = [line for line in first_lines if line.startswith("word")]
    assert text_lines and all(len(line.split()) > 3 for line in text_lines[:-1])


async def test_sidebar_rows_are_built_only_when_drawn() -> None:
    many = [person(f"Person Number{n}") for n in range(300)]
    crowded = briefing("news/crowd.md", "Crowd", [("", [". ".join(p.name for p in many) + "."])], many)
    async with make_app(make_library(crowded)).run_test(size=SIZE) as pilot:
        await pilot.pause()
        people = pilot.app.query_one("#list-people", RowList)
        assert people.row_count == 300
        built = [row for row in people._rows if isinstance(row, Text)]
        assert 0 < len(built) < 30  # the rows on screen, not all 300
        assert people.row(299).plain.startswith("Person Number299")  # any row builds when asked


async def test_a_narrower_terminal_rewraps_the_article_and_keeps_the_same_text_at_the_top() -> None:
    paragraphs = [" ".join(f"p{n}w{k}" for k in range(60)) for n in range(40)]
    long = briefing("news/long.md", "Long", [("", paragraphs)])
    async with make_app(make_library(long)).run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = pilot.app.query_one(ArticleView)
        view.scroll_to(y=40, animate=False, immediate=True)
        await pilot.pause()
        top, width = view.top_location(), view.geometry.width
        await pilot.resize_terminal(72, 40)
        await pilot.pause()
        assert view.geometry.width < width
        assert top is not None and top.start > 0  # mid-paragraph: the line breaks there move
        assert view.geometry.line_of(top) == round(view.scroll_offset.y)  # its line is the top line


async def test_the_library_scope_lists_every_quote_without_building_other_briefings_text(
    tmp_path: Path,
) -> None:
    for name, place, section in (("a", "Port Eld", "At the quay"), ("b", "Varn", "In the square")):
        quote = f"“We will rebuild {place},” said Mara Lind, the mayor of {place}."
        text = f"# {place} story\n\n## {section}\n\n{quote}\n"
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    load_library([tmp_path])  # fills the cache: what follows is a warm start
    library = load_library([tmp_path])
    async with make_app(library).run_test(size=SIZE) as pilot:
        await pilot.press("a", "3", "escape")  # whole library, quotes tab
        await pilot.pause()
        quotes = [row.plain for row in pilot.app.query_one("#list-quotes", RowList).rows]
        assert len(quotes) == 2 and any("In the square" in row for row in quotes), quotes
        unopened = [b for b in library.briefings if b.key != pilot.app.current_key]
        assert unopened and all(b._body is not None for b in unopened), "their text was never needed"


async def test_opening_briefings_of_other_lengths_resizes_the_scroll_area_and_its_scrollbar() -> None:
    """The article's scroll area is set without laying the screen out; its scrollbar still follows."""
    paragraphs = [f"Paragraph {n}: the harbour board met again and said little that was new."
                  for n in range(150)]
    long = briefing("news/a00.md", "A long read", [("", paragraphs)])
    short = briefing("news/b00.md", "Short news", [("", ["Rain."])])
    async with make_app(make_library(long, short)).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        article = app.article
        for key, scrolls in (("news/b00.md", False), ("news/a00.md", True), ("news/b00.md", False)):
            app.navigate(Position(key))
            await pilot.pause()
            assert app.current_key == key
            assert article.virtual_size.height == len(article.geometry) + 1
            assert article.show_vertical_scrollbar is scrolls
        app.navigate(Position("news/a00.md"))
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        shown = "".join(strip.text for strip in article.render_lines(article.size.region))
        assert "Paragraph 149" in shown and article.scroll_offset.y == article.max_scroll_y > 0


async def test_a_warm_library_builds_its_mentions_behind_the_reader_but_not_its_text(tmp_path: Path) -> None:
    """Listed and indexed first; then every briefing's mentions, so no card waits to build thousands."""
    for n in range(6):
        text = f"# Harbour {n}\n\nMara Lind spoke in Port Eld on day {n}. Lind left for Varn.\n"
        (tmp_path / f"{n}.md").write_text(text, encoding="utf-8")
    load_library([tmp_path])  # fills the cache: what follows is a warm start
    app = BriefingApp([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(20):  # the loader, then (a worker started once the list is drawn) the mentions
            await app.workers.wait_for_complete()
            await pilot.pause()
            if len(app.library.briefings) == 6 and all(b._annotations is None for b in app.library.briefings):
                break
        briefings = app.library.briefings
        assert len(briefings) == 6 and all(b._annotations is None for b in briefings), "mentions built"
        unopened = [b for b in briefings if b.key != app.current_key]
        assert all(b._body is not None for b in unopened), "their text was never needed"
        assert all(any("Lind" in m.text for m in b.mentions) for b in briefings)


async def test_nowhere_to_go_while_loading_says_more_may_come(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        app.post_message(Loaded([], done=3, total=9))
        await pilot.pause()
        await pilot.press("K")  # before the first briefing: nothing yet
        assert "still loading" in list(app._notifications)[-1].message
        app.post_message(Loaded([], done=9, total=9, finished=True))
        await pilot.pause()
        await pilot.press("K")
        assert list(app._notifications)[-1].message == "No more briefings this way."
