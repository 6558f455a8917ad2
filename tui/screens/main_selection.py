"""The main screen's reaction to moving through its lists: the reader follows the selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.screen import Screen
from textual.widgets import Input

from tui.widgets.chronology_list import ChronologyList
from tui.widgets.entity_list import EntityList
from tui.widgets.results_list import ResultsList
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = Screen  # a MessagePump class, so Textual collects the `@on` handlers below


class MainSelection(_Base):
    """Mixed into MainScreen: highlighted items preview in the reader, Enter opens them."""

    @on(SourceList.Highlighted)
    def preview_source(self, message: SourceList.Highlighted) -> None:
        if message.file and self.catalog and self.current_pane == "sources":
            self.open_in_reader(message.file)

    @on(SourceList.Chosen)
    def read_source(self, message: SourceList.Chosen) -> None:
        if message.file:
            self.open_in_reader(message.file, focus=True)

    @on(ChronologyList.Highlighted)
    def preview_event(self, message: ChronologyList.Highlighted) -> None:
        if self.catalog and message.event_id in self.catalog.by_event and \
                self.current_pane == "chronology":
            chosen = self.selected_event = self.catalog.by_event[message.event_id]
            self.jump_target = None
            self.open_in_reader(chosen.file, chosen.start)

    @on(ChronologyList.Chosen)
    def open_event_view(self, message: ChronologyList.Chosen) -> None:
        if self.catalog and message.event_id in self.catalog.by_event:
            self.show_event(self.catalog.by_event[message.event_id])

    @on(EntityList.Highlighted)
    def highlight_entity_mentions(self, message: EntityList.Highlighted) -> None:
        if self.catalog and message.entity_id in self.catalog.by_entity and \
                self.current_pane == "entities":
            self.selected_entity = message.entity_id
            self.paint_highlights()

    @on(EntityList.Chosen)
    def open_entity_view(self, message: EntityList.Chosen) -> None:
        if message.entity_id:
            self.show_entity(message.entity_id)

    @on(Input.Changed, "#entity-filter")
    def filter_entities(self, event: Input.Changed) -> None:
        self.query_one(EntityList).filter(event.value)

    @on(Input.Submitted, "#entity-filter")
    def open_first_entity(self, event: Input.Submitted) -> None:
        entities = self.query_one(EntityList)
        if entities.highlighted_id and self.catalog and \
                entities.highlighted_id in self.catalog.by_entity:
            self.show_entity(entities.highlighted_id)

    def on_key(self, event: events.Key) -> None:
        """Down in the entity filter steps into the list below it (where j/k/f/e work)."""
        if event.key == "down" and self.focused is self.query_one("#entity-filter"):
            self.query_one(EntityList).focus()
            event.stop()

    @on(ResultsList.Highlighted)
    def preview_hit(self, message: ResultsList.Highlighted) -> None:
        if self.search.items and self.current_pane == "results":
            item = self.search.go(message.index)
            self.open_in_reader(item.hit.file, item.offset)
            self.paint_highlights()

    @on(ResultsList.Chosen)
    def open_hit(self, message: ResultsList.Chosen) -> None:
        if self.search.items:
            item = self.search.go(message.index)
            self.open_in_reader(item.hit.file, item.offset, focus=True)
