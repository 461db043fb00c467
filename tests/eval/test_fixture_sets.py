"""The gold fixtures are only worth something if they are right, in every set alike.

Every name, alias and quote must really be in its article, and no gold file may let one prediction
count twice; a wrong gold file would skew every figure measured on its set. The later sets
(held-out, final, final2) were written to measure the extractor on text it was never tuned on, so
they must also share no person and no sentence with the sets written before them. What each set
must cover beyond this lives in ``test_fixture_coverage.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval.goldcheck import (
    SETS,
    FixtureSet,
    article_of,
    contiguous,
    earlier_runs,
    earlier_text,
    gold_files,
    gold_of,
    occurs,
    ten_word_runs,
)
from tui.eval.scoring import QUOTE_MATCH, entity_keys, name_key, quote_similarity, quote_tokens, score_text


def each_gold(sets: tuple[FixtureSet, ...] = SETS) -> list[object]:
    """One test case per gold file of the given sets, named ``set:file``."""
    return [
        pytest.param(fixture_set, gold, id=f"{fixture_set.name}:{gold.name}")
        for fixture_set in sets
        for gold in gold_files(fixture_set)
    ]


EVERY_GOLD = each_gold()
LATER_GOLD = each_gold(SETS[1:])
"""Gold files of the sets that were written after another set and must not overlap it."""


@pytest.mark.parametrize("fixture_set", SETS, ids=lambda fixture_set: fixture_set.name)
def test_there_are_at_least_twelve_articles_each_with_a_gold_file(fixture_set: FixtureSet) -> None:
    articles = sorted(fixture_set.folder.glob("*.txt"))
    assert len(articles) >= 12
    assert [article.name for article in articles] == [
        article_of(gold).name for gold in gold_files(fixture_set)
    ]


@pytest.mark.parametrize(("fixture_set", "gold"), EVERY_GOLD)
def test_article_is_a_raw_news_text_within_its_sets_bounds(fixture_set: FixtureSet, gold: Path) -> None:
    text = gold_of(fixture_set, gold).text
    fewest, most = fixture_set.words
    assert fewest <= len(text.split()) <= most
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert len(paragraphs) >= fixture_set.min_paragraphs, "one paragraph per line"


@pytest.mark.parametrize(("fixture_set", "gold"), EVERY_GOLD)
def test_every_gold_name_and_alias_occurs_in_the_article(fixture_set: FixtureSet, gold: Path) -> None:
    _, text, annotation = gold_of(fixture_set, gold)
    for entity in [*annotation.people, *annotation.places]:
        for name in entity.names:
            assert occurs(name, text), f"{name!r} is not in {gold.name}'s article"
    for name in annotation.ignore:
        assert occurs(name, text), f"ignored {name!r} is not in {gold.name}'s article"


@pytest.mark.parametrize(("fixture_set", "gold"), EVERY_GOLD)
def test_every_gold_quote_occurs_word_for_word_in_the_article(fixture_set: FixtureSet, gold: Path) -> None:
    _, article, annotation = gold_of(fixture_set, gold)
    words = quote_tokens(article)
    for text in [*(quote.text for quote in annotation.quotes), *annotation.ignore_quotes]:
        assert contiguous(quote_tokens(text), words), f"quote {text[:40]!r} is not in {gold.name}'s article"


@pytest.mark.parametrize(("fixture_set", "gold"), EVERY_GOLD)
def test_gold_entities_of_one_kind_never_share_a_name(fixture_set: FixtureSet, gold: Path) -> None:
    """Otherwise one prediction would find two gold entities and recall would be inflated."""
    annotation = gold_of(fixture_set, gold).annotation
    ignored = {name_key(name) for name in annotation.ignore}
    for entities in (annotation.people, annotation.places):
        seen: set[str] = set()
        for entity in entities:
            keys = entity_keys(entity)
            assert not keys & seen, f"{entity.name} shares a name with another entity in {gold.name}"
            assert not keys & ignored, f"{entity.name} is both gold and ignored in {gold.name}"
            seen |= keys


@pytest.mark.parametrize(("fixture_set", "gold"), EVERY_GOLD)
def test_gold_quotes_are_distinct_from_each_other(fixture_set: FixtureSet, gold: Path) -> None:
    """Two gold quotes that match each other would let one prediction find both."""
    annotation = gold_of(fixture_set, gold).annotation
    texts = [quote_tokens(text) for text in [*(q.text for q in annotation.quotes), *annotation.ignore_quotes]]
    for i, first in enumerate(texts):
        for second in texts[i + 1 :]:
            if len(first) == len(second):
                assert quote_similarity(first, second) < QUOTE_MATCH, (gold.name, first[:6])


@pytest.mark.parametrize(("fixture_set", "gold"), EVERY_GOLD)
def test_gold_scored_against_itself_is_perfect(fixture_set: FixtureSet, gold: Path) -> None:
    annotation = gold_of(fixture_set, gold).annotation
    score = score_text(annotation, annotation)
    for part in (score.people, score.places):
        assert part.precision == part.recall == 1.0
    assert score.quotes.recall == score.quotes.precision == score.quotes.speaker_accuracy == 1.0


@pytest.mark.parametrize(("fixture_set", "gold"), EVERY_GOLD)
def test_bylines_credits_and_scraped_leftovers_are_never_gold(fixture_set: FixtureSet, gold: Path) -> None:
    """A name only in a byline or photo credit is not someone the article is about."""
    _, text, annotation = gold_of(fixture_set, gold)
    body = "\n".join(line for line in text.splitlines() if not fixture_set.credit_line.match(line))
    for entity in [*annotation.people, *annotation.places]:
        assert any(occurs(name, body) for name in entity.names), (
            f"{entity.name} only in credits ({gold.name})"
        )


@pytest.mark.parametrize(("fixture_set", "gold"), LATER_GOLD)
def test_people_never_appear_in_an_earlier_set(fixture_set: FixtureSet, gold: Path) -> None:
    """A later set's figure means something only if the extractor cannot have been tuned on its names."""
    others = earlier_text(fixture_set)
    for person in gold_of(fixture_set, gold).annotation.people:
        if len(person.name.split()) > 1:
            assert not occurs(person.name, others), f"{person.name} ({gold.name}) is in an earlier set"


@pytest.mark.parametrize(("fixture_set", "gold"), LATER_GOLD)
def test_articles_share_no_ten_word_run_with_an_earlier_set(fixture_set: FixtureSet, gold: Path) -> None:
    assert not ten_word_runs(gold_of(fixture_set, gold).text) & earlier_runs(fixture_set), gold.name
