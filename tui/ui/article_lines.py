"""One line of the article view as segments: margin, gutter, prefix, then the text cut where styles change.

Kept apart from the widget (:mod:`tui.ui.article`), which only caches the
strips and says where the cursor and the search matches are. Built straight
as segments, with no ``rich.text.Text`` to stylize and render: a screenful of
new lines (End, a jump) cost ~0.5 ms a line through Text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.ui.article_layout import Layout

QUOTE_GUTTER = "▎"
"""Drawn in the left gutter of every line holding a quoted passage."""


def build_line(
    layout: Layout, line: int, width: int, left: int, style_of: Callable[[str], Style], base: Style,
    matches: Sequence[tuple[int, int, bool]] = (), cursor: Sequence[tuple[int, int]] = (),
) -> Strip:
    """Line ``line`` of ``layout``, ``width`` cells wide, its text ``left`` cells in.

    ``style_of`` gives a component class's style; ``matches`` are the unit's
    search matches (display offsets, and whether each is the current one);
    ``cursor`` the unit's ranges of the item under the cursor. A span given
    later wins over an earlier one, as ``Text.stylize`` does.
    """
    if line >= len(layout) or layout.line_unit[line] < 0:
        return Strip.blank(width, base)
    unit = layout.units[layout.line_unit[line]]
    start, end = layout.line_start[line], layout.line_end[line]
    body = unit.text[start:end].rstrip()
    size = len(body)
    ranges = [(s, e, name) for s, e, name in unit.spans]
    ranges += [(s, e, "article--match-current" if now else "article--match") for s, e, now in matches]
    ranges += [(s, e, "article--cursor") for s, e in cursor]
    styled: list[tuple[int, int, Style]] = []
    cuts = {0, size}
    for s, e, name in ranges:
        s, e = max(0, s - start), min(size, e - start)
        if s < e:
            styled.append((s, e, style_of(name)))
            cuts.update((s, e))
    quoted = any(s < end and start < e for s, e in unit.quotes)
    quote_style = style_of("article--blockquote") if unit.kind == "blockquote" else None
    segments = [Segment(" " * (left - 2)),
                Segment(QUOTE_GUTTER if quoted else " ", style_of("article--gutter")),
                Segment(" "), Segment(layout.prefix(line), quote_style)]
    unit_style = style_of(unit.base) if unit.base else None
    for left_cut, right_cut in pairwise(sorted(cuts)):
        style = unit_style
        for s, e, span_style in styled:  # in order: a later span wins
            if s <= left_cut and right_cut <= e:
                style = span_style if style is None else style + span_style
        segments.append(Segment(body[left_cut:right_cut], style))
    return Strip(segments).apply_style(base).adjust_cell_length(width, base)
