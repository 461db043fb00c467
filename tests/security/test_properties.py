"""Properties over arbitrary input: load, then render, never raise, and what is shown is inert.

For arbitrary bytes and for arbitrary Markdown with front matter (hostile
payloads, names in several scripts, invalid values), loading returns a
briefing or a load error (never an exception, never an "internal error"); the
briefing holds no control character anywhere; every mention lies inside its
block and its text is one of its entity's aliases; and rendering the briefing
with the UI's own functions (article layout at several widths, sidebar rows,
card header and keyword-in-context rows, palette rows, status labels, the
``extract`` document) never raises and never yields a character a terminal
would act on. A few generated briefings are also driven through the real app.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.hostile import control_characters, inexact_mentions, unsafe_for_cli, unsafe_for_terminal
from tests.security.strategies import markdown_file, random_markdown
from tui.model.decoding import NotText, decode_bytes
from tui.model.document import Briefing, LoadError, Severity, SourceFormat
from tui.model.export import dump_json, library_to_dict, printable
from tui.model.library import Library
from tui.model.loader import load_text
from tui.model.navigation import Position, linked_items
from tui.ui.article_layout import Layout, layout_briefing
from tui.ui.card import header, kwic_row
from tui.ui.commands import prompt, targets
from tui.ui.status import position_label
from tui.ui.text import one_line

_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load(data: bytes, suffix: str) -> tuple[Briefing | None, list[LoadError]]:
    """What ``load_file`` does after reading: decode, then parse and annotate (no disk, no cache)."""
    try:
        decoded = decode_bytes(data)
    except NotText as error:
        return None, [LoadError("x" + suffix, str(error))]
    fmt = SourceFormat.MARKDOWN if suffix == ".md" else SourceFormat.TEXT
    return load_text(decoded.text, Path("x" + suffix), fmt)


def check_loaded(briefing: Briefing | None, problems: list[LoadError]) -> None:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert (briefing is None) == bool(errors), problems
    assert not any(p.message.startswith("internal error") for p in problems), problems
    for problem in problems:
        assert unsafe_for_cli(printable(str(problem))) == []
    if briefing is not None:
        assert control_characters(briefing) == []
        assert inexact_mentions(briefing) == []


def render_everything(briefing: Briefing) -> list[str]:
    """Every string the UI would draw for this briefing, built by the UI's own functions."""
    library = Library()
    library.add([briefing], [])
    shown: list[str] = []
    units = layout_briefing(briefing)
    shown += [unit.first_prefix + unit.text for unit in units]
    for width in (10, 37, 88):
        layout = Layout(units)
        layout.wrap(width)
        for index, item in enumerate(linked_items(briefing)):
            layout.place(index, item.spans or (item.location,), False)
            assert 0 <= layout.line_of(item.location) < len(layout)
    for entry in library.entities():
        shown.append(header(library, entry).plain)
    for mention in briefing.mentions[:50]:
        shown.append(kwic_row(briefing, mention.location).plain)
        shown.append(one_line(position_label(library, Position(briefing.key, mention.location)), 24))
    for target in targets(library, briefing.key):
        shown.append(prompt(target).plain)
        shown.append(prompt(target, target.names[-1], (0, 1, 2)).plain)
    shown.append(one_line(briefing.title, 80))
    document = dump_json(library_to_dict(library))
    assert json.loads(document)["briefings"][0]["title"] == briefing.title
    assert unsafe_for_cli(document) == []
    return shown


@_SETTINGS
@given(data=st.binary(max_size=3_000), suffix=st.sampled_from([".md", ".txt"]))
def test_arbitrary_bytes_load_or_fail_cleanly(data: bytes, suffix: str) -> None:
    briefing, problems = load(data, suffix)
    check_loaded(briefing, problems)


@_SETTINGS
@given(text=markdown_file, suffix=st.sampled_from([".md", ".md", ".txt"]))
def test_arbitrary_markdown_with_front_matter_loads_and_renders_inert(text: str, suffix: str) -> None:
    briefing, problems = load(text.encode("utf-8", "surrogatepass"), suffix)
    check_loaded(briefing, problems)
    if briefing is not None:
        for string in render_everything(briefing):
            assert unsafe_for_terminal(string) == [], repr(string)


@_SETTINGS
@given(text=markdown_file, encoding=st.sampled_from(["utf-16", "utf-8-sig", "utf-32"]),
       newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_encodings_and_line_endings_do_not_change_what_loads(text: str, encoding: str, newline: str) -> None:
    reference, _ = load(text.encode(), ".md")
    briefing, problems = load(text.replace("\n", newline).encode(encoding), ".md")
    check_loaded(briefing, problems)
    if reference is not None and "\r" not in text and "\x0b" not in text and "\x0c" not in text:
        assert briefing is not None
        assert briefing.title == reference.title
        assert [b.text for s in briefing.sections for b in s.blocks] == \
            [b.text for s in reference.sections for b in s.blocks]


async def test_a_few_generated_briefings_through_the_real_app(tmp_path: Path) -> None:
    """Seeded random briefings, opened in the app: the cursor walks every linked item, cards open."""
    from tests.security.test_hostile_ui import make_app, rendered
    from tui.ui.card import EntityCard

    rng = random.Random(11)
    briefings = []
    for index in range(40):
        briefing, _ = load(random_markdown(rng).encode(), ".md")
        if briefing is not None and briefing.mentions:
            briefing.path = Path(f"generated-{index}.md")
            briefings.append(briefing)
        if len(briefings) == 3:
            break
    assert len(briefings) == 3
    library = Library()
    library.add(briefings, [])
    app = make_app(library, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for briefing in briefings:
            app.navigate(Position(briefing.key))
            await pilot.pause()
            rendered(app)
            for _ in range(min(6, len(linked_items(briefing)))):
                await pilot.press("l")
            await pilot.press("enter")
            await pilot.pause()
            rendered(app)
            if isinstance(app.screen, EntityCard):
                await pilot.press("escape")
        assert app.is_running
