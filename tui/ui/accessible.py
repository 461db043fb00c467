"""Accessible mode: every kind of item marked by a glyph or a word, high contrast, plain cards, a real cursor.

Turned on by ``briefing --accessible``, by ``accessible = true`` at the top
of ``config.toml`` (next to its ``[keys]`` table), or from the command palette
("Accessible mode"), which switches it for the session. In this mode:

* no kind of item is told apart by colour alone: people get a glyph
  (:data:`PERSON_GLYPH`) before each mention, as places already have ``⌖`` and
  quotes a ``▎`` gutter; the sidebar rows carry the same glyphs and say
  "mentions" in words instead of an X-Ray bar;
* the high-contrast theme (:data:`HIGH_CONTRAST_THEME`: white on black,
  yellow and cyan accents) is selected; leaving the mode restores the theme
  the reader had;
* an entity card is plain lines in reading order, with no box drawing: the
  name, its kind, one fact per line (aliases, each role, counts), then each
  mention (:func:`plain_header`);
* the terminal's own cursor is shown and kept on the current item (the
  article cursor, the highlighted row of a list), so screen readers and
  magnifiers that follow the cursor follow the reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.app import App, SystemCommand
from textual.content import Content
from textual.geometry import Offset
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import Input

from tui.model.entities import EntityKind
from tui.model.library import Library, LibraryEntity
from tui.ui.article import ArticleView
from tui.ui.article_layout import PERSON_GLYPH, PLACE_GLYPH
from tui.ui.keymap import config_path, read_config
from tui.ui.linelist import LineList
from tui.ui.text import one_line

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tui.ui.app import BriefingApp

__all__ = ["HIGH_CONTRAST", "HIGH_CONTRAST_THEME", "PERSON_GLYPH", "AccessibleMode", "cursor_offset",
           "plain_header", "read_accessible"]

HIGH_CONTRAST = "briefing-high-contrast"
HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF6E6E",
    success="#00FF66",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#262626",
    dark=True,
    text_alpha=1.0,
    variables={
        "text-muted": "#FFFFFF",
        "text-disabled": "#D0D0D0",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#00FFFF",
        "block-cursor-blurred-foreground": "#000000",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
    },
)
"""White on black with yellow and cyan accents: every text colour at a contrast ratio of 13:1 or more."""
CONFIG_KEY = "accessible"
CURSOR_SECONDS = 0.1
"""How often the terminal cursor is moved to the current item (only while the mode is on)."""
SHOW_CURSOR, HIDE_CURSOR = "\x1b[?25h", "\x1b[?25l"


def read_accessible(path: Path | None = None) -> tuple[bool | None, list[str]]:
    """The ``accessible = true|false`` setting of the config file (``None``: not set), and any warning.

    The keys table is read by :mod:`tui.ui.keymap`; a file it cannot parse is
    reported there, so here it is only ``None``.
    """
    path = path or config_path()
    data, _reported_by_keymap = read_config(path)
    value = data.get(CONFIG_KEY)
    if value is None or isinstance(value, bool):
        return value, []
    return None, [f"{path}: {CONFIG_KEY} must be true or false, not {one_line(repr(value), 40)}"]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def plain_header(library: Library, entry: LibraryEntity) -> Content:
    """A card's head as plain lines, one fact each: name, kind, aliases, roles, counts."""
    entity = entry.entity
    if entity.kind is EntityKind.PERSON:
        kind = f"{PERSON_GLYPH} Person"
    else:
        detail = ", ".join(p for p in (entity.place_kind.value if entity.place_kind else None,
                                       entity.country) if p)
        kind = f"{PLACE_GLYPH} Place" + (f": {one_line(detail)}" if detail else "")
    lines = [Content.styled(one_line(entity.name), "bold"), Content(kind)]
    aliases = [one_line(alias) for alias in entity.aliases if alias != entity.name]
    if aliases:
        lines.append(Content("Also called: " + ", ".join(aliases)))
    for key, role in entry.roles.items():
        briefing = library.briefing(key)
        where = one_line(briefing.title if briefing else key)  # whole, as the card's header has it
        lines.append(Content(f"Role: {one_line(role)}, in {where}"))
    if not entry.roles and entity.role:
        lines.append(Content(f"Role: {one_line(entity.role)}"))
    mentions = library.mention_count(entity.id)
    lines.append(Content(f"Mentions: {mentions} in {_plural(len(entry.briefings), 'briefing')}"))
    if entity.kind is EntityKind.PERSON:
        lines.append(Content(f"Quotes: {sum(1 for _ in library.quotes_by(entity.id))}"))
    if entity.note:
        lines.append(Content(f"Note: {one_line(entity.note)}"))
    return Content("\n").join(lines)


