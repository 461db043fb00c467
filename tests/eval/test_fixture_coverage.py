"""Each gold set must hold the hard cases the extraction-quality issue lists, or a high score on it
would mean little: quotation-mark styles, quotes spanning paragraphs, anonymous speakers, names that
are both a person and a place, titles, particles, datelines, and marked phrases nobody said.

The sets were written at different times for different purposes, so each has its own expectations;
they live in one table (:data:`HARD_CASES`), and what only one set checks has its own test below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tests.eval.goldcheck import SET_BY_NAME, SETS, Gold, golds_of, occurs, spanning_quotes
from tui.eval.scoring import QUOTE_MATCH, entity_keys, quote_similarity, quote_tokens

WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .]+,.{0,40}\([A-Z][\w ]+\) [-—] ", re.M)
"""``CITY, Country (Agency) - `` at the start of a paragraph."""
DOUBLE_MARKED = re.compile(r"[“\"](\S[^”\"\n]{0,38}\S)[”\"]")
"""A short phrase in double quotation marks: a title, nickname or translation, or a short quote."""
ANY_MARKED = re.compile(r"[“\"‘](\S[^”\"’\n]{0,38}\S)[”\"’]")
"""The same in double or curly single marks."""
ALL_KINDS = frozenset({"country", "region", "city", "town", "river", "area", "other"})


@dataclass(frozen=True, kw_only=True)
class HardCases:
    """What one set must hold; every count is of articles or gold entries across the whole set.

    The defaults are what the later sets (written once the issue's list was settled) all ask for, so
    each row of :data:`HARD_CASES` says only where its set differs.
    """

    people_and_places: frozenset[str]
    """Words that are in a person's name and also a place's whole name."""
    titles: tuple[str, ...]
    """Titles that must each occur before a space (``Sir``, ``Gov.``...)."""
    titles_before_names: tuple[str, ...] = ()
    """Titles that must each occur right before a capitalised name."""
    country_forms: tuple[str, ...]
    """Ways of naming a country that must each occur, with this very case."""
    particles: tuple[str, ...]
    """Pieces of names (``van der``, ``al-``, ``O'``...) that some gold person's name must hold."""
    min_datelines: int
    dateline: re.Pattern[str] = WIRE_DATELINE
    curly_marks: str = "“”"
    """At least three articles use one of these curly marks."""
    min_spanning: int = 5
    min_anonymous: int = 12
    """Quotes with no named speaker (anonymous or an organisation)."""
    min_with_ignored_quotes: int = 8
    ignored_quotes_are: str = "titles, nicknames, terms"
    """What the set's ignored quotes stand for (the failure message)."""
    place_kinds: frozenset[str] = ALL_KINDS
    not_quote_marks: re.Pattern[str] = ANY_MARKED
    ignored_quotes_are_said: bool = False
    """Whether a phrase matching an ignored quote counts as said (so not as a phrase nobody said)."""


HARD_CASES: dict[str, HardCases] = {
    "dev": HardCases(
        people_and_places=frozenset({"washington", "jordan"}),
        titles=("Sir", "Lord", "Lady", "Mrs", "Gov.", "Dr"),
        country_forms=("U.S.", "Britain", "United States"),
        particles=(),
        min_datelines=8,
        curly_marks="“”‘’",
        min_spanning=4,
        min_anonymous=10,
        min_with_ignored_quotes=2,
        ignored_quotes_are="single quotes inside double",
        place_kinds=ALL_KINDS - {"other"},
        not_quote_marks=DOUBLE_MARKED,
    ),
    "heldout": HardCases(
        people_and_places=frozenset({"paris", "chad", "georgia", "jordan"}),
        titles=("Sir", "Dame", "Lord", "Mrs", "Ms", "Dr", "Gov.", "Sen.", "Rep.", "Gen.", "Lt. Col.", "KC"),
        country_forms=("U.S.", "US", "America", "Britain", "UK", "United States", "Netherlands", "Holland"),
        particles=("van der", "de la", "del", "bin", "al-", "O'", "O’", "Mc"),
        min_datelines=7,
        min_with_ignored_quotes=6,
        ignored_quotes_are="nested and doubtful marks",
        ignored_quotes_are_said=True,
    ),
    "final": HardCases(
        people_and_places=frozenset({"austin", "georgia"}),
        titles=("Sir", "Dame", "Lord", "Ms", "Dr", "Prof", "Gov.", "Sen.", "Col.", "Judge", "KC", "Chief"),
        country_forms=("U.S.", "US", "UK", "Britain", "United States", "Netherlands"),
        particles=("van den", "de ", "bin", "al-", "O'", "Mc", "II"),
        dateline=re.compile(r"^[A-Z][A-Z .,]+(, [A-Z][\w.]+)*.{0,40}\([A-Z][\w ]+\) [-—] ", re.M),
        min_datelines=8,
    ),
    "final2": HardCases(
        people_and_places=frozenset({"victoria", "aurora", "chad"}),
        titles=("Sir", "Dame", "Lord", "Mr", "Ms", "Mr.", "Dr", "Dr.", "Prof", "Gov.", "Sen.", "Col."),
        titles_before_names=(
            "Gen.",
            "Justice",
            "Chief Justice",
            "Grand Chief",
            "President",
            "Mayor",
            "Aunty",
        ),
        country_forms=("U.S.", "US", "United States", "Britain", "Netherlands"),
        particles=("van ", "von der ", " ap ", "O'", "Mc", "XVI", "Abdel"),
        dateline=re.compile(r"^[A-Z][A-Z' .,]+(, [A-Z][\w.]+)*.{0,40}(\([A-Z][\w ]+\) )?[-—] ", re.M),
        min_datelines=9,
    ),
}

EVERY_SET = pytest.mark.parametrize("name", [fixture_set.name for fixture_set in SETS])


def golds_named(name: str) -> tuple[Gold, ...]:
    return golds_of(SET_BY_NAME[name])


def texts_named(name: str) -> list[str]:
    return [gold.text for gold in golds_named(name)]


def test_every_set_has_its_hard_cases() -> None:
    assert set(HARD_CASES) == set(SET_BY_NAME)


@EVERY_SET
def test_the_set_covers_the_hard_cases(name: str) -> None:
    cases = HARD_CASES[name]
    golds = golds_named(name)
    texts = texts_named(name)
    assert sum(any(mark in text for mark in cases.curly_marks) for text in texts) >= 3, "curly marks"
    assert sum('"' in text for text in texts) >= 3, "straight double marks"
    assert any("‘" in text and "“" not in text for text in texts), "curly single marks as the main marks"
    assert len(spanning_quotes(golds)) >= cases.min_spanning, "quotes spanning paragraphs"
    anonymous = [quote for _, _, annotation in golds for quote in annotation.quotes if quote.speaker is None]
    assert len(anonymous) >= cases.min_anonymous, "anonymous and organisation speakers"
    with_ignored = sum(bool(annotation.ignore_quotes) for _, _, annotation in golds)
    assert with_ignored >= cases.min_with_ignored_quotes, cases.ignored_quotes_are
    assert {place.kind for _, _, a in golds for place in a.places} >= cases.place_kinds
    person_words = {
        word
        for _, _, a in golds
        for person in a.people
        for key in entity_keys(person)
        for word in key.split()
    }
    place_keys = {key for _, _, a in golds for place in a.places for key in entity_keys(place)}
    assert cases.people_and_places <= person_words & place_keys, "names that are people and places"
    for title in cases.titles:
        assert any(re.search(r"(?<!\w)" + re.escape(title) + r"\s", text) for text in texts), title
    for title in cases.titles_before_names:
        assert any(re.search(r"(?<!\w)" + re.escape(title) + r" [A-Z]", text) for text in texts), title
    for form in cases.country_forms:
        assert any(occurs(form, text, re.NOFLAG) for text in texts), form
    names = [alias for _, _, a in golds for person in a.people for alias in person.names]
    for particle in cases.particles:
        assert any(particle in name for name in names), particle
    datelines = [text for text in texts if cases.dateline.search(text)]
    assert len(datelines) >= cases.min_datelines, "wire-style datelines"


@EVERY_SET
def test_the_set_quotes_titles_nicknames_and_translations_that_are_not_quotes(name: str) -> None:
    """Quote precision is only measured if the articles hold marked phrases that nobody said."""
    cases = HARD_CASES[name]
    not_quotes = []
    for _, text, annotation in golds_named(name):
        known = [quote_tokens(quote.text) for quote in annotation.quotes]
        if cases.ignored_quotes_are_said:
            known += [quote_tokens(ignored) for ignored in annotation.ignore_quotes]
        for match in cases.not_quote_marks.finditer(text):
            words = quote_tokens(match.group(1))
            if not any(quote_similarity(gold, words) >= QUOTE_MATCH for gold in known):
                not_quotes.append(match.group(1))
    assert len(not_quotes) >= 15, not_quotes


def test_dev_set_has_people_and_places_of_one_name_in_one_article() -> None:
    """The hardest form of the clash: the same article names a person and a place alike."""
    both = [
        key
        for _, _, annotation in golds_named("dev")
        for key in set().union(*(entity_keys(p) for p in annotation.people))
        & set().union(*(entity_keys(p) for p in annotation.places))
    ]
    assert {"washington", "jordan"} <= set(both), "names that are both a person and a place"


def test_dev_set_has_bylines_credits_and_facilities_to_ignore() -> None:
    assert sum(bool(annotation.ignore) for _, _, annotation in golds_named("dev")) >= 10


def test_heldout_set_uses_straight_single_marks_as_the_main_marks() -> None:
    assert any(re.search(r"^'[A-Z]", text, re.M) for text in texts_named("heldout"))


def test_final2_set_has_post_nominals_party_tags_ages_and_credits() -> None:
    texts = texts_named("final2")
    for post_nominal in ("SC", "MSP"):
        assert any(re.search(r"[a-z] " + post_nominal + r"\b", text) for text in texts), post_nominal
    assert any(re.search(r"\((?:D|R)-[A-Z][a-z]+\.\)", text) for text in texts), "US party tags"
    assert sum(bool(re.search(r"[A-Z]\w+, \d\d,", text)) for text in texts) >= 6, "ages after names"
    for credit in ("Editing by", "Read more:", "Photograph:", "(@", "contributed"):
        assert any(credit in text for text in texts), credit
