"""The writing loop on the main screen: bookmarks, notes, tags, the Notes pane, exports.

`WritingScreen` is the main screen's base class: its keys (b, a, t, x, o, D), the Notes pane's
handlers and the user-data workers live here so `screens/main.py` stays about browsing. Every
user-data read and write runs in a thread worker; writes are not `exclusive` (an exclusive
group cancels a queued worker, and a cancelled write would be a lost note), and each ends by
posting a fresh snapshot (`Marks`) that every pane redraws from.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from store.errors import DossierError
from store.models import Event
from tui.model.notes import GROUPS, Item, Marks, marks_of, notes_rows
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.entity_list import EntityList
from tui.widgets.notes_list import NotesList
from tui.widgets.notes_pane import NotesPane
from tui.widgets.query_box import QueryBox
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from store.storage.db import Store
    from store.userdata.anchor import Anchor
    from store.userdata.data import UserData
    from tui.model.main import MainModel, Selection

WRITING_BINDINGS: list[BindingType] = [
    Binding(
        "b",
        "bookmark",
        "Star",
        show=False,
        tooltip="Bookmark (star) the passage, hit, event or entity "
        "under the cursor; again to remove the star",
        id="dossier.bookmark",
    ),
    Binding(
        "a",
        "note",
        "Note",
        show=False,
        tooltip="Write or edit a note on the item under the cursor",
        id="dossier.note",
    ),
    Binding(
        "t",
        "tag",
        "Tag",
        show=False,
        tooltip="Tag the item under the cursor (completes existing tags)",
        id="dossier.tag",
    ),
    Binding(
        "x",
        "export_view",
        "Export",
        show=False,
        tooltip="Export the chronology or the notes, as filtered, to a Markdown file",
        id="dossier.export",
    ),
    Binding(
        "o",
        "notes_group",
        "Group notes",
        show=False,
        tooltip="Notes: group by source, tag or date",
        id="dossier.notes_group",
    ),
    Binding(
        "D",
        "delete_note",
        "Delete note",
        show=False,
        tooltip="Notes: delete the highlighted note or bookmark",
        id="dossier.delete_note",
    ),
]


def export_dir() -> Path:
    """Where `x` writes: $DOSSIER_EXPORT_DIR, else the directory Dossier was started in."""
    return Path(os.environ.get("DOSSIER_EXPORT_DIR") or Path.cwd()).expanduser()


class WritingScreen(Screen[None]):
    """Keys and workers of the writing loop; the main screen supplies the rest."""

    BINDINGS: ClassVar[list[BindingType]] = WRITING_BINDINGS

    @dataclass
    class MarksRead(Message):
        """A fresh snapshot of the user-data file, and what to tell the user about it."""

        marks: Marks
        told: str = ""

    if TYPE_CHECKING:  # what MainScreen provides
        model: MainModel
        store: Store
        userdata: UserData | None
        notes_query: str
        notes_group: str

        def selection(self) -> Selection: ...
        def open_in_reader(
            self, file: str, offset: int | None = None, *, focus: bool = False
        ) -> None: ...
        def paint_highlights(self) -> None: ...
        def refresh_chronology(self) -> None: ...

    # -- reading ------------------------------------------------------------------------------
    @work(
        thread=True,
        exclusive=True,
        group="userdata-read",
        exit_on_error=False,
        description="read notes",
    )
    def load_userdata(self) -> None:
        """Open the user-data file and re-anchor it against the store just opened."""
        data = self.userdata
        if data is None:
            return
        try:
            data.check()
            report = data.reanchor(self.store)
        except DossierError as exc:
            self.userdata = None  # refused: nothing will be written to it
            self.app.call_from_thread(
                self.notify,
                str(exc),
                title="Notes are off",
                severity="error",
                markup=False,
                timeout=15,
            )
            return
        told = f"Notes re-anchored: {report.summary()}" if report.changed else ""
        if not get_current_worker().is_cancelled:
            self.post_message(self.MarksRead(marks_of(data), told))

    def on_writing_screen_marks_read(self, message: MarksRead) -> None:
        self.model.marks = message.marks
        self.redraw_marks()
        if message.told:
            self.notify(message.told, markup=False)

    def redraw_marks(self) -> None:
        marks = self.model.marks
        self.query_one(ChronologyList).show_stars(marks.starred_events())
        self.query_one(EntityList).show_stars(marks.starred_entities())
        self.query_one(QueryBox).history = marks.recent_queries()
        self.redraw_notes()
        if self.model.filter_by is not None and self.model.filter_by.kind in ("starred", "tag"):
            self.refresh_chronology()
        self.paint_highlights()

    def redraw_notes(self) -> None:
        catalog = self.model.catalog
        sources = catalog.by_file if catalog else {}
        rows = notes_rows(self.model.marks, sources, self.notes_query, self.notes_group)
        empty = f"No note matches {self.notes_query!r}." if self.notes_query else None
        self.query_one(NotesList).show_rows(rows, empty)
        entries = sum(1 for r in rows if r.entry is not None)
        self.query_one("#pane-notes").border_title = f"Notes ({entries}) · by {self.notes_group}"

    def gutter_marks(self, reader: Reader) -> None:
        if reader.doc is not None:
            reader.set_marks(*self.model.marks.spans_in(reader.doc.file))

    # -- the Notes pane -----------------------------------------------------------------------
    def on_notes_pane_filtered(self, message: NotesPane.Filtered) -> None:
        self.notes_query = message.text
        self.redraw_notes()

    def on_notes_list_highlighted(self, message: NotesList.Highlighted) -> None:
        entry = self.model.marks.entry(message.entry_id)
        if entry is not None and entry.anchor.file and self.model.current_pane == "notes":
            self.model.jump((entry.anchor.file, entry.anchor.start, entry.anchor.end))
            self.open_in_reader(entry.anchor.file, entry.anchor.start)

    def on_notes_list_chosen(self, message: NotesList.Chosen) -> None:
        """Enter: the reader at the note's passage, highlighted."""
        entry = self.model.marks.entry(message.entry_id)
        if entry is None:
            return
        if entry.anchor.file is None and entry.anchor.entity is not None:
            from tui.app import DossierApp

            if isinstance(self.app, DossierApp):
                self.app.action_open_entity(entry.anchor.entity.id)
            return
        assert entry.anchor.file is not None
        self.model.jump((entry.anchor.file, entry.anchor.start, entry.anchor.end))
        self.open_in_reader(entry.anchor.file, entry.anchor.start, focus=True)

    def action_notes_group(self) -> None:
        self.notes_group = GROUPS[(GROUPS.index(self.notes_group) + 1) % len(GROUPS)]
        self.redraw_notes()

    def action_delete_note(self) -> None:
        entry_id = self.query_one(NotesList).highlighted_entry
        if self.model.current_pane != "notes" or entry_id is None:
            self.notify(
                "Select a note in the Notes pane to delete it.", severity="warning", markup=False
            )
            return
        self.write_userdata(lambda data: (data.delete(entry_id), "Deleted")[1])

    # -- what b, a and t act on ---------------------------------------------------------------
    def item_under_cursor(self) -> Item | None:
        pane, catalog = self.model.current_pane, self.model.catalog
        if catalog is None:
            return None
        if pane == "reader":
            reader = self.query_one(Reader)
            span = reader.quote_span()  # the selection, else the sentence under the cursor
            if reader.doc is None or span is None or span[1] <= span[0]:
                return None
            return Item("passage", reader.doc.file, span[0], span[1])
        if pane == "results":
            hit = self.model.search.current
            return Item("hit", hit.hit.file, hit.hit.start, hit.hit.end) if hit else None
        if pane == "chronology":
            event = catalog.by_event.get(self.query_one(ChronologyList).highlighted_id or "")
            return Item("event", event.file, event.start, event.end, event=event) if event else None
        if pane == "entities":
            entity = catalog.by_entity.get(self.query_one(EntityList).highlighted_id or "")
            return Item("entity", entity=entity) if entity else None
        if pane == "notes":
            entry = self.model.marks.entry(self.query_one(NotesList).highlighted_entry or "")
            return Item("entry", entry.anchor.file, entry=entry) if entry else None
        return None

    def anchor_for(self, item: Item) -> Anchor:
        """The anchor of a new bookmark or note on `item` (reads the text: run in a worker)."""
        from store.userdata.anchor import EntityRef, EventRef, entity_anchor, make_anchor

        if item.entry is not None:
            return item.entry.anchor
        if item.entity is not None:
            e = item.entity
            return entity_anchor(EntityRef(e.id, e.name, tuple(e.aliases)))
        assert item.file is not None
        text = self.store.text(item.file)
        if item.event is not None:
            ev = item.event
            ref = EventRef(ev.id, ev.date, ev.quote)
            return make_anchor("event", ev.file, text, ev.start, ev.end, event=ref)
        return make_anchor(item.target, item.file, text, item.start, item.end)

    def _item_or_warn(self) -> Item | None:
        if self.userdata is None:
            self.notify(
                "Notes are off: the user-data file could not be opened.",
                severity="error",
                markup=False,
            )
            return None
        item = self.item_under_cursor()
        if item is None:
            self.notify(
                "Nothing to mark here: move to a passage, a hit, an event, an entity or a note.",
                severity="warning",
                markup=False,
            )
        return item

    def action_bookmark(self) -> None:
        item = self._item_or_warn()
        if item is None:
            return

        def change(data: UserData) -> str:
            starred = data.toggle_bookmark(self.anchor_for(item))
            return f"Starred {item.label()}" if starred else f"Star removed from {item.label()}"

        self.write_userdata(change)

    def action_note(self) -> None:
        from tui.screens.note_editor import NoteEditor

        item = self._item_or_warn()
        if item is None:
            return
        existing = item.entry if item.entry and item.entry.kind == "note" else None
        existing = existing or self.model.marks.note_on(item.key)
        quote = existing.anchor.exact if existing else self._quote_of(item)
        title = "Edit the note" if existing else f"A note on {item.label()}"

        def saved(text: str | None) -> None:
            if text is None:
                return
            if existing is not None:
                note_id = existing.id
                self.write_userdata(lambda data: (data.edit_note(note_id, text), "Note saved")[1])
            elif text.strip():
                self.write_userdata(
                    lambda data: (data.add_note(self.anchor_for(item), text), "Note saved")[1]
                )

        self.app.push_screen(NoteEditor(title, quote, existing.text if existing else ""), saved)

    def _quote_of(self, item: Item) -> str:
        if item.entity is not None:
            return item.entity.name
        if item.event is not None:
            return item.event.quote
        reader = self.query_one(Reader)
        if reader.doc is not None and reader.doc.file == item.file:
            return reader.doc.text.text[item.start : item.end]
        hit = self.model.search.current
        return hit.passage_text if hit is not None else ""

    def action_tag(self) -> None:
        from tui.screens.prompt import Prompt

        item = self._item_or_warn()
        if item is None:
            return

        def saved(value: str | None) -> None:
            tags = [t.strip() for t in (value or "").split(",") if t.strip()]
            if not tags:
                return

            def change(data: UserData) -> str:
                target = item.entry.id if item.entry is not None else None
                note = self.model.marks.note_on(item.key)
                if target is None and note is not None:
                    target = note.id
                if target is None:
                    target = data.bookmark(self.anchor_for(item)).id
                data.tag(target, tags)
                return f"Tagged {item.label()}: {', '.join(tags)}"

            self.write_userdata(change)

        self.app.push_screen(
            Prompt(
                f"Tags for {item.label()} (comma-separated)",
                "tag, tag…",
                self.model.marks.tag_names,
            ),
            saved,
        )

    # -- writing ------------------------------------------------------------------------------
    @work(thread=True, group="userdata-write", exit_on_error=False, description="save notes")
    def write_userdata(self, change: Callable[[UserData], str]) -> None:
        data = self.userdata
        if data is None:
            return
        told = change(data)
        self.post_message(self.MarksRead(marks_of(data), told))

    @work(thread=True, group="userdata-write", exit_on_error=False, description="history")
    def remember_query(self, query: str) -> None:
        data = self.userdata
        if data is not None:
            data.record_query(query, "app")
            self.post_message(self.MarksRead(marks_of(data)))

    def save_search(self, query: str) -> None:
        """Ask for a name and save `query` under it (palette: "save search")."""
        from tui.screens.prompt import Prompt

        def saved(name: str | None) -> None:
            if name and name.strip():
                self.write_userdata(
                    lambda data: (data.save_search(name, query), f"Saved search {name.strip()!r}")[
                        1
                    ]
                )

        names = [s.name for s in self.model.marks.saved]
        self.app.push_screen(Prompt(f"Save the search {query!r} as", "name", names), saved)

    def use_citation_style(self, style: str | None) -> None:
        """How y and Y cite: `style` (palette, saved to the config file), or the setting."""
        from tui.model.citer import MARKDOWN, Citer
        from tui.model.settings import CITATION, save_setting, setting

        catalog = self.model.catalog
        sources = catalog.sources if catalog else []
        chosen = style or setting(CITATION)
        try:
            self.model.citer = Citer(chosen, sources)
        except DossierError as exc:
            self.model.citer = Citer(MARKDOWN, sources)
            self.notify(f"{exc}; citing in Markdown", severity="error", markup=False)
            return
        if style is not None:
            try:
                where = save_setting(CITATION, style)
            except DossierError as exc:
                self.notify(str(exc), severity="warning", markup=False)
                return
            self.notify(f"y and Y now cite as {style} (saved in {where})", markup=False)

    # -- exporting ----------------------------------------------------------------------------
    def action_export_view(self) -> None:
        what = "chronology" if self.model.current_pane == "chronology" else "notes"
        rows = self.model.chronology_rows() if what == "chronology" else []
        shown = {
            r.entry.id
            for r in notes_rows(self.model.marks, {}, self.notes_query)
            if r.entry is not None
        }
        self.export_view(
            what, [r.event for r in rows], shown, {r.event.id: tuple(r.files) for r in rows}
        )

    @work(thread=True, exclusive=True, group="export", exit_on_error=False, description="export")
    def export_view(
        self, what: str, events: list[Event], shown: set[str], files: dict[str, tuple[str, ...]]
    ) -> None:
        from store.export.brief import brief_markdown
        from store.export.tables import EventRow, chronology, passage_number
        from tui.model.citer import MARKDOWN, Citer

        citer = self.model.citer or Citer(MARKDOWN, self.store.sources())
        cite = citer.cite
        marks = self.model.marks
        if what == "chronology":
            starred = marks.starred_events()
            rows = [
                EventRow(
                    e,
                    self.store.source(e.file),
                    passage_number(self.store, e.file, e.start),
                    files.get(e.id, (e.file,)),
                    e.id in starred,
                    (),
                )
                for e in events
            ]
            text, count = chronology(rows, "md", cite), len(rows)
        else:
            entries = [e for e in marks.entries if e.id in shown]
            text = brief_markdown(
                entries, self.store.source, lambda f, o: passage_number(self.store, f, o), cite
            )
            count = len(entries)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = export_dir() / f"dossier-{what}-{stamp}.md"
        from store.storage.atomic import write_bytes_atomic

        write_bytes_atomic(path, text.encode("utf-8"))
        self.app.call_from_thread(
            self.notify,
            f"{count} {'events' if what == 'chronology' else 'notes'} → {path}",
            title=f"Exported the {what}",
            markup=False,
        )
