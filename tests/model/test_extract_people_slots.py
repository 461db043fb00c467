"""People named without a familiar first name or behind a long title: slots only a person fills."""

from __future__ import annotations

from tests.model.test_extract_helpers import people, run


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
