"""The entity card: everything the library knows about one person or place, each row a way to get there.

Opened by Enter on a mention (or a quote, for its speaker), a sidebar row or
the palette. It shows the name, aliases and role(s) by briefing, then a list:
every mention with the sentence around it (keyword in context, the name
highlighted), the person's quotes, and the other briefings that mention them.
Enter (or a click) on a row closes the card and jumps there; ``*`` / ``#`` jump
straight to the next/previous mention after the place the card was opened
from. Every jump is a :class:`~tui.ui.messages.Navigate` message, so the app
records it and Back returns to where the reader was.

All text is built as :class:`~textual.content.Content` from plain strings made
safe by :func:`tui.ui.text.safe`, so names such as ``[@click=app.quit]x[/]``
show literally and do nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.model import navigation as nav
from tui.model.document import Briefing
from tui.model.entities import EntityKind, Location, Quote
from tui.model.library import Library, LibraryEntity
from tui.model.navigation import Position
from tui.model.textsearch import keyword_in_context
from tui.ui.accessible import plain_header
from tui.ui.cardlist import CardList as CardList  # re-exported: the card's list belongs with the card
from tui.ui.cardlist import Line
from tui.ui.footer import QuickFooter
from tui.ui.messages import Navigate
from tui.ui.text import one_line, safe
from tui.ui.timeline import TimelineCard, TimelineStrip

ROW_LIMIT = 500
"""Mention rows listed at most (rows are built only when shown, so this bounds memory, not opening time)."""
KEYWORD_STYLE = "bold reverse"


@dataclass(frozen=True, slots=True)
class CardRow:
    """What a row of the card leads to: a mention, a quote or a briefing, each a position."""

    kind: str
    position: Position


def _section_title(briefing: Briefing, section: int) -> str:
    if 0 <= section < len(briefing.sections) and briefing.sections[section].title.strip():
        return one_line(briefing.sections[section].title, 40)
    return "Opening"


def _briefing_label(briefing: Briefing) -> Content:
    date = f" · {briefing.date.isoformat()}" if briefing.date else ""
    return Content.assemble((one_line(briefing.title, 70), "bold"), (date, "dim"))


def kwic_row(briefing: Briefing, location: Location) -> Content:
    """A mention as "Section · sentence", the mention itself highlighted in the sentence."""
    sentence, start, end = keyword_in_context(briefing, location)
    sentence = safe(sentence)
    return Content.assemble(
        (f"{_section_title(briefing, location.section)} · ", "dim"),
        sentence[:start],
        (sentence[start:end], KEYWORD_STYLE),
        sentence[end:],
    )


def _mention_row(briefing: Briefing, location: Location) -> Content:
    return Content.assemble("  ", kwic_row(briefing, location))  # indented under its briefing


def _quote_row(briefing: Briefing, quote: Quote) -> Content:
    where = f"{one_line(briefing.title, 40)} › {_section_title(briefing, quote.location.section)}"
    return Content.assemble((f"{where} · ", "dim"), (one_line(quote.text, 200), "italic"))


def header(library: Library, entry: LibraryEntity) -> Content:
    """The card's head: name and kind, then aliases and the role each briefing gives."""
    entity = entry.entity
    if entity.kind is EntityKind.PERSON:
        kind = "person"
    else:
        kind = " · ".join(part for part in (
            "place", entity.place_kind.value if entity.place_kind else None, entity.country) if part)
    lines: list[Content] = [Content.assemble((one_line(entity.name), "bold"), (f"  {one_line(kind)}", "dim"))]
    aliases = [one_line(alias) for alias in entity.aliases if alias != entity.name]
    if aliases:
        lines.append(Content.assemble(("also: ", "dim"), ", ".join(aliases)))
    roles = [(key, role) for key, role in entry.roles.items()]
    if not roles and entity.role:
        lines.append(Content.assemble(("role: ", "dim"), one_line(entity.role)))
    for key, role in roles:
        briefing = library.briefing(key)
        where = one_line(briefing.title if briefing else key)  # whole: a cut one wrapped to "30-…" alone
        lines.append(Content.assemble(("role: ", "dim"), one_line(role), (f"  in {where}", "dim")))
    if entity.note:
        lines.append(Content.styled(one_line(entity.note), "italic"))
    return Content("\n").join(lines)


