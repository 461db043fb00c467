"""A pseudo-terminal the benchmark drives from outside, as a user would: tmux in control mode.

The app under test runs in a tmux pane of a fixed size. One control-mode client
(``tmux -C``) stays attached: commands go down its stdin and replies come back
on its stdout, so polling the screen costs no process start, and tmux reports
every chunk the app writes as a ``%output`` notification. A measurement is
"the time of the last chunk the app wrote before the screen first showed what
we wait for", taken from when the key was sent (or the process started).
"""

from __future__ import annotations

import os
import queue
import shlex
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 160, 45


class TerminalError(RuntimeError):
    """tmux is missing, a command failed, or the screen never showed what was expected."""


@dataclass(frozen=True, slots=True)
class Screen:
    """One capture of the pane: its text, and the same with colours and styles (to see cursor moves)."""

    text: str
    styled: str
    at: float
    """``time.perf_counter()`` of the last output chunk the capture includes."""


class Terminal:
    """A tmux server on a private socket with one pane, and a control client to drive it."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT) -> None:
        if shutil.which("tmux") is None:
            raise TerminalError("the benchmark needs tmux (apt-get install -y tmux)")
        self.socket = f"briefing-bench-{os.getpid()}"
        self._tmux("-f", "/dev/null", "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height),
                   "sleep 86400")
        for option in (("set", "-g", "remain-on-exit", "on"), ("set", "-g", "window-size", "manual"),
                       ("set", "-g", "status", "off"), ("set", "-g", "escape-time", "0")):
            self._tmux(*option)
        self._tmux("resize-window", "-t", "bench", "-x", str(width), "-y", str(height))
        self._client = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach", "-t", "bench"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self._replies: queue.Queue[tuple[bool, list[str]]] = queue.Queue()
        self._output = threading.Condition()
        self.last_output = 0.0
        self._outputs = 0
        threading.Thread(target=self._read, daemon=True).start()
        try:
            self._replies.get(timeout=10)  # tmux answers the attach itself with an empty reply first
        except queue.Empty as error:
            raise TerminalError("the tmux control client did not attach") from error
        self.command("refresh-client -C 160x45")

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)
        if result.returncode != 0:
            raise TerminalError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def _read(self) -> None:
        """Sort the control client's stdout into command replies and output notifications."""
        assert self._client.stdout is not None
        block: list[str] | None = None
        for raw in self._client.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if block is not None:
                if line.startswith(("%end ", "%error ")):
                    self._replies.put((line.startswith("%end"), block))
                    block = None
                else:
                    block.append(line)
            elif line.startswith("%begin "):
                block = []
            elif line.startswith("%output "):
                with self._output:
                    self.last_output = time.perf_counter()
                    self._outputs += 1
                    self._output.notify_all()

    def command(self, command: str) -> list[str]:
        """Run one tmux command through the control client and return its output lines."""
        assert self._client.stdin is not None
        self._client.stdin.write(command.encode() + b"\n")
        self._client.stdin.flush()
        try:
            ok, lines = self._replies.get(timeout=10)
        except queue.Empty as error:
            raise TerminalError(f"tmux did not answer {command!r}") from error
        if not ok:
            raise TerminalError(f"tmux {command!r}: {' '.join(lines)}")
        return lines

    def start(self, argv: Sequence[str], env: Mapping[str, str], cwd: str) -> float:
        """Replace whatever runs in the pane with ``argv``; returns the start time."""
        assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        line = f"cd {shlex.quote(cwd)} && exec env {assignments} {shlex.join(argv)}"
        self.command("clear-history -t bench")
        started = time.perf_counter()
        self.command(f"respawn-pane -k -t bench {shlex.quote(line)}")
        return started

    def pid(self) -> int:
        """The process running in the pane (the app itself: it was started with ``exec``)."""
        return int(self.command("display -p -t bench '#{pane_pid}'")[0])

    def dead(self) -> bool:
        """Whether the pane's process has exited."""
        return self.command("display -p -t bench '#{pane_dead}'")[0].strip() == "1"

    def screen(self) -> Screen:
        """The pane now, stamped with the time of the last output chunk it includes."""
        with self._output:
            at = self.last_output
        styled = "\n".join(self.command("capture-pane -p -e -t bench"))
        text = "\n".join(self.command("capture-pane -p -t bench"))
        return Screen(text, styled, at)

    def send(self, key: str) -> float:
        """Press a key (tmux key name: ``Enter``, ``BSpace``, ``End``, ``PageDown``, ``l``...)."""
        sent = time.perf_counter()
        self.command(f"send-keys -t bench {shlex.quote(key)}")
        return sent

    def wait(self, done: Callable[[Screen], bool], timeout: float, quiet: float = 0.0) -> Screen:
        """Wait until a capture satisfies ``done``; with ``quiet``, also until output pauses that long.

        Captures are taken only after the app writes something, so waiting
        costs almost nothing while the app works.
        """
        deadline = time.perf_counter() + timeout
        seen = -1
        while True:
            screen = self.screen()
            if done(screen):
                return self._settle(screen, quiet) if quiet else screen
            with self._output:
                if self._outputs == seen:
                    left = deadline - time.perf_counter()
                    if left <= 0:
                        shown = screen.text
                        raise TerminalError(f"timed out after {timeout:.0f} s; the screen shows:\n{shown}")
                    self._output.wait(min(left, 0.25))
                seen = self._outputs

    def idle(self, quiet: float = 0.2, timeout: float = 10.0) -> None:
        """Wait until the app has written nothing for ``quiet`` seconds (or ``timeout`` passed)."""
        deadline = time.perf_counter() + timeout
        with self._output:
            while time.perf_counter() < deadline:
                count = self._outputs
                self._output.wait(quiet)
                if self._outputs == count:
                    return

    def press(self, key: str, timeout: float = 10.0, quiet: float = 0.05) -> float:
        """Seconds from pressing ``key`` on an idle app to the last chunk of the screen update it caused."""
        self.idle()
        before = self.screen()
        sent = self.send(key)
        screen = self.wait(lambda now: now.at > sent and now.styled != before.styled, timeout, quiet)
        return screen.at - sent

    def _settle(self, screen: Screen, quiet: float) -> Screen:
        """The screen once the app has written nothing for ``quiet`` seconds (a frame can come in chunks)."""
        while True:
            with self._output:
                count = self._outputs
                self._output.wait(quiet)
                if self._outputs == count:
                    break
        settled = self.screen()
        return settled if settled.styled != screen.styled else screen

    def close(self) -> None:
        """Stop the tmux server (and with it the pane's process)."""
        if self._client.stdin is not None:
            self._client.stdin.close()
        self._client.wait(timeout=5)
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
