"""From paths to a :class:`Library`: discovery, decoding, parsing, annotation, and every error.

The loader's contract is that it never raises: each file either becomes a
:class:`Briefing` or one or more :class:`LoadError`s (with warnings allowed
alongside a briefing), and one broken file never stops the others. Even an
unexpected exception while loading a file becomes a load error for that file.

Choices made here: an empty file (or one with only whitespace) is an error,
since there is nothing to show; invalid UTF-8 is a warning and the text is
decoded with replacement characters; control characters are removed at load
time (see :mod:`tui.model.decoding`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.model.cache import load_cached
from tui.model.decoding import MAX_BYTES, NotText, decode_bytes, decode_text
from tui.model.discovery import MARKDOWN_SUFFIXES, STDIN, discover, discover_lazily, os_message, sidecar_of
from tui.model.document import Briefing, LoadError, Section, Severity, SourceFormat
from tui.model.library import Library
from tui.model.prefill import load_many  # a cold library is parsed on every core

if TYPE_CHECKING:
    from tui.model.frontmatter import Metadata

# The parsers (markdown-it, PyYAML, the extractor: ~150 ms of imports) are imported by the
# functions that parse, on the first cache miss: a warm start never pays for them.

__all__ = ["bundled_content_dir", "discover", "discover_lazily", "load_file", "load_library", "load_text"]

MAX_SIDECAR_BYTES = 1024 * 1024
_MARKDOWN_HINT = re.compile(r"^(?:---[ \t]*$|#{1,6}[ \t])", re.MULTILINE)


def load_library(
    paths: Sequence[str | Path] = (), *, stdin: TextIO | None = None, cache: bool = True
) -> Library:
    """Load every briefing under ``paths`` (the bundled ones when empty; ``-`` reads ``stdin``).

    ``cache=False`` parses and annotates every file afresh, neither reading nor writing the
    on-disk cache: what a benchmark of the extractor needs.
    """
    chosen: Sequence[str | Path] = paths if paths else [bundled_content_dir()]
    files, errors = discover(chosen)
    briefings: list[Briefing] = []
    def load(path: Path) -> tuple[Briefing | None, list[LoadError]]:
        if str(path) == STDIN:
            return load_stdin(stdin if stdin is not None else sys.stdin)
        return load_file(path, cache=cache)

    with gc_paused(), contextlib.closing(
        load_many(files, load) if cache else (load(path) for path in files)
    ) as results:
        for briefing, problems in results:
            errors.extend(problems)
            if briefing is not None:
                briefings.append(briefing)
        library = Library()
        library.add(briefings, errors)
    return library


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while a library loads, then restore it.

    Loading makes objects that all live on (~200 per article), so every
    collection meanwhile rescans them for nothing: that was half of a warm
    1,000-article load (0.65 s with the collector, 0.35 s without). At the end
    they are moved out of the collector's way (``gc.freeze``, as the reader
    does after each batch), else the first collection after the pause scans
    them all at once (~0.1 s). They are frozen even when the collector was
    already off (a pause inside another, or the collector turned off by the
    user), since they live on all the same. Nesting is fine; only the outermost
    pause turns the collector back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


Early = Callable[[Briefing], object]
"""Called with a parsed briefing before it is annotated (a copy: the text, no people or places yet)."""


def load_file(
    path: Path, *, cache: bool = True, early: Early | None = None
) -> tuple[Briefing | None, list[LoadError]]:
    """Load one file (from the cache when unchanged, unless ``cache`` is off); never raises.

    Failures become "internal error"s. ``early``, if given, is called with the
    text before annotation starts when the file has to be parsed (a cache miss),
    so a reader can show it at once and the annotated briefing later.
    """

    def parse(path: Path, data: bytes | None) -> tuple[Briefing | None, list[LoadError]]:
        return _load_file(path, data, early)

    try:
        return load_cached(Path(path), parse) if cache else parse(Path(path), None)
    except Exception as error:  # the contract: a load error, never a traceback
        return None, [LoadError(str(path), f"internal error: {type(error).__name__}: {error}")]


def load_stdin(stream: TextIO) -> tuple[Briefing | None, list[LoadError]]:
    """Load a briefing piped on standard input: Markdown if it looks like it, raw text otherwise."""
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                return None, [LoadError(STDIN, _too_large(len(data)))]
            decoded = decode_bytes(data)
        else:
            decoded = decode_text(stream.read(MAX_BYTES + 1))
        text, warnings = decoded.text, decoded.warnings
        fmt = SourceFormat.MARKDOWN if _MARKDOWN_HINT.search(text) else SourceFormat.TEXT
        problems = [LoadError(STDIN, message, line, Severity.WARNING) for line, message in warnings]
        briefing, more = load_text(text, Path(STDIN), fmt)
        return briefing, problems + more
    except NotText as error:
        return None, [LoadError(STDIN, str(error))]
    except Exception as error:  # the contract: a load error, never a traceback
        return None, [LoadError(STDIN, f"internal error: {type(error).__name__}: {error}")]


def bundled_content_dir() -> Path:
    """The bundled briefings: the installed ``tui.content`` package, else ``content/`` in a checkout."""
    installed = _installed_content()
    if installed is not None:
        return installed
    return Path(__file__).resolve().parents[2] / "content"


def _installed_content() -> Path | None:
    """Where the wheel put ``tui.content``, if it is importable and on disk.

    ``content/`` has no ``__init__.py``, so it is a namespace package and
    ``files()`` returns a ``MultiplexedPath``; joining ``"."`` gives a real path.
    """
    import importlib.resources  # here: ~2 ms of every start-up otherwise, and only this needs it

    try:
        resource = importlib.resources.files("tui.content")
    except (ImportError, TypeError, ValueError):
        return None
    for candidate in (resource.joinpath("."), resource):
        if isinstance(candidate, Path) and candidate.is_dir():
            return candidate.resolve()
    return None


def _load_file(
    path: Path, data: bytes | None = None, early: Early | None = None
) -> tuple[Briefing | None, list[LoadError]]:
    """Decode, parse and annotate ``path``; ``data`` is its bytes when the cache has read them already."""
    name = str(path)
    if data is None:
        try:
            if path.is_dir():
                return None, [LoadError(name, "is a directory, not a briefing file")]
            size = path.stat().st_size
            if size > MAX_BYTES:
                return None, [LoadError(name, _too_large(size))]
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            return None, [LoadError(name, os_message(error))]
    if len(data) > MAX_BYTES:
        return None, [LoadError(name, _too_large(len(data)))]
    try:
        decoded = decode_bytes(data)
    except NotText as error:
        return None, [LoadError(name, str(error))]
    problems = [LoadError(name, message, line, Severity.WARNING) for line, message in decoded.warnings]
    fmt = SourceFormat.MARKDOWN if path.suffix.casefold() in MARKDOWN_SUFFIXES else SourceFormat.TEXT
    briefing, more = load_text(decoded.text, path, fmt, early)
    return briefing, problems + more


def load_text(
    text: str, path: Path, fmt: SourceFormat, early: Early | None = None
) -> tuple[Briefing | None, list[LoadError]]:
    """Parse already-decoded, cleaned text as a Markdown or raw briefing and annotate it."""
    name = str(path)
    if not text.strip():
        return None, [LoadError(name, "empty file: there is nothing to read")]
    if fmt is SourceFormat.MARKDOWN:
        briefing, problems = _markdown(text, path, early)
    else:
        briefing, problems = _raw(text, path, early)
    if briefing is None:
        return None, problems
    if not briefing.sections:
        problems.append(LoadError(name, "the briefing has no text, only metadata", severity=Severity.WARNING))
    return briefing, problems


def _markdown(text: str, path: Path, early: Early | None) -> tuple[Briefing | None, list[LoadError]]:
    from tui.model.frontmatter import FrontMatterError, Metadata, parse_metadata, split_front_matter
    from tui.model.markdown import parse_markdown
    from tui.model.sectioning import group_blocks

    name = str(path)
    try:
        split = split_front_matter(text)
    except FrontMatterError as error:
        return None, [LoadError(name, error.message, error.line)]
    metadata: Metadata | None = Metadata()
    problems: list[LoadError] = []
    if split.yaml_text is not None:
        metadata, problems = parse_metadata(split.yaml_text, path=name, first_line=split.yaml_line)
    if metadata is None:
        return None, problems
    parsed = parse_markdown(split.body, first_line=split.body_line, title=metadata.title)
    sections = parsed.sections
    title = metadata.title or parsed.heading_title or _title_from(sections, path)
    if parsed.degraded:
        message = "Markdown nested too deeply to format; the body is shown as plain paragraphs"
        problems.append(LoadError(name, message, split.body_line, Severity.WARNING))
    if not parsed.has_headings and len(sections) == 1:
        grouped = group_blocks(sections[0].blocks, fallback_title=title)
        sections = grouped if len(grouped) > 1 else sections
    return _annotated(path, title, sections, metadata, SourceFormat.MARKDOWN, problems, early)


def _raw(text: str, path: Path, early: Early | None) -> tuple[Briefing | None, list[LoadError]]:
    from tui.model.frontmatter import Metadata
    from tui.model.rawtext import parse_raw

    metadata: Metadata | None = Metadata()
    problems: list[LoadError] = []
    sidecar = sidecar_of(path)
    if sidecar is not None:
        metadata, problems = _load_sidecar(sidecar)
    if metadata is None:
        return None, problems
    article = parse_raw(text, title=metadata.title, fallback_title=_humanise(path))
    return _annotated(path, article.title, article.sections, metadata, SourceFormat.TEXT, problems, early)


def _annotated(
    path: Path,
    title: str,
    sections: list[Section],
    metadata: Metadata,
    fmt: SourceFormat,
    problems: list[LoadError],
    early: Early | None = None,
) -> tuple[Briefing, list[LoadError]]:
    """Build the briefing and run annotation; an extractor failure costs the annotations, not the text."""
    from tui.model.extract import annotate

    briefing = Briefing(
        path=path,
        title=title,
        sections=sections,
        format=fmt,
        date=metadata.date,
        source=metadata.source,
        url=metadata.url,
        summary=metadata.summary,
        tags=metadata.tags,
        extract=metadata.extract,
    )
    if early is not None:
        early(dataclasses.replace(briefing))  # the copy stays as it is while this one is annotated
    try:
        result = annotate(sections, metadata.declared, metadata.quotes, extract=metadata.extract)
    except Exception as error:  # keep the text readable even if the extractor trips
        message = f"internal error while finding people, places and quotes: {type(error).__name__}: {error}"
        problems.append(LoadError(str(path), message, severity=Severity.WARNING))
        return briefing, problems
    briefing.entities = dict(result.entities)
    briefing.mentions = list(result.mentions)
    briefing.quotes = list(result.quotes)
    problems.extend(LoadError(str(path), warning, severity=Severity.WARNING) for warning in result.warnings)
    return briefing, problems


def _load_sidecar(sidecar: Path) -> tuple[Metadata | None, list[LoadError]]:
    from tui.model.frontmatter import parse_metadata

    name = str(sidecar)
    try:
        with sidecar.open("rb") as handle:
            data = handle.read(MAX_SIDECAR_BYTES + 1)
    except OSError as error:
        return None, [LoadError(name, os_message(error))]
    if len(data) > MAX_SIDECAR_BYTES:
        return None, [LoadError(name, "sidecar is too large (the limit is 1 MB)")]
    try:
        decoded = decode_bytes(data)
    except NotText as error:
        return None, [LoadError(name, str(error))]
    warnings = [LoadError(name, message, line, Severity.WARNING) for line, message in decoded.warnings]
    metadata, problems = parse_metadata(decoded.text, path=name, first_line=1)
    return metadata, warnings + problems


def _title_from(sections: list[Section], path: Path) -> str:
    """A title for Markdown with none declared: the first sentence, else the file name."""
    from tui.model.rawtext import first_sentence

    for section in sections:
        for block in section.blocks:
            sentence = first_sentence(block.text)
            if sentence:
                return sentence
    return _humanise(path)


def _humanise(path: Path) -> str:
    """``kursk-visit_notes.md`` reads as "Kursk visit notes"."""
    if str(path) == STDIN:
        return "Standard input"
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else path.name


def _too_large(size: int) -> str:
    return f"file is too large ({size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB)"
