"""The reader on hostile briefings: every place text appears shows it literally, and nothing in it acts.

The library is loaded from the generated hostile folder by the real loader.
For each place (article, briefing list, outline, sidebars, entity card,
palette, status line, error view, notifications, title) the test renders the
screen exactly as the driver would send it to a terminal and checks that
(1) the only escape sequences in it are Textual's own cursor moves and colours,
(2) no control, C1 or bidi-override character is left, and (3) the markup
``[@click=app.quit]x[/]`` is visible as text. Clicking it must not quit, ring,
or open a link: the cells carry no link and no ``@click`` action.

A last test runs the real app in a pseudo-terminal and checks every byte it
wrote during a session of keys.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget

from tests.security.hostile import (
    ESCAPES,
    VISIBLE_MARKUP,
    HostileLibrary,
    unsafe_for_terminal,
    write_library,
)
from tui.model.entities import EntityKind, Origin
from tui.model.library import Library
from tui.model.loader import load_library
from tui.model.state import StateStore
from tui.ui.app import BriefingApp
from tui.ui.card import EntityCard
from tui.ui.messages import OpenBriefing, OpenEntity
from tui.ui.text import one_line

SIZE = (200, 60)
ROOT = Path(__file__).resolve().parents[2]
_CSI = re.compile(r"\x1b\[[0-9;?]*([ -/]*[@-~])")
_OWN_CSI = {"m", "H"}  # Textual draws a screen with colours (SGR) and cursor moves, nothing else


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileLibrary:
    return write_library(tmp_path_factory.mktemp("hostile-ui"), per_payload=False)


@pytest.fixture(scope="module")
def library(hostile: HostileLibrary) -> Library:
    return load_library([hostile.root])


class Watch:
    """Records anything hostile text could make the app do: quit, ring, open a link."""

    def __init__(self, app: BriefingApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.app = app
        self.urls: list[str] = []
        self.bells = 0
        monkeypatch.setattr(app, "open_url", lambda url, **_: self.urls.append(url))
        monkeypatch.setattr(app, "bell", self._bell)
        monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: self.urls.append(url))

    def _bell(self) -> None:
        self.bells += 1

    def assert_nothing_happened(self) -> None:
        assert self.app.is_running and self.app.return_value is None
        assert self.urls == [] and self.bells == 0


def make_app(library: Library, tmp_path: Path) -> BriefingApp:
    app = BriefingApp(library=library, store=StateStore(tmp_path / "state" / "state.json"))
    app.animation_level = "none"
    return app


def rendered(app: BriefingApp) -> list[str]:
    """The screen as the driver would send it, checked, then returned as plain lines of text."""
    compositor = app.screen._compositor
    sent = compositor.render_full_update().render_segments(app.console)
    assert set(_CSI.findall(sent)) <= _OWN_CSI, sorted(set(_CSI.findall(sent)))
    text = _CSI.sub("", sent)
    assert "\x1b" not in text
    assert unsafe_for_terminal(text.replace("\n", "")) == []
    return [strip.text for strip in compositor.render_strips()]


def region_text(app: BriefingApp, widget: Widget) -> str:
    """The rendered text inside one widget's region of the screen."""
    region = widget.region
    strips = app.screen._compositor.render_strips()
    return "\n".join(strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom))


def where(lines: list[str], text: str) -> Iterator[tuple[int, int]]:
    """Screen cells (x, y) where ``text`` starts."""
    for y, line in enumerate(lines):
        for match in re.finditer(re.escape(text), line):
            yield cell_len(line[: match.start()]), y


async def click_every(pilot: Pilot[int], watch: Watch, lines: list[str], text: str, limit: int = 6) -> int:
    """Click on each place ``text`` is shown (its ``[@click`` part); the cells carry no link or action."""
    clicked = 0
    for x, y in list(where(lines, text))[:limit]:
        style = pilot.app.screen._compositor.get_style_at(x + 2, y)
        assert style.link is None and "@click" not in style.meta, (x, y, style)
        await pilot.click(offset=(x + 2, y))
        await pilot.pause()
        watch.assert_nothing_happened()
        clicked += 1
    return clicked


def _everything(library: Library, hostile: HostileLibrary) -> str:
    return next(b.key for b in library.briefings if b.key == str(hostile.everything))


