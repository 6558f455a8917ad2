"""The TinyDB store: the only module that imports tinydb.

The file is TinyDB's JSON layout (``{table: {doc_id: row}}``) written through an orjson-backed
`Storage`, which parses and writes several times faster than the stdlib one. TinyDB re-reads the
whole file on every uncached query, so `Store` reads it once at open and answers from memory;
the store is read-only while browsing. Rows are converted to dataclasses lazily, per file, so a
10,000-document store opens without building millions of objects.

Writes never go through a live TinyDB handle: `write_store` lays out the tables and hands them to
the storage, which writes a temporary file, fsyncs and `os.replace`s it, so a build killed half
way leaves the previous store as it was.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from store.atomic import write_bytes_atomic
from store.errors import StoreCorrupt, StoreError, StoreTooNew
from store.models import Entity, Event, Mention, Passage, Record, Sentence, Source

SCHEMA_VERSION = 1
TABLES = ("sources", "texts", "passages", "sentences", "entities", "mentions", "events", "meta")

R = TypeVar("R", bound=Record)


class OrjsonStorage(Storage):
    """TinyDB storage reading and writing the standard JSON layout with orjson, atomically."""

    def __init__(self, path: str | Path, access_mode: str = "r+b") -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the store: {exc.strerror}") from exc
        if not data.strip():
            raise StoreCorrupt(f"{self.path}: the store is empty")
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise StoreCorrupt(f"{self.path}: the store is not valid JSON ({exc})") from exc
        if not isinstance(parsed, dict):
            raise StoreCorrupt(f"{self.path}: the store is not a TinyDB JSON file")
        return parsed

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_bytes_atomic(self.path, orjson.dumps(data))

    def close(self) -> None:
        pass


def write_store(path: Path, tables: dict[str, Iterable[dict[str, Any]]], meta: dict[str, Any]) -> None:
    """Write every table and the meta row to `path` in one atomic replace."""
    layout: dict[str, dict[str, Any]] = {}
    for name, rows in tables.items():
        layout[name] = {str(i): row for i, row in enumerate(rows, start=1)}
    layout["meta"] = {"1": {**meta, "schema": SCHEMA_VERSION}}
    db = TinyDB(path, storage=OrjsonStorage)
    try:
        db.storage.write(layout)
    finally:
        db.close()


def read_meta(path: Path) -> dict[str, Any] | None:
    """The meta row of a store, or None when there is no store; raises StoreCorrupt."""
    data = OrjsonStorage(path).read()
    if data is None:
        return None
    return _meta_of(path, data)


def _meta_of(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    rows = data.get("meta")
    if not isinstance(rows, dict) or not rows:
        raise StoreCorrupt(f"{path}: the store has no meta table (truncated or not a Dossier store)")
    meta = next(iter(rows.values()))
    schema = meta.get("schema")
    if not isinstance(schema, int):
        raise StoreCorrupt(f"{path}: the store's meta table has no schema version")
    if schema > SCHEMA_VERSION:
        raise StoreTooNew(
            f"{path}: the store was written by a newer Dossier (schema {schema}; this one reads "
            f"up to {SCHEMA_VERSION}). Upgrade Dossier, or point --store at another file."
        )
    return meta


class Store:
    """Read access to a built store, loaded once into memory; thread-safe through one lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._db: TinyDB | None = None
        self._raw: dict[str, list[dict[str, Any]]] = {}
        self._meta: dict[str, Any] = {}
        self._cache: dict[tuple[str, str | None], list[Any]] = {}
        self._by_file: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self._texts: dict[str, str] = {}
        self._sources: list[Source] = []

    # -- life cycle -------------------------------------------------------------------------
    def open(self) -> Store:
        with self._lock:
            if self._db is not None:
                return self
            if not self.path.exists():
                raise StoreError(f"{self.path}: no store here; run `dossier build` first")
            db = TinyDB(self.path, storage=OrjsonStorage)
            data = db.storage.read() or {}
            self._meta = _meta_of(self.path, data)
            self._raw = {name: list(data.get(name, {}).values()) for name in TABLES}
            self._texts = {row["file"]: row["text"] for row in self._raw["texts"]}
            self._sources = [Source.from_row(r) for r in self._raw["sources"]]
            self._db = db
            return self

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
            self._db = None
            self._raw, self._cache, self._by_file, self._texts = {}, {}, {}, {}

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reads ------------------------------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        return dict(self._meta)

    def sources(self) -> list[Source]:
        return list(self._sources)

    def source(self, name: str) -> Source | None:
        """A source by file name, id, or file name without extension."""
        for source in self._sources:
            if name in (source.file, source.id) or Path(source.file).stem == name:
                return source
        return None

    def text(self, file: str) -> str:
        try:
            return self._texts[file]
        except KeyError:
            raise StoreError(f"no document named {file!r} in the store") from None

    def passages(self, file: str | None = None) -> list[Passage]:
        return self._records("passages", Passage, file)

    def sentences(self, file: str | None = None) -> list[Sentence]:
        return self._records("sentences", Sentence, file)

    def entities(self) -> list[Entity]:
        return self._records("entities", Entity, None)

    def mentions(self, file: str | None = None) -> list[Mention]:
        return self._records("mentions", Mention, file)

    def events(self, file: str | None = None) -> list[Event]:
        return self._records("events", Event, file)

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Raw rows of a table, for modules that own a table's format."""
        return list(self._raw.get(table, ()))

    # -- internals --------------------------------------------------------------------------
    def _records(self, table: str, kind: type[R], file: str | None) -> list[R]:
        key = (table, file)
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                if file is None:
                    rows = self._raw.get(table, [])
                else:
                    rows = self._grouped(table).get(file, [])
                cached = [kind.from_row(row) for row in rows]
                self._cache[key] = cached
            return list(cached)

    def _grouped(self, table: str) -> dict[str, list[dict[str, Any]]]:
        grouped = self._by_file.get(table)
        if grouped is None:
            grouped = defaultdict(list)
            for row in self._raw.get(table, []):
                grouped[row.get("file", "")].append(row)
            self._by_file[table] = grouped
        return grouped
