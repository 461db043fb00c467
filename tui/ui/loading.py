"""Loading a library in the background, in batches, so the first briefing shows at once.

:func:`load_in_batches` runs in the app's thread worker: it loads the first
file as soon as the walk of the folders finds it, lists the rest after the
first paint, loads them one by one and hands over :class:`Loaded` batches (the
first file alone, then whatever loaded in each tenth of a second, at most
:data:`BATCH_MOST`), so the event loop adds a few briefings at a time and the
progress indicator moves (adding a batch costs the batch, not the library).

The first file gets the screen first: when it has to be parsed (not in the
cache) its text is posted before annotation (``early``), and the worker waits
until the app has painted it (:data:`PAINT_WAIT` at most) before annotating it
or listing and loading the rest, since with one interpreter lock every bit of
loading meanwhile delays that first paint. The annotated version then replaces
the text-only one (:class:`TextFirst`). The panes are redrawn at most every
:data:`REFRESH_SECONDS` while loading (:class:`Pacer`): rebuilding the
briefing list and relaying out the screen after every batch cost more than
the adding. Reading from stdin happens before the app starts
(:func:`read_stdin`), since the terminal then needs fd 0 back for keys.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from textual.message import Message
from textual.message_pump import MessagePump
from textual.timer import Timer

from tui.model import loader
from tui.model.document import Briefing, LoadError
from tui.model.library import Library
from tui.model.prefill import load_many

BATCH_SECONDS = (0.1, 0.5)
"""How long the worker gathers briefings before handing a batch over: a quarter of the time spent so
far, within these bounds, so the progress indicator moves at least twice a second."""
BATCH_MOST = 400
"""A batch is handed over at this many briefings even sooner: the event loop adds a batch in one go
(~0.1 ms a briefing), and a key pressed meanwhile waits for it (2,000 briefings made 0.2-0.3 s)."""
REFRESH_SECONDS = 0.5
"""The panes are redrawn at most this often while loading (always at once when loading ends)."""
PAINT_WAIT = 2.0
"""How long the worker waits for the app to paint the first briefing before it loads on anyway."""
FIRST_WAIT = 0.3
"""How long the app, mounting, waits for the first batch before it paints "Loading…" instead."""


class Pacer:
    """Redraws the panes while loading: at once when asked to, else at most every ``interval`` seconds.

    After each batch the app calls :meth:`batch`; a batch that arrives too
    soon after the last redraw sets a timer instead, so it still shows (once)
    even if no other batch follows.
    """

    def __init__(self, owner: MessagePump, redraw: Callable[[], object], interval: float = REFRESH_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.owner, self.redraw, self.interval, self.clock = owner, redraw, interval, clock
        self.last: float | None = None
        self.timer: Timer | None = None

    def batch(self, now: bool = False) -> None:
        """A batch was added: redraw now (when ``now``, the first time, or when due), or soon."""
        since = None if self.last is None else self.clock() - self.last
        if now or since is None or since >= self.interval:
            self._redraw()
        elif self.timer is None:
            self.timer = self.owner.set_timer(self.interval - since, self._due)

    def _due(self) -> None:
        self.timer = None  # fired: nothing to stop
        self._redraw()

    def _redraw(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.last = self.clock()
        self.redraw()


@dataclass
class Loaded(Message):
    """A batch of files loaded by the worker (``done`` of ``total`` so far)."""

    briefings: list[Briefing] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    done: int = 0
    total: int = 0
    finished: bool = False
    early: bool = False
    """The briefings are text only, not annotated yet: a later batch brings them whole."""


class Handover:
    """The worker's ``post``: batches that come before the app asks for them are held for it.

    The app takes them when mounted (:meth:`take`, waiting :data:`FIRST_WAIT` at
    most for the first), so a briefing that loads in that moment is in the very
    first paint, instead of a "Loading…" screen painted first and then redone:
    Textual's first layout and paint of the panes cost ~150 ms. Everything
    after that goes as messages.
    """

    def __init__(self, post: Callable[[Loaded], object]) -> None:
        self._post = post
        self._lock = threading.Lock()
        self._held: list[Loaded] | None = []
        self._arrived = threading.Event()

    def __call__(self, message: Loaded) -> None:
        with self._lock:
            if self._held is not None:
                self._held.append(message)
                self._arrived.set()
                return
        self._post(message)

    def take(self, timeout: float = FIRST_WAIT) -> list[Loaded]:
        """The batches held so far, after waiting up to ``timeout`` for the first; later ones are posted."""
        self._arrived.wait(timeout)
        with self._lock:
            held, self._held = self._held or [], None
        return held


class TextFirst:
    """The keys of briefings shown as text only, until their annotated versions arrive."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def take(self, library: Library, message: Loaded) -> bool:
        """Before ``message`` is added: remember text-only briefings, or take out what it replaces.

        Returns whether something was replaced (the open briefing may need showing again).
        """
        if message.early:
            self.keys.update(briefing.key for briefing in message.briefings)
            return False
        replaced = [briefing.key for briefing in message.briefings if briefing.key in self.keys]
        for key in replaced:
            library.remove(key)
            self.keys.discard(key)
        return bool(replaced)


