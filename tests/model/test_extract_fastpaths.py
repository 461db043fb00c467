"""The extractor's look-ups by word find exactly what the regexes they replaced found.

Each replaced regex is kept here as the reference, and hypothesis looks for any text on
which the two disagree, so the speed-ups can never change what a briefing's reader sees.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model.extract.aliases import AliasFinder
from tui.model.extract.candidates import _SEQUENCE, _split
from tui.model.extract.classify import _head_before, _word_before
from tui.model.extract.lexicon import ROLE_NOUNS, SPEECH_VERBS
from tui.model.extract.place_context import locative_before, nearby_before
from tui.model.extract.quotes import _SENTENCE_BREAK
from tui.model.extract.speech_shapes import opening_pronouns, speech_verbs
from tui.model.extract.words import trie_pattern
from tui.model.leftovers import _TRAILING_EMBED, strip_trailing_embed

# Pieces chosen to meet every edge of the rule: possessives ("'s", "’", "s'"), hyphens and
# apostrophes before a name, a name running on into a longer word, accents, digits and underscores.
PIECES = ["Anna", "Annas", "Anna Lind", "Lind", "Jean-Claude", "Jean", "O’Brien", "St. Ives", "St",
          "Zoë", "Kyiv2", "a_b", "s", "'s", "’", "'", "-", " ", ".", ", ", "x", "é", "\n"]
ALIASES = ["Anna", "Anna Lind", "Lind", "Jean", "Jean-Claude", "O’Brien", "St. Ives", "Zoë", "Annas",
           "a_b", "Kyiv2"]


def _regex_spans(aliases: list[str], text: str) -> list[tuple[int, int]]:
    """The search the finder replaced: one alternation of every alias, longest first."""
    pattern = re.compile(
        r"(?<![\w’'-])(?:"
        + "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))
        + r")(?:['’]s\b|(?<=s)['’](?!\w))?(?!\w)"
    )
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALIASES), min_size=1, max_size=6),
       st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_word_lookup_finds_what_the_regex_finds(aliases: list[str], text: str) -> None:
    assert list(AliasFinder(aliases).spans(text)) == _regex_spans(aliases, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=5),
       st.lists(st.one_of(st.text(max_size=6), st.sampled_from(PIECES)), max_size=20))
def test_any_aliases_in_any_text(aliases: list[str], pieces: list[str]) -> None:
    """Arbitrary aliases (punctuation first, spaces, any script), some of them planted in the text."""
    planted = (aliases[i % len(aliases)] if i % 3 == 0 else "" for i in range(len(pieces)))
    text = "".join(piece + alias for piece, alias in zip(pieces, planted, strict=True))
    assert list(AliasFinder(aliases).spans(text)) == _regex_spans(aliases, text)


def test_longest_alias_wins_and_possessives_are_kept() -> None:
    finder = AliasFinder(["Anna", "Anna Lind", "Jones"])
    text = "Anna Lind’s aide met Anna and the Jones' dog; Annabel did not."
    assert [text[a:b] for a, b in finder.spans(text)] == ["Anna Lind’s", "Anna", "Jones'"]


VERBS = sorted(SPEECH_VERBS | {"adding", "according"}, key=len, reverse=True)
VERB_REGEX = re.compile(r"\b(?:" + "|".join(VERBS) + r")\b")
HEAD_REGEXES = [re.compile(rf"\b(?:{'|'.join(sorted(SPEECH_VERBS))})\s+$"),
                re.compile(r"\b(" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\s+$")]
WORDS = ["said", "unsaid", "says", "told", "according", "adding", "minister", "vice-president",
         "president", "ex", "-", "secretary-general", "general", "spokesman", "Said", "said_", "said2",
         " ", "  ", "\u00a0", "\n", ",", ".", "“", "é", "x", "sai", "addin", "saying", "tol"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14).map("".join), st.integers(0, 60), st.integers(0, 60))
def test_speech_verbs_are_the_regex_matches(text: str, start: int, length: int) -> None:
    """Anywhere in a text, also from a start inside a word ("unsaid" from its "s") and to an end."""
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert speech_verbs(text, start, end) == [m.start() for m in VERB_REGEX.finditer(text, start, end)]
    assert speech_verbs(text) == [m.start() for m in VERB_REGEX.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=10).map("".join))
def test_a_verb_or_role_before_is_what_the_regexes_found(before: str) -> None:
    assert _head_before(before) == any(regex.search(before) for regex in HEAD_REGEXES)


def test_a_hyphenated_role_and_its_last_part_both_count() -> None:
    assert _head_before("the former vice-president ")
    assert _head_before("an ex-minister ")
    assert not _head_before("he said")  # nothing after the verb: the name does not follow it
    assert not _head_before("the unsaid ")


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(alphabet="abs’", min_size=1, max_size=4), max_size=12),
       st.text(alphabet="abs’", max_size=5))
def test_a_trie_pattern_matches_exactly_its_words(words: set[str], probe: str) -> None:
    """Words sharing beginnings, one a prefix of another, apostrophes: exactly the set, nothing more."""
    pattern = re.compile(trie_pattern(words))
    assert bool(pattern.fullmatch(probe)) == (probe in words)
    assert all(pattern.fullmatch(word) for word in words)


def test_a_verb_is_a_whole_word_even_when_the_search_starts_inside_one() -> None:
    text = "the unsaid words, he said"
    assert speech_verbs(text, text.index("said")) == [text.rindex("said")]
    assert speech_verbs(text, 0, text.index(" words")) == []


NAME_PIECES = ["Dr.", "J.", "U.S.", "Jean-Claude", "al-Assad", "O’Brien", "Ma’an", "Eun-ji", "Kyiv-based",
               "Stratford-upon-Avon", "NATO", "von der", "Gulf of", "Smith’s", "Sánchez", " ", " ", "\u00a0",
               ", ", ". ", "-", "said", "a", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=16).map("".join))
def test_a_run_splits_into_the_tokens_a_search_of_the_whole_text_finds(text: str) -> None:
    """Splitting with the search cut a little past the run gives the same tokens as searching on."""
    for match in _SEQUENCE.finditer(text):
        start, end = match.span()
        cut = [piece.span() for piece in _split(text, start, end)]
        assert cut == [piece.span() for piece in _split(text, start, end, len(text))]


SENTENCE_PIECES = ["He", "She", "he", "Shed", "U.S.", "Mr.", "Dr", ".", "!", "?", "”", "’", "\"", "“", "‘",
                   " ", "  ", "\n", "A", "Ab", "ab", "0", "x", "é", "Ünal"]
OLD_BREAK = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?]['’”\"]?\s+(?=[“\"‘]?[A-Z0-9])")
OLD_PRONOUN = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”’\"]\s))(?P<p>He|She)\s")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=20).map("".join))
def test_sentence_breaks_and_opening_pronouns_are_what_the_old_patterns_found(text: str) -> None:
    assert [m.span() for m in _SENTENCE_BREAK.finditer(text)] == [m.span() for m in OLD_BREAK.finditer(text)]
    assert opening_pronouns(text) == [(m.start("p"), m.group("p")) for m in OLD_PRONOUN.finditer(text)]


EMBED_PIECES = ["pic.twitter.com/", "PIC.Twitter.com/", "https://t.co/", "http://T.CO/", "abc", "x", " ",
                "\n", "\t", "\u00a0", "/", ":", "text"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EMBED_PIECES), max_size=12).map("".join))
def test_a_trailing_embed_is_cut_exactly_where_the_pattern_finds_it(text: str) -> None:
    match = _TRAILING_EMBED.search(text)
    expected = (text, None) if match is None else (text[: match.start()].rstrip(), match.group().strip())
    assert strip_trailing_embed(text) == expected


OLD_WORD_BEFORE = re.compile(r"([\w’'-]+)[ \u00a0]+$")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "’", "'", "of", "\u00a0", "\n\n", "\t"]), max_size=10).map("".join))
def test_the_word_before_is_what_the_old_pattern_captured(before: str) -> None:
    match = OLD_WORD_BEFORE.search(before)
    assert _word_before(before) == (match.group(1) if match else None)


OLD_LOCATIVE = re.compile(
    r"\b(?:(?:near|outside|around|towards?|across|throughout|via|along|beyond|off|nearby)"
    r"|(?:in|on|across|around|into|through|throughout|over|along|off|near|under|beneath|below|above|among|"
    r"within|beyond)\s+the)[ \u00a0]+$"
)
OLD_NEARBY = re.compile(r"\b(?:near|outside|nearby|neighbouring|neighboring|towards?|via)[ \u00a0]+$")
PLACE_WORDS = ["near", "in", "the", "thee", "within", "on", "towards", "toward", "neighbouring", "via", "x",
               "a", "In", " ", "  ", "\u00a0", "\n", "\t", ",", "-", "é"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PLACE_WORDS), max_size=10).map("".join))
def test_a_preposition_before_is_what_the_old_patterns_found(before: str) -> None:
    assert locative_before(before) == bool(OLD_LOCATIVE.search(before))
    assert nearby_before(before) == bool(OLD_NEARBY.search(before))


def test_a_preposition_then_spaces_and_one_newline_still_counts_as_the_old_patterns_did() -> None:
    for before in ("flew near \n", "lives in the\u00a0\n", "in the \n\n", "near\n", "outside  "):
        assert locative_before(before) == bool(OLD_LOCATIVE.search(before)), before
        assert nearby_before(before) == bool(OLD_NEARBY.search(before)), before
