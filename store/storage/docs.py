"""The documents sidecar, `<store>.docs.<build>`: each document's text and records, one blob each.

Each build writes a new one (`STORE.docs.<build>`) and the TinyDB file, written after it,
names it; the previous one is deleted only then. What grows with the text lives here rather than in the TinyDB file, so opening the store (and
telling whether it is stale) never parses it: a document's text is its UTF-8 bytes
(`t:FILE`), each of its record tables one JSON blob of columns (`r:TABLE:FILE`, `{"start":
[...], "end": [...]}`), and the build's cache of what extraction found in it (`p:FILE`, with
the key it was computed for in the trailer's `parts` map), and one blob of mention counts per
entity and file (`c:mentions`). A reader maps the file and decodes only the documents and
tables it is asked for.

A mention's surface form is not stored (it is `text[start:end]`), nor an event's quote and
anchor text, and its summary only when it differs from the quote.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson

from store.storage.blobs import BlobWriter

# Record tables stored per document, column by column; a record's position in its document's
# blob is its order. Fields not listed (a mention's surface) are derived from the text on read.
PACKED: dict[str, tuple[str, ...]] = {
    "passages": ("index", "start", "end", "kind", "page"),
    "sentences": ("passage", "index", "start", "end"),
    "mentions": ("entity", "start", "end", "sentence_start", "sentence_end"),
    "events": (
        "id", "date", "precision", "date_begin", "date_end", "mod", "anchor_start", "anchor_end",
        "start", "end", "summary", "entities", "cluster",
    ),
}  # fmt: skip
DOC_TABLES = tuple(PACKED)


def docs_name(store_path: Path, fingerprint: str) -> str:
    """Each build writes its own sidecar (`STORE.docs.<build>`), and the TinyDB file names the
    one it goes with, so a build killed between the two leaves the old pair intact."""
    return f"{Path(store_path).name}.docs.{fingerprint[:16] or 'none'}"


def docs_path(store_path: Path, meta: Mapping[str, Any]) -> Path:
    """The sidecar the store's meta row names (see `docs_name`)."""
    info = meta.get("docs") or {}
    name = info.get("name") if isinstance(info, dict) else None
    return Path(store_path).with_name(name if isinstance(name, str) else "")


def remove_other_sidecars(store_path: Path, keep: str) -> None:
    """Delete the sidecars of earlier (or killed) builds once the TinyDB file names `keep`."""
    for other in Path(store_path).parent.glob(f"{Path(store_path).name}.docs.*"):
        if other.name != keep:
            with contextlib.suppress(OSError):
                other.unlink()


def text_key(file: str) -> str:
    return f"t:{file}"


def rows_key(table: str, file: str) -> str:
    return f"r:{table}:{file}"


def parts_key(file: str) -> str:
    return f"p:{file}"


# Mentions per entity per file ({entity: {file: count}}): what the entity list and views
# show, kept out of the TinyDB file, where at 10,000 documents it was two thirds of the bytes
# every command parsed.
COUNTS_KEY = "c:mentions"


class DocsWriter:
    """Streams documents into a new sidecar; `commit` puts it in place."""

    def __init__(self, store_path: Path, fingerprint: str) -> None:
        self.name = docs_name(store_path, fingerprint)
        self.path = Path(store_path).with_name(self.name)
        self.fingerprint = fingerprint
        self.blobs = BlobWriter(self.path)
        self.parts: dict[str, str] = {}

    def add_parts(self, file: str, text: str, parts: bytes, key: str) -> None:
        """A document's text, and the build's cache of what extraction found in it (valid for
        `key`): written as soon as the document is read, before the corpus-wide steps."""
        self.blobs.add(text_key(file), text.encode("utf-8", "surrogatepass"))
        self.blobs.add(parts_key(file), parts)
        self.parts[file] = key

    def add_rows(self, file: str, tables: Mapping[str, Iterable[dict[str, Any]]]) -> None:
        """A document's record rows, by table."""
        for table, rows in tables.items():
            self.blobs.add(rows_key(table, file), pack(rows, PACKED[table]))

    def add_counts(self, counts: Mapping[str, Mapping[str, int]]) -> None:
        """Mentions per entity per file, for the whole corpus."""
        self.blobs.add(COUNTS_KEY, orjson.dumps(counts))

    def add(
        self,
        file: str,
        text: str,
        tables: Mapping[str, Iterable[dict[str, Any]]],
    ) -> None:
        """A document's text and rows, with no cache (stores written from records directly)."""
        self.blobs.add(text_key(file), text.encode("utf-8", "surrogatepass"))
        self.add_rows(file, tables)

    def commit(self) -> dict[str, Any]:
        """Put the sidecar in place; returns what the meta row records of it."""
        self.blobs.commit(self.fingerprint, {"parts": self.parts})
        info = self.path.stat()
        return {"name": self.name, "size": info.st_size, "mtime_ns": info.st_mtime_ns}

    def abort(self) -> None:
        self.blobs.abort()


def pack(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    """Record rows of one document -> one JSON object of a list per column."""
    packed: dict[str, list[Any]] = {c: [] for c in columns}
    for row in rows:
        for column in columns:
            value = row[column]
            if column == "summary" and value == row.get("quote"):
                value = None  # the common case: read back as the quote
            packed[column].append(value)
    return orjson.dumps(packed)


def unpack(table: str, file: str, data: bytes | memoryview, text: str) -> list[dict[str, Any]]:
    """One document's rows of `table` back from `pack`, derived fields filled from `text`."""
    columns = PACKED[table]
    decoded = orjson.loads(data)
    rows = [
        dict(zip(columns, values, strict=True), file=file)
        for values in zip(*(decoded[c] for c in columns), strict=True)
    ]
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
