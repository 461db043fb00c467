"""The right pane: People, Places and Quotes, each a filtered, sorted list with a count on its tab.

Rows are built from the model as ``rich.text.Text`` (never markup). A person
or place row shows name, role or kind, its mention count and an X-Ray bar: one
cell per equal stretch of the briefing, darker where the name comes up more.
The scope switch shows the open briefing or the whole library. Long lists are
capped (the filter finds the rest) so a 10,000-entity library stays quick.

The sidebar reports what the reader does with the data-carrying messages of
:mod:`tui.ui.messages`: highlighting a row makes its entity current
(:class:`SelectEntity`), Enter or a click opens it (:class:`OpenEntity`), and a
quote row jumps to the quote (:class:`Navigate`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.model.document import Briefing
from tui.model.entities import Entity, EntityKind
from tui.model.library import Library
from tui.model.mention_bars import mention_bars
from tui.model.navigation import Position
from tui.ui.article_layout import PERSON_GLYPH, PLACE_GLYPH
from tui.ui.messages import Navigate, OpenEntity, SelectEntity
from tui.ui.rowlist import RowList
from tui.ui.text import assemble, one_line

TABS = ("people", "places", "quotes")
SORTS = ("first", "count", "name")
SORT_LABELS = {"first": "first seen", "count": "most mentioned", "name": "name"}
ROW_LIMIT = 300
BAR_CELLS = 24
_LEVELS = " ▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Row:
    """What a row stands for: an entity, or a quote (briefing key and index)."""

    entity_id: str | None = None
    briefing: str | None = None
    quote: int | None = None


def bar(counts: list[int]) -> Text:
    """An X-Ray bar: one block per stretch of text, taller where there are more mentions, a dot where none."""
    top = max(max(counts, default=0), 1)
    row = Text("".join(_LEVELS[max(1, round(count * 8 / top))] if count else "·" for count in counts),
               end="", no_wrap=True)
    start = 0  # one span per run of cells alike (a span per cell made each bar 24 to draw)
    for end in range(1, len(counts) + 1):
        if end == len(counts) or bool(counts[end]) != bool(counts[start]):
            row.stylize("bold" if counts[start] else "dim", start, end)
            start = end
    return row


class EntityList(RowList):
    """One tab's rows (people, places or quotes): fixed-height, so thousands cost nothing to list."""

    KEY_GROUP = "Sidebar lists"


class TabBar(Widget):
    """The tab row: one line of labels with counts, the open tab marked; a click opens a tab.

    Textual's ``TabbedContent`` is a tab strip, a sliding underline, a switcher
    and a pane per tab: a dozen widgets to style and lay out before the first
    paint (about a tenth of it), and a slide of frames after it. The three
    lists need only a line of labels above them.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"tabbar--open", "tabbar--closed"}

    @dataclass
    class Chosen(Message):
        """A tab's label was clicked."""

        tab: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = {tab: tab.title() for tab in TABS}
        """Each tab's label (plain text: the name and, once filled, the count)."""
        self.open = TABS[0]
        """The open tab: the sidebar's one record of it."""

    def show(self, open_tab: str | None = None, labels: dict[str, str] | None = None) -> None:
        """Mark another tab open and/or relabel tabs (by tab name)."""
        self.open = open_tab or self.open
        self.labels.update(labels or {})
        self.refresh()

    def _spans(self) -> list[tuple[int, int, str]]:
        """Each label's columns on the row, after a one-cell margin and two cells between labels."""
        spans, column = [], 1
        for tab in TABS:
            width = cell_len(self.labels[tab])
            spans.append((column, column + width, tab))
            column += width + 2
        return spans

    def render(self) -> Text:
        """`` People 12  Places 3  Quotes 7``, the open one in the open style."""
        row = Text(" ", end="", no_wrap=True, overflow="ellipsis")
        for _, _, tab in self._spans():
            style = "tabbar--open" if tab == self.open else "tabbar--closed"
            row.append(self.labels[tab], style=self.get_component_rich_style(style))
            row.append("  ")
        return row

    def on_click(self, event: events.Click) -> None:
        """The tab under the pointer opens."""
        for start, end, tab in self._spans():
            if start <= event.x < end:
                self.post_message(self.Chosen(tab))


