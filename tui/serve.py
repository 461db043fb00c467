"""``briefing serve``: the same reader as a web page, through textual-serve.

textual-serve starts one reader process per browser tab from a *shell
command line* (it calls ``asyncio.create_subprocess_shell``), so the paths the
user named are quoted here, one argument each, and put after ``--``: a folder
called ``$(rm -rf ~)`` or ``-h`` is opened as a folder, never run or parsed as
an option. textual-serve is an optional extra (``pip install ".[web]"``) and is
imported only when ``serve`` runs, never at reader start-up.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.model.export import printable

if TYPE_CHECKING:
    from aiohttp import web
    from textual_serve.server import Server

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
INSTALL_HINT = 'briefing serve needs the web extra; install it with: pip install ".[web]"'

# What cmd.exe (textual-serve's shell on Windows) would act on even inside double quotes.
_CMD_SPECIAL = frozenset('"%!^&|<>()\r\n')
# Packages of the extra: a missing one means the extra is not (fully) installed.
_EXTRA_MODULES = frozenset({"textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2"})


class ServeError(Exception):
    """A problem the user can fix (a path that cannot be served, the extra missing): one line, no trace."""


def reader_program() -> list[str]:
    """The reader, run by the Python that runs this command, so a virtualenv install serves itself."""
    return [sys.executable, "-m", "tui"]


def served_command(paths: Sequence[str], program: Sequence[str] | None = None, *,
                   windows: bool | None = None, flags: Sequence[str] = ()) -> str:
    """The shell command line textual-serve runs: ``program FLAG... -- PATH...``, every word quoted.

    ``program`` defaults to :func:`reader_program`; tests pass another to see
    the argv the shell really hands over. ``-`` (stdin) is refused: a web
    page has no stdin to read articles from.
    """
    if "-" in paths:
        raise ServeError("'-' (stdin) cannot be served: name the files or folders to open")
    words = [*(reader_program() if program is None else program), *flags, "--", *paths]
    if not (os.name == "nt" if windows is None else windows):
        return shlex.join(words)
    for word in words:
        if _CMD_SPECIAL.intersection(word):
            raise ServeError(f"cannot serve {printable(word)!r} on Windows: cmd.exe would interpret "
                             "its quotes, %, !, ^, &, |, <, > or parentheses; rename or move it")
    return subprocess.list2cmdline(words)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (the safe default for a reader of local files)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(paths: Sequence[str], host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
          flags: Sequence[str] = ()) -> int:
    """Serve the reader on ``http://host:port`` until Ctrl-C; returns the exit status (0).

    ``flags`` are the reader's own options (``--watch``, ``--accessible``), passed on to each served reader.
    """
    command = served_command(paths, flags=flags)
    try:
        server = _make_server(command, host, port)
    except ModuleNotFoundError as error:
        if error.name and error.name.split(".")[0] in _EXTRA_MODULES:
            raise ServeError(INSTALL_HINT) from error
        raise
    if not is_loopback(host):
        sys.stderr.write(f"briefing serve: warning: {printable(host)} is not a loopback address; "
                         "anyone who can reach it can read these files\n")
    server.serve()
    return 0


def _make_server(command: str, host: str, port: int) -> Server:
    """The textual-serve server, imported only now: it pulls in aiohttp, which the reader never needs."""
    from textual_serve.server import Server as StockServer

    class BriefingServer(StockServer):
        """textual-serve's server, announcing itself without Rich markup.

        The stock banner prints the command through Rich markup, so a path
        with ``[/]`` in it would crash the server and escape sequences in a
        path would reach the terminal; this prints it as plain, escaped text.
        """

        async def on_startup(self, app: web.Application) -> None:
            self.console.print(f"Serving the briefing reader on {printable(self.public_url)}",
                               markup=False, highlight=False)
            self.console.print(f"command: {printable(self.command)}", markup=False, highlight=False)
            self.console.print("Press Ctrl+C to quit", markup=False, highlight=False)

    # textual-serve builds the page's websocket address from host and port; an IPv6 one needs brackets.
    public_url = f"http://[{host}]:{port}" if ":" in host else None
    return BriefingServer(command, host=host, port=port, title="Briefing", public_url=public_url)
