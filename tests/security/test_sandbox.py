"""The app writes nowhere but its state and cache folders, runs nothing, and opens no connection.

A child Python installs an audit hook (``sys.addaudithook``: it sees every
``open``, rename, delete, socket and process start the interpreter makes,
including Textual's and the libraries') that refuses any network call and
records every write, then drives the reader with Pilot through the article,
card, palette and sidebars, quits (saving state), and runs ``check`` and
``extract``. HOME and every XDG folder point into a temporary directory, so a
stray write would land where the test sees it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.security.hostile import write_library

ROOT = Path(__file__).resolve().parents[2]

CHILD = r'''
import asyncio, io, json, os, sys
from contextlib import redirect_stdout, redirect_stderr

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
FILE_EVENTS = {"os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.symlink", "os.link", "os.truncate",
               "os.chmod", "os.chown", "os.utime", "shutil.rmtree", "shutil.copyfile", "shutil.move"}
PROCESS_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.startfile",
                  "os.fork", "webbrowser.open"}
NETWORK_EVENTS = {"socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
                  "socket.sendto", "socket.sendmsg", "urllib.Request", "http.client.connect"}
found = {"writes": [], "network": [], "processes": []}

def hook(event, args):
    if event in NETWORK_EVENTS:
        found["network"].append([event, repr(args)[:200]])
        raise PermissionError("the sandbox test forbids network access")
    if event in PROCESS_EVENTS:
        found["processes"].append([event, repr(args)[:200]])
    elif event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & WRITE_FLAGS)
        if writing and not isinstance(path, int):
            found["writes"].append([event, os.fsdecode(path)])
    elif event in FILE_EVENTS:
        found["writes"].append([event] + [os.fsdecode(a) for a in args if isinstance(a, (str, bytes))])

sys.addaudithook(hook)

from tui.cli import main
from tui.ui.app import BriefingApp

async def read(paths):
    app = BriefingApp(paths)
    async with app.run_test(size=(160, 50)) as pilot:
        for _ in range(50):
            await pilot.pause(0.1)
            if app.loading is None and app.library.briefings:
                break
        for keys in (["l", "l", "enter"], ["escape"], ["ctrl+p", *"jane"], ["escape"], ["3"], ["escape"],
                     ["2"], ["escape"], ["right_square_bracket"], ["question_mark"], ["escape"], ["q"]):
            await pilot.press(*keys)
            await pilot.pause(0.05)

paths = sys.argv[1:]
asyncio.run(read(paths))
sink = io.StringIO()
with redirect_stdout(sink), redirect_stderr(sink):
    main(["check", *paths])
    main(["extract", *paths])
    main(["extract", "--format", "yaml", *paths])
print(json.dumps(found))
'''


def test_reader_and_commands_write_only_state_and_cache_and_never_connect(tmp_path: Path) -> None:
    hostile = write_library(tmp_path / "articles", per_payload=False)
    home = tmp_path / "home"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "BRIEFING_"))},
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / "xdg-config"),
        "XDG_CACHE_HOME": str(home / "xdg-cache"),
        "XDG_DATA_HOME": str(home / "xdg-data"), "XDG_STATE_HOME": str(home / "xdg-state"),
        "BRIEFING_STATE_DIR": str(tmp_path / "state"), "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_CONFIG_DIR": str(tmp_path / "config"), "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(tmp_path / "tmp"),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(hostile.root), str(ROOT / "content")],
        capture_output=True, text=True, env=env, timeout=240, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["network"] == []
    assert found["processes"] == []
    folders = (str(tmp_path / "state"), str(tmp_path / "cache"))

    def inside(path: str) -> bool:
        return any(path == folder or path.startswith(folder + os.sep) for folder in folders)

    elsewhere = [entry for entry in found["writes"] if not all(inside(p) for p in entry[1:])]
    assert elsewhere == [], elsewhere
    assert len(found["writes"]) > 3  # the hook did see the state and cache writes
    # The run did exercise both folders: the state was saved, the briefings cached.
    assert (tmp_path / "state" / "state.json").is_file()
    assert any((tmp_path / "cache").rglob("*.json.z"))
    assert not home.exists() or not any(home.rglob("*"))


@pytest.mark.parametrize("command", ["check", "extract"])
def test_commands_never_touch_the_state(tmp_path: Path, command: str) -> None:
    """``check`` and ``extract`` read articles; they have no reason to write reading state."""
    hostile = write_library(tmp_path / "articles", per_payload=False)
    env = {**os.environ, "BRIEFING_STATE_DIR": str(tmp_path / "state"), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "tui", command, str(hostile.root)], capture_output=True,
                   env=env, timeout=120, cwd=tmp_path)
    assert not (tmp_path / "state").exists()