class EntityCard(TimelineCard, ModalScreen[None]):
    """A person's or place's card over the reader; Escape closes it, Enter on a row goes there."""

    KEY_GROUP = "Entity card"

    DEFAULT_CSS = """
    EntityCard {
        align: center middle;
        background: $background;  /* opaque: a see-through backdrop redrew the whole reader under it */
    }
    EntityCard > #card {
        width: 100;
        max-width: 100%;
        height: 85%;
        border: round $accent;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    EntityCard #card-header {
        padding-bottom: 1;
        border-bottom: solid $panel-lighten-2;
        max-height: 40%;  /* a short terminal: the header scrolls, the mentions stay in view */
        overflow-y: auto;
    }
    EntityCard CardList {
        height: 1fr;
        padding: 0 1;
        background: $surface;
    }
    EntityCard CardList > .cardlist--heading {
        color: $text-disabled;
    }
    EntityCard CardList > .cardlist--highlight {
        background: $block-cursor-blurred-background;
    }
    EntityCard CardList:focus > .cardlist--highlight {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="card.close",
                tooltip="Close the card and go back to reading"),
        Binding("asterisk", "mention(1)", "Next mention", key_display="*", id="card.next_mention",
                tooltip="Close the card and go to this entity's next mention"),
        Binding("number_sign", "mention(-1)", "Prev mention", key_display="#", id="card.previous_mention",
                tooltip="Close the card and go to this entity's previous mention"),
        Binding("y", "app.copy_quote", "Copy quote", show=False, id="card.copy_quote",
                tooltip="Copy the highlighted quote with its speaker and source"),
    ]

    def __init__(self, library: Library, entity_id: str, origin: Position | None = None) -> None:
        super().__init__()
        self.library = library
        self.entity_id = entity_id
        self.origin = origin
        self.rows: list[CardRow | None] = []
        """One entry per row of the list: where it leads, ``None`` for headings."""

    def compose(self) -> ComposeResult:
        plain = bool(getattr(self.app, "accessible", False))  # accessible mode: plain lines, no box
        self.set_class(plain, "-plain")
        with Vertical(id="card") as box:
            box.border_title = self._title()
            yield Static(self._header(), id="card-header")
            yield self.timeline_strip()  # one bar per briefing, in date order (tui/ui/timeline.py)
            yield CardList(self._lines(), id="card-rows")
        yield QuickFooter()

    def on_mount(self) -> None:
        """Highlight the mention the card was opened from (or the next one), so the list starts "here"."""
        rows = self.query_one(CardList)
        rows.highlighted = self._start_row()
        rows.focus()

    def show(self, library: Library, entity_id: str, origin: Position | None = None) -> None:
        """Show another entity in this card, reusing its widgets (see :func:`open_card`)."""
        self.library, self.entity_id, self.origin = library, entity_id, origin
        self.set_class(bool(getattr(self.app, "accessible", False)), "-plain")
        self.query_one("#card", Vertical).border_title = self._title()
        self.query_one("#card-header", Static).update(self._header())
        self.query_one(TimelineStrip).show(*self.timeline_parts())
        rows = self.query_one(CardList)
        rows.replace_lines(self._lines())
        rows.highlighted = self._start_row()
        rows.focus()

    def _title(self) -> str:
        kind = "Person" if self.entity_id.startswith("person:") else "Place"
        loading = getattr(self.app, "loading", None) is not None
        return f"{kind} · the library is still loading: so far" if loading else kind

    def library_loaded(self) -> None:
        """Loading ended while the card was open: count and list again, the highlight on the same row."""
        rows = self.query_one(CardList)
        index = rows.highlighted
        kept = self.rows[index] if index is not None and index < len(self.rows) else None
        self.show(self.library, self.entity_id, self.origin)
        if kept is not None and kept in self.rows:
            rows.highlighted = self.rows.index(kept)

    def _header(self) -> Content:
        entry = self.library.entity(self.entity_id)
        head = plain_header if self.has_class("-plain") else header
        return head(self.library, entry) if entry else Content("Unknown")

    # -- rows ------------------------------------------------------------------------------------

    def _heading(self, text: str) -> Line:
        self.rows.append(None)
        return Line(lambda: Content.styled(text, "bold $accent"), selectable=False)

    def _row(self, build: Callable[[], Content], row: CardRow) -> Line:
        self.rows.append(row)
        return Line(build)

    def _lines(self) -> list[Line]:
        """The card's rows; each row's text (a sentence found around a mention, say) is built when shown."""
        lines: list[Line] = []
        self.rows = []
        total = self.library.mention_count(self.entity_id)  # counted, not built: a place in 5,000 briefings
        lines.append(self._heading(f"Mentions ({total})"))
        # Past ROW_LIMIT rows the list is a stretch that holds the open briefing's mentions, so the
        # highlight can start "here"; the briefings outside it keep their mentions unbuilt.
        here = self.origin.briefing if self.origin else None
        skipped, mentions = self.library.mentions_near(self.entity_id, here, ROW_LIMIT)
        if skipped:
            lines.append(self._heading(f"… {skipped} earlier not listed"))
        current: Briefing | None = None
        for count, (briefing, mention) in enumerate(mentions):
            if count == ROW_LIMIT:
                lines.append(self._heading(f"… {total - skipped - ROW_LIMIT} more not listed"))
                break
            if briefing is not current:
                current = briefing
                self.rows.append(None)
                lines.append(Line(partial(_briefing_label, briefing), selectable=False))
            position = Position(briefing.key, mention.location)
            row = CardRow("mention", position)
            lines.append(self._row(partial(_mention_row, briefing, mention.location), row))
        if self.entity_id.startswith("person:"):
            quotes = list(self.library.quotes_by(self.entity_id))
            lines.append(self._heading(f"Quotes ({len(quotes)})"))
            for briefing, quote in quotes:
                row = CardRow("quote", Position(briefing.key, quote.location))
                lines.append(self._row(partial(_quote_row, briefing, quote), row))
        others = self._other_briefings()
        lines.append(self._heading(f"Also in ({len(others)})"))
        for briefing, position in others:
            lines.append(self._row(partial(_briefing_label, briefing), CardRow("briefing", position)))
        return lines

    def _other_briefings(self) -> list[tuple[Briefing, Position]]:
        """Briefings that mention the entity, other than the open one, each at its first mention."""
        here = self.origin.briefing if self.origin else None
        return [(briefing, Position(briefing.key, presence.first))
                for briefing, presence in self.library.presences(self.entity_id) if briefing.key != here]

    def _start_row(self) -> int | None:
        """The row of the mention the card was opened from, else the next mention's, else the first row."""
        where = {row.position: index for index, row in enumerate(self.rows)
                 if row is not None and row.kind == "mention"}  # one pass: thousands of rows
        target = self.origin
        if target is not None and target not in where:
            target = nav.next_mention(self.library, self.entity_id, target, +1)
        if target is not None and target in where:
            return where[target]
        if target is None and where:
            return min(where.values())
        return next((i for i, row in enumerate(self.rows) if row is not None), None)

    # -- actions ---------------------------------------------------------------------------------

    @on(CardList.Selected, "#card-rows")
    def _chosen(self, event: CardList.Selected) -> None:
        event.stop()
        row = self.rows[event.index] if event.index < len(self.rows) else None
        if row is not None:
            self.go(row.position)

    def go(self, position: Position) -> None:
        """Close the card and jump (a recorded jump, so Back returns to where the card was opened)."""
        self.dismiss(None)
        self.app.post_message(Navigate(position))

    def action_close(self) -> None:
        """Back to reading, where the reader was."""
        self.dismiss(None)

    def action_mention(self, direction: int) -> None:
        """Jump to the next/previous mention after the place the card was opened from."""
        target = nav.next_mention(self.library, self.entity_id, self.origin, direction)
        if target is None:
            self.notify("No more mentions this way.", timeout=2)
        else:
            self.go(target)


CARD_SCREEN = "entity-card"
"""The name the one reused card screen is installed under."""


def open_card(app: App[Any], library: Library, entity_id: str, origin: Position | None) -> None:
    """Show an entity's card, reusing one installed card screen.

    Building a card screen (its widgets, their styles and its key bar) cost about
    100 ms of the key press; the installed screen is only refilled. A card already
    showing is refilled in place; one hidden under another screen is left alone
    and a fresh card is pushed on top.
    """
    if not app.is_screen_installed(CARD_SCREEN):
        app.install_screen(EntityCard(library, entity_id, origin), CARD_SCREEN)
        app.push_screen(CARD_SCREEN)
        return
    card = app.get_screen(CARD_SCREEN)
    assert isinstance(card, EntityCard)
    showing, stacked = app.screen is card, card in app.screen_stack
    if showing:
        card.show(library, entity_id, origin)
    elif stacked:
        app.push_screen(EntityCard(library, entity_id, origin))
    else:
        card.show(library, entity_id, origin)
        app.push_screen(CARD_SCREEN)
