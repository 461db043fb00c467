"""``briefing eval`` end to end: it runs the real loader and extractor over the fixtures and prints a
table; the figures themselves belong to the extractor, so only their shape is asserted here, except
for a briefing whose annotations are all declared, where the right answer is known exactly."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from tui.eval.runner import find_cases, main

ARTICLES = Path(__file__).parent / "articles"
NAMES = sorted(path.name.removesuffix(".gold.json") for path in ARTICLES.glob("*.gold.json"))
FIGURE = r"(?:[01]\.\d\d|—)"

DECLARED = """---
title: Declared only
extract: off
people:
  - name: Ingrid Halvorsen
    aliases: [Halvorsen]
    role: manager
places:
  - name: Bergen
    kind: city
quotes:
  - speaker: Ingrid Halvorsen
    text: Football can be cruel
---
Ingrid Halvorsen coached in Bergen. "Football can be cruel," Halvorsen said.
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_table_has_a_row_per_article_then_totals_targets_and_speed() -> None:
    code, out, err = run(str(ARTICLES))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["people", "places", "quotes"]
    assert lines[1].split() == ["text", "words", "P", "R", "F1", "P", "R", "F1", "R", "P", "spk"]
    row = re.compile(rf"^(\S+)\s+(\d+)(?:\s+{FIGURE}){{9}}$")
    rows = [match.group(1) for line in lines if (match := row.match(line))]
    assert rows == [*NAMES, "TOTAL"]
    assert any(line.startswith("targets: people F1") for line in lines)
    speed = next(line for line in lines if line.startswith("speed (no cache"))
    assert re.search(r"annotate [\d,]+ words/s .*; load \+ annotate [\d,]+ words/s", speed)


def test_json_output_has_every_text_the_total_and_the_speed() -> None:
    code, out, _ = run(str(ARTICLES), "--json")
    assert code == 0
    report = json.loads(out)
    assert [text["name"] for text in report["texts"]] == NAMES
    for part in (report["total"], *report["texts"]):
        assert set(part) >= {"people", "places", "quotes"}
        assert set(part["people"]) >= {"precision", "recall", "f1", "missed", "false_positives"}
        assert set(part["quotes"]) >= {"recall", "precision", "speaker_accuracy", "wrong_speakers"}
    assert report["total"]["people"]["gold"] == sum(text["people"]["gold"] for text in report["texts"])
    passes = report["speed"]["passes"]
    assert report["speed"]["words"] == passes * sum(text["words"] for text in report["texts"])
    assert report["speed"]["words_per_second"] > 0
    assert report["speed"]["annotate_words_per_second"] > 0


def test_speed_is_measured_without_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache hit skips extraction, so timing through it would measure the cache, not the extractor."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache_dir))
    code, out, _ = run(str(ARTICLES / f"{NAMES[0]}.txt"), "--json", "--repeat", "2")
    assert code == 0
    assert not cache_dir.exists() or not any(cache_dir.rglob("*.json.z")), "the eval wrote cache entries"
    text = json.loads(out)["texts"][0]
    assert text["annotate_seconds"] > 0 and text["seconds"] > 0


def test_details_list_what_the_extractor_missed(tmp_path: Path) -> None:
    article = tmp_path / "plain.txt"
    article.write_text("Nothing much happened in this short paragraph today.\n", encoding="utf-8")
    (tmp_path / "plain.gold.json").write_text(
        json.dumps({"people": [{"name": "Imaginary Person", "aliases": [], "role": None}]}), encoding="utf-8"
    )
    code, out, _ = run(str(tmp_path), "--details")
    assert code == 0
    assert "plain:" in out
    assert "people missed: Imaginary Person" in out


def test_declared_annotations_score_perfectly_through_the_whole_pipeline(tmp_path: Path) -> None:
    (tmp_path / "declared.md").write_text(DECLARED, encoding="utf-8")
    gold = {
        "people": [{"name": "Ingrid Halvorsen", "aliases": ["Halvorsen"], "role": "manager"}],
        "places": [{"name": "Bergen", "aliases": [], "kind": "city"}],
        "quotes": [{"speaker": "Ingrid Halvorsen", "text": "Football can be cruel"}],
    }
    (tmp_path / "declared.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    code, out, err = run(str(tmp_path), "--json")
    assert code == 0, err
    total = json.loads(out)["total"]
    assert total["people"]["f1"] == total["places"]["f1"] == 1.0
    assert total["quotes"]["recall"] == total["quotes"]["speaker_accuracy"] == 1.0
    assert total["places"]["kind_accuracy"] == 1.0


def test_a_gold_file_without_its_article_and_a_broken_gold_file_are_reported(tmp_path: Path) -> None:
    (tmp_path / "orphan.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "broken.txt").write_text("Some text about Leeds.\n", encoding="utf-8")
    (tmp_path / "broken.gold.json").write_text('{"people": [', encoding="utf-8")
    cases, problems = find_cases([tmp_path])
    assert [case.name for case in cases] == ["broken"]
    assert problems == [f"{tmp_path / 'orphan.gold.json'}: no article orphan.txt or orphan.md beside it"]
    code, out, err = run(str(tmp_path))
    assert code == 1
    assert "broken" in out and "error:" in out
    assert "invalid JSON" in err and "orphan.gold.json" in err


def test_a_folder_without_gold_files_is_an_error_not_an_empty_table(tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path))
    assert code == 1
    assert out == ""
    assert "no article with a .gold.json" in err


def test_bad_usage_exits_with_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main([str(ARTICLES), "--repeat", "0"], stderr=io.StringIO()) == 2
    assert "usage" in capsys.readouterr().err


def test_briefing_eval_reaches_the_runner(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main as cli_main

    assert cli_main(["eval", str(ARTICLES)]) == 0
    assert "TOTAL" in capsys.readouterr().out
