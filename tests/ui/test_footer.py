"""The key bar greys keys out and back in without being rebuilt (a rebuild cost 30-50 ms a key)."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets._footer import FooterKey

from tests.ui.conftest import make_app
from tui.model.library import Library
from tui.ui.app import BriefingApp
from tui.ui.footer import QuickFooter

SIZE = (120, 40)


def footer_key(app: BriefingApp, action: str) -> FooterKey:
    footer = app.screen.query_one(QuickFooter)
    return next(key for key in footer.query(FooterKey) if key.action == action)


async def test_back_is_dimmed_until_a_jump_then_lit_in_place(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        back = footer_key(app, "history_back")
        assert back.has_class("-disabled")
        await pilot.press("right_square_bracket")  # next section: a jump Back can undo
        await pilot.pause()
        assert footer_key(app, "history_back") is back  # the same widget: not recomposed
        assert not back.has_class("-disabled")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert footer_key(app, "history_back").has_class("-disabled")
        assert not footer_key(app, "history_forward").has_class("-disabled")


async def test_the_bar_is_rebuilt_when_other_keys_show(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        await pilot.press("l", "enter")  # the card: its own bar, with its own keys
        await pilot.pause()
        assert footer_key(app, "close") is not None
        await pilot.press("escape")
        await pilot.pause()
        assert footer_key(app, "history_back") is not None


async def test_the_changes_of_start_up_rebuild_the_bar_once(library: Library) -> None:
    """Several binding changes before the bar is first built (mount, focus, first briefing): one build."""
    builds = 0
    build = QuickFooter.recompose

    async def counted(footer: QuickFooter) -> None:
        nonlocal builds
        builds += 1
        await build(footer)

    QuickFooter.recompose = counted  # type: ignore[method-assign]
    try:
        async with make_app(library).run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            assert footer_key(pilot.app, "history_back")  # type: ignore[arg-type]  (the bar is there)
    finally:
        QuickFooter.recompose = build  # type: ignore[method-assign]
    assert builds == 1


async def test_the_first_screen_drawn_already_has_the_articles_keys(library: Library) -> None:
    """Textual's Footer fills in after the first paint: the bar flashed empty, then grew its keys."""
    layouts: list[list[str]] = []  # the keys on the bar at each layout of the reader's screen
    layout = Screen._refresh_layout

    def recorded(screen: Screen[object], *args: object, **kwargs: object) -> None:
        if isinstance(screen.app, BriefingApp):
            layouts.append([key.action for key in screen.query(FooterKey)])
        layout(screen, *args, **kwargs)  # type: ignore[arg-type]

    Screen._refresh_layout = recorded  # type: ignore[assignment,method-assign]
    try:
        async with make_app(library).run_test(size=SIZE) as pilot:
            await pilot.pause()
            shown = [key.action for key in pilot.app.screen.query(FooterKey)]
    finally:
        Screen._refresh_layout = layout  # type: ignore[method-assign]
    assert "history_back" in layouts[0] and layouts[0] == shown


async def test_the_keys_are_styled_with_the_bar_not_one_by_one(library: Library) -> None:
    """A new key switched its compact look on and off as it mounted: two restyles of its own per key.

    Twenty keys made forty, ~14 ms before the first paint and at each change of
    focus. The keys still look as Textual draws them: the bar's own keys
    follow the bar, the command palette's key stays compact (the snapshots
    show both).
    """
    restyled: list[FooterKey] = []
    update = BriefingApp.update_styles

    def recorded(app: BriefingApp, node: object, animate: bool = True) -> None:
        if isinstance(node, FooterKey):
            restyled.append(node)
        update(app, node, animate)  # type: ignore[arg-type]

    BriefingApp.update_styles = recorded  # type: ignore[assignment,method-assign]
    try:
        async with make_app(library).run_test(size=SIZE) as pilot:
            await pilot.pause()
            footer = pilot.app.screen.query_one(QuickFooter)
            keys = list(footer.query(FooterKey))
            await pilot.press("tab")  # another pane, other keys: the bar is rebuilt
            await pilot.pause()
            rebuilt = list(pilot.app.screen.query_one(QuickFooter).query(FooterKey))
    finally:
        BriefingApp.update_styles = update  # type: ignore[method-assign]
    assert keys and rebuilt and set(rebuilt).isdisjoint(keys)
    assert restyled == []
    assert all(key.has_class("-compact") == key.has_class("-command-palette") for key in [*keys, *rebuilt])
