"""Search results: source and date, then the snippet with the matched words highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from tui.model.controls import visible
from tui.model.results import ResultItem
from tui.widgets.keyed_list import KeyedList, fit


class ResultsList(KeyedList):
    @dataclass
    class Highlighted(Message):
        """The cursor is on result number `index` (from 0; the reader shows the hit)."""

        index: int

    @dataclass
    class Chosen(Message):
        """Enter or a click on result number `index` (the reader opens at the hit)."""

        index: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[ResultItem] = []

    def highlight_message(self, key: str) -> Message:
        return self.Highlighted(int(key))

    def choice_message(self, key: str) -> Message:
        return self.Chosen(int(key))

    def show_items(self, items: list[ResultItem]) -> None:
        self.items = items
        self.redraw(keep="0" if items else None)

    def rows(self, width: int) -> list[Option]:
        options = []
        for i, item in enumerate(self.items):
            head = Content.assemble(
                (f"{i + 1}. ", "$text-muted"),
                fit(visible(item.title), width - 16).stylize("bold"),
                " ",
                (item.date, "$text-muted"),
            )
            body = Content(item.snippet)
            for s, e in item.spans:
                body = body.stylize("bold reverse", s, e)
            options.append(Option(Content("\n").join([head, body]), id=str(i)))
        return options
