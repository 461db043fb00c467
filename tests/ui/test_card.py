"""The entity card, driven by keys: open it from a mention or a quote, jump from its rows, come back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from tests.ui.conftest import JANE, JOHN, alpha, beta, briefing, make_app, make_library, person
from tui.model.entities import Location
from tui.model.library import Library
from tui.model.loader import load_library
from tui.model.navigation import LinkKind, Position
from tui.ui import card as card_module
from tui.ui.app import BriefingApp
from tui.ui.card import KEYWORD_STYLE, CardList, CardRow, EntityCard
from tui.ui.loading import Loaded
from tui.ui.messages import OpenEntity
from tui.ui.timeline import TimelineStrip

SIZE = (120, 40)


def card_of(app: BriefingApp) -> EntityCard:
    screen = app.screen
    assert isinstance(screen, EntityCard), f"expected the card, got {type(screen).__name__}"
    return screen


def row_texts(card: EntityCard) -> list[str]:
    rows = card.query_one(CardList)
    return [rows.prompt(i).plain for i in range(rows.count)]


def highlighted_row(card: EntityCard) -> CardRow | None:
    index = card.query_one(CardList).highlighted
    assert index is not None
    return card.rows[index]


async def test_mention_card_row_jump_then_back_and_forward(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter")  # "Jane Doe" at the very start
        card = card_of(app)
        assert card.entity_id == JANE.id
        # The list opens on the mention the reader came from.
        assert highlighted_row(card) == CardRow("mention", Position("news/alpha.md", Location(0, 0, 0, 8)))
        await pilot.press("j", "j")  # skips headings: the quote's sentence, then "Doe left..."
        assert highlighted_row(card) == CardRow("mention", Position("news/alpha.md", Location(2, 0, 0, 3)))
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EntityCard)
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(2, 0, 0, 3)
        assert app.article.section == 2
        await pilot.press("ctrl+o")
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(0, 0, 0, 8)
        await pilot.press("ctrl+i")
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(2, 0, 0, 3)


async def test_a_row_in_another_briefing_opens_it(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter")
        card = card_of(app)
        last = max(i for i, row in enumerate(card.rows) if row is not None and row.kind == "briefing")
        card.query_one(CardList).highlighted = last
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_key == "news/beta.md"
        item = app.article.cursor_item
        assert item is not None and item.entity_id == JANE.id and item.location == Location(0, 0, 0, 8)
        await pilot.press("ctrl+o")
        assert app.current_key == "news/alpha.md"


async def test_card_shows_aliases_roles_mentions_in_context_quotes_and_briefings(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter")
        card = card_of(app)
        head = card.query_one("#card-header", Static).render()
        assert isinstance(head, Content)
        assert "Jane Doe" in head.plain and "also: Doe" in head.plain
        assert "foreign minister  in Talks in Springfield" in head.plain
        assert "foreign minister  in Return to Shelbyville" in head.plain
        texts = row_texts(card)
        assert texts[0] == "Mentions (4)"
        assert "  Aftermath · Doe left in the evening." in texts
        assert "Quotes (1)" in texts and "Also in (1)" in texts
        assert any("“We will hold the line,”" in t and "The talks" in t for t in texts)
        # The keyword is highlighted inside its sentence.
        rows = card.query_one(CardList)
        index = texts.index("  Aftermath · Doe left in the evening.")
        prompt = rows.prompt(index)
        marked = [prompt.plain[s.start:s.end] for s in prompt.spans if s.style == KEYWORD_STYLE]
        assert marked == ["Doe"]


async def test_quote_opens_its_speakers_card(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "l", "l")
        assert app.article.cursor_item is not None and app.article.cursor_item.kind is LinkKind.QUOTE
        await pilot.press("enter")
        card = card_of(app)
        assert card.entity_id == JANE.id
        # Opened from the quote, the list starts at the next mention of the speaker.
        assert highlighted_row(card) == CardRow("mention", Position("news/alpha.md", Location(1, 0, 25, 33)))
        await pilot.press("escape")
        assert not isinstance(app.screen, EntityCard)
        assert app.article.cursor_item is not None and app.article.cursor_item.kind is LinkKind.QUOTE
        assert not app.history.can_back  # closing the card is not a jump


async def test_next_and_previous_mention_from_the_card(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter", "asterisk")
        await pilot.pause()
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(1, 0, 25, 33)
        await pilot.press("enter", "number_sign")
        await pilot.pause()
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(0, 0, 0, 8)
        await pilot.press("enter", "number_sign")  # nothing before the first mention
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        assert any("No more mentions" in n.message for n in app._notifications)


async def test_hostile_names_on_the_card_are_literal_and_do_nothing() -> None:
    evil = person("Doe", "[bold]boss[/]")
    evil.name = "[@click=app.quit]x[/] Doe"
    library = make_library(briefing("news/evil.md", "Evil", [("", ["Doe came. Doe went."])], [evil]))
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter")
        card = card_of(app)
        head = card.query_one("#card-header", Static).render()
        assert isinstance(head, Content)
        assert "[@click=app.quit]x[/] Doe" in head.plain and "[bold]boss[/]" in head.plain
        assert all("click" not in str(span.style) for span in head.spans)
        await pilot.click("#card-header", offset=(2, 0))
        await pilot.click("#card-header", offset=(2, 1))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, EntityCard)


async def test_a_place_card_has_no_quotes_section() -> None:
    library = make_library(alpha(), beta())
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "l", "enter")  # Springfield
        card = card_of(app)
        assert card.entity_id == "place:springfield"
        texts = row_texts(card)
        assert texts[0] == "Mentions (2)" and not any(t.startswith("Quotes") for t in texts)
        head = card.query_one("#card-header", Static).render()
        assert isinstance(head, Content) and "place · city · Freedonia" in head.plain


async def test_clicking_a_card_row_does_what_enter_does(library: Library) -> None:
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter")
        card = card_of(app)
        assert row_texts(card)[4] == "  Aftermath · Doe left in the evening."  # one line each, headings too
        await pilot.click(CardList, offset=(10, 4))
        await pilot.pause()
        assert not isinstance(app.screen, EntityCard)
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(2, 0, 0, 3)


async def test_the_card_is_reused_and_shows_the_next_entity_from_its_own_start(library: Library) -> None:
    """One card screen is refilled for each entity (building one cost ~100 ms): nothing of the last stays."""
    async with make_app(library).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter")  # Jane Doe's card
        first = card_of(app)
        await pilot.press("end")  # move away in the list, so a stale highlight would show
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l", "l", "l", "l", "enter")  # the cursor on John Roe, his card
        await pilot.pause()
        card = card_of(app)
        assert card is first
        assert card.entity_id == JOHN.id
        assert card.query_one("#card", Vertical).border_title == "Person"
        header = card.query_one("#card-header", Static).visual
        assert isinstance(header, Content) and header.plain.startswith("John Roe")
        assert row_texts(card)[0] == "Mentions (2)"
        assert not any("Jane Doe arrived" in text for text in row_texts(card))
        assert highlighted_row(card) == CardRow("mention", Position("news/alpha.md", Location(1, 1, 0, 8)))
        strip = card.query_one(TimelineStrip)
        assert [p.briefing for p in strip.line.points] == ["news/alpha.md", "news/beta.md"]
        assert card.query_one(CardList).has_focus
        await pilot.press("enter")  # rows lead where this card's rows say
        await pilot.pause()
        assert not isinstance(app.screen, EntityCard)
        assert app.article.cursor_item is not None and app.article.cursor_item.entity_id == JOHN.id


def write_lume_days(folder: Path) -> None:
    """Five briefings, one a day, each naming Porto Lume twice (declared, no extraction)."""
    for day in range(1, 6):
        (folder / f"2025-05-0{day}-lume.md").write_text(
            f"---\ntitle: Lume news {day}\ndate: 2025-05-0{day}\nplaces:\n  - name: Porto Lume\n"
            f"extract: false\n---\nPorto Lume woke early.\n\nThe quay of Porto Lume was busy on day {day}.\n",
            encoding="utf-8")


async def test_a_card_on_a_warm_library_builds_only_the_mentions_it_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A place named in 5,000 briefings: its card counted and dated every mention by building them all."""
    write_lume_days(tmp_path)
    load_library([tmp_path])  # cold: fills the cache
    warm = load_library([tmp_path])
    assert all(b._annotations is not None for b in warm.briefings)
    monkeypatch.setattr(card_module, "ROW_LIMIT", 3)
    async with make_app(warm).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        app.post_message(OpenEntity("place:porto-lume"))
        await pilot.pause()
        texts = row_texts(card_of(app))
        assert texts[0] == "Mentions (10)" and "… 7 more not listed" in texts
        assert "Also in (4)" in texts
        unbuilt = [b.title for b in warm.briefings if b._annotations is not None]
        assert unbuilt == ["Lume news 3", "Lume news 4", "Lume news 5"]  # the first two fill the rows
        await pilot.press("end", "enter")  # the last row, "Also in" the fifth briefing: at its first mention
        await pilot.pause()
        assert app.current_key is not None and app.current_key.endswith("2025-05-05-lume.md")
        assert app.article.cursor_item is not None
        assert app.article.cursor_item.location == Location(0, 0, 0, 10)


