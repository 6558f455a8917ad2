"""The main screen: Sources, Chronology, Entities, search Results and the Reader.

Wide terminals show the panes side by side; below `NARROW` columns only the current pane is
shown under a tab bar, and Tab/Shift+Tab (or 1-5) move between them either way. The screen
owns the state (catalog, search cursor, filters); widgets only draw and report; every store
call runs in a named thread worker of this screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, ProgressBar, Static, Tab, Tabs
from textual.worker import Worker, get_current_worker

from store.storage.db import Store
from store.models import Event
from tui.model.catalog import Catalog
from tui.model.citation import published_label
from tui.model.doctext import visible
from tui.model.hits import HitCursor
from tui.model.reader_doc import ReaderDoc
from tui.model.results import ResultItem
from tui.screens.main_actions import MainActions
from tui.screens.main_search import MainSearch
from tui.screens.main_selection import MainSelection
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.entity_list import EntityList
from tui.widgets.reader import Reader
from tui.widgets.results_list import ResultsList
from tui.widgets.source_list import SourceList
from tui.worker_errors import notify_failure

NARROW = 120
PANES = ("sources", "chronology", "results", "entities", "reader")
TITLES = {"sources": "Sources", "chronology": "Chronology", "results": "Results",
          "entities": "Entities", "reader": "Reader"}
NUMBERED = ("sources", "chronology", "entities", "reader", "results")  # keys 1-5


class MainScreen(MainActions, MainSearch, MainSelection, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", tooltip="Open the query line",
                id="dossier.search"),
        Binding("n", "next_hit", "Next hit", tooltip="Next search hit, across documents",
                id="dossier.next_hit"),
        Binding("N", "prev_hit", "Prev hit", show=False, id="dossier.prev_hit"),
        Binding("y", "copy", "Copy quote", tooltip="Copy a Markdown quote with its citation",
                id="dossier.copy"),
        Binding("Y", "copy_citation", "Copy citation", show=False,
                id="dossier.copy_citation"),
        Binding("f", "filter", "Filter", tooltip="Filter the chronology by the selection",
                id="dossier.filter"),
        Binding("e", "toggle_entities", "Entities", show=False,
                tooltip="Colour every entity mention by type", id="dossier.toggle_entities"),
        Binding("tab", "next_pane", "Next pane", show=False, id="dossier.next_pane"),
        Binding("shift+tab", "prev_pane", "Previous pane", show=False, id="dossier.prev_pane"),
        Binding("escape", "back", "Back", show=False, id="dossier.back"),
        *[Binding(str(i + 1), f"pane('{name}')", TITLES[name], show=False,
                  id=f"dossier.pane_{name}") for i, name in enumerate(NUMBERED)],
    ]

    class Loaded(Message):
        """The store is open and the catalog read."""

        def __init__(self, catalog: Catalog) -> None:
            super().__init__()
            self.catalog = catalog

    class Progressed(Message):
        """A build stage advanced (posted from the build thread)."""

        def __init__(self, stage: str, done: int, total: int) -> None:
            super().__init__()
            self.stage, self.done, self.total = stage, done, total

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.Progressed)

    class DocLoaded(Message):
        def __init__(self, doc: ReaderDoc, offset: int | None, focus: bool, request: int) -> None:
            super().__init__()
            self.doc, self.offset, self.focus, self.request = doc, offset, focus, request

    class Searched(Message):
        def __init__(self, query: str, items: list[ResultItem], total: int) -> None:
            super().__init__()
            self.query, self.items, self.total = query, items, total

    def __init__(self, store: Store, corpus_dir: Path | None) -> None:
        super().__init__()
        self.store = store
        self.corpus_dir = corpus_dir
        self.catalog: Catalog | None = None
        self.docs: dict[str, ReaderDoc] = {}
        self.search = HitCursor()
        self.current_pane = "sources"
        self.middle = "chronology"
        self.filter_by: tuple[str, str, str] | None = None  # kind, id, label
        self.selected_entity: str | None = None
        self.selected_event: Event | None = None
        self.jump_target: tuple[str, int, int] | None = None  # where a detail view sent us
        self.show_entities = False
        self._return_pane = "sources"  # where Esc in the reader goes back to
        self._opening = 0  # number of the latest open_in_reader request
        self._query_return = "sources"  # where Esc on the query line goes back to

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Tabs(*[Tab(TITLES[p], id=f"tab-{p}") for p in PANES], id="pane-tabs")
        with Vertical(id="loading"):
            yield Label("Opening the store…", id="loading-label")
            yield ProgressBar(id="loading-bar", show_eta=False)
        with Container(id="panes"):
            with Vertical(id="pane-sources", classes="pane -current"):
                yield SourceList(id="sources")
            with Vertical(id="pane-chronology", classes="pane"):
                yield ChronologyList(id="chronology")
            with Vertical(id="pane-results", classes="pane"):
                yield Static("", id="results-empty")
                yield ResultsList(id="results")
            with Vertical(id="pane-reader", classes="pane"):
                yield Reader(id="reader")
            with Vertical(id="pane-entities", classes="pane"):
                yield Input(placeholder="filter entities…", id="entity-filter")
                yield EntityList(id="entities")
        with Vertical(id="query-box"):
            yield Input(placeholder="search: words, \"a phrase\", word*, word~ …", id="query")
            yield Static("", id="query-error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#pane-tabs", Tabs).can_focus = False
        for pane in PANES:
            self.query_one(f"#pane-{pane}").border_title = TITLES[pane]
        self._apply_layout()
        self.query_one(SourceList).focus()
        # Start reading (and building) only once the first frame is out: the worker's imports
        # and JSON parsing would otherwise compete with it for the interpreter.
        self.call_after_refresh(self.load_store)

    def on_resize(self) -> None:
        self._apply_layout()

    @property
    def narrow(self) -> bool:
        return self.size.width < NARROW

    def _apply_layout(self) -> None:
        self.set_class(self.narrow, "-narrow")
        self.set_class(not self.narrow and self.middle == "results", "-middle-results")
        for pane in PANES:
            self.query_one(f"#pane-{pane}").set_class(pane == self.current_pane, "-current")
        tabs = self.query_one("#pane-tabs", Tabs)
        tab_id = f"tab-{self.current_pane}"
        if tabs.active != tab_id:
            tabs.active = tab_id

    def pane_order(self) -> list[str]:
        return [p for p in PANES if p != "results" or self.search.query]

    def focus_pane(self, pane: str) -> None:
        """Make `pane` current (visible when narrow) and focus its main widget."""
        self._enter_pane(pane)
        target = {"sources": "#sources", "chronology": "#chronology", "results": "#results",
                  "entities": "#entity-filter", "reader": "#reader"}[pane]
        self.set_focus(self.query_one(target))  # now, not after queued keys

    def on_descendant_focus(self) -> None:
        """A click or a widget moved focus: the pane holding it becomes current."""
        node = self.focused
        while node is not None and not (node.id or "").startswith("pane-"):
            node = node.parent  # type: ignore[assignment]
        if node is not None and node.id:
            pane = node.id.removeprefix("pane-")
            if pane != self.current_pane:
                self._enter_pane(pane)

    def _enter_pane(self, pane: str) -> None:
        """Make `pane` current and show its highlighted item in the reader."""
        if pane == self.current_pane:
            self._apply_layout()
            return
        if pane == "reader":
            self._return_pane = self.current_pane
        self.current_pane = pane
        if pane in ("chronology", "results"):
            self.middle = pane
        self._apply_layout()
        self.preview_highlighted()

    def preview_highlighted(self) -> None:
        """The reader follows the list the user is in: its highlighted source, event or hit."""
        if self.catalog is None:
            return
        pane = self.current_pane
        if pane == "sources":
            file = self.query_one(SourceList).highlighted_id
            if file:
                self.open_in_reader(file)
        elif pane == "chronology":
            event = self.catalog.by_event.get(self.query_one(ChronologyList).highlighted_id or "")
            if event is not None:
                self.selected_event, self.jump_target = event, None
                self.open_in_reader(event.file, event.start)
        elif pane == "results" and self.search.current is not None:
            item = self.search.current
            self.open_in_reader(item.hit.file, item.offset)
        elif pane == "entities":
            entity = self.query_one(EntityList).highlighted_id
            if entity in self.catalog.by_entity:
                self.selected_entity = entity
                self.paint_highlights()

    @on(Tabs.TabActivated, "#pane-tabs")
    def switch_pane_from_tab_bar(self, event: Tabs.TabActivated) -> None:
        pane = (event.tab.id or "").removeprefix("tab-")
        if pane and pane != self.current_pane:
            self.focus_pane(pane)

    # -- loading ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False,
          description="open the store")
    def load_store(self) -> None:
        """Build the store when missing or stale (with progress), open it, read the catalog."""
        if self.corpus_dir is not None:
            from store.build import ensure_built

            def progress(stage: str, done: int, total: int) -> None:
                self.post_message(self.Progressed(stage, done, total))

            ensure_built(self.corpus_dir, self.store, progress=progress)
        self.store.open()
        catalog = Catalog.load(self.store)
        from store.search import load_index

        load_index(self.store)  # map (or rebuild) the index now, so the first search is quick
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(catalog))

    def on_main_screen_progressed(self, message: Progressed) -> None:
        label = self.query_one("#loading-label", Label)
        label.update(Content(f"Building the store: {message.stage}…"))
        self.query_one("#loading-bar", ProgressBar).update(total=message.total,
                                                           progress=message.done)

    def on_main_screen_loaded(self, message: Loaded) -> None:
        catalog = self.catalog = message.catalog
        self.app.catalog = catalog  # type: ignore[attr-defined]
        self.query_one("#loading").display = False
        self.query_one(SourceList).show_catalog(catalog)
        self.query_one(EntityList).show_catalog(catalog)
        self.refresh_chronology()
        self.query_one("#pane-sources").border_title = f"Sources ({len(catalog.sources)})"
        self.query_one("#pane-entities").border_title = f"Entities ({len(catalog.entities)})"
        if not catalog.sources:
            self.notify("The corpus has no documents (.txt, .md, .html).", severity="warning", markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if notify_failure(self, event.worker) and event.worker.group == "load":
            self.query_one("#loading-label", Label).update(
                Content(f"Could not open the store: {visible(str(event.worker.error))}"))

    # -- chronology ---------------------------------------------------------------------------
    def refresh_chronology(self) -> None:
        if self.catalog is None:
            return
        kind, key, label = self.filter_by or ("", "", "")
        rows = self.catalog.chronology(entity=key if kind == "entity" else None,
                                       file=key if kind == "source" else None)
        self.query_one(ChronologyList).show_rows(self.catalog, rows)
        title = f"Chronology ({len(rows)})"
        if self.filter_by:
            title = f"Chronology · {visible(label)} ({len(rows)})"
        self.query_one("#pane-chronology").border_title = title

    # -- the reader ---------------------------------------------------------------------------
    def open_in_reader(self, file: str, offset: int | None = None, *, focus: bool = False) -> None:
        """Show `file` at `offset`; loads it in the reader worker unless already cached."""
        self._opening += 1  # a slower load of an earlier request must not win
        doc = self.docs.get(file)
        if doc is not None:
            self._show_doc(doc, offset, focus)
        else:
            self.load_doc(file, offset, focus, self._opening)

    @work(thread=True, exclusive=True, group="reader", exit_on_error=False,
          description="open the document")
    def load_doc(self, file: str, offset: int | None, focus: bool, request: int) -> None:
        types = {e.id: e.type for e in self.catalog.entities} if self.catalog else {}
        doc = ReaderDoc.load(self.store, file, types)
        if not get_current_worker().is_cancelled:
            self.post_message(self.DocLoaded(doc, offset, focus, request))

    def on_main_screen_doc_loaded(self, message: DocLoaded) -> None:
        self.docs[message.doc.file] = message.doc
        if message.request == self._opening:
            self._show_doc(message.doc, message.offset, message.focus)

    def _show_doc(self, doc: ReaderDoc, offset: int | None, focus: bool) -> None:
        reader = self.query_one(Reader)
        reader.show(doc, offset)
        self.paint_highlights()
        if focus:
            self.focus_pane("reader")

    def paint_highlights(self) -> None:
        """Give the reader every highlight that applies to the document it shows."""
        reader = self.query_one(Reader)
        doc = reader.doc
        if doc is None:
            return
        current = self.search.current
        event = self.selected_event
        entity = self.selected_entity
        pointed: tuple[int, int] | None = None
        if event is not None and event.file == doc.file:
            pointed = (event.start, event.end)
        elif self.jump_target is not None and self.jump_target[0] == doc.file:
            pointed = self.jump_target[1:]
        reader.set_highlights(
            hits=self.search.ranges_in(doc.file),
            current_hit=list(current.hit.highlights) if current and current.hit.file == doc.file
            else [],
            event_span=pointed,
            entity_spans=[(m.start, m.end) for m in doc.mentions if m.entity == entity],
            show_entities=self.show_entities,
        )
        self.update_reader_title()

    def update_reader_title(self) -> None:
        pane = self.query_one("#pane-reader")
        doc = self.query_one(Reader).doc
        if doc is None:
            return
        source = doc.source
        title = visible(source.title) if source else doc.file
        pane.border_title = f"{title} · {published_label(source)}"
        parts = []
        if self.search.items:
            parts.append(f"hit {self.search.counter}")
        if self.show_entities:
            parts.append("entities shown")
        pane.border_subtitle = " · ".join(parts)
        results = self.query_one("#pane-results")
        results.border_title = f"Results · {visible(self.search.query)}"
        results.border_subtitle = self.search.counter

    # -- pushing the detail screens -----------------------------------------------------------
    def show_entity(self, entity_id: str) -> None:
        from tui.screens.entity import EntityScreen

        if self.catalog is not None:
            self.app.push_screen(EntityScreen(self.store, self.catalog, entity_id),
                                 callback=self.jump_from_detail)

    def show_event(self, event: Event) -> None:
        from tui.screens.event import EventScreen

        if self.catalog is not None:
            self.app.push_screen(EventScreen(self.store, self.catalog, event),
                                 callback=self.jump_from_detail)

    def jump_from_detail(self, target: tuple[str, int, int] | None) -> None:
        """A detail screen closed on a place in a document: open the reader there."""
        if target is None:
            return
        file, start, _end = target
        self.selected_event = None
        self.jump_target = target
        self.open_in_reader(file, start, focus=True)
