"""The jump list behaves like a browser's back and forward."""

from __future__ import annotations

from tui.model.entities import Location
from tui.model.history import History
from tui.model.navigation import Position


def at(block: int, briefing: str = "a.md") -> Position:
    return Position(briefing, Location(0, block, 0, 1))


def test_back_and_forward_retrace_jumps_and_return_to_where_the_reader_actually_was() -> None:
    history = History()
    assert not history.can_back and not history.can_forward
    history.jump(at(0), at(5))
    history.jump(at(6), Position("b.md"))  # the reader moved from 5 to 6 before jumping
    assert history.can_back and not history.can_forward
    assert history.back(Position("b.md")) == at(6)
    assert history.back(at(6)) == at(0)
    assert history.back(at(0)) is None
    assert history.can_forward
    assert history.forward(at(0)) == at(6)
    assert history.forward(at(6)) == Position("b.md")
    assert history.forward(Position("b.md")) is None


def test_a_new_jump_after_going_back_drops_the_forward_list() -> None:
    history = History()
    history.jump(at(0), at(1))
    history.jump(at(1), at(2))
    assert history.back(at(2)) == at(1)
    history.jump(at(1), at(9))
    assert not history.can_forward
    assert history.back(at(9)) == at(1)
    assert history.back(at(1)) == at(0)


def test_no_op_jumps_and_repeated_origins_are_not_recorded() -> None:
    history = History()
    history.jump(at(3), at(3))
    assert not history.can_back
    history.jump(None, at(3))
    assert not history.can_back
    history.jump(at(3), at(4))
    history.jump(at(3), at(7))
    assert history.back(at(7)) == at(3)
    assert not history.can_back


def test_history_is_bounded_and_the_trail_ends_where_the_reader_is() -> None:
    history = History(limit=3)
    for block in range(10):
        history.jump(at(block), at(block + 1))
    assert len(history) == 3
    assert history.trail(2) == [at(9), at(10)]
    assert history.trail(10) == [at(7), at(8), at(9), at(10)]
    assert history.trail(0) == []
    history.clear()
    assert history.trail(3) == [] and not history.can_back
