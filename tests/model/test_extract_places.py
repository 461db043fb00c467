"""Places: countries and their variants, regions, rivers, towns from context, kinds and coordinates."""

from __future__ import annotations

from tests.model.test_extract_helpers import mention_texts, people, places, run
from tui.model.entities import PlaceKind


def test_country_variants_fold_to_one_country() -> None:
    result = run(
        "The U.S. and Britain agreed.", "Later the US and the UK signed, and the United States paid."
    )
    found = places(result)
    assert len({e.id for e in found.values()}) == 2
    us = next(e for e in found.values() if "US" in e.aliases)
    assert {"U.S.", "US", "United States"} <= set(us.aliases)
    assert us.place_kind is PlaceKind.COUNTRY


def test_region_is_not_the_city() -> None:
    result = run("Shelling hit the Tambov region overnight, officials in Tambov said.")
    found = places(result)
    assert found["Tambov region"].place_kind is PlaceKind.REGION
    assert mention_texts(result, "Tambov region") == ["Tambov region"]
    assert "Tambov" in found and found["Tambov"].place_kind is not PlaceKind.REGION


def test_oblast_and_province() -> None:
    result = run("Fighting spread across Sumy Oblast and into Zhelezna province.")
    found = places(result)
    assert found["Sumy Oblast"].place_kind is PlaceKind.REGION
    assert found["Zhelezna province"].place_kind is PlaceKind.REGION


def test_rivers_by_context() -> None:
    result = run(
        "Troops dug in along the Vorskla River.", "Further west the river Stryvka had burst its banks."
    )
    found = places(result)
    assert found["Vorskla River"].place_kind is PlaceKind.RIVER
    assert found["Stryvka"].place_kind is PlaceKind.RIVER


def test_small_towns_from_context() -> None:
    result = run(
        "Drones struck the village of Ternivka before dawn.",
        "In Pustomyty, a town of 9,000 people, the school was closed.",
    )
    found = places(result)
    assert found["Ternivka"].place_kind is PlaceKind.TOWN
    assert found["Pustomyty"].place_kind is PlaceKind.TOWN


def test_gazetteer_city_has_country_and_coordinates() -> None:
    result = run("The summit moved from Paris to Nairobi.")
    paris = places(result)["Paris"]
    assert paris.place_kind is PlaceKind.CITY
    assert paris.country == "France"
    assert paris.coords is not None and abs(paris.coords[0] - 48.85) < 0.1


def test_named_areas() -> None:
    result = run("Aid reached the Gaza Strip while talks on Crimea stalled.")
    assert {"Gaza Strip", "Crimea"} <= set(places(result))


def test_longest_name_wins_and_every_occurrence_counts() -> None:
    result = run("Voters in the Tambov region and in Tambov itself. Tambov region officials agreed.")
    assert mention_texts(result, "Tambov region") == ["Tambov region", "Tambov region"]
    assert mention_texts(result, "Tambov") == ["Tambov"]


def test_possessive_place() -> None:
    result = run("Norway’s fishing fleet returned to Norway.")
    assert mention_texts(result, "Norway") == ["Norway’s", "Norway"]


def test_common_word_places_need_context() -> None:
    result = run("Nice work, said the coach.", "The team flew to Nice on Sunday.")
    assert mention_texts(result, "Nice") == ["Nice"]
    mention = next(m for m in result.mentions if m.text == "Nice")
    assert mention.location.block == 1


def test_place_words_at_the_end_of_a_name() -> None:
    result = run("Floodwater from Bitter Creek reached Oyo State and the Kavango Delta.")
    found = places(result)
    assert found["Bitter Creek"].place_kind is PlaceKind.RIVER
    assert found["Oyo State"].place_kind is PlaceKind.REGION
    assert found["Kavango Delta"].place_kind is PlaceKind.AREA


def test_first_level_subdivisions_and_small_towns_come_from_the_gazetteer() -> None:
    result = run("Voters in North Chungcheong and farmers in Aargau were unhappy. She grew up in Truro.")
    found = places(result)
    assert found["North Chungcheong"].place_kind is PlaceKind.REGION
    assert found["Aargau"].place_kind is PlaceKind.REGION
    assert found["Truro"].place_kind is PlaceKind.TOWN


def test_feature_words_make_places() -> None:
    result = run(
        "Ice is retreating on the Karnel Glacier and in the Dunmere Canyon, while the River Threlk "
        "and the Gulf of Sarneth warmed. The Ossel valley flooded."
    )
    found = places(result)
    expected = {"Karnel Glacier", "Dunmere Canyon", "River Threlk", "Gulf of Sarneth", "Ossel valley"}
    assert expected <= set(found)
    assert found["River Threlk"].place_kind is PlaceKind.RIVER


def test_villages_of_a_list_and_near_a_town() -> None:
    result = run(
        "The quake hit the villages of Brennock and Tulvary.", "Rescuers headed for the area near Quellport."
    )
    found = places(result)
    assert {"Brennock", "Tulvary", "Quellport"} <= set(found)
    assert found["Quellport"].place_kind is PlaceKind.TOWN


def test_named_areas_after_in_the_but_not_before_a_plural_noun() -> None:
    result = run("Skiers flocked to resorts in the Harrowlands. Fans sat among the Rovers supporters.")
    assert set(places(result)) == {"Harrowlands"}


def test_a_town_listed_with_a_known_place_and_a_constituency() -> None:
    result = run("Buses ran between Truro and Pellwick. She is the MP for Dunholme.")
    assert {"Pellwick", "Dunholme"} <= set(places(result))


def test_dateline_in_capitals_is_a_place_not_a_person() -> None:
    result = run("MARSHVILLE, 3 March (Coastal Wire) - The river rose overnight.")
    assert "MARSHVILLE" in places(result)
    assert not people(result)


def test_acronym_country_is_split_from_what_follows_and_party_labels_are_not_names() -> None:
    result = run("Storms battered the U.S. Gulf Coast. Helen Marsh, an Ohio Democrat, said so.")
    assert {"U.S.", "Gulf Coast", "Ohio"} <= set(places(result))
    assert set(people(result)) == {"Helen Marsh"}


def test_apostrophe_inside_a_place_name() -> None:
    assert "Qar’ath" in places(run("Wells were dug near Qar’ath last year."))


def test_look_alikes_are_not_places() -> None:
    result = run(
        "Demand for AI chips rose. The season runs until Nov. 30. Reporters waited outside the White House.",
        "Regina Moyo won the race.",
        "Regina, a retired nurse, said she was delighted. NATO said so.",
    )
    assert not places(result)
    assert "NATO" not in people(result)
