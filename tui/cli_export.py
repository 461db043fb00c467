"""``briefing dossier`` and ``briefing export``: the library's findings written out for people and editors.

Kept apart from :mod:`tui.cli` (which only parses the command word and
dispatches here, importing this module only then) so the reader's entry point
stays small; the parser class, the loader and the exit codes are
:mod:`tui.cli`'s own. Same promises as
the rest of the command: one line on stderr per problem, never a traceback,
article text never reaching the terminal raw (the dossier escapes it, paths
go through :func:`tui.model.export.printable`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.cli import EXIT_OK, EXIT_PROBLEMS, PROG, _load, _Parser, _paths_argument
from tui.model.export import printable

if TYPE_CHECKING:
    from tui.model.library import Library

DEFAULT_EXPORT_DIR = "export"


def dossier_parser() -> argparse.ArgumentParser:
    """Options of ``briefing dossier``."""
    parser = _Parser(
        prog=f"{PROG} dossier",
        description="Print a Markdown dossier of one person or place: names, roles, the briefings in date "
        "order, every mention with its sentence and every quote. NAME is matched ignoring case and "
        "accents, by name, alias or a word of the name; 'person:NAME' or 'place:NAME' picks a kind.",
    )
    parser.add_argument("name", metavar="NAME", help="the person or place, e.g. 'Jane Doe' or place:Lisbon")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the dossier to FILE instead of stdout")
    _paths_argument(parser)
    return parser


def export_parser() -> argparse.ArgumentParser:
    """Options of ``briefing export``."""
    parser = _Parser(
        prog=f"{PROG} export",
        description="Write each briefing with its annotations into DIR. md: the original Markdown (a .txt "
        "becomes .md) with people, places and quotes filled into its front matter and 'extract: off', so "
        "an editor can correct them and the reader takes them as they are; json: the 'briefing extract' "
        "document of each file. Sources are never overwritten. Exit status 1 if anything was not written.",
    )
    parser.add_argument("--format", choices=("md", "json"), default="md", help="output format (default: md)")
    parser.add_argument("-o", "--output", metavar="DIR", default=DEFAULT_EXPORT_DIR,
                        help=f"directory to write into, created if needed (default: ./{DEFAULT_EXPORT_DIR}/)")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files, directories (recursive) or - for stdin")
    return parser


def _note_load_errors(prog: str, library: Library, err: TextIO) -> None:
    failed = sum(1 for e in library.errors if e.severity.value == "error")
    if failed:
        plural = "s" if failed != 1 else ""
        err.write(f"{prog}: {failed} file{plural} did not load (see '{PROG} check')\n")


def run_dossier(name: str, paths: Sequence[str], output: str | None,
                stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """Print (or write) the dossier of the one entity ``name`` means; otherwise say why, in one line."""
    from tui.model.dossier import dossier_markdown, find_entity
    from tui.model.mdwrite import write_atomic

    out, err, prog = out or sys.stdout, sys.stderr, f"{PROG} dossier"
    library = _load(paths, stdin or sys.stdin)
    _note_load_errors(prog, library, err)
    match = find_entity(library, name)
    shown = printable(name.strip())
    if match.candidates:
        err.write(f"{prog}: '{shown}' could mean {len(match.candidates)} entries; name one of them:\n")
        for entry in match.candidates:
            err.write(printable(f"  {entry.id}  ({entry.entity.name})") + "\n")
        return EXIT_PROBLEMS
    if match.found is None:
        closest = "; closest: " + ", ".join(match.suggestions) if match.suggestions else ""
        count = len(library.briefings)
        err.write(printable(f"{prog}: no person or place called '{shown}' in {count} briefing"
                            f"{'s' if count != 1 else ''}{closest}") + "\n")
        return EXIT_PROBLEMS
    text = dossier_markdown(library, match.found.id) or ""
    if output is None:
        out.write(text)
        return EXIT_OK
    try:
        write_atomic(Path(output), text)
    except OSError as error:
        err.write(printable(f"{prog}: cannot write {output}: {error.strerror or error}") + "\n")
        return EXIT_PROBLEMS
    err.write(printable(f"{prog}: wrote {output}") + "\n")
    return EXIT_OK


def run_export(paths: Sequence[str], fmt: str = "md",
               out_dir: str = DEFAULT_EXPORT_DIR, stdin: TextIO | None = None,
               out: TextIO | None = None) -> int:
    """Write each loaded briefing into ``out_dir``; list what was written on stdout, problems on stderr."""
    from tui.model.export_md import briefing_json, briefing_markdown, plan_targets
    from tui.model.mdwrite import write_atomic

    out, err, prog = out or sys.stdout, sys.stderr, f"{PROG} export"
    library = _load(paths, stdin or sys.stdin)
    problems = 0
    for error in library.errors:
        if error.severity.value == "error":
            problems += 1
            err.write(printable(f"{error} (not exported)") + "\n")
    roots = [Path(p) for p in paths if p != "-"]
    suffix = ".json" if fmt == "json" else ".md"
    targets, refused = plan_targets(library.briefings, roots, Path(out_dir), suffix)
    for reason in refused:
        err.write(printable(f"{prog}: {reason}") + "\n")
    written = 0
    for briefing in library.briefings:
        target = targets.get(briefing.key)
        if target is None:
            continue
        try:
            text = briefing_json(briefing, library) if fmt == "json" else briefing_markdown(briefing, library)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
        except OSError as error:
            problems += 1
            err.write(printable(f"{prog}: cannot write {target}: {error.strerror or error}") + "\n")
            continue
        written += 1
        out.write(printable(str(target)) + "\n")
    plural = "" if written == 1 else "s"
    err.write(printable(f"{prog}: {written} briefing{plural} written to {out_dir}") + "\n")
    return EXIT_PROBLEMS if problems or refused else EXIT_OK
