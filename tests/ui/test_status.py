"""The status line under the article: what it keeps in view when the terminal is too narrow for all of it."""

from __future__ import annotations

from rich.cells import cell_len

from tests.ui.conftest import JANE, briefing, make_app, make_library
from tui.model.document import Briefing
from tui.ui.app import BriefingApp
from tui.ui.status import StatusLine, _fit

LONG_TITLE = "Ministers meet again over the northern corridor and its ports, with no deal in sight"
LONG_SECTION = "What the delegations said when the second session ended late"


def long_titled() -> Briefing:
    return briefing(
        "news/long.md",
        LONG_TITLE,
        [(LONG_SECTION, ["Jane Doe spoke first, and Doe spoke again at the end."])],
        [JANE],
    )


def shown(app: BriefingApp) -> str:
    status = app.query_one(StatusLine)
    text = status.render()
    assert cell_len(str(text)) <= status.size.width  # what is built fits: nothing is cut at the edge
    return str(text)


async def test_the_current_person_stays_in_view_beside_a_long_title_and_section() -> None:
    app = make_app(make_library(long_titled()))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("l")  # the cursor on "Jane Doe": she is the current entity
        await pilot.pause()
        assert app.current_entity == JANE.id
        row = shown(app)
        assert "◆ Jane Doe" in row
        assert row.startswith("Ministers meet")  # the title is shortened, not dropped
        assert "…" in row
        assert "What the" in row  # and so is the section


async def test_a_wide_status_line_shows_title_and_section_whole() -> None:
    app = make_app(make_library(long_titled()))
    async with app.run_test(size=(300, 30)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        row = shown(app)
        assert LONG_TITLE in row and LONG_SECTION in row and "◆ Jane Doe" in row


async def test_a_narrow_terminal_still_shows_the_current_person() -> None:
    app = make_app(make_library(long_titled()))
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert "◆ Jane Doe" in shown(app)


def fitted(width: int, progress: str = "", title: str = "", section: str = "", entity: str = "",
           trail: tuple[str, ...] = ()) -> str:
    row = str(_fit(progress, title, section, entity, trail, width))
    assert cell_len(row) <= width
    return row


def test_a_trail_that_does_not_fit_is_left_out_by_whole_steps_never_cutting_the_entity() -> None:
    """QA: "◆ Marta Monhoande…", the trail cut at the edge taking the name's last letter with it."""
    trail = ("Porto Lume", "Timetable and risks", "Marta Monhoander")
    row = fitted(50, title=LONG_TITLE, section=LONG_SECTION, entity="Marta Monhoander", trail=trail)
    assert "◆ Marta Monhoander" in row and not row.endswith("…") and "trail" not in row
    row = fitted(120, title="Port news", section="Quay", entity="Lisbon", trail=trail)
    assert row.endswith("trail: Porto Lume › Timetable and risks › Marta Monhoander")
    row = fitted(72, title="Port news", section="Quay", entity="Lisbon", trail=trail)
    assert row.endswith("trail: Porto Lume › Timetable and risks")  # whole steps only: no "tr…", no "L…"


def test_no_doubled_ellipsis() -> None:
    """QA: "Putin visits……", a shortened section cut again at the edge for a trail that did not fit."""
    title = "Putin visits Kursk hours after Kyiv accepts a 30-day truce plan"
    row = fitted(36, title=title, section=title, trail=("Orders at the Kursk command post",))
    assert row == "Putin visits Kursk… › Putin visits…"


def test_while_loading_a_narrow_line_keeps_the_progress_and_the_entity() -> None:
    """QA: "⟳ loading 616/1000     ◆ Ma…", five blank cells and the name cut to two letters."""
    row = fitted(28, progress="⟳ loading 616/1000  ", title=LONG_TITLE, entity="Marta Monhoander")
    assert row.startswith("⟳ loading 616/1000  ◆ ") and "     " not in row
    assert fitted(40, progress="⟳ loading 616/1000  ", title=LONG_TITLE, entity="Marta Monhoander").endswith(
        "◆ Marta Monhoander")
