"""`UserData`: one corpus's bookmarks, notes, tags, saved searches and history, in one file.

Reads come from a snapshot of the file, re-read whenever its size or time changes (another
app instance or a script wrote it). Every change is a `DocumentFile` transaction: lock,
re-read, change through TinyDB tables, write atomically; so two writers never lose each
other's rows. Nothing here is derived: a build, `build --force` or a deleted store never
touches this file; only `reanchor` changes anchors, and only when the store's documents,
events or entities changed under them.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.errors import DossierError
from store.storage.documents import Database, DocumentFile, Tables
from store.userdata.anchor import FUZZY, MOVED, ORPHANED, STATUSES, Anchor
from store.userdata.reattach import Corpus, reattach
from store.userdata.records import Bookmark, Entry, Note, Recent, SavedSearch, now

if TYPE_CHECKING:
    from store.storage.db import Store

SCHEMA_VERSION = 1
KIND = "dossier-userdata"
HISTORY_CAP = 200
TABLES = ("bookmarks", "notes", "tags", "searches", "history")


class UserDataError(DossierError):
    """A user-data request names nothing (an unknown note id, an empty tag)."""


@dataclass(slots=True)
class ReanchorReport:
    checked: int = 0
    changed: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        moved = self.statuses.get(MOVED, 0)
        fuzzy = self.statuses.get(FUZZY, 0)
        orphaned = self.statuses.get(ORPHANED, 0)
        return (
            f"{self.checked} notes and bookmarks checked: {moved} moved, {fuzzy} moved (fuzzy), "
            f"{orphaned} orphaned"
        )


def _rows(tables: Tables, name: str) -> list[dict[str, Any]]:
    return list(tables.get(name, {}).values())


class UserData:
    """The user-data file of one corpus; safe to share between threads (one lock)."""

    def __init__(self, path: Path) -> None:
        self.file = DocumentFile(path, kind=KIND, schema=SCHEMA_VERSION, label="user data")
        self._lock = threading.RLock()
        self._tables: Tables | None = None
        self._key: tuple[int, int] | None = None

    @property
    def path(self) -> Path:
        return self.file.path

    # -- snapshot -----------------------------------------------------------------------------
    def tables(self) -> Tables:
        """The file's tables as they are on disk now (re-read when another writer changed it)."""
        with self._lock:
            key = self.file.stat_key()
            if self._tables is None or key != self._key:
                self._tables = self.file.read()
                self._key = key
            return self._tables

    def check(self) -> None:
        """Raise DataFileCorrupt / DataFileTooNew now rather than at the first write."""
        self.tables()

    def _edit(self, change: Callable[[Database], Any]) -> Any:
        with self._lock, self.file.transaction() as db:
            result = change(db)
        with self._lock:
            self._tables = None
        return result

    # -- bookmarks and notes ------------------------------------------------------------------
    def bookmarks(self) -> list[Bookmark]:
        return [Bookmark.from_row(r) for r in _rows(self.tables(), "bookmarks")]

    def notes(self) -> list[Note]:
        return [Note.from_row(r) for r in _rows(self.tables(), "notes")]

    def tags_of(self) -> dict[str, list[str]]:
        """Item id -> its tags, in the order they were added."""
        out: dict[str, list[str]] = {}
        for row in _rows(self.tables(), "tags"):
            out.setdefault(row["item"], []).append(row["tag"])
        return out

    def tag_names(self) -> list[str]:
        """Every tag in use, most used first (for completion)."""
        counts: dict[str, int] = {}
        for row in _rows(self.tables(), "tags"):
            counts[row["tag"]] = counts.get(row["tag"], 0) + 1
        return sorted(counts, key=lambda t: (-counts[t], t))

    def starred_keys(self) -> set[tuple[str, ...]]:
        return {b.anchor.key for b in self.bookmarks()}

    def noted_keys(self) -> set[tuple[str, ...]]:
        return {n.anchor.key for n in self.notes()}

    def entries(self, *, tag: str | None = None, orphaned: bool = False) -> list[Entry]:
        """Notes and bare bookmarks, newest first; filtered by tag or to orphaned anchors."""
        tags = self.tags_of()
        bookmarks = {b.anchor.key: b for b in self.bookmarks()}
        noted: set[tuple[str, ...]] = set()
        out: list[Entry] = []
        for note in self.notes():
            mark = bookmarks.get(note.anchor.key)
            noted.add(note.anchor.key)
            both = [*tags.get(note.id, ()), *(tags.get(mark.id, ()) if mark else ())]
            out.append(
                Entry(
                    note.id,
                    "note",
                    note.anchor,
                    note.text,
                    tuple(dict.fromkeys(both)),
                    mark is not None,
                    note.created,
                    note.updated,
                )
            )
        for key, mark in bookmarks.items():
            if key not in noted:
                out.append(
                    Entry(
                        mark.id,
                        "bookmark",
                        mark.anchor,
                        "",
                        tuple(tags.get(mark.id, ())),
                        True,
                        mark.created,
                        mark.created,
                    )
                )
        if tag is not None:
            out = [e for e in out if tag in e.tags]
        if orphaned:
            out = [e for e in out if e.anchor.status == ORPHANED]
        return sorted(out, key=lambda e: e.updated, reverse=True)

    def entry(self, item_id: str) -> Entry:
        for entry in self.entries():
            if entry.id == item_id:
                return entry
        raise UserDataError(f"no note or bookmark with id {item_id!r} in {self.path}")

    def bookmark(self, anchor: Anchor) -> Bookmark:
        """Star the thing `anchor` is on (the existing bookmark when it is already starred)."""

        def change(db: Database) -> Bookmark:
            table = db.table("bookmarks")
            for row in table.all():
                found = Bookmark.from_row(dict(row))
                if found.anchor.key == anchor.key:
                    return found
            made = Bookmark(_new_id("b", db), anchor, now())
            table.insert(made.to_row())
            return made

        result: Bookmark = self._edit(change)
        return result

    def unbookmark(self, key: tuple[str, ...]) -> bool:
        """Remove the star from a thing; its tags go with it. False when it had none."""

        def change(db: Database) -> bool:
            table = db.table("bookmarks")
            ids = [r["id"] for r in table.all() if Anchor.from_row(r["anchor"]).key == key]
            for item in ids:
                table.remove(lambda r, item=item: r["id"] == item)
                db.table("tags").remove(lambda r, item=item: r["item"] == item)
            return bool(ids)

        result: bool = self._edit(change)
        return result

    def toggle_bookmark(self, anchor: Anchor) -> bool:
        """Star the thing, or unstar it when it is starred; True when it is starred now."""
        if anchor.key in self.starred_keys() and self.unbookmark(anchor.key):
            return False
        self.bookmark(anchor)
        return True

    def add_note(self, anchor: Anchor, text: str, tags: Iterable[str] = ()) -> Note:
        def change(db: Database) -> Note:
            stamp = now()
            note = Note(_new_id("n", db), anchor, text, stamp, stamp)
            db.table("notes").insert(note.to_row())
            for tag in _clean_tags(tags):
                db.table("tags").insert({"item": note.id, "tag": tag, "created": stamp})
            return note

        result: Note = self._edit(change)
        return result

    def edit_note(self, note_id: str, text: str) -> None:
        def change(db: Database) -> None:
            if not db.table("notes").update(
                {"text": text, "updated": now()}, lambda r: r["id"] == note_id
            ):
                raise UserDataError(f"no note with id {note_id!r} in {self.path}")

        self._edit(change)

    def delete(self, item_id: str) -> None:
        """Delete a note or a bookmark by id, with its tags."""

        def change(db: Database) -> None:
            gone = db.table("notes").remove(lambda r: r["id"] == item_id)
            gone += db.table("bookmarks").remove(lambda r: r["id"] == item_id)
            if not gone:
                raise UserDataError(f"no note or bookmark with id {item_id!r} in {self.path}")
            db.table("tags").remove(lambda r: r["item"] == item_id)

        self._edit(change)

    def tag(self, item_id: str, tags: Iterable[str]) -> None:
        def change(db: Database) -> None:
            known = {r["id"] for r in db.table("notes").all()}
            known |= {r["id"] for r in db.table("bookmarks").all()}
            if item_id not in known:
                raise UserDataError(f"no note or bookmark with id {item_id!r} in {self.path}")
            table = db.table("tags")
            have = {r["tag"] for r in table.all() if r["item"] == item_id}
            for tag in _clean_tags(tags):
                if tag not in have:
                    table.insert({"item": item_id, "tag": tag, "created": now()})

        self._edit(change)

    def untag(self, item_id: str, tag: str) -> None:
        self._edit(
            lambda db: db.table("tags").remove(lambda r: r["item"] == item_id and r["tag"] == tag)
        )

    # -- searches -----------------------------------------------------------------------------
    def record_query(self, query: str, origin: str) -> None:
        """Put a query at the top of the history (deduplicated, capped at HISTORY_CAP)."""
        query = " ".join(query.split())
        if not query:
            return

        def change(db: Database) -> None:
            table = db.table("history")
            old = [r for r in table.all() if r["query"] == query]
            count = sum(int(r.get("count", 1)) for r in old) + 1
            table.remove(lambda r: r["query"] == query)
            table.insert({"query": query, "when": now(), "count": count, "origin": origin})
            rows = sorted(table.all(), key=lambda r: (r["when"], r.doc_id), reverse=True)
            for row in rows[HISTORY_CAP:]:
                table.remove(doc_ids=[row.doc_id])

        self._edit(change)

    def history(self, limit: int = HISTORY_CAP) -> list[Recent]:
        rows = sorted(
            self.tables().get("history", {}).items(),
            key=lambda kv: (kv[1]["when"], int(kv[0])),
            reverse=True,
        )
        return [
            Recent(r["query"], r["when"], int(r.get("count", 1)), r.get("origin", ""))
            for _, r in rows[:limit]
        ]

    def save_search(self, name: str, query: str) -> SavedSearch:
        name, query = name.strip(), " ".join(query.split())
        if not name or not query:
            raise UserDataError("a saved search needs a name and a query")

        def change(db: Database) -> SavedSearch:
            table = db.table("searches")
            old = [r for r in table.all() if r["name"] == name]
            stamp = now()
            saved = SavedSearch(name, query, old[0]["created"] if old else stamp, stamp)
            table.remove(lambda r: r["name"] == name)
            table.insert(saved.to_json())
            return saved

        result: SavedSearch = self._edit(change)
        return result

    def saved(self) -> list[SavedSearch]:
        rows = sorted(_rows(self.tables(), "searches"), key=lambda r: r["name"].casefold())
        return [SavedSearch(r["name"], r["query"], r["created"], r["updated"]) for r in rows]

    def saved_query(self, name: str) -> str:
        for saved in self.saved():
            if saved.name == name:
                return saved.query
        names = ", ".join(s.name for s in self.saved()) or "none yet"
        raise UserDataError(f"no saved search named {name!r} (saved: {names})")

    def forget_search(self, name: str) -> None:
        def change(db: Database) -> None:
            if not db.table("searches").remove(lambda r: r["name"] == name):
                raise UserDataError(f"no saved search named {name!r}")

        self._edit(change)

    # -- re-anchoring -------------------------------------------------------------------------
    def reanchor(self, store: Store) -> ReanchorReport:
        """Find every anchor again in `store`; writes only when an anchor changed."""
        report = ReanchorReport()
        if not (self.tables().get("notes") or self.tables().get("bookmarks")):
            return report
        files = [s.file for s in store.sources()]
        known = set(files)

        def texts(file: str) -> str | None:
            return store.text(file) if file in known else None

        corpus = Corpus(texts, files, store.events, store.entities)

        def change(db: Database) -> None:
            for name in ("notes", "bookmarks"):
                table = db.table(name)
                for row in table.all():
                    old = Anchor.from_row(row["anchor"])
                    new = reattach(old, corpus)
                    report.checked += 1
                    report.statuses[new.status] = report.statuses.get(new.status, 0) + 1
                    if new != old:
                        report.changed += 1
                        table.update({"anchor": new.to_row()}, doc_ids=[row.doc_id])

        self._edit(change)
        for status in STATUSES:
            report.statuses.setdefault(status, 0)
        return report


def _new_id(prefix: str, db: Database) -> str:
    taken = {r["id"] for name in ("notes", "bookmarks") for r in db.table(name).all()}
    while True:
        made = prefix + secrets.token_hex(4)
        if made not in taken:
            return made


def _clean_tags(tags: Iterable[str]) -> list[str]:
    out = []
    for tag in tags:
        cleaned = " ".join(tag.split()).lstrip("#")
        if not cleaned:
            raise UserDataError("a tag cannot be empty")
        out.append(cleaned)
    return list(dict.fromkeys(out))
