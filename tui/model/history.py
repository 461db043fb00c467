"""Back and forward over every jump, like a browser's history or vim's jump list.

Only jumps are recorded (following a mention, a card row, the palette, a
search hit), not every cursor step, so Back returns to where the reader was
when they decided to go somewhere else.

Semantics, chosen to match a browser:

* :meth:`History.jump` records where the reader was (``origin``) on the back
  list and **clears the forward list**: a new jump after going back starts a
  new branch, and the old forward entries are gone (vim keeps them; browsers
  do not, and readers expect the browser).
* :meth:`History.back` / :meth:`History.forward` take the *current* position,
  so a reader who moved the cursor after a jump comes back to where they
  actually were, not to where they landed.
* A jump to the same place it started from is not recorded, nor is the same
  origin twice in a row.
* The back list is bounded (oldest entries dropped), so a long session stays small.
"""

from __future__ import annotations

from collections import deque

from tui.model.navigation import Position

DEFAULT_LIMIT = 100


class History:
    """The jump list: a back stack, a forward stack, and the position the reader is at."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = max(1, limit)
        self._back: deque[Position] = deque(maxlen=self.limit)
        self._forward: list[Position] = []
        self._current: Position | None = None

    def jump(self, origin: Position | None, target: Position) -> None:
        """Record a jump from ``origin`` (``None`` when nothing was open) to ``target``."""
        self._current = target
        if origin is None or origin == target:
            return
        if not self._back or self._back[-1] != origin:
            self._back.append(origin)
        self._forward.clear()

    def back(self, current: Position | None) -> Position | None:
        """Where Back goes from ``current``, or ``None`` when there is nowhere to go."""
        if not self._back:
            return None
        target = self._back.pop()
        if current is not None:
            self._forward.append(current)
        self._current = target
        return target

    def forward(self, current: Position | None) -> Position | None:
        """Where Forward goes from ``current``, or ``None`` when there is nowhere to go."""
        if not self._forward:
            return None
        target = self._forward.pop()
        if current is not None:
            self._back.append(current)
        self._current = target
        return target

    @property
    def can_back(self) -> bool:
        """Whether Back has somewhere to go (the Footer greys the key out otherwise)."""
        return bool(self._back)

    @property
    def can_forward(self) -> bool:
        """Whether Forward has somewhere to go."""
        return bool(self._forward)

    @property
    def current(self) -> Position | None:
        """The position of the latest jump, back or forward."""
        return self._current

    def trail(self, n: int) -> list[Position]:
        """The last ``n`` places of the trail, oldest first, ending with the current one.

        For the status line: where the reader came from, then where they are.
        """
        if n <= 0:
            return []
        places = list(self._back)
        if self._current is not None:
            places.append(self._current)
        return places[-n:]

    def clear(self) -> None:
        """Forget every jump (for example when the library is reloaded)."""
        self._back.clear()
        self._forward.clear()
        self._current = None

    def __len__(self) -> int:
        """How many places Back and Forward can reach together."""
        return len(self._back) + len(self._forward)
