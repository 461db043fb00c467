"""A cache of loaded briefings, so reopening an unchanged library skips parsing and extraction.

Extraction costs about 12 ms per 1,000 words, so a 1,000-article archive takes
seconds to index; reading it back from here takes a fraction of that. One
cache file per article, named by a hash of its absolute path, in a folder per
format version and code fingerprint (``v<format>-<fingerprint>/``) in
``platformdirs.user_cache_dir("briefing")`` (``$BRIEFING_CACHE_DIR`` overrides it;
the tests use a temporary directory). A new version of the code thus finds no
entries at all, so a library it opens counts as cold and is parsed on every
core (:mod:`tui.model.prefill`); the first write removes the old folder.

An entry is used only when all of these match what is on disk now, else it is
rebuilt: the file's size, ``mtime_ns`` and a BLAKE2 hash of its bytes (and
the same for a ``.txt`` file's YAML sidecar, or its absence), the cache
format version, and a fingerprint of the loader and extractor code (the
names, sizes and mtimes of the files of :mod:`tui.model`, plus the
markdown-it version), so a new extractor never serves stale annotations.

The format (:mod:`tui.model.cache_format`) is zlib-compressed JSON of plain
lists (no pickle: a cache file is data, never code), in three streams: a head
with what listing and indexing need (metadata, people and places, how often
and where first each is named), the mentions and quotes, and the body (the
text); a briefing decodes the last two when first used, so a warm load of a big
library decodes little more than the heads. A stale entry
(written for another version of the file) is a silent miss. A corrupt,
truncated or unreadable one is a miss too, never an error, but it is moved
aside to ``corrupt/`` (the newest few kept, for a bug report) and the load
returns a warning saying so: something damaged the cache, and the reader
should know. Writes are atomic (temporary
file, then ``os.replace``), and a cache directory that cannot be written just
means no cache.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import importlib.util
import json
import os
import re
import shutil
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.model.cache_format import FORMAT_VERSION, Loaded, decode, encode
from tui.model.discovery import MARKDOWN_SUFFIXES, sidecar_of
from tui.model.document import LoadError, Severity

__all__ = ["ENV_CACHE_DIR", "FORMAT_VERSION", "cache_dir", "decode", "encode", "has_entry", "load_cached"]

ENV_CACHE_DIR = "BRIEFING_CACHE_DIR"
_MAX_BYTES = 64 * 1024 * 1024
_KEEP_CORRUPT = 3
"""How many corrupt entries ``corrupt/`` keeps: enough to report a bug, never a growing pile."""
_OTHER_VERSION = re.compile(r"v\d+(?:-[0-9a-f]+)?")
_SWEPT: set[str] = set()
"""The format folders whose older siblings this process has removed (see :func:`_sweep`)."""


def cache_dir() -> Path:
    """``$BRIEFING_CACHE_DIR`` if set, else the platform's user cache directory."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override)
    import platformdirs  # only when the cache is first used, like the state store

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False))


@functools.cache
def code_fingerprint() -> str:
    """Names, sizes and mtimes of the model's source and data files: changes when the code does.

    Stat-only (about 40 files, well under a millisecond) and computed once per
    process. Editing the extractor, or installing a new version, changes it.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(f"format {FORMAT_VERSION}".encode(), digest_size=16)
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".gz") and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    # markdown-it's own files stand for its version: finding them imports nothing (importing it
    # costs ~30 ms that a warm start, which never parses, would otherwise pay before its first paint).
    with contextlib.suppress(ImportError, OSError, ValueError):
        spec = importlib.util.find_spec("markdown_it")
        origin = spec.origin if spec is not None else None
        if origin:
            stat = os.stat(origin)
            digest.update(f"markdown-it {origin}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _identity(stat: os.stat_result, data: bytes) -> list[Any]:
    return [stat.st_size, stat.st_mtime_ns, hashlib.blake2b(data, digest_size=20).hexdigest()]


def _read_file(path: Path) -> tuple[os.stat_result, bytes]:
    """The file's identity and bytes from one open (``fstat``: no second path look-up)."""
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        # Ask for what the file holds (one byte more shows it grew), not for the whole cap:
        # read(cap) allocates a 64 MB buffer for every file, even a 2 KB one.
        # Size 0 may be a special file, so that reads up to the cap.
        wanted = stat.st_size + 1 if 0 < stat.st_size <= _MAX_BYTES else _MAX_BYTES + 1
        return stat, handle.read(wanted)