def load_in_batches(
    paths: Sequence[str], post: Callable[[Loaded], object], cancelled: Callable[[], bool],
    painted: threading.Event | None = None,
) -> None:
    """Discover and load ``paths`` (the bundled briefings when empty), posting batches as they are ready.

    ``painted`` is set by the app once the first batch is on screen; the worker
    waits for it after posting the first batch (see the module's docstring).
    The first file is loaded as soon as it is found; the rest of the folders
    are listed after that paint (10,000 files take a tenth of a second), so
    the first batch's ``total`` is 0: not known yet.
    """
    errors: list[LoadError] = []
    found = loader.discover_lazily(list(paths) or [str(loader.bundled_content_dir())], errors)
    first = next(found, None)
    posted = 0  # how many of ``errors`` have gone out

    def fresh_errors() -> list[LoadError]:
        nonlocal posted
        fresh, posted = errors[posted:], len(errors)
        return fresh

    def wait_for_paint() -> None:
        if painted is not None:
            painted.wait(PAINT_WAIT)

    if first is None:
        post(Loaded(errors=fresh_errors(), finished=True))
        return

    def early(briefing: Briefing) -> None:
        post(Loaded([briefing], fresh_errors(), early=True))
        wait_for_paint()

    briefing, problems = loader.load_file(first, early=early)
    post(Loaded([briefing] if briefing is not None else [], [*fresh_errors(), *problems], done=1))
    wait_for_paint()  # set already if the text went first
    files = [first, *found]
    total = len(files)
    batch = Loaded(errors=fresh_errors(), total=total)
    start = last = time.monotonic()
    with contextlib.closing(load_many(files, loader.load_file, start=1)) as results:  # cold: on every core
        for done, (briefing, problems) in enumerate(results, 2):
            if cancelled():
                return
            if briefing is not None:
                batch.briefings.append(briefing)
            batch.errors.extend(problems)
            now = time.monotonic()
            wait = min(BATCH_SECONDS[1], max(BATCH_SECONDS[0], (now - start) / 4))
            if now - last >= wait or len(batch.briefings) >= BATCH_MOST:
                batch.done = done
                post(batch)
                batch, last = Loaded(total=total), now
    batch.done, batch.finished = total, True
    post(batch)


def build_annotations(briefings: Sequence[Briefing], cancelled: Callable[[], bool]) -> None:
    """Build the mentions and quotes of briefings read from the cache (run once the library is listed).

    A warm load leaves them compressed in the cache entry (:meth:`Briefing.deferred`):
    the index, a card's counts and "next mention" need only the head. What needs
    every briefing's (an export, a dossier, the sidebar's quotes across the
    library) then finds them built behind the reader rather than stopping the
    screen for seconds; one the reader asks for first is built on its own (the
    briefing's lock makes it once).
    """
    with loader.gc_paused():  # ~100 objects a briefing, all kept: the collector would only rescan them
        for briefing in briefings:
            if cancelled():
                return
            briefing.mentions  # noqa: B018  (built on first read)


def read_stdin() -> Library | str:
    """Load a briefing piped on stdin, then point fd 0 at the terminal for keys; or an error message."""
    library = loader.load_library(["-"], stdin=sys.stdin)
    if not sys.stdin.isatty():
        try:
            tty = os.open("/dev/tty", os.O_RDONLY)
        except OSError:
            return "briefing: no terminal to read keys from (stdin was the briefing)"
        os.dup2(tty, 0)
        os.close(tty)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115  (lives as long as the process)
    return library
