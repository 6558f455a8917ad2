"""The Entities pane: a filter line over the entity list."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from tui.widgets.entity_list import EntityList


class EntityPane(Vertical):
    """Typing filters the list; Enter chooses its highlighted entity; Down steps into it (where
    j/k/f/e work). The choice reaches the screen as the list's own `EntityList.Chosen`."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter entities…", id="entity-filter")
        yield EntityList(id="entities")

    @on(Input.Changed)
    def _filter_list(self, event: Input.Changed) -> None:
        self.query_one(EntityList).filter(event.value)

    @on(Input.Submitted)
    def _choose_highlighted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(EntityList).action_select()

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.query_one(Input).has_focus:
            self.query_one(EntityList).focus()
            event.stop()
