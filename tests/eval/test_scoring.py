"""The scorer decides every figure the README reports, so each rule is pinned by a hand-worked case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.eval.gold import Annotation, GoldError, NamedEntity, QuoteRecord, gold_from_dict, load_gold
from tui.eval.gold import prediction_from_dict as predicted
from tui.eval.scoring import name_key, quote_similarity, quote_tokens, score_text, total


def gold(**data: object) -> Annotation:
    return gold_from_dict(data)


def person(name: str, *aliases: str) -> dict[str, object]:
    return {"name": name, "aliases": list(aliases), "role": None}


def place(name: str, kind: str = "city", *aliases: str) -> dict[str, object]:
    return {"name": name, "aliases": list(aliases), "kind": kind}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Gov. Laura Beckett's", "laura beckett"),
        ("U.S.", "US"),
        ("Sir Geoffrey Pallister", "Geoffrey Pallister"),
        ("Nadia Fairweather KC", "Nadia Fairweather"),
        ("Ms. Washington", "Washington"),
        ("the Kherson region", "Kherson region"),
        ("Hélène Vasseur", "Helene Vasseur"),
        ("Halvorsen’s", "HALVORSEN"),
        ("Jones'", "Jones"),
        ("Dr Okonjo", "Okonjo"),
        ("Suwałki Gap", "Suwalki Gap"),
        ("Gov. Ana O’Neil’s", "ana o'neil"),
        ("Eze-Okafor", "Eze Okafor"),
    ],
)
def test_names_match_ignoring_case_dots_possessives_and_honorifics(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("one", "other"), [("Kherson", "Kherson region"), ("Jordan", "Jordan Pike"), ("Sir", "")]
)
def test_different_names_stay_different(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_a_lone_honorific_is_kept_so_a_name_never_folds_to_nothing() -> None:
    assert name_key("Lord") == "lord"


def test_names_and_quotes_in_other_scripts_keep_their_letters() -> None:
    assert name_key("Зеленський") == name_key("ЗЕЛЕНСЬКИЙ’s") != ""
    assert len(quote_tokens("«Ми вистоїмо»")) == 2


def test_people_precision_recall_and_f1_by_hand() -> None:
    truth = gold(
        people=[
            person("Helen Ashworth", "Ashworth"),
            person("Tom Okafor"),
            person("Priya Raman"),
            person("Lord Hemsley"),
        ],
        ignore=["Daniel Frost"],
    )
    guess = predicted(
        {
            "people": [
                person("Ashworth"),  # alias of a gold person: found
                person("Mrs Ashworth"),  # the same person again: correct, a duplicate
                person("Tom Okafor's"),  # possessive: found
                person("Daniel Frost"),  # the byline: ignored, counts neither way
                person("Downing Street"),  # matches nothing: false positive
            ]
        }
    )
    score = score_text(guess, truth).people
    assert (score.gold, score.found, score.predicted, score.correct) == (4, 2, 4, 3)
    assert (score.ignored, score.duplicates) == (1, 1)
    assert score.precision == pytest.approx(3 / 4)
    assert score.recall == pytest.approx(2 / 4)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert sorted(score.missed) == ["Lord Hemsley", "Priya Raman"]
    assert score.false_positives == ["Downing Street"]


def test_a_name_of_the_wrong_kind_is_a_miss_and_a_false_positive() -> None:
    truth = gold(people=[person("Karen Washington", "Washington")], places=[place("Seattle")])
    guess = predicted({"places": [place("Washington"), place("Seattle")]})
    score = score_text(guess, truth)
    assert score.people.recall == 0.0
    assert score.people.precision is None  # nothing predicted: undefined, shown as a dash
    assert score.places.false_positives == ["Washington"]
    assert score.places.precision == 0.5
    assert score.places.recall == 1.0


def test_place_kind_and_role_are_checked_on_found_entities_only() -> None:
    truth = gold(
        people=[
            {"name": "Tomasz Wierzbicki", "aliases": ["Wierzbicki"], "role": "Poland's foreign minister"}
        ],
        places=[
            place("Kursk region", "region", "Kursk"),
            place("Oskil River", "river", "Oskil"),
            place("Izium"),
        ],
    )
    guess = predicted(
        {
            "people": [{"name": "Wierzbicki", "role": "foreign minister"}],
            "places": [place("Kursk", "city"), place("Oskil", "river")],
        }
    )
    score = score_text(guess, truth)
    assert (score.places.kind_checked, score.places.kind_right) == (2, 1)
    assert (score.people.role_checked, score.people.role_right) == (1, 1)


def test_quote_matching_tolerates_marks_case_and_attribution_but_not_a_whole_paragraph() -> None:
    quote = quote_tokens("We are closer than the headlines suggest,")
    assert quote_similarity(quote, quote_tokens("“we are closer than the headlines suggest”")) == 1.0
    assert (
        quote_similarity(quote, quote_tokens("We are closer than the headlines suggest, she wrote.")) == 1.0
    )
    assert quote_similarity(quote, quote_tokens("We are closer than the headlines")) == pytest.approx(6 / 7)
    paragraph = quote_tokens(
        "Ms. Washington wrote that she had spoken with Whitfield on Monday and that both sides had narrowed "
        "their differences. We are closer than the headlines suggest, she wrote."
    )
    assert quote_similarity(quote, paragraph) < 0.6
    assert quote_similarity(quote, quote_tokens("the headlines")) < 0.6


def test_quote_recall_precision_and_speaker_accuracy_by_hand() -> None:
    truth = gold(
        people=[person("Dale Hutchins", "Hutchins"), person("Laura Beckett", "Beckett")],
        quotes=[
            {
                "speaker": "Dale Hutchins",
                "text": "We heard it before we saw it. It sounded like a freight train.",
            },
            {"speaker": "Laura Beckett", "text": "Get to high ground now,"},
            {"speaker": None, "text": "The water came up faster than anybody could drive,"},
            {"speaker": "Laura Beckett", "text": "We have people in trees."},
        ],
        ignore_quotes=["I'm not going anywhere without Biscuit"],
    )
    guess = predicted(
        {
            "people": [person("Dale Hutchins", "Hutchins"), person("Gov. Beckett")],
            "quotes": [
                {
                    "speaker": "Hutchins",
                    "text": "We heard it before we saw it. It sounded like a freight train.",
                },
                {"speaker": "Gov. Beckett", "text": "get to high ground now"},
                {"speaker": "Dale Hutchins", "text": "The water came up faster than anybody could drive"},
                {"speaker": None, "text": "I'm not going anywhere without Biscuit,"},  # ignored
                {"speaker": None, "text": "thousand-year"},  # scare quotes: a false positive
            ],
        }
    )
    score = score_text(guess, truth).quotes
    assert (score.gold, score.found, score.predicted, score.correct, score.ignored) == (4, 3, 4, 3, 1)
    assert score.recall == 0.75
    assert score.precision == 0.75
    assert score.speaker_right == 2  # the nurse's quote went to Hutchins
    assert score.speaker_accuracy == pytest.approx(2 / 3)
    assert score.wrong_speakers == [
        ("The water came up faster than anybody could drive,", None, "Dale Hutchins")
    ]
    assert score.missed == ["We have people in trees."]
    assert score.false_positives == ["thousand-year"]


def test_a_speaker_is_right_through_the_predicted_persons_aliases() -> None:
    truth = gold(
        people=[person("Mohamed Abdelrahman al-Nour", "al-Nour")],
        quotes=[{"speaker": "Mohamed Abdelrahman al-Nour", "text": "After that, the incubators stop."}],
    )
    guess = predicted(
        {
            "people": [person("Dr Mohamed al-Nour", "Mohamed Abdelrahman al-Nour")],
            "quotes": [{"speaker": "Dr Mohamed al-Nour", "text": "After that, the incubators stop."}],
        }
    )
    assert score_text(guess, truth).quotes.speaker_accuracy == 1.0


def test_totals_are_micro_averaged_over_counts_not_averages_of_ratios() -> None:
    big = gold(places=[place(name) for name in ("Leeds", "York", "Hull", "Bath")])
    small = gold(places=[place("Derby")])
    first = score_text(
        predicted({"places": [place("Leeds"), place("York"), place("Hull"), place("Bath")]}), big
    )
    second = score_text(predicted({"places": [place("Dover")]}), small)
    sums = total([first, second])
    assert sums.places.recall == pytest.approx(4 / 5)  # not (1.0 + 0.0) / 2
    assert sums.places.precision == pytest.approx(4 / 5)
    assert sums.places.false_positives == ["Dover"]


def test_predictions_are_read_leniently() -> None:
    guess = predicted(
        {
            "people": [{"name": "Okoro", "aliases": ["Okoro", 3], "role": 7}, {"name": ""}, "junk"],
            "places": None,
            "quotes": [{"text": "Today it was.", "speaker": ""}, {"speaker": "x"}],
        }
    )
    assert guess.people == [NamedEntity("Okoro", ("Okoro",), None, None)]
    assert guess.places == []
    assert guess.quotes == [QuoteRecord("Today it was.", None)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"people": [{"name": "A", "colour": "red"}]}, "unknown key"),
        ({"places": [{"name": "Kursk", "kind": "province"}]}, "'kind' must be one of"),
        ({"people": [{"name": "A", "kind": "city"}]}, "people have a 'role'"),
        ({"quotes": [{"speaker": "Nobody", "text": "Hi there"}]}, "is not the name of a person"),
        ({"quotes": [{"speaker": None, "text": "  "}]}, "'text' must be a non-empty string"),
        ({"ignore": "Kursk"}, "'ignore' must be a list"),
        ({"people": {"name": "A"}}, "'people' must be a list"),
        ([], "must be a JSON object"),
    ],
)
def test_gold_files_are_read_strictly(data: object, message: str) -> None:
    with pytest.raises(GoldError, match=message):
        gold_from_dict(data)


def test_a_broken_gold_file_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "a.gold.json"
    path.write_text('{\n  "people": [\n    {"name": "A",}\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.gold\.json:3: invalid JSON"):
        load_gold(path)
    path.write_text(json.dumps({"people": [person("A")]}), encoding="utf-8")
    assert load_gold(path).people[0].name == "A"
