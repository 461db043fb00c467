"""Fixtures for the reader's UI tests: small libraries built straight from model types.

Built by hand (not through the loader or extractor) so these tests exercise the
UI alone and stay fast; state goes to a temporary directory so no test touches
the user's real reading state.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual._compositor import Compositor  # counted: a full update re-sends every line of the terminal
from textual.pilot import Pilot
from textual.screen import Screen

from tui.model.document import Block, BlockKind, Briefing, LoadError, Section
from tui.model.entities import Entity, EntityKind, Location, Mention, PlaceKind, Quote
from tui.model.extract.names import entity_id
from tui.model.library import Library
from tui.model.state import StateStore
from tui.ui.app import BriefingApp
from tui.ui.footer import QuickFooter

HOSTILE = "[@click=app.quit]x[/] [bold]not bold[/] [link=https://example.com]link[/link]"


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the reading state at a temporary directory for every test."""
    directory = tmp_path / "state"
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(directory))
    yield directory


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the config (key remapping) at a temporary directory, so the user's own never applies."""
    directory = tmp_path / "config"
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(directory))
    yield directory


def person(name: str, role: str | None = None, aliases: Sequence[str] = ()) -> Entity:
    return Entity(entity_id(EntityKind.PERSON, name), EntityKind.PERSON, name, [name, *aliases], role=role)


def place(name: str, kind: PlaceKind = PlaceKind.CITY, country: str | None = None) -> Entity:
    return Entity(entity_id(EntityKind.PLACE, name), EntityKind.PLACE, name, [name], place_kind=kind,
                  country=country)


def briefing(
    key: str,
    title: str,
    sections: Sequence[tuple[str, Sequence[str | Block]]],
    entities: Sequence[Entity] = (),
    quotes: Sequence[tuple[str, str | None]] = (),
    date: dt.date | None = None,
) -> Briefing:
    """A briefing with every alias of ``entities`` marked and each quote (text, speaker name) located."""
    built = [
        Section(heading, [b if isinstance(b, Block) else Block(BlockKind.PARAGRAPH, b) for b in blocks])
        for heading, blocks in sections
    ]
    mentions: list[Mention] = []
    for entity in entities:
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in entity.aliases) + r")\b")
        for s, section in enumerate(built):
            for b, block in enumerate(section.blocks):
                for match in pattern.finditer(block.text):
                    location = Location(s, b, match.start(), match.end())
                    mentions.append(Mention(entity.id, location, match.group()))
    mentions.sort(key=lambda m: m.location)
    found: list[Quote] = []
    for text, speaker in quotes:
        for s, section in enumerate(built):
            for b, block in enumerate(section.blocks):
                start = block.text.find(text)
                if start >= 0:
                    speaker_id = entity_id(EntityKind.PERSON, speaker) if speaker else None
                    found.append(Quote(text, (Location(s, b, start, start + len(text)),), speaker_id))
    found.sort(key=lambda q: q.location)
    return Briefing(Path(key), title, built, date=date, entities={e.id: e for e in entities},
                    mentions=mentions, quotes=found)


JANE = person("Jane Doe", "foreign minister", aliases=["Doe"])
JOHN = person("John Roe", "army spokesman")
SPRINGFIELD = place("Springfield", country="Freedonia")
SHELBYVILLE = place("Shelbyville", PlaceKind.TOWN, country="Freedonia")


def alpha() -> Briefing:
    return briefing(
        "news/alpha.md",
        "Talks in Springfield",
        [
            ("", ["Jane Doe arrived in Springfield on Monday for a day of talks."]),
            ("The talks", [
                "“We will hold the line,” Jane Doe said after the meeting.",
                "John Roe said the army had moved north of Springfield.",
                Block(BlockKind.LIST_ITEM, "First point of the plan"),
                Block(BlockKind.LIST_ITEM, "Second point of the plan"),
            ]),
            ("Aftermath", ["Doe left in the evening.", "Nothing else happened that day."]),
        ],
        [JANE, JOHN, SPRINGFIELD],
        [("“We will hold the line,”", "Jane Doe")],
        dt.date(2024, 3, 1),
    )


def beta() -> Briefing:
    return briefing(
        "news/beta.md",
        "Return to Shelbyville",
        [
            ("", ["Jane Doe travelled on to Shelbyville the next day."]),
            ("Reactions", ["“Nothing has changed,” said John Roe in Shelbyville."]),
        ],
        [JANE, JOHN, SHELBYVILLE],
        [("“Nothing has changed,”", "John Roe")],
        dt.date(2024, 3, 2),
    )


def hostile() -> Briefing:
    return briefing(
        "news/hostile.md",
        HOSTILE + "\x1b]0;owned\x07",
        [(HOSTILE, [HOSTILE + " \x1b[31mred\x1b[0m Jane Doe"])],
        [JANE],
        date=dt.date(2024, 3, 3),
    )


BROKEN = LoadError("news/broken.md", "front matter is not valid YAML: unclosed quote", line=3)


def make_library(*briefings: Briefing, errors: Sequence[LoadError] = ()) -> Library:
    library = Library()
    library.add(briefings, errors)
    return library


@pytest.fixture
def library() -> Library:
    return make_library(alpha(), beta(), errors=[BROKEN])


def make_app(library: Library, state_dir: Path | None = None) -> BriefingApp:
    """An app over a prebuilt library (no loading), with state under ``state_dir`` if given, no animation."""
    store = StateStore(state_dir / "state.json") if state_dir is not None else None
    app = BriefingApp(library=library, store=store)
    app.animation_level = "none"  # tab underlines would otherwise be caught mid-slide in snapshots
    return app


@contextlib.asynccontextmanager
async def reading(library: Library, size: tuple[int, int] = (120, 40)) -> AsyncIterator[
        tuple[Pilot[int], BriefingApp]]:
    """The reader over ``library`` in a terminal of ``size``, started and settled: the pilot and the app."""
    async with make_app(library).run_test(size=size) as pilot:
        app = pilot.app
        assert isinstance(app, BriefingApp)
        await pilot.pause()
        yield pilot, app


@pytest.fixture
def full_updates(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many full-screen updates the compositor renders (one entry each)."""
    counted: list[int] = []
    render = Compositor.render_full_update

    def counting(self: Compositor, *args: object, **kwargs: object) -> object:
        counted.append(1)
        return render(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Compositor, "render_full_update", counting)
    yield counted


@dataclass(frozen=True)
class LaidOut:
    """A screen as Textual laid it out: its classes (a breakpoint class says which layout) and its key bar."""

    classes: frozenset[str]
    keys: tuple[str, ...]
    """The actions on the screen's key bar then (none if it has no bar)."""


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[LaidOut]]:
    """Each layout of a screen, in order, as it was when laid out."""
    seen: list[LaidOut] = []
    layout = Screen._refresh_layout

    def recorded(screen: Screen[object], *args: object, **kwargs: object) -> None:
        bars = screen.query(QuickFooter)
        keys = tuple(key.action for key in bars.first().keys) if bars else ()
        seen.append(LaidOut(frozenset(screen.classes), keys))
        layout(screen, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", recorded)
    yield seen
