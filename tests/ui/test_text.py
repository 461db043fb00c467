"""Model text made safe for the terminal, and the word-wrapper the article view lays out with."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from tui.ui.sidebar import bar
from tui.ui.text import _one_cell_each, _wrap_cells, _wrap_narrow, assemble, one_line, safe, wrap_offsets

_CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]] + ["\u202e", "\u2066"]


@given(st.text())
def test_safe_keeps_every_offset_and_lets_no_control_character_through(text: str) -> None:
    shown = safe(text)
    assert len(shown) == len(text)
    assert not any(char in _CONTROLS for char in shown)


def test_escape_sequences_are_shown_not_obeyed() -> None:
    assert safe("\x1b[31mred\x1b[0m") == "␛[31mred␛[0m"
    assert safe("a\x07b\x9bc") == "a␇b\ufffdc"


def test_markup_stays_text() -> None:
    row = assemble(("[@click=app.quit]x[/]", "bold"), " [b]")
    assert row.plain == "[@click=app.quit]x[/] [b]"
    assert one_line("  two\n lines [i]  ") == "two lines [i]"
    assert one_line("a long title here", 8) == "a long…"


@given(st.text(alphabet=st.sampled_from("ab cdé漢 \u00a0xyz"), max_size=300), st.integers(1, 40))
def test_wrapped_lines_cover_the_text_in_order_and_fit(text: str, width: int) -> None:
    lines = wrap_offsets(text, width)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    for (_, end), (start, _) in pairwise(lines):
        assert end == start
    for start, end in lines:
        assert cell_len(text[start:end].rstrip()) <= max(width, 2)  # a wide character may not split


def test_wrapping_breaks_at_spaces() -> None:
    text = "the quick brown fox jumps"
    assert [text[s:e] for s, e in wrap_offsets(text, 10)] == ["the quick ", "brown fox ", "jumps"]
    word = "abcdefghij"
    assert [word[s:e] for s, e in wrap_offsets(word, 4)] == ["abcd", "efgh", "ij"]


_PIECES = ["a", "bc", " ", "  ", "\t", "\n", "\x1c", "longerwordthanaline", "“", "”", "’", "—", "…", "é",
           "\u00a0", "Київ", "Αθήνα", "⌖", "♙"]


@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.integers(1, 30))
def test_the_narrow_wrapper_breaks_exactly_where_the_general_one_does(pieces: list[str], width: int) -> None:
    text = "".join(pieces)
    assert _one_cell_each(text)
    assert _wrap_narrow(text, width) == _wrap_cells(text, width)


def test_wide_and_zero_width_characters_take_the_general_wrapper() -> None:
    for text in ("東京 means Tokyo", "e\u0301 accent", "zero\u200bwidth"):
        assert not _one_cell_each(text)
    wide = "東京東京 ab"
    assert [wide[s:e] for s, e in wrap_offsets(wide, 4)] == ["東京", "東京 ", "ab"]


def test_a_mention_bar_shows_every_stretch_with_mentions_bold_and_every_empty_one_dim() -> None:
    counts = [0, 8, 2, 2, 0, 0, 1, 0]
    row = bar(counts)
    console = Console(width=20)
    styles = [str(row.get_style_at_offset(console, cell)) for cell in range(len(counts))]
    assert styles == ["bold" if count else "dim" for count in counts]
    assert row.plain[0] == "·" and row.plain[1] == "█" and row.plain[1] != row.plain[2]
    assert len(row.spans) == 5, "one span per run of alike cells"
