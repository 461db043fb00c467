"""Predictions for the evaluation, obtained exactly as ``briefing extract`` obtains them.

Each article goes through :func:`tui.model.loader.load_library` (discovery,
parsing, section splitting, annotation), and the loaded briefing is turned
into the same dict that ``briefing extract --format json`` prints
(:func:`tui.model.export.briefing_to_dict`), so the
figures describe what a user of the command gets, not an internal API.

Speed is measured here too, always with the on-disk cache off: a cache hit
skips extraction altogether, so a timing that went through it would describe
the cache, not the extractor. Two figures: the whole load (read, parse,
split, annotate) and :func:`tui.model.extract.annotate` alone on the loaded
sections, which is the extractor's own speed. Both are CPU time of this
process (``time.process_time``): "one core" is what the target names, and on a
busy machine wall-clock time measures the other processes as much as ours.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.eval.gold import Annotation, prediction_from_dict
from tui.model.document import Briefing
from tui.model.entities import Origin
from tui.model.export import briefing_to_dict
from tui.model.extract import annotate
from tui.model.loader import load_library

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass(slots=True)
class Extraction:
    """What the extractor made of one article, how long it took, and any load problems.

    ``seconds`` is the whole uncached load; ``annotate_seconds`` the annotation alone.
    """

    path: Path
    words: int
    seconds: float
    annotate_seconds: float = 0.0
    prediction: Annotation | None = None
    output: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)


def extract(path: Path) -> Extraction:
    """Load and annotate one article through the library loader (no cache), timing load and annotation."""
    words = len(path.read_text(encoding="utf-8", errors="replace").split())
    started = time.process_time()
    library = load_library([path], cache=False)
    seconds = time.process_time() - started
    errors = [str(error) for error in library.errors]
    result = Extraction(path, words, seconds, errors=errors)
    if library.briefings:
        briefing = library.briefings[0]
        result.annotate_seconds = time_annotation(briefing)
        result.output = briefing_to_dict(briefing, library)
        result.prediction = prediction_from_dict(result.output)
    elif not errors:
        result.errors.append(f"{path}: nothing loaded")
    return result


def time_annotation(briefing: Briefing) -> float:
    """Seconds to annotate the briefing's sections again, with its declared entities, as the loader does."""
    declared = [  # copies: annotation may add aliases to a declared entity
        dataclasses.replace(entity, aliases=list(entity.aliases))
        for entity in briefing.entities.values()
        if entity.origin is Origin.DECLARED
    ]
    started = time.process_time()
    annotate(briefing.sections, declared, (), extract=briefing.extract)
    return time.process_time() - started
