"""The briefing cache: exact round trips, hits only when nothing changed, and no crash on a bad cache."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.model import cache, cache_format
from tui.model.document import (
    Block,
    BlockKind,
    Briefing,
    LoadError,
    Mark,
    MarkStyle,
    Section,
    Severity,
    SourceFormat,
)
from tui.model.entities import Entity, EntityKind, Location, Mention, Origin, PlaceKind, Quote
from tui.model.loader import _load_file, load_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "loader"
Loaded = tuple[Briefing | None, list[LoadError]]

# -- round trip: any briefing the model can hold comes back equal --------------------------------------

_text = st.text(max_size=40)
_opt = st.one_of(st.none(), _text)


@st.composite
def _block(draw: st.DrawFn) -> Block:
    text = draw(st.text(min_size=1, max_size=60))
    marks = draw(st.lists(st.builds(
        Mark, st.integers(0, 5), st.integers(6, 60), st.sampled_from(MarkStyle), _opt), max_size=3))
    line = draw(st.one_of(st.none(), st.integers(1)))
    ordinal = draw(st.one_of(st.none(), st.integers(0, 99)))
    return Block(draw(st.sampled_from(BlockKind)), text, tuple(marks), line, draw(st.integers(0, 4)), ordinal)


_entity = st.builds(
    Entity, st.text(min_size=1, max_size=20), st.sampled_from(EntityKind), _text, st.lists(_text, max_size=3),
    _opt, st.one_of(st.none(), st.sampled_from(PlaceKind)), _opt,
    st.one_of(st.none(), st.tuples(st.floats(-90, 90), st.floats(-180, 180))), st.sampled_from(Origin), _opt,
)


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    """A briefing with mentions and quotes pointing at real blocks, some texts not matching their span."""
    sections = draw(st.lists(st.builds(Section, _text, st.lists(_block(), min_size=1, max_size=4),
                                       st.one_of(st.none(), st.integers(1))), max_size=4))
    entities = draw(st.lists(_entity, max_size=5))
    spans = [(s, b, len(block.text))
             for s, section in enumerate(sections) for b, block in enumerate(section.blocks)]
    mentions, quotes = [], []
    if spans:
        for _ in range(draw(st.integers(0, 8))):
            s, b, size = draw(st.sampled_from(spans))
            start = draw(st.integers(0, size - 1))
            end = draw(st.integers(start + 1, size))
            exact = sections[s].blocks[b].text[start:end]
            ids = [e.id for e in entities] + ["person:nobody-listed"]
            mentions.append(Mention(draw(st.sampled_from(ids)), Location(s, b, start, end),
                                    draw(st.sampled_from([exact, exact + "’s"]))))
        for _ in range(draw(st.integers(0, 3))):
            chosen = draw(st.lists(st.sampled_from(spans), min_size=1, max_size=3))
            locations = tuple(Location(s, b, 0, size) for s, b, size in chosen)
            quotes.append(Quote(draw(_text), locations, draw(_opt), draw(st.booleans())))
    return Briefing(
        path=Path("news/a.md"), title=draw(_text), sections=sections,
        format=draw(st.sampled_from(SourceFormat)),
        date=draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1)))), source=draw(_opt), url=draw(_opt),
        summary=draw(_opt), tags=tuple(draw(st.lists(_text, max_size=3))),
        entities={e.id: e for e in entities}, mentions=mentions, quotes=quotes, extract=draw(st.booleans()),
    )


_errors = st.lists(st.builds(LoadError, st.sampled_from(["news/a.md", "news/a.yaml", "elsewhere.md"]), _text,
                             st.one_of(st.none(), st.integers(1)), st.sampled_from(Severity)), max_size=3)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=st.one_of(st.none(), briefings()), errors=_errors)
def test_encode_then_decode_gives_back_exactly_what_was_loaded(briefing: Briefing | None,
                                                               errors: list[LoadError]) -> None:
    path = Path("news/a.md")
    encoded = cache_format.encode(briefing, errors, path)
    head, annotations, body = (json.dumps(part, ensure_ascii=False) for part in encoded)
    restored, restored_errors = cache_format.decode(json.loads(head), path, lambda: json.loads(annotations),
                                                    lambda: json.loads(body))
    if briefing is not None and restored is not None:  # indexed and counted from the head, nothing built
        assert restored.entity_ids() == briefing.entity_ids()
        ids = [*briefing.entity_ids(), "person:nobody"]
        assert [restored.presence(i) for i in ids] == [briefing.presence(i) for i in ids]
        assert restored.mention_counts() == briefing.mention_counts()
        assert restored.quote_count() == len(briefing.quotes)
        assert restored._annotations is not None
    assert restored == briefing  # comparing builds the deferred annotations and body
    if briefing is not None and restored is not None:
        assert list(restored.entities) == list(briefing.entities)
    assert restored_errors == errors


# -- the cache in front of the loader ------------------------------------------------------------------


def counting(calls: list[Path]) -> Callable[[Path, bytes | None], Loaded]:
    def load(path: Path, data: bytes | None) -> Loaded:
        calls.append(path)
        return _load_file(path, data)

    return load


def copy_fixture(name: str, into: Path) -> Path:
    target = into / name
    shutil.copy(FIXTURES / name, target)
    return target


@pytest.mark.parametrize("name", ["harbour.md", "flood_raw.txt", "quay_notes.txt"])
def test_a_second_load_comes_from_the_cache_and_equals_the_first(name: str, tmp_path: Path) -> None:
    if name == "quay_notes.txt":
        copy_fixture("quay_notes.yaml", tmp_path)
    path = copy_fixture(name, tmp_path)
    calls: list[Path] = []
    cold = cache.load_cached(path, counting(calls))
    warm = cache.load_cached(path, counting(calls))
    assert calls == [path]
    assert warm == cold
    assert cold[0] is not None and cold[0].mentions, "the fixture should have something to find"


def test_changed_content_of_the_same_size_and_mtime_is_noticed(tmp_path: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    stat = path.stat()
    first, _ = load_file(path)
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.rpartition("harbour")
    changed = f"{head}harbouR{tail}"
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second, _ = load_file(path)
    assert first is not None and second is not None
    assert second == _load_file(path)[0]
    assert any("harbouR" in block.text for section in second.sections for block in section.blocks)


@pytest.mark.parametrize("article", ["quay_notes.txt", "quay_notes.log"])  # any raw file named explicitly
def test_editing_a_sidecar_rebuilds_the_raw_article(article: str, tmp_path: Path) -> None:
    sidecar = copy_fixture("quay_notes.yaml", tmp_path)
    path = tmp_path / article
    shutil.copy(FIXTURES / "quay_notes.txt", path)
    before, _ = load_file(path)
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("Ferries return", "Boats return"),
                       encoding="utf-8")
    after, _ = load_file(path)
    assert before is not None and after is not None
    assert after.title == "Boats return to the quay" != before.title
    sidecar.unlink()
    assert load_file(path)[0] == _load_file(path)[0]


def entry_files(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob("*.json.z"))


def moved_aside(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "corrupt").glob("*.corrupt"))


def corrupt_warnings(errors: list[LoadError]) -> list[LoadError]:
    return [e for e in errors if "cache entry was corrupt" in e.message]


@pytest.mark.parametrize("garbage", [b"", b"not zlib at all", zlib.compress(b"{not json"),
                                     zlib.compress(b'{"key": 1}'), zlib.compress(b'{"key": [], "value": 3}')])
def test_a_corrupt_cache_entry_is_moved_aside_with_a_warning_and_rebuilt(garbage: bytes, tmp_path: Path,
                                                                         cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    expected_briefing, expected_errors = load_file(path)
    [entry] = entry_files(cache_dir)
    entry.write_bytes(garbage)
    calls: list[Path] = []
    briefing, errors = cache.load_cached(path, counting(calls))
    assert calls == [path]
    assert briefing == expected_briefing and briefing is not None
    [warning] = corrupt_warnings(errors)
    assert warning.severity is Severity.WARNING and warning.path == str(path)
    [aside] = moved_aside(cache_dir)
    assert aside.read_bytes() == garbage, "the damaged entry is kept for a bug report"
    assert str(aside) in warning.message and "rebuilt" in warning.message
    assert [e for e in errors if e is not warning] == expected_errors
    assert cache.load_cached(path, counting(calls)) == (expected_briefing, expected_errors)
    assert calls == [path], "the rebuilt entry is used next time, and without the warning"


def read_entry(entry: Path) -> tuple[dict[str, Any], list[Any]]:
    """An entry's head document and its decoded parts (the annotations and the body, one zlib stream each)."""
    unzip = zlib.decompressobj()
    head = json.loads(unzip.decompress(entry.read_bytes()))
    parts, rest = [], unzip.unused_data
    for size, _ in head["parts"]:
        parts.append(json.loads(zlib.decompress(rest[:size])))
        rest = rest[size:]
    return head, parts


