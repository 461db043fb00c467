"""Markdown bodies: sections, blocks, inline marks, and lines the reader can jump to."""

from __future__ import annotations

from tui.model.document import Block, BlockKind, MarkStyle, Section
from tui.model.markdown import parse_markdown


def marked(block: Block) -> list[tuple[str, str, str | None]]:
    """The marks of a block as (style, covered text, href), which is what a reader sees."""
    return [(mark.style.value, block.text[mark.start : mark.end], mark.href) for mark in block.marks]


def titles(sections: list[Section]) -> list[str]:
    return [section.title for section in sections]


def test_level_two_headings_are_sections_and_the_h1_is_the_title() -> None:
    parsed = parse_markdown("# The harbour\n\nIntro text.\n\n## Vote\n\nOne.\n\n## Court\n\nTwo.\n")
    assert parsed.heading_title == "The harbour"
    assert titles(parsed.sections) == ["The harbour", "Vote", "Court"]
    assert [block.text for block in parsed.sections[0].blocks] == ["Intro text."]


def test_lead_section_is_named_after_the_given_title_or_lead() -> None:
    body = "Before any heading.\n\n## First\n\nText.\n"
    assert titles(parse_markdown(body, title="Declared title").sections) == ["Declared title", "First"]
    assert titles(parse_markdown(body).sections) == ["Lead", "First"]


def test_no_lead_section_when_the_body_starts_with_a_heading() -> None:
    assert titles(parse_markdown("## Only\n\nText.\n").sections) == ["Only"]


def test_level_one_headings_are_sections_when_there_are_no_level_two() -> None:
    parsed = parse_markdown("# Morning\n\nCoffee.\n\n# Evening\n\nTea.\n")
    assert parsed.heading_title is None
    assert titles(parsed.sections) == ["Morning", "Evening"]


def test_a_single_h1_titles_the_whole_document() -> None:
    parsed = parse_markdown("# Notes\n\nFirst.\n\nSecond.\n")
    assert parsed.heading_title == "Notes"
    assert parsed.has_headings is False
    assert titles(parsed.sections) == ["Notes"]


def test_deeper_headings_become_bold_paragraphs_inside_the_section() -> None:
    parsed = parse_markdown("## Costs\n\n### Dredging\n\nExpensive.\n")
    [section] = parsed.sections
    heading, text = section.blocks
    assert heading.kind is BlockKind.PARAGRAPH
    assert marked(heading) == [("strong", "Dredging", None)]
    assert text.text == "Expensive."


def test_inline_marks_cover_plain_text_not_markup() -> None:
    parsed = parse_markdown("Say *soft* and **loud**, run `ls` or read [the plan](https://example.org/p).\n")
    [block] = parsed.sections[0].blocks
    assert block.text == "Say soft and loud, run ls or read the plan."
    assert marked(block) == [
        ("em", "soft", None),
        ("strong", "loud", None),
        ("code", "ls", None),
        ("link", "the plan", "https://example.org/p"),
    ]


def test_nested_emphasis_inside_a_link() -> None:
    [block] = parse_markdown("[a **bold** link](https://x.example)\n").sections[0].blocks
    assert block.text == "a bold link"
    assert ("strong", "bold", None) in marked(block)
    assert ("link", "a bold link", "https://x.example") in marked(block)


def test_markup_lookalikes_stay_literal_text() -> None:
    [block] = (
        parse_markdown("Rich would read [b]this[/b] and [red]that[/red] as markup.\n").sections[0].blocks
    )
    assert block.text == "Rich would read [b]this[/b] and [red]that[/red] as markup."
    assert block.marks == ()


def test_lists_keep_depth_and_ordinals() -> None:
    parsed = parse_markdown("3. third\n4. fourth\n   - inner\n     - innermost\n\n- plain\n")
    blocks = parsed.sections[0].blocks
    assert [(b.kind, b.text, b.depth, b.ordinal) for b in blocks] == [
        (BlockKind.LIST_ITEM, "third", 0, 3),
        (BlockKind.LIST_ITEM, "fourth", 0, 4),
        (BlockKind.LIST_ITEM, "inner", 1, None),
        (BlockKind.LIST_ITEM, "innermost", 2, None),
        (BlockKind.LIST_ITEM, "plain", 0, None),
    ]


def test_block_quotes_are_quote_blocks() -> None:
    blocks = parse_markdown("> The sea pays\n> our bills.\n\nAfter.\n").sections[0].blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.QUOTE, "The sea pays our bills."),
        (BlockKind.PARAGRAPH, "After."),
    ]


def test_images_become_alt_text_and_html_stays_literal() -> None:
    blocks = (
        parse_markdown("Look: ![a *red* boat](boat.png) <b>now</b>\n\n<div>\nraw html\n</div>\n")
        .sections[0]
        .blocks
    )
    assert blocks[0].text == "Look: a red boat <b>now</b>"
    assert blocks[1].text == "<div>\nraw html\n</div>"


def test_code_blocks_are_kept_with_a_code_mark() -> None:
    [block] = parse_markdown("```\nprint('hi')\n```\n").sections[0].blocks
    assert block.text == "print('hi')"
    assert marked(block) == [("code", "print('hi')", None)]


def test_blocks_and_sections_carry_file_lines() -> None:
    body = "Lead paragraph.\n\n## Vote\n\nFirst line\ncontinues.\n\n- item\n"
    parsed = parse_markdown(body, first_line=10)
    lead, vote = parsed.sections
    assert lead.blocks[0].line == 10
    assert vote.line == 12
    assert [block.line for block in vote.blocks] == [14, 17]


def test_empty_sections_are_kept_so_the_outline_matches_the_file() -> None:
    assert titles(parse_markdown("## A\n\n## B\n\nText.\n").sections) == ["A", "B"]


def test_empty_body_has_no_sections() -> None:
    assert parse_markdown("").sections == []
    assert parse_markdown("\n\n   \n").sections == []


def test_mark_styles_are_the_documented_ones() -> None:
    [block] = parse_markdown("*a* **b** `c` [d](e)\n").sections[0].blocks
    assert {mark.style for mark in block.marks} == set(MarkStyle)


def test_nesting_beyond_the_parser_limit_keeps_every_word_as_plain_text() -> None:
    body = "Intro.\n\n" + "- " * 40 + "deepest words\n\n" + ">" * 500 + " quoted words\n\nThe end.\n"
    parsed = parse_markdown(body, first_line=3)
    assert parsed.degraded
    texts = [block.text for section in parsed.sections for block in section.blocks]
    assert texts[0] == "Intro." and texts[-1] == "The end."
    assert any("deepest words" in text for text in texts)
    assert any("quoted words" in text for text in texts)
    assert parsed.sections[0].blocks[-1].line == 9


def test_ordinary_nesting_is_not_degraded() -> None:
    assert not parse_markdown("> - a\n>   - b\n>     > c\n").degraded
