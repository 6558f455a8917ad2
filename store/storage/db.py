"""The TinyDB store: the only module that imports tinydb.

A store is three files. `STORE` is a TinyDB database in TinyDB's JSON layout (``{table:
{doc_id: row}}``) holding what every command needs at once and what grows only with the number
of documents: `meta` (schema, fingerprint, the corpus it was built from, counts), `sources`,
`entities` and `files` (the stat index that tells in milliseconds which documents changed). `STORE.docs` (store/storage/docs.py) holds each
document's text and records, mapped and decoded per document on demand; `STORE.index` is the
search index. Opening a 10,000-document store parses only the first.

Writes never go through a live TinyDB handle: the sidecars and then the TinyDB file are each
written to a temporary file, fsynced and `os.replace`d in, the TinyDB file last, so a build
killed at any point leaves a store whose parts agree (each carries the build's fingerprint: a
sidecar of another build is noticed and rebuilt). The file stays a TinyDB database for anyone
scripting against it: `TinyDB(path, storage=OrjsonStorage, access_mode="rb").table("sources")`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self, TypeVar

import orjson
from tinydb.storages import Storage

from store.errors import StoreCorrupt, StoreError
from store.models import Entity, Event, Mention, Passage, Record, Sentence, Source
from store.storage.atomic import os_reason, write_bytes_atomic
from store.storage.blobs import BlobFile, BlobsUnusable
from store.storage.docs import (
    COUNTS_KEY,
    DOC_TABLES,
    docs_path,
    parts_key,
    rows_key,
    text_key,
    unpack,
)
from store.storage.layout import TABLES, check_schema, entity_mention_rows, meta_of
from store.storage.state_file import read_state_file

TEXT_CACHE = 256  # decoded texts kept per store (the app reads a document many times)

R = TypeVar("R", bound=Record)
T = TypeVar("T")


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
            raise StoreError(f"{self.path}: cannot read the store: {os_reason(exc)}") from exc
        if not data.strip():
            raise StoreCorrupt(f"{self.path}: the store is empty")
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise StoreCorrupt(f"{self.path}: the store is not valid JSON ({exc})") from exc
        if not isinstance(parsed, dict):
            raise StoreCorrupt(f"{self.path}: the store is not a TinyDB JSON file")
        return parsed

    def write(
        self,
        data: dict[str, dict[str, Any]],
        before_replace: Callable[[Path], None] | None = None,
    ) -> None:
        write_bytes_atomic(self.path, orjson.dumps(data), before_replace)

    def close(self) -> None:
        pass


def read_meta(path: Path) -> dict[str, Any] | None:
    """The meta row of a store, or None when there is no store; raises StoreCorrupt."""
    return Store(path).read_meta()


def _stat_key(path: Path) -> tuple[str, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


class Store:
    """Read access to a built store; thread-safe through one lock.

    The TinyDB file is read once at `open`; documents' texts and records come from the mapped
    sidecar when first asked for, per document, and are kept (texts: the most recent).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._opened = False
        self._meta: dict[str, Any] = {}
        self._raw: dict[str, list[dict[str, Any]]] = {}
        self._docs: BlobFile | None = None
        self._cache: dict[tuple[str, str | None], list[Any]] = {}
        self._texts: dict[str, str] = {}
        self._sources: list[Source] = []
        self._source_names: dict[str, Source] = {}
        self._files: set[str] = set()
        self._order: list[str] = []  # every document, in corpus order
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
            self._meta = meta_of(self.path, data)
            self._raw = {name: list(data.get(name, {}).values()) for name in TABLES}
            try:
                self._sources = [Source.from_row(r) for r in self._raw["sources"]]
            except (KeyError, TypeError, ValueError) as exc:
                raise StoreCorrupt(f"{self.path}: the store's rows are damaged ({exc!r})") from None
            for source in reversed(self._sources):  # the first source wins a shared name
                for name in (source.file, source.id, Path(source.file).stem):
                    self._source_names[name] = source
            self._docs = self._map_docs()
            ordered = [s.file for s in self._sources]
            listed = set(ordered)
            ordered += [
                k[2:] for k in self._docs.entries if k.startswith("t:") and k[2:] not in listed
            ]
            self._order = ordered
            self._files = set(ordered)
            self._opened = True
            return self

    def _map_docs(self) -> BlobFile:
        try:
            docs = BlobFile(docs_path(self.path, self._meta))
        except BlobsUnusable as exc:
            raise StoreCorrupt(f"{self.path}: the store's documents are unusable ({exc})") from None
        if docs.fingerprint != self._meta.get("fingerprint"):
            docs.close()
            raise StoreCorrupt(f"{self.path}: the store's documents belong to another build")
        return docs

    def close(self) -> None:
        with self._lock:
            self._opened = False
            self._raw, self._cache, self._texts = {}, {}, {}
            self._source_names, self._files = {}, set()
            self._derived, self._handoff = {}, None
            if self._docs is not None:
                self._docs.close()
                self._docs = None

    def read_meta(self) -> dict[str, Any] | None:
        """The meta row of the file, or None when there is none; raises StoreCorrupt.

        Keeps the parse for the `open` that follows, as long as the file is unchanged.
        """
        quick = self._quick_state()
        if quick is not None:
            return quick[0]
        data = OrjsonStorage(self.path).read()
        if data is None:
            return None
        meta = meta_of(self.path, data)
        key = _stat_key(self.path)
        with self._lock:
            self._handoff = (key, data) if key is not None else None
        return meta

    def read_state(self) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """The meta row and the stat index (`files`), or None when there is no store; the parse
        is kept for the `open` that follows. Raises StoreCorrupt, StoreOutdated, StoreTooNew.
        The state file written beside the store answers when it matches the store as it is
        (store/storage/state_file.py): then the catalogue is not parsed at all."""
        quick = self._quick_state()
        if quick is not None:
            return quick
        data = OrjsonStorage(self.path).read()
        if data is None:
            return None
        meta = meta_of(self.path, data)
        key = _stat_key(self.path)
        with self._lock:
            self._handoff = (key, data) if key is not None else None
        return meta, list(data.get("files", {}).values())

    def _quick_state(self) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        state = read_state_file(self.path)
        if state is not None:
            check_schema(self.path, state[0])
        return state

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

    def files(self) -> list[dict[str, Any]]:
        """The stat index the store was built with: one row per document file."""
        return list(self._raw.get("files", ()))

    def text(self, file: str) -> str:
        with self._lock:
            text = self._texts.get(file)
            if text is not None:
                return text
            blob = self._blob(text_key(file)) if file in self._files else None
            if blob is None:
                raise StoreError(f"no document named {file!r} in the store")
            text = bytes(blob).decode("utf-8", "surrogatepass")
            if len(self._texts) >= TEXT_CACHE:
                self._texts.pop(next(iter(self._texts)))
            self._texts[file] = text
            return text

    def passages(self, file: str | None = None) -> list[Passage]:
        return self._records("passages", Passage, file)

    def sentences(self, file: str | None = None) -> list[Sentence]:
        return self._records("sentences", Sentence, file)

    def entities(self) -> list[Entity]:
        key = ("entities", None)
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                try:
                    cached = [Entity.from_row(r) for r in self._raw.get("entities", ())]
                except (KeyError, TypeError, ValueError) as exc:
                    raise self._damaged("entities", exc) from None
                self._cache[key] = cached
            return list(cached)

    def mentions(self, file: str | None = None, *, entity: str | None = None) -> list[Mention]:
        """Mentions in a file, of an entity (only the files it is mentioned in are read), or
        (costly on a big store) all of them."""
        if entity is None:
            return self._records("mentions", Mention, file)
        counts = self.mention_counts().get(entity, {})
        files = [f for f in counts if file is None or f == file]
        return [
            m for f in files for m in self._records("mentions", Mention, f) if m.entity == entity
        ]

    def mention_counts(self) -> dict[str, dict[str, int]]:
        """Mentions per entity per file: as the build counted them into the sidecar (read on
        first use: print-mode searches never need them), or counted from every document."""
        stored = self.derived("storage.counts", self._stored_counts)
        if stored is not None:
            return {k: dict(v) for k, v in stored.items()}
        counted = self.derived(
            "storage.mention_counts",
            lambda: dict(entity_mention_rows(self._records("mentions", Mention, None))),
        )
        return {k: dict(v) for k, v in counted.items()}

    def _stored_counts(self) -> dict[str, dict[str, int]] | None:
        blob = self._blob(COUNTS_KEY)
        if blob is None:
            return None
        try:
            stored = orjson.loads(blob)
        except orjson.JSONDecodeError as exc:
            raise self._damaged("mention counts", exc) from None
        if not isinstance(stored, dict):
            return None
        return {k: v for k, v in stored.items() if isinstance(k, str) and isinstance(v, dict)}

    def events(self, file: str | None = None) -> list[Event]:
        return self._records("events", Event, file)

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Record rows of a table (per-document tables unpacked), for modules that own a format."""
        if table in DOC_TABLES:
            return [row for file in self._order for row in self._doc_rows(table, file)]
        return list(self._raw.get(table, ()))

    def cached_parts(self, file: str, key: str) -> memoryview | None:
        """The build's cache of what extraction found in `file`, if it was made for `key`."""
        docs = self._docs
        if docs is None or docs.trailer.get("parts", {}).get(file) != key:
            return None
        return docs.get(parts_key(file))

    # -- internals --------------------------------------------------------------------------
    def _take_parse(self) -> dict[str, Any] | None:
        """The kept parse when it is of the file as it is now; otherwise a fresh parse."""
        handoff, self._handoff = self._handoff, None
        if handoff is not None and handoff[0] == _stat_key(self.path):
            return handoff[1]
        return OrjsonStorage(self.path).read()

    def _blob(self, name: str) -> memoryview | None:
        if self._docs is None:
            raise StoreError(f"{self.path}: the store is not open")
        return self._docs.get(name)

    def _damaged(self, table: str, exc: Exception) -> StoreCorrupt:
        return StoreCorrupt(
            f"{self.path}: the store's {table!r} rows are damaged ({exc!r}); "
            "`dossier build --force` rebuilds it"
        )

    def _doc_rows(self, table: str, file: str) -> list[dict[str, Any]]:
        blob = self._blob(rows_key(table, file))
        if blob is None:
            return []
        try:
            return unpack(table, file, blob, self.text(file))
        except (KeyError, TypeError, ValueError, IndexError, orjson.JSONDecodeError) as exc:
            raise self._damaged(table, exc) from None

    def _records(self, table: str, kind: type[R], file: str | None) -> list[R]:
        if file is None:
            return [r for f in self._order for r in self._records(table, kind, f)]
        key = (table, file)
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                rows = self._doc_rows(table, file) if file in self._files else []
                try:
                    cached = [kind(**row) for row in rows]
                except (KeyError, TypeError, ValueError) as exc:
                    raise self._damaged(table, exc) from None
                self._cache[key] = cached
            return list(cached)
