"""Fixtures for every test: nothing a test loads may touch the user's real cache directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the briefing cache at a fresh temporary directory (the loader caches what it parses)."""
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(directory))
    yield directory
