"""A file of named byte blobs, written in one pass and read by mapping: the store's sidecars.

Layout: `MAGIC`, then the blobs one after another (each 8-byte aligned), then a JSON trailer
(format version, the build's fingerprint, each blob's name -> [offset, length]) and its length
as 8 little-endian bytes, then `MAGIC` again. The trailer comes last so a writer can stream
blobs of unknown size without holding them; a reader maps the file, reads the trailer from the
end and slices what it is asked for, so opening costs the trailer's size whatever the file's.

Writing goes to a temporary file beside the target, fsynced and `os.replace`d in, like every
store write (store/storage/atomic.py): a killed build leaves the previous file.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import struct
import tempfile
from pathlib import Path
from typing import Any, Self

import orjson

from store.errors import StoreError
from store.storage.atomic import TEMP_SUFFIX, fsync_directory, os_reason

MAGIC = b"DOSSBLB1"
FORMAT_VERSION = 1
_TAIL = struct.Struct("<Q")


class BlobsUnusable(Exception):
    """The file is missing, truncated, of another format or of another build."""


class BlobWriter:
    """Stream blobs into a new file; `commit()` puts it in place atomically."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.entries: dict[str, list[int]] = {}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=TEMP_SUFFIX, dir=self.path.parent
            )
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write ({os_reason(exc)})") from None
        self.tmp = Path(tmp)
        self.handle = os.fdopen(fd, "wb")
        self.offset = 0
        self._write(MAGIC)

    def _write(self, data: bytes | memoryview) -> None:
        try:
            self.handle.write(data)
        except OSError as exc:
            self.abort()
            raise StoreError(
                f"{self.path}: cannot write ({os_reason(exc)}); the previous file is kept"
            ) from None
        self.offset += len(data)

    def add(self, name: str, data: bytes | memoryview) -> None:
        pad = -self.offset % 8
        if pad:
            self._write(b"\0" * pad)
        self.entries[name] = [self.offset, len(data)]
        self._write(data)

    def commit(self, fingerprint: str, extra: dict[str, Any] | None = None) -> None:
        trailer = orjson.dumps(
            {
                "version": FORMAT_VERSION,
                "fingerprint": fingerprint,
                "entries": self.entries,
                **(extra or {}),
            }
        )
        self._write(trailer)
        self._write(_TAIL.pack(len(trailer)) + MAGIC)
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.abort()
            raise StoreError(
                f"{self.path}: cannot write ({os_reason(exc)}); the previous file is kept"
            ) from None
        fsync_directory(self.path.parent)

    def abort(self) -> None:
        """Drop the temporary file (the target is untouched)."""
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is not None and not self.handle.closed:
            self.abort()


class BlobFile:
    """A mapped blob file: `get(name)` is a zero-copy view of one blob."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            with open(self.path, "rb") as handle:
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:
            raise BlobsUnusable(f"{self.path}: {exc}") from None
        size = len(self._map)
        tail = len(MAGIC) + _TAIL.size
        if size < len(MAGIC) + tail or self._map[: len(MAGIC)] != MAGIC:
            raise BlobsUnusable(f"{self.path}: not a Dossier blob file")
        if self._map[size - len(MAGIC) :] != MAGIC:
            raise BlobsUnusable(f"{self.path}: truncated")
        (length,) = _TAIL.unpack(self._map[size - tail : size - len(MAGIC)])
        start = size - tail - length
        if length <= 0 or start < len(MAGIC):
            raise BlobsUnusable(f"{self.path}: damaged trailer")
        try:
            trailer = orjson.loads(self._map[start : size - tail])
            entries = trailer["entries"]
            if trailer["version"] != FORMAT_VERSION or not isinstance(entries, dict):
                raise BlobsUnusable(f"{self.path}: another format")
            for offset, count in entries.values():
                if not (offset >= 0 and offset + count <= start):
                    raise BlobsUnusable(f"{self.path}: a blob lies outside the file")
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise BlobsUnusable(f"{self.path}: damaged trailer ({exc})") from None
        self.trailer: dict[str, Any] = trailer
        self.entries: dict[str, list[int]] = entries
        self.fingerprint = str(trailer.get("fingerprint", ""))

    def get(self, name: str) -> memoryview | None:
        entry = self.entries.get(name)
        if entry is None:
            return None
        offset, count = entry
        return memoryview(self._map)[offset : offset + count]

    def __contains__(self, name: str) -> bool:
        return name in self.entries

    def close(self) -> None:
        with contextlib.suppress(BufferError, ValueError):
            self._map.close()