def rewrite(entry: Path, head: dict[str, Any], parts: list[Any]) -> None:
    """Write an entry as the cache would (one stream per part, each part's length and CRC in the head)."""
    packed = [zlib.compress(json.dumps(part).encode()) for part in parts]
    document = {**head, "parts": [[len(data), zlib.crc32(data)] for data in packed]}
    entry.write_bytes(zlib.compress(json.dumps(document).encode()) + b"".join(packed))


def odd_entities(entry: Path) -> None:
    head, parts = read_entry(entry)
    head["value"][0][1] = [[0, 0, 0, 0, 0, None]]  # entities in a shape the decoder does not expect
    rewrite(entry, head, parts)


def cut_short(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[:-10])  # the body's length and CRC no longer match


def body_gone(entry: Path) -> None:
    head, parts = read_entry(entry)
    rewrite(entry, head, parts[:1])  # the head lists one part: the body is missing


@pytest.mark.parametrize("damage", [odd_entities, cut_short, body_gone])
def test_a_readable_entry_with_damaged_contents_is_corrupt_not_a_crash(
    damage: Callable[[Path], None], tmp_path: Path, cache_dir: Path
) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    expected_briefing, _ = load_file(path)
    [entry] = entry_files(cache_dir)
    damage(entry)
    briefing, errors = load_file(path)
    assert briefing == expected_briefing
    assert len(corrupt_warnings(errors)) == 1 and len(moved_aside(cache_dir)) == 1


