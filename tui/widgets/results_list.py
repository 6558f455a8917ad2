"""Search results: source and date, then the snippet with the matched words highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets.option_list import Option

from store.models import Hit
from tui.doctext import visible
from tui.widgets.keyed_list import KeyedList, fit

CONTEXT = 70


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


def make_item(hit: Hit, text: str, title: str, date: str) -> ResultItem:
    """Cut a snippet around the first matched range from the document text itself."""
    first = hit.highlights[0] if hit.highlights else (hit.start, hit.start)
    lo = max(hit.start, first[0] - CONTEXT)
    hi = min(hit.end, max(first[1] + CONTEXT, lo + 2 * CONTEXT))
    if lo > hit.start:
        space = text.find(" ", lo, first[0])
        lo = space + 1 if space != -1 else lo
    raw = text[lo:hi]
    prefix = "…" if lo > hit.start else ""
    suffix = "…" if hi < hit.end else ""
    snippet = prefix + visible(raw) + suffix
    spans = tuple(
        (max(s, lo) - lo + len(prefix), min(e, hi) - lo + len(prefix))
        for s, e in hit.highlights if e > lo and s < hi
    )
    return ResultItem(hit, title, date, text[hit.start:hit.end], snippet, spans)


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
