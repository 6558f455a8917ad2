"""Search results as the UI holds them: each hit with what the list and the clipboard need,
and what to try when there is none."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.models import Hit
from tui.model.controls import show_controls, visible

if TYPE_CHECKING:  # store.search loads numpy: the worker imports it, not the first frame
    from store.search import SearchResults


@dataclass(frozen=True, slots=True)
class ResultItem:
    """A hit with what the list and the clipboard need, read from the store by the worker."""

    hit: Hit
    title: str
    date: str
    passage_text: str
    snippet: str
    spans: tuple[tuple[int, int], ...]  # matched ranges inside `snippet`
    quote: tuple[int, int] = (-1, -1)  # what `y` quotes: the sentence holding the first match

    def __post_init__(self) -> None:
        inside = self.hit.start <= self.quote[0] <= self.quote[1] <= self.hit.end
        if not inside:  # no sentence known: the passage
            object.__setattr__(self, "quote", (self.hit.start, self.hit.end))

    @property
    def quote_text(self) -> str:
        """The quoted words, cut from the passage text at their exact offsets."""
        return self.passage_text[self.quote[0] - self.hit.start : self.quote[1] - self.hit.start]

    @property
    def offset(self) -> int:
        """Where the reader opens: the first matched word, not the top of a long passage."""
        return self.hit.highlights[0][0] if self.hit.highlights else self.hit.start


def make_item(
    hit: Hit,
    spans: list[tuple[int, int]],
    passage_text: str,
    title: str,
    date: str,
    quote: tuple[int, int] = (-1, -1),
) -> ResultItem:
    """The search's own snippet (line breaks already spaces, one for one) with its highlight
    spans; control characters are shown one for one too, so the spans stay exact."""
    snippet = show_controls(hit.snippet)
    return ResultItem(hit, title, date, passage_text, snippet, tuple(spans), quote)


def sentence_of(
    hit: Hit, sentences: Sequence[tuple[int, int]], limit: int = 600
) -> tuple[int, int]:
    """The sentence holding the hit's first match (what `y` quotes), within the passage;
    the passage itself when none does or the "sentence" is a whole list (over `limit`)."""
    at = hit.highlights[0][0] if hit.highlights else hit.start
    for start, end in sentences:
        if start <= at < end and hit.start <= start and end <= hit.end and end - start <= limit:
            return start, end
    return hit.start, hit.end


def result_items(
    results: SearchResults,
    text_of: Callable[[str], str],
    dates: Mapping[str, str],
    sentences_of: Callable[[str], Sequence[tuple[int, int]]] | None = None,
) -> list[ResultItem]:
    """The hits of `results` as the Results list shows them, under the titles the search
    returned; `text_of(file)` is a document's text (the passage is cut from it),
    `dates[file]` the date label of each file the search found, and `sentences_of(file)` its
    sentence spans (the sentence `y` copies)."""
    return [
        make_item(
            hit,
            results.snippet_highlights(i),
            text_of(hit.file)[hit.start : hit.end],
            results.titles[hit.file],
            dates[hit.file],
            sentence_of(hit, sentences_of(hit.file)) if sentences_of else (hit.start, hit.end),
        )
        for i, hit in enumerate(results.hits)
    ]


def no_results_text(query: str) -> str:
    """What to try when nothing matched, drawn from the query itself."""
    words = [w for w in query.split() if ":" not in w and not w.startswith("-")]
    plain = [w.strip('"()') for w in words if w.strip('"()').isalpha()]
    tips = []
    if len(words) > 1:
        tips.append("fewer words: every word must match (or join them with OR)")
    if plain:
        tips.append(f"a fuzzy or prefix form: {plain[0]}~  or  {plain[0][:4]}*")
    if ":" in query:
        tips.append("removing filters such as source:, entity:, type:, date:, kind:")
    if '"' in query:
        tips.append("dropping the quotes, so the words need not be adjacent")
    tips.append("another spelling, or another of the name's aliases")
    return f"No passage matches {visible(query)!r}.\n\nTry:\n" + "\n".join(f"  • {t}" for t in tips)
