"""The reader driven by keys and clicks, as a user would: where the cursor, article and sidebars end up."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.conftest import HOSTILE, JANE, JOHN, alpha, beta, hostile, make_app, make_library
from tui.model.entities import Location
from tui.model.library import Library
from tui.model.loader import load_library
from tui.model.navigation import LinkKind
from tui.ui.app import BriefingApp
from tui.ui.loading import Loaded
from tui.ui.rowlist import RowList
from tui.ui.sidebar import TabBar
from tui.ui.status import StatusLine

LOADER_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "loader"

SIZE = (120, 40)


def screen_text(app: BriefingApp) -> str:
    """Every line the article shows right now."""
    article = app.article
    return "\n".join(article.render_line(y).text for y in range(article.scrollable_content_region.height))


def status_text(app: BriefingApp) -> str:
    return str(app.query_one(StatusLine).render())


async def test_first_briefing_opens_with_people_places_and_quotes_marked(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        assert app.current_key == "news/alpha.md"
        text = screen_text(app)
        assert "Talks in Springfield" in text
        assert "⌖Springfield" in text  # places carry a glyph, not only a colour
        assert "▎" in text  # a quoted passage has a bar in the gutter
        tabs = [app.sidebar.query_one(TabBar).labels[t] for t in ("people", "places", "quotes")]
        assert tabs == ["People 2", "Places 1", "Quotes 1"]
        assert "Talks in Springfield" in status_text(app)


async def test_cursor_walks_linked_items_and_enter_follows(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l")
        item = app.article.cursor_item
        assert item is not None and item.entity_id == JANE.id and item.location == Location(0, 0, 0, 8)
        await pilot.press("l", "l")
        item = app.article.cursor_item
        assert item is not None and item.kind is LinkKind.QUOTE
        await pilot.press("h")
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(0, 0, 20, 31)  # Springfield
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_entity == "place:springfield"
        assert app.sidebar.tab == "places"


async def test_next_mention_runs_into_the_next_briefing_then_back_and_forward(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l")  # on "Jane Doe"
        assert app.current_entity == JANE.id
        await pilot.press("asterisk", "asterisk")
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(2, 0, 0, 3)  # "Doe", in Aftermath
        assert "Aftermath" in status_text(app)
        await pilot.press("asterisk")
        assert app.current_key == "news/beta.md"
        assert app.article.cursor_item is not None and app.article.cursor_item.entity_id == JANE.id
        await pilot.press("ctrl+o")
        assert app.current_key == "news/alpha.md"
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(2, 0, 0, 3)
        await pilot.press("ctrl+i")
        assert app.current_key == "news/beta.md"
        await pilot.press("backspace", "backspace", "backspace")
        assert app.current_key == "news/alpha.md"
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(0, 0, 0, 8)
        assert app.check_action("history_back", ()) is None  # greyed out: nowhere to go


async def test_quote_goes_to_speaker_and_a_person_to_their_quotes(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "l", "l")
        assert app.article.cursor_item is not None and app.article.cursor_item.kind is LinkKind.QUOTE
        await pilot.press("s")
        item = app.article.cursor_item
        assert item is not None and item.entity_id == JANE.id and item.location.section == 1
        await pilot.press("l")  # John Roe
        assert app.current_entity == JOHN.id
        await pilot.press("quotation_mark")
        assert app.current_key == "news/beta.md"
        item = app.article.cursor_item
        assert item is not None and item.kind is LinkKind.QUOTE and item.entity_id == JOHN.id


async def test_sections_and_briefings_by_key(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("right_square_bracket")
        assert app.article.section == 1
        assert "The talks" in status_text(app)
        await pilot.press("right_square_bracket")
        assert app.article.section == 2
        await pilot.press("left_square_bracket")
        assert app.article.section == 1
        await pilot.press("J")
        assert app.current_key == "news/beta.md"
        await pilot.press("K")
        assert app.current_key == "news/alpha.md"


async def test_a_file_that_failed_to_load_is_listed_and_shows_its_error(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        briefings = app.query_one("#briefing-list", RowList)
        assert "broken.md" in str(briefings.rows[2])
        briefings.focus()
        await pilot.press("down", "down", "enter")
        text = screen_text(app)
        assert "Could not load this file" in text
        assert "news/broken.md" in text
        assert "line 3: front matter is not valid YAML" in text
        assert "news/broken.md" in status_text(app)
        assert app.sidebar.query_one("#list-people", RowList).rows == []


async def test_hostile_text_is_shown_literally_and_does_nothing() -> None:
    library = make_library(hostile())
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        text = screen_text(app)
        assert "[@click=app.quit]x[/]" in text
        assert "[bold]not bold[/]" in text
        assert "\x1b" not in text and "␛[31mred" in text
        assert "\x1b" not in app.sub_title and "\x07" not in app.sub_title
        assert "[@click=app.quit]x[/]" in status_text(app)
        await pilot.click("#article", offset=(6, 0))
        await pilot.click("#article", offset=(6, 4))
        await pilot.pause()
        assert app.is_running
        assert HOSTILE.split()[0] in str(app.library_pane.query_one("#briefing-list", RowList).rows[0])


async def test_clicking_a_mention_follows_it(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        lines = screen_text(app).splitlines()
        row = next(y for y, line in enumerate(lines) if "Jane Doe arrived" in line)
        column = lines[row].index("Jane Doe")
        await pilot.click("#article", offset=(column + 1, row))
        await pilot.pause()
        assert app.article.cursor_item is not None and app.article.cursor_item.entity_id == JANE.id
        assert app.current_entity == JANE.id


async def test_reading_state_is_resumed_after_a_restart(tmp_path: Path) -> None:
    long = alpha()
    long.sections[2].blocks.extend(long.sections[2].blocks * 30)
    library = make_library(long, beta())
    async with make_app(library, tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("right_square_bracket", "right_square_bracket", "j", "j")
        where = app.article.top_location()
        assert where is not None and where.section == 2
        await pilot.press("3", "escape", "q")
    saved = json.loads((tmp_path / "state.json").read_text())
    assert saved["sidebar_tab"] == "quotes"
    async with make_app(make_library(long, beta()), tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        assert app.article.top_location() == where
        assert app.sidebar.tab == "quotes"
        assert app.state.is_read("news/alpha.md")
        assert not app.state.is_read("news/beta.md")


async def test_corrupt_state_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "state.json").write_text("{not json")
    async with make_app(make_library(alpha()), tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        assert any("unusable" in n.message for n in app._notifications)
        assert app.is_running


def write_library(folder: Path) -> None:
    """Three small Markdown briefings and one whose front matter is broken."""
    folder.mkdir()
    for day, name in ((1, "Ada Lovelace"), (2, "Alan Turing"), (3, "Grace Hopper")):
        (folder / f"2024-01-0{day}-note.md").write_text(
            f"---\ntitle: Note {day}\ndate: 2024-01-0{day}\n"
            f"people:\n  - name: {name}\n    role: engineer\n---\n\n"
            f"## Day {day}\n\n{name} spoke in London on day {day}.\n",
            encoding="utf-8",
        )
    broken = '---\ntitle: "unclosed\ndate: 2024-01-09\n---\n\nText.\n'
    (folder / "broken.md").write_text(broken, encoding="utf-8")


async def test_a_folder_loads_in_the_background_with_errors_listed(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_library(folder)
    app = BriefingApp([str(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [b.title for b in app.library.briefings] == ["Note 1", "Note 2", "Note 3"]
        assert app.current_key is not None and app.current_key.endswith("2024-01-01-note.md")
        assert "Ada Lovelace spoke in" in screen_text(app)
        assert app.loading is None and "loading" not in status_text(app)
        rows = app.query_one("#briefing-list", RowList).rows
        assert len(rows) == 4 and "broken.md" in str(rows[3])


async def test_progress_shows_while_files_are_still_loading(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        app.post_message(Loaded(done=3, total=40))
        await pilot.pause()
        assert "loading 3/40" in status_text(app)
        app.post_message(Loaded(done=40, total=40, finished=True))
        await pilot.pause()
        assert "loading" not in status_text(app)


def rows(app: BriefingApp, tab: str) -> list[str]:
    return [str(row).split("\n")[0] for row in app.sidebar.query_one(f"#list-{tab}", RowList).rows]


async def test_sidebar_filters_sorts_and_switches_scope(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        assert [r.split("  ")[0] for r in rows(app, "people")] == ["Jane Doe", "John Roe"]
        await pilot.press("1", *"roe")
        assert [r.split("  ")[0] for r in rows(app, "people")] == ["John Roe"]
        await pilot.press("enter")
        assert app.current_entity == JOHN.id
        while len(app.screen_stack) > 1:  # the entity card, if it opened
            app.pop_screen()
        await pilot.press("backspace", "backspace", "backspace", "escape")
        assert app.article.has_focus
        await pilot.press("o")  # by count: Jane Doe has 3 mentions here, John Roe 1
        assert rows(app, "people")[0].startswith("Jane Doe")
        await pilot.press("o")  # by name
        await pilot.press("a")  # whole library: places from both briefings
        await pilot.press("2", "escape")
        assert [r.split("  ")[0] for r in rows(app, "places")] == ["⌖ Shelbyville", "⌖ Springfield"]
        assert "in 1 briefing" in str(app.sidebar.query_one("#list-places", RowList).rows[0])


async def test_the_library_scope_counts_a_warm_library_without_building_its_mentions(tmp_path: Path) -> None:
    """Every briefing's mentions were built to count them: seconds for a 10,000-article library.

    The quotes tab lists every quote, so briefings that quote someone are built; the others are not.
    """
    for name in ("harbour.md", "flood_raw.txt", "quay_notes.txt", "quay_notes.yaml"):
        (tmp_path / name).write_bytes((LOADER_FIXTURES / name).read_bytes())
    (tmp_path / "calm.md").write_text("---\ntitle: A calm day\ndate: 2025-05-09\npeople:\n"
                                      "  - name: Carla Menotti\nextract: false\n---\n"
                                      "Carla Menotti walked along the quay.\n", encoding="utf-8")
    shown: list[list[str]] = []
    for run in ("cold", "warm"):
        library = load_library([tmp_path])
        async with make_app(library).run_test(size=SIZE) as pilot:
            app = pilot.app
            assert isinstance(app, BriefingApp)
            await pilot.press("a", "1", "escape")  # people across the whole library
            await pilot.pause()
            shown.append(rows(app, "people"))
        if run == "warm":
            calm = library.briefing(str(tmp_path / "calm.md"))
            assert calm is not None and calm.key != app.current_key and calm._annotations is not None
    assert shown[0] == shown[1] and len(shown[0]) > 2


async def test_outline_rows_jump_to_sections(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        outline = app.query_one("#outline", RowList)
        outline.focus()
        await pilot.press("end", "enter")
        assert app.article.section == 2
        assert "Aftermath" in status_text(app)
        await pilot.press("ctrl+o")
        assert app.article.section == 0


async def test_theme_is_remembered(tmp_path: Path) -> None:
    async with make_app(make_library(alpha()), tmp_path).run_test(size=SIZE) as pilot:
        pilot.app.theme = "nord"
        await pilot.press("q")
    async with make_app(make_library(alpha()), tmp_path).run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "nord"


async def test_reading_to_the_end_ticks_every_section_and_m_marks_unread(library: Library) -> None:
    long = alpha()
    long.sections[1].blocks.extend([long.sections[1].blocks[1]] * 30)
    async with make_app(make_library(long, beta())).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        assert not app.state.is_section_read("news/alpha.md", 1)
        await pilot.press("G")
        assert all(app.state.is_section_read("news/alpha.md", s) for s in range(3))
        outline = app.query_one("#outline", RowList)
        assert all(str(row).startswith("✓") for row in outline.rows)
        assert str(app.query_one("#briefing-list", RowList).rows[0]).startswith("✓")
        await pilot.press("m")
        assert not app.state.is_read("news/alpha.md")
        assert str(app.query_one("#briefing-list", RowList).rows[0]).startswith("●")


async def test_panes_toggle_and_escape_returns_to_the_article(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("t")
        assert not app.library_pane.display
        await pilot.press("T")
        assert not app.sidebar.display
        await pilot.press("2")
        assert app.sidebar.display and app.sidebar.tab == "places"
        await pilot.press("escape")
        assert app.article.has_focus


async def test_a_narrow_terminal_gives_the_article_room(library: Library) -> None:
    for width, room in ((64, 30), (80, 46)):  # at 80 columns the briefing list left the article 26
        async with make_app(library).run_test(size=(width, 30)) as pilot:
            app = pilot.app
            assert isinstance(app, BriefingApp)
            await pilot.pause()
            assert app.library_pane.region.width == 0
            assert app.article.region.width >= room
            await pilot.press("t")
            await pilot.pause()
            assert app.library_pane.display and app.library_pane.region.width == 24


async def test_tab_and_shift_tab_move_between_the_panes(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        assert app.article.has_focus
        await pilot.press("tab")
        assert app.sidebar.has_focus_within  # on to the right-hand pane
        await pilot.press("shift+tab")
        assert app.article.has_focus
        await pilot.press("shift+tab")
        assert app.library_pane.has_focus_within  # and back to the left one
        await pilot.press("tab")
        assert app.article.has_focus


async def test_clicking_a_tab_label_opens_its_list_and_is_remembered(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        bar = app.sidebar.query_one(TabBar)
        places = bar.render().plain.index("Places")
        await pilot.click(TabBar, offset=(places + 1, 0))
        await pilot.pause()
        assert app.sidebar.tab == "places" and app.state.sidebar_tab == "places"
        assert app.sidebar.query_one("#list-places").display
        assert not app.sidebar.query_one("#list-people").display
        assert app.sidebar.query_one("#list-places", RowList).row(0).plain.startswith("⌖ Springfield")
