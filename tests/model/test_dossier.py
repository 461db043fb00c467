"""Dossiers: finding the entity a user names, and Markdown that renders as the articles said."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.model.document import Block, BlockKind, Briefing, Section, SourceFormat
from tui.model.dossier import dossier_filename, dossier_markdown, find_entity
from tui.model.entities import Entity, EntityKind, Location, Mention, Quote
from tui.model.extract.names import entity_id
from tui.model.library import Library
from tui.model.loader import load_text
from tui.model.mdwrite import inline

LIND = entity_id(EntityKind.PERSON, "Mara Lind")


def _load(name: str, text: str) -> Briefing:
    briefing, errors = load_text(text, Path(name), SourceFormat.MARKDOWN)
    assert briefing is not None, errors
    return briefing


def library() -> Library:
    lib = Library()
    lib.add([
        _load("late.md", "---\ntitle: Late news\ndate: 2024-06-01\nextract: off\n"
              "people:\n  - name: Mara Lind\n    aliases: [Lind]\n    role: mayor\n"
              "  - name: Carl Berg\n  - name: Anna Berg\n"
              "places:\n  - name: Óbidos\n    kind: town\n"
              "quotes:\n  - speaker: Mara Lind\n    text: The port stays open\n---\n"
              "## Harbour\n\nAt dawn Lind reached Óbidos. Then she rested.\n\n"
              "\"The port stays open,\" said Mara Lind. Carl Berg and Anna Berg agreed.\n"),
        _load("early.md", "---\ntitle: Early news\ndate: 2024-01-05\nextract: off\n"
              "people:\n  - name: Mara Lind\n    role: harbour master\n---\n"
              "Mara Lind inspected the cranes.\n"),
    ])
    return lib


def test_names_are_found_ignoring_case_and_accents_then_by_alias_then_by_a_word() -> None:
    lib = library()
    for name in ("mara lind", "MARA LIND", "Mára Lïnd", "Lind", "  lind  "):
        match = find_entity(lib, name)
        assert match.found is not None and match.found.id == LIND, name
    assert find_entity(lib, "obidos").found is not None
    assert find_entity(lib, "place:obidos").found is not None
    assert find_entity(lib, "person:obidos").found is None


def test_a_name_that_fits_several_lists_them_and_a_kind_prefix_or_full_name_settles_it() -> None:
    lib = library()
    match = find_entity(lib, "berg")
    assert match.found is None
    assert sorted(e.entity.name for e in match.candidates) == ["Anna Berg", "Carl Berg"]
    settled = find_entity(lib, "anna berg").found
    assert settled is not None and settled.entity.name == "Anna Berg"


def test_an_unknown_name_suggests_the_closest() -> None:
    match = find_entity(library(), "Mara Lindt")
    assert match.found is None and not match.candidates
    assert match.suggestions[:1] == ["Mara Lind"]
    assert find_entity(library(), "   ").suggestions == []


def test_the_dossier_has_names_roles_briefings_in_date_order_mentions_and_quotes() -> None:
    text = dossier_markdown(library(), LIND)
    assert text is not None
    assert text.startswith("# Mara Lind\n")
    assert "**Also called:** Lind" in text
    assert "**harbour master** — in *Early news* (2024-01-05)" in text
    assert "**mayor** — in *Late news* (2024-06-01)" in text
    briefings = text.split("## Briefings")[1].split("## Mentions")[0]
    assert briefings.index("Early news") < briefings.index("Late news")
    assert "- *Harbour:* At dawn **Lind** reached Óbidos." in text  # the whole sentence, the name in bold
    assert "**Mara Lind** inspected the cranes." in text
    quotes = text.split("## Quotes")[1]
    assert "> The port stays open" in quotes and "*Late news*, 2024-06-01 (Harbour)" in quotes


HOSTILE = "[@click=app.quit]x[/] **not bold** <script>alert(1)</script> &amp; `code` _under_ \\n"


def hostile_library() -> Library:
    """Built by hand, so text the loader would clean (an escape character) reaches the dossier."""
    texts = ["1. " + HOSTILE + " Mara Lind said \x1b[31mred\x1b[0m.", "# Not a heading, said Mara Lind"]
    blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
    person = Entity(LIND, EntityKind.PERSON, "Mara Lind", ["Mara Lind"], role="- " + HOSTILE)
    mentions = [Mention(LIND, Location(0, i, t.index("Mara Lind"), t.index("Mara Lind") + 9), "Mara Lind")
                for i, t in enumerate(texts)]
    quote = Quote(HOSTILE, (Location(0, 0, 3, 3 + len(HOSTILE)),), LIND)
    briefing = Briefing(Path("h.md"), "> " + HOSTILE, [Section("## " + HOSTILE, blocks)],
                        date=dt.date(2024, 1, 1), entities={LIND: person}, mentions=mentions, quotes=[quote])
    lib = Library()
    lib.add([briefing])
    return lib


def _tokens(text: str) -> list[Token]:
    found: list[Token] = []
    for token in MarkdownIt("commonmark").parse(text):
        found.append(token)
        found.extend(token.children or [])
    return found


def test_article_text_renders_as_written_never_as_links_html_or_emphasis() -> None:
    text = dossier_markdown(hostile_library(), LIND)
    assert text is not None
    assert "\x1b" not in text and "\\x1b" in text  # the escape is shown, never sent
    tokens = _tokens(text)
    kinds = {t.type for t in tokens}
    assert not kinds & {"link_open", "image", "html_inline", "html_block", "code_inline"}
    assert sum(1 for t in tokens if t.type == "ordered_list_open") == 1  # ours: the briefings
    assert sum(1 for t in tokens if t.type == "heading_open") == 6  # ours only: name, 4 parts, 1 briefing
    plain = "".join(t.content for t in tokens if t.type == "text")
    for piece in ("[@click=app.quit]x[/]", "**not bold**", "<script>alert(1)</script>", "&amp;", "`code`",
                  "_under_", "\\n", "# Not a heading", "- [@click", "> [@click"):
        assert piece in plain, piece
    strong = [t for t in tokens if t.type == "strong_open"]
    assert strong  # the mentions' own bold, and nothing from the text


def test_inline_escapes_what_would_start_a_block() -> None:
    rendered = MarkdownIt("commonmark").renderInline
    for text in ("# title", "> quote", "- item", "+ item", "12) item", "3. item", "=== rule", "a  b\nc"):
        html = rendered(inline(text))
        assert "<" not in html.replace("&lt;", ""), text
    assert MarkdownIt("commonmark").render("- " + inline("1. one")).count("<ol") == 0


def test_dossier_file_names_are_plain() -> None:
    assert dossier_filename("Mára Lind") == "mara-lind-dossier.md"
    assert dossier_filename("../../etc/passwd") == "etc-passwd-dossier.md"
    assert dossier_filename("习近平") == "entity-dossier.md"
