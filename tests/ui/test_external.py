"""Reader actions that leave the app: copy a quote, open the web page, edit the file, --watch."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import stat
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

import tui.ui.watch
from tui.cli import main
from tui.model.document import Briefing
from tui.model.loader import load_library
from tui.model.navigation import LinkKind, Position
from tui.model.state import StateStore
from tui.ui.app import BriefingApp
from tui.ui.card import CardList, EntityCard
from tui.ui.external import citation, editor_command, web_url
from tui.ui.messages import OpenEntity
from tui.ui.rowlist import RowList

from .conftest import JOHN, alpha, beta, make_app, make_library


def _messages(app: BriefingApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _quote_cursor(app: BriefingApp) -> None:
    index = next(i for i, item in enumerate(app.article.items) if item.kind is LinkKind.QUOTE)
    app.article.set_cursor(index)


async def test_y_copies_the_quote_under_the_cursor_with_speaker_and_source() -> None:
    app = make_app(make_library(alpha(), beta()))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert app.check_action("copy_quote", ()) is None  # no cursor yet: greyed out
        _quote_cursor(app)
        await pilot.press("y")
        await pilot.pause()
        expected = (f"“We will hold the line” — Jane Doe, Talks in Springfield (2024-03-01), "
                    f"{os.path.abspath('news/alpha.md')}")
        assert app.clipboard == expected
        assert any(m.startswith("Copied: “We will hold the line”") for m in _messages(app))


async def test_y_copies_the_quotes_tab_row_and_a_card_quote_row() -> None:
    app = make_app(make_library(alpha(), beta()))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.navigate(Position("news/beta.md"))
        await pilot.press("3")
        quotes = app.sidebar.query_one("#list-quotes", RowList)
        quotes.focus()  # as Tab from the filter would
        quotes.highlighted = 0
        await pilot.press("y")
        await pilot.pause()
        expected = "“Nothing has changed” — John Roe, Return to Shelbyville (2024-03-02), "
        assert app.clipboard == expected + os.path.abspath("news/beta.md")

        app.post_message(OpenEntity(JOHN.id))
        await pilot.pause()
        card = app.screen
        assert isinstance(card, EntityCard)
        rows = card.query_one(CardList)
        rows.highlighted = next(i for i, row in enumerate(card.rows) if row and row.kind == "quote")
        app.copy_to_clipboard("")
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard.startswith("“Nothing has changed” — John Roe")


async def test_nothing_to_copy_leaves_the_clipboard_alone() -> None:
    app = make_app(make_library(alpha()))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.article.set_cursor(0)  # Jane Doe's first mention, outside any quote
        await pilot.pause()
        assert app.check_action("copy_quote", ()) is None
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == ""


def test_a_citation_is_one_safe_line_and_prefers_a_web_address() -> None:
    briefing = dataclasses.replace(alpha(), title="Talks\nin \x1b[31mSpringfield", url="https://example.org/a")
    library = make_library(briefing)
    line = citation(library, briefing, briefing.quotes[0])
    assert line == "“We will hold the line” — Jane Doe, Talks in ␛[31mSpringfield (2024-03-01), https://example.org/a"
    assert "\x1b" not in line and "\n" not in line


def _with_url(url: str | None) -> Briefing:
    return dataclasses.replace(alpha(), url=url)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def fake_open(url: str) -> bool:
        calls.append(url)
        return True

    monkeypatch.setattr("webbrowser.open", fake_open)  # imported by the action itself
    return calls


async def test_U_opens_an_http_address_in_the_browser(opened: list[str]) -> None:
    app = make_app(make_library(_with_url("https://example.org/news/talks")))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("U")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert opened == ["https://example.org/news/talks"]
        assert any("Opening https://example.org/news/talks" in m for m in _messages(app))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "https://ex ample.org/",
                                 "data:text/html,<b>x</b>"])
async def test_U_refuses_anything_but_http_and_says_so(opened: list[str], url: str) -> None:
    app = make_app(make_library(_with_url(url)))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("U")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert opened == []
        assert any("only http and https" in m for m in _messages(app))


async def test_U_is_greyed_out_without_an_address(opened: list[str]) -> None:
    app = make_app(make_library(_with_url(None)))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert app.check_action("open_url", ()) is None
        await pilot.press("U")
        await pilot.pause()
        assert opened == []


def test_web_url_keeps_only_http_addresses_with_a_host() -> None:
    assert web_url("https://example.org/a?b=c") == "https://example.org/a?b=c"
    assert web_url("HTTP://example.org") == "HTTP://example.org"
    for bad in (None, "", "javascript:alert(1)", "https://", "//example.org", "https://a\x07b.org",
                "vbscript:x", "file:///etc/passwd"):
        assert web_url(bad) is None


# -- the editor ----------------------------------------------------------------------------------


def test_the_editor_command_is_visual_then_editor_then_vi() -> None:
    assert editor_command("a.md", environ={}) == ["vi", "a.md"]
    assert editor_command("a.md", 12, environ={"EDITOR": "nano"}) == ["nano", "+12", "a.md"]
    assert editor_command("a.md", 12, environ={"EDITOR": "nano", "VISUAL": "code --wait"}) == [
        "code", "--wait", "a.md"]  # not known to take +LINE
    assert editor_command("a b.md", 3, environ={"EDITOR": "'/opt/my vim/vim' -n"}) == [
        "/opt/my vim/vim", "-n", "+3", "a b.md"]


def _news(tmp_path: Path) -> tuple[Path, Path]:
    news = tmp_path / "news"
    news.mkdir()
    first = news / "first.md"
    body = "\n\n".join(f"Paragraph {n}: Jane Doe spoke to the council about item {n}." for n in range(30))
    first.write_text(f"---\ntitle: First report\ndate: 2024-05-01\n---\n\n## The council\n\n{body}\n",
                     encoding="utf-8")
    return news, first


def _editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text(f"#!{sys.executable}\nimport sys\n{script}\n", encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))


@contextlib.contextmanager
def _no_terminal() -> Iterator[None]:
    """run_test has no terminal to hand over (App.suspend raises there); the editor still really runs."""
    yield


async def _until(pilot: Pilot[int], done: object, seconds: float = 3.0) -> None:
    assert callable(done)
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    assert done()


async def test_v_edits_the_file_and_reloads_it_keeping_the_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news, _ = _news(tmp_path)
    _editor(tmp_path, monkeypatch, "open(sys.argv[-1], 'a').write('\\nAn editor added this closing line.\\n')"
            "  # the file is the last argument")
    app = BriefingApp(library=load_library([news]), store=StateStore(tmp_path / "state.json"))
    app.animation_level = "none"
    monkeypatch.setattr(app, "suspend", _no_terminal)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.article.set_cursor(len(app.article.items) - 3)  # a mention far down the article
        await pilot.pause()
        before = app.current_position()
        await pilot.press("v")
        await _until(pilot, lambda: any("Reloaded" in m for m in _messages(app)))
        await pilot.pause()
        briefing = app.briefing
        assert briefing is not None
        assert briefing.sections[-1].blocks[-1].text == "An editor added this closing line."
        assert app.current_position() == before


async def test_an_editor_that_cannot_start_is_a_warning_and_the_file_is_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news, _ = _news(tmp_path)
    monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))
    app = BriefingApp(library=load_library([news]), store=StateStore(tmp_path / "state.json"))
    monkeypatch.setattr(app, "suspend", _no_terminal)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert any("Could not start the editor" in m for m in _messages(app))
        assert any("Unchanged on disk" in m for m in _messages(app))


async def test_v_is_greyed_out_for_standard_input() -> None:
    app = make_app(make_library(dataclasses.replace(alpha(), path=Path("-"))))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.check_action("edit_file", ()) is None


# -- --watch -------------------------------------------------------------------------------------


def _bump(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def _text(briefing: Briefing | None) -> str:
    """Every block of a briefing's text, one after another (none if it is not loaded)."""
    if briefing is None:
        return ""
    return "\n".join(block.text for section in briefing.sections for block in section.blocks)


