"""The rows of a user-data file, as records: bookmarks, notes, tags, saved searches, history.

A bookmark stars a thing (a passage, a hit, an event, an entity); a note writes about it. Both
carry an `Anchor`. Tags attach to a bookmark or a note by id. `Entry` is what the Notes pane
and `dossier notes` list: every note, and every bookmark that has no note on the same thing,
with `starred` saying whether the thing is bookmarked and the tags of both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from store.userdata.anchor import Anchor


def now() -> str:
    """The time a row is made or changed: ISO 8601, UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    anchor: Anchor
    created: str

    def to_row(self) -> dict[str, Any]:
        return {"id": self.id, "anchor": self.anchor.to_row(), "created": self.created}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Bookmark:
        return cls(row["id"], Anchor.from_row(row["anchor"]), row.get("created", ""))


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    anchor: Anchor
    text: str
    created: str
    updated: str

    def to_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "anchor": self.anchor.to_row(),
            "text": self.text,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Note:
        created = row.get("created", "")
        return cls(
            row["id"],
            Anchor.from_row(row["anchor"]),
            row.get("text", ""),
            created,
            row.get("updated", created),
        )


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the Notes pane: a note (or a bare bookmark) on a thing."""

    id: str
    kind: str  # "note" or "bookmark"
    anchor: Anchor
    text: str
    tags: tuple[str, ...]
    starred: bool
    created: str
    updated: str

    def to_json(self) -> dict[str, Any]:
        """The shape `dossier notes --json` prints (the README documents it)."""
        anchor = self.anchor
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "target": anchor.target,
            "file": anchor.file,
            "start": anchor.start if anchor.file else None,
            "end": anchor.end if anchor.file else None,
            "quote": anchor.exact,
            "text": self.text,
            "tags": list(self.tags),
            "starred": self.starred,
            "status": anchor.status,
            "created": self.created,
            "updated": self.updated,
        }
        if anchor.original and anchor.original != anchor.exact:
            out["original"] = anchor.original
        if anchor.score is not None:
            out["score"] = anchor.score
        if anchor.event is not None:
            out["event"] = {"id": anchor.event.id, "date": anchor.event.date}
        if anchor.entity is not None:
            out["entity"] = {
                "id": anchor.entity.id,
                "name": anchor.entity.name,
                "aliases": list(anchor.entity.aliases),
            }
        return out


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str
    created: str
    updated: str

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "query": self.query,
            "created": self.created,
            "updated": self.updated,
        }


@dataclass(frozen=True, slots=True)
class Recent:
    """A query from the history: the last time it ran, how often, and from where."""

    query: str
    when: str
    count: int
    origin: str  # "app" or "cli"

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "when": self.when, "count": self.count, "origin": self.origin}
