"""The main screen's key actions, kept apart from its layout and data flow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model.citation import citation, quote
from tui.model.doctext import visible
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.reader import Reader
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object


class MainActions(_Base):
    """Mixed into MainScreen: one method per binding, and `check_action` to grey some out."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_hit", "prev_hit"):
            return True if self.search.items else None  # shown greyed out until a search
        if action == "filter":
            if self.current_pane in ("sources", "entities") or self.filter_by:
                return True
            return None
        return True

    def action_search(self) -> None:
        if not self.has_class("-searching"):
            self._query_return = self.current_pane
        self.add_class("-searching")
        query = self.query_one("#query")
        query.focus()

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_prev_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, delta: int) -> None:
        from tui.widgets.results_list import ResultsList

        item = self.search.step(delta)
        if item is None:
            self.notify("No search results: press / to search.", severity="warning", markup=False)
            return
        results = self.query_one(ResultsList)
        results.highlighted = self.search.index  # previews, via ResultsList.Highlighted
        self.open_in_reader(item.hit.file, item.offset, focus=True)
        self.paint_highlights()

    def action_copy(self) -> None:
        text = self.quote_markdown()
        if text is None:
            self.notify("Nothing to quote here: select a passage, an event or a hit.",
                        severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(_shorten(text), title="Copied quote", markup=False)

    def action_copy_citation(self) -> None:
        text = self.citation_for_pane()
        if text is None:
            self.notify("No source selected to cite.", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(_shorten(text), title="Copied citation", markup=False)

    def quote_for_pane(self) -> tuple[str, str] | None:
        """(text, file) of what `y` quotes in the current pane, or None."""
        if self.current_pane == "reader":
            reader = self.query_one(Reader)
            passage = reader.current_passage
            if reader.doc is not None and passage is not None:
                return reader.doc.text.text[passage.start:passage.end], reader.doc.file
        elif self.current_pane == "results":
            item = self.search.current
            if item is not None:
                return item.passage_text, item.hit.file
        elif self.current_pane == "chronology" and self.catalog:
            event_id = self.query_one(ChronologyList).highlighted_id
            event = self.catalog.by_event.get(event_id or "")
            if event is not None:
                return event.quote, event.file
        return None

    def citation_for_pane(self) -> str | None:
        quoted = self.quote_for_pane()
        file = quoted[1] if quoted else None
        if self.current_pane == "sources":
            file = self.query_one(SourceList).highlighted_id
        if file is None:
            doc = self.query_one(Reader).doc
            file = doc.file if doc else None
        if file is None or self.catalog is None or file not in self.catalog.by_file:
            return None
        return citation(self.catalog.by_file[file])

    def quote_markdown(self) -> str | None:
        quoted = self.quote_for_pane()
        if quoted is None or self.catalog is None or quoted[1] not in self.catalog.by_file:
            return None
        return quote(quoted[0], self.catalog.by_file[quoted[1]])

    def action_filter(self) -> None:
        from tui.widgets.entity_list import EntityList

        if self.catalog is None:
            return
        chosen: tuple[str, str, str] | None = None
        if self.current_pane == "sources":
            file = self.query_one(SourceList).highlighted_id
            if file:
                chosen = ("source", file, self.catalog.source_title(file))
        elif self.current_pane == "entities":
            entity_id = self.query_one(EntityList).highlighted_id
            if entity_id in self.catalog.by_entity:
                chosen = ("entity", entity_id, self.catalog.by_entity[entity_id].name)
        if chosen is None or chosen == self.filter_by:
            self.filter_by = None
            self.notify("Chronology shows every event.", title="Filter cleared", markup=False)
        else:
            self.filter_by = chosen
            self.notify(f"Chronology: only events with {visible(chosen[2])}.", title="Filter", markup=False)
        self.refresh_chronology()
        self.refresh_bindings()

    def action_toggle_entities(self) -> None:
        self.show_entities = not self.show_entities
        self.paint_highlights()

    def action_pane(self, pane: str) -> None:
        if pane == "results" and not self.search.query:
            self.notify("No search yet: press / to search.", severity="warning", markup=False)
            return
        self.focus_pane(pane)

    def action_next_pane(self) -> None:
        self._cycle(+1)

    def action_prev_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, delta: int) -> None:
        order = self.pane_order()
        index = order.index(self.current_pane) if self.current_pane in order else 0
        self.focus_pane(order[(index + delta) % len(order)])

    def action_back(self) -> None:
        """Esc: close the query line, else leave the reader or results, else clear the filter."""
        if self.has_class("-searching"):
            self.close_query()
        elif self.current_pane == "reader":
            self.focus_pane(self._return_pane if self._return_pane != "reader" else "sources")
        elif self.current_pane == "results":
            self.focus_pane("chronology")
        elif self.filter_by is not None:
            self.filter_by = None
            self.refresh_chronology()


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
