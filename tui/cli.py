"""The ``briefing`` command: open the reader, check files, print what was loaded, evaluate the extractor.

``briefing [PATH...]`` opens the reader; the first word may instead name a
command (``check``, ``extract``, ``eval``, ``serve``), so a folder called ``check`` is
opened as ``briefing ./check``. Textual is imported only when the reader
opens, so ``check`` and ``extract`` stay fast and work without a terminal.

Whatever goes wrong, the user gets one line on stderr and a non-zero exit,
never a traceback; text printed from articles goes through
:func:`tui.model.export.printable`, so escape sequences in a file cannot
drive the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from tui import __version__
from tui.model.export import dump_json, dump_yaml, library_to_dict, printable

if TYPE_CHECKING:
    from tui.model.library import Library

PROG = "briefing"
COMMANDS = ("check", "extract", "eval", "serve", "dossier", "export")
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_DESCRIPTION = (
    "A terminal reader for news briefings: people, places and quotes, linked and reachable by keyboard."
)
_EPILOG = """\
commands:
  briefing [PATH...]                      open the reader (no PATH: the bundled briefings)
  briefing check [PATH...]                list problems as file:line: message; exit 1 on any error
  briefing extract [PATH...] [--format json|yaml]
                                          print what was loaded (people, places, quotes, sections)
  briefing eval DIR... [--json] [--details]
                                          score the extractor against NAME.gold.json files
  briefing dossier NAME [PATH...] [-o FILE]
                                          a Markdown dossier of one person or place
  briefing export PATH... [--format md|json] [-o DIR]
                                          write each briefing with its annotations (default ./export/)
  briefing serve [PATH...] [--host H] [--port P] [--watch] [--accessible]
                                          serve the reader as a web page (needs: pip install ".[web]")

PATH is a file (.md, .markdown, .txt), a directory (searched recursively) or - for stdin.
Run 'briefing COMMAND --help' for a command's options.
"""


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line plus a hint, exiting 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message)}\n(see '{self.prog} --help')\n")


def _paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="article files, directories (recursive) or - for stdin; none means the bundled briefings",
    )


def _reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description=_DESCRIPTION, epilog=_EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--watch", action="store_true",
                        help="reload files changed on disk while reading; add new files in the folders")
    parser.add_argument("--accessible", action="store_true",
                        help="accessible mode: glyphs for every kind of item, high contrast, plain cards, "
                        "the terminal cursor on the current item")
    _paths_argument(parser)
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} check",
        description="Load the articles and list every problem, one per line as file:line: message. "
        "Exit status 1 if any file failed to load, 0 otherwise (warnings alone exit 0).",
    )
    _paths_argument(parser)
    return parser


def _extract_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} extract",
        description="Print what was loaded: briefings with their sections, people, places and quotes, "
        "then the problems found. The format is stable and documented in the README. "
        "Exit status 1 if any file failed to load (the document is still printed).",
    )
    parser.add_argument(
        "--format", choices=("json", "yaml"), default="json", help="output format (default: json)"
    )
    _paths_argument(parser)
    return parser


def _serve_parser() -> argparse.ArgumentParser:
    from tui.serve import DEFAULT_HOST, DEFAULT_PORT  # light (no textual-serve); only this command needs it

    parser = _Parser(
        prog=f"{PROG} serve",
        description="Serve the reader as a web page (one reader per browser tab) until Ctrl-C. "
        "Needs the web extra: pip install \".[web]\".",
    )
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only)")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT,
                        help=f"port to listen on (default: {DEFAULT_PORT})")
    parser.add_argument("--watch", action="store_true",
                        help="each served reader reloads files changed on disk")
    parser.add_argument("--accessible", action="store_true",
                        help="each served reader starts in accessible mode")
    _paths_argument(parser)
    return parser


def _port(text: str) -> int:
    """A TCP port number for ``--port``; anything else is a usage error."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return int(text)


def run_serve(paths: Sequence[str], host: str, port: int, flags: Sequence[str] = ()) -> int:
    """``briefing serve``: the web reader lives in :mod:`tui.serve`, imported only for this command."""
    from tui.serve import serve

    return serve(paths, host=host, port=port, flags=flags)


def _load(paths: Sequence[str], stdin: TextIO | None) -> Library:
    """The library for ``paths``; the loader is imported here, so ``--help`` never pays for it."""
    from tui.model.loader import load_library

    return load_library(list(paths), stdin=stdin if "-" in paths else None)


