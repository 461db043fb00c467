"""People named without a familiar first name or behind a long title: slots only a person fills."""

from __future__ import annotations

from tests.model.test_extract_helpers import people, places, run


def test_a_long_title_glued_to_the_name_becomes_the_role() -> None:
    result = run("Federal Coastal Resilience Minister Marie-Soleil Thibodeau toured the dikes on Monday.")
    assert set(people(result)) == {"Marie-Soleil Thibodeau"}
    assert people(result)["Marie-Soleil Thibodeau"].role == "Federal Coastal Resilience Minister"


def test_nationality_and_title_before_the_name() -> None:
    result = run(
        "Belgian Culture Minister Wendeline Opsomer opened the fair.",
        "Detective Inspector Rhodri Carew led the search.",
    )
    assert set(people(result)) == {"Wendeline Opsomer", "Rhodri Carew"}


def test_one_of_a_group_named_in_an_appositive() -> None:
    result = run(
        "One of those divers, Torleif Ystenes, stayed below for an hour.",
        "The crews were freed. One of them, Yusri Qandeel, spoke to reporters.",
    )
    assert {"Torleif Ystenes", "Yusri Qandeel"} <= set(people(result))


def test_match_report_objects_are_players() -> None:
    result = run(
        "The goalkeeper rose above Brynmor Tudwal-Price to punch clear.",
        "Minutes later the winger turned in Oddvar Fjellheim’s low cross.",
        "Then a shot flew past Haakon Strand.",
    )
    assert {"Brynmor Tudwal-Price", "Oddvar Fjellheim", "Haakon Strand"} <= set(people(result))


def test_international_first_names_count_as_name_evidence() -> None:
    result = run("Kwadwo Aboagye and Sigrún Þórhallsdóttir visited the mine.")
    assert {"Kwadwo Aboagye"} <= set(people(result))


def test_firms_listed_before_which_are_not_people_even_with_a_first_name() -> None:
    result = run("The deal was run by Harper Vantongeren and Lyle Brassworth, which took fees.")
    assert people(result) == {}


def test_organisations_and_numbered_things_are_not_people_or_places() -> None:
    result = run(
        "Savers at Oostmeer Spaarbank lost money, the report said.",
        "NHS Wales said waits had grown. The House of Lords voted on Highway 9 funding.",
        "Another said nothing. Supporters lined the road.",
    )
    assert people(result) == {}
    assert "Lords" not in places(result) and "Highway" not in places(result)
    assert {"West Bank"} <= set(places(run("Wells in the West Bank ran dry.")))


def test_initials_alone_never_break_the_run_splitter() -> None:
    # Regression: a lone initial before a one-letter capital ("A. A") once indexed past the run's tokens.
    for text in ("A. A", "A. A.", "Mr A. A", "The A. A said", "U.S. A. Ab", "A. Ab. A", "Dr. A. B. C"):
        run(text)


def test_teams_that_are_beaten_are_not_players() -> None:
    assert people(run("The home side beat Aston Villa on Saturday.")) == {}
    assert people(run("The side went past Valdoro Madrid and replaced Sporting Lisbon at the top.")) == {}
