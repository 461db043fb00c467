"""``briefing serve`` in a real browser: the page shows the reader, and hostile paths stay paths.

Each test starts ``briefing serve`` on a free loopback port as a subprocess,
opens it in headless Chromium and reads the terminal's rows (see
``tests/web/browser.py`` for how). The screenshot of the bundled library is
saved under the test's tmp path and its location printed (``pytest -s``).

Needs Debian's Chromium (``apt-get install chromium``) and textual-serve (in
the ``test`` extra); where either is missing the tests skip, saying which.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed: pip install '.[web]'")

from tests.web.browser import chromium, find_chromium, open_page, served_reader
from tui.model.loader import load_library

pytestmark = pytest.mark.web

ARTICLE = """---
title: Harbour cranes back at work after the storm
date: 2024-05-02
people:
  - name: Ada Quill
    role: harbour master
---
## The morning

Ada Quill walked the quay in Penmarch at six.
"""
# A folder name that runs commands if a shell ever sees it unquoted (each creates a pwned-* file).
HOSTILE_FOLDER = "news $(touch pwned-1) `touch pwned-2`; touch pwned-3 | '; touch pwned-4; ' & \"$HOME\" -h"


@pytest.fixture(scope="module")
def devtools(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """One headless Chromium for the module (starting it is the slow part); yields its DevTools port."""
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium not found (Debian: apt-get install chromium; or set BRIEFING_CHROMIUM)")
    with chromium(executable, tmp_path_factory.mktemp("chromium")) as port:
        yield port


def reader_env(tmp_path: Path) -> dict[str, str]:
    """State, config and cache of the served reader in the test's own directory."""
    return {name: str(tmp_path / name.lower()) for name in
            ("BRIEFING_STATE_DIR", "BRIEFING_CONFIG_DIR", "BRIEFING_CACHE_DIR")}


async def test_the_page_shows_the_bundled_briefing_and_its_people(devtools: int, tmp_path: Path) -> None:
    title = load_library().briefings[0].title
    with served_reader([], tmp_path / "cwd", reader_env(tmp_path)) as url:
        async with open_page(devtools, url) as page:
            screen = await page.wait_for_text(title, "People")
            await asyncio.sleep(0.6)  # the page fades the terminal in
            shot = await page.screenshot(tmp_path / "briefing-serve.png")
    print(f"\nscreenshot of briefing serve: {shot}")
    assert title in screen
    people_tab = next(line for line in screen.splitlines() if "People" in line)
    assert any(part.isdigit() for part in people_tab.split("People", 1)[1].split()[:1]), people_tab
    assert shot.stat().st_size > 20_000, "the screenshot is nearly empty: the terminal was not painted"


async def test_a_hostile_folder_name_is_opened_not_run(devtools: int, tmp_path: Path) -> None:
    folder = tmp_path / HOSTILE_FOLDER
    folder.mkdir()
    (folder / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    workdir = tmp_path / "cwd"
    try:
        with served_reader([str(folder)], workdir, reader_env(tmp_path)) as url:
            async with open_page(devtools, url) as page:
                # The reader got the folder intact: it opened the article inside.
                await page.wait_for_text("Harbour cranes back at work after the storm", "Ada Quill")
    finally:  # checked even when the page failed: a command that ran is the worse news
        ran = sorted(p.name for d in (workdir, tmp_path, folder) for p in d.glob("pwned-*"))
        assert ran == [], f"the folder name was run as shell commands: {ran}"
