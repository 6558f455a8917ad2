"""Small TinyDB files that people edit, from several processes at once: user data.

The derived store (`db`) is written whole by a build and read-only after; a user-data file is
the opposite: small, changed one row at a time, possibly by two app instances and a script at
once, and never rebuilt from anything. So every change is a transaction:

1. take the file's lock (`<file>.lock`, the same OS lock the store's builds use);
2. re-read the file as it is on disk now and validate it (JSON, TinyDB layout, kind, schema);
3. run the change through real TinyDB tables (`insert`, `update`, `remove` with `Query`) on a
   fresh in-memory TinyDB holding what was just read, so ids are allocated against the file's
   current rows, not against what this process saw an hour ago;
4. write the result atomically (temporary file, fsync, `os.replace`) only if it changed.

Two writers therefore never lose each other's rows: the second one's re-read sees the first
one's write. A file that fails validation (not JSON, not a TinyDB layout, another kind of file,
a newer schema) raises before anything is written, so it is never overwritten.

This is the second module allowed to import tinydb (the import contract names it beside `db`):
the store's packed, read-once layout and this read-modify-write one share nothing but TinyDB.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from store.errors import DataFileCorrupt, DataFileTooNew, StoreError
from store.storage.atomic import os_reason, write_bytes_atomic
from store.storage.lock import build_lock

Tables = dict[str, dict[str, dict[str, Any]]]
Database = TinyDB  # what a transaction hands out, named so callers need not import tinydb
META = "meta"

__all__ = ["Database", "DocumentFile", "Tables"]


class DocumentFile:
    """One TinyDB JSON file of `kind` at schema `schema`, edited in locked transactions."""

    def __init__(self, path: Path, *, kind: str, schema: int, label: str) -> None:
        self.path = Path(path)
        self.kind, self.schema, self.label = kind, schema, label

    # -- reading ------------------------------------------------------------------------------
    def stat_key(self) -> tuple[int, int] | None:
        """(mtime, size) of the file, to notice another process's write; None when missing."""
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def read(self) -> Tables:
        """The file's tables, validated; an empty layout when there is no file yet."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise StoreError(
                f"{self.path}: cannot read the {self.label} ({os_reason(exc)})"
            ) from None
        return self._validated(data)

    def _validated(self, data: bytes) -> Tables:
        keep = "it is left as it is: repair or move it, or choose another file"
        if not data.strip():
            raise DataFileCorrupt(f"{self.path}: the {self.label} file is empty; {keep}")
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise DataFileCorrupt(
                f"{self.path}: the {self.label} file is not valid JSON ({exc}); {keep}"
            ) from None
        if not isinstance(parsed, dict) or not all(
            isinstance(table, dict) and all(isinstance(row, dict) for row in table.values())
            for table in parsed.values()
        ):
            raise DataFileCorrupt(
                f"{self.path}: the {self.label} file is not a TinyDB file of tables; {keep}"
            )
        meta = next(iter(parsed.get(META, {}).values()), None)
        if meta is None or meta.get("kind") != self.kind:
            raise DataFileCorrupt(
                f"{self.path}: not a Dossier {self.label} file (no {self.kind!r} meta row: "
                f"another file given by mistake?); {keep}"
            )
        schema = meta.get("schema")
        if not isinstance(schema, int):
            raise DataFileCorrupt(
                f"{self.path}: the {self.label} file has no schema version; {keep}"
            )
        if schema > self.schema:
            raise DataFileTooNew(
                f"{self.path}: the {self.label} was written by a newer Dossier (schema {schema}; "
                f"this one reads up to {self.schema}). Upgrade Dossier; the file is left as it is."
            )
        tables: Tables = parsed
        return tables

    # -- writing ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """A TinyDB over the file as it is now, under its lock; written back if changed."""
        with build_lock(self.path, activity="write"):
            current = self.read()
            before = orjson.dumps(current, option=orjson.OPT_SORT_KEYS)
            db = TinyDB(storage=MemoryStorage)
            db.storage.write(current)
            meta = db.table(META)
            if not meta.all():
                meta.insert({"kind": self.kind, "schema": self.schema})
            yield db
            after: Tables = db.storage.read() or {}
            encoded = orjson.dumps(after, option=orjson.OPT_SORT_KEYS)
            if encoded != before:
                write_bytes_atomic(self.path, orjson.dumps(after, option=orjson.OPT_INDENT_2))
