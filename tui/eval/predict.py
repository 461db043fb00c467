"""Predictions for the evaluation, obtained exactly as ``briefing extract`` obtains them.

Each article goes through :func:`tui.model.loader.load_library` (discovery,
parsing, section splitting, annotation), and the loaded briefing is turned
into the same dict that ``briefing extract --format json`` prints, so the
figures describe what a user of the command gets, not an internal API.
The time taken by the load is measured here too, for the words/s figure.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from tui.eval.gold import Annotation, prediction_from_dict
from tui.model.document import Briefing

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
    from tui.model.loader import load_library  # imported late: the loader may still be missing

    words = len(path.read_text(encoding="utf-8", errors="replace").split())
    started = time.perf_counter()
    library = load_library([path])
    seconds = time.perf_counter() - started
    errors = [str(error) for error in library.errors]
    result = Extraction(path, words, seconds, errors=errors)
    if library.briefings:
        result.output = briefing_dict(library.briefings[0])
        result.prediction = prediction_from_dict(result.output)
    elif not errors:
        result.errors.append(f"{path}: nothing loaded")
    return result


def briefing_dict(briefing: Briefing) -> dict[str, Any]:
    """One briefing as ``briefing extract`` prints it: the exporter's dict when it exists."""
    exporter = _exporter()
    if exporter is not None:
        return exporter(briefing)
    return _fallback_dict(briefing)


def _exporter() -> Callable[[Briefing], dict[str, Any]] | None:
    """The project's exporter (``tui.model.export``), looked up by the names it may use."""
    try:
        module = importlib.import_module("tui.model.export")
    except ImportError:
        return None
    for name in ("briefing_to_dict", "briefing_dict", "export_briefing"):
        function = getattr(module, name, None)
        if callable(function):
            return cast(Callable[[Briefing], dict[str, Any]], function)
    return None


def _fallback_dict(briefing: Briefing) -> dict[str, Any]:
    """The documented ``briefing extract`` fields, built directly while no exporter exists."""
    people: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    for mention in briefing.mentions:
        counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    for entity in briefing.entities.values():
        entry: dict[str, Any] = {"name": entity.name, "aliases": list(entity.aliases)}
        if entity.kind.value == "person":
            entry["role"] = entity.role
            entry["mentions"] = counts.get(entity.id, 0)
            people.append(entry)
        else:
            entry["kind"] = entity.place_kind.value if entity.place_kind else None
            entry["mentions"] = counts.get(entity.id, 0)
            places.append(entry)
    quotes = []
    for quote in briefing.quotes:
        speaker = briefing.entities.get(quote.speaker_id) if quote.speaker_id else None
        quotes.append({"speaker": speaker.name if speaker else None, "text": quote.text})
    return {
        "path": str(briefing.path),
        "title": briefing.title,
        "people": people,
        "places": places,
        "quotes": quotes,
    }
