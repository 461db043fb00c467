"""The final gold fixtures (``tests/eval/final``) are checked like the dev and held-out sets.

They were written last, by someone who never read the extractor, in the house styles of real wire
and newspaper copy, and are scored once: a wrong gold file would make that final figure wrong, and
a name or sentence shared with the other sets would make it less of a measure of unseen text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.eval.test_gold_fixtures import article_of, contiguous, occurs
from tui.eval.gold import Annotation, load_gold
from tui.eval.scoring import QUOTE_MATCH, entity_keys, name_key, quote_similarity, quote_tokens, score_text

FINAL = Path(__file__).parent / "final"
OTHER_SETS = (Path(__file__).parent / "articles", Path(__file__).parent / "heldout")
GOLD_FILES = sorted(FINAL.glob("*.gold.json"))
CREDIT_LINE = re.compile(
    r"(By |\(?Reporting by|Additional reporting|Editing by|Associated Press writer|Read more:|Follow "
    r"|This report by|AP cycling|\w+ correspondent$|.*Photograph: |.*THE CANADIAN PRESS/"
    r"|[A-Z][\w’']+ [A-Z][\w’'-]+ (in|at the) [A-Z][\w ]+$|— .*\(@)"
)
"""Bylines, credits, captions' photo credits and scraped leftovers: a name only there is never gold."""


def all_gold() -> list[tuple[Path, str, Annotation]]:
    return [(gold, article_of(gold).read_text(encoding="utf-8"), load_gold(gold)) for gold in GOLD_FILES]


def other_texts() -> str:
    paths = [path for folder in OTHER_SETS for path in sorted(folder.glob("*.txt"))]
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


def test_there_are_at_least_twelve_final_articles_each_with_a_gold_file() -> None:
    articles = sorted(FINAL.glob("*.txt"))
    assert len(articles) >= 12
    assert [article.name for article in articles] == [article_of(gold).name for gold in GOLD_FILES]


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda path: path.name)
def test_article_is_a_raw_news_text_of_400_to_900_words(gold: Path) -> None:
    text = article_of(gold).read_text(encoding="utf-8")
    assert 400 <= len(text.split()) <= 900
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert len(paragraphs) >= 10, "one paragraph per line"


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
def test_gold_quotes_are_distinct_from_each_other(gold: Path) -> None:
    """Two gold quotes that match each other would let one prediction find both."""
    annotation = load_gold(gold)
    texts = [quote_tokens(text) for text in [*(q.text for q in annotation.quotes), *annotation.ignore_quotes]]
    for i, first in enumerate(texts):
        for second in texts[i + 1 :]:
            if len(first) == len(second):
                assert quote_similarity(first, second) < QUOTE_MATCH, (gold.name, first[:6])


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda path: path.name)
def test_gold_scored_against_itself_is_perfect(gold: Path) -> None:
    annotation = load_gold(gold)
    score = score_text(annotation, annotation)
    for part in (score.people, score.places):
        assert part.precision == part.recall == 1.0
    assert score.quotes.recall == score.quotes.precision == score.quotes.speaker_accuracy == 1.0


def test_bylines_credits_and_captions_credits_are_never_gold() -> None:
    for gold, text, annotation in all_gold():
        body = "\n".join(line for line in text.splitlines() if not CREDIT_LINE.match(line))
        for entity in [*annotation.people, *annotation.places]:
            assert any(occurs(name, body) for name in entity.names), (
                f"{entity.name} only in credits ({gold.name})"
            )


def test_final_people_never_appear_in_the_dev_or_heldout_sets() -> None:
    """A final figure means something only if the extractor cannot have been tuned on these names."""
    others = other_texts()
    for gold, _, annotation in all_gold():
        for person in annotation.people:
            if len(person.name.split()) > 1:
                assert not occurs(person.name, others), f"{person.name} ({gold.name}) is in another set"


def test_final_articles_share_no_ten_word_run_with_the_other_sets() -> None:
    def runs(text: str) -> set[tuple[str, ...]]:
        words = quote_tokens(text)
        return {tuple(words[i : i + 10]) for i in range(len(words) - 9)}

    others = runs(other_texts())
    for gold, text, _ in all_gold():
        assert not runs(text) & others, gold.name


def test_the_final_set_covers_the_hard_cases() -> None:
    golds = all_gold()
    texts = [text for _, text, _ in golds]
    assert sum(any(mark in text for mark in "“”") for text in texts) >= 3, "curly double marks"
    assert sum('"' in text for text in texts) >= 3, "straight double marks"
    assert any("‘" in text and "“" not in text for text in texts), "curly single marks as the main marks"
    spanning = [
        quote
        for _, text, annotation in golds
        for quote in annotation.quotes
        if not any(contiguous(quote_tokens(quote.text), quote_tokens(line)) for line in text.splitlines())
    ]
    assert len(spanning) >= 5, "quotes spanning paragraphs"
    anonymous = [quote for _, _, annotation in golds for quote in annotation.quotes if quote.speaker is None]
    assert len(anonymous) >= 12, "anonymous and organisation speakers"
    assert sum(bool(annotation.ignore_quotes) for _, _, annotation in golds) >= 8, "titles, nicknames, terms"
    kinds = {place.kind for _, _, annotation in golds for place in annotation.places}
    assert kinds >= {"country", "region", "city", "town", "river", "area", "other"}
    person_words = {
        word
        for _, _, a in golds
        for person in a.people
        for key in entity_keys(person)
        for word in key.split()
    }
    place_keys = {key for _, _, a in golds for place in a.places for key in entity_keys(place)}
    assert {"austin", "georgia"} <= person_words & place_keys, "names that are people and places"
    for title in ("Sir", "Dame", "Lord", "Ms", "Dr", "Prof", "Gov.", "Sen.", "Col.", "Judge", "KC", "Chief"):
        assert any(re.search(r"(?<!\w)" + re.escape(title) + r"\s", text) for text in texts), title
    for form in ("U.S.", "US", "UK", "Britain", "United States", "Netherlands"):
        assert any(occurs(form, text, re.NOFLAG) for text in texts), form
    names = [name for _, _, a in golds for person in a.people for name in person.names]
    for particle in ("van den", "de ", "bin", "al-", "O'", "Mc", "II"):
        assert any(particle in name for name in names), particle
    dateline = re.compile(r"^[A-Z][A-Z .,]+(, [A-Z][\w.]+)*.{0,40}\([A-Z][\w ]+\) [-—] ", re.M)
    datelines = [text for text in texts if dateline.search(text)]
    assert len(datelines) >= 8, "wire-style datelines"
