"""What the reader remembers between runs: read marks, last positions, sidebar tab and theme.

State is what the app writes (config is what the user writes), kept as JSON in
the user's state directory (``platformdirs.user_state_dir("briefing")``, or
``$BRIEFING_STATE_DIR`` when set, which the tests use). Three promises:

* **Atomic**: a save writes a temporary file in the same directory, flushes
  and fsyncs it, then ``os.replace``s the old one, so a crash leaves either the
  old state or the new, never half of one.
* **Two readers at once lose nothing**: a save re-reads the file and replays
  this reader's edits since its last load or save (marks added or removed,
  positions moved) on top of it; a tab or theme this reader did not change
  keeps the file's value.
* **Never a crash**: a corrupt or unreadable file is moved aside as
  ``state.json.corrupt-<timestamp>`` and reported as a warning string; the
  reader starts fresh, and a failed save is a warning too.

Briefings are keyed by absolute path, so ``briefing news/`` and ``briefing
./news`` share marks; stdin (``-``) is never saved.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import glob
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.model.entities import Location

STATE_VERSION = 1
STATE_FILE = "state.json"
ENV_STATE_DIR = "BRIEFING_STATE_DIR"


def state_dir() -> Path:
    """Where state lives: ``$BRIEFING_STATE_DIR`` if set, else the platform's user state directory."""
    override = os.environ.get(ENV_STATE_DIR)
    if override:
        return Path(override)
    import platformdirs  # imported here so the model imports without it until state is needed

    return Path(platformdirs.user_state_dir("briefing", appauthor=False))


def state_key(briefing_key: str) -> str:
    """The key a briefing's state is stored under: its absolute path (no file I/O), ``-`` as is."""
    if briefing_key == "-":
        return briefing_key
    return os.path.normpath(os.path.abspath(briefing_key))


@dataclass(slots=True)
class BriefingState:
    """One briefing's marks: read as a whole, which sections are read, where the reader left off."""

    read: bool = False
    sections_read: set[int] = field(default_factory=set)
    position: Location | None = None

    def is_empty(self) -> bool:
        """Whether there is nothing worth saving."""
        return not self.read and not self.sections_read and self.position is None


_Change = tuple[Any, ...]
"""One edit, replayed on top of the file at save: ("read", key, bool), ("section", key, index, bool)
or ("position", key, Location | None)."""


def _apply(briefings: dict[str, BriefingState], change: _Change) -> None:
    entry = briefings.setdefault(change[1], BriefingState())
    if change[0] == "read":
        entry.read = change[2]
    elif change[0] == "section":
        if change[3]:
            entry.sections_read.add(change[2])
        else:
            entry.sections_read.discard(change[2])
    else:
        entry.position = change[2]


