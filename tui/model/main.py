"""What the main screen knows and decides, apart from drawing it; unit-tested without Pilot.

`MainScreen` reads its widgets' cursors into a `Selection`, asks `MainModel` what a key means in
the pane the user is in (which pane comes next, what Esc does, what y and Y copy, what f
filters by, what the reader shows, what an empty search says) and carries the answer out:
focus, the reader, notifications. The model holds the catalog, the search and the choices made
so far, and never touches a widget or the store. (Its dataclasses have no __slots__: there are
few instances, and a slotted dataclass costs three times as long to create at import, on the
way to the first frame.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from store.models import Event
from tui.model.catalog import Catalog, ChronoRow
from tui.model.citation import citation, published_label, quote
from tui.model.citer import MARKDOWN, Citer
from tui.model.controls import visible
from tui.model.hits import HitCursor
from tui.model.notes import Marks
from tui.model.reader_doc import ReaderDoc
from tui.model.results import ResultItem, no_results_text

PANES = ("sources", "chronology", "results", "entities", "notes", "reader")
TITLES = {
    "sources": "Sources",
    "chronology": "Chronology",
    "results": "Results",
    "entities": "Entities",
    "notes": "Notes",
    "reader": "Reader",
}
NUMBERED = ("sources", "chronology", "entities", "reader", "results", "notes")  # keys 1-6
MIDDLE = ("chronology", "results", "notes")  # what can take the middle column when wide

Span = tuple[int, int]
Target = tuple[str, int, int]  # (file, start, end): where a detail view sent the reader


@dataclass(frozen=True)
class ChronologyFilter:
    """What `f` narrowed the chronology to: the events of one source or of one entity."""

    kind: Literal["source", "entity", "starred", "tag"]
    key: str  # the file, the entity id, or the tag ("" for starred)
    label: str  # the source's title or the entity's name, as the pane title shows it


@dataclass(frozen=True)
class Selection:
    """What the screen's widgets have under their cursors when a key is pressed."""

    source: str | None = None  # the file highlighted in Sources
    event: str | None = None  # the event id highlighted in the Chronology
    entity: str | None = None  # the entity id highlighted in Entities
    passage: tuple[str, str] | None = None  # (text, file) the reader quotes: its selection,
    # else the sentence under its cursor (never a whole passage)
    document: str | None = None  # the file the reader shows
    passage_start: int | None = None  # where that quoted text starts
    passage_index: int | None = None  # the passage holding it, as `dossier show` numbers it
    note: tuple[str, str, int] | None = None  # (quote, file, start) of the Notes pane's entry


@dataclass(frozen=True)
class Preview:
    """Where the reader goes: `file`, at `offset` (None: from the top)."""

    file: str
    offset: int | None = None


@dataclass(frozen=True)
class Back:
    """What Esc does: close the query line, return to `pane`, or redraw the cleared filter."""

    kind: Literal["close_query", "pane", "clear_filter"]
    pane: str = ""


@dataclass(frozen=True)
class Highlights:
    """Every highlight the reader draws over the document it shows."""

    hits: list[Span]
    current_hit: list[Span]
    event_span: Span | None
    entity_spans: list[Span]
    show_entities: bool


