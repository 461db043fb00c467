"""People: full names, surnames, titles, possessives, names before "said", roles, organisations."""

from __future__ import annotations

import itertools

from tests.model.test_extract_helpers import mention_texts, people, places, run


def test_bare_surname_after_full_name_is_the_same_person() -> None:
    result = run(
        "Marta Okonjo opened the new clinic in the harbour district on Monday.",
        "Okonjo told staff the wards would open in stages.",
    )
    assert list(people(result)) == ["Marta Okonjo"]
    assert mention_texts(result, "Marta Okonjo") == ["Marta Okonjo", "Okonjo"]


def test_honorifics_mark_people_and_stay_out_of_the_name() -> None:
    result = run("Sir Alan Pettifer chaired the inquiry, and Mrs Hargreaves gave evidence to it.")
    assert set(people(result)) == {"Alan Pettifer", "Hargreaves"}
    assert mention_texts(result, "Alan Pettifer") == ["Alan Pettifer"]


def test_us_style_abbreviated_titles() -> None:
    result = run("Gov. Dana Whitcombe signed the bill, and Sen. Orrin Lutz voted against it.")
    assert {"Dana Whitcombe", "Orrin Lutz"} <= set(people(result))


def test_possessive_mention_keeps_the_exact_text() -> None:
    result = run("Yaroslav Hrytsenko led the talks.", "Hrytsenko’s aides declined to comment.")
    assert mention_texts(result, "Yaroslav Hrytsenko") == ["Yaroslav Hrytsenko", "Hrytsenko’s"]


def test_name_directly_before_said_is_a_person() -> None:
    result = run("The harvest was late this year, Brannigan said on Friday.")
    assert "Brannigan" in people(result)


def test_plural_nouns_before_said_are_not_people() -> None:
    result = run("Investigators said the fire started in the kitchen. Officials said nobody was hurt.")
    assert people(result) == {}


def test_role_before_the_name() -> None:
    result = run("Norway’s foreign minister Eirik Haldorsen met his counterparts in Oslo.")
    assert people(result)["Eirik Haldorsen"].role == "Norway’s foreign minister"


def test_capitalised_title_before_the_name() -> None:
    result = run("Chief of the Defence Staff Tomasz Wielicki briefed the cabinet.")
    person = people(result)["Tomasz Wielicki"]
    assert person.role == "Chief of the Defence Staff"


def test_demonym_title_before_the_name() -> None:
    result = run("Brazilian President Rui Damasceno arrived late.")
    assert people(result)["Rui Damasceno"].role == "Brazilian President"


def test_appositive_role_after_the_name() -> None:
    result = run("Greta Lindqvist, chief of Sweden’s coast guard, said the search would go on.")
    assert people(result)["Greta Lindqvist"].role == "chief of Sweden’s coast guard"


def test_age_apposition_marks_a_person() -> None:
    result = run("Ravensworth, 64, has farmed the valley for four decades.")
    assert "Ravensworth" in people(result)


def test_name_particles_stay_inside_the_name() -> None:
    result = run("Pieter van der Berg said the dyke would hold. Ahmed al-Rashidi agreed.")
    assert {"Pieter van der Berg", "Ahmed al-Rashidi"} <= set(people(result))


def test_organisations_are_neither_people_nor_places() -> None:
    result = run(
        "The Kremlin said on Monday that the White House had not called.",
        "The CIA and the Ukrainian Army declined to comment, the Defence Ministry said.",
    )
    names = set(people(result)) | set(places(result))
    assert not names & {"Kremlin", "White House", "CIA", "Ukrainian Army", "Defence Ministry", "Army"}


def test_adjectives_are_not_entities() -> None:
    result = run("Russian and Ukrainian negotiators met; Polish observers attended.")
    assert people(result) == {}
    assert places(result) == {}


def test_washington_as_person_and_as_place() -> None:
    result = run(
        "George Washington crossed the river at night.", "The delegation flew to Washington on Friday."
    )
    assert "George Washington" in people(result)
    assert "Washington" in places(result)
    assert mention_texts(result, "Washington") == ["Washington"]


