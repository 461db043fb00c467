"""Speakers in the harder shapes of wire copy: objects, askers, unnamed members of a group, names in
the next sentence, and common first names whose Census gender was blurred by stray entries."""

from __future__ import annotations

from tests.model.test_extract_helpers import people, quote_with, run, speaker_name


def test_she_after_another_woman_named_as_an_object_is_still_the_subject() -> None:
    result = run(
        "Professor Signe Aasland studied the ice. She met Birgit Holte at the station. "
        "She added: “The melt is faster than we thought.”"
    )
    assert speaker_name(result, quote_with(result, "melt")) == "Signe Aasland"


def test_the_one_asking_is_not_the_one_answering() -> None:
    result = run("Asked by Tamas Veress whether the plan would work, he said: “It has to.”")
    assert speaker_name(result, quote_with(result, "has to")) is None
    result = run(
        "Pieter Holmgren spoke first.",
        "Asked by Tamas Veress whether the plan would work, Holmgren said: “It has to.”",
    )
    assert speaker_name(result, quote_with(result, "has to")) == "Pieter Holmgren"


def test_an_unnamed_member_of_a_party_keeps_the_next_pronoun() -> None:
    result = run(
        "Sir Hugo Pendry addressed MPs. One Labour whip said the vote was close. “We are short,” he said."
    )
    assert speaker_name(result, quote_with(result, "short")) is None


def test_a_description_is_not_resolved_to_a_name_in_the_next_sentence() -> None:
    result = run(
        "“I love this city,” said the singer. The promoter, Lars Hennum, said tickets had sold out."
    )
    assert speaker_name(result, quote_with(result, "love this city")) != "Lars Hennum"


def test_a_common_male_first_name_takes_he_over_a_later_man() -> None:
    result = run(
        "John Arbery chaired the meeting and thanked Colin Dace for the figures. "
        "“We will publish them,” he said."
    )
    assert people(result)["John Arbery"]
    assert speaker_name(result, quote_with(result, "publish")) == "John Arbery"