async def test_main_screen_shows_hostile_text_literally_and_clicks_do_nothing(
    library: Library, hostile: HostileLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(library, tmp_path)
    watch = Watch(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(OpenBriefing(_everything(library, hostile)))
        await pilot.pause()
        lines = rendered(app)
        article = region_text(app, app.article)
        assert article.count(VISIBLE_MARKUP) >= 8  # title, meta, summary, headings, paragraphs...
        assert "Title [@click=app.quit]x[/]" in article
        assert VISIBLE_MARKUP in region_text(app, app.library_pane)  # briefing list and outline
        assert VISIBLE_MARKUP in region_text(app, app.sidebar)  # people rows: name and role
        status = region_text(app, app.query_one("#status"))
        assert "Title [@click=app.quit]x[/]" in status
        for text in ("[link=file:///etc/passwd]y[/]", "[/link]", "[bold red on white]z[/bold red on white]"):
            assert text in article, text
        assert "owned" in article and "]52;" not in article  # escape sequences removed whole
        assert await click_every(pilot, watch, lines, VISIBLE_MARKUP) >= 4
        assert await click_every(pilot, watch, rendered(app), "[link=file:///etc/passwd]y[/]") >= 1
        assert await click_every(pilot, watch, rendered(app), "[@click=app.bell]w[/]") >= 1
        await pilot.press("escape", "slash", *"click", "enter")  # find: matches highlighted, count shown
        await pilot.pause()
        assert VISIBLE_MARKUP in "\n".join(rendered(app))
        await pilot.press("escape", "f")  # hint labels over every visible mention and quote
        await pilot.pause()
        assert VISIBLE_MARKUP in "\n".join(rendered(app))
        await pilot.press("escape", "a")  # the sidebar over the whole library
        await pilot.pause()
        assert VISIBLE_MARKUP in region_text(app, app.sidebar)
        watch.assert_nothing_happened()
        for text in (app.title, app.sub_title):  # what a terminal title would be built from
            assert unsafe_for_terminal(text) == []
        assert app.sub_title.startswith("Title [@click=app.quit]x[/]")


async def test_sidebar_tabs_show_names_roles_and_quotes_literally(
    library: Library, hostile: HostileLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(library, tmp_path)
    watch = Watch(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenBriefing(_everything(library, hostile)))
        await pilot.pause()
        tabs = (("people", "Jane Doe [@click=app.quit]x[/]"), ("places", "[@click=app.quit]x[/]"),
                ("quotes", "we stay [@click=app.quit]x[/]"))
        for tab, expected in tabs:
            app.sidebar.show_tab(tab)
            await pilot.pause()
            lines = rendered(app)
            assert expected in region_text(app, app.sidebar), tab
            right = app.sidebar.region.x
            in_sidebar = [" " * right + line[right:] for line in lines]
            assert await click_every(pilot, watch, in_sidebar, "[@click", limit=3) >= 1, tab
            await pilot.press("escape")


async def test_entity_card_shows_every_field_literally(
    library: Library, hostile: HostileLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefing = library.briefing(_everything(library, hostile))
    assert briefing is not None
    jane = next(e for e in briefing.entities.values()
                if e.kind is EntityKind.PERSON and e.origin is Origin.DECLARED)
    app = make_app(library, tmp_path)
    watch = Watch(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenBriefing(briefing.key))
        await pilot.pause()
        app.post_message(OpenEntity(jane.id))
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        lines = rendered(app)
        card = "\n".join(lines)
        for text in ("Jane Doe [@click=app.quit]x[/]", "also: J. [@click=app.quit]x[/]",
                     "role: minister [@click=app.quit]x[/]", "note [@click=app.quit]x[/]",
                     "Mentions ("):
            assert text in card, text
        header = app.screen.query_one("#card-header")
        header_lines = [" " * header.region.x + line for line in region_text(app, header).splitlines()]
        padded = [""] * header.region.y + header_lines
        assert await click_every(pilot, watch, padded, VISIBLE_MARKUP) >= 2
        assert isinstance(app.screen, EntityCard)  # a click on the header did not act


async def test_palette_lists_hostile_names_literally(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(library, tmp_path)
    watch = Watch(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"click")
        prompts: list[str] = []
        for _ in range(60):
            await pilot.pause(0.05)
            found = app.screen.query_one(CommandList)
            prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
            if len(prompts) >= 4:
                break
        assert any("[@click=app.quit]x[/]" in p for p in prompts), prompts
        screen = "\n".join(rendered(app))
        assert "[@click=app.quit]x[/]" in screen
        watch.assert_nothing_happened()
        await pilot.press("escape")


async def test_a_failed_file_shows_its_name_and_error_with_visible_placeholders(
    library: Library, hostile: HostileLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(hostile.named["osc_title"])
    app = make_app(library, tmp_path)
    watch = Watch(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(OpenBriefing(path))
        await pilot.pause()
        assert app.current_key is None
        article = region_text(app, app.article)
        assert "title␛]0;owned␇.md" in article  # the escape shown as a visible control picture
        assert "'people' must be a list" in article and "key [@click=app.quit]x[/]" in article
        rendered(app)
        assert unsafe_for_terminal(app.sub_title) == [] and "title␛]0;owned␇.md" in app.sub_title
        rlo = str(hostile.named["rlo"])
        app.post_message(OpenBriefing(rlo))
        await pilot.pause()
        assert "report\ufffdtxt.md" in region_text(app, app.article)  # the override cannot flip the line
        rendered(app)
        watch.assert_nothing_happened()


async def test_a_warning_naming_a_hostile_path_is_shown_inert(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corrupt state file in a folder whose name holds escapes: the warning toast shows it inert."""
    state = tmp_path / "st\x1b]0;owned\x07\u202eate"
    state.mkdir()
    (state / "state.json").write_text("{ not json")
    app = BriefingApp(library=library, store=StateStore(state / "state.json"))
    watch = Watch(app, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause(0.3)
        screen = "".join(line.strip(" ▏▕") for line in rendered(app))
        assert "was unusable" in screen
        assert "st␛]0;owned␇\ufffdate" in screen
        watch.assert_nothing_happened()


def _seen(text: str) -> str:
    """What a terminal shows: characters that take no cell are not seen at all."""
    return "".join(char for char in text if cell_len(char) > 0)


@pytest.mark.parametrize("name", [
    "Jane\u200bDoe", "JaneDoe\u200b", "Jane\u2060Doe", "Jane\ufeffDoe", "Jane\u200dDoe", "Jane\u200cDoe",
    "Jane\U000e0041Doe", "Jane\u00adDoe", "Ja\u202eneDoe", "Ja\u2067neDoe",
])
def test_names_that_differ_only_by_invisible_characters_are_told_apart(name: str) -> None:
    """Two people named "JaneDoe" and "Jane<invisible>Doe" are two entities: they must not look alike."""
    assert _seen(one_line(name)) != _seen(one_line("JaneDoe"))
    assert len(_seen(one_line(name))) == len(name)  # one visible placeholder per hidden character
    assert unsafe_for_terminal(one_line(name)) == []


# -- the real app in a pseudo-terminal ---------------------------------------------------------------


def _pump(fd: int, out: bytearray, *, idle: float, limit: float, until: bytes = b"") -> None:
    """Read what the app writes until it has been quiet for ``idle`` s (and ``until`` was seen)."""
    end = time.monotonic() + limit
    quiet_since = time.monotonic()
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            out.extend(data)
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= idle and until in out:
            return


KEYS = ["j", "l", "l", "\r", "\x1b", "\x10", "click", "\x1b", "3", "\x1b", "2", "\x1b", "]", "/", "click",
        "\r", "\x1b", "f", "\x1b", "J", "q"]
"""Down, two linked items, open the card, close it, the palette with a search, the quotes and places
tabs, the next section, find, hints, the next briefing, quit."""


def test_the_real_terminal_output_carries_no_hostile_sequence(
    hostile: HostileLibrary, tmp_path: Path
) -> None:
    """Run ``briefing FOLDER`` in a pty, press keys through every pane, and read every byte written."""
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT),
           "BRIEFING_STATE_DIR": str(tmp_path / "state"), "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
           "BRIEFING_CONFIG_DIR": str(tmp_path / "config")}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, as a user starts it
        os.execve(sys.executable, [sys.executable, "-m", "tui", str(hostile.root)], env)
    out = bytearray()
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 180, 0, 0))
        _pump(fd, out, idle=0.4, limit=20, until=VISIBLE_MARKUP.encode())
        for keys in KEYS:
            os.write(fd, keys.encode())
            _pump(fd, out, idle=0.15, limit=3)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    text = out.decode("utf-8")
    assert VISIBLE_MARKUP in text
    assert "we stay [@click=app.quit]x[/]" in text  # the quotes tab was drawn
    oscs = set(re.findall(r"\x1b\](\d*)", text))
    assert oscs <= {"22"}, oscs  # Textual's pointer shape only: no title, clipboard or hyperlink
    assert not re.search("[\x00\x80-\x9f\u202a-\u202e\u2066-\u2069]", text)
    for sequence in ESCAPES.values():
        if sequence.startswith("\x1b"):
            assert sequence not in text, repr(sequence)