async def test_a_card_opened_past_its_row_limit_lists_and_highlights_the_open_briefings_mentions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened from the fourth of five briefings, the card started on the first row, another briefing's."""
    write_lume_days(tmp_path)
    load_library([tmp_path])
    warm = load_library([tmp_path])
    monkeypatch.setattr(card_module, "ROW_LIMIT", 3)
    async with make_app(warm).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        app.navigate(Position(warm.briefings[3].key))  # straight there: J would build the ones between
        await pilot.press("l", "enter")  # the fourth briefing's first "Porto Lume"
        await pilot.pause()
        assert app.current_key is not None and app.current_key.endswith("2025-05-04-lume.md")
        card = card_of(app)
        texts = row_texts(card)
        assert texts[:3] == ["Mentions (10)", "… 6 earlier not listed", "Lume news 4 · 2025-05-04"]
        assert "… 1 more not listed" in texts
        row = highlighted_row(card)
        assert row is not None and row.position.briefing == app.current_key
        assert row.position.location == Location(0, 0, 0, 10)
        unbuilt = [b.title for b in warm.briefings if b._annotations is not None]
        assert unbuilt == ["Lume news 2", "Lume news 3"]  # counted, never listed (the first was opened)


async def test_a_card_opened_while_loading_says_so_and_counts_again_when_loading_ends() -> None:
    async with make_app(make_library(alpha())).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        app.post_message(Loaded([], done=1, total=2))  # one more file to come
        await pilot.pause()
        await pilot.press("l", "enter", "j")  # Jane Doe's card, the highlight moved to the next row
        card = card_of(app)
        kept = highlighted_row(card)
        assert "still loading" in str(card.query_one("#card", Vertical).border_title)
        assert "Mentions (3)" in row_texts(card)
        app.post_message(Loaded([beta()], done=2, total=2, finished=True))
        await pilot.pause()
        assert card_of(app) is card and "Mentions (4)" in row_texts(card)
        assert card.query_one("#card", Vertical).border_title == "Person"
        assert highlighted_row(card) == kept


