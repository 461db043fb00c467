"""Files that change under an open reader: was it deleted or rewritten since it was loaded, and swap it in.

The reader keeps what it loaded in memory, so a file deleted on disk stays
readable; a rewritten one is loaded again when the reader opens it or asks
for a reload. The comparison is the ``(mtime_ns, size)`` stamp the cache
records when it reads the file (:attr:`Briefing.stamp`).
"""

from __future__ import annotations

import os
from enum import Enum

from tui.model.document import Briefing, LoadError
from tui.model.library import Library

__all__ = ["FileChange", "file_change", "replace_briefing"]


class FileChange(Enum):
    """What happened to a briefing's file since it was loaded."""

    SAME = "same"
    CHANGED = "changed"
    DELETED = "deleted"


def file_change(briefing: Briefing) -> FileChange:
    """Compare the file on disk with the stamp taken at load time.

    A briefing without a stamp (built in memory, or loaded without the cache)
    has no known file yet: the first look that finds one takes its stamp as
    the baseline, and one that finds none reports nothing.
    """
    if briefing.key == "-":
        return FileChange.SAME  # stdin: nothing on disk to compare
    try:
        stat = os.stat(briefing.path)
    except FileNotFoundError:
        return FileChange.SAME if briefing.stamp is None else FileChange.DELETED
    except OSError:  # unreadable now: loading it again gives the reader the reason
        return FileChange.SAME if briefing.stamp is None else FileChange.CHANGED
    if briefing.stamp is None:
        briefing.stamp = (stat.st_mtime_ns, stat.st_size)  # first look: this is the baseline from now on
        return FileChange.SAME
    return FileChange.SAME if briefing.stamp == (stat.st_mtime_ns, stat.st_size) else FileChange.CHANGED


def replace_briefing(library: Library, key: str, briefing: Briefing | None, errors: list[LoadError]) -> None:
    """Put a reloaded file in place of the old one (or, if it no longer loads, its errors instead).

    The file's old problems go, the new ones come in. ``remove`` marks the old
    version's entities for the index and ``add`` the new one's, so only those
    entries are redone (names the old version held may be gone), not the
    whole library's.
    """
    library.errors[:] = [e for e in library.errors if e.path != key]
    library.remove(key)
    library.add([] if briefing is None else [briefing], errors)
