"""Properties of the extractor on arbitrary text: exact, in-block, non-overlapping mentions; no exceptions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model.document import Block, BlockKind, Section
from tui.model.entities import Entity, EntityKind, Origin
from tui.model.extract import DeclaredQuote, annotate
from tui.model.extract.names import entity_id, strip_possessive

WORDS = [
    "said",
    "the",
    "in",
    "of",
    "Mr",
    "Sir",
    "President",
    "Anna",
    "Smith",
    "Smith’s",
    "Kyiv",
    "Kiev",
    "region",
    "River",
    "town",
    "“",
    "”",
    '"',
    "'",
    "’",
    ",",
    ".",
    ":",
    "he",
    "she",
    "added",
    "US",
    "U.S.",
    "Paris",
    "Washington",
    "Jordan",
    "al-Rashid",
    "van",
    "der",
    "Berg",
    "—",
    "\n",
    "Ünal",
    "O’Brien",
    "Kremlin",
]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(TEXT, min_size=1, max_size=4), min_size=1, max_size=3))
def test_every_mention_is_exact_and_inside_its_block(paragraphs: list[list[str]]) -> None:
    sections = [
        Section(f"S{i}", [Block(BlockKind.PARAGRAPH, p) for p in ps]) for i, ps in enumerate(paragraphs)
    ]
    declared = [
        Entity(
            entity_id(EntityKind.PERSON, "Anna Smith"),
            EntityKind.PERSON,
            "Anna Smith",
            ["Anna Smith", "Smith"],
            origin=Origin.DECLARED,
        )
    ]
    result = annotate(sections, declared, [DeclaredQuote("said the", "Anna Smith")], extract=True)
    previous = None
    for mention in result.mentions:
        loc = mention.location
        text = sections[loc.section].blocks[loc.block].text
        assert 0 <= loc.start < loc.end <= len(text)
        assert text[loc.start : loc.end] == mention.text
        entity = result.entities[mention.entity_id]
        assert mention.text in entity.aliases or strip_possessive(mention.text) in entity.aliases
        if previous is not None:
            assert previous < loc
            assert (previous.section, previous.block) != (loc.section, loc.block) or previous.end <= loc.start
        previous = loc
    for quote in result.quotes:
        assert quote.spans
        for span in quote.spans:
            assert 0 <= span.start <= span.end <= len(sections[span.section].blocks[span.block].text)
        assert quote.speaker_id is None or quote.speaker_id in result.entities


def test_credits_blocks_are_never_a_source() -> None:
    section = Section(
        "S",
        [
            Block(BlockKind.PARAGRAPH, "Maya Torres visited Lima."),
            Block(BlockKind.CREDITS, "Additional reporting by Henrik Dahl in Oslo"),
        ],
    )
    result = annotate([section], extract=True)
    names = {e.name for e in result.entities.values()}
    assert "Maya Torres" in names and "Henrik Dahl" not in names and "Oslo" not in names


def test_declared_entities_win_and_get_every_mention() -> None:
    section = Section(
        "S", [Block(BlockKind.PARAGRAPH, "Ana Reyes spoke. Reyes left. “We stay,” Reyes said.")]
    )
    declared = Entity(
        "person:ana-reyes",
        EntityKind.PERSON,
        "Ana Reyes",
        ["Ana Reyes", "Reyes"],
        role="mayor",
        origin=Origin.DECLARED,
    )
    result = annotate([section], [declared], [DeclaredQuote("We stay", "Ana Reyes")], extract=True)
    assert [m.text for m in result.mentions if m.entity_id == "person:ana-reyes"] == [
        "Ana Reyes",
        "Reyes",
        "Reyes",
    ]
    assert result.entities["person:ana-reyes"].origin is Origin.DECLARED
    assert len(result.quotes) == 1 and result.quotes[0].declared
    assert result.quotes[0].speaker_id == "person:ana-reyes"


def test_extract_off_gives_only_declared() -> None:
    section = Section("S", [Block(BlockKind.PARAGRAPH, "Maya Torres said “hello there, everyone” in Lima.")])
    result = annotate([section], extract=False)
    assert result.entities == {} and result.quotes == [] and result.mentions == []


_PIECES = ["A", "A.", "Ab", "U.S.", "Mr", "de", ". ", "-", "’s", "(D-", ")"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_initials_and_dots_never_raise(pieces: list[str]) -> None:
    text = " ".join(pieces)
    annotate([Section("t", [Block(BlockKind.PARAGRAPH, text)])])
