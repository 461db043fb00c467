"""Text search (/ with n/N) and the sentence around a mention (the entity card's rows)."""

from __future__ import annotations

from tests.model.navfixtures import make_briefing, person, two_briefing_library
from tui.model.entities import BYLINE, HEADING, SUMMARY, TITLE, Location
from tui.model.textsearch import find_text, keyword_in_context, next_match, text_at


def test_keyword_in_context_gives_the_sentence_and_the_keyword_offsets() -> None:
    library = two_briefing_library()
    briefing = library.briefing("a.md")
    assert briefing is not None
    mention = briefing.mentions[1]  # "Mara Lind" in the second sentence
    sentence, start, end = keyword_in_context(briefing, mention.location)
    assert sentence == "Mara Lind closed the bridge."
    assert sentence[start:end] == "Mara Lind"


def test_keyword_in_context_skips_abbreviations_collapses_space_and_trims_long_sentences() -> None:
    text = "Dr. J. Okafor met  Gen. Rask in Tarn.\nThen it rained. " + "word " * 100 + "Rask ends here."
    rask = person("rask", "Rask")
    briefing = make_briefing("k.md", [("S", [text])], [rask])
    sentence, start, end = keyword_in_context(briefing, briefing.mentions[0].location)
    assert sentence == "Dr. J. Okafor met Gen. Rask in Tarn."
    assert sentence[start:end] == "Rask"
    long_sentence, start, end = keyword_in_context(briefing, briefing.mentions[1].location, limit=60)
    assert long_sentence.startswith("…") and len(long_sentence) <= 62
    assert long_sentence[start:end] == "Rask"


def test_find_text_is_case_insensitive_spans_whitespace_and_n_wraps() -> None:
    library = two_briefing_library()
    briefing = library.briefing("a.md")
    assert briefing is not None
    matches = find_text(briefing, "LIND")
    assert len(matches) == 3
    assert all(briefing.block(m.section, m.block).text[m.start : m.end] == "Lind" for m in matches)
    assert find_text(briefing, "closed   the") == [Location(0, 0, 42, 52)]
    assert find_text(briefing, "  ") == []
    assert next_match(matches, matches[0], +1) == matches[1]
    assert next_match(matches, matches[-1], +1) == matches[0]  # wraps, like vim
    assert next_match(matches, matches[-1], +1, wrap=False) is None
    assert next_match(matches, matches[0], -1) == matches[-1]
    assert next_match(matches, Location(1, 0, 0, 0), -1) == matches[1]


def test_find_text_finds_a_section_heading_before_its_text() -> None:
    briefing = make_briefing("h.md", [("Intro", ["Kursk was quiet."]),
                                      ("The  Kursk\nfront", ["Shelling near Kursk resumed."])], [])
    matches = find_text(briefing, "KURSK")
    assert matches == [Location(0, 0, 0, 5), Location(1, HEADING, 4, 9), Location(1, 0, 14, 19)]
    heading = briefing.sections[1].heading  # the title on one line, as the reader shows it
    assert heading == "The Kursk front" and heading[4:9] == "Kursk"
    assert find_text(briefing, "kursk front") == [Location(1, HEADING, 4, 15)]  # across the folded line break
    assert next_match(matches, Location(1, HEADING, 0, 0), +1) == matches[1]  # from the section's start


def test_find_text_searches_the_title_and_summary_first_and_a_lead_named_after_the_title_once() -> None:
    briefing = make_briefing("t.md", [("Kursk  visit", ["Troops left Kursk."]), ("After", ["Quiet."])],
                             title="Kursk visit")
    briefing.summary = "A day\nin Kursk."
    assert briefing.lead_is_title  # the lead's heading is the title, drawn once: found once, as the title
    matches = find_text(briefing, "kursk")
    assert matches == [Location(0, TITLE, 0, 5), Location(0, SUMMARY, 9, 14), Location(0, 0, 12, 17)]
    assert [text_at(briefing, m)[m.start : m.end] for m in matches] == ["Kursk"] * 3
    assert text_at(briefing, matches[1]) == "A day in Kursk."  # folded onto one line, as shown
    assert find_text(briefing, "after") == [Location(1, HEADING, 0, 5)]
    briefing.tags = ("kursk-region",)  # the byline: date, source, length, tags
    assert find_text(briefing, "region") == [Location(0, BYLINE, 24, 30)]
    assert text_at(briefing, Location(0, BYLINE, 0, 0)) == "4 words · 1 min · kursk-region"


def test_a_lead_heading_in_another_case_is_still_the_title() -> None:
    briefing = make_briefing("c.md", [("Canal Works Begin", ["Digging started."])], title="Canal works begin")
    assert briefing.lead_is_title  # shown once, as the title
    assert find_text(briefing, "works") == [Location(0, TITLE, 6, 11)]
