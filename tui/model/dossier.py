"""A dossier: everything the library says about one person or place, as a Markdown document.

What someone following a story pastes into notes or sends on: the name and
other names, the roles each briefing gives, the briefings in date order, every
mention with the sentence it is in, every quote with the briefing it came
from. ``briefing dossier NAME`` prints it; the entity card saves or copies it.

Names are found the way entity ids are made (:func:`tui.model.extract.names.fold_key`),
so case, accents and transliteration habits do not matter: ``zelenskyy`` finds
"Volodymyr Zelensky". Every article string goes through
:func:`tui.model.mdwrite.inline`, so the dossier renders as the articles said.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from tui.model.document import Briefing
from tui.model.entities import EntityKind, Location, Quote
from tui.model.extract.names import ascii_fold, entity_id, fold_key
from tui.model.library import Library, LibraryEntity
from tui.model.mdwrite import inline
from tui.model.textsearch import keyword_in_context
from tui.model.timeline import Timeline, TimelinePoint, timeline

_WHOLE_SENTENCE = 100_000
"""A limit keyword_in_context never reaches: the dossier keeps whole sentences."""


@dataclass(slots=True)
class NameMatch:
    """What a name given by the user stands for: one entity, several (ambiguous), or none and the nearest."""

    found: LibraryEntity | None = None
    candidates: list[LibraryEntity] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def find_entity(library: Library, name: str) -> NameMatch:
    """The person or place ``name`` means, by canonical name, then alias, then a word of the name.

    ``person:NAME`` or ``place:NAME`` (or an exact entity id) settles a name
    that is both. At each step one match wins and several are ambiguous; with
    none at all, the closest names are suggested.
    """
    text = name.strip()
    kinds = list(EntityKind)
    prefix, _, rest = text.partition(":")
    if rest and prefix.casefold() in (kind.value for kind in EntityKind):
        exact = library.entity(f"{prefix.casefold()}:{rest.strip()}")
        if exact is not None:
            return NameMatch(found=exact)
        kinds, text = [EntityKind(prefix.casefold())], rest.strip()
    key = fold_key(text)
    if not key:
        return NameMatch()
    entries = [entry for entry in library.entities() if entry.entity.kind in kinds]
    ids = {entity_id(kind, text) for kind in kinds}
    tiers = (
        [e for e in entries if e.id in ids or fold_key(e.entity.name) == key],
        [e for e in entries if any(fold_key(alias) == key for alias in e.entity.aliases)],
        [e for e in entries if key in _words(e)],
    )
    for tier in tiers:
        if len(tier) == 1:
            return NameMatch(found=tier[0])
        if tier:
            return NameMatch(candidates=sorted(tier, key=lambda e: (e.entity.kind.value, e.entity.name)))
    return NameMatch(suggestions=_closest(entries, key))


def _words(entry: LibraryEntity) -> set[str]:
    """The fold keys of each word of the entity's names ("lind" for "Mara Lind")."""
    return {word for form in (entry.entity.name, *entry.entity.aliases) for word in fold_key(form).split("-")}


def _closest(entries: list[LibraryEntity], key: str, limit: int = 5) -> list[str]:
    """Canonical names whose name or alias folds closest to ``key``."""
    names: dict[str, str] = {}
    for entry in entries:
        for form in (entry.entity.name, *entry.entity.aliases):
            names.setdefault(fold_key(form), entry.entity.name)
    close = difflib.get_close_matches(key, list(names), n=limit * 3, cutoff=0.6)
    return list(dict.fromkeys(names[k] for k in close))[:limit]


# -- the document --------------------------------------------------------------------------------


def _when(point: TimelinePoint) -> str:
    return point.date.isoformat() if point.date else "undated"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _section(briefing: Briefing, section: int) -> str:
    if 0 <= section < len(briefing.sections) and briefing.sections[section].title.strip():
        return briefing.sections[section].title
    return "Opening"


def _sentence(briefing: Briefing, location: Location) -> str:
    """The mention's sentence in Markdown, the mention itself in bold."""
    sentence, start, end = keyword_in_context(briefing, location, _WHOLE_SENTENCE)
    keyword = inline(sentence[start:end])
    bold = f"**{keyword}**" if keyword else ""
    # No spaces added around the bold: "Putin’s" and "“Putin" read as in the text.
    return (inline(sentence[:start], trim=False) + bold + inline(sentence[end:], trim=False)).strip()


