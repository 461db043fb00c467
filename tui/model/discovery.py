"""Finding briefing files under the paths a user gives, without getting lost.

Directories are walked recursively in name order. Symlinks are followed, but a
directory that is its own ancestor (a symlink loop) is reported once and not
entered again, and a symlink that resolves to nothing is reported, not fatal.
Hidden files and folders (``.git``) are skipped inside directories, and sidecar
``.yaml`` files are never briefings themselves.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from tui.model.document import LoadError

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
SIDECARS = (".yaml", ".yml")
"""Suffixes of a raw article's metadata file beside it, in the order they are looked for."""
SIDECAR_SUFFIXES = frozenset(SIDECARS)
STDIN = "-"


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[LoadError]]:
    """The briefing files under ``paths`` (``-`` kept as is for stdin), and what could not be read.

    A regular file named explicitly is loaded whatever its suffix (except a sidecar; pipes and
    devices are refused);
    inside directories only ``.md``, ``.markdown`` and ``.txt`` files count.
    Each file appears once even if reached by two routes.
    """
    errors: list[LoadError] = []
    return list(discover_lazily(paths, errors)), errors


def discover_lazily(paths: Iterable[str | Path], errors: list[LoadError]) -> Iterator[Path]:
    """:func:`discover`'s files one by one, in the same order, as each folder is read.

    What cannot be read is appended to ``errors`` as it is found. The reader
    opens the first file before the rest of a big folder is listed (listing
    10,000 files takes a tenth of a second).
    """
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    stdin_added = False
    for raw in paths:
        if str(raw) == STDIN:
            if not stdin_added:
                yield Path(STDIN)
                stdin_added = True
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as error:
            errors.append(LoadError(str(path), os_message(error)))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, errors, seen_files, seen_dirs)
        elif not stat.S_ISREG(info.st_mode):
            # Opening a pipe with no writer blocks for ever, and a device never ends: refuse both.
            errors.append(LoadError(str(path), "not a regular file (a pipe, device or socket): "
                                    "use - to read a briefing from standard input"))
        elif path.suffix.casefold() in SIDECAR_SUFFIXES:
            errors.append(
                LoadError(str(path), "a .yaml file is a sidecar, not a briefing: open its .txt file")
            )
        elif _key(info) not in seen_files:
            seen_files.add(_key(info))
            yield path


FOLDER_DOCUMENTS = frozenset({"readme", "changelog", "license", "licence", "contributing", "code_of_conduct"})
"""Stems of files that describe a folder rather than report news (a folder of saved articles often has a
README): skipped when found inside a folder, loaded when named explicitly."""


def is_briefing_name(name: str) -> bool:
    """Whether a file found inside a directory is a briefing (by suffix, and not the folder's README).

    String splitting, not pathlib: it runs for every file of a library before the first one opens.
    """
    dot = name.rfind(".")  # the suffix and stem pathlib would see
    stem, suffix = (name[:dot], name[dot:].casefold()) if 0 < dot < len(name) - 1 else (name, "")
    if stem.casefold() in FOLDER_DOCUMENTS:
        return False
    return suffix in MARKDOWN_SUFFIXES or suffix in TEXT_SUFFIXES


def sidecar_of(path: Path) -> Path | None:
    """``NAME.yaml`` (or ``NAME.yml``) beside a raw article ``NAME.txt``, if there is one.

    The one rule the loader, the cache key and the export share, so they always agree on it.
    """
    if str(path) == STDIN:
        return None
    for suffix in SIDECARS:
        candidate = path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def os_message(error: OSError) -> str:
    """A short, user-facing reason for a filesystem error."""
    if error.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links); not followed"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied: cannot read it"
    return f"cannot read: {error.strerror or error}"


def _key(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _walk(
    root: Path,
    errors: list[LoadError],
    seen_files: set[tuple[int, int]],
    seen_dirs: set[tuple[int, int]],
) -> Iterator[Path]:
    """Depth-first walk with an explicit stack; each directory carries its ancestors to spot loops."""
    root_key = _key(root.stat())
    if root_key in seen_dirs:
        return
    seen_dirs.add(root_key)
    stack: list[tuple[Path, tuple[int, int], frozenset[tuple[int, int]]]] = [
        (root, root_key, frozenset({root_key}))
    ]
    while stack:
        directory, (device, _), ancestors = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            errors.append(LoadError(str(directory), os_message(error)))
            continue
        subdirectories: list[tuple[Path, tuple[int, int], frozenset[tuple[int, int]]]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_file(follow_symlinks=False):
                # A plain file: the directory listing gives its type and inode, so no stat call
                # (a tenth of a millisecond each: 1,000 files before the first one opens).
                key = (device, entry.inode())
                if is_briefing_name(entry.name) and key not in seen_files:
                    seen_files.add(key)
                    yield Path(entry.path)
                continue
            try:
                info = entry.stat()  # follows symlinks
            except OSError as error:
                if entry.is_symlink() or is_briefing_name(entry.name):
                    errors.append(LoadError(entry.path, os_message(error)))
                continue
            key = _key(info)
            if stat.S_ISDIR(info.st_mode):
                if key in ancestors:
                    loop = "symlink loop: it leads back to a folder above it; not followed"
                    errors.append(LoadError(entry.path, loop))
                elif key not in seen_dirs:
                    seen_dirs.add(key)
                    subdirectories.append((Path(entry.path), key, ancestors | {key}))
            elif stat.S_ISREG(info.st_mode) and is_briefing_name(entry.name) and key not in seen_files:
                seen_files.add(key)
                yield Path(entry.path)
        stack.extend(reversed(subdirectories))
