"""Search results as the UI holds them: each hit with what the list and the clipboard need."""

from __future__ import annotations

from dataclasses import dataclass

from store.models import Hit
from tui.model.doctext import show_controls


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
