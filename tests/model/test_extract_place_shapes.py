"""Places recognised by their form or their list: feature heads with particles, hyphenated towns,
party tags, plural lists, areas around cities, and gazetteer places in lists (own invented names)."""

from __future__ import annotations

from tests.model.test_extract_helpers import people, places, run
from tui.model.entities import PlaceKind


def test_feature_heads_joined_by_a_particle_are_whole_places() -> None:
    result = run(
        "The stage climbed the Col du Varcelle and ended on the Plateau de Mirandol.",
        "She farms near Brynhafod in the Vale of Tregarth.",
    )
    assert {"Col du Varcelle", "Plateau de Mirandol", "Vale of Tregarth"} <= set(places(result))
    assert people(result) == {}


def test_a_portuguese_particle_keeps_a_state_whole() -> None:
    result = run("Floods hit Rio Grande do Sul again.")
    assert set(places(result)) == {"Rio Grande do Sul"}


def test_hyphenated_town_names() -> None:
    assert set(places(run("Miners marched through Ketewa-on-Ofram on Friday."))) == {"Ketewa-on-Ofram"}


def test_party_tags_hold_places_not_people() -> None:
    result = run("Senator Lorna Vickery (D-Ore.) and Rep. Dale Orvis (R-Pine Hollow) wrote to the agency.")
    assert set(people(result)) == {"Lorna Vickery", "Dale Orvis"}
    assert "Pine Hollow" in places(result)


def test_regions_and_rivers_named_in_a_plural_list() -> None:
    result = run(
        "Mining is banned in the Western, Upper and Kwabre regions.",
        "Anglers fished the Tolvey, Marrick and Sallow rivers.",
    )
    found = places(result)
    assert {"Western", "Upper", "Kwabre", "Tolvey", "Marrick", "Sallow"} <= set(found)
    assert found["Sallow"].place_kind is PlaceKind.RIVER
    assert "The" not in places(run("The islands matter because they watch the river."))


def test_compass_word_and_tail_stay_in_the_name() -> None:
    result = run("The North Varrow River rose, and ranchers on the Western Slope moved cattle.")
    assert {"North Varrow River", "Western Slope"} <= set(places(result))


def test_county_metro_and_park_names() -> None:
    result = run("Rain fell across County Clare and Metro Vancouver, and Tullagh Provincial Park shut.")
    assert {"County Clare", "Metro Vancouver", "Tullagh Provincial Park"} <= set(places(result))
    assert "Grace Park" in people(run("Grace Park, the coach, said the team was ready."))


def test_a_lower_case_valley_belongs_to_the_area_name() -> None:
    result = run("Houses in the Medlock valley flooded overnight.")
    assert set(places(result)) == {"Medlock valley"}


def test_known_places_in_lists_and_borders() -> None:
    result = run(
        "Bankers in Frankfurt agreed. Surrey and Wales followed.",
        "Trucks queued at the Utah-Arizona border. Farms in the Midlands and the Alps suffered.",
    )
    assert {"Frankfurt", "Surrey", "Wales", "Utah", "Arizona", "Midlands", "Alps"} <= set(places(result))
    assert "Utah-Arizona" not in places(result)


def test_small_places_said_to_lie_somewhere() -> None:
    result = run("She grew up in Pentrefelin in the Vale of Cerrig.", "The community of Abergwyn voted no.")
    assert {"Pentrefelin", "Abergwyn"} <= set(places(result))


def test_a_company_name_after_a_locative_the_is_the_place() -> None:
    assert "Amazon" in places(run("Smoke drifted over the Amazon for weeks."))
    assert places(run("Amazon said profits rose.")) == {}
