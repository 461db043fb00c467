"""Where each jump key lands, asked of the model: one function for all of them.

``]``/``[``, ``J``/``K``, ``*``/``#``, ``"``/``'`` and ``s`` are one action,
``jump(kind, direction)``; this module turns the reader's situation (open
briefing, section in view, current entity, cursor item) into the model call
that answers it, so the app only shows the answer and a palette command or a
card can ask the same question.
"""

from __future__ import annotations

from tui.model import navigation as nav
from tui.model.document import Briefing
from tui.model.library import Library
from tui.model.navigation import LinkedItem, LinkKind, Position

NOTHING = {
    "section": "No more sections this way.",
    "briefing": "No more briefings this way.",
    "mention": "No more mentions this way.",
    "quote_by": "No more quotes by them this way.",
    "speaker": "The speaker is not named anywhere.",
}
"""What the reader is told when a jump has nowhere to go (nothing wraps)."""


def jump_available(kind: str, entity: str | None, item: LinkedItem | None) -> bool:
    """Whether a jump key applies now (the Footer greys it out otherwise)."""
    if kind == "mention":
        return entity is not None
    if kind == "quote_by":
        return entity is not None and entity.startswith("person:")
    if kind == "speaker":
        return item is not None and item.kind is LinkKind.QUOTE and item.entity_id is not None
    return True


def jump_target(
    kind: str,
    direction: int,
    library: Library,
    briefing: Briefing | None,
    section: int,
    entity: str | None,
    here: Position | None,
    item: LinkedItem | None,
) -> Position | None:
    """Where a jump of ``kind`` lands from here, or ``None`` when there is nowhere to go."""
    if kind == "briefing":
        key = nav.next_briefing(library, briefing.key if briefing else None, direction)
        return None if key is None else Position(key)
    if kind == "mention" and entity:
        return nav.next_mention(library, entity, here, direction)
    if kind == "quote_by" and entity:
        return nav.next_quote_by(library, entity, here, direction)
    if briefing is None:
        return None
    if kind == "section":
        target = nav.next_section(briefing, section, direction)
        return None if target is None else nav.section_start(briefing, target)
    if kind == "speaker" and item is not None and item.quote_index is not None:
        return nav.speaker_position(briefing, briefing.quotes[item.quote_index], library)
    return None
