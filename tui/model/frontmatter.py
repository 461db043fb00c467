"""Front matter and sidecars: the author's metadata and declared people, places and quotes.

A Markdown briefing may start with YAML between ``---`` lines; a raw ``NAME.txt``
may have a ``NAME.yaml`` beside it with the same keys. Both go through
:func:`parse_metadata`, which checks every key against the documented format and
reports problems with the *file* line they are on, because "line 3 of the YAML"
is no help to someone looking at the whole file.

Errors (the file does not load): invalid YAML, front matter that is not a
mapping, values of the wrong type or out of range, unterminated front matter.
Warnings (the file loads): unknown or duplicate keys.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import yaml

from tui.model.decoding import clean_text
from tui.model.document import LoadError, Severity
from tui.model.entities import Entity, EntityKind, Origin, PlaceKind
from tui.model.extract import DeclaredQuote
from tui.model.extract.names import entity_id
from tui.model.yamlsafe import YamlProblem, compose_bounded

TOP_KEYS = ("title", "date", "source", "url", "summary", "tags", "people", "places", "quotes", "extract")
PERSON_KEYS = ("name", "aliases", "role", "note")
PLACE_KEYS = ("name", "aliases", "kind", "country", "coords", "note")
QUOTE_KEYS = ("speaker", "text", "note")

_FENCE = re.compile(r"---[ \t]*")
_CLOSERS = (re.compile(r"---[ \t]*"), re.compile(r"\.\.\.[ \t]*"))
_EXTRACT_VALUES = {
    "auto": True,
    "on": True,
    "true": True,
    "yes": True,
    "off": False,
    "false": False,
    "no": False,
}


class FrontMatterError(Exception):
    """Front matter that cannot even be cut out of the file (it is never closed)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class FrontMatterSplit:
    """A file cut into its YAML part (``None`` when absent) and its body, with their first lines."""

    yaml_text: str | None
    yaml_line: int
    body: str
    body_line: int


@dataclass(slots=True)
class Metadata:
    """The validated keys of front matter or a sidecar; absent keys are ``None`` or empty."""

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()
    people: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    quotes: list[DeclaredQuote] = field(default_factory=list)
    extract: bool = True

    @property
    def declared(self) -> list[Entity]:
        """People and places declared by the author, for :func:`tui.model.extract.annotate`."""
        return [*self.people, *self.places]


def split_front_matter(text: str) -> FrontMatterSplit:
    """Cut ``---`` front matter off a Markdown text (already newline-normalised).

    Front matter must start on the very first line; it ends at the next line
    that is ``---`` (or ``...``, as YAML allows). Raises
    :class:`FrontMatterError` when the closing line never comes, because
    guessing where the metadata stops would silently eat the article.
    """
    lines = text.split("\n")
    if not lines or not _FENCE.fullmatch(lines[0]):
        return FrontMatterSplit(None, 1, text, 1)
    for index in range(1, len(lines)):
        if any(closer.fullmatch(lines[index]) for closer in _CLOSERS):
            return FrontMatterSplit("\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2)
    raise FrontMatterError("front matter is not terminated: add a '---' line after the metadata", 1)


def parse_metadata(yaml_text: str, *, path: str, first_line: int) -> tuple[Metadata | None, list[LoadError]]:
    """Validate YAML metadata; ``first_line`` is the file line the YAML text starts on.

    Returns ``None`` with the errors when anything is wrong enough to stop the
    file loading; otherwise the metadata and any warnings.
    """
    checker = _Checker(path, first_line - 1)
    try:
        root = compose_bounded(yaml_text)
    except YamlProblem as problem:
        line = first_line + problem.line - 1 if problem.line is not None else first_line
        return None, [LoadError(path, problem.message, line)]
    metadata = Metadata()
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        return metadata, []
    if not isinstance(root, yaml.MappingNode):
        checker.error(root, f"front matter must be a mapping of 'key: value' lines, not {_kind(root)}")
        return None, checker.problems
    for key, value in checker.entries(root, TOP_KEYS, "front matter"):
        handler = _HANDLERS[key]
        handler(checker, value, metadata)
    if any(problem.severity is Severity.ERROR for problem in checker.problems):
        return None, checker.problems
    return metadata, checker.problems


class _Checker:
    """Collects problems with file lines while the node graph is validated."""

    def __init__(self, path: str, offset: int) -> None:
        self.path = path
        self.offset = offset
        self.problems: list[LoadError] = []

    def line(self, node: yaml.Node) -> int:
        return self.offset + node.start_mark.line + 1

    def error(self, node: yaml.Node, message: str) -> None:
        self.problems.append(LoadError(self.path, message, self.line(node)))

    def warn(self, node: yaml.Node, message: str) -> None:
        self.problems.append(LoadError(self.path, message, self.line(node), Severity.WARNING))

    def entries(
        self, node: yaml.MappingNode, known: tuple[str, ...], where: str
    ) -> list[tuple[str, yaml.Node]]:
        """Known keys with their values; unknown and repeated keys become warnings."""
        seen: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in known:
                shown = repr(key) if key is not None else f"a {_kind(key_node)}"
                self.warn(
                    key_node, f"unknown key {shown} in {where} (ignored); known keys: {', '.join(known)}"
                )
                continue
            if key in seen:
                self.warn(key_node, f"key {key!r} appears twice in {where}; the last value is used")
            seen[key] = value
        return list(seen.items())

    def text(self, node: yaml.Node, key: str) -> str | None:
        """A scalar as the author wrote it (``title: 1984`` stays "1984"); null is ``None``."""
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":null"):
                return None
            # Clean like the body: YAML escapes ("\\e", "\\x9b") make control characters only now.
            value = clean_text(str(node.value))[0].strip()
            return value or None
        self.error(node, f"{key!r} must be text, not {_kind(node)}")
        return None

    def optional_text(self, fields: dict[str, yaml.Node], key: str) -> str | None:
        """``fields[key]`` as text, or ``None`` when the entry does not give it."""
        return self.text(fields[key], key) if key in fields else None

    def text_list(self, node: yaml.Node, key: str, *, split_commas: bool = False) -> list[str]:
        """A list of text items; a single string is one item (or comma-separated items)."""
        if isinstance(node, yaml.ScalarNode):
            value = self.text(node, key)
            if value is None:
                return []
            items = value.split(",") if split_commas else [value]
            return [item.strip() for item in items if item.strip()]
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{key!r} must be a list of text, not {_kind(node)}")
            return []
        values = [self.text(item, key) for item in node.value]
        return [value for value in values if value]

    def records(self, node: yaml.Node, key: str, example: str) -> list[yaml.Node]:
        """The items of a list of mappings (people, places, quotes)."""
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{key!r} must be a list of entries like '- {example}', not {_kind(node)}")
            return []
        return list(node.value)


