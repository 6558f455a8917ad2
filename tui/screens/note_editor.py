"""The note editor: a multi-line editor over the quoted passage. Ctrl+S or leaving it (Tab)
saves; Esc cancels and keeps the note as it was."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from tui.model.controls import visible


class NoteEditor(ModalScreen[str | None]):
    """Dismisses with the note's text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", "Save", tooltip="Save the note and close", id="dossier.note.save"
        ),
        Binding(
            "tab",
            "save",
            "Save",
            show=False,
            tooltip="Leave the editor: saves",
            id="dossier.note.leave",
        ),
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close without saving", id="dossier.note.cancel"
        ),
    ]

    def __init__(self, title: str, quote: str, text: str = "") -> None:
        super().__init__()
        self.title_text, self.quote, self.text = title, quote, text

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Content(self.title_text).stylize("bold"), id="note-title")
            shown = " ".join(visible(self.quote).split())
            yield Static(Content(shown[:400] + ("…" if len(shown) > 400 else "")), id="note-quote")
            yield TextArea(self.text, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static(Content("Ctrl+S or Tab saves · Esc cancels"), id="note-help")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
