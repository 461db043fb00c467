"""Folding: spelling variants and transliterations share one id; different names do not."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.model.test_extract_helpers import people, places, run
from tui.model.entities import EntityKind
from tui.model.extract.names import ascii_fold, entity_id, fold_key


@pytest.mark.parametrize(
    "variants",
    [
        ("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi"),
        ("Kiev", "Kyiv"),
        ("Kharkov", "Kharkiv"),
        ("Izyum", "Izium"),
        ("Odessa", "Odesa"),
        ("Donbass", "Donbas"),
        ("Lvov", "Lviv"),
        ("Yevgeny", "Evgeny"),
        ("Kup'yans'k", "Kupyansk", "Kupiansk"),
        ("Gorbachev", "Gorbachyov"),
        ("José Martí", "Jose Marti"),
    ],
)
def test_variants_share_a_fold_key(variants: tuple[str, ...]) -> None:
    assert len({fold_key(v) for v in variants}) == 1


@pytest.mark.parametrize(
    "different",
    [("Maria", "Mario"), ("Paris", "Peru"), ("Jordan", "Jordana"), ("Ivan", "Ivana"), ("Karl", "Carla")],
)
def test_different_names_stay_apart(different: tuple[str, str]) -> None:
    assert fold_key(different[0]) != fold_key(different[1])


def test_possessive_does_not_change_the_key() -> None:
    assert fold_key("Zelensky’s") == fold_key("Zelensky")


def test_gazetteer_alternate_names_share_the_place_id() -> None:
    assert entity_id(EntityKind.PLACE, "Lugansk") == entity_id(EntityKind.PLACE, "Luhansk")
    assert entity_id(EntityKind.PLACE, "Bombay") == entity_id(EntityKind.PLACE, "Mumbai")
    assert entity_id(EntityKind.PLACE, "Paris") != entity_id(EntityKind.PLACE, "Peru")


def test_same_person_in_two_briefings_has_one_id() -> None:
    first = people(run("Volodymyr Zelensky spoke in Kiev."))
    second = people(run("Volodymyr Zelenskyy spoke in Kyiv."))
    assert first["Volodymyr Zelensky"].id == second["Volodymyr Zelenskyy"].id
    assert (
        places(run("Bombing near Kharkov.")).popitem()[1].id
        == places(run("Bombing near Kharkiv.")).popitem()[1].id
    )


def test_variants_in_one_briefing_are_one_entity_with_the_fullest_name() -> None:
    result = run("Zelenskyy spoke first.", "Then Volodymyr Zelensky answered questions, and Zelensky left.")
    found = people(result)
    assert list(found) == ["Volodymyr Zelensky"]
    assert {"Zelenskyy", "Zelensky", "Volodymyr Zelensky"} <= set(found["Volodymyr Zelensky"].aliases)


def test_subdivision_names_are_cleaned_to_their_news_form() -> None:
    from tui.model.extract.build_regions import clean_subdivision

    korean = clean_subdivision("Gyeongsangbuk-do")
    assert korean == ("North Gyeongsang", ["Gyeongsangbuk-do", "Gyeongsangbuk"])
    assert clean_subdivision("Bristol, City of")[0] == "Bristol"
    assert clean_subdivision("Anhui Sheng")[0] == "Anhui"
    welsh = clean_subdivision("Isle of Anglesey [Sir Ynys Môn GB-YNM]")
    assert welsh == ("Isle of Anglesey", ["Sir Ynys Môn"])


def test_korean_province_forms_and_saint_abbreviations_share_an_id() -> None:
    assert entity_id(EntityKind.PLACE, "Gyeongsangbuk-do") == entity_id(EntityKind.PLACE, "North Gyeongsang")
    assert entity_id(EntityKind.PLACE, "St Ives") == entity_id(EntityKind.PLACE, "Saint Ives")


@given(st.text(st.characters(max_codepoint=127)))
def test_plain_ascii_folds_as_the_full_unicode_path_would(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text)
    assert ascii_fold(text) == "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
