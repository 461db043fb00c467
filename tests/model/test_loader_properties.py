"""Property tests: whatever bytes or Markdown arrive, the loader answers with a briefing or load errors."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.model.document import Briefing, LoadError, Severity
from tui.model.loader import load_file

# Characters a terminal would act on; none may survive loading.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_bytes(data: bytes, suffix: str) -> tuple[Briefing | None, list[LoadError]]:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{suffix}"
        path.write_bytes(data)
        return load_file(path)


def check_outcome(briefing: Briefing | None, problems: list[LoadError]) -> None:
    """A briefing (warnings allowed), or no briefing and at least one error; clean text; exact mentions."""
    has_error = any(problem.severity is Severity.ERROR for problem in problems)
    assert (briefing is None) == has_error, problems
    assert not any(problem.message.startswith("internal error") for problem in problems), problems
    if briefing is None:
        return
    assert not _CONTROL.search(briefing.title)
    for section in briefing.sections:
        assert not _CONTROL.search(section.title)
        for block in section.blocks:
            assert not _CONTROL.search(block.text)
            for mark in block.marks:
                assert 0 <= mark.start < mark.end <= len(block.text)
    for mention in briefing.mentions:
        block = briefing.block(mention.location.section, mention.location.block)
        assert block.text[mention.location.start : mention.location.end] == mention.text


_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=60,
)
# Random bytes are nearly always "binary"; mixing text with stray bytes reaches the decoding paths too.
_bytes = st.one_of(
    st.binary(max_size=2_000),
    st.lists(st.one_of(st.binary(max_size=3), _text.map(str.encode)), max_size=40).map(b"".join),
)


@_SETTINGS
@given(data=_bytes, suffix=st.sampled_from([".md", ".txt"]))
def test_arbitrary_bytes_never_raise(data: bytes, suffix: str) -> None:
    check_outcome(*load_bytes(data, suffix))


_words = st.text(alphabet="abc XYZ*_`[]()#>-:!&\"'\t.,é", max_size=40)
_yaml_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), _words, st.just("2025-03-12")),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(["name", "text", "kind", "x"]), children, max_size=3),
    ),
    max_leaves=8,
)
_keys = st.sampled_from(
    ["title", "date", "people", "places", "quotes", "tags", "extract", "url", "coords", "other"]
)


@st.composite
def markdown_documents(draw: st.DrawFn) -> str:
    """Front matter (valid or not) followed by Markdown-ish lines."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append("---")
        for key, value in draw(st.dictionaries(_keys, _yaml_value, max_size=4)).items():
            parts.append(f"{key}: {_flow(value)}")
        parts.extend(draw(st.lists(_words, max_size=2)))
        if draw(st.integers(0, 5)):
            parts.append("---")
    line = st.one_of(
        _words,
        _text,
        st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 6), _words),
        st.builds(lambda text: "- " + text, _words),
        st.builds(lambda text: "> " + text, _words),
        st.just(""),
        st.just("```"),
    )
    parts.extend(draw(st.lists(line, max_size=25)))
    return "\n".join(parts)


def _flow(value: object) -> str:
    """A YAML flow rendering that may well be invalid YAML: that is part of the test."""
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    return str(value)


@_SETTINGS
@given(document=markdown_documents())
def test_arbitrary_markdown_with_front_matter_never_raises(document: str) -> None:
    check_outcome(*load_bytes(document.encode("utf-8"), ".md"))


@_SETTINGS
@given(document=markdown_documents())
def test_arbitrary_raw_text_never_raises(document: str) -> None:
    check_outcome(*load_bytes(document.encode("utf-8"), ".txt"))


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300), encoding=st.sampled_from(["utf-16", "utf-8-sig", "utf-32"]))
def test_any_text_with_a_byte_order_mark_round_trips_without_errors(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # lone surrogates cannot be encoded at all
    briefing, problems = load_bytes(data, ".txt")
    check_outcome(briefing, problems)
    if text.strip() and not _CONTROL.search(text):
        assert briefing is not None or any("empty" in p.message or "binary" in p.message for p in problems)
