"""The writing loop's state in the app: notes, stars and tags, and what b, a and t act on.

`Marks` is a snapshot of the user-data file made in a worker (entries, tags in use, history,
saved searches) with the look-ups the panes need: which spans of a document are noted or
starred (the reader's gutter), which events and entities are starred (the lists' marks).
`notes_rows` lays out the Notes pane (grouped by source, tag or date, filtered as you type);
`Item` is the thing under the cursor that a bookmark or note is made on. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from store.models import Entity, Event, Source
from store.userdata.data import UserData
from store.userdata.records import Entry, Recent, SavedSearch
from tui.model.controls import visible

Span = tuple[int, int]
GROUPS = ("source", "tag", "date")


@dataclass
class Marks:
    """What the user has made, as the app last read it."""

    entries: list[Entry] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)
    history: list[Recent] = field(default_factory=list)
    saved: list[SavedSearch] = field(default_factory=list)
    starred: set[tuple[str, ...]] = field(default_factory=set)

    def spans_in(self, file: str) -> tuple[list[Span], list[Span]]:
        """(noted spans, starred spans) of `file`, for the reader's gutter."""
        noted = [
            (e.anchor.start, e.anchor.end)
            for e in self.entries
            if e.kind == "note" and e.anchor.file == file and e.anchor.status != "orphaned"
        ]
        starred = [(int(k[2]), int(k[3])) for k in self.starred if k[0] == "text" and k[1] == file]
        starred += [
            (e.anchor.start, e.anchor.end)
            for e in self.entries
            if e.starred and e.anchor.event is not None and e.anchor.file == file
        ]
        return noted, starred

    def starred_events(self) -> set[str]:
        return {k[1] for k in self.starred if k[0] == "event"}

    def starred_entities(self) -> set[str]:
        return {k[1] for k in self.starred if k[0] == "entity"}

    def noted_events(self) -> set[str]:
        return {e.anchor.event.id for e in self.entries if e.anchor.event is not None}

    def events_tagged(self, tag: str) -> set[str]:
        return {
            e.anchor.event.id for e in self.entries if e.anchor.event is not None and tag in e.tags
        }

    def entry(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def note_on(self, key: tuple[str, ...]) -> Entry | None:
        """The newest note on the thing with anchor key `key` (what `a` edits)."""
        return next((e for e in self.entries if e.kind == "note" and e.anchor.key == key), None)

    def recent_queries(self) -> list[str]:
        return [r.query for r in self.history]


@dataclass(frozen=True)
class Item:
    """What b, a and t act on: a span of a document, an event, an entity, or a Notes entry."""

    target: Literal["passage", "hit", "event", "entity", "entry"]
    file: str | None = None
    start: int = 0
    end: int = 0
    event: Event | None = None
    entity: Entity | None = None
    entry: Entry | None = None

    @property
    def key(self) -> tuple[str, ...]:
        """The anchor key a bookmark or note on this item has (see store.userdata.anchor)."""
        if self.entry is not None:
            return self.entry.anchor.key
        if self.event is not None:
            return ("event", self.event.id)
        if self.entity is not None:
            return ("entity", self.entity.id)
        return ("text", self.file or "", str(self.start), str(self.end))

    def label(self) -> str:
        if self.entry is not None:
            return "this note" if self.entry.kind == "note" else "this bookmark"
        if self.entity is not None:
            return visible(self.entity.name)
        return {"passage": "this passage", "hit": "this hit", "event": "this event"}[self.target]


@dataclass(frozen=True)
class NotesRow:
    """A line of the Notes pane: a group header (entry None) or an entry."""

    id: str
    text: str
    entry: Entry | None = None


def matches(entry: Entry, words: list[str], title: str) -> bool:
    """Whether every typed word is in the entry's quote, note, tags, title or status."""
    hay = " ".join(
        (
            entry.anchor.exact,
            entry.text,
            " ".join(entry.tags),
            title,
            entry.anchor.status,
            entry.anchor.file or "",
        )
    ).casefold()
    return all(w in hay for w in words)


def notes_rows(
    marks: Marks, sources: dict[str, Source], query: str = "", group: str = "source"
) -> list[NotesRow]:
    """The Notes pane's lines: groups (by source, tag or date) of the entries that match."""
    words = query.casefold().split()

    def title_of(entry: Entry) -> str:
        file = entry.anchor.file
        if file is None:
            return "Entities"
        source = sources.get(file)
        return visible(source.title) if source else file

    groups: dict[str, list[Entry]] = {}
    for entry in marks.entries:
        title = title_of(entry)
        if not matches(entry, words, title):
            continue
        if group == "tag":
            names = entry.tags or ("(untagged)",)
        elif group == "date":
            names = (entry.updated[:10] or "undated",)
        else:
            names = (title,)
        for name in names:
            groups.setdefault(name, []).append(entry)
    order = sorted(groups, reverse=group == "date") if group != "source" else list(groups)
    rows: list[NotesRow] = []
    for name in order:
        rows.append(NotesRow(f"group:{name}", name))
        members = groups[name]
        if group == "source":
            members = sorted(members, key=lambda e: e.anchor.start)
        for entry in members:
            rows.append(NotesRow(f"{len(rows)}:{entry.id}", entry_line(entry), entry))
    return rows


def entry_line(entry: Entry) -> str:
    """One line for an entry: star, note or quote, tags, and a status when it moved."""
    star = "★ " if entry.starred else ""
    body = entry.text.strip().splitlines()[0] if entry.text.strip() else entry.anchor.exact
    body = " ".join(visible(body).split())
    if entry.anchor.entity is not None and not entry.text.strip():
        body = visible(entry.anchor.entity.name)
    tags = "".join(f" #{visible(t)}" for t in entry.tags)
    status = "" if entry.anchor.status == "anchored" else f" ({entry.anchor.status})"
    return f"{star}{body}{tags}{status}"


def marks_of(data: UserData) -> Marks:
    """A snapshot of the user-data file for the panes (read in a worker)."""
    return Marks(
        entries=data.entries(),
        tag_names=data.tag_names(),
        history=data.history(),
        saved=data.saved(),
        starred=data.starred_keys(),
    )
