"""The staleness check's own small file: the meta row and the stat index, beside the store.

Deciding whether a 10,000-document store is up to date needs only its meta row and its stat
index, yet both live in the TinyDB file with the whole catalogue (sources, entities and their
mention counts: megabytes of JSON). So each build also writes `STORE.state`, a copy of those
two, stamped with the size, mtime and inode of the new TinyDB file (its temporary, written and
fsynced, which a rename does not change) before that file replaces the store: the store's own
replace stays the build's last step. A check reads the small file and trusts it only while the
TinyDB file carries that stamp; a store replaced, restored, edited or left as it was by a
killed build does not match, and the check parses the TinyDB file, which is always the truth.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from store.storage.atomic import write_bytes_atomic

FORMAT = 1


def state_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".state")


def _stamp(store_path: Path) -> list[int] | None:
    try:
        info = os.stat(store_path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def write_state(
    store_path: Path, written: Path, meta: dict[str, Any], files: list[dict[str, Any]]
) -> None:
    """The meta and stat index of the TinyDB file `written`, about to become `store_path`."""
    stamp = _stamp(written)
    if stamp is None:
        return
    record = {"format": FORMAT, "store": stamp, "meta": meta, "files": files}
    write_bytes_atomic(state_path(store_path), orjson.dumps(record))


def read_state_file(store_path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """(meta, files) when the state file matches the TinyDB file as it is now; else None."""
    try:
        record = orjson.loads(state_path(store_path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return None
    stamp = _stamp(store_path)
    meta, files = record.get("meta"), record.get("files")
    if stamp is None or record.get("store") != stamp:
        return None
    if not isinstance(meta, dict) or not isinstance(files, list):
        return None
    if not all(isinstance(row, dict) for row in files):
        return None
    return meta, files
