"""Regression tests for the bugs the security work found and fixed, one block per fix.

Each test names the input that went wrong, so the fix cannot quietly come undone.
"""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model.extract.quotes import _SENTENCE_BREAK, sentence_start

# -- sentence_start was quadratic: a long paragraph took minutes ---------------------------------


def _reference_sentence_start(text: str, pos: int) -> int:
    """The original definition: the end of the last break found scanning ``text[:pos]``."""
    start = 0
    for match in _SENTENCE_BREAK.finditer(text, 0, pos):
        start = match.end()
    return start


_PIECES = st.sampled_from(
    [".", "!", "?", " ", "  ", "\n", "A", "b", "Mr", "St", "“", "\"", "’", "”", "1", "x."]
)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=40), data=st.data())
def test_sentence_start_matches_its_definition(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    pos = data.draw(st.integers(min_value=-2, max_value=len(text) + 2))
    assert sentence_start(text, pos) == _reference_sentence_start(text, pos)


def test_sentence_start_is_fast_on_a_long_paragraph() -> None:
    """1,500 look-ups in a 200 KB paragraph: was about 20 s (a scan from 0 each time), now milliseconds."""
    text = "The minister Jane Doe said in Springfield that the talks would go on. " * 3_000
    positions = [m.start() for m in re.finditer("Jane", text)][:1_500]
    started = time.perf_counter()
    starts = [sentence_start(text, pos) for pos in positions]
    elapsed = time.perf_counter() - started
    assert starts[:3] == [0, 70, 140]
    assert elapsed < 1.0, f"{elapsed:.2f} s"
