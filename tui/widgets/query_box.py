"""The query line at the bottom: what the user types, and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
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

    def compose(self) -> ComposeResult:
        yield Input(placeholder='search: words, "a phrase", word*, word~ …', id="query")
        yield Static("", id="query-error")

    @on(Input.Submitted)
    def _report_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value.strip()))

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
        self.remove_class("-error")
        self.query_one("#query-error", Static).update(Content(""))
