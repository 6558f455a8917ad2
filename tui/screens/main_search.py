"""The main screen's search: the query line, the search worker, results and what to try."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from store.errors import QueryError
from tui.model.citation import published_label
from tui.model.doctext import visible
from tui.model.hits import HitCursor
from tui.model.results import make_item, no_results_text
from tui.widgets.results_list import ResultsList

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = Screen  # a MessagePump class, so Textual collects the `@on` handler below

SEARCH_LIMIT = 500


class MainSearch(_Base):
    """Mixed into MainScreen: `/`, Enter on the query line, and the results it brings."""

    @on(Input.Submitted, "#query")
    def submit_query(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if not query:
            self.close_query()
            return
        self.query_one("#query-error", Static).update(Content("Searching…"))
        self.run_search(query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False,
          description="search")
    def run_search(self, query: str) -> None:
        from store.search import search

        try:
            results = search(self.store, query, SEARCH_LIMIT)
        except QueryError as exc:
            self.app.call_from_thread(self.show_query_error, exc)
            return
        items = []
        for i, hit in enumerate(results.hits):
            source = self.store.source(hit.file)
            title = source.title if source else hit.file
            passage = self.store.text(hit.file)[hit.start : hit.end]
            items.append(make_item(hit, results.snippet_highlights(i), passage, title,
                                   published_label(source)))
        if not get_current_worker().is_cancelled:
            self.post_message(self.Searched(query, items, results.total))

    def show_query_error(self, error: QueryError) -> None:
        self.query_one("#query-error", Static).update(Content(
            f"{visible(error.problem)} at column {error.position + 1}:\n"
            f"{visible(error.query)}\n{' ' * error.position}^"))
        self.query_one("#query-box").add_class("-error")

    def on_main_screen_searched(self, message: MainScreen.Searched) -> None:
        self.search = HitCursor(message.query, message.items, message.total)
        self.close_query(refocus=False)
        results = self.query_one(ResultsList)
        results.show_items(message.items)
        empty = self.query_one("#results-empty", Static)
        empty.display = not message.items
        empty.update(Content(no_results_text(message.query) if not message.items else ""))
        results.display = bool(message.items)
        self.update_reader_title()
        self.focus_pane("results")
        if message.items:
            self.search.index = 0
            self.paint_highlights()

    def close_query(self, refocus: bool = True) -> None:
        self.remove_class("-searching")
        self.query_one("#query-box").remove_class("-error")
        self.query_one("#query-error", Static).update(Content(""))
        if refocus:
            self.focus_pane(self._query_return)