def run_check(paths: Sequence[str], stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """``briefing check``: one line per problem on stdout, a summary on stderr."""
    out = out or sys.stdout
    library = _load(paths, stdin or sys.stdin)
    for error in library.errors:
        out.write(printable(str(error)) + "\n")
    errors = sum(1 for e in library.errors if e.severity.value == "error")
    warnings = len(library.errors) - errors
    plural = "" if len(library.briefings) == 1 else "s"
    sys.stderr.write(
        f"{PROG} check: {len(library.briefings)} briefing{plural} loaded, "
        f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}\n"
    )
    return EXIT_PROBLEMS if library.has_errors else EXIT_OK


def run_extract(paths: Sequence[str], fmt: str = "json", stdin: TextIO | None = None,
                out: TextIO | None = None) -> int:
    """``briefing extract``: the documented document as JSON or YAML on stdout."""
    out = out or sys.stdout
    library = _load(paths, stdin or sys.stdin)
    data = library_to_dict(library)
    out.write(dump_yaml(data) if fmt == "yaml" else dump_json(data))
    return EXIT_PROBLEMS if library.has_errors else EXIT_OK


def run_reader(paths: Sequence[str], *, watch: bool = False, accessible: bool = False) -> int:
    """Open the Textual reader (imported only now), or list what loaded if the UI is not installed.

    The reader reads ``-`` (stdin) itself, then reopens the terminal for keys.
    """
    try:
        from tui.ui.app import run
    except ModuleNotFoundError as error:
        if error.name and error.name.split(".")[0] == "textual":
            raise RuntimeError("the reader needs Textual; install it with: pip install textual") from error
        if error.name not in ("tui.ui.app", "tui.ui"):
            raise
        return _placeholder(paths, sys.stdin)
    return int(run(list(paths), watch=watch, accessible=accessible))


def _placeholder(paths: Sequence[str], stdin: TextIO | None) -> int:
    """What the reader would open, as text: used only while the UI is missing from the install."""
    library = _load(paths, stdin)
    out = sys.stdout
    out.write(f"{len(library.briefings)} briefing(s) loaded (the reader UI is not available):\n")
    for briefing in library.briefings:
        date = briefing.date.isoformat() if briefing.date else "----------"
        people = sum(1 for e in briefing.entities.values() if e.kind.value == "person")
        places = len(briefing.entities) - people
        counts = (f"{len(briefing.sections)} sections, {people} people, {places} places, "
                  f"{len(briefing.quotes)} quotes")
        out.write(printable(f"  {date}  {briefing.title}  ({counts})") + "\n")
    for error in library.errors:
        out.write(printable(f"  {error}") + "\n")
    return EXIT_PROBLEMS if library.has_errors else EXIT_OK


def _dispatch(args: list[str]) -> int:
    if args and args[0] == "eval":
        from tui.eval.runner import main as eval_main

        return int(eval_main(args[1:]))
    if args and args[0] == "check":
        return run_check(_check_parser().parse_args(args[1:]).paths)
    if args and args[0] == "extract":
        options = _extract_parser().parse_args(args[1:])
        return run_extract(options.paths, options.format)
    if args and args[0] == "serve":
        options = _serve_parser().parse_args(args[1:])
        wanted = (("--watch", options.watch), ("--accessible", options.accessible))
        flags = [flag for flag, on in wanted if on]
        return run_serve(options.paths, options.host, options.port, flags)
    if args and args[0] in ("dossier", "export"):
        return _run_export_command(args[0], args[1:])
    options = _reader_parser().parse_args(args)
    return run_reader(options.paths, watch=options.watch, accessible=options.accessible)


def _run_export_command(command: str, args: list[str]) -> int:
    """``dossier`` and ``export`` live in :mod:`tui.cli_export`; they load through :func:`_load` too."""
    from tui import cli_export

    if command == "dossier":
        options = cli_export.dossier_parser().parse_args(args)
        return cli_export.run_dossier(options.name, options.paths, options.output)
    options = cli_export.export_parser().parse_args(args)
    return cli_export.run_export(options.paths, options.format, options.output)


def _quiet_stdout() -> None:
    """After a broken pipe (``briefing extract | head``), point stdout at /dev/null so exit is silent."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``briefing`` with ``argv`` (default: the process arguments) and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                reconfigure(errors="backslashreplace")
    try:
        return _dispatch(args)
    except SystemExit as exit_:  # argparse: --help, --version, usage errors
        code = exit_.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_PROBLEMS
    except Exception as error:  # the promise: one line, never a traceback
        message = printable(str(error)) or type(error).__name__
        sys.stderr.write(f"{PROG}: error: {message}\n")
        return EXIT_PROBLEMS
