"""The command palette (Ctrl-P): go to any briefing, section, person, place or quote by fuzzy name.

The commands are the loaded library, gathered when the palette opens (so they
grow while files load): each briefing, each section of each briefing, each
person and place (matched on every alias), each quote (by its opening words and
speaker), and each file that failed to load. Choosing one posts the same
message a key or click would (:class:`Navigate`, :class:`OpenEntity`,
:class:`OpenBriefing`), so the jump is recorded like any other.

Textual's own :meth:`Matcher.highlight` reads its argument as markup, and the
palette reads a hit's ``help`` as markup too, so neither is used: every hit is
a :class:`Content` built from plain strings, the match highlighted by offset,
and its second line is part of that Content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message

from tui.model.document import Severity
from tui.model.entities import EntityKind
from tui.model.library import Library
from tui.model.navigation import Position, section_start
from tui.ui.messages import Navigate, OpenBriefing, OpenEntity
from tui.ui.text import one_line

MATCH_STYLE = "bold underline"
SEARCH_LIMIT = 5000
"""Candidates scored at most per keystroke (a huge library stays responsive; type more to narrow)."""


@dataclass(frozen=True, slots=True)
class Target:
    """One thing the palette can go to: the names it answers to, how to show it, and the message to post."""

    names: tuple[str, ...]
    kind: str
    detail: str
    message: Callable[[], Message]
    briefing: str | None = None
    """The briefing a section or quote belongs to."""

    @property
    def title(self) -> str:
        """The first name: what the row shows."""
        return self.names[0]


def targets(library: Library, current: str | None = None) -> list[Target]:
    """Everything in the library the palette can go to, the open briefing's sections first."""
    found: list[Target] = []
    ordered = sorted(library.briefings, key=lambda b: b.key != current)  # stable: library order otherwise
    for briefing in library.briefings:
        date = briefing.date.isoformat() if briefing.date else ""
        found.append(Target((one_line(briefing.title, 100),), "briefing", one_line(date),
                            partial(Navigate, Position(briefing.key))))
    for briefing in ordered:
        skip = 0 if briefing.lead_is_title else -1  # the lead named after the briefing: the briefing's row
        for index, title in enumerate(briefing.section_titles()):  # never builds a briefing's text
            if title.strip() and index != skip:
                found.append(Target((one_line(title, 100),), "section", one_line(briefing.title, 60),
                                    partial(Navigate, section_start(briefing, index)), briefing.key))
    for entry in library.entities():
        entity = entry.entity
        names = (one_line(entity.name, 100), *(one_line(a, 100) for a in entity.aliases if a != entity.name))
        if entity.kind is EntityKind.PERSON:
            kind, detail = "person", entity.role or ""
        else:
            kind = "place"
            place_kind = entity.place_kind.value if entity.place_kind else ""
            detail = " · ".join(p for p in (place_kind, entity.country) if p)
        count = len(entry.briefings)
        where = f"in {count} briefing{'s' * (count != 1)}"
        detail = " · ".join(p for p in (one_line(detail, 60), where) if p)
        found.append(Target(names, kind, detail, partial(OpenEntity, entity.id)))
    for briefing in library.briefings:
        for quote in briefing.quotes:
            speaker = library.entity(quote.speaker_id) if quote.speaker_id else None
            who = speaker.entity.name if speaker else "unknown speaker"
            found.append(Target((one_line(quote.text, 90),), "quote",
                                f"{one_line(who, 40)} · {one_line(briefing.title, 50)}",
                                partial(Navigate, Position(briefing.key, quote.location)), briefing.key))
    for path in dict.fromkeys(e.path for e in library.errors if e.severity is Severity.ERROR):
        found.append(Target((one_line(path, 100),), "failed file", "could not be loaded",
                            partial(OpenBriefing, path)))
    return found


def prompt(target: Target, name: str | None = None, offsets: tuple[int, ...] = ()) -> Content:
    """A palette row: the name (matched letters highlighted by offset), then kind and detail, dimmed."""
    shown = name if name is not None else target.title
    line = Content(shown)
    for offset in offsets:
        if 0 <= offset < len(shown) and not shown[offset].isspace():
            line = line.stylize(MATCH_STYLE, offset, offset + 1)
    if name is not None and name != target.title:
        line = Content.assemble(line, (f"  → {target.title}", "dim"))
    detail = f"{target.kind} · {target.detail}" if target.detail else target.kind
    return Content.assemble(line, "\n", (detail, "dim italic"))


class BriefingCommands(Provider):
    """Palette commands from the loaded library: briefings, sections, people, places, quotes."""

    def _library(self) -> tuple[Library, str | None]:
        app = self.app
        library = getattr(app, "library", None)
        current = getattr(app, "current_key", None)
        return (library if isinstance(library, Library) else Library()), current

    async def startup(self) -> None:
        """Gather the targets once per opening of the palette (the library may have grown)."""
        library, self._current = self._library()
        self._targets = targets(library, self._current)

    def _post(self, target: Target) -> None:
        self.app.post_message(target.message())

    async def discover(self) -> Hits:
        """Before typing: the briefings, then the open briefing's sections."""
        for target in self._targets:
            if target.kind == "briefing" or (target.kind == "section" and target.briefing == self._current):
                yield DiscoveryHit(prompt(target), partial(self._post, target), text=target.title)

    async def search(self, query: str) -> Hits:
        """Every target whose name or alias fuzzily matches, best name shown with its letters marked."""
        matcher = self.matcher(query)
        for target in self._targets[:SEARCH_LIMIT]:
            best: tuple[float, str, tuple[int, ...]] | None = None
            for name in target.names:
                score, offsets = matcher.fuzzy_search.match(query, name)
                if score > 0 and (best is None or score > best[0]):
                    best = (score, name, tuple(offsets))
            if best is not None:
                score, name, offsets = best
                yield Hit(score, prompt(target, name, offsets), partial(self._post, target), text=name)