def _sidecar_identity(path: Path) -> list[Any] | None:
    """The key part for a raw article's sidecar: which one exists, and its identity.

    Any file not read as Markdown is raw and may have one (the loader's rule), not just ``.txt``.
    """
    if path.suffix.casefold() in MARKDOWN_SUFFIXES:
        return None
    with contextlib.suppress(OSError):
        sidecar = sidecar_of(path)
        if sidecar is not None:
            return [sidecar.suffix, *_identity(*_read_file(sidecar))]
    return None


def load_cached(path: Path, load: Callable[[Path, bytes | None], Loaded]) -> Loaded:
    """``load(path, data)``, or the cached result of it when the file (and the code) has not changed.

    On a miss ``data`` is the file's bytes, already read for the key, so the
    file is read once; ``None`` asks ``load`` to read (and report on) the file
    itself. Any trouble with the cache itself (unreadable, corrupt,
    unwritable) falls back to ``load``; only the loader's own errors reach the caller.
    """
    try:
        stat, data = _read_file(path)
        if len(data) > _MAX_BYTES:
            return load(path, None)
        absolute = os.path.normpath(os.path.abspath(path))
        key = [FORMAT_VERSION, code_fingerprint(), absolute, _identity(stat, data), _sidecar_identity(path)]
    except (OSError, ValueError):
        return load(path, None)
    entry = _entry_path(absolute)
    stamp = (stat.st_mtime_ns, stat.st_size)
    hit = _read(entry, key, path)
    if isinstance(hit, tuple):
        if hit[0] is not None:
            hit[0].stamp = stamp
        return hit
    moved = _move_aside(entry) if hit is _CORRUPT else None
    briefing, errors = result = load(path, data)
    if briefing is not None:
        briefing.stamp = stamp  # of the bytes read for the key: a write after that shows as a change
    if not any(error.message.startswith("internal error") for error in errors):
        _write(entry, key, *encode(briefing, errors, path))
    if moved is not None:  # the warning is for this load only, never stored in the rebuilt entry
        return briefing, [*errors, LoadError(str(path), moved, None, Severity.WARNING)]
    return result


def has_entry(path: Path) -> bool:
    """Whether ``path`` has a cache entry at all (one stat: it may still turn out stale when read).

    Tells a cold file from a probably-warm one without reading either, so a
    library's cold files can be handed to helper processes (:mod:`tui.model.prefill`).
    """
    absolute = os.path.normpath(os.path.abspath(path))
    return os.path.exists(_entry_path(absolute))


def _entry_path(absolute: str) -> str:
    """Where ``absolute``'s entry lives (a string: a Path twice per file was a tenth of a warm load)."""
    name = hashlib.blake2b(absolute.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return os.path.join(_version_dir(os.environ.get(ENV_CACHE_DIR)), name[:2], f"{name}.json.z")


@functools.lru_cache(maxsize=8)
def _version_dir(override: str | None) -> str:
    """This format's and code's folder in the cache, for a ``$BRIEFING_CACHE_DIR`` value (``None``: default).

    The code's fingerprint is in the name so that :func:`has_entry` sees a
    library written by other code as cold: with one folder per format, every
    entry still existed after an upgrade, so helpers were never started and
    the whole library was parsed again in the reader's own process, on one core.
    Worked out once: building it with pathlib for every file was a sixth of a warm
    library load (two entry paths per file). Keyed by the variable, which tests change.
    """
    return str(cache_dir() / f"v{FORMAT_VERSION}-{code_fingerprint()[:16]}")


_CORRUPT = object()
"""What :func:`_read` returns for an entry that exists but cannot be used: it is moved aside."""


def _read(entry: str, key: list[Any], path: Path) -> Loaded | object | None:
    """The cached result; ``None`` if there is none or it is stale; ``_CORRUPT`` if it is damaged.

    Stale means a well-formed entry whose key differs (the file or the code
    changed): the normal way an entry expires. Anything else that fails to
    read or decode is damage. Only the head is decoded here; the annotations
    and the body are checked (length and CRC) and kept compressed for the
    briefing to build its mentions, quotes and text from when first used
    (:meth:`Briefing.deferred`).
    """
    try:
        with open(entry, "rb") as handle:
            raw = handle.read()
    except OSError:  # none yet (or no cache directory) is a miss; one there but unreadable is damage
        return _CORRUPT if os.path.lexists(entry) else None
    # Decoding makes objects that all live on; pausing the cycle collector meanwhile saves it
    # from rescanning them over and over (a third of the warm load time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        unzip = zlib.decompressobj()
        document = json.loads(unzip.decompress(raw).decode("utf-8", "surrogatepass"))
        stored = document["key"]
        if not isinstance(stored, list) or len(stored) != len(key) or not unzip.eof:
            return _CORRUPT
        if stored != key:
            return None
        rest, parts = unzip.unused_data, []
        for size, crc in document["parts"]:  # the annotations, then the body
            part, rest = rest[:size], rest[size:]
            if len(part) != size or zlib.crc32(part) != crc:
                return _CORRUPT
            parts.append(part)
        annotations, body = parts
        if rest:
            return _CORRUPT
        return decode(document["value"], path, lambda: _unpack(annotations), lambda: _unpack(body))
    except Exception:  # corrupt or truncated: rebuild it, and say so
        return _CORRUPT
    finally:
        if collecting:
            gc.enable()


def _unpack(data: bytes) -> Any:
    return json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))


