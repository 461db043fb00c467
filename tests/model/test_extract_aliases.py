"""Finding aliases by word look-up finds exactly what the one-regex-per-briefing search found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model.extract.aliases import AliasFinder, _alternation

# Pieces chosen to meet every edge of the rule: possessives ("'s", "’", "s'"), hyphens and
# apostrophes before a name, a name running on into a longer word, accents, digits and underscores.
PIECES = ["Anna", "Annas", "Anna Lind", "Lind", "Jean-Claude", "Jean", "O’Brien", "St. Ives", "St",
          "Zoë", "Kyiv2", "a_b", "s", "'s", "’", "'", "-", " ", ".", ", ", "x", "é", "\n"]
ALIASES = ["Anna", "Anna Lind", "Lind", "Jean", "Jean-Claude", "O’Brien", "St. Ives", "Zoë", "Annas",
           "a_b", "Kyiv2"]


def _regex_spans(aliases: list[str], text: str) -> list[tuple[int, int]]:
    pattern = _alternation(sorted(set(aliases), key=len, reverse=True))
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
    text = "".join(piece + (aliases[i % len(aliases)] if i % 3 == 0 else "") for i, piece in enumerate(pieces))
    assert list(AliasFinder(aliases).spans(text)) == _regex_spans(aliases, text)


def test_longest_alias_wins_and_possessives_are_kept() -> None:
    finder = AliasFinder(["Anna", "Anna Lind", "Jones"])
    text = "Anna Lind’s aide met Anna and the Jones' dog; Annabel did not."
    assert [text[a:b] for a, b in finder.spans(text)] == ["Anna Lind’s", "Anna", "Jones'"]
