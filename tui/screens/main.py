"""The main screen: Sources, Chronology, Entities, search Results and the Reader.

Wide terminals show the panes side by side; below `NARROW` columns only the current pane is
shown under a tab bar, and Tab/Shift+Tab (or 1-5) move between them either way. What the screen
knows and decides lives in its `MainModel` (tui/model/main.py); the screen reads its widgets
into a `Selection`, carries the model's answers out, and runs every store call in a named
thread worker. Widgets only draw and report. Titles that hold text from a file (a document
title, an entity name, a query) are set as Content, never as a markup string.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Tab, Tabs
from textual.worker import Worker, get_current_worker

from store.errors import QueryError
from store.models import Event
from store.storage.db import Store
from tui.model.catalog import Catalog
from tui.model.citation import published_label
from tui.model.controls import visible
from tui.model.layout import NARROW, pane_widths
from tui.model.main import NUMBERED, PANES, TITLES, MainModel, Preview, Selection, Target, shorten
from tui.model.reader_doc import ReaderDoc
from tui.model.results import ResultItem, result_items, sentence_of
from tui.screens.curation import CurationFlow
from tui.screens.timeline_keys import TIMELINE_BINDINGS, TimelineKeys
from tui.screens.writing import WritingScreen
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.entity_list import EntityList
from tui.widgets.entity_pane import EntityPane
from tui.widgets.loading_box import LoadingBox
from tui.widgets.notes_list import NotesList
from tui.widgets.notes_pane import NotesPane
from tui.widgets.query_box import QueryBox
from tui.widgets.quiet_footer import QuietFooter
from tui.widgets.reader import Reader
from tui.widgets.results_list import ResultsList
from tui.widgets.results_pane import ResultsPane
from tui.widgets.source_list import SourceList
from tui.widgets.timeline_strip import TimelineStrip
from tui.worker_errors import notify_failure

SEARCH_LIMIT = 500
FOCUS = {
    "sources": "#sources",
    "chronology": "#chronology",
    "results": "#results",
    "entities": "#entity-filter",
    "notes": "#notes-filter",
    "reader": "#reader",
}  # what each pane focuses first


class MainScreen(WritingScreen, TimelineKeys):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", tooltip="Open the query line", id="dossier.search"),
        Binding(
            "n",
            "next_hit",
            "Next hit",
            tooltip="Next search hit, across documents",
            id="dossier.next_hit",
        ),
        Binding("N", "prev_hit", "Prev hit", show=False, id="dossier.prev_hit"),
        Binding(
            "y",
            "copy",
            "Copy quote",
            tooltip="Copy a Markdown quote with its citation",
            id="dossier.copy",
        ),
        Binding("Y", "copy_citation", "Copy citation", show=False, id="dossier.copy_citation"),
        Binding(
            "f",
            "filter",
            "Filter",
            tooltip="Filter the chronology by the selection",
            id="dossier.filter",
        ),
        Binding(
            "e",
            "toggle_entities",
            "Entities",
            show=False,
            tooltip="Colour every entity mention by type",
            id="dossier.toggle_entities",
        ),
        Binding("tab", "next_pane", "Next pane", show=False, id="dossier.next_pane"),
        Binding("shift+tab", "prev_pane", "Previous pane", show=False, id="dossier.prev_pane"),
        Binding("escape", "back", "Back", show=False, id="dossier.back"),
        *[
            Binding(
                str(i + 1), f"pane('{name}')", TITLES[name], show=False, id=f"dossier.pane_{name}"
            )
            for i, name in enumerate(NUMBERED)
        ],
        *TIMELINE_BINDINGS,
    ]

    @dataclass
    class Loaded(Message):
        """The store is open and the catalog read (it bubbles on to the app, which keeps it)."""

        catalog: Catalog

    @dataclass
    class Progressed(Message):
        """A build stage advanced (posted from the build thread)."""

        stage: str
        done: int
        total: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.Progressed)

    @dataclass
    class DocLoaded(Message):
        """The reader worker read `doc` for the open_in_reader call numbered `request`."""

        doc: ReaderDoc
        offset: int | None
        focus: bool
        request: int

    @dataclass
    class Searched(Message):
        query: str
        items: list[ResultItem]
        total: int

    @dataclass
    class Rebuilt(Message):
        """The corpus changed on disk and the watcher rebuilt the store: `store` is the new one,
        open, with its catalog read."""

        store: Store
        catalog: Catalog
        changed: list[str]
        extracted: int

    def __init__(
        self,
        store: Store,
        corpus_dir: Path | None,
        userdata_path: Path | None = None,
        *,
        watch: bool = True,
    ) -> None:
        super().__init__()
        self.store = store
        self.corpus_dir = corpus_dir
        self.watching = watch and corpus_dir is not None
        from store.userdata.data import UserData

        self.userdata = UserData(userdata_path) if userdata_path is not None else None
        self.notes_query, self.notes_group = "", "source"
        self.model = MainModel()
        self.docs: dict[str, ReaderDoc] = {}
        self._opening = 0  # number of the latest open_in_reader request
        self._columns = ""  # the grid columns last set
        self._opened_from = "sources"  # the pane current when the latest document was asked for
        self._stop_watching = threading.Event()

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Tabs(*[Tab(TITLES[p], id=f"tab-{p}") for p in PANES], id="pane-tabs")
        yield LoadingBox(id="loading")
        with Container(id="panes"):
            with Vertical(id="pane-sources", classes="pane -current"):
                yield SourceList(id="sources")
            with Vertical(id="pane-chronology", classes="pane"):
                yield TimelineStrip(id="timeline")
                yield ChronologyList(id="chronology")
            yield ResultsPane(id="pane-results", classes="pane")
            yield NotesPane(id="pane-notes", classes="pane")  # the middle column too, when chosen
            with Vertical(id="pane-reader", classes="pane"):
                yield Reader(id="reader")
            yield EntityPane(id="pane-entities", classes="pane")
        yield QueryBox(id="query-box")
        yield QuietFooter()

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
        current = self.model.current_pane
        self.set_class(self.narrow, "-narrow")
        widths = pane_widths(self.size.width)
        columns = "1fr" if self.narrow else f"{widths.sources} {widths.middle} 1fr"
        if columns != self._columns:  # sized by content: see tui/model/layout.py
            self._columns = columns
            self.query_one("#panes").styles.grid_columns = columns
        self.set_class(self.model.results_in_middle(self.narrow), "-middle-results")
        self.set_class(self.model.notes_in_middle(self.narrow), "-middle-notes")
        if self.narrow:  # only the narrow layout styles -current (a restyle of the pane)
            for pane in PANES:
                self.query_one(f"#pane-{pane}").set_class(pane == current, "-current")
        tabs = self.query_one("#pane-tabs", Tabs)
        if tabs.active != f"tab-{current}":
            tabs.active = f"tab-{current}"

    def focus_pane(self, pane: str) -> None:
        """Make `pane` current (visible when narrow) and focus its main widget."""
        self._enter_pane(pane)
        self.set_focus(self.query_one(FOCUS[pane]))  # now, not after queued keys

    def on_descendant_focus(self) -> None:
        """A click or a widget moved focus: the pane holding it becomes current."""
        around = self.focused.ancestors_with_self if self.focused is not None else []
        pane = next(
            (n.id.removeprefix("pane-") for n in around if n.id and n.id.startswith("pane-")), None
        )
        if pane is not None and pane != self.model.current_pane:
            self._enter_pane(pane)

    def _enter_pane(self, pane: str) -> None:
        """Make `pane` current and show its highlighted item in the reader."""
        changed = self.model.enter(pane)
        self._apply_layout()
        if changed:
            self.preview_highlighted()

    @on(Tabs.TabActivated, "#pane-tabs")
    def switch_pane_from_tab_bar(self, event: Tabs.TabActivated) -> None:
        pane = (event.tab.id or "").removeprefix("tab-")
        if pane and pane != self.model.current_pane:
            self.focus_pane(pane)

    # -- the reader follows the list the user is in -------------------------------------------
    def preview_highlighted(self) -> None:
        """On entering a pane: its highlighted source, event, hit or entity. (Each `preview_*`
        of the model answers only for the current pane, so at most one of these acts.)"""
        if self.model.catalog is None:
            return
        self.preview(self.model.preview_source(self.query_one(SourceList).highlighted_id))
        self.preview(self.model.preview_event(self.query_one(ChronologyList).highlighted_id))
        self.preview(self.model.preview_hit(self._results_cursor()))
        if self.model.preview_entity(self.query_one(EntityList).highlighted_id):
            self.paint_highlights()
        entry = self.query_one(NotesList).highlighted_entry
        if self.model.current_pane == "notes" and entry is not None:
            self.on_notes_list_highlighted(NotesList.Highlighted(entry))

    def _results_cursor(self) -> int:
        results = self.query_one(ResultsList)
        return results.highlighted if results.highlighted is not None else -1

    def preview(self, where: Preview | None) -> bool:
        if where is not None:
            self.open_in_reader(where.file, where.offset)
        return where is not None

    @on(SourceList.Highlighted)
    def preview_source(self, message: SourceList.Highlighted) -> None:
        self.preview(self.model.preview_source(message.file))

    @on(ChronologyList.Highlighted)
    def preview_event(self, message: ChronologyList.Highlighted) -> None:
        self.preview(self.model.preview_event(message.event_id))

    @on(ResultsList.Highlighted)
    def preview_hit(self, message: ResultsList.Highlighted) -> None:
        if self.preview(self.model.preview_hit(message.index)):
            self.paint_highlights()

    @on(EntityList.Highlighted)
    def mark_entity_mentions(self, message: EntityList.Highlighted) -> None:
        if self.model.preview_entity(message.entity_id):
            self.paint_highlights()

    @on(SourceList.Chosen)
    def read_source(self, message: SourceList.Chosen) -> None:
        self.open_in_reader(message.file, focus=True)

    @on(ChronologyList.Chosen)
    def open_event_view(self, message: ChronologyList.Chosen) -> None:
        event = self.model.catalog.by_event.get(message.event_id) if self.model.catalog else None
        if event is not None:
            self.show_event(event)

    @on(ResultsList.Chosen)
    def open_hit(self, message: ResultsList.Chosen) -> None:
        if self.model.search.items:
            item = self.model.search.go(message.index)
            self.open_in_reader(item.hit.file, item.offset, focus=True)

    @on(EntityList.Chosen)
    def open_entity_view(self, message: EntityList.Chosen) -> None:
        self.show_entity(message.entity_id)

    @on(EntityList.CurationAsked)
    def curate_entity(self, message: EntityList.CurationAsked) -> None:
        catalog = self.model.catalog
        if catalog is not None:
            entity = catalog.by_entity.get(message.entity_id or "")
            self.curation(catalog).start(message.verb, entity)

    def curation(self, catalog: Catalog) -> CurationFlow:
        """An edit of entities.yaml; when written, the store is rebuilt and read again."""
        return CurationFlow(self, self.corpus_dir, self.store.path, catalog.entities, self.curated)

    def curated(self, what: str) -> None:
        self.notify(what, title="entities.yaml", markup=False)
        self.store.close()
        self.query_one("#loading").display = True
        self.load_store()

    def selection(self) -> Selection:
        """What the widgets have under their cursors, for the model to decide on."""
        reader = self.query_one(Reader)
        doc, span = reader.doc, reader.quote_span()
        passage = doc.passage_at(span[0]) if doc is not None and span is not None else None
        return Selection(
            source=self.query_one(SourceList).highlighted_id,
            event=self.query_one(ChronologyList).highlighted_id,
            entity=self.query_one(EntityList).highlighted_id,
            passage=(doc.text.text[span[0] : span[1]], doc.file)
            if doc is not None and span is not None and span[1] > span[0]
            else None,
            document=doc.file if doc is not None else None,
            passage_start=span[0] if span is not None else None,
            passage_index=passage.index if passage is not None else None,
            note=self._note_quote(),
        )

    def _note_quote(self) -> tuple[str, str, int] | None:
        entry = self.model.marks.entry(self.query_one(NotesList).highlighted_entry or "")
        if entry is None or entry.anchor.file is None:
            return None
        return entry.anchor.exact, entry.anchor.file, entry.anchor.start

    # -- loading ------------------------------------------------------------------------------
    @work(
        thread=True, exclusive=True, group="load", exit_on_error=False, description="open the store"
    )
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
        self.query_one(LoadingBox).show_progress(message.stage, message.done, message.total)

    def on_main_screen_loaded(self, message: Loaded) -> None:
        self.show_catalog(message.catalog)
        if self.watching:
            self.watch_corpus()

    def show_catalog(self, catalog: Catalog) -> None:
        self.model.catalog = catalog
        self.query_one("#loading").display = False
        self.query_one(SourceList).show_catalog(catalog)
        self.query_one(EntityList).show_catalog(catalog)
        self.refresh_chronology()
        self.query_one("#pane-sources").border_title = f"Sources ({len(catalog.sources)})"
        self.query_one("#pane-entities").border_title = f"Entities ({len(catalog.entities)})"
        self.use_citation_style(None)
        self.load_userdata()
        if not catalog.sources:
            self.notify(
                "The corpus has no documents (.txt, .md, .html).", severity="warning", markup=False
            )

    # -- watching the corpus ------------------------------------------------------------------
    @work(
        thread=True,
        exclusive=True,
        group="watch",
        exit_on_error=False,
        description="watch the corpus",
    )
    def watch_corpus(self) -> None:
        """Rebuild (incrementally) when documents or manifests change, into a new Store that
        the screen swaps in: searches and views running meanwhile keep reading the old one."""
        from store.build import ensure_built
        from store.pipeline.watch import changes
        from store.search import load_index

        assert self.corpus_dir is not None
        worker = get_current_worker()
        for paths in changes(self.corpus_dir, self._stop_watching, idle=True):
            if worker.is_cancelled or not self.is_attached:
                return
            if not paths:
                continue
            fresh = Store(self.store.path)
            report = ensure_built(self.corpus_dir, fresh)
            if not report.built:
                continue
            fresh.open()
            catalog = Catalog.load(fresh)
            load_index(fresh)
            if not worker.is_cancelled:
                self.post_message(self.Rebuilt(fresh, catalog, paths, report.extracted))

    def on_main_screen_rebuilt(self, message: Rebuilt) -> None:
        self.store = message.store
        self.docs.clear()
        self.show_catalog(message.catalog)  # the message bubbles on: the app keeps the catalog
        shown = ", ".join(message.changed[:3])
        if len(message.changed) > 3:
            shown += f" and {len(message.changed) - 3} more"
        self.notify(
            f"{shown} changed: the store is rebuilt ({message.extracted} read again).",
            title="Corpus changed",
            markup=False,
        )

    def on_unmount(self) -> None:
        self._stop_watching.set()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if notify_failure(self, event.worker) and event.worker.group == "load":
            self.query_one(LoadingBox).show_failure(str(event.worker.error))

    def refresh_chronology(self) -> None:
        if self.model.catalog is None:
            return
        rows = self.model.chronology_rows()
        self.query_one(ChronologyList).show_rows(self.model.catalog, rows)
        self.query_one(TimelineStrip).show_rows(rows)
        self.query_one("#pane-chronology").border_title = Content(
            self.model.chronology_title(len(rows))
        )

    # -- the reader ---------------------------------------------------------------------------
    def open_in_reader(self, file: str, offset: int | None = None, *, focus: bool = False) -> None:
        """Show `file` at `offset`; loads it in the reader worker unless already cached."""
        self._opening += 1  # a slower load of an earlier request must not win
        self._opened_from = self.model.current_pane
        doc = self.docs.get(file)
        if doc is not None:
            self._show_doc(doc, offset, focus)
        else:
            self.load_doc(file, offset, focus, self._opening, self.query_one(Reader).text_width)

    @work(
        thread=True,
        exclusive=True,
        group="reader",
        exit_on_error=False,
        description="open the document",
    )
    def load_doc(
        self, file: str, offset: int | None, focus: bool, request: int, width: int
    ) -> None:
        catalog = self.model.catalog
        types = {e.id: e.type for e in catalog.entities} if catalog else {}
        doc = ReaderDoc.load(self.store, file, types)
        doc.text.rows(width)  # wrapped here, not on the UI thread when it is shown
        if not get_current_worker().is_cancelled:
            self.post_message(self.DocLoaded(doc, offset, focus, request))

    def on_main_screen_doc_loaded(self, message: DocLoaded) -> None:
        self.docs[message.doc.file] = message.doc
        if message.request == self._opening:
            # Focus the reader only if the user is still where the request came from: a slow
            # load must not pull them back after Esc or a pane key.
            moved = self.model.current_pane not in (self._opened_from, "reader")
            self._show_doc(message.doc, message.offset, message.focus and not moved)

    def _show_doc(self, doc: ReaderDoc, offset: int | None, focus: bool) -> None:
        reader = self.query_one(Reader)
        reader.show(doc, offset)
        self.paint_highlights()
        if focus:
            self.focus_pane("reader")

    def paint_highlights(self) -> None:
        """Give the reader every highlight that applies to the document it shows."""
        reader = self.query_one(Reader)
        if reader.doc is None:
            return
        marks = self.model.highlights(reader.doc)
        reader.set_highlights(
            hits=marks.hits,
            current_hit=marks.current_hit,
            event_span=marks.event_span,
            entity_spans=marks.entity_spans,
            show_entities=marks.show_entities,
        )
        self.gutter_marks(reader)
        self.update_reader_title()

    @on(Reader.CursorMoved)
    def show_page_in_title(self) -> None:
        """The reader's current passage moved: its page shows in the title (paged documents)."""
        doc = self.query_one(Reader).doc
        if doc is not None and doc.source is not None and doc.source.pages:
            self.update_reader_title()

    def update_reader_title(self) -> None:
        pane = self.query_one("#pane-reader")
        doc = self.query_one(Reader).doc
        if doc is None:
            return
        passage = self.query_one(Reader).current_passage
        offset = passage.start if passage is not None else None
        pane.border_title = Content(self.model.reader_title(doc, offset))
        pane.border_subtitle = Content(self.model.reader_subtitle(doc.file))
        results = self.query_one("#pane-results")
        results.border_title = Content(self.model.results_title())
        results.border_subtitle = Content(self.model.search.counter)

    # -- the detail views, and what the palette opens -----------------------------------------
    def show_entity(self, entity_id: str) -> None:
        from tui.screens.entity import EntityScreen

        if self.model.catalog is not None:
            self.app.push_screen(
                EntityScreen(self.store, self.model.catalog, entity_id),
                callback=self.jump_from_detail,
            )

    def show_event(self, event: Event) -> None:
        from tui.screens.event import EventScreen

        if self.model.catalog is not None:
            self.app.push_screen(
                EventScreen(self.store, self.model.catalog, event), callback=self.jump_from_detail
            )

    def jump_from_detail(self, target: Target | None) -> None:
        """A detail screen closed on a place in a document: open the reader there."""
        if target is not None:
            where = self.model.jump(target)
            self.open_in_reader(where.file, where.offset, focus=True)

    def show_year(self, year: str) -> None:
        """The chronology, unfiltered, at the first event of `year` (its header at the top);
        a filter it clears is said, not dropped silently."""
        cleared = self.model.filter_by
        if cleared is not None:
            self.model.filter_by = None
            self.refresh_chronology()
            self.refresh_bindings()
            self.notify(
                f"Filter cleared ({visible(cleared.label)}) to show every event of {year}.",
                title="Chronology",
                markup=False,
            )
        self.focus_pane("chronology")
        self.query_one(ChronologyList).jump_to_year(year)

    # -- keys ---------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return True if self.model.can_run(action) else None  # None: shown greyed out

    def action_search(self) -> None:
        self.model.open_query()
        self.set_class(self.model.searching, "-searching")
        self.query_one("#query").focus()

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_prev_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, delta: int) -> None:
        item = self.model.search.step(delta)
        if item is None:
            self.notify("No search results: press / to search.", severity="warning", markup=False)
            return
        results = self.query_one(ResultsList)
        results.ensure(self.model.search.index)  # its row laid out (they come a page at a time)
        results.highlighted = self.model.search.index  # previews, via ResultsList.Highlighted
        self.open_in_reader(item.hit.file, item.offset, focus=True)
        self.paint_highlights()

    def _sentence_of_current_hit(self) -> None:
        """The current hit's quote narrowed to the sentence holding it (from the reader's
        copy of the document when it has one: one document's sentences, not every hit's)."""
        item = self.model.search.current
        if item is None or item.quote != (item.hit.start, item.hit.end):
            return
        doc = self.docs.get(item.hit.file)
        spans = (
            doc.sentences
            if doc is not None
            else sorted((s.start, s.end) for s in self.store.sentences(item.hit.file))
        )
        narrowed = replace(item, quote=sentence_of(item.hit, spans))
        self.model.search.items[self.model.search.index] = narrowed

    def action_copy(self) -> None:
        if self.model.current_pane == "results":
            self._sentence_of_current_hit()
        self._copy(
            self.model.quote_for(self.selection()),
            "Copied quote",
            "Nothing to quote here: select a passage, an event or a hit.",
        )

    def action_copy_citation(self) -> None:
        if self.model.current_pane == "results":
            self._sentence_of_current_hit()
        self._copy(
            self.model.citation_for(self.selection()),
            "Copied citation",
            "No source selected to cite.",
        )

    def _copy(self, text: str | None, title: str, missing: str) -> None:
        if text is None:
            self.notify(missing, severity="warning", markup=False)
        else:
            self.app.copy_to_clipboard(text)
            self.notify(shorten(text), title=title, markup=False)

    def action_filter(self) -> None:
        if self.model.catalog is None:
            return
        chosen = self.model.toggle_filter(self.selection())
        if chosen is None:
            self.notify("Chronology shows every event.", title="Filter cleared", markup=False)
        else:
            self.notify(
                f"Chronology: only events with {visible(chosen.label)}.",
                title="Filter",
                markup=False,
            )
        self.refresh_chronology()
        self.refresh_bindings()

    def action_toggle_entities(self) -> None:
        self.model.show_entities = not self.model.show_entities
        self.paint_highlights()

    def action_pane(self, pane: str) -> None:
        if not self.model.can_show(pane):
            self.notify("No search yet: press / to search.", severity="warning", markup=False)
            return
        self.focus_pane(pane)

    def action_next_pane(self) -> None:
        self.focus_pane(self.model.cycled(+1))

    def action_prev_pane(self) -> None:
        self.focus_pane(self.model.cycled(-1))

    def action_back(self) -> None:
        """Esc: close the query line, else leave the reader or results, else clear the filter."""
        back = self.model.back()
        if back is None:
            return
        if back.kind == "close_query":
            self.close_query()
        elif back.kind == "pane":
            self.focus_pane(back.pane)
            self.paint_highlights()  # the current hit (and its counter) may have closed
        else:
            self.refresh_chronology()

    # -- search -------------------------------------------------------------------------------
    @on(QueryBox.Submitted)
    def submit_query(self, message: QueryBox.Submitted) -> None:
        if not message.query:
            self.close_query()
            return
        self.query_one(QueryBox).show_searching()
        self.run_search(message.query)
        self.remember_query(message.query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="search")
    def run_search(self, query: str) -> None:
        from store.search import search

        try:
            results = search(self.store, query, SEARCH_LIMIT)
        except QueryError as exc:
            self.app.call_from_thread(self.show_query_error, exc)
            return
        dates = {file: published_label(self.store.source(file)) for file in results.titles}
        items = result_items(results, self.store.text, dates)  # sentences: when `y` asks
        if not get_current_worker().is_cancelled:
            self.post_message(self.Searched(query, items, results.total))

    def show_query_error(self, error: QueryError) -> None:
        self.query_one(QueryBox).show_error(error.problem, error.query, error.position)

    def on_main_screen_searched(self, message: Searched) -> None:
        self.model.searched(message.query, message.items, message.total)
        self.close_query(refocus=False)
        self.query_one(ResultsPane).show_results(message.items, self.model.results_placeholder())
        self.update_reader_title()
        self.focus_pane("results")
        if message.items:  # the reader follows the first hit, whatever it showed before
            first = self.model.search.go(0)
            self.open_in_reader(first.hit.file, first.offset)
        self.paint_highlights()

    def close_query(self, refocus: bool = True) -> None:
        back_to = self.model.close_query()
        self.set_class(self.model.searching, "-searching")
        self.query_one(QueryBox).clear()
        if refocus:
            self.focus_pane(back_to)
