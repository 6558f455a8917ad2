"""The TinyDB store: the only module that imports tinydb.

The file is TinyDB's JSON layout (``{table: {doc_id: row}}``) written through an orjson-backed
`Storage`, which parses and writes several times faster than the stdlib one. TinyDB re-reads the
whole file on every uncached query, so `Store` reads it once at open and answers from memory;
the store is read-only while browsing. Rows are converted to dataclasses lazily, per file, so a
10,000-document store opens without building millions of objects.

The tables that grow with the text (passages, sentences, mentions, events) hold one row per
document whose `columns` is a JSON string of one list per field (`{"start": [...], "end":
[...]}`) rather than a row per record: at 10,000 documents that makes the file several times
smaller, opening it parses one string per document instead of millions of numbers, and a
document's records are decoded only when asked for. A mention's surface form is not
stored: it is `text[start:end]`; nor are an event's quote and anchor text, and its summary only
when it differs from the quote.

Writes never go through a live TinyDB handle: `write_store` lays out the tables and hands them to
the storage, which writes a temporary file, fsyncs and `os.replace`s it, so a build killed half
way leaves the previous store as it was. The file stays a TinyDB database for anyone scripting
against it: `TinyDB(path, storage=OrjsonStorage, access_mode="rb").table("sources").all()`.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Self, TypeVar

import orjson
from tinydb.storages import Storage

from store.errors import StoreCorrupt, StoreError, StoreTooNew
from store.models import Entity, Event, Mention, Passage, Record, Sentence, Source
from store.storage.atomic import write_bytes_atomic

SCHEMA_VERSION = 3
TABLES = ("sources", "texts", "passages", "sentences", "entities", "mentions", "events", "meta")

R = TypeVar("R", bound=Record)
T = TypeVar("T")

# Tables stored one row per document, column by column; the record's position in its document's
# row is its order. Fields not listed (a mention's surface) are derived from the text on read.
PACKED: dict[str, tuple[str, ...]] = {
    "passages": ("index", "start", "end", "kind", "page"),
    "sentences": ("passage", "index", "start", "end"),
    "mentions": ("entity", "start", "end", "sentence_start", "sentence_end"),
    "events": (
        "id", "date", "precision", "date_begin", "date_end", "mod", "anchor_start", "anchor_end",
        "start", "end", "summary", "entities", "cluster",
    ),
}  # fmt: skip


# Text fields every row of a table has; checked when the meta row is read, so a store damaged
# this way is moved aside and rebuilt before anything opens it.
_ROW_KEYS: dict[str, tuple[str, ...]] = {
    "texts": ("file", "text"),
    "sources": ("file",),
    **{name: ("file", "columns") for name in PACKED},
}


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


def write_store(
    path: Path, tables: Mapping[str, Iterable[dict[str, Any]]], meta: dict[str, Any]
) -> None:
    """Write every table and the meta row to `path` in one atomic replace."""
    layout: dict[str, dict[str, Any]] = {}
    for name, rows in tables.items():
        if name in PACKED:
            rows = _pack(rows, PACKED[name])
        layout[name] = {str(i): row for i, row in enumerate(rows, start=1)}
    layout["meta"] = {"1": {**meta, "schema": SCHEMA_VERSION}}
    OrjsonStorage(path).write(layout)


def _pack(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """Record rows -> one row per file with a list per column, files in first-seen order."""
    packed: dict[str, dict[str, Any]] = {}
    for row in rows:
        target = packed.get(row["file"])
        if target is None:
            target = packed[row["file"]] = {c: [] for c in columns}
        for column in columns:
            value = row[column]
            if column == "summary" and value == row.get("quote"):
                value = None  # the common case: read back as the quote
            target[column].append(value)
    # Each document's columns are one JSON string: parsing the store then costs one string per
    # document and table, and a document's columns are decoded only when it is asked for.
    return [{"file": f, "columns": orjson.dumps(cols).decode()} for f, cols in packed.items()]


def _stat_key(path: Path) -> tuple[str, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def read_meta(path: Path) -> dict[str, Any] | None:
    """The meta row of a store, or None when there is no store; raises StoreCorrupt."""
    return Store(path).read_meta()


def _meta_of(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    rows = data.get("meta")
    if not isinstance(rows, dict) or not rows:
        raise StoreCorrupt(
            f"{path}: the store has no meta table (truncated or not a Dossier store)"
        )
    meta = next(iter(rows.values()))
    if not isinstance(meta, dict):
        raise StoreCorrupt(f"{path}: the store's meta row is not a record (hand-edited or damaged)")
    for name in TABLES:
        table = data.get(name, {})
        if not isinstance(table, dict) or not all(isinstance(r, dict) for r in table.values()):
            raise StoreCorrupt(
                f"{path}: the store's {name!r} table is damaged (not a table of rows)"
            )
        keys = _ROW_KEYS.get(name, ())
        if keys and not all(isinstance(r.get(k), str) for r in table.values() for k in keys):
            raise StoreCorrupt(f"{path}: the store's {name!r} table is damaged (rows lack {keys})")
    schema = meta.get("schema")
    if not isinstance(schema, int):
        raise StoreCorrupt(f"{path}: the store's meta table has no schema version")
    if schema > SCHEMA_VERSION:
        raise StoreTooNew(
            f"{path}: the store was written by a newer Dossier (schema {schema}; this one reads "
            f"up to {SCHEMA_VERSION}). Upgrade Dossier, or point --store at another file."
        )
    return dict(meta)


def _columns(packed: dict[str, Any]) -> dict[str, list[Any]]:
    """The decoded columns of one document's row in a packed table."""
    columns: dict[str, list[Any]] = orjson.loads(packed["columns"])
    return columns


