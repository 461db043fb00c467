"""The help screen lists every key the app has, from the bindings themselves, remaps included."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.pilot import Pilot

from tests.ui.conftest import make_app
from tui.model.library import Library
from tui.ui.app import BriefingApp
from tui.ui.article import ArticleView
from tui.ui.card import CardList, EntityCard
from tui.ui.help import HelpScreen, HelpTable
from tui.ui.hints import HintScreen
from tui.ui.keymap import declared_bindings
from tui.ui.search import SearchBar, SearchInput
from tui.ui.sidebar import EntityList, FilterBox

SIZE = (120, 40)
OURS = (BriefingApp, ArticleView, EntityList, FilterBox, EntityCard, CardList, SearchBar, SearchInput,
        HintScreen, HelpScreen, HelpTable)


def test_reader_keys_are_explained_in_a_sentence_not_only_a_footer_label() -> None:
    for binding in [b for cls in (BriefingApp, ArticleView, EntityCard) for b in declared_bindings(cls)]:
        assert binding.tooltip and len(binding.tooltip) > len(binding.description), binding.id


def test_every_binding_of_ours_has_an_id_and_a_description() -> None:
    for cls in OURS:
        for binding in declared_bindings(cls):
            assert binding.id, f"{cls.__name__}: {binding.key} has no id"
            assert binding.description, f"{cls.__name__}: {binding.id} has no description"
    ids = [b.id for cls in OURS for b in declared_bindings(cls)]
    assert len(ids) == len(set(ids)), "binding ids must be unique"


async def open_help(pilot: Pilot[int]) -> HelpScreen:
    """Press ``?``: the help screen is on top."""
    await pilot.press("question_mark")
    screen = pilot.app.screen
    assert isinstance(screen, HelpScreen)
    return screen


async def test_help_lists_every_binding_with_key_id_and_description(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        screen = await open_help(pilot)
        rows = screen.rows()
        by_id = {row[2]: row for row in rows}
        for cls in OURS:
            for binding in declared_bindings(cls):
                assert binding.id in by_id, f"{binding.id} missing from help"
                assert by_id[binding.id][1] == (binding.tooltip or binding.description)
        assert by_id["app.back"][0] == "^o  ⌫  alt+←"
        assert by_id["app.next_mention"][0] == "*"
        assert "into other briefings" in by_id["app.next_mention"][1]  # a sentence, not the Footer's label
        assert by_id["app.palette"][0] == "^p"
        titles = [row[0] for row in rows if not row[1]]
        assert titles[0] == "Everywhere"
        assert {"Article", "Entity card", "Find bar", "Hint mode", "Help screen"} <= set(titles)
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_every_id_shows_whole_in_a_120_column_terminal(library: Library) -> None:
    """The id is what config.toml remaps: cut off at the box's edge ("app.next_se") it is no use."""
    async with make_app(library).run_test(size=SIZE) as pilot:
        screen = await open_help(pilot)
        table = screen.query_one(HelpTable)
        ids = [row[2] for row in screen.rows() if row[2] not in ("", "—")]
        seen: set[str] = set()
        for _ in range(table.row_count // max(1, table.size.height - 2) + 2):  # page through the table
            await pilot.pause()
            shown = "\n".join(strip.text for strip in screen._compositor.render_strips())
            seen.update(found for found in ids if f" {found} " in shown)
            await pilot.press("pagedown")
        assert seen == set(ids)


async def test_help_shows_the_keys_the_config_remapped(library: Library, config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\n"app.search" = "ctrl+f"\n'
                                            '"card.close" = ["x", "escape"]\n')
    async with make_app(library).run_test(size=SIZE) as pilot:
        screen = await open_help(pilot)
        by_id = {row[2]: row for row in screen.rows()}
        assert by_id["app.search"][0] == "^f"
        assert by_id["card.close"][0] == "x  esc"
        assert str(config_dir / "config.toml") in str(screen.query_one("#help-config").render())


def test_declared_bindings_keep_compound_keys_together() -> None:
    keys = {b.id: b.key for b in declared_bindings(ArticleView)}
    assert keys["article.down"] == "j,down"
    assert all(isinstance(b, Binding) for b in declared_bindings(BriefingApp))
