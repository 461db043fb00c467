"""Roles the text states, and the speakers they resolve: descriptions, anonymous sources, pronouns."""

from __future__ import annotations

from tests.model.test_extract_helpers import people, quote_with, run, speaker_name

# -- roles ----------------------------------------------------------------------------------------


def test_an_abbreviated_title_states_a_role() -> None:
    result = run("Gov. Nora Feld toured the flooded streets, and Lt. Col. Ray Osei joined her.")
    roles = {name: person.role for name, person in people(result).items()}
    assert roles == {"Nora Feld": "governor", "Ray Osei": "lieutenant colonel"}


def test_a_capitalised_role_before_a_comma_and_the_name() -> None:
    result = run("The Wales coach, Idris Vaughan, praised the pack.")
    assert people(result)["Idris Vaughan"].role == "Wales coach"


def test_a_possessive_role_keeps_its_owner_and_skips_an_honorific() -> None:
    result = run("Ghana’s trade minister, Dr Kwesi Boateng, opened the fair.")
    assert people(result)["Kwesi Boateng"].role == "Ghana’s trade minister"


def test_a_clause_after_a_comma_is_not_a_role() -> None:
    result = run("Mayor Ines Duarte, thanked the governor and the fire chief, then left.")
    assert people(result)["Ines Duarte"].role == "Mayor"


# -- descriptions ---------------------------------------------------------------------------------


def test_a_description_goes_to_the_latest_person_whose_role_fits() -> None:
    result = run(
        "Energy minister Saul Brandt opened the plant.",
        "Later the water minister, Rhea Castell, toured the valley with farmers.",
        "“We will not ration drinking water this summer,” the minister said.",
    )
    assert speaker_name(result, quote_with(result, "ration")) == "Rhea Castell"


def test_a_description_matching_two_people_named_together_is_ambiguous() -> None:
    result = run(
        "Transport minister Ivo Sand and health minister Pia Lund met the unions.",
        "“Nothing has been agreed yet,” the minister said.",
    )
    assert quote_with(result, "agreed").speaker_id is None


def test_the_spokesman_is_the_person_introduced_as_spokesman() -> None:
    result = run(
        "In Oslo, foreign ministry spokesman Erik Dahl said the talks would go on.",
        "Asked about the border, the spokesman said: “We expect calm on both sides.”",
    )
    assert speaker_name(result, quote_with(result, "calm")) == "Erik Dahl"


def test_an_anonymous_speaker_keeps_the_pronoun_from_the_last_named_man() -> None:
    result = run(
        "Depot manager Karl Wendt said the new rota had been agreed.",
        "A bus driver who asked not to be named said staff were angry. “Nobody asked us,” he said.",
    )
    assert quote_with(result, "Nobody").speaker_id is None


def test_an_indefinite_speaker_with_a_relative_clause_is_nobody() -> None:
    result = run(
        "Founder Lars Eke rang the bell.",
        "One early backer, who asked not to be named, said the debut went well. "
        "“We would have taken far less,” he said.",
    )
    assert quote_with(result, "far less").speaker_id is None


def test_a_possessive_description_without_a_name_is_nobody() -> None:
    result = run(
        "Gregor Amis, 54, denies the charges.",
        "His lawyer told the court the case was weak. “The evidence is thin and circumstantial,” he said.",
    )
    assert quote_with(result, "circumstantial").speaker_id is None


def test_a_group_label_taken_for_a_name_is_never_the_speaker() -> None:
    result = run(
        "Gov. Ada Lin toured the coast. Forecasters said the storm would weaken.",
        "“We are ready for the worst of it,” she said.",
    )
    assert speaker_name(result, quote_with(result, "ready")) == "Ada Lin"


# -- sentences, pronouns and paragraphs -----------------------------------------------------------


