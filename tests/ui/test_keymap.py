"""Remapping keys in config.toml: the new keys work, the old ones stop, a bad config is only a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from tests.ui.conftest import JANE, make_app
from tui.model.library import Library
from tui.ui.app import BriefingApp
from tui.ui.keymap import config_path, read_keymap
from tui.ui.search import SearchBar

SIZE = (120, 40)
IDS = {"app.search", "article.next_item", "article.previous_item", "card.close"}


def write(config_dir: Path, text: str) -> Path:
    config_dir.mkdir(exist_ok=True)
    path = config_dir / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_config_lives_where_the_environment_says(config_dir: Path) -> None:
    assert config_path() == config_dir / "config.toml"


def test_a_missing_file_is_no_keymap_and_no_warning(tmp_path: Path) -> None:
    assert read_keymap(tmp_path / "nothing.toml", IDS) == ({}, [])


def test_strings_and_lists_of_keys_are_read(config_dir: Path) -> None:
    path = write(config_dir, '[keys]\n"app.search" = "ctrl+f"\n"article.next_item" = ["x", "tab"]\n'
                             '"card.close" = "q, escape"\n')
    keymap, warnings = read_keymap(path, IDS)
    assert keymap == {"app.search": "ctrl+f", "article.next_item": "x,tab", "card.close": "q,escape"}
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[keys]\n"app.search" = \n', "not valid TOML"),
        ("keys = 3\n", "[keys] must be a table"),
        ('[keys]\n"app.serch" = "x"\n', "no key has the id 'app.serch'"),
        ('[keys]\n"app.search" = 3\n', "a key must be a string"),
        ('[keys]\n"app.search" = "ctrl f"\n', "a key must be a string"),
        ('[keys]\n"app.search" = ""\n', "a key must be a string"),
    ],
)
def test_bad_configs_are_warnings_that_name_the_file(config_dir: Path, text: str, expected: str) -> None:
    path = write(config_dir, text)
    keymap, warnings = read_keymap(path, IDS)
    assert keymap == {}
    assert len(warnings) == 1 and expected in warnings[0] and str(path) in warnings[0]


def test_not_utf8_is_a_warning(config_dir: Path) -> None:
    config_dir.mkdir()
    path = config_dir / "config.toml"
    path.write_bytes(b"[keys]\n\xff\xfe = 1\n")
    assert "not UTF-8" in read_keymap(path, IDS)[1][0]


async def test_remapped_keys_work_and_the_old_ones_stop(library: Library, config_dir: Path) -> None:
    write(config_dir, '[keys]\n"article.next_item" = "x"\n"app.search" = "ctrl+f"\n')
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l")
        assert app.article.cursor_item is None  # l no longer moves the cursor
        await pilot.press("x")
        assert app.article.cursor_item is not None and app.article.cursor_item.entity_id == JANE.id
        await pilot.press("slash")
        assert not app.query(SearchBar)
        await pilot.press("ctrl+f")
        assert app.query(SearchBar)
        assert not app._notifications  # a good config says nothing


async def test_keys_typed_after_a_remapped_find_key_go_to_the_bar(library: Library, config_dir: Path) -> None:
    write(config_dir, '[keys]\n"app.search" = "ctrl+f, ctrl+g"\n')  # a space after the comma, as people write
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        for key, character in (("ctrl+g", None), ("D", "D"), ("o", "o"), ("e", "e"), ("enter", "\r")):
            app.post_message(events.Key(key, character))  # in one go, before the bar is there
        for _ in range(3):
            await pilot.pause()
        bar = app.query_one(SearchBar)
        assert bar.query_text == "Doe" and bar.matches
        for key, character in (("ctrl+g", None), ("R", "R"), ("o", "o"), ("e", "e"), ("enter", "\r")):
            app.post_message(events.Key(key, character))  # again, the bar open: a new query in one go
        for _ in range(3):
            await pilot.pause()
        assert bar.query_text == "Roe" and bar.matches


async def test_a_bad_config_is_a_warning_and_the_rest_applies(library: Library, config_dir: Path) -> None:
    write(config_dir, '[keys]\n"no.such.key" = "z"\n"article.next_item" = "x"\n')
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "no.such.key" in warnings[0].message
        await pilot.press("x")
        assert app.article.cursor_item is not None


async def test_broken_toml_does_not_stop_the_reader(library: Library, config_dir: Path) -> None:
    write(config_dir, "[keys\nthis is not toml")
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        assert app.is_running
        assert any("not valid TOML" in n.message for n in app._notifications)
        await pilot.press("l")  # the default keys still work
        assert app.article.cursor_item is not None
