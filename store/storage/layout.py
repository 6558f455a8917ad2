"""The store's layout on disk: its schema version, the TinyDB file's tables and how they are
checked when read and written, and whole stores written from record rows.

Kept apart from `db` (the reading side, and the one place that imports TinyDB): the writer
needs only orjson and the atomic write, the checks only the parsed JSON.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson

from store.errors import StoreCorrupt, StoreOutdated, StoreTooNew
from store.models import Mention
from store.storage.atomic import write_bytes_atomic
from store.storage.docs import DOC_TABLES, DocsWriter, remove_other_sidecars
from store.storage.state_file import write_state

SCHEMA_VERSION = 5  # 5: mention counts moved from the entity rows to the sidecar
TABLES = ("sources", "entities", "files", "meta")

# Text fields every row of a table has; checked when the meta row is read, so a store damaged
# this way is moved aside and rebuilt before anything opens it.
_ROW_KEYS: dict[str, tuple[str, ...]] = {"sources": ("file",), "files": ("file",)}


def write_tables(
    path: Path, tables: Mapping[str, Iterable[dict[str, Any]]], meta: dict[str, Any]
) -> None:
    """The TinyDB file: every catalogue table and the meta row, in one atomic replace."""
    layout: dict[str, dict[str, Any]] = {}
    for name, rows in tables.items():
        layout[name] = {str(i): row for i, row in enumerate(rows, start=1)}
    layout["meta"] = {"1": {**meta, "schema": SCHEMA_VERSION}}
    files = list(layout.get("files", {}).values())
    write_bytes_atomic(
        path,
        orjson.dumps(layout),
        lambda written: write_state(path, written, layout["meta"]["1"], files),
    )


def write_store(
    path: Path, tables: Mapping[str, Iterable[dict[str, Any]]], meta: dict[str, Any]
) -> None:
    """A whole store from record rows (`texts` and the per-document tables as flat rows with a
    `file` each, the catalogue tables as they are): the sidecar, then the TinyDB file."""
    texts = {row["file"]: row["text"] for row in tables.get("texts", ())}
    per_doc: dict[str, dict[str, list[dict[str, Any]]]] = {
        f: {t: [] for t in DOC_TABLES} for f in texts
    }
    for table in DOC_TABLES:
        for row in tables.get(table, ()):
            per_doc.setdefault(row["file"], {t: [] for t in DOC_TABLES})[table].append(row)
    writer = DocsWriter(path, str(meta.get("fingerprint", "")))
    try:
        for file, doc_tables in per_doc.items():
            writer.add(file, texts.get(file, ""), doc_tables)
        writer.add_counts(
            entity_mention_rows(Mention.from_row(r) for r in tables.get("mentions", ()))
        )
        docs = writer.commit()
    except BaseException:
        writer.abort()
        raise
    catalogue = {name: list(rows) for name, rows in tables.items() if name in TABLES}
    write_tables(path, catalogue, {**meta, "docs": docs})
    remove_other_sidecars(path, docs["name"])


def meta_of(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    rows = data.get("meta")
    if not isinstance(rows, dict) or not rows:
        raise StoreCorrupt(
            f"{path}: the store has no meta table (truncated or not a Dossier store)"
        )
    meta = next(iter(rows.values()))
    if not isinstance(meta, dict):
        raise StoreCorrupt(f"{path}: the store's meta row is not a record (hand-edited or damaged)")
    check_schema(path, meta)
    for name in TABLES:
        table = data.get(name, {})
        if not isinstance(table, dict) or not all(isinstance(r, dict) for r in table.values()):
            raise StoreCorrupt(
                f"{path}: the store's {name!r} table is damaged (not a table of rows)"
            )
        keys = _ROW_KEYS.get(name, ())
        if keys and not all(isinstance(r.get(k), str) for r in table.values() for k in keys):
            raise StoreCorrupt(f"{path}: the store's {name!r} table is damaged (rows lack {keys})")
    return dict(meta)


def check_schema(path: Path, meta: dict[str, Any]) -> None:
    schema = meta.get("schema")
    if not isinstance(schema, int):
        raise StoreCorrupt(f"{path}: the store's meta table has no schema version")
    if schema > SCHEMA_VERSION:
        raise StoreTooNew(
            f"{path}: the store was written by a newer Dossier (schema {schema}; this one reads "
            f"up to {SCHEMA_VERSION}). Upgrade Dossier, or point --store at another file."
        )
    if schema < SCHEMA_VERSION:
        raise StoreOutdated(f"{path}: the store was written by an older Dossier (schema {schema})")


def entity_mention_rows(mentions: Iterable[Mention]) -> dict[str, dict[str, int]]:
    """Entity id -> {file: mentions}, in first-seen order: what entity rows carry."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for m in mentions:
        per_file = counts[m.entity]
        per_file[m.file] = per_file.get(m.file, 0) + 1
    return counts
