"""Headless Chromium and ``briefing serve`` for the browser tests, with nothing but aiohttp.

Chromium is driven over the DevTools protocol (a websocket speaking JSON), with
aiohttp's websocket client: aiohttp comes with textual-serve, so the browser
test adds no dependency of its own. Chromium is Debian's (``apt-get install
chromium``); nothing is downloaded at test time.

The reader is drawn by xterm.js onto a canvas, so the page's DOM holds no text.
:data:`CAPTURE_TERMINAL` is run before the page's own scripts and keeps the
xterm ``Terminal`` that textual-serve creates (it is assigned to a property
named ``terminal``); the test then reads what is on screen through xterm's
public buffer API, the same cells the canvas paints.

Both processes run in their own session, so teardown kills the whole process
group (the server's shell and reader children, Chromium's renderers) even when
a test fails.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import aiohttp

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Keeps xterm's Terminal (public API: buffer, rows, loadAddon) when textual-serve's client stores it.
CAPTURE_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if (value && typeof value.loadAddon === "function" && value.buffer) { window.__briefingTerminal = value; }
  },
});
"""
# The rows on screen as text, or null before the terminal exists.
SCREEN_TEXT = """
(() => {
  const term = window.__briefingTerminal;
  if (!term) { return null; }
  const buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()
"""


def find_chromium() -> str | None:
    """Chromium's executable: ``$BRIEFING_CHROMIUM`` if set, else the first of the usual names on PATH."""
    override = os.environ.get("BRIEFING_CHROMIUM")
    if override:
        return shutil.which(override) or (override if Path(override).is_file() else None)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    """A TCP port free on the loopback interface right now (the server binds it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop(process: subprocess.Popen[bytes]) -> None:
    """End ``process`` and everything it started (its own process group): TERM, then KILL after 5 s."""
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(wait)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # children that outlived their parent
            return
        except subprocess.TimeoutExpired:
            continue


@contextlib.contextmanager
def chromium(executable: str, profile: Path) -> Iterator[int]:
    """Headless Chromium that can reach loopback addresses only; yields its DevTools port."""
    profile.mkdir(parents=True, exist_ok=True)
    args = [
        executable, "--headless", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
        f"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        # Only this machine: no host name resolves (the page links a web font); no background calls.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--disable-dev-shm-usage", "--enable-unsafe-swiftshader",
        "--window-size=1600,1000", "--hide-scrollbars", "--mute-audio", "about:blank",
    ]
    log = (profile / "chromium.log").open("wb")
    process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not (port_file.is_file() and port_file.read_text().strip()):
            if process.poll() is not None or time.monotonic() > deadline:
                output = (profile / "chromium.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"Chromium did not start: {output}")
            time.sleep(0.1)
        yield int(port_file.read_text().split()[0])
    finally:
        stop(process)
        log.close()


@contextlib.contextmanager
def served_reader(paths: Sequence[str], workdir: Path, env: Mapping[str, str]) -> Iterator[str]:
    """``briefing serve PATH...`` on a free loopback port, run from ``workdir``; yields the page's URL."""
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, **env}
    # The server runs from workdir; the reader it serves must still import this checkout.
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    log_path = workdir.parent / f"serve-{port}.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", str(port), *paths],
        cwd=workdir, env=environment, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                output = log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"briefing serve did not come up: {output}")
            with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    break
            time.sleep(0.2)
        yield url
    finally:
        stop(process)
        log.close()


class Page:
    """One Chromium tab over DevTools: send commands, read results (events are ignored)."""

    def __init__(self, socket_: aiohttp.ClientWebSocketResponse) -> None:
        self._socket = socket_
        self._next_id = 0

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Run one DevTools command and return its result (an error reply raises)."""
        self._next_id += 1
        request_id = self._next_id
        await self._socket.send_str(json.dumps({"id": request_id, "method": method, "params": params}))
        while True:
            message = await self._socket.receive_json(timeout=30)
            if message.get("id") == request_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        reply = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return reply.get("result", {}).get("value")

    async def screen_text(self) -> str:
        """What the reader shows right now, row by row ("" until the terminal exists)."""
        return str(await self.evaluate(SCREEN_TEXT) or "")

    async def wait_for_text(self, *wanted: str, timeout: float = 20.0) -> str:
        """The screen text once it contains every one of ``wanted``; fails with the last screen seen."""
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = await self.screen_text()
            if all(part in text for part in wanted):
                return text
            await asyncio.sleep(0.25)
        if not text and await self.evaluate("!window.__briefingTerminal"):
            raise AssertionError("no xterm terminal was captured: has textual-serve's page script changed?")
        raise AssertionError(f"the page never showed {wanted!r}; last screen:\n{text}")

    async def screenshot(self, path: Path) -> Path:
        """Save what the tab shows as a PNG at ``path``."""
        reply = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(reply["data"]))
        return path


@contextlib.asynccontextmanager
async def open_page(devtools_port: int, url: str) -> AsyncIterator[Page]:
    """A new tab with :data:`CAPTURE_TERMINAL` installed, navigated to ``url``; closed afterwards."""
    base = f"http://127.0.0.1:{devtools_port}"
    async with aiohttp.ClientSession() as session:
        async with session.put(f"{base}/json/new?about:blank") as response:
            target = await response.json(content_type=None)
        try:
            async with session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as socket_:
                page = Page(socket_)
                await page.send("Page.enable")
                await page.send("Page.addScriptToEvaluateOnNewDocument", source=CAPTURE_TERMINAL)
                await page.send("Page.navigate", url=url)
                yield page
        finally:
            async with session.get(f"{base}/json/close/{target['id']}") as response:
                await response.read()
