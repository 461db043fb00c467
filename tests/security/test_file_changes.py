"""Files deleted or rewritten while the reader has them open: no crash, nothing lost, reported.

The reader keeps what it loaded in memory and looks at the file again when it
opens a briefing (and on ctrl+r, tested in tests/ui/test_reload.py): a deleted
file goes on showing as it was loaded, with a warning; a rewritten one is
loaded again (here a binary file: its load error shows). The next start
reports the deleted file as gone, and the read marks of the others survive.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.security.hostile import VISIBLE_MARKUP, markdown
from tests.security.test_hostile_ui import make_app, region_text, rendered
from tui.model.library import Library
from tui.model.navigation import Position
from tui.model.state import StateStore
from tui.ui.app import BriefingApp
from tui.ui.messages import OpenEntity


def _folder(root: Path) -> list[Path]:
    root.mkdir()
    paths = []
    for index, name in enumerate(("alpha", "beta", "gamma")):
        path = root / f"{name}.md"
        path.write_text(markdown(VISIBLE_MARKUP).replace("2024-05-01", f"2024-05-0{index + 1}"))
        paths.append(path)
    return paths


async def _loaded(app: BriefingApp, pilot: object) -> None:
    for _ in range(100):
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if app.loading is None and app.library.briefings:
            return
    raise AssertionError("the library did not finish loading")


async def test_files_deleted_or_rewritten_while_open(tmp_path: Path) -> None:
    alpha, beta, gamma = _folder(tmp_path / "news")
    store_path = tmp_path / "state" / "state.json"
    app = BriefingApp([str(tmp_path / "news")], store=StateStore(store_path))
    async with app.run_test(size=(160, 50)) as pilot:
        await _loaded(app, pilot)
        assert len(app.library.briefings) == 3
        app.navigate(Position(str(alpha)))
        await pilot.pause()
        alpha.unlink()  # deleted while open
        beta.write_bytes(os.urandom(4096) + b"\x00")  # rewritten as garbage
        gamma.write_text("# Replaced\n\nCompletely different text.\n")
        for key in ("j", "l", "l", "enter", "escape", "right_square_bracket", "ctrl+o"):
            await pilot.press(key)
            await pilot.pause()
        app.navigate(Position(str(beta)))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "binary" in region_text(app, app.article)  # rewritten as garbage: reloaded, its error shown
        assert app.library.briefing(str(beta)) is None
        person = next(e for e in app.library.briefings[0].entities.values() if e.kind.value == "person")
        app.post_message(OpenEntity(person.id))
        await pilot.pause()
        rendered(app)
        await pilot.press("escape")
        app.navigate(Position(str(alpha)))
        await pilot.pause()
        assert VISIBLE_MARKUP in region_text(app, app.article)  # deleted: still shows what was loaded
        assert any("was deleted" in n.message for n in app._notifications if n.severity == "warning")
        app.navigate(Position(str(gamma)))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Completely different text" in region_text(app, app.article)  # rewritten: the new text
        rendered(app)
        await pilot.press("q")
    assert app.return_value == 0
    assert app.exit_warnings == []

    # The next start: the deleted file is gone, the garbage is a load error, marks kept for the rest.
    again = BriefingApp([str(tmp_path / "news")], store=StateStore(store_path))
    async with again.run_test(size=(160, 50)) as pilot:
        await _loaded(again, pilot)
        keys = {b.key for b in again.library.briefings}
        assert keys == {str(gamma)}
        assert [e.path for e in again.library.errors] == [str(beta)]
        assert "binary" in again.library.errors[0].message
        assert again.state.is_read(str(beta))  # the mark outlives the file's damage
        await pilot.press("q")


async def test_a_briefing_whose_file_vanished_can_still_be_read_and_navigated(tmp_path: Path) -> None:
    """A library built before the files were deleted: every jump and the card keep working."""
    from tui.model.loader import load_library

    paths = _folder(tmp_path / "news")
    library: Library = load_library([tmp_path / "news"])
    for path in paths:
        path.unlink()
    (tmp_path / "news").rmdir()
    app = make_app(library, tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        for key in ("l", "asterisk", "asterisk", "asterisk", "enter", "escape", "right_square_bracket",
                    "ctrl+o"):
            await pilot.press(key)
            await pilot.pause()
        rendered(app)
        assert app.is_running
