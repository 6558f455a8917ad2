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

    PAGE = 100  # rows laid out at a time: 500 two-line options took ~250 ms of the UI thread

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[ResultItem] = []
        self.shown = 0  # how many of the items have an option yet

    def choice_message(self, key: str) -> Message:
        return self.Chosen(int(key))

    def show_items(self, items: list[ResultItem]) -> None:
        self.items = items
        self.shown = min(len(items), self.PAGE)
        self.redraw(keep="0" if items else None)

    def ensure(self, index: int) -> None:
        """Lay out the rows up to result `index` (and a page beyond), so `n` and the cursor
        can reach it; the first page alone is drawn when the results arrive."""
        if index < self.shown - self.PAGE // 4 or self.shown >= len(self.items):
            return
        end = min(len(self.items), max(index + 1, self.shown) + self.PAGE)
        width = self._drawn_width or self.row_width()
        self.add_options([self._row(i, self.items[i], width) for i in range(self.shown, end)])
        self.shown = end

    def rows(self, width: int) -> list[Option]:
        return [self._row(i, item, width) for i, item in enumerate(self.items[: self.shown])]

    @staticmethod
    def _row(i: int, item: ResultItem, width: int) -> Option:
        head = Content.assemble(
            (f"{i + 1}. ", "$text-muted"),
            fit(visible(item.title), width - 16).stylize("bold"),
            " ",
            (item.date, "$text-muted"),
        )
        body = Content(item.snippet)
        for s, e in item.spans:
            body = body.stylize("bold reverse", s, e)
        return Option(Content("\n").join([head, body]), id=str(i))

    def highlight_message(self, key: str) -> Message:
        self.ensure(int(key))  # near the end of the rows laid out: the next page
        return self.Highlighted(int(key))
