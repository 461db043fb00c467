"""Laying out a briefing for the article view: display strings, styled spans and prefixes per block.

Kept apart from the widget because it is pure data work (no Textual): each
block becomes a :class:`Unit` whose display string is the block text made safe
(:func:`tui.ui.text.safe`, one character for one) with a place glyph inserted
before each place mention, and whose spans name the component style to draw
each range with. The widget only wraps and renders these.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence, Set
from dataclasses import dataclass, field

from tui.model.document import BlockKind, Briefing, LoadError, MarkStyle, folded
from tui.model.entities import BYLINE, HEADING, SUMMARY, TITLE, EntityKind, Location
from tui.ui.text import safe, wrap_offsets

PLACE_GLYPH = "⌖"
"""Drawn before every place mention: the cue that tells places from people without colour."""
PERSON_GLYPH = "♙"
"""Drawn before every person mention in accessible mode (:mod:`tui.ui.accessible`), so no kind is told
apart by colour alone."""

_MARK_COMPONENTS = {
    MarkStyle.EMPHASIS: "article--em",
    MarkStyle.STRONG: "article--strong",
    MarkStyle.CODE: "article--code",
    MarkStyle.LINK: "article--link",
}


@dataclass(slots=True)
class Unit:
    """One laid-out piece of the article: its display string, styled spans and prefixes."""

    kind: str
    text: str
    section: int
    block: int = -1
    base: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    first_prefix: str = ""
    rest_prefix: str = ""
    gap_before: int = 1
    inserts: list[int] = field(default_factory=list)
    items: list[tuple[int, int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)

    def to_display(self, offset: int) -> int:
        """Where a source offset lands in the display string (after inserted glyphs before it)."""
        return offset + bisect_left(self.inserts, offset)

    def to_source(self, offset: int) -> int:
        """The source offset of a display offset (glyphs before it taken off)."""
        return offset - sum(1 for index, insert in enumerate(self.inserts) if insert + index < offset)


def error_units(key: str, errors: Sequence[LoadError]) -> list[Unit]:
    """Why a file did not load: its path, then each problem's line and message, all literal."""
    units = [Unit("title", "Could not load this file", -1, TITLE, base="article--title", gap_before=0),
             Unit("meta", safe(key), -1, base="article--meta")]
    for error in errors:
        where = f"line {error.line}: " if error.line is not None else ""
        units.append(Unit("error", safe(f"{where}{error.message}"), -1, base="article--error"))
    return units


def note_units(text: str) -> list[Unit]:
    """A one-line note in place of an article (loading, an empty library)."""
    return [Unit("note", safe(text), -1, base="article--note", gap_before=0)]


def layout_briefing(briefing: Briefing, *, people_glyph: str | None = None, head: int | None = None
                    ) -> list[Unit]:
    """Units for a whole briefing: title, metadata, summary, then each section's heading and blocks.

    A lead section named after the briefing (:attr:`~tui.model.document.Briefing.lead_is_title`) has no
    heading of its own: the title above stands for it. The title, byline, summary and headings are the
    texts a search match may be in besides the blocks (:func:`tui.model.textsearch.searched_texts`).

    ``people_glyph`` (accessible mode) is drawn before each person mention, as the place glyph is.
    ``head`` stops after that many blocks (a long briefing's first screens, drawn before the rest).
    """
    # The title, byline, summary and headings are the very strings a search matches in, made safe (which
    # keeps every offset): searched_texts folds them onto one line as these do.
    units = [Unit("title", safe(folded(briefing.title)), -1, TITLE, base="article--title", gap_before=0)]
    units.append(Unit("meta", safe(folded(briefing.byline)), -1, BYLINE, base="article--meta", gap_before=0))
    if briefing.summary:
        units.append(Unit("summary", safe(folded(briefing.summary)), -1, SUMMARY, base="article--summary"))
    places: dict[tuple[int, int], list[tuple[int, int]]] = {}
    people: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for mention in briefing.mentions:
        entity = briefing.entities.get(mention.entity_id)
        loc = mention.location
        is_place = entity is not None and entity.kind is EntityKind.PLACE
        target = places if is_place else people
        target.setdefault((loc.section, loc.block), []).append((loc.start, loc.end))
    quotes: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for quote in briefing.quotes:
        for loc in quote.spans:
            quotes.setdefault((loc.section, loc.block), []).append((loc.start, loc.end))
    left = head if head is not None else -1
    lead_is_title = briefing.lead_is_title
    for s_index, section in enumerate(briefing.sections):
        if not left:
            break
        if section.heading and not (s_index == 0 and lead_is_title):
            heading = Unit("heading", safe(section.heading), s_index, HEADING, base="article--heading",
                           gap_before=2)
            units.append(heading)
        previous_kind: BlockKind | None = None
        for b_index, block in enumerate(section.blocks):
            if not left:
                break
            left -= 1
            key = (s_index, b_index)
            marked = {start for start, _ in people.get(key, [])} if people_glyph else set()
            inserts = sorted([start for start, _ in places.get(key, [])] + list(marked))
            unit = Unit("paragraph", "", s_index, b_index, inserts=inserts)
            unit.text = _insert_glyphs(safe(block.text), inserts, marked, people_glyph or PLACE_GLYPH)
            if block.kind is BlockKind.LIST_ITEM:
                unit.kind = "list_item"
                bullet = f"{block.ordinal}. " if block.ordinal is not None else "• "
                indent = "  " * block.depth
                unit.first_prefix = indent + bullet
                unit.rest_prefix = indent + " " * len(bullet)
                unit.gap_before = 0 if previous_kind is BlockKind.LIST_ITEM else 1
            elif block.kind is BlockKind.QUOTE:
                unit.kind = "blockquote"
                unit.first_prefix = unit.rest_prefix = "│ "
                unit.base = "article--blockquote"
            elif block.kind is BlockKind.CREDITS:
                unit.kind = "credits"
                unit.base = "article--credits"
            for mark in block.marks:
                component = _MARK_COMPONENTS.get(mark.style)
                if component:
                    unit.spans.append((unit.to_display(mark.start), unit.to_display(mark.end), component))
            for start, end in quotes.get(key, []):
                unit.spans.append((unit.to_display(start), unit.to_display(end), "article--quote"))
            for start, end in people.get(key, []):
                unit.spans.append((unit.to_display(start), unit.to_display(end), "article--person"))
            for start, end in places.get(key, []):
                unit.spans.append((unit.to_display(start), unit.to_display(end), "article--place"))
            units.append(unit)
            previous_kind = block.kind
    return units


