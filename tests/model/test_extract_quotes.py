"""Quotes: marks, paragraphs, and who said them (names, pronouns, descriptions, organisations)."""

from __future__ import annotations

from tests.model.test_extract_helpers import quote_with, run, speaker_name


def test_curly_quote_with_name_after() -> None:
    result = run("“We will rebuild every house,” Mayor Lena Ortiz said on Tuesday.")
    quote = quote_with(result, "rebuild")
    assert quote.text == "We will rebuild every house"
    assert speaker_name(result, quote) == "Lena Ortiz"


def test_straight_quotes_and_said_before_name() -> None:
    result = run('"The bridge is safe to use again," said Colm Brady, the county engineer.')
    assert speaker_name(result, quote_with(result, "bridge")) == "Colm Brady"


def test_name_said_colon_quote() -> None:
    result = run("Priya Raman said: “Nobody expected the vote to be this close.”")
    assert speaker_name(result, quote_with(result, "Nobody")) == "Priya Raman"


def test_quote_span_is_exact() -> None:
    text = "“Enough is enough,” Ortiz said. Lena Ortiz is the mayor."
    result = run(text)
    quote = quote_with(result, "Enough")
    (span,) = quote.spans
    assert text[span.start : span.end] == quote.text == "Enough is enough"


def test_pronoun_goes_to_subject_of_previous_attribution() -> None:
    result = run(
        "Tom Hale said on Monday that Peter Grant had resigned from the board.",
        "“It was the right moment for everyone involved,” he added.",
    )
    assert speaker_name(result, quote_with(result, "right moment")) == "Tom Hale"


def test_she_skips_a_man_named_in_between() -> None:
    result = run(
        "Maria Lindgren said the minister, John Reed, had been told in advance.",
        "“Nobody in this building was surprised by it,” she wrote.",
    )
    assert speaker_name(result, quote_with(result, "Nobody")) == "Maria Lindgren"


def test_description_resolves_through_stated_role() -> None:
    result = run(
        "Kenyan President Joseph Mwangi met the envoy, and Tanzanian President Amani Salim joined later.",
        "The Kenyan president described the meeting as “frank and useful”.",
    )
    assert speaker_name(result, quote_with(result, "frank")) == "Joseph Mwangi"


def test_continuation_after_attribution() -> None:
    result = run("“The first week was chaos,” Hale said. “The second was better.”")
    assert speaker_name(result, quote_with(result, "second")) == "Hale"
    assert speaker_name(result, quote_with(result, "first week")) == "Hale"


def test_quote_spanning_paragraphs() -> None:
    result = run(
        "Anna Kovac said: “We arrived with nothing and built the school ourselves.",
        "“Now the village has teachers, a library and a future,” she said.",
    )
    quote = quote_with(result, "arrived")
    assert len(quote.spans) == 2
    assert "library" in quote.text
    assert speaker_name(result, quote) == "Anna Kovac"
    assert len(result.quotes) == 1


def test_organisation_speaker_has_no_person() -> None:
    result = run(
        "Captain Iris Vale flew the first leg.",
        "“Flights will resume on Monday morning as planned,” the airline said.",
    )
    assert quote_with(result, "Flights").speaker_id is None


def test_kremlin_as_speaker_has_no_person() -> None:
    result = run("Oleg Marchuk arrived.", "The Kremlin said the proposal was “not serious at all”.")
    assert quote_with(result, "serious").speaker_id is None


def test_anonymous_speaker_has_no_person() -> None:
    result = run("Dr Ruth Adeyemi runs the ward.", "One nurse said: “We are exhausted and short of staff.”")
    assert quote_with(result, "exhausted").speaker_id is None


def test_single_quotes_inside_double_quotes() -> None:
    result = run("“He told me ‘never again’, and he meant it,” said Hale Brody.")
    quote = quote_with(result, "never again")
    assert quote.text == "He told me ‘never again’, and he meant it"
    assert len(result.quotes) == 1


