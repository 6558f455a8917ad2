"""Search results as the UI holds them: each hit with what the list and the clipboard need,
and what to try when there is none."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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


def result_items(
    results: SearchResults, text_of: Callable[[str], str], dates: Mapping[str, str]
) -> list[ResultItem]:
    """The hits of `results` as the Results list shows them, under the titles the search
    returned; `text_of(file)` is a document's text (the passage `y` copies is cut from it) and
    `dates[file]` the date label of each file the search found."""
    return [
        make_item(
            hit,
            results.snippet_highlights(i),
            text_of(hit.file)[hit.start : hit.end],
            results.titles[hit.file],
            dates[hit.file],
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