def cursor_offset(app: App[int]) -> Offset | None:
    """Where on screen the current item is: the article cursor's item or a list's highlighted row.

    ``None`` where a widget places the cursor itself (an input) or there is
    nothing current.
    """
    focused = app.focused
    if focused is None or isinstance(focused, Input):
        return None
    region = focused.content_region
    if isinstance(focused, ArticleView):
        for index, x, y in focused.visible_items():
            if index == focused.cursor:
                return Offset(region.x + x, region.y + y)
        left = max(2, (focused.scrollable_content_region.width - focused.text_width) // 2)
        return Offset(region.x + left, region.y)  # no item on screen: the reading position
    if isinstance(focused, LineList):  # RowList or CardList, each row row_height lines
        highlighted = focused.highlighted
        if highlighted is None:
            return Offset(region.x, region.y)
        row = highlighted * focused.row_height - round(focused.scroll_offset.y)
        return Offset(region.x, region.y + row) if 0 <= row < region.height else None
    return Offset(region.x, region.y)


class AccessibleMode(App[int]):
    """Accessible mode, mixed into :class:`BriefingApp`: glyphs, contrast, plain cards, the real cursor."""

    accessible: bool = False
    """Whether the mode is on (read by the card and set with :meth:`set_accessible`)."""
    accessible_requested: bool = False
    """``--accessible`` was given: on from the start, whatever the config says."""

    def __init__(self) -> None:
        super().__init__()
        self.register_theme(HIGH_CONTRAST_THEME)  # before the saved theme is restored, so it can be
        self._theme_outside: str | None = None
        self._cursor_timer: Timer | None = None

    def on_mount(self) -> None:
        """After the app's own start-up (Textual calls each class's ``on_mount`` along the MRO)."""
        configured, warnings = read_accessible()
        for warning in warnings:
            self.notify(warning, title="Config", severity="warning", markup=False, timeout=10)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.app_resume_signal.subscribe(self, lambda _app: self._show_cursor(self.accessible))
        if self.accessible_requested or configured:
            self.set_accessible(True)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette's own commands, and the switch for this mode."""
        yield from super().get_system_commands(screen)
        state = "on" if self.accessible else "off"
        yield SystemCommand(f"Accessible mode ({state}): switch it {'off' if self.accessible else 'on'}",
                            "Glyphs for people and places, high contrast, plain cards, the terminal cursor "
                            "on the current item", self.action_toggle_accessible)

    def action_toggle_accessible(self) -> None:
        """Switch accessible mode on or off for this session (config.toml: accessible = true for always)."""
        self.set_accessible(not self.accessible)
        self.notify("Accessible mode on: ♙ people, ⌖ places, ▎ quotes, high contrast." if self.accessible
                    else "Accessible mode off.", timeout=4)

    def set_accessible(self, on: bool) -> None:
        """Turn the mode on or off: re-lay the article and sidebar, switch the theme and the cursor."""
        reader = cast("BriefingApp", self)
        if on == self.accessible:
            return
        self.accessible = on
        article = reader.article
        article.mark_people = on
        if article.briefing is not None:  # lay it out again with (or without) the glyphs, same place
            article.show_again(article.briefing, article.items)
        reader.sidebar.plain = on
        reader.sidebar.refresh_rows()
        if on:
            self._theme_outside = self.theme
            self.theme = HIGH_CONTRAST
            self._cursor_timer = self.set_interval(CURSOR_SECONDS, self.place_cursor)
        else:
            if self.theme == HIGH_CONTRAST and self._theme_outside not in (None, HIGH_CONTRAST):
                self.theme = self._theme_outside or self.theme
            if self._cursor_timer is not None:
                self._cursor_timer.stop()
                self._cursor_timer = None
        self._show_cursor(on)
        self.place_cursor()

    def _theme_changed(self, theme: Theme) -> None:
        """The mode's theme is not the reader's choice: keep the saved theme the one from before."""
        if self.accessible and theme.name == HIGH_CONTRAST and self._theme_outside is not None:
            cast("BriefingApp", self).state.theme = self._theme_outside

    def _show_cursor(self, show: bool) -> None:
        driver = self._driver
        if driver is not None:
            driver.write(SHOW_CURSOR if show else HIDE_CURSOR)

    def place_cursor(self) -> None:
        """Put the terminal cursor on the current item; repaint only if it moved (the move is sent then)."""
        if not self.accessible:
            return
        offset = cursor_offset(self)
        if offset is not None and offset != self.cursor_position:
            self.cursor_position = offset
            (self.focused or self.screen).refresh()
