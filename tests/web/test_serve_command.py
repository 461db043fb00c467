"""``briefing serve`` without a browser: the shell command it hands textual-serve, its errors, its imports.

textual-serve runs the reader through ``/bin/sh``; here the quoted command
runs through the same shell with a stand-in program that prints the argv it
received, so a path that would run a command or be taken for an option shows.
"""

from __future__ import annotations

import io
import json
import shlex
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tui.cli import main
from tui.serve import INSTALL_HINT, ServeError, is_loopback, served_command

ECHO_ARGV = [sys.executable, "-c", "import json, sys; print(json.dumps(sys.argv[1:]))"]
HOSTILE_PATHS = [
    "news/with spaces",
    "$(touch pwned-1)",
    "`touch pwned-2`",
    "a; touch pwned-3",
    "b | touch pwned-4 && touch pwned-5 &",
    "it's 'quoted' \"twice\"",
    "line\nbreak; touch pwned-6",
    "$HOME ~ * ? [x] {a,b} > out < in",
    "-h",
    "--version",
    "check",
]


def test_every_path_reaches_the_reader_as_one_argument_and_runs_nothing(tmp_path: Path) -> None:
    command = served_command(HOSTILE_PATHS, ECHO_ARGV, windows=False)
    done = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["--", *HOSTILE_PATHS]
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_served_command_is_this_python_running_the_reader() -> None:
    assert shlex.split(served_command(["news"], windows=False)) == [sys.executable, "-m", "tui", "--", "news"]


def test_stdin_cannot_be_served(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "-"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "stdin" in err and "Traceback" not in err


def test_windows_refuses_what_cmd_exe_would_interpret() -> None:
    assert served_command(["plain name"], ["reader"], windows=True) == 'reader -- "plain name"'
    for path in ("a & b", "100%", "x|y", 'say "hi"', "(a)"):
        with pytest.raises(ServeError, match="Windows"):
            served_command([path], ["reader"], windows=True)


def test_without_the_extra_one_line_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # import textual_serve now fails, as if absent
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 1
    err = capsys.readouterr().err
    assert err == f"briefing: error: {INSTALL_HINT}\n"
    assert 'pip install ".[web]"' in err


def test_a_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    for port in ("0", "70000", "http"):
        assert main(["serve", "--port", port]) == 2
    assert "not a port number" in capsys.readouterr().err


def test_only_loopback_hosts_count_as_local() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.8.0.1", "::1", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.20", "example.org"))


def test_the_reader_starts_without_importing_the_web_server() -> None:
    code = ("import sys, tui.cli, tui.ui.app; "
            "print(sorted(m for m in ('tui.serve', 'textual_serve', 'aiohttp') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


async def test_the_server_banner_prints_paths_as_text_not_markup_or_escapes() -> None:
    pytest.importorskip("textual_serve", reason="textual-serve is not installed: pip install '.[web]'")
    from rich.console import Console

    from tui.serve import _make_server

    server = _make_server(served_command(["[/]x", "\x1b]0;owned\x07"], windows=False), "127.0.0.1", 8000)
    server.console = Console(file=io.StringIO(), width=300)
    await server.on_startup(None)  # type: ignore[arg-type]  # the aiohttp app is not used
    banner = server.console.file.getvalue()  # type: ignore[attr-defined]
    assert "[/]x" in banner and "\\x1b]0;owned\\x07" in banner and "\x1b" not in banner


def test_reader_flags_given_to_serve_reach_every_served_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve --watch --accessible``: each browser tab's reader starts with those options."""
    import tui.serve

    commands: list[str] = []

    def fake_server(command: str, host: str, port: int) -> SimpleNamespace:
        commands.append(command)
        return SimpleNamespace(serve=lambda: None)

    monkeypatch.setattr(tui.serve, "_make_server", fake_server)
    assert main(["serve", "--watch", "--accessible", "news"]) == 0
    assert shlex.split(commands[0])[-4:] == ["--watch", "--accessible", "--", "news"]