def test_a_body_that_cannot_be_decoded_is_read_from_the_file_instead(tmp_path: Path, cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    expected_briefing, _ = load_file(path)
    [entry] = entry_files(cache_dir)
    head, (annotations, _) = read_entry(entry)
    rewrite(entry, head, [annotations, [["a section", 1, [["no such kind", "text", 1, 0, None, None]]]]])
    briefing, errors = load_file(path)  # the head is sound: listed and indexed from the cache
    assert briefing is not None and not corrupt_warnings(errors)
    assert briefing.sections == expected_briefing.sections  # the body comes from the file, not the entry
    assert briefing == expected_briefing


def test_mentions_that_cannot_be_decoded_are_read_from_the_file(tmp_path: Path, cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    expected_briefing, _ = load_file(path)
    assert expected_briefing is not None and expected_briefing.mentions and expected_briefing.quotes
    [entry] = entry_files(cache_dir)
    head, (_, body) = read_entry(entry)
    rewrite(entry, head, [[[0, 0, 0], [], []], body])  # a mention cut short: not six numbers
    briefing, errors = load_file(path)
    assert briefing is not None and not corrupt_warnings(errors)
    assert briefing.entity_ids() == expected_briefing.entity_ids()  # indexed from the head
    assert briefing.mentions == expected_briefing.mentions and briefing.quotes == expected_briefing.quotes


def test_an_unreadable_entry_is_moved_aside_too(tmp_path: Path, cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    expected_briefing, _ = load_file(path)
    [entry] = entry_files(cache_dir)
    entry.unlink()
    entry.mkdir()  # a directory where the entry should be: reading it fails
    briefing, errors = load_file(path)
    assert briefing == expected_briefing and len(corrupt_warnings(errors)) == 1
    assert entry.is_file() and [p.is_dir() for p in moved_aside(cache_dir)] == [True]


def test_a_stale_entry_is_rebuilt_silently(tmp_path: Path, cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    load_file(path)
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more paragraph about the quay.\n",
                    encoding="utf-8")
    briefing, errors = load_file(path)
    assert briefing is not None and not corrupt_warnings(errors)
    assert any("One more paragraph" in b.text for s in briefing.sections for b in s.blocks)
    assert moved_aside(cache_dir) == []


def test_the_corrupt_folder_keeps_only_the_newest_few(tmp_path: Path, cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    load_file(path)
    for round_ in range(6):
        [entry] = entry_files(cache_dir)
        entry.write_bytes(f"garbage {round_}".encode())
        assert corrupt_warnings(load_file(path)[1])
    kept = moved_aside(cache_dir)
    assert len(kept) == cache._KEEP_CORRUPT
    assert sorted(p.read_bytes() for p in kept) == [b"garbage 3", b"garbage 4", b"garbage 5"]


def test_the_format_is_compressed_json_keyed_by_identity_and_code(tmp_path: Path, cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    load_file(path)
    [entry] = entry_files(cache_dir)
    document = json.loads(zlib.decompress(entry.read_bytes()))  # the head: the body is a second stream
    version, fingerprint, absolute, (size, mtime_ns, digest), sidecar = document["key"]
    assert version == cache.FORMAT_VERSION and fingerprint == cache.code_fingerprint()
    assert (absolute, size, mtime_ns) == (str(path), path.stat().st_size, path.stat().st_mtime_ns)
    assert len(digest) == 40 and sidecar is None
    assert entry.stat().st_size < path.stat().st_size * 4


def test_new_extractor_code_invalidates_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    load_file(path)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another extractor")
    calls: list[Path] = []
    cache.load_cached(path, counting(calls))
    assert calls == [path]


def test_errors_are_cached_and_name_the_path_as_given(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody text here.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    relative = load_file(Path("bad.md"))
    calls: list[Path] = []
    absolute = cache.load_cached(tmp_path / "bad.md", counting(calls))
    assert calls == [], "the same file by another name is the same entry"
    assert relative[0] is None and relative[1] and relative[1][0].path == "bad.md"
    assert [e.path for e in absolute[1]] == [str(tmp_path / "bad.md")] * len(absolute[1])
    assert [e.message for e in absolute[1]] == [e.message for e in relative[1]]


def test_an_unwritable_cache_directory_only_means_no_cache(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(blocker / "cache"))
    path = copy_fixture("harbour.md", tmp_path)
    assert load_file(path) == _load_file(path)
    assert load_file(tmp_path / "missing.md")[1][0].severity is Severity.ERROR


def test_without_the_override_the_cache_lives_in_the_user_cache_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV_CACHE_DIR)
    assert cache.cache_dir().name == "briefing"


def test_a_miss_hands_the_bytes_it_read_to_the_loader(tmp_path: Path) -> None:
    """The key needs the file's bytes anyway: the loader gets them instead of reading the file again."""
    path = copy_fixture("harbour.md", tmp_path)
    handed: list[bytes | None] = []

    def load(target: Path, data: bytes | None) -> Loaded:
        handed.append(data)
        return _load_file(target, data)

    cold = cache.load_cached(path, load)
    assert handed == [path.read_bytes()]
    assert cold[0] is not None and cold[0].mentions


def test_older_format_versions_go_when_this_one_first_writes(tmp_path: Path, cache_dir: Path) -> None:
    """A new version rebuilds every entry in its own folder; the old folders would stay on disk for good."""
    for old in ("v1", "v4"):
        (cache_dir / old / "ab").mkdir(parents=True)
        (cache_dir / old / "ab" / "entry.json.z").write_bytes(b"an older format")
    (cache_dir / "corrupt").mkdir()
    (cache_dir / "corrupt" / "kept.corrupt").write_bytes(b"for a bug report")
    (cache_dir / "notes").mkdir()  # not the cache's own
    path = copy_fixture("harbour.md", tmp_path)
    expected, _ = load_file(path)  # cold: written
    assert not (cache_dir / "v1").exists() and not (cache_dir / "v4").exists()
    assert (cache_dir / "corrupt" / "kept.corrupt").exists() and (cache_dir / "notes").is_dir()
    assert len(entry_files(cache_dir)) == 1 and load_file(path)[0] == expected


def test_new_code_finds_the_library_cold_and_removes_the_old_entries(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """After an upgrade nothing may look warm: a library that does is parsed on one core, not by helpers."""
    path = copy_fixture("harbour.md", tmp_path)
    load_file(path)
    assert cache.has_entry(path)
    [old] = entry_files(cache_dir)
    request.addfinalizer(cache._version_dir.cache_clear)  # (worked out once per process, normally)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "0123456789abcdef" * 2)  # another version
    cache._version_dir.cache_clear()
    assert not cache.has_entry(path)  # cold: a library of such files goes to the helpers
    expected, _ = load_file(path)
    assert cache.has_entry(path)
    [new] = entry_files(cache_dir)
    assert new.parent.parent.name.endswith("-0123456789abcdef") and not old.exists()
    assert load_file(path)[0] == expected
