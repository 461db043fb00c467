"""What was loaded, as plain data: the stable output of ``briefing extract``, reused by the eval harness.

The shape is documented in the README and must not change without a note there::

    {"briefings": [{"path", "title", "date",
                    "sections": [{"title", "paragraphs"}],
                    "people": [{"name", "aliases", "role", "mentions"}],
                    "places": [{"name", "aliases", "kind", "mentions"}],
                    "quotes": [{"speaker", "text"}]}],
     "errors": [{"path", "line", "message"}]}

* ``date`` is ISO ``YYYY-MM-DD`` or null; ``paragraphs`` are the texts of the
  section's paragraphs, list items and block-quote paragraphs (scraped credits
  left out).
* People and places come in order of first mention (unmentioned declared ones
  last, by name); ``aliases`` are the surface forms found in that briefing's
  text, possessive endings removed, in order of first appearance;
  ``mentions`` is how many times the text mentions the entity.
* ``speaker`` is the speaker's canonical name (library-wide when a library is
  given) or null.
* ``errors`` lists every problem; a warning's message starts with ``warning: ``.

Serialisers here also make sure no control or escape character from an article
reaches a terminal raw: JSON and YAML escape them, and :func:`printable`
cleans strings for plain-text output.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.model.document import BlockKind, Briefing, LoadError, Severity
from tui.model.entities import Entity, EntityKind
from tui.model.library import Library

# C0/C1 controls, DEL, and the invisible format characters that can reorder or hide text (bidi
# overrides, zero-width characters, byte-order mark, tag characters).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_UNSAFE_IN_DOCUMENT = re.compile(_UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))
"""The same, minus the newline that JSON and YAML use for layout (inside strings they escape it)."""
_POSSESSIVE = re.compile(r"['’]s?$")


def printable(text: str) -> str:
    """``text`` safe for one line of terminal output: tabs become spaces, other controls visible escapes."""
    text = text.replace("\t", " ")
    return _UNSAFE.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dump_json(data: Any) -> str:
    """Indented JSON, UTF-8 text kept readable, every control or invisible character escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json leaves DEL, C1 controls and format characters raw; they only occur inside strings,
    # where a \\u escape is valid and means the same.
    return _UNSAFE_IN_DOCUMENT.sub(lambda m: _json_escape(m.group()), text) + "\n"


def dump_yaml(data: Any) -> str:
    """Block-style YAML in the same order as the JSON; falls back to escaped ASCII if text is unsafe."""
    import yaml

    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000)
    if _UNSAFE_IN_DOCUMENT.search(text):
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=False, width=1_000_000)
    return text


def surface_form(entity: Entity, text: str) -> str:
    """The alias a mention's text stands for: "Lind’s" is the surface form "Lind" (here and in exports)."""
    bare = _POSSESSIVE.sub("", text)
    if bare != text and (bare in entity.aliases or bare == entity.name):
        return bare
    return text


def _canonical(entity_id: str, briefing: Briefing, library: Library | None) -> str | None:
    if library is not None:
        entry = library.entity(entity_id)
        if entry is not None:
            return entry.entity.name
    entity = briefing.entities.get(entity_id)
    return entity.name if entity else None


def _entities(briefing: Briefing, kind: EntityKind, library: Library | None) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    aliases: dict[str, list[str]] = {}
    for mention in briefing.mentions:
        entity = briefing.entities.get(mention.entity_id)
        if entity is None or entity.kind is not kind:
            continue
        counts[entity.id] = counts.get(entity.id, 0) + 1
        forms = aliases.setdefault(entity.id, [])
        form = surface_form(entity, mention.text)
        if form not in forms:
            forms.append(form)
    unmentioned = sorted(
        (e for e in briefing.entities.values() if e.kind is kind and e.id not in counts),
        key=lambda e: e.name.casefold(),
    )
    rows: list[dict[str, Any]] = []
    for entity in [*(briefing.entities[i] for i in counts), *unmentioned]:
        row: dict[str, Any] = {
            "name": _canonical(entity.id, briefing, library) or entity.name,
            "aliases": aliases.get(entity.id, []),
        }
        if kind is EntityKind.PERSON:
            row["role"] = entity.role
        else:
            row["kind"] = entity.place_kind.value if entity.place_kind else None
        row["mentions"] = counts.get(entity.id, 0)
        rows.append(row)
    return rows


def briefing_to_dict(briefing: Briefing, library: Library | None = None) -> dict[str, Any]:
    """One briefing in the documented ``extract`` shape (see the module docstring)."""
    sections = [
        {
            "title": section.title,
            "paragraphs": [block.text for block in section.blocks if block.kind is not BlockKind.CREDITS],
        }
        for section in briefing.sections
    ]
    quotes = [
        {"speaker": _canonical(q.speaker_id, briefing, library) if q.speaker_id else None, "text": q.text}
        for q in briefing.quotes
    ]
    return {
        "path": briefing.key,
        "title": briefing.title,
        "date": briefing.date.isoformat() if briefing.date else None,
        "sections": sections,
        "people": _entities(briefing, EntityKind.PERSON, library),
        "places": _entities(briefing, EntityKind.PLACE, library),
        "quotes": quotes,
    }


def error_to_dict(error: LoadError) -> dict[str, Any]:
    """A load problem as ``{"path", "line", "message"}``; warnings say so at the start of the message."""
    prefix = "warning: " if error.severity is Severity.WARNING else ""
    return {"path": error.path, "line": error.line, "message": prefix + error.message}


def library_to_dict(library: Library) -> dict[str, Any]:
    """The whole ``extract`` document: every briefing in library order, then every problem."""
    return {
        "briefings": [briefing_to_dict(briefing, library) for briefing in library.briefings],
        "errors": [error_to_dict(error) for error in library.errors],
    }
