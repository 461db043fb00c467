"""Files of every awkward shape: empty, huge, binary, odd encodings and line endings, crowded folders.

Each loads as a briefing or is refused with a clear error, quickly, and one bad
file never stops the others. The big ones print their time so regressions show.
"""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from tests.security.hostile import control_characters, inexact_mentions
from tui.model.decoding import MAX_BYTES
from tui.model.document import Briefing, LoadError, Severity
from tui.model.loader import discover, load_file, load_library

FULL = os.environ.get("BRIEFING_SECURITY_FULL") == "1"
"""Set to 1 to load the 10,000-file folder in full (about 40 s) instead of its 500 briefings."""

ARTICLE = (
    "---\ntitle: Talks in Springfield\n---\n"
    "# Talks in Springfield\n\nJane Doe arrived in Springfield on Monday.\n\n"
    "## The talks\n\n“We will stay,” Jane Doe said.\n\n\tAn indented line.\n"
)


def _load(tmp_path: Path, name: str, data: bytes) -> tuple[Briefing | None, list[LoadError]]:
    path = tmp_path / name
    path.write_bytes(data)
    return load_file(path)


def _errors(problems: list[LoadError]) -> list[str]:
    return [p.message for p in problems if p.severity is Severity.ERROR]


def _shape(briefing: Briefing) -> tuple[str, list[tuple[str, list[str]]]]:
    return briefing.title, [(s.title, [b.text for b in s.blocks]) for s in briefing.sections]


@pytest.mark.parametrize(("data", "message"), [
    pytest.param(b"", "empty file", id="0-bytes"),
    pytest.param(b" \n\t\n  \r\n", "empty file", id="whitespace"),
    pytest.param(b"\x00" * 64, "binary", id="nul-bytes"),
    pytest.param(b"# Title\x00\n\nBody with a NUL.\n", "binary", id="nul-in-text"),
    pytest.param(bytes(range(256)) * 64, "binary", id="all-bytes"),
])
def test_empty_and_binary_files_are_refused_with_a_reason(tmp_path: Path, data: bytes, message: str) -> None:
    briefing, problems = _load(tmp_path, "odd.md", data)
    assert briefing is None
    assert any(message in error for error in _errors(problems)), problems


def test_only_front_matter_loads_with_a_warning(tmp_path: Path) -> None:
    briefing, problems = _load(tmp_path, "meta.md", b"---\ntitle: Only metadata\ndate: 2024-01-02\n---\n")
    assert briefing is not None and briefing.title == "Only metadata"
    assert briefing.sections == []
    assert any("only metadata" in p.message for p in problems)


def test_a_nul_far_into_a_text_is_removed_with_a_warning(tmp_path: Path) -> None:
    body = ("Jane Doe spoke in Springfield. " * 600).encode()  # past the 8 KB binary sniff
    briefing, problems = _load(tmp_path, "nul.txt", body + b"\x00 hidden \x00" + body)
    assert briefing is not None
    assert control_characters(briefing) == []
    assert any("removed 2 control" in p.message for p in problems)


def test_invalid_utf8_is_read_with_replacement_characters_and_a_line(tmp_path: Path) -> None:
    data = ARTICLE.encode().replace(b"Monday", b"Montag \xe9t\xe9")  # Latin-1 bytes in UTF-8 text
    briefing, problems = _load(tmp_path, "latin1.md", data)
    assert briefing is not None
    assert any("\ufffd" in b.text for s in briefing.sections for b in s.blocks)
    [warning] = [p for p in problems if "UTF-8" in p.message]
    assert warning.line == 6 and warning.severity is Severity.WARNING


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_are_read_like_utf8(tmp_path: Path, encoding: str) -> None:
    reference, _ = _load(tmp_path, "plain.md", ARTICLE.encode())
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    briefing, problems = _load(tmp_path, f"{encoding}.md", data)
    assert briefing is not None and reference is not None, problems
    assert _shape(briefing) == _shape(reference)
    assert [m.text for m in briefing.mentions] == [m.text for m in reference.mentions]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings_read_like_lf(tmp_path: Path, newline: str) -> None:
    reference, _ = _load(tmp_path, "lf.md", ARTICLE.encode())
    briefing, problems = _load(tmp_path, "other.md", ARTICLE.replace("\n", newline).encode())
    assert briefing is not None and reference is not None, problems
    assert _shape(briefing) == _shape(reference)
    assert not any("removed" in p.message for p in problems)  # line endings are not "control characters"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_tabs_separate_words_like_spaces(tmp_path: Path, suffix: str) -> None:
    data = b"Jane\tDoe\tsaid\tthis\tin\tSpringfield.\n\nAn\tindented\tline.\n"
    briefing, problems = _load(tmp_path, "tabs" + suffix, data)
    assert briefing is not None, problems
    words = " ".join(" ".join(b.text.split()) for s in briefing.sections for b in s.blocks)
    assert "Jane Doe said this in Springfield." in words and "An indented line." in words
    assert not any("removed" in p.message for p in problems)