class Store:
    """Read access to a built store, loaded once into memory; thread-safe through one lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._opened = False
        self._raw: dict[str, list[dict[str, Any]]] = {}
        self._meta: dict[str, Any] = {}
        self._cache: dict[tuple[str, str | None], list[Any]] = {}
        self._by_file: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self._texts: dict[str, str] = {}
        self._sources: list[Source] = []
        self._source_names: dict[str, Source] = {}
        self._by_entity: dict[str, list[tuple[str, int]]] | None = None
        self._derived: dict[str, Any] = {}
        # The parse `read_meta` made of the file, handed (once) to the `open` that follows, so a
        # command that checks staleness and then opens the store parses the file once.
        self._handoff: tuple[tuple[str, int, int], dict[str, Any]] | None = None

    # -- life cycle -------------------------------------------------------------------------
    def open(self) -> Self:
        with self._lock:
            if self._opened:
                return self
            if not self.path.exists():
                raise StoreError(f"{self.path}: no store here; run `dossier build` first")
            data = self._take_parse() or {}
            self._meta = _meta_of(self.path, data)
            self._raw = {name: list(data.get(name, {}).values()) for name in TABLES}
            try:
                self._texts = {row["file"]: row["text"] for row in self._raw["texts"]}
                self._sources = [Source.from_row(r) for r in self._raw["sources"]]
            except (KeyError, TypeError, ValueError) as exc:
                raise StoreCorrupt(f"{self.path}: the store's rows are damaged ({exc!r})") from None
            for source in reversed(self._sources):  # the first source wins a shared name
                for name in (source.file, source.id, Path(source.file).stem):
                    self._source_names[name] = source
            self._opened = True
            return self

    def close(self) -> None:
        with self._lock:
            self._opened = False
            self._raw, self._cache, self._by_file, self._texts = {}, {}, {}, {}
            self._source_names, self._by_entity = {}, None
            self._derived, self._handoff = {}, None

    def read_meta(self) -> dict[str, Any] | None:
        """The meta row of the file, or None when there is none; raises StoreCorrupt.

        Keeps the parse for the `open` that follows, as long as the file is unchanged.
        """
        data = OrjsonStorage(self.path).read()
        if data is None:
            return None
        meta = _meta_of(self.path, data)
        key = _stat_key(self.path)
        with self._lock:
            self._handoff = (key, data) if key is not None else None
        return meta

    def forget_parse(self) -> None:
        """Drop a kept parse: the file is about to be (or has been) replaced."""
        with self._lock:
            self._handoff = None

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """A value computed once from this store (the search index, entity name tables...).

        Kept on the store so it lives and dies with it; `make` runs under the store's lock.
        """
        with self._lock:
            if key not in self._derived:
                self._derived[key] = make()
            value: T = self._derived[key]
            return value

    def __enter__(self) -> Self:
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
        return self._source_names.get(name)

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

    def mentions(self, file: str | None = None, *, entity: str | None = None) -> list[Mention]:
        """Mentions in a file, of an entity, or (costly on a big store) all of them."""
        if entity is None:
            return self._records("mentions", Mention, file)
        with self._lock:
            if self._by_entity is None:
                self._by_entity = defaultdict(list)
                for row in self._raw.get("mentions", []):
                    for i, entity_id in enumerate(_columns(row)["entity"]):
                        self._by_entity[entity_id].append((row["file"], i))
            places = self._by_entity.get(entity, [])
        if file is not None:
            places = [p for p in places if p[0] == file]
        by_file: dict[str, list[Mention]] = {}
        result = []
        for name, i in places:
            if name not in by_file:
                by_file[name] = self._records("mentions", Mention, name)
            result.append(by_file[name][i])
        return result

    def mention_counts(self) -> dict[str, dict[str, int]]:
        """Mentions per entity per file, counted without building a record per mention."""
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        for row in self._raw.get("mentions", []):
            file = row["file"]
            for entity_id, n in Counter(_columns(row)["entity"]).items():
                counts[entity_id][file] = n
        return dict(counts)

    def events(self, file: str | None = None) -> list[Event]:
        return self._records("events", Event, file)

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Record rows of a table (packed tables unpacked), for modules that own a format."""
        if table in PACKED:
            return [
                row for packed in self._raw.get(table, ()) for row in self._unpack(table, packed)
            ]
        return list(self._raw.get(table, ()))

    # -- internals --------------------------------------------------------------------------
    def _take_parse(self) -> dict[str, Any] | None:
        """The kept parse when it is of the file as it is now; otherwise a fresh parse."""
        handoff, self._handoff = self._handoff, None
        if handoff is not None and handoff[0] == _stat_key(self.path):
            return handoff[1]
        return OrjsonStorage(self.path).read()

    def _records(self, table: str, kind: type[R], file: str | None) -> list[R]:
        key = (table, file)
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                try:
                    if table in PACKED:
                        cached = self._packed_records(table, kind, file)
                    else:
                        rows = (
                            self._raw.get(table, [])
                            if file is None
                            else self._grouped(table).get(file, [])
                        )
                        cached = [kind.from_row(row) for row in rows]
                except (KeyError, TypeError, ValueError) as exc:
                    raise StoreCorrupt(
                        f"{self.path}: the store's {table!r} rows are damaged ({exc!r}); "
                        "`dossier build --force` rebuilds it"
                    ) from None
                self._cache[key] = cached
            return list(cached)

    def _packed_records(self, table: str, kind: type[R], file: str | None) -> list[R]:
        if file is None:
            return [r for f in self._grouped(table) for r in self._records(table, kind, f)]
        packed = self._grouped(table).get(file)
        if not packed:
            return []
        return [kind(**row) for row in self._unpack(table, packed[0])]

    def _unpack(self, table: str, packed: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            return self._unpack_rows(table, packed)
        except (KeyError, TypeError, ValueError, IndexError, orjson.JSONDecodeError) as exc:
            raise StoreCorrupt(
                f"{self.path}: the store's {table!r} rows are damaged ({exc!r}); "
                "`dossier build --force` rebuilds it"
            ) from None

    def _unpack_rows(self, table: str, packed: dict[str, Any]) -> list[dict[str, Any]]:
        file = packed["file"]
        columns = PACKED[table]
        decoded = _columns(packed)
        rows = [
            dict(zip(columns, values, strict=True), file=file)
            for values in zip(*(decoded[c] for c in columns), strict=True)
        ]
        text = self._texts.get(file, "")
        if table == "mentions":
            for row in rows:
                row["surface"] = text[row["start"] : row["end"]]
        elif table == "events":
            for row in rows:
                row["quote"] = quote = text[row["start"] : row["end"]]
                row["anchor_text"] = text[row["anchor_start"] : row["anchor_end"]]
                row["entities"] = tuple(row["entities"])
                if row["summary"] is None:
                    row["summary"] = quote
        return rows

    def _grouped(self, table: str) -> dict[str, list[dict[str, Any]]]:
        grouped = self._by_file.get(table)
        if grouped is None:
            grouped = defaultdict(list)
            for row in self._raw.get(table, []):
                grouped[row.get("file", "")].append(row)
            self._by_file[table] = grouped
        return grouped