def test_a_quote_that_ended_its_sentence_keeps_its_speaker_over_the_next_subject() -> None:
    result = run(
        "Tara Quinn, a coral biologist, said the design had improved.",
        "“The reefs are fragile,” she said. “We cannot fix one problem by making another.” "
        "Omar Haddad, asked about her concerns, said the brine would be diluted far offshore.",
    )
    assert speaker_name(result, quote_with(result, "making another")) == "Tara Quinn"


def test_a_quote_followed_by_a_full_stop_is_not_attributed_to_the_next_sentence() -> None:
    result = run(
        "Rhys Bolt is accused of forging the letters. Nadia Berg represents him.",
        "The defence says the work was “conservation, not creation”. She said the paper was old.",
    )
    assert quote_with(result, "conservation").speaker_id is None


def test_an_honorific_tells_the_pronoun_who_is_meant() -> None:
    result = run(
        "Ms Okafor opened the case for the prosecution. Mr Lindqvist denied every charge.",
        "“You signed every cheque yourself,” she said.",
    )
    assert speaker_name(result, quote_with(result, "cheque")) == "Okafor"


def test_a_quote_paragraph_belongs_to_the_speaker_the_paragraph_before_introduced() -> None:
    result = run(
        "Ada Pryor moved to the coast in 1990. In a radio interview in 2001, she explained why.",
        "“The city was all noise and meetings. Here I can hear myself think.”",
    )
    assert speaker_name(result, quote_with(result, "noise")) == "Ada Pryor"


def test_the_opening_name_is_the_subject_not_a_name_inside_its_appositive() -> None:
    result = run(
        "Sir Tom Vance, who hired Lea Moss, described her as “the best draughtswoman of her generation”."
    )
    assert speaker_name(result, quote_with(result, "draughtswoman")) == "Tom Vance"


def test_a_bare_quote_belongs_to_the_subject_of_the_sentence_before() -> None:
    result = run(
        "Mayor Dina Roth met the tenants on Friday. Councillor Abel Marsh left early.",
        "Asked about the delay, the mayor defended the plan. “We are doing this in the right order.”",
    )
    assert speaker_name(result, quote_with(result, "right order")) == "Dina Roth"


def test_a_description_after_an_unnamed_speaker_refers_to_that_speaker() -> None:
    result = run(
        "Joan Kerr, the Labour MP for Leeds, wrote the bill.",
        "Ministers expect it to pass easily.",
        "One backbencher, who asked not to be named, said dozens would rebel. "
        "“The whips have a real problem,” the MP said.",
    )
    assert quote_with(result, "whips").speaker_id is None


def test_a_pronoun_prefers_the_person_known_to_fit_over_a_subject_of_unknown_gender() -> None:
    result = run("Karl Weber met Anna Schulz in Bonn. “It was a useful meeting for both sides,” she said.")
    assert speaker_name(result, quote_with(result, "useful")) == "Anna Schulz"


def test_said_an_owners_lawyer_then_the_name() -> None:
    result = run(
        "Omar Hale, 41, faces trial.",
        "“My client is innocent of every charge,” said Hale’s lawyer, Ann Leeds.",
    )
    assert speaker_name(result, quote_with(result, "innocent")) == "Ann Leeds"


def test_in_what_the_description_called_finds_the_role_holder_named_later() -> None:
    result = run(
        "A trustee was jailed for theft, in what the judge called "
        "“a cynical abuse of the trust of donors across the region”.",
        "Judge Mary Okon said the sentence had to deter others.",
    )
    assert speaker_name(result, quote_with(result, "cynical")) == "Mary Okon"


def test_a_pronoun_after_an_unresolved_role_holder_is_not_the_earlier_person() -> None:
    result = run(
        "Lena Varga, the producer, thanked the crew. “We shot it in nine days,” she said.",
        "Asked whether the vote had been close, the jury president smiled. “It was easy,” she said.",
    )
    assert speaker_name(result, quote_with(result, "nine days")) == "Lena Varga"
    assert quote_with(result, "easy").speaker_id is None
