"""The command palette: Ctrl-P, a few letters, Enter goes to a person, a section, a quote or a briefing."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot

from tests.ui.conftest import BROKEN, HOSTILE, JANE, alpha, beta, briefing, make_app, make_library, person
from tui.model.entities import Location
from tui.model.library import Library
from tui.model.navigation import LinkKind
from tui.ui.app import BriefingApp
from tui.ui.card import EntityCard
from tui.ui.commands import targets

SIZE = (120, 40)


async def palette_rows(pilot: Pilot[int], query: str) -> list[Content]:
    """Open the palette, type ``query``, and wait for the hits."""
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    rows: list[Content] = []
    for _ in range(40):
        await pilot.pause(0.05)
        found = pilot.app.screen.query_one(CommandList)
        rows = [found.get_option_at_index(i).prompt for i in range(found.option_count)]  # type: ignore[misc]
        if rows:
            break
    return rows


def test_targets_cover_briefings_sections_people_places_quotes_and_failed_files() -> None:
    library = make_library(alpha(), beta(), errors=[BROKEN])
    found = targets(library, "news/alpha.md")
    kinds = {t.kind for t in found}
    assert kinds == {"briefing", "section", "person", "place", "quote", "failed file"}
    jane = next(t for t in found if t.kind == "person" and t.title == "Jane Doe")
    assert "Doe" in jane.names and "in 2 briefings" in jane.detail
    assert [t.title for t in found if t.kind == "section"][:2] == ["The talks", "Aftermath"]


def test_a_lead_named_after_its_briefing_is_listed_once() -> None:
    """QA: the palette listed "Canal works begin" twice, as the briefing and as its lead section."""
    canal = briefing("news/canal.md", "Canal works begin",
                     [("Canal Works Begin", ["Digging started."]), ("Costs", ["It will cost more."])])
    rows = [(t.kind, t.title) for t in targets(make_library(canal), "news/canal.md")]
    assert rows == [("briefing", "Canal works begin"), ("section", "Costs")]


async def test_palette_goes_to_a_person(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        rows = await palette_rows(pilot, "jane")
        assert rows and rows[0].plain.startswith("Jane Doe\nperson")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityCard) and app.screen.entity_id == JANE.id


async def test_palette_goes_to_a_section_and_back_returns(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        rows = await palette_rows(pilot, "aftermath")
        assert rows[0].plain.startswith("Aftermath\nsection")
        await pilot.press("enter")
        await pilot.pause()
        assert app.article.section == 2
        await pilot.press("ctrl+o")
        assert app.article.section == 0


async def test_palette_goes_to_a_quote_in_another_briefing(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        rows = await palette_rows(pilot, "nothing has changed")
        assert "quote · John Roe · Return to Shelbyville" in rows[0].plain
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_key == "news/beta.md"
        item = app.article.cursor_item
        assert item is not None and item.kind is LinkKind.QUOTE and item.location == Location(1, 0, 0, 22)


async def test_palette_opens_a_failed_file_to_show_its_error(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        rows = await palette_rows(pilot, "broken")
        assert rows[0].plain.startswith("news/broken.md\nfailed file")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_key is None
        assert "Could not load this file" in app.article.render_line(0).text


async def test_hostile_names_in_the_palette_are_literal_and_do_nothing() -> None:
    evil = person("Doe")
    evil.name = HOSTILE
    evil.aliases = ["Doe", HOSTILE]
    library = make_library(briefing("news/evil.md", HOSTILE, [("", ["Doe came. Doe went."])], [evil]))
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        rows = await palette_rows(pilot, "click")
        assert rows, "the hostile name should match its own letters"
        assert all(HOSTILE in row.plain for row in rows)
        assert all("click" not in str(span.style) for row in rows for span in row.spans)
        await pilot.click(CommandList, offset=(4, 0))
        await pilot.pause()
        assert app.is_running
