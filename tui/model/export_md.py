"""``briefing export``: each briefing written out with its annotations, for an editor to correct and keep.

Markdown export is the original file with its front matter filled in from
what was found: ``people`` (name, aliases, role), ``places`` (name, aliases,
kind, country, coords) and ``quotes`` (speaker, text), in the schema of
:mod:`tui.model.frontmatter`, and ``extract: off``, so that loading the file
back takes exactly those annotations as curated and the extractor's guesses
cannot come back after an editor deleted them. The author's own keys (title,
date, tags, and any others) are kept as written; the body is kept byte for byte.
A raw ``.txt`` (or stdin) has no Markdown body to keep, so one is written from
its sections: ``##`` headings, one paragraph per block, every character escaped
(:mod:`tui.model.mdwrite`) so the text loads back the same.

JSON export is the ``briefing extract`` document (:mod:`tui.model.export`) of
each file on its own.

Files go to an output directory, never over a source: :func:`plan_targets`
keeps the layout under each directory given and refuses a target that is a
file being exported.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tui.model.decoding import decode_bytes
from tui.model.discovery import MARKDOWN_SUFFIXES, STDIN, sidecar_of
from tui.model.document import BlockKind, Briefing, SourceFormat
from tui.model.entities import Entity, EntityKind
from tui.model.export import briefing_to_dict, dump_json, dump_yaml, error_to_dict, surface_form
from tui.model.extract.names import entity_id
from tui.model.frontmatter import split_front_matter
from tui.model.library import Library
from tui.model.mdwrite import inline
from tui.model.yamlsafe import SafeLoader, YamlProblem, compose_bounded

ANNOTATION_KEYS = ("people", "places", "quotes", "extract")
"""Front-matter keys the export writes; every other key the author gave is kept."""
_METADATA_ORDER = ("title", "date", "source", "url", "summary", "tags")


@dataclass(frozen=True, slots=True)
class Source:
    """What the briefing was loaded from: the author's metadata mapping, and the Markdown body to keep."""

    metadata: dict[str, Any]
    body: str | None


def read_source(briefing: Briefing) -> Source:
    """The original front matter (or ``.txt`` sidecar) as data and, for Markdown, the body text.

    A file that can no longer be read (deleted, stdin) gives an empty mapping
    and no body: the export is then written from what was loaded.
    """
    path = briefing.path
    if str(path) == STDIN:
        return Source({}, None)
    try:
        text = decode_bytes(path.read_bytes()).text
    except (OSError, ValueError):
        return Source({}, None)
    if briefing.format is SourceFormat.MARKDOWN and path.suffix.casefold() in MARKDOWN_SUFFIXES:
        split = split_front_matter(text)
        return Source(_mapping(split.yaml_text), split.body)
    sidecar = sidecar_of(path)
    if sidecar is not None:
        with contextlib.suppress(OSError, ValueError):
            return Source(_mapping(decode_bytes(sidecar.read_bytes()).text), None)
    return Source({}, None)


def _mapping(yaml_text: str | None) -> dict[str, Any]:
    """Front matter as plain data (bounded first, as the loader does); anything else is no metadata."""
    if not yaml_text:
        return {}
    try:
        compose_bounded(yaml_text)
        data = yaml.load(yaml_text, Loader=SafeLoader)  # the safe loader; bounds checked above
    except (YamlProblem, yaml.YAMLError):
        return {}
    return {str(key): value for key, value in data.items()} if isinstance(data, dict) else {}


# -- front matter --------------------------------------------------------------------------------


def _declared_name(entity: Entity) -> str:
    """A name that yields the entity's own id when declared, so the reloaded entity is the same one."""
    for name in (entity.name, *entity.aliases):
        if entity_id(entity.kind, name) == entity.id:
            return name
    return entity.name


def _surface_forms(briefing: Briefing, entity: Entity) -> list[str]:
    """Every form the text names the entity by ("Lind’s" counts as "Lind"), in reading order."""
    forms = (surface_form(entity, m.text) for m in briefing.mentions if m.entity_id == entity.id)
    return list(dict.fromkeys(forms))


def _entity_entry(briefing: Briefing, entity: Entity) -> dict[str, Any]:
    name = _declared_name(entity)
    aliases = [a for a in dict.fromkeys([*entity.aliases, *_surface_forms(briefing, entity)]) if a != name]
    entry: dict[str, Any] = {"name": name}
    if aliases:
        entry["aliases"] = aliases
    if entity.kind is EntityKind.PERSON:
        if entity.role:
            entry["role"] = entity.role
    else:
        if entity.place_kind is not None:
            entry["kind"] = entity.place_kind.value
        if entity.country:
            entry["country"] = entity.country
        if entity.coords is not None:
            entry["coords"] = [round(entity.coords[0], 5), round(entity.coords[1], 5)]
    if entity.note:
        entry["note"] = entity.note
    return entry


def _entities(briefing: Briefing, kind: EntityKind) -> list[dict[str, Any]]:
    """Entities of one kind in order of first mention, then the unmentioned ones by name."""
    order = list(dict.fromkeys(m.entity_id for m in briefing.mentions))
    rank = {key: index for index, key in enumerate(order)}
    chosen = [e for e in briefing.entities.values() if e.kind is kind]
    chosen.sort(key=lambda e: (rank.get(e.id, len(rank)), e.name.casefold()))
    return [_entity_entry(briefing, entity) for entity in chosen]