def _kind(node: yaml.Node) -> str:
    """How a node reads in an error message."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing"
    return f"the text {_shorten(str(node.value))!r}"


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _set_text(attribute: str) -> Callable[[_Checker, yaml.Node, Metadata], None]:
    def handler(checker: _Checker, node: yaml.Node, metadata: Metadata) -> None:
        setattr(metadata, attribute, checker.text(node, attribute))

    return handler


def _set_date(checker: _Checker, node: yaml.Node, metadata: Metadata) -> None:
    """Dates are ``YYYY-MM-DD`` (a time after it is allowed and dropped)."""
    text = checker.text(node, "date")
    if text is None:
        return
    try:
        metadata.date = dt.date.fromisoformat(text[:10])
    except ValueError:
        checker.error(node, f"'date' must be a date like 2025-03-12, not {text!r}")


def _set_url(checker: _Checker, node: yaml.Node, metadata: Metadata) -> None:
    url = checker.text(node, "url")
    if url is not None and any(char.isspace() for char in url):
        checker.error(node, f"'url' must be one address without spaces, not {_shorten(url)!r}")
        return
    metadata.url = url


def _set_tags(checker: _Checker, node: yaml.Node, metadata: Metadata) -> None:
    metadata.tags = tuple(dict.fromkeys(checker.text_list(node, "tags", split_commas=True)))


def _set_extract(checker: _Checker, node: yaml.Node, metadata: Metadata) -> None:
    """``extract: off`` keeps only declared annotations; YAML's own booleans are accepted too."""
    text = checker.text(node, "extract")
    if text is None:
        return
    value = _EXTRACT_VALUES.get(text.casefold())
    if value is None:
        checker.error(node, f"'extract' must be 'auto' or 'off', not {_shorten(text)!r}")
        return
    metadata.extract = value


def _named(
    checker: _Checker, item: yaml.Node, key: str, known: tuple[str, ...]
) -> dict[str, yaml.Node] | None:
    """The fields of one person or place; a bare string is shorthand for ``name:``."""
    if isinstance(item, yaml.ScalarNode):
        return {"name": item}
    if not isinstance(item, yaml.MappingNode):
        checker.error(item, f"each entry of {key!r} must be a mapping with a 'name', not {_kind(item)}")
        return None
    fields = dict(checker.entries(item, known, f"an entry of {key!r}"))
    if "name" not in fields:
        checker.error(item, f"an entry of {key!r} has no 'name'")
        return None
    return fields


def _aliases(checker: _Checker, name: str, fields: dict[str, yaml.Node]) -> list[str]:
    extra = checker.text_list(fields["aliases"], "aliases") if "aliases" in fields else []
    return list(dict.fromkeys([name, *extra]))


