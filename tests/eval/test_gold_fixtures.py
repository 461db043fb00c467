"""The gold fixtures are only worth something if they are right: every name, alias and quote
must really be in its article, and together the articles must cover the hard cases the
extraction-quality issue lists, so a high score means something."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.eval.gold import Annotation, load_gold
from tui.eval.scoring import QUOTE_MATCH, entity_keys, name_key, quote_similarity, quote_tokens, score_text

ARTICLES = Path(__file__).parent / "articles"
GOLD_FILES = sorted(ARTICLES.glob("*.gold.json"))
CURLY = "“”‘’"


def article_of(gold: Path) -> Path:
    return gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")


def occurs(name: str, text: str, flags: re.RegexFlag = re.IGNORECASE) -> bool:
    """Whole-word occurrence (case ignored: a canonical "Seattle" may only occur as a dateline "SEATTLE")."""
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, flags) is not None


def contiguous(needle: list[str], haystack: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def all_gold() -> list[tuple[Path, str, Annotation]]:
    return [(gold, article_of(gold).read_text(encoding="utf-8"), load_gold(gold)) for gold in GOLD_FILES]


def test_there_are_at_least_twelve_articles_each_with_a_gold_file() -> None:
    articles = sorted(ARTICLES.glob("*.txt"))
    assert len(articles) >= 12
    assert [article.name for article in articles] == [article_of(gold).name for gold in GOLD_FILES]


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda path: path.name)
def test_article_is_a_raw_news_text_of_300_to_700_words(gold: Path) -> None:
    text = article_of(gold).read_text(encoding="utf-8")
    assert 300 <= len(text.split()) <= 700
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert len(paragraphs) >= 8, "one paragraph per line"


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda path: path.name)
def test_every_gold_name_and_alias_occurs_in_the_article(gold: Path) -> None:
    text = article_of(gold).read_text(encoding="utf-8")
    annotation = load_gold(gold)
    for entity in [*annotation.people, *annotation.places]:
        for name in entity.names:
            assert occurs(name, text), f"{name!r} is not in {gold.name}'s article"
    for name in annotation.ignore:
        assert occurs(name, text), f"ignored {name!r} is not in {gold.name}'s article"


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda path: path.name)
def test_every_gold_quote_occurs_word_for_word_in_the_article(gold: Path) -> None:
    words = quote_tokens(article_of(gold).read_text(encoding="utf-8"))
    annotation = load_gold(gold)
    for text in [*(quote.text for quote in annotation.quotes), *annotation.ignore_quotes]:
        assert contiguous(quote_tokens(text), words), f"quote {text[:40]!r} is not in {gold.name}'s article"


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda path: path.name)
def test_gold_entities_of_one_kind_never_share_a_name(gold: Path) -> None:
    """Otherwise one prediction would find two gold entities and recall would be inflated."""
    annotation = load_gold(gold)
    ignored = {name_key(name) for name in annotation.ignore}
    for entities in (annotation.people, annotation.places):
        seen: set[str] = set()
        for entity in entities:
            keys = entity_keys(entity)
            assert not keys & seen, f"{entity.name} shares a name with another entity in {gold.name}"
            assert not keys & ignored, f"{entity.name} is both gold and ignored in {gold.name}"
            seen |= keys


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda path: path.name)
def test_gold_scored_against_itself_is_perfect(gold: Path) -> None:
    annotation = load_gold(gold)
    score = score_text(annotation, annotation)
    for part in (score.people, score.places):
        assert part.precision == part.recall == 1.0
    assert score.quotes.recall == score.quotes.precision == score.quotes.speaker_accuracy == 1.0


def test_bylines_and_credits_are_never_gold() -> None:
    for gold, text, annotation in all_gold():
        credits = [
            line
            for line in text.splitlines()
            if re.match(r"(By |Follow |Additional reporting|Reporting by|Read more:)", line)
            or "pic.twitter" in line
        ]
        body = "\n".join(line for line in text.splitlines() if line not in credits)
        for entity in [*annotation.people, *annotation.places]:
            assert any(occurs(name, body) for name in entity.names), (
                f"{entity.name} only in credits ({gold.name})"
            )


def test_the_fixtures_cover_the_hard_cases_of_the_issue() -> None:
    golds = all_gold()
    texts = [text for _, text, _ in golds]
    assert sum(any(mark in text for mark in CURLY) for text in texts) >= 3, "curly quotation marks"
    assert sum('"' in text for text in texts) >= 3, "straight quotation marks"
    assert any("‘" in text and "“" not in text for text in texts), "single marks as the main quotation marks"
    assert sum(bool(annotation.ignore_quotes) for _, _, annotation in golds) >= 2, (
        "single quotes inside double"
    )
    spanning = [
        quote
        for _, text, annotation in golds
        for quote in annotation.quotes
        if not any(contiguous(quote_tokens(quote.text), quote_tokens(line)) for line in text.splitlines())
    ]
    assert len(spanning) >= 4, "quotes spanning paragraphs"
    anonymous = [quote for _, _, annotation in golds for quote in annotation.quotes if quote.speaker is None]
    assert len(anonymous) >= 10, "anonymous and organisation speakers"
    kinds = {place.kind for _, _, annotation in golds for place in annotation.places}
    assert kinds >= {"country", "region", "city", "town", "river", "area"}
    both = [
        key
        for _, _, annotation in golds
        for key in set().union(*(entity_keys(p) for p in annotation.people))
        & set().union(*(entity_keys(p) for p in annotation.places))
    ]
    assert {"washington", "jordan"} <= set(both), "names that are both a person and a place"
    assert any(re.search(r"\b(?:Sir|Lord|Lady|Mrs|Gov\.|Dr)\s", text) for text in texts), "titles"
    for form in ("U.S.", "Britain", "United States"):
        assert any(occurs(form, text) for text in texts), form
    datelines = [
        text for text in texts if re.search(r"^[A-Z][A-Z .]+,.{0,40}\([A-Z][\w ]+\) [-—] ", text, re.M)
    ]
    assert len(datelines) >= 8, "wire-style datelines"
    assert sum(bool(annotation.ignore) for _, _, annotation in golds) >= 10, "bylines, credits, facilities"


def test_the_fixtures_quote_titles_nicknames_and_translations_that_are_not_quotes() -> None:
    """Quotes precision is only tested if the articles hold marked phrases that nobody said."""
    not_quotes = []
    for _, text, annotation in all_gold():
        known = [quote_tokens(quote.text) for quote in annotation.quotes]
        for match in re.finditer(r"[“\"](\S[^”\"\n]{0,38}\S)[”\"]", text):
            words = quote_tokens(match.group(1))
            if not any(quote_similarity(gold, words) >= QUOTE_MATCH for gold in known):
                not_quotes.append(match.group(1))
    assert len(not_quotes) >= 15, not_quotes
