"""Files rewritten or deleted under the reader: opening one, or ctrl+r, shows the new text or warns."""

from __future__ import annotations

import os
from pathlib import Path

from textual.pilot import Pilot

from tui.model.loader import load_library
from tui.model.navigation import Position
from tui.model.state import StateStore
from tui.ui.app import BriefingApp
from tui.ui.status import StatusLine


def _write(path: Path, title: str, body: str) -> None:
    path.write_text(f"---\ntitle: {title}\ndate: 2024-05-0{len(title) % 9 + 1}\n---\n\n# Report\n\n{body}\n",
                    encoding="utf-8")


def _bump(path: Path) -> None:
    """Make sure the mtime moves even on a coarse clock."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def _app(
    tmp_path: Path, second_body: str = "The council met in the town hall."
) -> tuple[BriefingApp, Path, Path]:
    news = tmp_path / "news"
    news.mkdir()
    first, second = news / "first.md", news / "second.md"
    _write(first, "First report", "Jane Doe visited the harbour on Monday.")
    _write(second, "Second report", second_body)
    app = BriefingApp(library=load_library([news]), store=StateStore(tmp_path / "state" / "state.json"))
    app.animation_level = "none"
    return app, first, second


def _region(app: BriefingApp) -> str:
    region = app.article.region
    strips = app.screen._compositor.render_strips()
    return "\n".join(strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom))


async def _settle(app: BriefingApp, pilot: Pilot[int]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_a_file_rewritten_on_disk_is_reloaded_when_opened(tmp_path: Path) -> None:
    app, first, second = _app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.navigate(Position(str(first)))
        await pilot.pause()
        _write(second, "Second report", "The ferry timetable changed again.")
        _bump(second)
        app.navigate(Position(str(second)))
        await _settle(app, pilot)
        assert "ferry timetable" in _region(app)
        assert "town hall" not in _region(app)
        reloaded = app.library.briefing(str(second))
        assert reloaded is not None and "ferry timetable" in reloaded.sections[-1].blocks[0].text
        assert any("Reloaded" in n.message for n in app._notifications)


async def test_ctrl_r_reloads_the_open_file_and_says_when_nothing_changed(tmp_path: Path) -> None:
    app, first, _ = _app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.navigate(Position(str(first)))
        await pilot.pause()
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        assert any("Unchanged" in n.message for n in app._notifications)
        _write(first, "First report, revised", "Jane Doe left the harbour on Tuesday.")
        _bump(first)
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        assert "left the harbour" in _region(app)
        assert "First report, revised" in str(app.query_one(StatusLine).render())


async def test_a_deleted_file_warns_and_keeps_the_loaded_text(tmp_path: Path) -> None:
    app, first, second = _app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.navigate(Position(str(first)))
        await pilot.pause()
        second.unlink()
        app.navigate(Position(str(second)))
        await _settle(app, pilot)
        assert "town hall" in _region(app), "what was loaded is still readable"
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert any("was deleted" in n.message and str(second) in n.message for n in warnings)
        assert "file deleted" in str(app.query_one(StatusLine).render())
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        assert app.is_running and "town hall" in _region(app)
        assert app.library.briefing(str(second)) is not None


async def test_a_file_rewritten_as_garbage_shows_its_load_error(tmp_path: Path) -> None:
    app, first, second = _app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.navigate(Position(str(first)))
        await pilot.pause()
        second.write_bytes(b"\x00\x01\x02 not text at all \xff\xfe" * 64)
        _bump(second)
        app.navigate(Position(str(second)))
        await _settle(app, pilot)
        assert app.library.briefing(str(second)) is None
        assert any(e.path == str(second) for e in app.library.errors)
        assert "binary" in _region(app)
        assert app.is_running


async def test_a_hostile_file_name_is_shown_inert_in_the_warning(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    hostile = news / "[@click=app.quit]x[b] \x1b]0;pwned\x07.md"
    _write(hostile, "Hostile name", "Some ordinary text about a quay.")
    app = BriefingApp(library=load_library([news]), store=StateStore(tmp_path / "state" / "state.json"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        hostile.unlink()
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        [warning] = [n for n in app._notifications if n.severity == "warning"]
        assert "[@click=app.quit]x[b]" in warning.message and "\x1b" not in warning.message
        assert not warning.markup
        assert app.is_running


async def test_what_loading_a_file_warned_of_is_said_once_when_it_is_opened(tmp_path: Path) -> None:
    app, clean, noisy = _app(tmp_path, second_body="The council \x1b[31mmet\x1b[0m in the town hall.")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert app.current_key == str(clean)
        assert not [n for n in app._notifications if n.severity == "warning"]
        for _ in range(2):  # to the noisy one, back, and to it again: said the first time only
            app.navigate(Position(str(noisy)))
            await _settle(app, pilot)
            app.navigate(Position(str(clean)))
            await _settle(app, pilot)
        said = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(said) == 1 and str(noisy) in said[0] and "control" in said[0]
