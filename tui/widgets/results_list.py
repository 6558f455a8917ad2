"""Search results: source and date, then the snippet with the matched words highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets.option_list import Option

from store.models import Hit
from tui.doctext import show_controls, visible
from tui.widgets.keyed_list import KeyedList, fit


@dataclass(frozen=True, slots=True)
class ResultItem:
    """A hit with what the list and the clipboard need, read from the store by the worker."""

    hit: Hit
    title: str
    date: str
    passage_text: str
    snippet: str
    spans: tuple[tuple[int, int], ...]  # matched ranges inside `snippet`

    @property
    def offset(self) -> int:
        """Where the reader opens: the first matched word, not the top of a long passage."""
        return self.hit.highlights[0][0] if self.hit.highlights else self.hit.start


def make_item(
    hit: Hit, spans: list[tuple[int, int]], passage_text: str, title: str, date: str
) -> ResultItem:
    """The search's own snippet (line breaks already spaces, one for one) with its highlight
    spans; control characters are shown one for one too, so the spans stay exact."""
    return ResultItem(hit, title, date, passage_text, show_controls(hit.snippet), tuple(spans))


class ResultsList(KeyedList):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[ResultItem] = []

    def show_items(self, items: list[ResultItem]) -> None:
        self.items = items
        self.redraw(keep="0" if items else None)

    def rows(self, width: int) -> list[Option]:
        options = []
        for i, item in enumerate(self.items):
            head = Content.assemble(
                (f"{i + 1}. ", "$text-muted"), fit(visible(item.title), width - 16).stylize("bold"),
                " ", (item.date, "$text-muted"),
            )
            body = Content(item.snippet)
            for s, e in item.spans:
                body = body.stylize("bold reverse", s, e)
            options.append(Option(Content("\n").join([head, body]), id=str(i)))
        return options
