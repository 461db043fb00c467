"""Accessible mode: glyphs for every kind, high contrast, plain cards, the terminal cursor on the item."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tui.model.navigation import LinkKind, Position
from tui.ui.accessible import HIGH_CONTRAST, PERSON_GLYPH
from tui.ui.app import DEFAULT_THEME, BriefingApp
from tui.ui.article_layout import PLACE_GLYPH
from tui.ui.card import EntityCard
from tui.ui.messages import OpenEntity
from tui.ui.rowlist import RowList

from .conftest import JANE, alpha, beta, make_app, make_library

BOX_DRAWING = set("─│┌┐└┘├┤┬┴┼╭╮╯╰═║▁▂▃▄▅▆▇█")


def _screen_lines(app: BriefingApp, widget_region: object | None = None) -> list[str]:
    strips = app.screen._compositor.render_strips()
    region = widget_region if widget_region is not None else app.screen.region
    return [strips[y].crop(region.x, region.right).text  # type: ignore[attr-defined]
            for y in range(region.y, region.bottom)]  # type: ignore[attr-defined]


def _accessible_app() -> BriefingApp:
    app = make_app(make_library(alpha(), beta()))
    app.accessible_requested = True
    return app


async def test_every_kind_is_marked_by_a_glyph_not_colour_alone() -> None:
    app = _accessible_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        article = "\n".join(_screen_lines(app, app.article.region))
        assert f"{PERSON_GLYPH}Jane Doe arrived in {PLACE_GLYPH}Springfield" in article
        assert "▎" in article  # the quote's gutter
        people = app.sidebar.query_one("#list-people", RowList)
        sidebar = "\n".join(_screen_lines(app, people.region))
        assert f"{PERSON_GLYPH} Jane Doe  3 mentions" in sidebar
        assert not set(sidebar) & set("▁▂▃▄▅▆▇█")  # counts in words, no X-Ray bars


async def test_the_mode_selects_a_high_contrast_theme_and_leaves_the_saved_theme_alone() -> None:
    app = _accessible_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST
        theme = app.current_theme
        assert (theme.foreground, theme.background) == ("#FFFFFF", "#000000")
        assert app.state.theme == DEFAULT_THEME  # not remembered as the reader's own choice


async def test_the_palette_switches_the_mode_on_and_off_for_the_session() -> None:
    app = make_app(make_library(alpha(), beta()))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert PERSON_GLYPH not in "\n".join(_screen_lines(app, app.article.region))
        await _palette(pilot, "accessib")
        assert app.accessible and app.theme == HIGH_CONTRAST
        assert PERSON_GLYPH in "\n".join(_screen_lines(app, app.article.region))
        assert any("Accessible mode on" in str(n.message) for n in app._notifications)
        await _palette(pilot, "accessib")
        assert not app.accessible and app.theme == DEFAULT_THEME
        assert PERSON_GLYPH not in "\n".join(_screen_lines(app, app.article.region))


async def _palette(pilot: Pilot[int], text: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_config_turns_the_mode_on_and_a_bad_value_is_a_warning(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.toml").write_text('accessible = true\n[keys]\n"app.search" = "ctrl+f"\n',
                                            encoding="utf-8")
    app = make_app(make_library(alpha()))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert app.accessible
    (config_dir / "config.toml").write_text('accessible = "yes please"\n', encoding="utf-8")
    app = make_app(make_library(alpha()))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert not app.accessible
        assert any("accessible must be true or false" in str(n.message) for n in app._notifications)


async def test_the_card_reads_as_plain_lines_in_order() -> None:
    app = _accessible_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.post_message(OpenEntity(JANE.id))
        await pilot.pause()
        card = app.screen
        assert isinstance(card, EntityCard)
        lines = [line.rstrip() for line in _screen_lines(app, card.query_one("#card").region)]
        text = [line.strip() for line in lines if line.strip()]
        assert text[:7] == [
            "Jane Doe",
            f"{PERSON_GLYPH} Person",
            "Also called: Doe",
            "Role: foreign minister, in Talks in Springfield",
            "Role: foreign minister, in Return to Shelbyville",
            "Mentions: 4 in 2 briefings",
            "Quotes: 1",
        ]
        assert text[7] == "Mentions (4)"
        assert text[8].startswith("Talks in Springfield")
        assert "Jane Doe arrived in Springfield" in text[9]
        assert not BOX_DRAWING & set("".join(lines))


async def test_the_terminal_cursor_sits_on_the_current_item() -> None:
    app = _accessible_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        springfield = next(i for i, item in enumerate(app.article.items)
                           if item.kind is LinkKind.MENTION and item.entity_id == "place:springfield")
        app.article.set_cursor(springfield)
        await pilot.pause(0.3)
        x, y = app.cursor_position
        row = _screen_lines(app)[y]
        assert row[x:].startswith(f"{PLACE_GLYPH}Springfield")
        await pilot.press("l")  # next item: the quote
        await pilot.pause(0.3)
        x, y = app.cursor_position
        assert _screen_lines(app)[y][x:].startswith("“We will hold the line")
        app.navigate(Position("news/beta.md"))  # another briefing: its first item once chosen
        await pilot.press("l")
        await pilot.pause(0.3)
        x, y = app.cursor_position
        assert _screen_lines(app)[y][x:].startswith(f"{PERSON_GLYPH}Jane Doe travelled")
