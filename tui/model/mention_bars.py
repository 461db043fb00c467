"""Mention bars: where in a briefing an entity's mentions fall, as Kindle X-Ray draws them.

The sidebar's one-line bars and any per-section count come from here: plain
arithmetic over mention offsets, so the stretches are tested without a terminal.
"""

from __future__ import annotations

from tui.model.document import Briefing


def _block_offsets(briefing: Briefing) -> tuple[dict[tuple[int, int], int], int]:
    """Where each block starts in the briefing's text taken as one run, and the total length."""
    offsets: dict[tuple[int, int], int] = {}
    total = 0
    for s_index, section in enumerate(briefing.sections):
        for b_index, block in enumerate(section.blocks):
            offsets[(s_index, b_index)] = total
            total += len(block.text) + 1
    return offsets, total


def section_bar(briefing: Briefing, entity_id: str, cells: int) -> list[int]:
    """Mentions of an entity per equal stretch of the briefing's text, one count per cell.

    Like Kindle X-Ray's bars: ``cells`` stretches of equal length (in
    characters) from the first block to the last, so a name that only comes up
    at the end shows on the right whatever the section sizes.
    """
    if cells <= 0:
        return []
    bar = [0] * cells
    offsets, total = _block_offsets(briefing)
    if total == 0:
        return bar
    for mention in briefing.mentions:
        if mention.entity_id != entity_id:
            continue
        loc = mention.location
        offset = offsets.get((loc.section, loc.block), 0) + loc.start
        bar[min(cells - 1, offset * cells // total)] += 1
    return bar


def mention_bars(briefing: Briefing, cells: int) -> dict[str, list[int]]:
    """Bars for every entity of a briefing in one pass over its mentions (what a sidebar draws).

    Same stretches as :func:`section_bar`, which a sidebar would otherwise
    call once per row, walking every mention each time.
    """
    if cells <= 0:
        return {}
    offsets, total = _block_offsets(briefing)
    bars: dict[str, list[int]] = {}
    for mention in briefing.mentions:
        loc = mention.location
        cell = min(cells - 1, (offsets.get((loc.section, loc.block), 0) + loc.start) * cells // max(1, total))
        bars.setdefault(mention.entity_id, [0] * cells)[cell] += 1
    return bars


def section_counts(briefing: Briefing, entity_id: str) -> list[int]:
    """Mentions of an entity in each section (one count per section)."""
    counts = [0] * len(briefing.sections)
    for mention in briefing.mentions:
        if mention.entity_id == entity_id and mention.location.section < len(counts):
            counts[mention.location.section] += 1
    return counts
