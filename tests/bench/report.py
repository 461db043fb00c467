"""The benchmark's table: each measurement's row (median, spread, ratios, verdict), and the machine."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Row:
    """One line of the table: a measurement repeated, and what it is held against."""

    label: str
    unit: str = "s"
    values: list[float] = field(default_factory=list)
    baseline: str | None = None
    target: float | None = None
    misses: int = 0
    relative: bool = False
    """Whether ``target`` is a multiple of the baseline (else it is in the row's own unit)."""
    floor: str | None = None
    """The bare-Textual row (:mod:`tests.bench.floor_app`) for the same kind of screen change."""
    pairs: list[float] = field(default_factory=list)
    """The minimal app's figure measured just before each value, if it was: the ratio is then the
    median of the pairs' ratios, so a machine that slows down during the run moves both alike."""

    def cells(self, rows: dict[str, Row]) -> list[str]:
        """Median, min, max, ratio to the baseline row and verdict, formatted for the table."""
        if not self.values:
            missing = f"no data ({self.misses} no update)" if self.misses else "no data"
            return [self.label, "0", "-", "-", "-", "-", "-", self._target(), missing]
        scale, digits = (1000.0, 0) if self.unit == "s" else (1.0, 0)
        unit = "ms" if self.unit == "s" else self.unit
        median = statistics.median(self.values)
        ratio = verdict = "-"
        base = rows.get(self.baseline or "")
        if base is not None and base.values and base is not self:
            paired = len(self.pairs) == len(self.values)
            factor = (statistics.median(v / p for v, p in zip(self.values, self.pairs, strict=True)) if paired
                      else median / statistics.median(base.values))
            ratio = f"{factor:.2f}x" + (" paired" if paired else "")
            if self.target is not None and self.relative:
                verdict = "ok" if factor <= self.target else "over"
        if self.target is not None and not self.relative:
            verdict = "ok" if median <= self.target else "over"
        if self.misses:
            verdict += f" ({self.misses} no update)"
        low, high = min(self.values), max(self.values)
        figures = [f"{value * scale:.{digits}f} {unit}" for value in (median, low, high)]
        floor = rows.get(self.floor or "")
        bare = "-"
        if floor is not None and floor.values:
            bare = f"{median / statistics.median(floor.values):.2f}x"
        return [self.label, str(len(self.values)), *figures, ratio, bare, self._target(), verdict]

    def _target(self) -> str:
        if self.target is None:
            return "-"
        if self.relative:
            return f"<= {self.target:g}x"
        return f"<= {self.target * 1000:g} ms" if self.unit == "s" else f"<= {self.target:g} {self.unit}"


def machine() -> str:
    """The machine and versions the figures were measured with."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    from importlib.metadata import version

    tmux = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
    return (f"{os.cpu_count()} CPUs ({model.group(1) if model else 'unknown CPU'}), "
            f"Python {sys.version.split()[0]}, Textual {version('textual')}, {tmux}, terminal 160x45")


def table(rows: dict[str, Row]) -> str:
    head = ["measurement", "n", "median", "min", "max", "vs minimal", "vs bare Textual", "target", "verdict"]
    lines = [head, ["---"] * len(head)] + [row.cells(rows) for row in rows.values()]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
