"""Predictions for the evaluation, obtained exactly as ``briefing extract`` obtains them.

Each article goes through :func:`tui.model.loader.load_library` (discovery,
parsing, section splitting, annotation), and the loaded briefing is turned
into the same dict that ``briefing extract --format json`` prints
(:func:`tui.model.export.briefing_to_dict`), so the
figures describe what a user of the command gets, not an internal API.
The time taken by the load is measured here too, for the words/s figure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.eval.gold import Annotation, prediction_from_dict
from tui.model.export import briefing_to_dict
from tui.model.loader import load_library

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass(slots=True)
class Extraction:
    """What the extractor made of one article, how long it took, and any load problems."""

    path: Path
    words: int
    seconds: float
    prediction: Annotation | None = None
    output: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)


def extract(path: Path) -> Extraction:
    """Load and annotate one article through the library loader, timing the whole load."""
    words = len(path.read_text(encoding="utf-8", errors="replace").split())
    started = time.perf_counter()
    library = load_library([path])
    seconds = time.perf_counter() - started
    errors = [str(error) for error in library.errors]
    result = Extraction(path, words, seconds, errors=errors)
    if library.briefings:
        result.output = briefing_to_dict(library.briefings[0], library)
        result.prediction = prediction_from_dict(result.output)
    elif not errors:
        result.errors.append(f"{path}: nothing loaded")
    return result