def test_jordan_as_first_name_and_as_country() -> None:
    result = run("Jordan Mbeki said the budget was fair.", "Aid convoys crossed into Jordan overnight.")
    assert "Jordan Mbeki" in people(result)
    assert places(result)["Jordan"].place_kind is not None


def test_every_occurrence_is_mentioned_including_sentence_starts() -> None:
    result = run("Ilse Brandauer won.", "Brandauer thanked her team. Later Brandauer left. Brandauer smiled.")
    assert mention_texts(result, "Ilse Brandauer") == [
        "Ilse Brandauer",
        "Brandauer",
        "Brandauer",
        "Brandauer",
    ]


def test_mentions_never_overlap_and_are_in_reading_order() -> None:
    result = run("Anika Solberg visited Bergen. Solberg then left Bergen for Oslo.")
    spans = [
        (m.location.section, m.location.block, m.location.start, m.location.end) for m in result.mentions
    ]
    assert spans == sorted(spans)
    for (s1, b1, _, e1), (s2, b2, st2, _) in itertools.pairwise(spans):
        assert (s1, b1) != (s2, b2) or e1 <= st2


def test_surname_that_is_also_a_city_follows_the_person() -> None:
    result = run(
        "The airline's chief executive, Karen Washington, spoke first.",
        "Washington, a former pilot, said the talks would resume.",
    )
    assert mention_texts(result, "Karen Washington") == ["Karen Washington", "Washington"]
    assert "Washington" not in places(result)


def test_institution_title_before_a_name() -> None:
    result = run("Senate Majority Leader Roy Tillerman predicted the bill would fail.")
    assert "Roy Tillerman" in people(result)
    assert people(result)["Roy Tillerman"].role == "Senate Majority Leader"


def test_double_barrelled_and_korean_names_stay_whole() -> None:
    result = run(
        "Council leader Brenda Calloway-Finch said the bins would go. Ellen O’Mara-Quinn agreed.",
        "Yoon Ha-rin won the vote.",
        "Yoon said she was grateful. The London-based analyst Tom Ferris disagreed.",
    )
    assert set(people(result)) == {"Brenda Calloway-Finch", "Ellen O’Mara-Quinn", "Yoon Ha-rin", "Tom Ferris"}
    assert mention_texts(result, "Yoon Ha-rin") == ["Yoon Ha-rin", "Yoon"]
    assert "London" in places(result)


def test_modifier_before_a_title_is_cut_but_grand_slam_is_not_a_name() -> None:
    result = run(
        "Retired Gen. Omar Haddadin said the wells were dry.",
        "She won a Grand Slam title at the Grand Stand.",
    )
    assert set(people(result)) == {"Omar Haddadin"}


def test_initials_and_descriptors_introduce_people() -> None:
    result = run(
        "The show included paintings by J.W. Ormsby and Ada Pell.",
        "The veteran winger Callum Dray scored twice.",
    )
    assert {"J.W. Ormsby", "Callum Dray"} <= set(people(result))


def test_kin_before_a_comma_and_plural_nouns_at_a_sentence_start() -> None:
    result = run("Her brother, Anselm, stayed at home. Volcanologists said the ash cloud was thinning.")
    assert set(people(result)) == {"Anselm"}


def test_party_label_and_firms_with_which_are_not_people() -> None:
    result = run(
        "Ruth Marsh, a Democrat, said the vote was close.",
        "The sale was led by Harper Collingwood and Brooke Ainsley, which sold shares.",
    )
    assert set(people(result)) == {"Ruth Marsh"}


def test_particles_and_double_surnames_join_the_full_name() -> None:
    result = run(
        "Ana Lucía de la Vega Ruiz, the mayor, said roads were shut.", "“We need help,” de la Vega said."
    )
    assert set(people(result)) == {"Ana Lucía de la Vega Ruiz"}


def test_first_name_before_a_couple_and_accented_first_names() -> None:
    result = run(
        "The couple, Neil and Ruth Pemberton, watched.", "The prize went to Inés Castaño, who plays a nurse."
    )
    assert {"Neil", "Ruth Pemberton", "Inés Castaño"} <= set(people(result))