def _move_aside(entry: str) -> str:
    """Move a damaged entry into ``corrupt/`` (keeping the newest few) and say where, for the warning.

    Never raises: if it cannot be moved it is deleted, and if that fails too
    the rebuilt entry simply replaces it.
    """
    aside = cache_dir() / "corrupt"
    target = aside / f"{os.path.basename(entry)}.{time.time_ns()}.corrupt"
    try:
        aside.mkdir(parents=True, exist_ok=True)
        os.replace(entry, target)
    except FileNotFoundError:  # another reader moved it first
        return "cache entry was corrupt; another reader moved it aside; rebuilt"
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(entry)
        return f"cache entry was corrupt and could not be moved aside; rebuilt (entry {entry})"
    _prune(aside)
    return f"cache entry was corrupt; moved aside to {target}; rebuilt"


def _prune(aside: Path) -> None:
    """Keep only the newest :data:`_KEEP_CORRUPT` entries in ``corrupt/``."""
    with contextlib.suppress(OSError):
        kept = sorted(aside.iterdir(), key=_moved_at, reverse=True)
        for old in kept[_KEEP_CORRUPT:]:
            with contextlib.suppress(OSError):
                if old.is_dir() and not old.is_symlink():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink()


def _moved_at(path: Path) -> int:
    """The time stamp :func:`_move_aside` put in a name (0 for anything else, so it goes first)."""
    stamp = path.name.rsplit(".", 2)[-2] if path.name.count(".") >= 2 else ""
    return int(stamp) if stamp.isdigit() else 0


def _write(entry: str, key: list[Any], value: list[Any], *parts: list[Any] | None) -> None:
    """Store an entry atomically; failing to write only means the next load is cold.

    One zlib stream for the head (key, metadata, entities, the ids named,
    and each part's length and CRC), then one for each part (the
    annotations, then the body), so a warm load decodes the head alone.
    """
    packed = [_pack(part) for part in parts]
    head = {"key": key, "value": value, "parts": [[len(data), zlib.crc32(data)] for data in packed]}
    data = _pack(head) + b"".join(packed)
    tmp: str | None = None
    try:
        folder = os.path.dirname(entry)
        _sweep(os.path.dirname(folder))
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, entry)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _sweep(version_dir: str) -> None:
    """Remove the entries of every other format or code version (``v4/``, ``v5-<other>/``, ...): all stale.

    Once per process, before its first write (a new version writes every
    entry anew). Left alone, each version's folder stayed on disk for good:
    60 MB for 10,000 articles. Only folders named like a version go;
    ``corrupt/`` and anything else in the cache folder stay.
    """
    if version_dir in _SWEPT:
        return
    _SWEPT.add(version_dir)
    parent, mine = os.path.split(version_dir)
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            old = entry.name != mine and _OTHER_VERSION.fullmatch(entry.name)
            if old and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)


def _pack(value: object) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)