def _summary(entry: LibraryEntity, line: Timeline) -> str:
    kind = "Person" if entry.entity.kind is EntityKind.PERSON else "Place"
    quotes = sum(len(point.quotes) for point in line.points)
    parts = [f"{_plural(line.total_mentions, 'mention')} in {_plural(len(line.points), 'briefing')}"]
    if entry.entity.kind is EntityKind.PERSON:
        parts.append(_plural(quotes, "quote"))
    span = line.span
    if span is not None:
        parts.append(f"from {span[0].isoformat()} to {span[1].isoformat()}" if span[0] != span[1]
                     else f"on {span[0].isoformat()}")
    return f"{kind}: {', '.join(parts)}."


def _facts(entry: LibraryEntity) -> list[str]:
    entity = entry.entity
    facts: list[str] = []
    others = [alias for alias in entity.aliases if alias != entity.name]
    if others:
        facts.append("- **Also called:** " + "; ".join(inline(alias) for alias in others))
    if entity.kind is EntityKind.PLACE:
        if entity.place_kind is not None:
            facts.append(f"- **Kind:** {entity.place_kind.value}")
        if entity.country:
            facts.append(f"- **Country:** {inline(entity.country)}")
        if entity.coords is not None:
            facts.append(f"- **Coordinates:** {entity.coords[0]:.4f}, {entity.coords[1]:.4f}")
    if entity.note:
        facts.append(f"- **Note:** {inline(entity.note)}")
    return facts


def _roles(line: Timeline) -> list[str]:
    by_role: dict[str, list[TimelinePoint]] = {}
    for point in line.points:
        if point.role:
            by_role.setdefault(point.role, []).append(point)
    rows = [
        f"- **{inline(role)}** — in " + "; ".join(f"*{inline(p.title)}* ({_when(p)})" for p in points)
        for role, points in by_role.items()
    ]
    return ["## Roles", "", *rows, ""] if rows else []


def _briefings(library: Library, line: Timeline) -> list[str]:
    rows = ["## Briefings", ""]
    for number, point in enumerate(line.points, start=1):
        briefing = library.briefing(point.briefing)
        counts = [_plural(point.mentions, "mention")]
        if point.quotes:
            counts.append(_plural(len(point.quotes), "quote"))
        details = "; ".join([", ".join(counts), *([f"as {inline(point.role)}"] if point.role else [])])
        source = f" · {inline(briefing.source)}" if briefing is not None and briefing.source else ""
        rows.append(f"{number}. {_when(point)} — *{inline(point.title)}*{source} — {details}  ")
        rows.append(f"   file: {inline(point.briefing)}")
    return [*rows, ""]


def _mentions(library: Library, line: Timeline) -> list[str]:
    rows = ["## Mentions", ""]
    for point in line.points:
        briefing = library.briefing(point.briefing)
        if briefing is None or not point.mentions:
            continue
        rows += [f"### {_when(point)} — {inline(point.title)}", ""]
        for mention in briefing.mentions:
            if mention.entity_id == line.entity_id:
                where = inline(_section(briefing, mention.location.section))
                rows.append(f"- *{where}:* {_sentence(briefing, mention.location)}")
        rows.append("")
    return rows if len(rows) > 2 else []


def _quote(briefing: Briefing, point: TimelinePoint, quote: Quote) -> list[str]:
    where = inline(_section(briefing, quote.location.section))
    return [f"> {inline(quote.text)}", ">", f"> — *{inline(point.title)}*, {_when(point)} ({where})", ""]


def _quotes(library: Library, line: Timeline) -> list[str]:
    if line.kind is not EntityKind.PERSON:
        return []
    rows = ["## Quotes", ""]
    for point in line.points:
        briefing = library.briefing(point.briefing)
        if briefing is not None:
            for quote in point.quotes:
                rows += _quote(briefing, point, quote)
    if len(rows) == 2:
        rows += ["No quotes attributed in these briefings.", ""]
    return rows


def dossier_markdown(library: Library, entity_id: str) -> str | None:
    """The Markdown dossier of a person or place (``None`` if the library does not know the id)."""
    entry = library.entity(entity_id)
    line = timeline(library, entity_id)
    if entry is None or line is None:
        return None
    parts = [f"# {inline(entry.entity.name)}", "", _summary(entry, line), ""]
    facts = _facts(entry)
    if facts:
        parts += [*facts, ""]
    parts += _roles(line)
    parts += _briefings(library, line)
    parts += _mentions(library, line)
    parts += _quotes(library, line)
    return "\n".join(parts).rstrip("\n") + "\n"


def dossier_filename(name: str) -> str:
    """A file name for a dossier: the name folded to plain letters and hyphens, then ``-dossier.md``."""
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_fold(name))[:60].strip("-")
    return f"{stem or 'entity'}-dossier.md"
