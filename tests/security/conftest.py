"""Every security test runs with its state, cache and config in a temporary folder, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV_DIRS = ("BRIEFING_STATE_DIR", "BRIEFING_CACHE_DIR", "BRIEFING_CONFIG_DIR")


@pytest.fixture(autouse=True, scope="session")
def private_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Session-wide (so hypothesis tests may use it): state, cache and config under one temporary root."""
    root = tmp_path_factory.mktemp("briefing-dirs")
    saved = {name: os.environ.get(name) for name in ENV_DIRS}
    for name in ENV_DIRS:
        os.environ[name] = str(root / name.split("_")[1].lower())
    yield root
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