def _quotes(briefing: Briefing, library: Library | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for quote in briefing.quotes:
        row: dict[str, Any] = {}
        speaker = briefing.entities.get(quote.speaker_id) if quote.speaker_id else None
        if speaker is not None:
            row["speaker"] = _declared_name(speaker)
        elif quote.speaker_id and library is not None and (entry := library.entity(quote.speaker_id)):
            row["speaker"] = _declared_name(entry.entity)
        row["text"] = quote.text
        rows.append(row)
    return rows


def front_matter(briefing: Briefing, source: Source, library: Library | None = None) -> dict[str, Any]:
    """The exported metadata: the author's keys as given, the loaded metadata filled in, then annotations."""
    data = {key: value for key, value in source.metadata.items() if key not in ANNOTATION_KEYS}
    known: dict[str, Any] = {
        "title": briefing.title if source.body is None else None,  # a Markdown title lives in its body
        "date": briefing.date,
        "source": briefing.source,
        "url": briefing.url,
        "summary": briefing.summary,
        "tags": list(briefing.tags) or None,
    }
    ordered = {key: data.pop(key, known[key]) for key in _METADATA_ORDER}
    result = {key: value for key, value in ordered.items() if value is not None}
    result.update(data)
    people = _entities(briefing, EntityKind.PERSON)
    places = _entities(briefing, EntityKind.PLACE)
    quotes = _quotes(briefing, library)
    for key, value in (("people", people), ("places", places), ("quotes", quotes)):
        if value:
            result[key] = value
    result["extract"] = "off"
    return result


# -- bodies --------------------------------------------------------------------------------------


def body_from_sections(briefing: Briefing) -> str:
    """A Markdown body for a briefing that has none to keep: ``##`` per section, escaped blocks."""
    parts: list[str] = []
    for number, section in enumerate(briefing.sections):
        if number > 0 or section.title.strip() != briefing.title.strip():
            parts.append(f"## {inline(section.title) or 'Untitled section'}")
        for block in section.blocks:
            text = inline(block.text)
            if not text:
                continue
            if block.kind is BlockKind.LIST_ITEM:
                marker = f"{block.ordinal}." if block.ordinal is not None else "-"
                parts.append(f"{'  ' * block.depth}{marker} {text}")
            elif block.kind is BlockKind.QUOTE:
                parts.append(f"> {text}")
            else:
                parts.append(text)
    return "\n\n".join(parts) + "\n"


def briefing_markdown(
    briefing: Briefing, library: Library | None = None, source: Source | None = None
) -> str:
    """The briefing as Markdown with annotated front matter (see the module docstring)."""
    source = source if source is not None else read_source(briefing)
    metadata = dump_yaml(front_matter(briefing, source, library))
    body = source.body if source.body is not None else "\n" + body_from_sections(briefing)
    return f"---\n{metadata}---\n{body}"


def briefing_json(briefing: Briefing, library: Library) -> str:
    """The ``briefing extract`` document for this one file: the briefing and its own problems."""
    errors = [error_to_dict(e) for e in library.errors if e.path == briefing.key]
    return dump_json({"briefings": [briefing_to_dict(briefing, library)], "errors": errors})


# -- where files go ------------------------------------------------------------------------------


def _relative(path: Path, roots: Sequence[Path]) -> Path:
    """The path under the (resolved) folder it was found in, so ``news/a.md`` and ``old/a.md`` stay apart."""
    if str(path) == STDIN:
        return Path("stdin")
    resolved = path.resolve()
    for root in roots:
        try:
            return resolved.relative_to(root)
        except ValueError:
            continue
    return Path(path.name)


def plan_targets(
    briefings: Sequence[Briefing], roots: Sequence[Path], out_dir: Path, suffix: str
) -> tuple[dict[str, Path], list[str]]:
    """Where each briefing is written (by key), and why any is refused.

    ``roots`` are the directories given on the command line. A raw ``.txt``
    becomes ``.md``; two files that would land on one name get ``-2``, ``-3``;
    a target that is one of the source files, or would sit in a source's own
    folder (where the next load would read it as a second copy), is refused.
    """
    sources = {b.path.resolve() for b in briefings if str(b.path) != STDIN}
    taken: set[Path] = set()
    targets: dict[str, Path] = {}
    refused: list[str] = []
    folders = [root.resolve() for root in roots if root.is_dir()]  # once, not per briefing
    for briefing in briefings:
        relative = _relative(briefing.path, folders).with_suffix(suffix)
        target = out_dir / relative
        count = 1
        while (resolved := target.resolve()) in taken:
            count += 1
            target = out_dir / relative.with_name(f"{relative.stem}-{count}{suffix}")
        beside = str(briefing.path) != STDIN and target.parent.resolve() == briefing.path.parent.resolve()
        if resolved in sources or beside:
            why = "is a source file" if resolved in sources else "would sit beside its source"
            refused.append(f"{briefing.key}: not exported: {target} {why} (choose another -o DIR)")
            continue
        taken.add(resolved)
        targets[briefing.key] = target
    return targets, refused
