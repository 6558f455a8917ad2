"""The main screen's reaction to moving through its lists: the reader follows the selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.screen import Screen
from textual.widgets import Input, OptionList

from tui.widgets.entity_list import EntityList

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = Screen  # a MessagePump class, so Textual collects the `@on` handlers below


class MainSelection(_Base):
    """Mixed into MainScreen: highlighted items preview in the reader, Enter opens them."""

    @on(OptionList.OptionHighlighted, "#sources")
    def preview_source(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id and self.catalog and self.current_pane == "sources":
            self.open_in_reader(event.option_id)

    @on(OptionList.OptionSelected, "#sources")
    def read_source(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.open_in_reader(event.option_id, focus=True)

    @on(OptionList.OptionHighlighted, "#chronology")
    def preview_event(self, event: OptionList.OptionHighlighted) -> None:
        if self.catalog and event.option_id in self.catalog.by_event and \
                self.current_pane == "chronology":
            chosen = self.selected_event = self.catalog.by_event[event.option_id]
            self.jump_target = None
            self.open_in_reader(chosen.file, chosen.start)

    @on(OptionList.OptionSelected, "#chronology")
    def open_event_view(self, event: OptionList.OptionSelected) -> None:
        if self.catalog and event.option_id in self.catalog.by_event:
            self.show_event(self.catalog.by_event[event.option_id])

    @on(OptionList.OptionHighlighted, "#entities")
    def highlight_entity_mentions(self, event: OptionList.OptionHighlighted) -> None:
        if self.catalog and event.option_id in self.catalog.by_entity and \
                self.current_pane == "entities":
            self.selected_entity = event.option_id
            self.paint_highlights()

    @on(OptionList.OptionSelected, "#entities")
    def open_entity_view(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.show_entity(event.option_id)

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

    @on(OptionList.OptionHighlighted, "#results")
    def preview_hit(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id is not None and self.search.items and self.current_pane == "results":
            item = self.search.go(int(event.option_id))
            self.open_in_reader(item.hit.file, item.offset)
            self.paint_highlights()

    @on(OptionList.OptionSelected, "#results")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is not None and self.search.items:
            item = self.search.go(int(event.option_id))
            self.open_in_reader(item.hit.file, item.offset, focus=True)
