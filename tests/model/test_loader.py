"""The loader end to end: every input kind, every bad input, and the library it builds."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

import tui.model.extract as extract
import tui.model.loader as loader
import tui.model.markdown as markdown
from tui.model.decoding import MAX_BYTES
from tui.model.document import BlockKind, Briefing, LoadError, Severity, SourceFormat
from tui.model.entities import EntityKind, Origin
from tui.model.extract import Annotations
from tui.model.extract.names import entity_id
from tui.model.loader import bundled_content_dir, gc_paused, load_file, load_library

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "loader"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the loader fixtures, so tests can add broken files beside them."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES, target)
    return target


def errors_of(problems: list[LoadError], severity: Severity = Severity.ERROR) -> list[LoadError]:
    return [problem for problem in problems if problem.severity is severity]


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- every input kind -------------------------------------------------------------------------------


def test_markdown_with_front_matter(corpus: Path) -> None:
    briefing, problems = load_file(corpus / "harbour.md")
    assert problems == []
    assert briefing is not None
    assert briefing.format is SourceFormat.MARKDOWN
    assert briefing.title == "A new harbour for Porto Lume"
    assert briefing.date == dt.date(2025, 5, 2)
    assert briefing.tags == ("ports", "fishing")
    assert [section.title for section in briefing.sections] == [
        "A new harbour for Porto Lume",
        "The vote",
        "The fishermen",
    ]
    mayor = briefing.entities[entity_id(EntityKind.PERSON, "Carla Menotti")]
    assert mayor.origin is Origin.DECLARED and mayor.role == "mayor of Porto Lume"
    mayor_mentions = [m for m in briefing.mentions if m.entity_id == mayor.id]
    assert {m.text for m in mayor_mentions} >= {"Carla Menotti", "Menotti"}
    for mention in briefing.mentions:
        block = briefing.block(mention.location.section, mention.location.block)
        assert block.text[mention.location.start : mention.location.end] == mention.text


def test_markdown_lines_point_into_the_file(corpus: Path) -> None:
    briefing, _ = load_file(corpus / "harbour.md")
    assert briefing is not None
    lines = (corpus / "harbour.md").read_text(encoding="utf-8").split("\n")
    for section in briefing.sections:
        for block in section.blocks:
            assert block.line is not None
            first_word = block.text.split()[0].strip("*")
            assert first_word in lines[block.line - 1], (block.line, block.text)


def test_raw_text_with_sidecar(corpus: Path) -> None:
    briefing, problems = load_file(corpus / "quay_notes.txt")
    assert problems == []
    assert briefing is not None
    assert briefing.format is SourceFormat.TEXT
    assert briefing.title == "Ferries return to the quay"
    assert briefing.date == dt.date(2025, 5, 9)
    assert entity_id(EntityKind.PERSON, "Bruno Salvi") in briefing.entities


def test_raw_text_without_sidecar_groups_by_topic_and_keeps_credits(corpus: Path) -> None:
    briefing, problems = load_file(corpus / "flood_raw.txt")
    assert errors_of(problems) == []
    assert briefing is not None
    assert briefing.title == "Floodwater reaches the old town of Varnhold as the Selke keeps rising"
    assert 3 <= len(briefing.sections) - 1 <= 8
    assert briefing.sections[-1].title == "Credits"
    credit_locations = {
        (s, b)
        for s, section in enumerate(briefing.sections)
        for b, block in enumerate(section.blocks)
        if block.kind is BlockKind.CREDITS
    }
    assert credit_locations
    assert not any((m.location.section, m.location.block) in credit_locations for m in briefing.mentions)


def test_a_broken_sidecar_stops_its_article_with_the_sidecar_line(corpus: Path) -> None:
    write(corpus / "quay_notes.yaml", "title: Ferries\npeople: Bruno Salvi\n")
    briefing, problems = load_file(corpus / "quay_notes.txt")
    assert briefing is None
    assert [(Path(p.path).name, p.line) for p in problems] == [("quay_notes.yaml", 2)]


def test_directories_load_recursively_in_date_then_title_order(corpus: Path) -> None:
    (corpus / "deeper").mkdir()
    write(corpus / "deeper" / "older.md", "---\ntitle: Zebra crossing\ndate: 2024-01-01\n---\nText.\n")
    write(corpus / "deeper" / "undated.md", "---\ntitle: Aardvark\n---\nText.\n")
    library = load_library([corpus])
    assert [b.title for b in library.briefings] == [
        "Zebra crossing",
        "A new harbour for Porto Lume",
        "Ferries return to the quay",
        "Aardvark",
        "Floodwater reaches the old town of Varnhold as the Selke keeps rising",
    ]
    assert errors_of(library.errors) == []


def test_several_paths_and_shared_entities_link_briefings(corpus: Path) -> None:
    library = load_library([corpus / "harbour.md", corpus / "quay_notes.txt"])
    salvi = library.entity(entity_id(EntityKind.PERSON, "Bruno Salvi"))
    assert salvi is not None
    assert len(salvi.briefings) == 2


def test_stdin_markdown_and_raw(corpus: Path) -> None:
    markdown = load_library(["-"], stdin=io.StringIO("---\ntitle: Piped\n---\n## Part\n\nText here.\n"))
    assert [b.title for b in markdown.briefings] == ["Piped"]
    assert markdown.briefings[0].key == "-"
    raw = load_library(
        ["-", corpus / "harbour.md"], stdin=io.StringIO("A line of piped news.\nAnother line.\n")
    )
    piped = raw.briefing("-")
    assert piped is not None and piped.format is SourceFormat.TEXT
    assert len(raw.briefings) == 2


def test_stdin_bytes_are_decoded_like_files() -> None:
    class Binary(io.TextIOWrapper):
        pass

    stream = Binary(io.BytesIO(b"Caf\xe9 news on stdin.\n"), encoding="utf-8")
    library = load_library(["-"], stdin=stream)
    assert library.briefings[0].sections[0].blocks[0].text == "Caf\ufffd news on stdin."
    assert [e.severity for e in library.errors] == [Severity.WARNING]


def test_no_paths_loads_the_bundled_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "bundled.md", "---\ntitle: Shipped\n---\nText.\n")
    monkeypatch.setattr(loader, "bundled_content_dir", lambda: tmp_path)
    assert [b.title for b in load_library().briefings] == ["Shipped"]


def test_bundled_content_dir_is_the_content_folder_in_a_checkout() -> None:
    path = bundled_content_dir()
    assert path.name == "content"
    assert (path.parent / "tui").is_dir() or path.parent.name == "tui"


def test_bom_utf16_crlf_and_cr_are_normalised(tmp_path: Path) -> None:
    text = "---\r\ntitle: Encoded\r\n---\r\nFirst line.\r\rSecond line.\r\n"
    for name, data in [
        ("bom8.md", codecs.BOM_UTF8 + text.encode("utf-8")),
        ("utf16.md", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        ("utf16be.md", codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
    ]:
        briefing, problems = load_file(write(tmp_path / name, data))
        assert problems == [], name
        assert briefing is not None and briefing.title == "Encoded"
        assert [b.text for b in briefing.sections[0].blocks] == ["First line.", "Second line."]
        assert [b.line for b in briefing.sections[0].blocks] == [4, 6]


def test_control_and_escape_characters_are_removed_with_a_warning(tmp_path: Path) -> None:
    path = write(
        tmp_path / "ansi.txt", "Red \x1b[31malert\x1b[0m and a bell\x07 and \x1b]0;title\x07done.\tTabbed.\n"
    )
    briefing, problems = load_file(path)
    assert briefing is not None
    [block] = briefing.sections[0].blocks
    assert block.text == "Red alert and a bell and done. Tabbed."
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "control" in problems[0].message


# --- every bad input --------------------------------------------------------------------------------


def test_invalid_yaml_is_an_error_with_its_file_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.md", "---\ntitle: Fine\ntags: [a, b\n---\nBody.\n")
    briefing, problems = load_file(path)
    assert briefing is None
    [error] = problems
    assert error.path == str(path) and error.line == 4 and "invalid YAML" in error.message


def test_front_matter_not_a_mapping(tmp_path: Path) -> None:
    briefing, problems = load_file(write(tmp_path / "list.md", "---\n- a\n- b\n---\nBody.\n"))
    assert briefing is None and problems[0].line == 2 and "mapping" in problems[0].message


def test_wrong_types(tmp_path: Path) -> None:
    briefing, problems = load_file(write(tmp_path / "types.md", "---\ntitle: T\npeople: Putin\n---\nBody.\n"))
    assert briefing is None
    assert [(p.line, p.severity) for p in problems] == [(3, Severity.ERROR)]


def test_unknown_keys_warn_and_the_briefing_loads(tmp_path: Path) -> None:
    briefing, problems = load_file(write(tmp_path / "extra.md", "---\ntitle: T\nmood: sunny\n---\nBody.\n"))
    assert briefing is not None and briefing.title == "T"
    assert [(p.line, p.severity) for p in problems] == [(3, Severity.WARNING)]
    assert "mood" in str(problems[0])


def test_unterminated_front_matter(tmp_path: Path) -> None:
    briefing, problems = load_file(write(tmp_path / "open.md", "---\ntitle: T\n\nBody without an end.\n"))
    assert briefing is None
    assert (problems[0].line, problems[0].severity) == (1, Severity.ERROR)


def test_python_tag_in_front_matter_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = write(
        tmp_path / "evil.md", f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\nx\n"
    )
    briefing, problems = load_file(path)
    assert briefing is None and "not allowed" in problems[0].message
    assert not marker.exists()


def test_invalid_utf8_is_decoded_with_replacement_and_a_warning(tmp_path: Path) -> None:
    briefing, problems = load_file(
        write(tmp_path / "latin1.txt", "First line.\nCaf\xe9 society.\n".encode("latin-1"))
    )
    assert briefing is not None
    assert [b.text for b in briefing.sections[0].blocks] == ["First line.", "Caf\ufffd society."]
    [warning] = problems
    assert warning.severity is Severity.WARNING and warning.line == 2 and "UTF-8" in warning.message


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        bytes(range(128, 256)) * 40,
        b"\x01\x02\x03" * 500,
    ],
    ids=["png", "high-bytes", "control-bytes"],
)
def test_binary_files_are_errors(tmp_path: Path, data: bytes) -> None:
    briefing, problems = load_file(write(tmp_path / "image.md", data))
    assert briefing is None
    assert "binary" in problems[0].message and problems[0].severity is Severity.ERROR


@pytest.mark.parametrize("content", ["", "   \n\n\t\n"], ids=["zero-bytes", "whitespace"])
def test_empty_files_are_errors(tmp_path: Path, content: str) -> None:
    briefing, problems = load_file(write(tmp_path / "empty.txt", content))
    assert briefing is None and "empty" in problems[0].message


def test_front_matter_only_loads_with_a_warning(tmp_path: Path) -> None:
    briefing, problems = load_file(write(tmp_path / "meta.md", "---\ntitle: Just metadata\n---\n"))
    assert briefing is not None and briefing.sections == []
    assert [p.severity for p in problems] == [Severity.WARNING]


def test_files_over_ten_megabytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    briefing, problems = load_file(path)
    assert briefing is None and "too large" in problems[0].message


def test_unreadable_files_are_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, where chmod 000 does not stop reading; make open() refuse instead.
    path = write(tmp_path / "locked.md", "Text.\n")
    original = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    library = load_library([tmp_path])
    assert library.briefings == []
    assert [(e.path, e.message) for e in library.errors] == [(str(path), "permission denied: cannot read it")]


def test_a_directory_given_as_a_file_is_an_error(tmp_path: Path) -> None:
    briefing, problems = load_file(tmp_path)
    assert briefing is None and "directory" in problems[0].message


def test_missing_paths_are_errors_and_the_rest_loads(corpus: Path) -> None:
    library = load_library([corpus / "nope.md", corpus / "harbour.md"])
    assert len(library.briefings) == 1
    assert [e.message for e in library.errors] == ["no such file or directory"]


# --- the loader never raises ------------------------------------------------------------------------


def test_an_unexpected_exception_becomes_an_internal_error(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(markdown, "parse_markdown", explode)
    library = load_library([corpus])
    assert {b.format for b in library.briefings} == {SourceFormat.TEXT}
    [error] = library.errors
    assert error.path.endswith("harbour.md") and error.message == "internal error: RuntimeError: kaboom"


def test_an_extractor_failure_keeps_the_text(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> Annotations:
        raise ValueError("bad span")

    monkeypatch.setattr(extract, "annotate", explode)
    briefing, problems = load_file(corpus / "harbour.md")
    assert briefing is not None and briefing.sections and briefing.mentions == []
    assert [p.severity for p in problems] == [Severity.WARNING] and "bad span" in problems[0].message


def test_extractor_warnings_become_load_warnings(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        extract, "annotate", lambda *a, **k: Annotations(warnings=["quote speaker 'Nobody' unknown"])
    )
    _, problems = load_file(corpus / "harbour.md")
    assert [(p.severity, p.message) for p in problems] == [
        (Severity.WARNING, "quote speaker 'Nobody' unknown")
    ]


def test_extract_off_is_passed_to_the_extractor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def record(*args: object, extract: bool) -> Annotations:
        seen.append(extract)
        return Annotations()

    monkeypatch.setattr(extract, "annotate", record)
    briefing, _ = load_file(write(tmp_path / "off.md", "---\nextract: off\n---\nText.\n"))
    assert seen == [False] and briefing is not None and briefing.extract is False


def test_too_deeply_nested_markdown_loads_as_plain_text_with_a_warning(tmp_path: Path) -> None:
    briefing, problems = load_file(
        write(tmp_path / "deep.md", "---\ntitle: Deep\n---\n" + "> " * 60 + "bottom\n")
    )
    assert briefing is not None
    assert "bottom" in briefing.sections[0].blocks[0].text
    assert [(p.severity, p.line) for p in problems] == [(Severity.WARNING, 4)]


def test_early_shows_the_text_before_annotation_and_only_when_parsing(corpus: Path) -> None:
    """A reader paints the text at once on a cache miss; a hit is already annotated, so no early copy."""
    early: list[Briefing] = []
    briefing, _ = load_file(corpus / "harbour.md", early=early.append)
    [first] = early
    assert briefing is not None and first is not briefing
    assert first.title == briefing.title and first.sections == briefing.sections
    assert first.mentions == [] and first.entities == {} and briefing.mentions
    again, _ = load_file(corpus / "harbour.md", early=early.append)
    assert again == briefing and len(early) == 1


def test_a_library_loads_with_the_cycle_collector_paused_and_restores_it(corpus: Path) -> None:
    import gc

    seen: list[bool] = []
    original = loader.load_file

    def spy(path: Path, **options: bool) -> tuple[object, list[LoadError]]:
        seen.append(gc.isenabled())
        return original(path, **options)  # type: ignore[arg-type]

    assert gc.isenabled()
    loader.load_file = spy  # type: ignore[assignment]
    try:
        library = load_library([corpus])
    finally:
        loader.load_file = original
    assert library.briefings and seen and not any(seen) and gc.isenabled()


def test_a_pause_inside_another_still_moves_what_it_made_out_of_the_collectors_way() -> None:
    """The reader adds each batch in a pause that may run inside another: its objects live on either way."""
    import gc

    assert gc.isenabled()
    before = gc.get_freeze_count()
    with gc_paused():
        with gc_paused():
            kept = [[n] for n in range(1000)]  # objects the collector tracks, kept alive
        assert not gc.isenabled()  # only the outer pause turns it back on
        assert gc.get_freeze_count() >= before + len(kept)
    assert gc.isenabled()