@dataclass(slots=True)
class ReaderState:
    """Everything the reader persists. Keys given to methods are ``Briefing.key`` values.

    Every mark or position change is also logged, so a save can replay this
    reader's edits on top of whatever another reader wrote meanwhile. The
    sidebar tab and theme are plain attributes: a save keeps this reader's
    value if it changed since the last load or save, else the file's.
    """

    briefings: dict[str, BriefingState] = field(default_factory=dict)
    sidebar_tab: str | None = None
    theme: str | None = None
    _changes: list[_Change] = field(default_factory=list, repr=False, compare=False)
    _synced_tab: str | None = field(default=None, repr=False, compare=False)
    _synced_theme: str | None = field(default=None, repr=False, compare=False)
    _taken: int = field(default=0, repr=False, compare=False)

    def _change(self, change: _Change) -> None:
        self._changes.append(change)
        _apply(self.briefings, change)

    def _get(self, key: str) -> BriefingState | None:
        return self.briefings.get(state_key(key))

    def is_read(self, key: str) -> bool:
        """Whether the briefing is marked read."""
        entry = self._get(key)
        return entry is not None and entry.read

    def mark_read(self, key: str, read: bool = True) -> None:
        """Mark a briefing read (or unread again)."""
        self._change(("read", state_key(key), read))

    def is_section_read(self, key: str, section: int) -> bool:
        """Whether a section (by index) of the briefing is marked read."""
        entry = self._get(key)
        return entry is not None and section in entry.sections_read

    def mark_section_read(self, key: str, section: int, read: bool = True) -> None:
        """Mark one section read (or unread again)."""
        if self.is_section_read(key, section) != read:
            self._change(("section", state_key(key), section, read))

    def mark_sections_read(self, key: str, sections: Iterable[int]) -> list[int]:
        """Mark sections read; returns those that were not read before, so a view redraws only them.

        Reading down a long article marks every section above the one in view
        on each scroll; asked one by one, each section normalised the path again.
        """
        entry = self._get(key)
        done = entry.sections_read if entry is not None else set()
        newly = [section for section in dict.fromkeys(sections) if section not in done]
        if newly:
            normalised = state_key(key)
            for section in newly:
                self._change(("section", normalised, section, True))
        return newly

    def position(self, key: str) -> Location | None:
        """Where the reader last was in the briefing, to resume there."""
        entry = self._get(key)
        return entry.position if entry else None

    def set_position(self, key: str, location: Location | None) -> None:
        """Remember where the reader is in the briefing."""
        if self.position(key) != location:
            self._change(("position", state_key(key), location))

    def snapshot(self) -> ReaderState:
        """A deep copy to save from a worker thread while this one keeps changing.

        After that save, call :meth:`after_save` with the snapshot on the
        thread that owns this state, to take in other readers' marks.
        """
        return ReaderState(
            copy.deepcopy(self.briefings), self.sidebar_tab, self.theme, list(self._changes),
            self._synced_tab, self._synced_theme, len(self._changes),
        )

    def after_save(self, saved: ReaderState) -> None:
        """Adopt what a saved :meth:`snapshot` merged, keeping edits made since it was taken."""
        newer = self._changes[saved._taken :]
        self.briefings = copy.deepcopy(saved.briefings)
        for change in newer:
            _apply(self.briefings, change)
        self._changes = newer
        if self.sidebar_tab == self._synced_tab:
            self.sidebar_tab = saved.sidebar_tab
        if self.theme == self._synced_theme:
            self.theme = saved.theme
        self._synced_tab, self._synced_theme = saved._synced_tab, saved._synced_theme

    def _synced(self) -> None:
        """Mark the current state as what the file holds."""
        self._changes = []
        self._taken = 0
        self._synced_tab, self._synced_theme = self.sidebar_tab, self.theme


# -- JSON --------------------------------------------------------------------------------------


def to_json(state: ReaderState) -> dict[str, Any]:
    """The JSON document for a state (stdin and empty entries left out)."""
    briefings: dict[str, Any] = {}
    for key, entry in sorted(state.briefings.items()):
        if key == "-" or entry.is_empty():
            continue
        pos = entry.position
        briefings[key] = {
            "read": entry.read,
            "sections_read": sorted(entry.sections_read),
            "position": [pos.section, pos.block, pos.start, pos.end] if pos else None,
        }
    return {"version": STATE_VERSION, "briefings": briefings, "sidebar_tab": state.sidebar_tab,
            "theme": state.theme}


