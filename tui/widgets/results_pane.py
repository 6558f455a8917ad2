"""The Results pane: the list of hits, or in its place what to try when there is none."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.model.results import ResultItem
from tui.widgets.results_list import ResultsList


class ResultsPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("", id="results-empty")
        yield ResultsList(id="results")

    def show_results(self, items: list[ResultItem], placeholder: str) -> None:
        """`items` in the list, or `placeholder` (what to try) when there are none."""
        results = self.query_one(ResultsList)
        results.show_items(items)
        empty = self.query_one("#results-empty", Static)
        empty.display = not items
        empty.update(Content(placeholder))
        results.display = bool(items)