def test_a_file_just_over_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    started = time.perf_counter()
    briefing, problems = _load(tmp_path, "huge.txt", b"a" * (MAX_BYTES + 1))
    elapsed = time.perf_counter() - started
    assert briefing is None
    assert any("too large" in error and "10 MB" in error for error in _errors(problems))
    assert elapsed < 2, f"{elapsed:.1f} s"


@pytest.mark.parametrize("kind", ["one-word", "prose"] if FULL else ["one-word"])
def test_a_10_mb_single_line_just_under_the_limit_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Exactly the limit, on one line. The default run uses one 10 MB word (every stage but the
    extractor's per-word work); BRIEFING_SECURITY_FULL=1 adds 10 MB of prose (about 40 s)."""
    prose = b"the talks went on, said a spokesman in the capital; nobody knew why "
    words = prose if kind == "prose" else b"a"
    data = (words * (MAX_BYTES // len(words) + 1))[:MAX_BYTES]
    started = time.perf_counter()
    briefing, problems = _load(tmp_path, "line.txt", data)
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n  10 MB single line ({kind}): loaded in {elapsed:.1f} s")
    assert briefing is not None, problems
    assert sum(len(b.text) for s in briefing.sections for b in s.blocks) >= MAX_BYTES - 100
    assert elapsed < (120 if kind == "prose" else 20)


@pytest.mark.parametrize("kind", ["short.txt", "short.md", "prose.md", "prose.txt"][: 4 if FULL else 1])
def test_100000_paragraphs_load(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    """The default run uses short lower-case paragraphs of raw text (every stage, little for the
    extractor to find); BRIEFING_SECURITY_FULL=1 adds Markdown and sentences with names."""
    line = "point {} stands." if kind.startswith("short") else "Paragraph {} says what Jane Doe did next."
    body = "\n\n".join(line.format(i) for i in range(100_000))
    started = time.perf_counter()
    briefing, problems = _load(tmp_path, "long." + kind.split(".")[1], body.encode())
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n  100,000 paragraphs ({kind}): loaded in {elapsed:.1f} s")
    assert briefing is not None, problems
    assert sum(len(s.blocks) for s in briefing.sections) == 100_000
    assert 1 < len(briefing.sections) < 1_000  # grouped into topics, not one per paragraph
    assert inexact_mentions(briefing) == []
    assert elapsed < 120


def _crowded_folder(root: Path, briefings: int, total: int) -> Path:
    """``total`` files in 100 sub-folders, ``briefings`` of them Markdown, the rest junk; plus a loop."""
    root.mkdir()
    for index in range(total):
        folder = root / f"d{index % 100:02}"
        folder.mkdir(exist_ok=True)
        if index < briefings:
            (folder / f"n{index:05}.md").write_text(f"# Note {index}\n\nA short note, number {index}.\n")
        elif index % 3 == 0:
            (folder / f".hidden{index:05}.md").write_text("# Hidden\n")
        else:
            (folder / f"junk{index:05}.{('png', 'html', 'json')[index % 3]}").write_bytes(b"\x89PNG\x00")
    (root / "d00" / "loop").symlink_to(root, target_is_directory=True)
    (root / "d01" / "dangling.md").symlink_to(root / "nowhere.md")
    return root


def test_a_folder_of_10000_files_with_a_symlink_loop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    briefings = 10_000 if FULL else 500
    root = _crowded_folder(tmp_path / "crowded", briefings, 10_000)
    started = time.perf_counter()
    files, errors = discover([root])
    found = time.perf_counter() - started
    assert len(files) == briefings
    assert [e.message.split(":")[0] for e in errors] == ["symlink loop", "no such file or directory"]
    started = time.perf_counter()
    library = load_library([root])
    loaded = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n  10,000 files: found {briefings} briefings in {found:.2f} s, loaded in {loaded:.1f} s")
    assert len(library.briefings) == briefings
    assert len(library.errors) == 2
    assert found < 10