async def test_a_card_with_a_tall_header_keeps_its_mentions_in_view_on_a_short_terminal() -> None:
    """QA: at 80x24 the name, aliases, roles and note filled the card, and the mentions never showed."""
    note = "A long note about her that goes on across the card and wraps over several lines. " * 4
    roles = ["president of the republic", "commander in chief", "former actor and producer", "party leader"]
    briefings = []
    for n, role in enumerate(roles):
        jane = person("Jane Doe", role, aliases=["Doe", "J. Doe"])
        jane.note = note
        sections = [("", ["Jane Doe spoke.", "Doe left."])]
        briefings.append(briefing(f"news/{n}.md", f"News {n}", sections, [jane]))
    async with make_app(make_library(*briefings)).run_test(size=(80, 24)) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.press("l", "enter")
        await pilot.pause()
        card = card_of(app)
        rows = card.query_one(CardList)
        assert rows.region.height >= 4, "the mentions list has room"
        assert card.query_one(TimelineStrip).region.height > 0
        await pilot.press("j", "j")
        highlighted = rows.highlighted
        assert highlighted is not None
        assert rows.scroll_offset.y <= highlighted < rows.scroll_offset.y + rows.region.height


async def test_a_role_line_wraps_the_whole_briefing_title_at_a_narrow_width() -> None:
    title = "Minister visits the border hours after the capital accepts a 30-day truce plan"
    long_title = briefing("news/long.md", title, [("", ["Jane Doe spoke at the border post."])],
                          [JANE])
    async with make_app(make_library(long_title)).run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "enter")
        head = card_of(pilot.app).query_one("#card-header", Static)
        lines = [strip.text.strip() for strip in head.render_lines(Region(0, 0, *head.size))]
        words = " ".join(" ".join(lines).split())
        assert f"role: foreign minister in {title}" in words  # all of it, over two lines at this width
        assert not any(line.endswith("…") for line in lines)  # no title cut short, its end alone on a line
