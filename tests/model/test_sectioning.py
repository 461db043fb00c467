"""Topic sections for raw articles: sensible counts, cuts where the subject changes, readable titles."""

from __future__ import annotations

from pathlib import Path

from tui.model.document import Block, BlockKind
from tui.model.rawtext import CREDITS_TITLE, parse_raw
from tui.model.sectioning import group_blocks, section_count

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "loader"
FLOOD = (FIXTURES / "flood_raw.txt").read_text(encoding="utf-8")

# First words of the paragraph that opens each topic of the fixture article.
TOPIC_STARTS = [
    "The river Selke",
    "Upstream, engineers",
    "Downstream of the town",
    "Economists expect",
    "Travel across",
]


def flood_sections() -> list[tuple[str, list[str]]]:
    article = parse_raw(FLOOD)
    return [
        (section.title, [block.text for block in section.blocks])
        for section in article.sections
        if section.title != CREDITS_TITLE
    ]


def test_a_thousand_word_article_gets_three_to_eight_sections() -> None:
    words = sum(len(text.split()) for _, texts in flood_sections() for text in texts)
    assert 850 <= words <= 1100
    assert 3 <= len(flood_sections()) <= 8


def test_no_section_is_a_single_paragraph() -> None:
    assert all(len(texts) >= 2 for _, texts in flood_sections())


def test_sections_start_where_the_topic_changes() -> None:
    starts = [texts[0] for _, texts in flood_sections()]
    hits = [topic for topic in TOPIC_STARTS if any(start.startswith(topic) for start in starts)]
    assert len(hits) >= 4, starts


def test_titles_are_short_distinct_and_name_the_section_subject() -> None:
    sections = flood_sections()
    titles = [title for title, _ in sections]
    assert all(title.strip() for title in titles)
    assert len(set(titles)) == len(titles)
    assert all(len(title) <= 60 for title in titles)
    for title, texts in sections:
        body = " ".join(texts)
        # Every name or key word in the title comes from the section it titles.
        for word in title.replace(":", " ").replace(" and ", " ").split():
            assert word.casefold() in body.casefold(), (title, word)


def test_titles_prefer_names_particular_to_their_section() -> None:
    titles = " ".join(title for title, _ in flood_sections())
    for person in ("Brandt", "Kask", "Sobel"):
        assert person in titles


def test_sectioning_is_deterministic() -> None:
    assert flood_sections() == flood_sections()


def test_all_paragraphs_are_kept_in_order() -> None:
    texts = [text for _, section_texts in flood_sections() for text in section_texts]
    article_lines = [line for line in FLOOD.splitlines()[1:] if line and line in texts]
    assert texts == article_lines


def test_short_texts_stay_one_section() -> None:
    blocks = [Block(BlockKind.PARAGRAPH, "A short note about the harbour in Porto Lume.", line=1)] * 3
    sections = group_blocks(blocks, fallback_title="Note")
    assert len(sections) == 1
    assert sections[0].title


def test_section_count_follows_length_but_never_one_per_paragraph() -> None:
    assert section_count(100, 5) == 1
    assert 3 <= section_count(1000, 25) <= 8
    assert section_count(1000, 4) == 2
    assert section_count(100_000, 5_000) == 40


def test_long_texts_are_grouped_quickly() -> None:
    paragraph = "Officials in {0} said the {1} would reopen soon, and residents of {0} welcomed it."
    places = ["Amberley", "Brisca", "Coldwater", "Dunmore", "Eastholm", "Fairlight"]
    things = ["bridge", "school", "market", "station", "library", "clinic"]
    blocks = [
        Block(BlockKind.PARAGRAPH, paragraph.format(places[(i // 40) % 6], things[(i // 40) % 6]), line=i + 1)
        for i in range(2_000)
    ]
    sections = group_blocks(blocks)
    assert 2 <= len(sections) <= 40
    assert sum(len(section.blocks) for section in sections) == 2_000
