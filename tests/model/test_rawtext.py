"""Raw articles saved from news sites: paragraphs, titles and scraped leftovers."""

from __future__ import annotations

import pytest

from tui.model.document import BlockKind
from tui.model.leftovers import is_leftover, strip_trailing_embed
from tui.model.rawtext import CREDITS_TITLE, first_sentence, parse_raw

ARTICLE = (
    "The ferry to Isola Bianca ran again on Monday after a week of storms kept it in port.\n"
    "Captain Lidia Sarro said the crossing was rough but safe.\n"
    "Islanders had been without fresh bread since the previous Sunday.\n"
)


def paragraph_texts(text: str, **kwargs: str) -> list[str]:
    article = parse_raw(text, **kwargs)
    return [b.text for s in article.sections for b in s.blocks if b.kind is not BlockKind.CREDITS]


def test_one_paragraph_per_line() -> None:
    assert paragraph_texts(ARTICLE) == [line for line in ARTICLE.splitlines() if line]


def test_blank_line_separated_paragraphs() -> None:
    text = "First paragraph here.\n\nSecond paragraph here.\n\n\nThird one.\n"
    assert paragraph_texts(text) == ["First paragraph here.", "Second paragraph here.", "Third one."]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "The harbour master said on Tuesday that the new breakwater would\n"
        "protect the fishing fleet from the winter storms that batter the\n"
        "coast every year.\n"
        "\n"
        "Work starts in June.\n"
    )
    assert paragraph_texts(text) == [
        "The harbour master said on Tuesday that the new breakwater would protect the fishing fleet "
        "from the winter storms that batter the coast every year.",
        "Work starts in June.",
    ]


def test_paragraph_lines_are_kept() -> None:
    article = parse_raw(ARTICLE)
    assert [block.line for block in article.sections[0].blocks] == [1, 2, 3]


def test_title_from_the_caller_wins() -> None:
    article = parse_raw(ARTICLE, title="Ferry returns")
    assert (article.title, article.title_source) == ("Ferry returns", "given")
    assert len(paragraph_texts(ARTICLE, title="Ferry returns")) == 3


def test_title_from_a_heading_like_first_line_is_removed_from_the_body() -> None:
    article = parse_raw("Ferry returns to Isola Bianca after storms\n" + ARTICLE)
    assert (article.title, article.title_source) == ("Ferry returns to Isola Bianca after storms", "heading")
    assert article.sections[0].blocks[0].text.startswith("The ferry")


def test_title_from_the_first_sentence_cut_at_a_word_boundary() -> None:
    article = parse_raw(ARTICLE)
    assert article.title_source == "sentence"
    assert article.title == "The ferry to Isola Bianca ran again on Monday after a week of storms kept it…"
    assert len(article.title) <= 80
    assert article.sections[0].blocks[0].text.startswith("The ferry")


def test_first_sentence_does_not_stop_at_abbreviations() -> None:
    assert first_sentence("U.S. officials met Dr. Sarro in St. Ives. Then they left.") == (
        "U.S. officials met Dr. Sarro in St. Ives"
    )
    assert first_sentence("Short. Then more.") == "Short"


@pytest.mark.parametrize(
    "line",
    [
        "pic.twitter.com/Ab12Cd34",
        "https://example.org/some/story",
        "— Harbour Watch (@harbourwatch) June 3, 2025",
        "— Ada (@ada_l) Sep 9, 2024",
        "Credit: Source link",
        "Photo credit: Maria Lanza/Reuters",
        "Photo: Getty Images",
        "Read more: Why the ferry keeps breaking down",
        "READ MORE",
        "Related: The island that ran out of bread",
        "Follow us on X for live updates",
        "Follow @coastdesk on Instagram",
        "© 2025 Coastal Desk. All rights reserved.",
        "Copyright 2024 Example Media",
        "Additional reporting by Nina Roth in Genoa; editing by Paul Weir",
        "Reporting by Ada Moss; Editing by Tom Hale",
        "Editing by Tom Hale",
        "Share this article",
        "Subscribe to our newsletter",
        "Sign up for the morning briefing",
        "Advertisement",
        "By Lidia Sarro and Tom Hale",
        "Updated 14:05 GMT, 3 June 2025",
    ],
)
def test_scraped_leftovers_are_recognised(line: str) -> None:
    assert is_leftover(line)


@pytest.mark.parametrize(
    "line",
    [
        "Follow the money, the prosecutor told the court, and you will find the owner.",
        "Reporting on the war has become dangerous for local journalists.",
        "Credit card debt rose for the third month in a row.",
        "The photo shows the captain on the bridge of the ferry.",
        "By the time the ferry arrived, the shops had closed.",
        "Updated rules for the harbour come into force next year.",
        "Sharing the quay with ferries will not be easy, Salvi said.",
    ],
)
def test_real_sentences_are_not_leftovers(line: str) -> None:
    assert not is_leftover(line)


def test_a_long_paragraph_is_never_a_leftover() -> None:
    assert not is_leftover("Read more: " + "word " * 60)


def test_an_embedded_post_link_is_cut_from_the_end_of_a_paragraph() -> None:
    assert strip_trailing_embed("The captain waved. pic.twitter.com/XyZ987") == (
        "The captain waved.",
        "pic.twitter.com/XyZ987",
    )
    assert strip_trailing_embed("No link here.") == ("No link here.", None)


def test_leftovers_go_to_a_final_credits_section_in_order() -> None:
    text = (
        ARTICLE
        + "The mayor filmed the arrival. pic.twitter.com/Q1w2E3r4\n"
        + "— Isola News (@isolanews) May 2, 2025\n"
        + "The ferry leaves again at dawn.\n"
        + "Additional reporting by Nina Roth\n"
        + "Credit: Source link\n"
    )
    article = parse_raw(text)
    credits = article.sections[-1]
    assert credits.title == CREDITS_TITLE
    assert all(block.kind is BlockKind.CREDITS for block in credits.blocks)
    assert [block.text for block in credits.blocks] == [
        "pic.twitter.com/Q1w2E3r4",
        "— Isola News (@isolanews) May 2, 2025",
        "Additional reporting by Nina Roth",
        "Credit: Source link",
    ]
    body = [b.text for s in article.sections[:-1] for b in s.blocks]
    assert "The mayor filmed the arrival." in body
    assert "The ferry leaves again at dawn." in body
    assert not any("pic.twitter" in text or "Credit:" in text for text in body)


def test_heading_like_lines_inside_the_text_start_sections() -> None:
    text = (
        "Ferry returns to Isola Bianca\n"
        "The ferry ran again on Monday.\n"
        "Islanders cheered at the quay.\n"
        "Bread and post arrive\n"
        "The first crates of bread were unloaded within the hour.\n"
        "Letters delayed for a week were sorted by volunteers.\n"
    )
    article = parse_raw(text)
    assert article.title == "Ferry returns to Isola Bianca"
    assert [section.title for section in article.sections] == [
        "Ferry returns to Isola Bianca",
        "Bread and post arrive",
    ]
    assert [len(section.blocks) for section in article.sections] == [2, 2]


def test_whitespace_only_text_has_no_sections() -> None:
    assert parse_raw("  \n\n \t \n").sections == []
