"""The Notes list: bookmarks and notes under group headers (source, tag or date)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from tui.model.notes import NotesRow
from tui.widgets.keyed_list import KeyedList, fit


class NotesList(KeyedList):
    @dataclass
    class Highlighted(Message):
        """The cursor is on the note or bookmark `entry_id` (the reader shows its passage)."""

        entry_id: str

    @dataclass
    class Chosen(Message):
        """Enter on `entry_id`: the reader opens at its passage."""

        entry_id: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: list[NotesRow] = []
        self.empty_text = "No notes yet: b bookmarks, a writes a note on what is under the cursor."

    def highlight_message(self, key: str) -> Message:
        return self.Highlighted(key.partition(":")[2])

    def choice_message(self, key: str) -> Message:
        return self.Chosen(key.partition(":")[2])

    def show_rows(self, rows: list[NotesRow], empty_text: str | None = None) -> None:
        self.entries = rows
        if empty_text is not None:
            self.empty_text = empty_text
        self.redraw()

    def rows(self, width: int) -> list[Option]:
        options: list[Option] = []
        for row in self.entries:
            if row.entry is None:
                header = Content(row.text).truncate(width, ellipsis=True).stylize("bold $accent")
                options.append(Option(header, id=row.id, disabled=True))
            else:
                line = fit(row.text, width - 2)
                if row.entry.anchor.status == "orphaned":
                    line = line.stylize("$text-error")
                options.append(Option(Content.assemble("  ", line), id=row.id))
        if not options:
            options.append(Option(Content(self.empty_text), disabled=True))
        return options

    @property
    def highlighted_entry(self) -> str | None:
        key = self.highlighted_id
        return (
            key.partition(":")[2] if key and ":" in key and not key.startswith("group:") else None
        )
