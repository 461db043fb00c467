"""The prompt for where to save an entity's dossier (``D`` on the card).

Enter saves to the path typed (a second Enter when the file exists replaces
it), Escape cancels; a folder or an empty name is explained in the prompt's
note rather than refused in silence. The card writes the file
(:class:`tui.ui.timeline.TimelineCard`); this screen only chooses the path.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.ui.text import one_line

__all__ = ["SaveDossier"]


class SaveDossier(ModalScreen[Path | None]):
    """Asks where to save the dossier; Enter saves (twice if the file exists), Escape cancels."""

    KEY_GROUP = "Save dossier"
    DEFAULT_CSS = """
    SaveDossier {
        align: center middle;
    }
    SaveDossier > Vertical {
        width: 70;
        max-width: 100%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    SaveDossier #dossier-note {
        color: $text-muted;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dossier.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, suggested: str) -> None:
        super().__init__()
        self.suggested = suggested
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Save dossier as"
            yield Input(self.suggested, id="dossier-path")
            yield Static(Content("Enter to save, Escape to cancel"), id="dossier-note")

    @on(Input.Submitted, "#dossier-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        note = self.query_one("#dossier-note", Static)
        if not text:
            note.update(Content("Type a file name, or Escape to cancel"))
            return
        path = Path(text).expanduser()
        if path.is_dir():
            note.update(Content.assemble("That is a folder; add a file name, e.g. ",
                                         (one_line(str(path / "dossier.md")), "bold")))
            return
        if path.exists() and path != self._confirm:
            self._confirm = path
            note.update(Content("That file exists: Enter again to replace it, or change the name"))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
