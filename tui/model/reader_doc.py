"""One document as the reader needs it, assembled from the store in a worker."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from store.models import Passage, Source
from store.storage.db import Store
from tui.model.doctext import DocText


@dataclass(frozen=True, slots=True)
class MentionSpan:
    """A mention with its entity's type, so `e` can colour it without another store call."""

    start: int
    end: int
    entity: str
    type: str


@dataclass(slots=True)
class ReaderDoc:
    file: str
    source: Source | None
    text: DocText
    passages: list[Passage]
    mentions: list[MentionSpan]
    sentences: list[tuple[int, int]] = field(default_factory=list)  # what the cursor quotes
    starts: list[int] = field(init=False)
    # display line -> the page labels that begin after it (a paged document's blank lines)
    page_breaks: dict[int, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = [p.start for p in self.passages]
        self.page_breaks = page_breaks(self.text, self.source.pages if self.source else ())

    @classmethod
    def load(cls, store: Store, file: str, entity_types: dict[str, str]) -> ReaderDoc:
        """Text, passages and mentions of `file`; the store calls behind the reader worker."""
        text = store.text(file)
        passages = sorted(store.passages(file), key=lambda p: p.start)
        mentions = sorted(
            (
                MentionSpan(m.start, m.end, m.entity, entity_types.get(m.entity, "other"))
                for m in store.mentions(file)
            ),
            key=lambda m: m.start,
        )
        sentences = sorted((s.start, s.end) for s in store.sentences(file))
        return cls(file, store.source(file), DocText(text), passages, mentions, sentences)

    def passage_at(self, offset: int) -> Passage | None:
        """The passage holding `offset`, else the next one (offsets between passages)."""
        if not self.passages:
            return None
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.passages[i].start <= offset < self.passages[i].end:
            return self.passages[i]
        return self.passages[min(i + 1, len(self.passages) - 1)]


def page_breaks(text: DocText, pages: tuple[tuple[str, int, int], ...]) -> dict[int, list[str]]:
    """Where the reader draws "p. 17" rules: the blank line before each page's first line.

    Pages are blank-line separated in a paged document's text, so the rule takes the place of
    a blank row and no offset moves. Pages without text (a scanned page) are named with the
    page that follows them; the first page needs no rule.
    """
    breaks: dict[int, list[str]] = {}
    waiting: list[str] = []
    for label, start, end in pages:
        waiting.append(label)
        if end <= start:
            continue  # no text on this page: its label goes with the next page's rule
        line = text.line_of(start) - 1
        if line >= 0 and not text.lines[line].strip():
            breaks[line] = waiting
        waiting = []
    return breaks