@dataclass
class MainModel:
    """The main screen's state: the catalog, the search, the current pane and the choices."""

    catalog: Catalog | None = None
    search: HitCursor = field(default_factory=HitCursor)
    current_pane: str = "sources"
    middle: str = "chronology"  # what the middle column shows when wide: one of MIDDLE
    filter_by: ChronologyFilter | None = None
    selected_entity: str | None = None
    selected_event: Event | None = None
    jump_target: Target | None = None
    show_entities: bool = False
    searching: bool = False  # the query line is open
    return_pane: str = "sources"  # where Esc in the reader goes back to
    query_return: str = "sources"  # where closing the query line goes back to
    marks: Marks = field(default_factory=Marks)  # the user's notes, stars and tags
    citer: Citer | None = None  # how y and Y cite, when not the default Markdown

    # -- panes --------------------------------------------------------------------------------
    def pane_order(self) -> list[str]:
        """The Tab order, wide or narrow: every pane, Results only once something was searched."""
        return [p for p in PANES if p != "results" or self.search.query]

    def cycled(self, delta: int) -> str:
        """The pane Tab (`delta` +1) or Shift+Tab (-1) moves to from the current one."""
        order = self.pane_order()
        index = order.index(self.current_pane) if self.current_pane in order else 0
        return order[(index + delta) % len(order)]

    def can_show(self, pane: str) -> bool:
        """Whether a number key may go to `pane`: Results only after a search."""
        return pane != "results" or bool(self.search.query)

    def enter(self, pane: str) -> bool:
        """Make `pane` current; True when it changed (the reader then follows its list)."""
        if pane == self.current_pane:
            return False
        if pane == "reader":
            self.return_pane = self.current_pane
        self.current_pane = pane
        if pane in MIDDLE:
            self.middle = pane
        return True

    def results_in_middle(self, narrow: bool) -> bool:
        """Whether the wide layout shows Results where the Chronology usually is."""
        return not narrow and self.middle == "results"

    def notes_in_middle(self, narrow: bool) -> bool:
        """Whether the wide layout shows Notes where the Chronology usually is."""
        return not narrow and self.middle == "notes"

    # -- the query line and Esc ---------------------------------------------------------------
    def open_query(self) -> None:
        """`/`: the query line opens; closing it returns to the pane it was opened from."""
        if not self.searching:
            self.query_return = self.current_pane
        self.searching = True

    def close_query(self) -> str:
        """The query line closes; the pane to go back to."""
        self.searching = False
        return self.query_return

    def back(self) -> Back | None:
        """Esc: close the query line, else leave the reader or results, else clear the filter
        (here, at once); None when there is nothing to go back from."""
        if self.searching:
            return Back("close_query")
        if self.current_pane == "reader":
            return Back("pane", self.return_pane if self.return_pane != "reader" else "sources")
        if self.current_pane in ("results", "notes"):
            if self.current_pane == "results":
                self.search.index = -1  # the results close: no hit is current, no counter
            return Back("pane", "chronology")
        if self.filter_by is not None:
            self.filter_by = None
            return Back("clear_filter")
        return None

    # -- the reader follows the list the user is in -------------------------------------------
    def preview_source(self, file: str | None) -> Preview | None:
        """The highlighted source, while Sources is current and the catalog is read."""
        if self.current_pane != "sources" or self.catalog is None or not file:
            return None
        return Preview(file)

    def preview_event(self, event_id: str | None) -> Preview | None:
        """The highlighted event's sentence (marked), while the Chronology is current."""
        if self.current_pane != "chronology" or self.catalog is None:
            return None
        event = self.catalog.by_event.get(event_id or "")
        if event is None:
            return None
        self.selected_event, self.jump_target = event, None
        return Preview(event.file, event.start)

    def preview_hit(self, index: int) -> Preview | None:
        """Result `index`, which becomes the current hit, while Results is current."""
        if self.current_pane != "results" or not 0 <= index < len(self.search.items):
            return None
        item = self.search.go(index)
        return Preview(item.hit.file, item.offset)

    def preview_entity(self, entity_id: str | None) -> bool:
        """Whether the reader marks `entity_id`'s mentions now (while Entities is current)."""
        if (
            self.current_pane != "entities"
            or self.catalog is None
            or entity_id not in self.catalog.by_entity
        ):
            return False
        self.selected_entity = entity_id
        return True

    def jump(self, target: Target) -> Preview:
        """A detail view chose a place to read: mark it rather than the chronology's event."""
        self.selected_event, self.jump_target = None, target
        return Preview(target[0], target[1])

    def highlights(self, doc: ReaderDoc) -> Highlights:
        """The search hits, the current hit, the marked event or jump and entity in `doc`."""
        current = self.search.current
        event = self.selected_event
        pointed: Span | None = None
        if event is not None and event.file == doc.file:
            pointed = (event.start, event.end)
        elif self.jump_target is not None and self.jump_target[0] == doc.file:
            pointed = self.jump_target[1:]
        return Highlights(
            hits=self.search.ranges_in(doc.file),
            current_hit=list(current.hit.highlights)
            if current and current.hit.file == doc.file
            else [],
            event_span=pointed,
            entity_spans=[
                (m.start, m.end) for m in doc.mentions if m.entity == self.selected_entity
            ],
            show_entities=self.show_entities,
        )

    # -- titles and texts ---------------------------------------------------------------------
    def reader_title(self, doc: ReaderDoc, offset: int | None = None) -> str:
        """The document's title and date, and the page `offset` (the current passage) is on."""
        source = doc.source
        title = visible(source.title) if source else doc.file
        label = source.page_label(offset) if source and offset is not None else None
        page = f" · p. {visible(label)}" if label else ""
        return f"{title} · {published_label(source)}{page}"

    def reader_subtitle(self, file: str | None = None) -> str:
        """ "hit 2/5" while the reader shows the current hit's document (`file`), so the
        counter never names a hit the reader is not showing; "entities shown" while `e` is on."""
        parts = []
        current = self.search.current
        if current is not None and current.hit.file == file:
            parts.append(f"hit {self.search.counter}")
        if self.show_entities:
            parts.append("entities shown")
        return " · ".join(parts)

    def results_title(self) -> str:
        return f"Results · {visible(self.search.query)}"

    def searched(self, query: str, items: list[ResultItem], total: int) -> None:
        """A search finished: its results replace the last ones, no hit current yet."""
        self.search = HitCursor(query, items, total)

    def results_placeholder(self) -> str:
        """What the Results pane says in place of the list: what to try when nothing matched."""
        return "" if self.search.items else no_results_text(self.search.query)

    # -- the chronology filter ----------------------------------------------------------------
    def can_run(self, action: str) -> bool:
        """Whether a key's action works now (the footer greys out those that do not): n and N
        once a search found something; f in Sources and Entities, and anywhere while a filter
        is on (to clear it)."""
        if action in ("next_hit", "prev_hit"):
            return bool(self.search.items)
        if action == "filter":
            panes = ("sources", "entities", "chronology")
            return self.current_pane in panes or self.filter_by is not None
        return True

    def filter_choice(self, selection: Selection) -> ChronologyFilter | None:
        """What `f` filters by in the current pane: the highlighted source or entity."""
        if self.catalog is None:
            return None
        if self.current_pane == "sources" and selection.source:
            file = selection.source
            return ChronologyFilter("source", file, self.catalog.source_title(file))
        entity = self.catalog.by_entity.get(selection.entity or "")
        if self.current_pane == "entities" and entity is not None:
            return ChronologyFilter("entity", entity.id, entity.name)
        if self.current_pane == "chronology":
            return ChronologyFilter("starred", "", "★ starred")
        return None

    def toggle_filter(self, selection: Selection) -> ChronologyFilter | None:
        """`f`: filter by the selection; pressed again on it (or on nothing), clear the filter.
        Returns the filter now on."""
        chosen = self.filter_choice(selection)
        self.filter_by = None if chosen is None or chosen == self.filter_by else chosen
        return self.filter_by

    def chronology_rows(self) -> list[ChronoRow]:
        """The chronology's rows under the filter (none before the catalog is read)."""
        if self.catalog is None:
            return []
        kind, key = (self.filter_by.kind, self.filter_by.key) if self.filter_by else ("", "")
        rows = self.catalog.chronology(
            entity=key if kind == "entity" else None, file=key if kind == "source" else None
        )
        if kind in ("starred", "tag"):
            kept = (
                self.marks.starred_events() if kind == "starred" else self.marks.events_tagged(key)
            )
            rows = [r for r in rows if any(e.id in kept for e in r.members)]
        return rows

    def chronology_title(self, count: int) -> str:
        if self.filter_by is not None:
            return f"Chronology · {visible(self.filter_by.label)} ({count})"
        return f"Chronology ({count})"

    # -- what y and Y copy --------------------------------------------------------------------
    def quoted(self, selection: Selection) -> tuple[str, str, int | None] | None:
        """(text, file, start) of what `y` quotes in the current pane: the reader's selection
        (or the sentence under its cursor), the current hit's sentence or the highlighted
        event's sentence; None elsewhere."""
        if self.current_pane == "reader":
            if selection.passage is None:
                return None
            return (*selection.passage, selection.passage_start)
        if self.current_pane == "results":
            item = self.search.current
            return (item.quote_text, item.hit.file, item.quote[0]) if item is not None else None
        if self.current_pane == "notes" and selection.note is not None:
            return selection.note
        if self.current_pane == "chronology" and self.catalog is not None:
            event = self.catalog.by_event.get(selection.event or "")
            if event is not None:
                return event.quote, event.file, event.start
        return None

    def quote_for(self, selection: Selection) -> str | None:
        """What `y` copies: the quoted text as a Markdown quote citing its source (and page)."""
        quoted = self.quoted(selection)
        if quoted is None or self.catalog is None or quoted[1] not in self.catalog.by_file:
            return None
        source = self.catalog.by_file[quoted[1]]
        passage = self.paragraph(selection)
        if self.citer is not None and self.citer.style != MARKDOWN:
            return self.citer.quote(quoted[0], source, quoted[2], passage)
        return quote(quoted[0], source, quoted[2], passage)

    def paragraph(self, selection: Selection) -> int | None:
        """The passage number the quote's locator gives (¶ N), where the pane knows it."""
        if self.current_pane == "reader":
            return selection.passage_index
        if self.current_pane == "results" and self.search.current is not None:
            return self.search.current.hit.passage
        return None

    def citation_for(self, selection: Selection) -> str | None:
        """What `Y` copies: the citation of the highlighted source in Sources, else of the
        quoted text's source (with its page), else of the document in the reader."""
        quoted = self.quoted(selection)
        file = quoted[1] if quoted else None
        offset = quoted[2] if quoted else None
        passage = self.paragraph(selection) if quoted else None
        if self.current_pane == "sources":
            file, offset, passage = selection.source, None, None
        if file is None:
            file = selection.document
        if file is None or self.catalog is None or file not in self.catalog.by_file:
            return None
        if self.citer is not None and self.citer.style != MARKDOWN:
            return self.citer.citation(self.catalog.by_file[file], offset, passage)
        return citation(self.catalog.by_file[file], offset, passage)


def shorten(text: str, limit: int = 160) -> str:
    """`text` cut to `limit` characters with an ellipsis (for a notification)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
