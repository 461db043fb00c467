"""The few messages that carry the reader's intentions to the app.

Every widget and screen (article, sidebars, library pane, entity card, hint
mode, search bar, command palette) says *what* the reader wants by posting one
of these; :class:`tui.ui.app.BriefingApp` handles each exactly once. That keeps
a jump the same whether it came from a key, a click, a card row or the palette,
and keeps the jump list complete, because only the app records jumps.

Messages bubble, so a widget posts with ``self.post_message(...)``; a modal
screen may instead ``dismiss`` and let its caller post the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tui.model.navigation import LinkedItem, LinkKind

if TYPE_CHECKING:
    from tui.model.entities import Location
    from tui.model.navigation import Position


@dataclass
class Navigate(Message):
    """Show ``position`` (a briefing, optionally a place in it) and put the cursor there.

    ``record`` adds the jump to the back/forward list; back/forward themselves
    navigate with ``record=False``.
    """

    position: Position
    record: bool = True


@dataclass
class OpenBriefing(Message):
    """Open a briefing by key where the reader last left it (or at its start).

    Also used for briefings that failed to load: the key is then the error's path
    and the app shows the file, line and message instead of an article.
    """

    key: str
    record: bool = True


@dataclass
class OpenEntity(Message):
    """Show the card of a person or place (library-wide id such as ``person:jane-doe``)."""

    entity_id: str


@dataclass
class OpenQuote(Message):
    """Follow a quote: to its speaker's card, or to the quote itself when the speaker is unknown.

    ``briefing`` is the briefing key and ``index`` the quote's index in
    ``Briefing.quotes``.
    """

    briefing: str
    index: int


@dataclass
class SelectEntity(Message):
    """Make an entity the current one (sidebar highlight, card) without jumping.

    The current entity is what "next/previous mention" and "their quotes" follow.
    """

    entity_id: str | None


# -- what the article view reports to the app --------------------------------------------------------


@dataclass
class CursorMoved(Message):
    """The article's cursor moved to ``item`` (``None``: no cursor)."""

    item: LinkedItem | None


@dataclass
class SectionChanged(Message):
    """The section in view in the article changed."""

    section: int


@dataclass
class Jumped(Message):
    """The reader jumped within the article by key (top, bottom); the app records it."""

    before: Location


def follow_message(item: LinkedItem) -> OpenEntity | OpenQuote:
    """What following a linked item asks for: a quote opens its speaker (or itself), a mention its entity."""
    if item.kind is LinkKind.QUOTE and item.quote_index is not None:
        return OpenQuote(item.position.briefing, item.quote_index)
    return OpenEntity(item.entity_id or "")
