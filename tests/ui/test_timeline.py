"""The entity card's timeline strip and dossier keys, driven by keys and clicks."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import HOSTILE, JANE, alpha, beta, hostile, make_app, make_library
from tui.model.dossier import dossier_markdown
from tui.model.entities import Location
from tui.model.library import Library
from tui.ui.app import BriefingApp
from tui.ui.card import EntityCard
from tui.ui.dossier_prompt import SaveDossier
from tui.ui.keymap import known_ids
from tui.ui.timeline import TimelineStrip

SIZE = (120, 40)


def three() -> Library:
    return make_library(beta(), hostile(), alpha())


async def open_card(pilot: object, app: BriefingApp) -> EntityCard:
    await pilot.press("l", "enter")  # type: ignore[attr-defined]  # "Jane Doe", first words of alpha
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, EntityCard)
    return app.screen


def lines(strip: TimelineStrip) -> list[str]:
    return strip.render().plain.split("\n")


async def test_the_strip_has_a_point_per_briefing_by_date_and_starts_on_the_open_one() -> None:
    app = make_app(three())
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot, app)
        strip = card.query_one(TimelineStrip)
        assert [p.briefing for p in strip.line.points] == ["news/alpha.md", "news/beta.md", "news/hostile.md"]
        assert strip.selected == 0
        bars, base, dates, label = lines(strip)
        assert "2024-03-01" in dates and "2024-03-02" in dates and "2024-03-03" in dates
        assert dates.index("2024-03-01") < dates.index("2024-03-02") < dates.index("2024-03-03")
        assert base.count("▅") > 0 and "█" in bars  # alpha names Jane 3 times: the tallest bar
        assert label.startswith(
            "2024-03-01 Talks in Springfield · 3 mentions · as foreign minister · 1 quote")


async def test_angle_brackets_move_along_and_enter_jumps_to_the_first_mention_then_back() -> None:
    app = make_app(three())
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot, app)
        strip = card.query_one(TimelineStrip)
        await pilot.press("greater_than_sign")
        assert strip.has_focus and strip.selected == 1
        assert lines(strip)[3].startswith("2024-03-02 Return to Shelbyville · 1 mention")
        await pilot.press("right", "left", "end")  # arrows while the strip has focus; End: the last
        assert strip.selected == 2
        await pilot.press("less_than_sign")
        assert strip.selected == 1
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EntityCard)
        assert app.briefing is not None and app.briefing.key == "news/beta.md"
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(0, 0, 0, 8)
        await pilot.press("ctrl+o")  # a recorded jump: Back returns to where the card was opened
        await pilot.pause()
        assert app.briefing is not None and app.briefing.key == "news/alpha.md"


async def test_a_click_on_a_bar_jumps_there() -> None:
    app = make_app(three())
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot, app)
        strip = card.query_one(TimelineStrip)
        column = strip.styles.padding.left + strip._column(2)
        await pilot.click(TimelineStrip, offset=(column, 1))
        await pilot.pause()
        assert app.briefing is not None and app.briefing.key == "news/hostile.md"


async def test_hostile_titles_on_the_strip_are_shown_literally() -> None:
    app = make_app(three())
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot, app)
        strip = card.query_one(TimelineStrip)
        strip.action_edge(1)
        label = lines(strip)[3]
        assert HOSTILE[:40] in label and "\x1b" not in label
        await pilot.pause()
        assert app.is_running  # no markup action ran


async def test_d_saves_the_dossier_where_the_user_says_and_asks_before_replacing(tmp_path: Path) -> None:
    library = three()
    app = make_app(library)
    target = tmp_path / "jane.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, app)
        await pilot.press("D")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, SaveDossier)
        assert prompt.suggested == "./jane-doe-dossier.md"
        prompt.query_one("#dossier-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        assert target.read_text(encoding="utf-8") == dossier_markdown(library, JANE.id)
        assert any(f"to {target}" in str(n.message) for n in app._notifications)
        target.write_text("mine", encoding="utf-8")
        await pilot.press("D")
        await pilot.pause()
        app.screen.query_one("#dossier-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveDossier) and target.read_text(encoding="utf-8") == "mine"
        await pilot.press("enter")  # asked, confirmed
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# Jane Doe")


async def test_a_dossier_that_cannot_be_written_is_a_notification(tmp_path: Path) -> None:
    app = make_app(three())
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, app)
        await pilot.press("D")
        await pilot.pause()
        app.screen.query_one("#dossier-path").value = str(tmp_path / "missing" / "x.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "Could not save the dossier" in str(errors[0].message)
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("escape")  # cancel: nothing written, back on the card
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)


async def test_y_copies_the_dossier() -> None:
    library = three()
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, app)
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard == dossier_markdown(library, JANE.id)


def test_the_new_keys_have_ids_the_config_can_remap() -> None:
    app = make_app(make_library(alpha()))
    ids = known_ids(app)
    for binding_id in ("card.timeline_back", "card.timeline_forward", "card.timeline_go", "card.save_dossier",
                       "card.copy_dossier", "card.timeline_earlier", "card.timeline_later"):
        assert binding_id in ids


async def test_a_long_timeline_scrolls_to_keep_the_chosen_point_in_view() -> None:
    import datetime as dt

    from tests.ui.conftest import briefing

    many = [briefing(f"news/{n:03}.md", f"Day {n}", [("", ["Jane Doe spoke. " * (1 + n % 4)])], [JANE],
                     date=dt.date(2024, 1, 1) + dt.timedelta(days=n)) for n in range(120)]
    app = make_app(make_library(*many))
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot, app)
        strip = card.query_one(TimelineStrip)
        assert len(strip.line.points) == 120 and strip.selected == 0
        await pilot.press("greater_than_sign", "end")
        bars, _, dates, label = lines(strip)
        assert strip.selected == 119 and bars.startswith("…")  # earlier points scrolled off to the left
        assert "2024-04-29" in dates and label.startswith("2024-04-29 Day 119")
        assert len(bars) <= strip.content_region.width
