"""X-Ray bars: where in a briefing each entity's mentions fall."""

from __future__ import annotations

from tests.model.navfixtures import make_briefing, person
from tui.model.mention_bars import mention_bars, section_bar, section_counts


def test_section_bar_places_mentions_by_stretch_of_text() -> None:
    rask = person("rask", "Rask")
    sections = [("A", ["Rask " + "x " * 50]), ("B", ["y " * 50 + "Rask Rask"])]
    briefing = make_briefing("bar.md", sections, [rask])
    assert section_bar(briefing, "person:rask", 4) == [1, 0, 0, 2]
    assert sum(section_bar(briefing, "person:rask", 1)) == 3
    assert section_bar(briefing, "person:rask", 0) == []
    assert section_counts(briefing, "person:rask") == [1, 2]


def test_mention_bars_give_every_entity_the_same_bar_in_one_pass() -> None:
    rask, tarn = person("rask", "Rask"), person("tarn", "Tarn")
    sections = [("A", ["Rask met Tarn " + "x " * 50]), ("B", ["y " * 50 + "Rask and Rask"])]
    briefing = make_briefing("bars.md", sections, [rask, tarn])
    bars = mention_bars(briefing, 4)
    assert bars == {"person:rask": section_bar(briefing, "person:rask", 4),
                    "person:tarn": section_bar(briefing, "person:tarn", 4)}
    assert bars["person:rask"] == [1, 0, 0, 2]
    assert mention_bars(briefing, 0) == {}
