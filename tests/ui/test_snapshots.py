"""SVG snapshots of the reader at a fixed size and theme (regenerate with ``--snapshot-update``).

Deterministic by construction: hand-built libraries (no loader, no clock),
the default theme pinned by the app, and state in a temporary directory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.ui.conftest import BROKEN, alpha, beta, hostile, make_app, make_library

SIZE = (120, 36)
SnapCompare = Callable[..., Any]


def test_main_screen_with_the_cursor_on_a_mention(snap_compare: SnapCompare) -> None:
    app = make_app(make_library(alpha(), beta(), errors=[BROKEN]))
    assert snap_compare(app, terminal_size=SIZE, press=["l", "l"])


def test_a_load_error(snap_compare: SnapCompare) -> None:
    app = make_app(make_library(alpha(), errors=[BROKEN]))

    async def open_error(pilot: Any) -> None:
        pilot.app.open_error(BROKEN.path)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_error)


def test_hostile_text_shown_literally(snap_compare: SnapCompare) -> None:
    app = make_app(make_library(hostile()))
    assert snap_compare(app, terminal_size=SIZE)
