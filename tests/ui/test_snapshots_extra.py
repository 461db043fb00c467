"""SVG snapshots of the entity card, the help screen and hint mode (regenerate with ``--snapshot-update``).

Deterministic like the main snapshots: hand-built libraries, the default
theme, state in a temporary directory, and the config directory pinned to a
fixed (absent) path, because the help screen shows where the config lives.
The side panes are hidden first (``t``, ``T``), so these pictures change only
when the article, the footer or the screen they show changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.ui.conftest import BROKEN, alpha, beta, make_app, make_library

SIZE = (120, 40)
SnapCompare = Callable[..., Any]
PANES_OFF = ("t", "T")


@pytest.fixture(autouse=True)
def fixed_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", "/nonexistent/briefing-config")


def test_entity_card(snap_compare: SnapCompare) -> None:
    app = make_app(make_library(alpha(), beta(), errors=[BROKEN]))
    assert snap_compare(app, terminal_size=SIZE, press=[*PANES_OFF, "l", "enter", "j"])


def test_help_screen(snap_compare: SnapCompare) -> None:
    app = make_app(make_library(alpha(), beta()))
    assert snap_compare(app, terminal_size=SIZE, press=[*PANES_OFF, "question_mark"])


def test_hint_mode(snap_compare: SnapCompare) -> None:
    app = make_app(make_library(alpha(), beta()))
    assert snap_compare(app, terminal_size=SIZE, press=[*PANES_OFF, "f"])
