"""Hint mode: labels on the visible mentions and quotes; typing one jumps there, as a recorded jump."""

from __future__ import annotations

from tests.ui.conftest import JANE, JOHN, SPRINGFIELD, alpha, briefing, make_app, make_library
from tui.model.entities import Location
from tui.model.library import Library
from tui.model.navigation import LinkKind
from tui.ui.app import BriefingApp
from tui.ui.hints import HintScreen, hint_labels

SIZE = (120, 40)


def test_labels_are_short_unique_and_none_starts_another() -> None:
    assert hint_labels(3) == ["s", "a", "d"]
    assert hint_labels(0) == []
    many = hint_labels(40)
    assert len(many) == len(set(many)) == 40
    assert all(len(label) == 2 for label in many)
    assert not any(a != b and b.startswith(a) for a in many for b in many)
    assert len(hint_labels(14 * 14 + 1)[0]) == 3


def hint_screen(app: BriefingApp) -> HintScreen:
    screen = app.screen
    assert isinstance(screen, HintScreen)
    return screen


async def test_typing_a_label_jumps_there_and_back_returns(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("f")
        screen = hint_screen(app)
        # Every linked item on screen has a label (the fixture briefing fits on one screen).
        assert sorted(screen.targets.values()) == list(range(len(app.article.items)))
        label = next(lab for lab, index in screen.targets.items()
                     if app.article.items[index].entity_id == JOHN.id)
        await pilot.press(*label)
        await pilot.pause()
        assert not isinstance(app.screen, HintScreen)
        item = app.article.cursor_item
        assert item is not None and item.entity_id == JOHN.id and item.location == Location(1, 1, 0, 8)
        assert app.current_entity == JOHN.id
        await pilot.press("ctrl+o")  # back to where the reader was: the top, no cursor
        assert app.article.cursor_item is None and app.history.can_forward
        await pilot.press("ctrl+i")
        assert app.article.cursor_item is not None and app.article.cursor_item.entity_id == JOHN.id


async def test_a_quote_label_puts_the_cursor_on_the_quote(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("f")
        screen = hint_screen(app)
        label = next(lab for lab, index in screen.targets.items()
                     if app.article.items[index].kind is LinkKind.QUOTE)
        await pilot.press(*label)
        await pilot.pause()
        item = app.article.cursor_item
        assert item is not None and item.kind is LinkKind.QUOTE


async def test_two_letter_labels_narrow_and_backspace_and_escape() -> None:
    long = alpha()
    long.sections[1].blocks.extend(long.sections[1].blocks[:2] * 4)
    crowded = briefing("news/crowded.md", "Crowded",
                       [(s.title, list(s.blocks)) for s in long.sections], [JANE, JOHN, SPRINGFIELD],
                       [("“We will hold the line,”", "Jane Doe")])
    async with make_app(make_library(crowded)).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("f")
        screen = hint_screen(app)
        assert len(screen.targets) > 14 and all(len(label) == 2 for label in screen.targets)
        first = sorted(screen.targets)[0]
        await pilot.press(first[0])
        assert screen.typed == first[0]
        shown = [label for label, widget in screen._labels.items() if widget.display]
        assert shown and all(label.startswith(first[0]) for label in shown)
        await pilot.press("z")  # not a hint letter: ignored
        await pilot.press("backspace")
        assert screen.typed == ""
        assert all(widget.display for widget in screen._labels.values())
        await pilot.press("escape")
        assert not isinstance(app.screen, HintScreen)
        assert app.article.cursor_item is None
        assert not app.history.can_back


async def test_nothing_on_screen_leaves_hint_mode_at_once() -> None:
    plain = briefing("news/plain.md", "Plain", [("", ["No names here at all."])])
    async with make_app(make_library(plain)).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f")
        await pilot.pause()
        assert not isinstance(app.screen, HintScreen)
        assert any("No mention or quote" in n.message for n in app._notifications)