class FilterBox(Input):
    """The filter: typing narrows the lists; arrows and Enter work the open list meanwhile."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Down", show=False, id="sidebar.filter_down"),
        Binding("up", "move(-1)", "Up", show=False, id="sidebar.filter_up"),
    ]

    def action_move(self, step: int) -> None:
        """Move the open list's highlight without leaving the filter."""
        sidebar = next(a for a in self.ancestors if isinstance(a, Sidebar))
        sidebar.query_one(f"#list-{sidebar.tab}", EntityList).action_move(step)


class Sidebar(Vertical):
    """People, Places and Quotes for the open briefing or the whole library."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library: Library | None = None
        self.briefing: Briefing | None = None
        self.sort = "first"
        self.scope = "briefing"
        self.rows: dict[str, list[Row]] = {tab: [] for tab in TABS}
        self.plain = False
        """Accessible mode (:mod:`tui.ui.accessible`): people get a glyph too, counts in words, no bars."""

    def compose(self) -> ComposeResult:
        yield FilterBox(placeholder="filter: 1 2 3 then type", id="sidebar-filter")
        yield Static(id="sidebar-settings")
        bar = TabBar(id="sidebar-tabs")
        yield bar
        for tab in TABS:
            rows = EntityList(row_height=2 if tab == "quotes" else 3, id=f"list-{tab}")
            rows.display = tab == bar.open
            yield rows

    @property
    def tab(self) -> str:
        """The open tab: ``people``, ``places`` or ``quotes``."""
        return self.query_one(TabBar).open

    def show_tab(self, tab: str) -> None:
        """Open a tab by name (its list shows; the others hide, keeping their highlight and scroll)."""
        if tab not in TABS or tab == self.tab:
            return
        for name in TABS:
            self.query_one(f"#list-{name}", EntityList).display = name == tab
        self.query_one(TabBar).show(tab)
        self.post_message(self.TabChanged(tab))

    @on(TabBar.Chosen)
    def _tab_chosen(self, event: TabBar.Chosen) -> None:
        event.stop()
        self.show_tab(event.tab)

    def show(self, library: Library, briefing: Briefing | None) -> None:
        """Fill the lists for a briefing (or the library, in library scope)."""
        self.library, self.briefing = library, briefing
        self.refresh_rows()

    def cycle_sort(self) -> str:
        """Next sort order: first appearance, count, name."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_rows()
        return self.sort

    def toggle_scope(self) -> str:
        """Switch between this briefing and the whole library."""
        self.scope = "library" if self.scope == "briefing" else "briefing"
        self.refresh_rows()
        return self.scope

    def refresh_rows(self) -> None:
        """Rebuild every list from the model with the current filter, sort and scope."""
        needle = self.query_one("#sidebar-filter", Input).value.casefold().strip()
        scope = "whole library" if self.scope == "library" else "this briefing"
        settings = Text(f"{scope} · by {SORT_LABELS[self.sort]}", style="dim", end="")
        line = self.query_one("#sidebar-settings", Static)
        if line.content != settings:  # updating lays the screen out: not for every briefing opened
            line.update(settings)
        counts, bars_of = self._counts()  # once for both tabs: in library scope it adds every briefing
        for kind, tab in ((EntityKind.PERSON, "people"), (EntityKind.PLACE, "places")):
            entities = self._entities(kind, counts, bars_of)
            shown = [entry for entry in entities if not needle or needle in entry[0].name.casefold()
                     or any(needle in alias.casefold() for alias in entry[0].aliases)]
            self._fill(tab, [Row(entity_id=e.id) for e, _, _ in shown],
                       [partial(self._entity_row, e, count, bars) for e, count, bars in shown], len(entities))
        quotes = self._quotes()
        shown_quotes = [q for q in quotes
                        if not needle or needle in q[2].casefold() or needle in q[3].casefold()]
        self._fill("quotes", [Row(briefing=key, quote=index) for key, index, _, _, _ in shown_quotes],
                   [partial(self._quote_row, text, who, where) for _, _, text, who, where in shown_quotes],
                   len(quotes))

    def _fill(self, tab: str, rows: list[Row], prompts: list[Callable[[], Text]], total: int) -> None:
        """One tab's list: its rows (each drawn when first on screen), its label with the count."""
        row_list = self.query_one(f"#list-{tab}", EntityList)
        highlighted = row_list.highlighted
        shown: list[Text | Callable[[], Text]] = [*prompts[:ROW_LIMIT]]
        if len(prompts) > ROW_LIMIT:
            shown.append(Text(f"… {len(prompts) - ROW_LIMIT} more: type to filter", style="dim"))
        self.rows[tab] = rows[:ROW_LIMIT]
        if highlighted is not None and self.rows[tab]:
            highlighted = min(highlighted, len(self.rows[tab]) - 1)
        row_list.set_rows(shown, highlighted if self.rows[tab] else None)
        self.query_one(TabBar).show(labels={tab: f"{tab.title()} {total}"})

    def _counts(self) -> tuple[Counter[str], dict[str, list[int]] | None]:
        """Mentions per entity in scope, and each entity's bar (briefing scope only)."""
        if self.scope == "briefing" and self.briefing is not None:
            briefing = self.briefing
            return Counter(briefing.mention_counts()), mention_bars(briefing, BAR_CELLS)
        if self.scope == "library" and self.library is not None:
            counts: Counter[str] = Counter()
            for briefing in self.library.briefings:  # counted from the cache's head: nothing built
                counts.update(briefing.mention_counts())
            return counts, None
        return Counter(), None

    def _entities(self, kind: EntityKind, counts: Counter[str], bars_of: dict[str, list[int]] | None,
                  ) -> list[tuple[Entity, int, list[int] | None]]:
        """Entities of a kind with their count and bar (from :meth:`_counts`), sorted as chosen."""
        found: list[tuple[Entity, int, list[int] | None]] = []
        if self.scope == "briefing" and self.briefing is not None and bars_of is not None:
            briefing = self.briefing
            order = {m.entity_id: i for i, m in reversed(list(enumerate(briefing.mentions)))}
            for entity in briefing.entities.values():
                if entity.kind is kind:
                    found.append((entity, counts.get(entity.id, 0), bars_of.get(entity.id, [0] * BAR_CELLS)))
            first = {e.id: order.get(e.id, len(order)) for e, _, _ in found}
        elif self.scope == "library" and self.library is not None:
            entries = list(self.library.entities(kind))
            found = [(entry.entity, counts.get(entry.id, 0), None) for entry in entries]
            first = {entry.id: index for index, entry in enumerate(entries)}
        else:
            return []
        if self.sort == "count":
            found.sort(key=lambda e: (-e[1], e[0].name.casefold()))
        elif self.sort == "name":
            found.sort(key=lambda e: e[0].name.casefold())
        else:
            found.sort(key=lambda e: first.get(e[0].id, 0))
        return found

    def _quotes(self) -> list[tuple[str, int, str, str, str]]:
        """Quotes in scope as (briefing key, index, text, speaker name, section title)."""
        briefings: list[Briefing] = []
        if self.scope == "briefing" and self.briefing is not None:
            briefings = [self.briefing]
        elif self.scope == "library" and self.library is not None:
            briefings = list(self.library.briefings)
        found: list[tuple[str, int, str, str, str]] = []
        for briefing in briefings:
            if not briefing.quote_count():  # known from the cache's head: a briefing with none stays unbuilt
                continue
            titles = briefing.section_titles()  # in library scope: text not built
            for index, quote in enumerate(briefing.quotes):
                speaker = briefing.entities.get(quote.speaker_id or "")
                name = speaker.name if speaker else "unknown speaker"
                section = quote.location.section
                title = titles[section] if section < len(titles) else ""
                found.append((briefing.key, index, quote.text, name, title))
        if self.sort == "name":
            found.sort(key=lambda q: (q[3].casefold(), q[1]))
        elif self.sort == "count":
            by_speaker = Counter(q[3] for q in found)
            found.sort(key=lambda q: (-by_speaker[q[3]], q[3].casefold(), q[1]))
        return found

    def _entity_row(self, entity: Entity, count: int, bars: list[int] | None) -> Text:
        if entity.kind is EntityKind.PERSON:
            detail = entity.role or ""
        else:
            detail = " · ".join(p for p in (entity.place_kind.value if entity.place_kind else "",
                                            entity.country or "") if p)
        person = f"{PERSON_GLYPH} " if self.plain else ""
        glyph = f"{PLACE_GLYPH} " if entity.kind is EntityKind.PLACE else person
        counted = f"  {count} mention{'s' * (count != 1)}" if self.plain else f"  {count}"
        row = assemble((glyph + one_line(entity.name, 40), "bold"), (counted, "dim"))
        row.append("\n")  # the detail line, empty or not, so every row has the same lines
        if detail:
            row.append_text(assemble((one_line(detail, 60), "italic dim")))
        if bars is not None and not self.plain:
            row.append("\n")
            row.append_text(bar(bars))
        elif self.library is not None:
            entry = self.library.entity(entity.id)
            if entry is not None:
                row.append(f"\nin {len(entry.briefings)} briefing{'s' if len(entry.briefings) != 1 else ''}",
                           style="dim")
        return row

    def _quote_row(self, text: str, speaker: str, section: str) -> Text:
        row = assemble(("“" + one_line(text, 70) + "”", "italic"))
        row.append("\n")
        who = ("— " + one_line(speaker, 40), "bold")
        row.append_text(assemble(who, ("  " + one_line(section, 40), "dim")))
        return row

    def select_entity(self, entity_id: str, *, switch_tab: bool = True) -> None:
        """Highlight the entity's row (opening its tab unless ``switch_tab`` is false), posting nothing."""
        tab = "places" if entity_id.startswith("place:") else "people"
        if switch_tab:
            self.show_tab(tab)
        for index, row in enumerate(self.rows[tab]):
            if row.entity_id == entity_id:
                self.query_one(f"#list-{tab}", EntityList).highlighted = index
                return

    # -- events ----------------------------------------------------------------------------------

    def _row_for(self, event: RowList.Highlighted | RowList.Selected) -> Row | None:
        tab = (event.row_list.id or "").removeprefix("list-")
        rows = self.rows.get(tab, [])
        return rows[event.index] if 0 <= event.index < len(rows) else None

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        row = self._row_for(event)
        if row is not None and row.entity_id is not None:
            self.post_message(SelectEntity(row.entity_id))

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        row = self._row_for(event)
        if row is None:
            return
        if row.entity_id is not None:
            self.post_message(OpenEntity(row.entity_id))
        elif row.briefing is not None and row.quote is not None and self.library is not None:
            briefing = self.library.briefing(row.briefing)
            if briefing is not None:
                self.post_message(Navigate(Position(briefing.key, briefing.quotes[row.quote].location)))

    @on(Input.Changed, "#sidebar-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_rows()

    @on(Input.Submitted, "#sidebar-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter opens the highlighted row of the open list."""
        event.stop()
        row_list = self.query_one(f"#list-{self.tab}", EntityList)
        if row_list.highlighted is None and self.rows[self.tab]:
            row_list.highlighted = 0
        row_list.action_select()

    def focus_filter(self) -> None:
        """Put the cursor in the filter box (the 1/2/3 keys do this after opening a tab)."""
        self.query_one("#sidebar-filter", FilterBox).focus()

    @dataclass
    class TabChanged(Message):
        """The open tab changed (the app saves it in the reading state)."""

        tab: str