def _watching(news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BriefingApp:
    """A reader of ``news`` started as with ``--watch``, looking every 0.1 s."""
    monkeypatch.setattr(tui.ui.watch, "WATCH_SECONDS", 0.1)
    app = BriefingApp([str(news)], store=StateStore(tmp_path / "state.json"))
    app.watching = True
    return app


async def test_watch_reloads_a_changed_file_adds_a_new_one_and_marks_a_deleted_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news, first = _news(tmp_path)
    second = news / "second.md"
    second.write_text("---\ntitle: Second report\n---\n\nThe ferry ran late.\n", encoding="utf-8")
    app = _watching(news, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: app.loading is None and app.briefing is not None)
        with first.open("a", encoding="utf-8") as handle:
            handle.write("\nA late paragraph arrived.\n")
        _bump(first)
        await _until(pilot, lambda: "A late paragraph arrived." in _text(app.library.briefing(str(first))))
        (news / "third.md").write_text("---\ntitle: Third report\n---\n\nNew text.\n", encoding="utf-8")
        await _until(pilot, lambda: app.library.briefing(str(news / "third.md")) is not None)
        second.unlink()
        await _until(pilot, lambda: str(second) in app.deleted_files)
        assert any("was deleted" in m for m in _messages(app))
        assert app.library.briefing(str(second)) is not None  # still readable


async def test_watch_loads_a_broken_file_once_it_is_fixed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news, _ = _news(tmp_path)
    broken = news / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    app = _watching(news, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: app.loading is None and app.library.has_errors)
        await pilot.pause(0.3)  # a first look records the broken file as it is
        broken.write_text("---\ntitle: Mended\n---\n\nBody.\n", encoding="utf-8")
        _bump(broken)
        await _until(pilot, lambda: app.library.briefing(str(broken)) is not None)
        assert not app.library.has_errors


def test_the_flags_reach_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    received: list[tuple[list[str], dict[str, bool]]] = []
    fake = types.ModuleType("tui.ui.app")

    def fake_run(paths: list[str], **flags: bool) -> int:
        received.append((paths, flags))
        return 0

    fake.run = fake_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.ui.app", fake)
    assert main(["--watch", "--accessible", "news"]) == 0
    assert main(["news"]) == 0
    assert received == [(["news"], {"watch": True, "accessible": True}),
                        (["news"], {"watch": False, "accessible": False})]


async def test_watching_leaves_the_text_of_unopened_briefings_unbuilt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each look for changes used to write out every briefing (Textual names a worker by its arguments)."""
    news, _ = _news(tmp_path)
    for n in range(3):
        text = f"---\ntitle: More {n}\n---\n\nThe ferry ran late.\n"
        (news / f"more-{n}.md").write_text(text, encoding="utf-8")
    load_library([news])  # fills the cache: the reader below starts warm
    app = _watching(news, tmp_path, monkeypatch)
    looks = 0
    scan = tui.ui.watch.scan

    def counted(*args: Any) -> Any:
        nonlocal looks
        looks += 1
        return scan(*args)

    monkeypatch.setattr(tui.ui.watch, "scan", counted)
    async with app.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: app.loading is None and looks >= 3)
        unopened = [b for b in app.library.briefings if b.key != app.current_key]
        assert len(unopened) >= 3 and all(b._body is not None for b in unopened)
