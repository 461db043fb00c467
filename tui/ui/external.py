"""Reader actions that reach outside the app: the clipboard, the web browser and the user's editor.

From the reader, ``y`` copies the quote in focus (under the article cursor, the
highlighted row of the Quotes sidebar or a quote row of an entity card) as one
citation line, ``“…” — Speaker, Title (date), URL or path``; ``U`` opens the
briefing's ``url`` from its front matter in the web browser; ``v`` opens the
file in ``$VISUAL`` / ``$EDITOR`` (else ``vi``) with the terminal handed over
(:meth:`App.suspend`) and reloads it when the editor closes, through the same
path as ``ctrl+r`` (:func:`tui.ui.reload.check_file`), so the reader stays
where it was.

Front matter is untrusted: only ``http`` and ``https`` addresses reach the
browser (a ``javascript:`` or ``file:`` one is refused with a notification),
and every string shown or copied is folded to one safe line first.

Start-up imports this module (the app's mixin lives here), so what only an
action needs (the card, :mod:`webbrowser`, :mod:`shlex`) is imported by the
action; the key-greying check reads the card module only once it is loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from textual.app import App, SuspendNotSupported

from tui.model.document import Briefing
from tui.model.entities import Location, Quote
from tui.model.library import Library
from tui.model.navigation import LinkKind
from tui.model.reload import file_change
from tui.ui.reload import check_file
from tui.ui.rowlist import RowList
from tui.ui.text import one_line

if TYPE_CHECKING:
    from tui.ui.app import BriefingApp
    from tui.ui.card import EntityCard

__all__ = ["ExternalActions", "citation", "editor_command", "run_editor", "web_url"]

QUOTE_MARKS = "\"'“”‘’«»„‟‹› "
WEB_SCHEMES = ("http", "https")
LINE_EDITORS = frozenset({"vi", "vim", "nvim", "view", "gvim", "nano", "emacs", "emacsclient", "mg", "kak"})
"""Editors known to take ``+LINE`` before the file, so the file opens where the reader is."""


# -- pure helpers (no app needed) -----------------------------------------------------------------


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address with a host and nothing hidden in it, else ``None``."""
    if not url:
        return None
    url = url.strip()
    if any(char.isspace() or not char.isprintable() for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


def _where(briefing: Briefing) -> str:
    """Where the quote can be found again: the web address if safe, else the file's full path."""
    url = web_url(briefing.url)
    if url is not None:
        return url
    if briefing.key == "-":
        return "standard input"
    return os.path.abspath(briefing.path)


def citation(library: Library, briefing: Briefing, quote: Quote) -> str:
    """One line to paste elsewhere: ``“text” — Speaker, Title (date), URL or path``."""
    text = one_line(quote.text).strip(QUOTE_MARKS).rstrip(",;:").strip(QUOTE_MARKS)
    speaker = "unknown speaker"
    if quote.speaker_id is not None:
        entity = briefing.entities.get(quote.speaker_id)
        entry = library.entity(quote.speaker_id) if entity is None else None
        name = entity.name if entity is not None else entry.entity.name if entry is not None else None
        speaker = one_line(name) if name else speaker
    date = f" ({briefing.date.isoformat()})" if briefing.date else ""
    return one_line(f"“{text}” — {speaker}, {one_line(briefing.title)}{date}, {_where(briefing)}")


def quote_at(briefing: Briefing, location: Location) -> Quote | None:
    """The quote that starts at ``location``, or else covers it (a name inside quoted speech)."""
    for quote in briefing.quotes:
        if quote.location == location:
            return quote
    for quote in briefing.quotes:
        for span in quote.spans:
            same_block = (span.section, span.block) == (location.section, location.block)
            if same_block and span.start <= location.start < span.end:
                return quote
    return None


def editor_command(path: Path | str, line: int | None = None,
                   environ: Mapping[str, str] | None = None) -> list[str]:
    """The command that edits ``path``: ``$VISUAL``, then ``$EDITOR``, else ``vi``, split like a shell.

    ``+LINE`` is added only for editors known to take it (a VS Code wrapper
    would open a file called ``+12``). A value that does not split (an
    unclosed quote) is taken as one program name.
    """
    import shlex  # only the editor action needs it

    env = os.environ if environ is None else environ
    raw = (env.get("VISUAL") or env.get("EDITOR") or "vi").strip() or "vi"
    try:
        parts = shlex.split(raw)
    except ValueError:
        parts = [raw]
    if line is not None and line > 0 and os.path.basename(parts[0]) in LINE_EDITORS:
        parts.append(f"+{line}")
    return [*parts, str(path)]


def run_editor(command: list[str]) -> str | None:
    """Run the editor and wait for it; a sentence saying what went wrong, or ``None`` if it went well."""
    try:
        completed = subprocess.run(command, check=False)
    except OSError as error:
        return f"Could not start the editor {command[0]!r}: {error.strerror or error}"
    if completed.returncode != 0:
        return f"The editor {command[0]!r} exited with status {completed.returncode}."
    return None


def _open_in_browser(app: App[int], url: str) -> None:
    """Hand ``url`` to the browser (in a thread: some browsers take a while to start)."""
    import webbrowser  # only this action needs it (it imports a good deal of the standard library)

    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        app.call_from_thread(app.notify, "No web browser could be started here.", severity="warning",
                             markup=False, timeout=5)


def _entity_card_class() -> type[EntityCard] | None:
    """:class:`EntityCard` if the card module is loaded, else ``None`` (no card was ever opened).

    Asked at every Footer refresh (via ``check_action``), so it never imports the card.
    """
    module = sys.modules.get("tui.ui.card")
    return None if module is None else cast("type[EntityCard]", module.EntityCard)


# -- the app's actions ----------------------------------------------------------------------------


class ExternalActions(App[int]):
    """Copy a quote, open the briefing's web page, edit its file: mixed into :class:`BriefingApp`."""

    def _reader(self) -> BriefingApp:
        return cast("BriefingApp", self)

    def quote_in_focus(self) -> tuple[Briefing, Quote] | None:
        """The quote the reader is on: a card's quote row, the Quotes sidebar's row, the article cursor."""
        app = self._reader()
        library = app.library
        screen = self.screen
        card = _entity_card_class()
        if card is not None and isinstance(screen, card):  # its highlighted row, if that is a quote
            from tui.ui.cardlist import CardList  # loaded with the card

            lists = screen.query(CardList)  # none yet while the card is being put together
            index = lists.first().highlighted if lists else None
            row = screen.rows[index] if index is not None and index < len(screen.rows) else None
            if row is None or row.kind != "quote":
                return None
            briefing = library.briefing(row.position.briefing)
            quote = quote_at(briefing, row.position.location) if briefing and row.position.location else None
            return (briefing, quote) if briefing is not None and quote is not None else None
        if self.screen is not self.screen_stack[0]:
            return None
        focused = self.focused
        sidebar = app.sidebar
        if focused is not None and sidebar in focused.ancestors_with_self and sidebar.tab == "quotes":
            index = sidebar.query_one("#list-quotes", RowList).highlighted
            rows_shown = sidebar.rows["quotes"]
            if index is None or not 0 <= index < len(rows_shown):
                return None
            picked = rows_shown[index]
            briefing = library.briefing(picked.briefing or "")
            if briefing is None or picked.quote is None or picked.quote >= len(briefing.quotes):
                return None
            return briefing, briefing.quotes[picked.quote]
        briefing = app.briefing
        item = app.article.cursor_item if briefing is not None else None
        if briefing is None or item is None:
            return None
        if item.kind is LinkKind.QUOTE and item.quote_index is not None \
                and item.quote_index < len(briefing.quotes):
            return briefing, briefing.quotes[item.quote_index]
        quote = quote_at(briefing, item.location)
        return (briefing, quote) if quote is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out copy without a quote in focus, open without a URL, edit without a file."""
        if action == "copy_quote":
            return True if self.quote_in_focus() is not None else None
        if action == "open_url":
            briefing = self._reader().briefing
            return True if briefing is not None and briefing.url else None
        if action == "edit_file":
            briefing = self._reader().briefing
            return True if briefing is not None and briefing.key != "-" else None
        return super().check_action(action, parameters)

    def action_copy_quote(self) -> None:
        """Copy the quote in focus with its speaker and source, as one line (OSC 52 clipboard)."""
        found = self.quote_in_focus()
        if found is None:
            self.notify("No quote here to copy.", timeout=3)
            return
        text = citation(self._reader().library, *found)
        self.copy_to_clipboard(text)
        self.notify(f"Copied: {one_line(text, 160)}", title="Clipboard", markup=False, timeout=4)

    def action_open_url(self) -> None:
        """Open the briefing's web address in the browser (http and https only)."""
        briefing = self._reader().briefing
        if briefing is None or not briefing.url:
            self.notify("This briefing has no web address.", timeout=3)
            return
        url = web_url(briefing.url)
        if url is None:
            self.notify(f"Not opening {one_line(briefing.url, 80)!r}: only http and https addresses are "
                        "opened.", severity="warning", markup=False, timeout=6)
            return
        self.notify(f"Opening {one_line(url, 120)} in the browser.", markup=False, timeout=3)
        self.run_worker(partial(_open_in_browser, self, url), thread=True, group="browser")

    def action_edit_file(self) -> None:
        """Edit the open briefing's file in $VISUAL/$EDITOR, then reload it, keeping the reader's place."""
        app = self._reader()
        briefing = app.briefing
        if briefing is None or briefing.key == "-":
            self.notify("No file to edit (standard input has none).", timeout=3)
            return
        file_change(briefing)  # a briefing without a stamp takes one now, so the edit is seen as a change
        if not os.access(briefing.path, os.W_OK):
            self.notify(f"{one_line(briefing.key, 100)} is read-only: the editor can show it, not save it.",
                        severity="warning", markup=False, timeout=5)
        where = app.current_position()
        line = None
        if where is not None and where.location is not None:
            location = where.location
            if location.section < len(briefing.sections):
                section = briefing.sections[location.section]
                inside = 0 <= location.block < len(section.blocks)  # else its heading
                line = section.blocks[location.block].line if inside else section.line
        command = editor_command(briefing.path, line)
        try:
            with self.suspend():
                problem = run_editor(command)
        except SuspendNotSupported:
            self.notify("An editor needs the terminal, which cannot be handed over here.",
                        severity="warning", timeout=5)
            return
        if problem is not None:
            self.notify(problem, severity="warning", markup=False, timeout=6)
        check_file(app, briefing, asked=True)  # rewritten: reloaded in place; else "Unchanged on disk."
        app._update_status()
