"""Front matter: what authors write, what goes wrong, and hostile YAML."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tui.model.document import LoadError, Severity
from tui.model.entities import EntityKind, Origin, PlaceKind
from tui.model.extract import DeclaredQuote
from tui.model.extract.names import entity_id
from tui.model.frontmatter import FrontMatterError, Metadata, parse_metadata, split_front_matter


def parse(yaml_text: str, first_line: int = 2) -> tuple[Metadata | None, list[LoadError]]:
    return parse_metadata(yaml_text, path="story.md", first_line=first_line)


def only_error(yaml_text: str) -> LoadError:
    metadata, problems = parse(yaml_text)
    assert metadata is None
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    assert len(errors) == 1, problems
    return errors[0]


def test_split_finds_yaml_and_body_with_their_lines() -> None:
    split = split_front_matter("---\ntitle: A\n---\nBody line\n")
    assert split.yaml_text == "title: A"
    assert split.yaml_line == 2
    assert split.body == "Body line\n"
    assert split.body_line == 4


def test_split_without_front_matter_keeps_everything() -> None:
    split = split_front_matter("# Heading\n---\ntext")
    assert split.yaml_text is None
    assert split.body == "# Heading\n---\ntext"


def test_yaml_document_end_marker_also_closes_front_matter() -> None:
    assert split_front_matter("---\ntitle: A\n...\nBody").body == "Body"


def test_unterminated_front_matter_is_an_error_on_line_one() -> None:
    with pytest.raises(FrontMatterError) as caught:
        split_front_matter("---\ntitle: A\n\nThe article never closes its metadata.\n")
    assert caught.value.line == 1
    assert "not terminated" in caught.value.message


def test_every_documented_key_is_read() -> None:
    metadata, problems = parse(
        "title: Harbour plans\n"
        "date: 2025-05-02\n"
        "source: Coastal Desk\n"
        "url: https://example.org/a\n"
        "summary: A short summary.\n"
        "tags: [ports, fishing]\n"
        "people:\n"
        "  - name: Carla Menotti\n"
        "    aliases: [Menotti, the mayor]\n"
        "    role: mayor\n"
        "    note: elected in 2021\n"
        "places:\n"
        "  - {name: Porto Lume, aliases: [Lume], kind: town, country: Italy,\n"
        "     coords: [40.1, 18.3], note: port}\n"
        "quotes:\n"
        "  - {speaker: Carla Menotti, text: The sea pays our bills, note: at the council}\n"
        "extract: off\n"
    )
    assert problems == []
    assert metadata is not None
    assert metadata.title == "Harbour plans"
    assert metadata.date == dt.date(2025, 5, 2)
    assert (metadata.source, metadata.url, metadata.summary) == (
        "Coastal Desk",
        "https://example.org/a",
        "A short summary.",
    )
    assert metadata.tags == ("ports", "fishing")
    assert metadata.extract is False
    [person] = metadata.people
    assert person.id == entity_id(EntityKind.PERSON, "Carla Menotti")
    assert person.kind is EntityKind.PERSON and person.origin is Origin.DECLARED
    assert person.aliases == ["Carla Menotti", "Menotti", "the mayor"]
    assert (person.role, person.note) == ("mayor", "elected in 2021")
    [place] = metadata.places
    assert place.id == entity_id(EntityKind.PLACE, "Porto Lume")
    assert (place.place_kind, place.country, place.coords) == (PlaceKind.TOWN, "Italy", (40.1, 18.3))
    assert place.aliases == ["Porto Lume", "Lume"]
    assert metadata.quotes == [DeclaredQuote("The sea pays our bills", "Carla Menotti", "at the council")]
    assert metadata.declared == [person, place]


def test_scalars_keep_the_text_the_author_wrote() -> None:
    metadata, _ = parse("title: 1984\nsource: yes\ntags: alpha, beta\nextract: auto\n")
    assert metadata is not None
    assert (metadata.title, metadata.source, metadata.tags, metadata.extract) == (
        "1984",
        "yes",
        ("alpha", "beta"),
        True,
    )


def test_a_bare_name_is_shorthand_for_a_person() -> None:
    metadata, _ = parse("people: [Ada Lovelace, Alan Turing]\n")
    assert metadata is not None
    assert [person.name for person in metadata.people] == ["Ada Lovelace", "Alan Turing"]


def test_empty_front_matter_is_fine() -> None:
    assert parse("") == (Metadata(), [])
    assert parse("# only a comment\n") == (Metadata(), [])


def test_invalid_yaml_reports_the_file_line() -> None:
    error = only_error("title: Fine\nsummary: also fine\ntags: [one, two\nextract: off\n")
    assert error.message.startswith("invalid YAML")
    # The YAML starts on file line 2, so its fourth line (where the parser gives up) is file line 5.
    assert error.line == 5


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    error = only_error('title: Fine\nsummary: "It never ends\ntags: [one]\nextract: off\n')
    assert error.message.startswith("invalid YAML") and "quoted" in error.message
    assert error.line == 3  # the summary's line (YAML line 2), not the end of the front matter


def test_bad_indentation_points_at_its_line() -> None:
    error = only_error("title: Fine\n  bad: indent\n")
    assert error.line == 3
    assert "invalid YAML" in error.message


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    error = only_error("- just\n- a list\n")
    assert "must be a mapping" in error.message
    assert error.line == 2
    assert "must be a mapping" in only_error("just a sentence").message


def test_people_as_a_plain_string_is_a_type_error_with_its_line() -> None:
    error = only_error("title: Visit\npeople: Putin\n")
    assert error.line == 3
    assert "'people' must be a list" in error.message
    assert "Putin" in error.message


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("title: [a, b]\n", "'title' must be text"),
        ("date: tomorrow\n", "'date' must be a date"),
        ("date: 2025-13-40\n", "'date' must be a date"),
        ("url: not a url\n", "'url' must be one address"),
        ("tags: {a: 1}\n", "'tags' must be a list"),
        ("people: [{role: mayor}]\n", "has no 'name'"),
        ("people: [[nested]]\n", "must be a mapping with a 'name'"),
        ("places: [{name: X, kind: planet}]\n", "place 'kind' must be one of"),
        ("places: [{name: X, coords: [95, 10]}]\n", "'coords' must be [latitude, longitude]"),
        ("places: [{name: X, coords: north}]\n", "'coords' must be [latitude, longitude]"),
        ("quotes: [{speaker: Ada}]\n", "a quote needs a non-empty 'text'"),
        ("quotes: Ada said hello\n", "'quotes' must be a list"),
        ("extract: sometimes\n", "'extract' must be 'auto' or 'off'"),
    ],
)
def test_wrong_types_and_values_are_errors(yaml_text: str, expected: str) -> None:
    error = only_error(yaml_text)
    assert expected in error.message
    assert error.line == 2


def test_unknown_keys_are_warnings_and_the_rest_loads() -> None:
    metadata, problems = parse("title: Kept\nauthor: Someone\npeople:\n  - name: Ada\n    age: 36\n")
    assert metadata is not None and metadata.title == "Kept"
    assert [(problem.line, problem.severity) for problem in problems] == [
        (3, Severity.WARNING),
        (6, Severity.WARNING),
    ]
    assert "unknown key 'author'" in problems[0].message
    assert "unknown key 'age'" in problems[1].message


def test_duplicate_keys_and_people_are_warnings() -> None:
    metadata, problems = parse("title: One\ntitle: Two\npeople: [Ada, {name: Ada, aliases: [A. L.]}]\n")
    assert metadata is not None
    assert metadata.title == "Two"
    assert [person.aliases for person in metadata.people] == [["Ada", "A. L."]]
    assert all(problem.severity is Severity.WARNING for problem in problems)
    assert len(problems) == 2


def test_python_tags_are_refused_and_never_run() -> None:
    error = only_error("title: x\nrun: !!python/object/apply:os.system ['echo pwned']\n")
    assert "!!python/object/apply:os.system" in error.message
    assert "not allowed" in error.message
    assert error.line == 3


def test_custom_tags_are_refused() -> None:
    assert "not supported" in only_error("title: !secret abc\n").message


def test_a_few_anchors_and_aliases_are_allowed() -> None:
    metadata, problems = parse("people:\n  - &ada {name: Ada Lovelace, role: mathematician}\nplaces: []\n")
    assert problems == [] and metadata is not None


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    started = time.perf_counter()
    error = only_error("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    assert "expands to more than" in error.message


@pytest.mark.parametrize(
    "yaml_text",
    [
        "title: " + "[" * 10_000 + "]" * 10_000,
        "title: " + "{a: " * 10_000 + "1" + "}" * 10_000,
        "".join("  " * depth + "- \n" for depth in range(300)),
    ],
    ids=["flow-lists", "flow-mappings", "block-lists"],
)
def test_deep_nesting_is_refused_quickly_without_recursion_error(yaml_text: str) -> None:
    started = time.perf_counter()
    metadata, problems = parse(yaml_text)
    assert time.perf_counter() - started < 2.0
    assert metadata is None
    assert problems and problems[0].severity is Severity.ERROR
    assert "nested more than" in problems[0].message or "invalid YAML" in problems[0].message


def test_sidecar_lines_start_at_one() -> None:
    metadata, problems = parse_metadata("title: A\npeople: Someone\n", path="a.yaml", first_line=1)
    assert metadata is None
    assert (problems[0].path, problems[0].line) == ("a.yaml", 2)
