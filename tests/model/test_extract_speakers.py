"""Roles the text states, and the speakers they resolve: descriptions, anonymous sources, pronouns."""

from __future__ import annotations

from tests.model.test_extract_helpers import people, run

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
