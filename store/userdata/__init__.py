"""User data: what a person makes while reading (bookmarks, notes, tags, saved searches and
query history), kept in its own file per corpus and never rebuilt.

`anchor` records where a note points (W3C Web Annotation position + quote selectors), `locate`
finds that text again in a changed document, `reattach` re-anchors against a rebuilt store
(texts, events, entities), `records` are the rows, and `data.UserData` is the file: every
change a locked read-merge-write transaction through `store.storage.documents`. This package
imports `store.models`, `store.errors` and `store.storage`; nothing imports it but the app and
the CLI, so a build never touches user data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.userdata.anchor import Anchor, EntityRef, EventRef, entity_anchor, make_anchor
    from store.userdata.data import ReanchorReport, UserData, UserDataError
    from store.userdata.records import Bookmark, Entry, Note, Recent, SavedSearch

__all__ = [
    "Anchor",
    "Bookmark",
    "EntityRef",
    "Entry",
    "EventRef",
    "Note",
    "ReanchorReport",
    "Recent",
    "SavedSearch",
    "UserData",
    "UserDataError",
    "entity_anchor",
    "make_anchor",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        **dict.fromkeys(
            ("Anchor", "EntityRef", "EventRef", "entity_anchor", "make_anchor"),
            "store.userdata.anchor",
        ),
        **dict.fromkeys(("ReanchorReport", "UserData", "UserDataError"), "store.userdata.data"),
        **dict.fromkeys(
            ("Bookmark", "Entry", "Note", "Recent", "SavedSearch"), "store.userdata.records"
        ),
    },
)
