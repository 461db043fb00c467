"""``briefing check`` and ``briefing extract`` on hostile files, run as a user would: in a subprocess.

What reaches the terminal is checked byte for byte: valid UTF-8, and no escape,
C0/C1 control, bidi override or invisible character anywhere on stdout or
stderr, while the markup and the file names stay readable.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.security.hostile import (
    EVERYTHING,
    VISIBLE_MARKUP,
    HostileLibrary,
    markdown,
    unsafe_for_cli,
    write_library,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileLibrary:
    return write_library(tmp_path_factory.mktemp("hostile-cli"))


def briefing(*args: str | Path, stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run ``python -m tui ARGS``; stdout and stderr must be valid UTF-8 and terminal-safe."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)],
        input=stdin if stdin is not None else b"", capture_output=True, env=env, timeout=300, cwd=ROOT,
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # strict: raw bytes would fail
    assert unsafe_for_cli(out) == [], sorted(set(unsafe_for_cli(out)))
    assert unsafe_for_cli(err) == [], sorted(set(unsafe_for_cli(err)))
    assert "Traceback" not in err
    return done.returncode, out, err


def test_check_lists_problems_with_every_name_escaped(hostile: HostileLibrary) -> None:
    code, out, err = briefing("check", hostile.root)
    assert code == 1
    lines = out.splitlines()
    assert all(line.startswith(str(hostile.root)) for line in lines), lines  # one problem per line
    assert f"{hostile.root}/title\\x1b]0;owned\\x07.md:3: warning: unknown key" in out
    assert f"{hostile.root}/report\\u202etxt.md:4: " in out
    assert f"{hostile.root}/colour\\x1b[31mred.md:4: " in out
    assert "key [@click=app.quit]x[/]" in out  # the markup shown as it is
    assert "removed" in out  # escape sequences in the files were reported, not printed
    assert "briefings loaded" in err


def test_check_escapes_a_newline_and_undecodable_bytes_in_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "evil\nname.md").write_text("---\npeople: x y\n---\nBody.\n")
    (folder / os.fsdecode(b"bytes\xff.md")).write_text("---\npeople: x y\n---\nBody.\n")
    code, out, _ = briefing("check", folder)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2, lines  # the newline did not split a problem over two lines
    assert any("evil\\x0aname.md:2: " in line for line in lines)
    assert any("bytes\\udcff.md:2: " in line for line in lines)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_extract_prints_hostile_text_as_escaped_data(hostile: HostileLibrary, fmt: str) -> None:
    code, out, _ = briefing("extract", "--format", fmt, hostile.root)
    assert code == 1  # the broken files
    document = json.loads(out) if fmt == "json" else yaml.safe_load(out)
    titles = {Path(b["path"]).name: b["title"] for b in document["briefings"]}
    assert titles["markup_click.md"] == "Title [@click=app.quit]x[/]"
    assert titles["bidi_rlo.md"] == "Title abc\u202edef"  # data survives, escaped in transit
    assert titles["escape_osc52_clipboard.md"] == "Title"  # the escape sequence itself is gone
    everything = next(b for b in document["briefings"] if b["path"].endswith("everything.md"))
    people = [p["name"] for p in everything["people"]]
    assert any(VISIBLE_MARKUP in name for name in people)
    assert any(Path(e["path"]).name == "report\u202etxt.md" for e in document["errors"])
    assert "evil\nname.md" in {Path(b["path"]).name for b in document["briefings"]}


def test_extract_from_stdin_cleans_raw_escapes() -> None:
    data = markdown(EVERYTHING).replace("\x00", "").encode() + b"\n\x1b]52;c;aGk=\x07 \x9b2J tail\n"
    code, out, _ = briefing("extract", "-", stdin=data)
    document = json.loads(out)
    assert code == 0, document["errors"]
    [loaded] = document["briefings"]
    assert loaded["path"] == "-" and VISIBLE_MARKUP in loaded["title"]


def test_a_missing_hostile_path_is_reported_escaped(tmp_path: Path) -> None:
    code, out, _ = briefing("check", tmp_path / "gone\x1b]0;owned\x07.md")
    assert code == 1
    assert "gone\\x1b]0;owned\\x07.md: no such file or directory" in out