def test_short_partial_quote_after_speech_verb() -> None:
    result = run("Ines Moreau said the detainees would be treated “fairly”.")
    assert speaker_name(result, quote_with(result, "fairly")) == "Ines Moreau"


def test_titles_nicknames_and_scare_quotes_are_not_quotes() -> None:
    result = run(
        "The film “Northern Lights” won the prize.",
        "The boxer known as “The Hammer” retired, ending the so-called “golden era” of the sport.",
        "Planners call it an “urban village”.",
    )
    assert result.quotes == []


def test_translation_is_not_a_second_quote() -> None:
    result = run("Asked about the truce, one farmer replied in Spanish: “Veremos” — “We shall see.”")
    assert [q.text for q in result.quotes] == ["Veremos"]


def test_british_single_quote_style() -> None:
    result = run(
        "Nadia Farouk runs the clinic.",
        "‘We have fuel for a week,’ she said, adding that the group’s trucks had gone.",
    )
    quote = quote_with(result, "fuel")
    assert quote.text == "We have fuel for a week"
    assert speaker_name(result, quote) == "Nadia Farouk"


def test_lowercase_role_between_quote_and_name() -> None:
    result = run("“Demand keeps rising every month,” chief executive Lotte Brenner said on a call.")
    assert speaker_name(result, quote_with(result, "Demand")) == "Lotte Brenner"


def test_pronoun_skips_a_name_inside_a_fronted_phrase() -> None:
    result = run(
        "Judith Amsel said she had written to the board.",
        "Like Marcus Feld, she said the delay was avoidable. “We lost a whole season,” she said.",
    )
    assert speaker_name(result, quote_with(result, "season")) == "Judith Amsel"


def test_british_quote_with_a_double_quoted_quote_inside_is_one_quote() -> None:
    result = run(
        "Edna Marlow, 79, has kept the corner shop since 1971.",
        '‘My father always told me, "Never shut on a Saturday." So I never have,’ she said.',
    )
    quote = quote_with(result, "Saturday")
    assert quote.text == 'My father always told me, "Never shut on a Saturday." So I never have'
    assert len(result.quotes) == 1
    assert speaker_name(result, quote) == "Edna Marlow"


def test_british_paragraph_keeps_every_single_quote_around_a_nested_one() -> None:
    result = run(
        "Owen Pryce coaches the under-12s.",
        '‘They listen,’ he said. ‘The older boys call him "Gaffer", which says it all.’',
    )
    assert [q.text for q in result.quotes] == [
        "They listen",
        'The older boys call him "Gaffer", which says it all.',
    ]


def test_a_plural_possessive_does_not_end_a_single_quoted_quote() -> None:
    result = run("‘We will rebuild the soldiers’ homes before winter,’ said Vera Lind.")
    quote = quote_with(result, "rebuild")
    assert quote.text == "We will rebuild the soldiers’ homes before winter"
    assert speaker_name(result, quote) == "Vera Lind"


def test_a_term_someone_coined_is_not_a_quote() -> None:
    result = run("Engineers warn the basin is nearing what hydrologists call “peak sand”, a turning point.")
    assert result.quotes == []


def test_a_foreign_slogan_or_term_with_its_gloss_is_not_a_quote() -> None:
    result = run(
        "Its Spanish motto, “Agua para todos” (“Water for all”), hangs over the gate.",
        "Fishermen call such storms simply “la bruja” (“the witch”), Tomas Reyes said.",
    )
    assert result.quotes == []


def test_a_british_quote_runs_on_into_the_next_paragraph() -> None:
    result = run(
        "Ines Vidal, the agency's coordinator, said the appeal was short. ‘Nobody is watching any more.",
        "‘Every month we wait costs lives,’ she said.",
    )
    quote = quote_with(result, "watching")
    assert len(quote.spans) == 2 and "costs lives" in quote.text
    assert speaker_name(result, quote) == "Ines Vidal"
    assert len(result.quotes) == 1