def _insert_glyphs(text: str, inserts: Sequence[int], people: Set[int] = frozenset(),
                   person_glyph: str = PLACE_GLYPH) -> str:
    """``text`` with a glyph before each offset in ``inserts`` (sorted): the person glyph at ``people``."""
    if not inserts:
        return text
    pieces: list[str] = []
    last = 0
    for offset in inserts:
        pieces.append(text[last:offset])
        pieces.append(person_glyph if offset in people else PLACE_GLYPH)
        last = offset
    pieces.append(text[last:])
    return "".join(pieces)


class Layout:
    """Units plus their line breaks at one width: the article's geometry, with no rendering.

    Lines are three parallel lists (unit, start, end), with unit ``-1`` for the
    blank lines between units. Items (mentions, quotes) are placed by their
    display span in each unit they cover, for the cursor, clicks and hints.
    """

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.unit_of_block: dict[tuple[int, int], int] = {}  # title, byline, summary, headings: block codes
        self.heading_unit: dict[int, int] = {}
        for index, unit in enumerate(units):
            if unit.kind == "heading":
                self.heading_unit[unit.section] = index
            if unit.block >= 0 or unit.kind in ("title", "meta", "summary", "heading"):  # matches go there
                self.unit_of_block[(max(0, unit.section), unit.block)] = index
        self.line_unit: list[int] = []
        self.line_start: list[int] = []
        self.line_end: list[int] = []
        self.first_line: list[int] = []
        self.width = -1

    def place(self, index: int, spans: Sequence[Location], quote: bool) -> None:
        """Record item ``index`` covering ``spans`` (a quote also draws a gutter bar)."""
        for location in spans:
            unit_index = self.unit_of_block.get((location.section, location.block))
            if unit_index is None:
                continue
            unit = self.units[unit_index]
            start, end = unit.to_display(location.start), unit.to_display(location.end)
            unit.items.append((start, end, index))
            if quote:
                unit.quotes.append((start, end))

    def wrap(self, width: int) -> None:
        """Recompute line breaks for ``width`` cells of text (offsets only)."""
        self.width = width
        line_unit: list[int] = []
        line_start: list[int] = []
        line_end: list[int] = []
        first_line: list[int] = []
        for index, unit in enumerate(self.units):
            if line_unit:
                line_unit.extend([-1] * unit.gap_before)
                line_start.extend([0] * unit.gap_before)
                line_end.extend([0] * unit.gap_before)
            first_line.append(len(line_unit))
            for start, end in wrap_offsets(unit.text, max(4, width - len(unit.first_prefix))):
                line_unit.append(index)
                line_start.append(start)
                line_end.append(end)
        self.line_unit, self.line_start, self.line_end = line_unit, line_start, line_end
        self.first_line = first_line

    def __len__(self) -> int:
        return len(self.line_unit)

    def prefix(self, line: int) -> str:
        """The prefix drawn before a line's text (bullet, indent, quote bar)."""
        unit = self.units[self.line_unit[line]]
        return unit.first_prefix if self.line_start[line] == 0 else unit.rest_prefix

    def lines_of_unit(self, unit_index: int) -> range:
        """Every line of one unit."""
        first = self.first_line[unit_index]
        last = first
        while last + 1 < len(self.line_unit) and self.line_unit[last + 1] == unit_index:
            last += 1
        return range(first, last + 1)

    def lines_of_spans(self, spans: Sequence[Location]) -> list[range]:
        """The lines of each unit the spans are in (an item's: the lines a cursor on it redraws)."""
        units = (self.unit_of_block.get((location.section, location.block)) for location in spans)
        return [self.lines_of_unit(index) for index in units if index is not None]

    def match_spans(self, matches: Sequence[Location], current: Location | None
                    ) -> dict[int, list[tuple[int, int, bool]]]:
        """Search matches by unit, as display offsets and whether each is ``current``."""
        spans: dict[int, list[tuple[int, int, bool]]] = {}
        for location in matches:
            index = self.unit_of_block.get((location.section, location.block))
            if index is not None:
                unit = self.units[index]
                spans.setdefault(index, []).append(
                    (unit.to_display(location.start), unit.to_display(location.end), location == current))
        return spans

    def line_of(self, location: Location) -> int:
        """The line on which a location starts; a section's very top is its heading (the first's: line 0)."""
        if not self.first_line:
            return 0  # not wrapped yet: the view has no width
        at_top = location.block == 0 and location.start == 0 and location.end == 0
        if at_top and location.section == 0:
            return 0  # the briefing's top: its title, date and summary come before the first heading
        if at_top and location.section in self.heading_unit:
            return self.first_line[self.heading_unit[location.section]]
        unit_index = self.unit_of_block.get((location.section, location.block))
        if unit_index is None:
            heading = self.heading_unit.get(location.section)
            return 0 if heading is None else self.first_line[heading]
        offset = self.units[unit_index].to_display(location.start)
        lines = self.lines_of_unit(unit_index)
        starts = self.line_start[lines.start : lines.stop]
        return lines.start + max(0, bisect_right(starts, offset) - 1)

    def location_at(self, line: int) -> Location | None:
        """The reading position of a line: the start of the first text line at or after it."""
        while line < len(self.line_unit) and self.line_unit[line] < 0:
            line += 1
        if not 0 <= line < len(self.line_unit):
            return None
        unit = self.units[self.line_unit[line]]
        section = max(0, unit.section)
        if unit.block < 0:
            return Location(section, 0, 0, 0)
        start = self.line_start[line]
        source = unit.to_source(start)
        return Location(section, unit.block, source, source)

    def section_at(self, line: int) -> int:
        """The section a line belongs to (blank lines count with the text above them)."""
        line = min(line, len(self.line_unit) - 1)
        while line >= 0 and self.line_unit[line] < 0:
            line -= 1
        return max(0, self.units[self.line_unit[line]].section) if line >= 0 else 0

    def hit(self, line: int, column: int) -> int | None:
        """The item under a text column of a line (the innermost, for a name inside a quote)."""
        if not 0 <= line < len(self.line_unit) or self.line_unit[line] < 0:
            return None
        unit = self.units[self.line_unit[line]]
        offset = self.line_start[line] + column - len(self.prefix(line))
        if offset >= self.line_end[line]:
            return None
        hits = [(e - s, index) for s, e, index in unit.items if s <= offset < e]
        return min(hits)[1] if hits else None

    def item_from(self, top: int, height: int, direction: int) -> int | None:
        """The item a move from the view starts on: the first on screen or after it (``direction`` > 0),
        else the last on screen or before it; ``None`` if there is none that way."""
        bottom = min(top + height, len(self)) - 1
        lines = range(top, len(self)) if direction > 0 else range(bottom, -1, -1)
        for line in lines:
            starting = [index for index, _column in self._starting_on(line)]
            if starting:
                return min(starting) if direction > 0 else max(starting)
        return None

    def items_on(self, top: int, height: int) -> list[tuple[int, int, int]]:
        """Items starting on lines ``top .. top+height`` as (item index, text column, row)."""
        found: dict[int, tuple[int, int, int]] = {}
        for row in range(min(height, len(self) - top)):
            for index, column in self._starting_on(top + row):
                found.setdefault(index, (index, column, row))
        return sorted(found.values())

    def _starting_on(self, line: int) -> list[tuple[int, int]]:
        """The items that start on ``line``, with the text column each starts at."""
        if self.line_unit[line] < 0:
            return []
        start, end = self.line_start[line], self.line_end[line]
        items = self.units[self.line_unit[line]].items
        return [(index, len(self.prefix(line)) + s - start) for s, _e, index in items if start <= s < end]
