"""Bounded, safe YAML: front matter and sidecars are data from strangers.

PyYAML's safe loader already refuses ``!!python/...`` tags, but it will happily
expand a "billion laughs" document (aliases of aliases) when the result is
walked, and deeply nested input can exhaust the stack. So every document is
first *streamed* as parser events, which is iterative in both the C and the
pure-Python parser: the stream is rejected if its nesting is too deep, if the
node count with every alias expanded is too large, or if it uses a tag other
than the plain YAML ones. Only then is it composed into a node graph (with
line marks, which validation needs for its messages).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

# The C loader is much faster and is what the issue asks for; the pure-Python
# one behaves the same and is the fallback when libyaml is missing.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 32
"""Nesting deeper than this is refused: front matter needs three levels."""

MAX_EXPANDED_NODES = 50_000
"""Nodes in the document with every alias expanded; a billion-laughs bomb exceeds it at once."""

MAX_CHARS = 1_000_000
"""Front matter or sidecar text longer than this is refused before parsing."""

_STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _STANDARD_TAG_PREFIX + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


@dataclass(frozen=True, slots=True)
class YamlProblem(Exception):
    """Why a YAML text was refused; ``line`` is 1-based within the YAML text, when known."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return self.message


def compose_bounded(text: str) -> yaml.Node | None:
    """The YAML node graph of ``text`` (``None`` for an empty document), or raise :class:`YamlProblem`."""
    if len(text) > MAX_CHARS:
        raise YamlProblem(f"YAML is too long ({len(text):,} characters; the limit is {MAX_CHARS:,})", 1)
    try:
        _check_events(text)
        node: yaml.Node | None = yaml.compose(text, Loader=SafeLoader)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in (error.problem or ""):  # PyYAML >= 6.0.3 stops at 1,000 levels itself
            raise YamlProblem(f"YAML is nested more than {MAX_DEPTH} levels deep", _line_of(error)) from None
        raise YamlProblem(_describe(error), _line_of(error)) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"invalid YAML: {error}") from None
    return node


def _check_events(text: str) -> None:
    """Stream the parser events and refuse deep, explosive or tagged documents."""
    depth = 0
    expanded = 0
    sizes: dict[str, int] = {}
    # One frame per open collection: its anchor and its expanded size so far.
    frames: list[tuple[str | None, int]] = []

    def grow(amount: int, line: int) -> None:
        nonlocal expanded
        expanded += amount
        if expanded > MAX_EXPANDED_NODES:
            raise YamlProblem(
                f"YAML expands to more than {MAX_EXPANDED_NODES:,} nodes (too many aliases or items)", line
            )
        if frames:
            anchor, size = frames[-1]
            frames[-1] = (anchor, size + amount)

    for event in yaml.parse(text, Loader=SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        line = line or 1
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS and not _is_implicit_plain(event):
            raise YamlProblem(_tag_message(tag), line)
        if isinstance(event, yaml.AliasEvent):
            grow(sizes.get(event.anchor or "", 1), line)
        elif isinstance(event, yaml.ScalarEvent):
            grow(1, line)
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(f"YAML is nested more than {MAX_DEPTH} levels deep", line)
            grow(1, line)
            frames.append((event.anchor, 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, size = frames.pop()
            if anchor:
                sizes[anchor] = size
            if frames:
                # The parent already counted this collection's start node and its
                # children as they arrived (grow adds to the top frame only), so
                # add the children's size to the parent now.
                parent_anchor, parent_size = frames[-1]
                frames[-1] = (parent_anchor, parent_size + size - 1)


def _is_implicit_plain(event: yaml.Event) -> bool:
    """Whether an event's tag is the non-specific ``!`` a plain scalar may carry."""
    return getattr(event, "tag", None) == "!"


def _tag_message(tag: str) -> str:
    """A message naming the refused tag in the short ``!!`` form the author wrote."""
    shown = "!!" + tag[len(_STANDARD_TAG_PREFIX) :] if tag.startswith(_STANDARD_TAG_PREFIX) else tag
    if tag.startswith(_STANDARD_TAG_PREFIX + "python/"):
        return f"YAML tag {shown} is not allowed: front matter is plain data, never Python objects"
    return f"YAML tag {shown} is not supported (only plain strings, numbers, dates, lists and mappings)"


def _line_of(error: yaml.MarkedYAMLError) -> int | None:
    """The 1-based line of a parser error: where the problem is, else where its context began.

    Text that runs out inside a quote or a bracket is reported where that opened:
    the end of the front matter, where the parser gave up, says nothing of which
    quote was left open.
    """
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and "end of stream" in (error.problem or ""):
        mark = error.context_mark
    return mark.line + 1 if mark is not None else None


def _describe(error: yaml.MarkedYAMLError) -> str:
    """A one-line message for a YAML syntax error, without PyYAML's multi-line marks."""
    problem = (error.problem or "syntax error").strip()
    context = (error.context or "").strip()
    return f"invalid YAML: {problem} ({context})" if context else f"invalid YAML: {problem}"
