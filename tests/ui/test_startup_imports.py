"""Start-up imports only what the first paint needs (issue 5): the map, help and the rest load on use.

Each check runs a fresh interpreter, since this test process has long imported
everything. The modules named here are what the reader used to import before
its first screen (tens of milliseconds of a cold start); a top-level import of
any of them from the app's modules brings that back, and this test says which.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

LAZY = (
    "tui.ui.map", "tui.model.geo", "tui.model.braille",  # the map (M)
    "tui.ui.card", "tui.ui.cardlist", "tui.ui.timeline",  # an entity card and its timeline
    "tui.model.dossier", "tui.model.timeline", "tui.model.mdwrite",  # dossiers and their export
    "tui.ui.help", "tui.ui.hints", "tui.ui.commands",  # the help screen, hints, the palette's provider
    "webbrowser", "shlex",  # opening a web page, running the editor
)


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code`` (which prints them)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          check=False, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_importing_the_app_leaves_the_heavy_modules_unloaded() -> None:
    modules = _modules_after("import sys, tui.ui.app; print(*sorted(sys.modules))")
    assert "tui.ui.app" in modules
    assert sorted(set(LAZY) & modules) == []


def test_the_first_screen_of_a_running_reader_loads_none_of_them(tmp_path: Path) -> None:
    """Mounting, loading a briefing, reading the config and drawing the first screen need none either."""
    article = tmp_path / "note.md"
    article.write_text("---\ntitle: A short note\n---\n\n## First\n\nAnna Berg spoke in Lyon on Monday.\n",
                       encoding="utf-8")
    code = textwrap.dedent(f"""
        import asyncio, sys
        from tui.ui.app import BriefingApp

        async def main() -> None:
            app = BriefingApp([{str(article)!r}])
            async with app.run_test(size=(120, 40)) as pilot:
                for _ in range(100):
                    await pilot.pause(0.05)
                    if app.current_key is not None and app.loading is None:
                        break
                assert app.current_key is not None, "the briefing never opened"
                await pilot.press("j")
                await pilot.pause()
            print(*sorted(sys.modules))

        asyncio.run(main())
    """)
    modules = _modules_after(code)
    assert "tui.ui.article" in modules
    assert sorted(set(LAZY) & modules) == []
