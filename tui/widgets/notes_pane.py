"""The Notes pane: a filter line over the notes list; the grouping is shown in the title."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from tui.widgets.notes_list import NotesList


class NotesPane(Vertical):
    """Typing filters; Down steps into the list; the screen redraws on `Filtered`."""

    @dataclass
    class Filtered(Message):
        """The filter line changed to `text`."""

        text: str

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="filter notes… (o: group by source / tag / date)", id="notes-filter"
        )
        yield NotesList(id="notes")

    @on(Input.Changed, "#notes-filter")
    def _report_filter(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Filtered(event.value))

    @on(Input.Submitted, "#notes-filter")
    def _choose_highlighted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(NotesList).action_select()

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.query_one(Input).has_focus:
            self.query_one(NotesList).focus()
            event.stop()
