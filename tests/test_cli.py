"""The ``briefing`` command: output, exit codes, and no tracebacks or raw escapes, ever."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest
import yaml

from tui import __version__
from tui.cli import main

GOOD = """---
title: Harbour reopens after the storm
date: 2024-05-02
people:
  - name: Ada Quill
    aliases: [Quill]
    role: harbour master
places:
  - name: Penmarch
    kind: town
quotes:
  - speaker: Ada Quill
    text: The cranes are safe
---
## The morning

Ada Quill walked the quay in Penmarch at six.

## The word

"The cranes are safe," Quill told the crews.
"""

BROKEN = """---
title: "never closed
people: [
---
Text.
"""


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    return folder


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          input=stdin, timeout=60)


def test_check_is_silent_on_stdout_and_exits_0_when_everything_loads(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(articles)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 briefing loaded, 0 errors" in captured.err


def test_check_prints_file_line_message_and_exits_1_on_an_error(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (articles / "broken.md").write_text(BROKEN, encoding="utf-8")
    assert main(["check", str(articles)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{articles / 'broken.md'}:2: ")  # where the quote left open starts
    assert "YAML" in lines[0]


def test_warnings_alone_are_printed_but_exit_0(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (articles / "extra.md").write_text("---\ntitle: Odd\nmood: calm\n---\nQuiet day.\n", encoding="utf-8")
    assert main(["check", str(articles / "extra.md")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{articles / 'extra.md'}:3: warning: ") and "mood" in out


def test_extract_prints_the_documented_json(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(articles)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == []
    [briefing] = data["briefings"]
    assert briefing["title"] == "Harbour reopens after the storm"
    assert briefing["date"] == "2024-05-02"
    assert [s["title"] for s in briefing["sections"]] == ["The morning", "The word"]
    assert briefing["sections"][0]["paragraphs"] == ["Ada Quill walked the quay in Penmarch at six."]
    [ada] = briefing["people"]
    assert ada == {"name": "Ada Quill", "aliases": ["Ada Quill", "Quill"], "role": "harbour master",
                   "mentions": 2}
    penmarch = {"name": "Penmarch", "aliases": ["Penmarch"], "kind": "town", "mentions": 1}
    assert briefing["places"] == [penmarch]
    assert all(set(quote) == {"speaker", "text"} for quote in briefing["quotes"])


def test_extract_yaml_says_the_same_as_json_and_errors_make_exit_1(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (articles / "broken.md").write_text(BROKEN, encoding="utf-8")
    assert main(["extract", str(articles)]) == 1
    as_json = json.loads(capsys.readouterr().out)
    assert main(["extract", "--format", "yaml", str(articles)]) == 1
    as_yaml = yaml.safe_load(capsys.readouterr().out)
    assert as_json == as_yaml
    [error] = as_json["errors"]
    assert (error["path"], error["line"]) == (str(articles / "broken.md"), 2)


def test_hostile_text_never_reaches_the_terminal_raw(tmp_path: Path) -> None:
    nasty = tmp_path / "nasty.md"
    front = "---\ntitle: \"Boom \\e[2J \\x9b31m \\u202e [b]x[/b]\"\nodd\x1b[5m: 1\n---\n"
    nasty.write_text(front + "Text \x1b]0;pwned\x07.\n", encoding="utf-8")
    for args in (["check", str(nasty)], ["extract", str(nasty)], ["extract", "--format", "yaml", str(nasty)]):
        result = run_cli(*args)
        assert result.returncode in (0, 1), result.stderr
        for stream in (result.stdout, result.stderr):
            assert not any(ch in stream for ch in "\x1b\x9b\x07\u202e"), (args, stream)
        assert "Traceback" not in result.stderr
    assert "[b]x[/b]" in run_cli("extract", str(nasty)).stdout


def test_exit_codes_from_a_real_process(articles: Path) -> None:
    assert run_cli("check", str(articles)).returncode == 0
    (articles / "broken.md").write_text(BROKEN, encoding="utf-8")
    result = run_cli("check", str(articles))
    assert result.returncode == 1 and "broken.md:2:" in result.stdout
    missing = run_cli("check", str(articles / "nope.md"))
    assert missing.returncode == 1 and "nope.md" in missing.stdout
    usage = run_cli("extract", "--format", "xml", str(articles))
    assert usage.returncode == 2 and "Traceback" not in usage.stderr and "invalid choice" in usage.stderr


def test_stdin_is_read_with_a_dash() -> None:
    result = run_cli("extract", "-", stdin="Mira Sol opened the gate at dawn.\n\nThe gate stayed open.\n")
    assert result.returncode == 0, result.stderr
    [briefing] = json.loads(result.stdout)["briefings"]
    assert briefing["path"] == "-"
    assert "Mira Sol opened the gate at dawn." in briefing["sections"][0]["paragraphs"]


def test_check_with_no_path_checks_the_bundled_briefings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "0 errors" in capsys.readouterr().err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"briefing {__version__}"
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for command in ("briefing check", "briefing extract", "briefing eval"):
        assert command in text
    assert main(["extract", "--help"]) == 0
    assert "--format" in capsys.readouterr().out


def test_an_unexpected_failure_is_one_line_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire\x1b[31m")

    monkeypatch.setattr("tui.model.loader.load_library", explode)
    assert main(["check", "x"]) == 1
    err = capsys.readouterr().err
    assert err == "briefing: error: disk on fire\\x1b[31m\n"


def test_the_reader_gets_the_paths_and_check_never_imports_textual(
    monkeypatch: pytest.MonkeyPatch, articles: Path
) -> None:
    received: list[list[str]] = []
    fake = types.ModuleType("tui.ui.app")
    fake.run = lambda paths, **flags: received.append(paths) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.ui.app", fake)
    assert main([str(articles), "other"]) == 0
    assert received == [[str(articles), "other"]]
    code = ("import sys; from tui.cli import main; "
            f"main(['check', {str(articles)!r}]); main(['extract', {str(articles)!r}]); "
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip().endswith("False")


def test_without_the_ui_the_reader_lists_what_loaded(
    monkeypatch: pytest.MonkeyPatch, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "tui.ui.app", None)
    assert main([str(articles)]) == 0
    out = capsys.readouterr().out
    assert "2024-05-02  Harbour reopens after the storm  (2 sections, 1 people, 1 places" in out


def test_eval_delegates_to_the_evaluation_runner(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--help"]) == 0
    assert "briefing eval" in capsys.readouterr().out