class CorruptState(ValueError):
    """The state file is not a state document this version can read."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def from_json(data: object) -> tuple[ReaderState, int]:
    """Parse a state document; returns the state and how many malformed entries were skipped."""
    if not isinstance(data, dict):
        raise CorruptState("not a JSON object")
    version = data.get("version")
    if not _is_int(version):
        raise CorruptState("no version number")
    assert isinstance(version, int)
    if version > STATE_VERSION:
        raise CorruptState(f"written by a newer Briefing (state version {version})")
    skipped = 0
    state = ReaderState()
    raw = data.get("briefings", {})
    if not isinstance(raw, dict):
        raw, skipped = {}, 1
    for key, value in raw.items():
        entry = _entry_from_json(value)
        if entry is None:
            skipped += 1
        else:
            state.briefings[str(key)] = entry
    for name in ("sidebar_tab", "theme"):
        value = data.get(name)
        if value is None or isinstance(value, str):
            setattr(state, name, value)
        else:
            skipped += 1
    return state, skipped


def _entry_from_json(value: object) -> BriefingState | None:
    if not isinstance(value, dict):
        return None
    read = value.get("read", False)
    sections = value.get("sections_read", [])
    pos = value.get("position")
    if not isinstance(read, bool) or not isinstance(sections, list) or not all(map(_is_int, sections)):
        return None
    location = None
    if pos is not None:
        if not (isinstance(pos, list) and len(pos) == 4 and all(map(_is_int, pos))):
            return None
        location = Location(*pos)
    return BriefingState(read, set(sections), location)


# -- the file --------------------------------------------------------------------------------------


class StateStore:
    """Loads and saves :class:`ReaderState` at ``path`` (default: ``state_dir() / "state.json"``)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else state_dir() / STATE_FILE
        self._unreadable = False

    def load(self) -> tuple[ReaderState, list[str]]:
        """The saved state (empty when there is none) and any warnings to show the reader."""
        state, warnings = self._read()
        state._synced()
        return state, warnings

    def save(self, state: ReaderState) -> list[str]:
        """Merge ``state`` with the file on disk and write the result atomically; returns warnings.

        Afterwards ``state`` holds the merged result, so marks made by another
        reader in the meantime show up here too.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return [f"could not save reading state: {self.path.parent}: {error.strerror or error}"]
        with self._locked() as exclusive:
            if exclusive:
                self._sweep()
            disk, warnings = self._read()
            if self._unreadable:
                # Never replace a file we could not read: it may hold another reader's marks.
                return warnings
            merged = merge(state, disk)
            try:
                self._write(json.dumps(to_json(merged), indent=1, ensure_ascii=False) + "\n")
            except OSError as error:
                warnings.append(f"could not save reading state: {self.path}: {error.strerror or error}")
                return warnings
        state.briefings, state.sidebar_tab, state.theme = merged.briefings, merged.sidebar_tab, merged.theme
        state._synced()
        return warnings

    def _read(self) -> tuple[ReaderState, list[str]]:
        self._unreadable = False
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return ReaderState(), []
        except OSError as error:
            self._unreadable = True
            return ReaderState(), [f"could not read reading state: {self.path}: {error.strerror or error}"]
        try:
            state, skipped = from_json(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError, CorruptState, RecursionError) as error:
            reason = error.args[0] if isinstance(error, CorruptState) else "not valid JSON"
            return ReaderState(), [self._move_aside(reason)]
        warnings = [f"{self.path}: ignored {skipped} malformed entries"] if skipped else []
        return state, warnings

    def _move_aside(self, reason: str) -> str:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        try:
            os.replace(self.path, target)
        except OSError as error:
            return f"reading state {self.path} is unusable ({reason}) and could not be moved aside: {error}"
        return f"reading state {self.path} was unusable ({reason}); moved it to {target.name}, starting anew"

    def _write(self, text: str) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        with contextlib.suppress(OSError, AttributeError):
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def _sweep(self) -> None:
        """Remove temporary files a saver killed mid-write left behind (safe only under the lock:
        every live saver holds it while its temporary file exists)."""
        for stale in self.path.parent.glob(glob.escape(f".{self.path.name}.") + "*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[bool]:
        """Hold an advisory lock beside the file while reading, merging and writing (POSIX only).

        Yields whether the lock is really held.
        """
        try:
            import fcntl
        except ImportError:  # Windows: the atomic replace still keeps the file whole
            yield False
            return
        try:
            handle = open(self.path.with_name(self.path.name + ".lock"), "a")  # noqa: SIM115
        except OSError:
            yield False
            return
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def merge(ours: ReaderState, disk: ReaderState) -> ReaderState:
    """This reader's edits replayed on top of the file's state; tab and theme by who changed them."""
    merged = ReaderState(copy.deepcopy(disk.briefings))
    for change in ours._changes:
        _apply(merged.briefings, change)
    merged.briefings = {key: entry for key, entry in merged.briefings.items() if not entry.is_empty()}
    merged.sidebar_tab = ours.sidebar_tab if ours.sidebar_tab != ours._synced_tab else disk.sidebar_tab
    merged.theme = ours.theme if ours.theme != ours._synced_theme else disk.theme
    return merged
