"""The line above the panes until the catalog is read: the build's progress, or why it failed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, ProgressBar

from tui.model.controls import visible


class LoadingBox(Vertical):
    def compose(self) -> ComposeResult:
        yield Label("Opening the store…", id="loading-label")
        yield ProgressBar(id="loading-bar", show_eta=False)

    def show_progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#loading-label", Label).update(Content(f"Building the store: {stage}…"))
        self.query_one("#loading-bar", ProgressBar).update(total=total, progress=done)

    def show_failure(self, error: str) -> None:
        self.query_one("#loading-label", Label).update(
            Content(f"Could not open the store: {visible(error)}")
        )