def _add_entity(checker: _Checker, node: yaml.Node, target: list[Entity], entity: Entity) -> None:
    """Add a declared entity, merging a second declaration of the same id with a warning."""
    for existing in target:
        if existing.id == entity.id:
            checker.warn(
                node, f"{entity.kind.value} {entity.name!r} is declared twice; the entries are merged"
            )
            existing.aliases.extend(alias for alias in entity.aliases if alias not in existing.aliases)
            return
    target.append(entity)


def _named_entries(
    checker: _Checker, node: yaml.Node, key: str, known: tuple[str, ...], example: str, what: str
) -> Iterator[tuple[yaml.Node, dict[str, yaml.Node], str]]:
    """Each person or place entry with its fields and non-empty name (the others are errors)."""
    for item in checker.records(node, key, example):
        fields = _named(checker, item, key, known)
        if fields is None:
            continue
        name = checker.text(fields["name"], "name")
        if name is None:
            checker.error(item, f"{what} needs a non-empty 'name'")
            continue
        yield item, fields, name


def _set_people(checker: _Checker, node: yaml.Node, metadata: Metadata) -> None:
    entries = _named_entries(checker, node, "people", PERSON_KEYS, "name: Ada Lovelace", "a person")
    for item, fields, name in entries:
        role, note = checker.optional_text(fields, "role"), checker.optional_text(fields, "note")
        entity = Entity(
            id=entity_id(EntityKind.PERSON, name),
            kind=EntityKind.PERSON,
            name=name,
            aliases=_aliases(checker, name, fields),
            role=role,
            origin=Origin.DECLARED,
            note=note,
        )
        _add_entity(checker, item, metadata.people, entity)


def _set_places(checker: _Checker, node: yaml.Node, metadata: Metadata) -> None:
    for item, fields, name in _named_entries(checker, node, "places", PLACE_KEYS, "name: Lisbon", "a place"):
        entity = Entity(
            id=entity_id(EntityKind.PLACE, name),
            kind=EntityKind.PLACE,
            name=name,
            aliases=_aliases(checker, name, fields),
            place_kind=_place_kind(checker, fields.get("kind")),
            country=checker.optional_text(fields, "country"),
            coords=_coords(checker, fields.get("coords")),
            origin=Origin.DECLARED,
            note=checker.optional_text(fields, "note"),
        )
        _add_entity(checker, item, metadata.places, entity)


def _place_kind(checker: _Checker, node: yaml.Node | None) -> PlaceKind | None:
    text = checker.text(node, "kind") if node is not None else None
    if node is None or text is None:
        return None
    try:
        return PlaceKind(text.casefold())
    except ValueError:
        choices = ", ".join(kind.value for kind in PlaceKind)
        checker.error(node, f"place 'kind' must be one of {choices}; not {_shorten(text)!r}")
        return None


def _coords(checker: _Checker, node: yaml.Node | None) -> tuple[float, float] | None:
    """``coords: [lat, lon]`` in degrees, checked against the globe's ranges."""
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return None
    numbers: list[float] = []
    if isinstance(node, yaml.SequenceNode) and len(node.value) == 2:
        for item in node.value:
            try:
                numbers.append(float(item.value) if isinstance(item, yaml.ScalarNode) else float("nan"))
            except ValueError:
                numbers.append(float("nan"))
    if len(numbers) != 2 or not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
        checker.error(node, "'coords' must be [latitude, longitude] in degrees, e.g. [50.45, 30.52]")
        return None
    return numbers[0], numbers[1]


def _set_quotes(checker: _Checker, node: yaml.Node, metadata: Metadata) -> None:
    for item in checker.records(node, "quotes", "text: ..."):
        if isinstance(item, yaml.ScalarNode):
            text = checker.text(item, "quotes")
            if text:
                metadata.quotes.append(DeclaredQuote(text=text))
            continue
        if not isinstance(item, yaml.MappingNode):
            checker.error(item, f"each entry of 'quotes' must be a mapping with a 'text', not {_kind(item)}")
            continue
        fields = dict(checker.entries(item, QUOTE_KEYS, "an entry of 'quotes'"))
        text = checker.optional_text(fields, "text")
        if text is None:
            checker.error(item, "a quote needs a non-empty 'text'")
            continue
        speaker, note = checker.optional_text(fields, "speaker"), checker.optional_text(fields, "note")
        metadata.quotes.append(DeclaredQuote(text=text, speaker=speaker, note=note))


_HANDLERS: dict[str, Callable[[_Checker, yaml.Node, Metadata], None]] = {
    "title": _set_text("title"),
    "date": _set_date,
    "source": _set_text("source"),
    "url": _set_url,
    "summary": _set_text("summary"),
    "tags": _set_tags,
    "people": _set_people,
    "places": _set_places,
    "quotes": _set_quotes,
    "extract": _set_extract,
}
