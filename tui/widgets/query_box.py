"""The query line at the bottom: what the user types, and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui.model.controls import visible


class QueryBox(Vertical):
    """The screen shows it while searching; Enter posts `Submitted` with what was typed."""

    @dataclass
    class Submitted(Message):
        """Enter on the query line; `query` is stripped, and empty when nothing was typed."""

        query: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history: list[str] = []  # recent queries, newest first (the screen sets it)
        self._step = -1  # where Up/Down are in the history; -1: what the user is typing
        self._typed = ""

    def compose(self) -> ComposeResult:
        yield Input(placeholder='search: words, "a phrase", word*, word~ …', id="query")
        yield Static("", id="query-error")

    @on(Input.Submitted)
    def _report_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value.strip()))

    def on_key(self, event: events.Key) -> None:
        """Up/Down walk the history (newest first); Down past the newest restores the draft."""
        if event.key not in ("up", "down") or not self.history:
            return
        field = self.query_one("#query", Input)
        if self._step == -1:
            self._typed = field.value
        step = self._step + (1 if event.key == "up" else -1)
        step = max(-1, min(len(self.history) - 1, step))
        self._step = step
        field.value = self._typed if step == -1 else self.history[step]
        field.cursor_position = len(field.value)
        event.stop()
        event.prevent_default()

    def show_searching(self) -> None:
        self.query_one("#query-error", Static).update(Content("Searching…"))

    def show_error(self, problem: str, query: str, position: int) -> None:
        """What is wrong and where: the query again with a caret under column `position`."""
        self.query_one("#query-error", Static).update(
            Content(
                f"{visible(problem)} at column {position + 1}:\n{visible(query)}\n{' ' * position}^"
            )
        )
        self.add_class("-error")

    def clear(self) -> None:
        self._step, self._typed = -1, ""
        self.remove_class("-error")
        self.query_one("#query-error", Static).update(Content(""))
