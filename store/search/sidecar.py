"""The index's file: `<store>.index`, written atomically beside the store, mapped at load.

A small JSON header (format version, the store's fingerprint, file names, kinds, array layout)
is followed by the vocabulary, the stems and each source's words for `source:` as UTF-8 blobs and
the raw little-endian arrays, each 8-byte aligned. Version 2 added word forms (stems), the second
Latin spelling of Cyrillic words and the source words; an older sidecar is rebuilt. Loading maps the file and wraps the arrays without copying, so opening costs
milliseconds whatever the corpus size (docs/search.md compares this with JSON, orjson, marshal,
pickle and a TinyDB table). The fingerprint lets `store.search.engine.load_index` notice a sidecar that
belongs to another build and rebuild it from the store's passages.
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from store.models import Document
from store.search.index import ARRAYS, Index
from store.storage.atomic import write_bytes_atomic

MAGIC = b"DOSSIDX1"
FORMAT_VERSION = 2


def index_path(store_path: Path) -> Path:
    """The sidecar beside the store: `<store>.index`."""
    return Path(store_path).with_name(Path(store_path).name + ".index")


def dump_index(index: Index) -> bytes:
    """Header (JSON) + vocabulary blob + raw arrays, each 8-byte aligned."""
    blobs: list[tuple[str, bytes]] = [
        ("terms", "\n".join(index.terms).encode("utf-8")),
        ("stems", "\n".join(index.stems).encode("utf-8")),
        ("sources", index.source_lines.encode("utf-8")),
    ]
    descr: dict[str, list[Any]] = {}
    for name in ARRAYS:
        arr = np.ascontiguousarray(index.arrays[name])
        descr[name] = [arr.dtype.str, int(arr.shape[0])]
        blobs.append((name, arr.tobytes()))
    header_fields = {
        "version": FORMAT_VERSION,
        "fingerprint": index.fingerprint,
        "files": index.files,
        "kinds": index.kinds,
        "entity_ids": index.entity_ids,
        "types": index.types,
        "n_terms": len(index.terms),
        "n_stems": len(index.stems),
        "arrays": descr,
        "offsets": {},
    }
    # Two passes: offsets depend on the header's length, which depends on the offsets.
    offsets: dict[str, list[int]] = {name: [0, len(data)] for name, data in blobs}
    for _ in range(3):
        header_fields["offsets"] = offsets
        header = orjson.dumps(header_fields)
        cursor = _align(len(MAGIC) + 8 + len(header))
        new: dict[str, list[int]] = {}
        for name, data in blobs:
            new[name] = [cursor, len(data)]
            cursor = _align(cursor + len(data))
        if new == offsets:
            break
        offsets = new
    header_fields["offsets"] = offsets
    header = orjson.dumps(header_fields)
    out = bytearray(MAGIC + struct.pack("<Q", len(header)) + header)
    for name, data in blobs:
        out.extend(b"\0" * (offsets[name][0] - len(out)))
        out.extend(data)
    return bytes(out)


def _align(n: int) -> int:
    return (n + 7) & ~7


def write_index_file(path: Path, index: Index) -> None:
    write_bytes_atomic(path, dump_index(index))


class IndexUnusable(Exception):
    """The sidecar is missing, damaged or of another format; the caller rebuilds it."""


def load_index_file(path: Path) -> Index:
    """Map the sidecar into memory and view its arrays in place."""
    try:
        with open(path, "rb") as handle:
            mm = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as exc:
        raise IndexUnusable(str(exc)) from exc
    try:
        if mm[: len(MAGIC)] != MAGIC:
            raise IndexUnusable("not a Dossier index")
        (hlen,) = struct.unpack("<Q", mm[len(MAGIC) : len(MAGIC) + 8])
        header = orjson.loads(mm[len(MAGIC) + 8 : len(MAGIC) + 8 + hlen])
        if header.get("version") != FORMAT_VERSION:
            raise IndexUnusable("index format version differs")
        offsets = header["offsets"]
        terms = _words(mm, offsets["terms"], header["n_terms"])
        stems = _words(mm, offsets["stems"], header["n_stems"])
        start, length = offsets["sources"]
        if start + length > len(mm):
            raise IndexUnusable("index file is truncated")
        source_lines = mm[start : start + length].decode("utf-8")
        arrays: dict[str, np.ndarray] = {}
        for name in ARRAYS:
            dtype, count = header["arrays"][name]
            start, length = offsets[name]
            if start + length > len(mm):
                raise IndexUnusable("index file is truncated")
            if count == 0:
                arrays[name] = np.zeros(0, dtype=np.dtype(dtype))
            else:
                arrays[name] = np.frombuffer(mm, dtype=np.dtype(dtype), count=count, offset=start)
    except (KeyError, TypeError, ValueError, struct.error, orjson.JSONDecodeError) as exc:
        raise IndexUnusable(f"damaged index: {exc}") from exc
    if len(terms) != header["n_terms"] or len(stems) != header["n_stems"]:
        raise IndexUnusable("damaged index vocabulary")
    if header["files"] and source_lines.count("\n") + 1 != len(header["files"]):
        raise IndexUnusable("damaged index: source words do not match the files")
    problem = structure_problem(
        arrays,
        len(terms),
        len(header["files"]),
        len(header["entity_ids"]),
        len(header["types"]),
        len(stems),
    )
    if problem is not None:
        raise IndexUnusable(f"damaged index: {problem}")
    return Index(
        fingerprint=header["fingerprint"],
        terms=terms,
        files=header["files"],
        source_lines=source_lines,
        kinds=header["kinds"],
        entity_ids=header["entity_ids"],
        types=header["types"],
        stems=stems,
        arrays=arrays,
        _keep=mm,
    )


def _words(mm: mmap.mmap, where: list[int], count: int) -> list[str]:
    """One newline-separated blob of the file as a list of words."""
    start, length = where
    if start + length > len(mm):
        raise IndexUnusable("index file is truncated")
    return mm[start : start + length].decode("utf-8").split("\n") if count else []


def documents_from(passages_by_file: Iterable[tuple[str, str, list[Any]]]) -> list[Document]:
    """Documents rebuilt from a store's texts and passages (sentences are not needed here)."""
    return [Document(file, text, tuple(ps), ()) for file, text, ps in passages_by_file]


def structure_problem(
    arrays: dict[str, np.ndarray],
    n_terms: int,
    n_files: int,
    n_entities: int,
    n_types: int,
    n_stems: int = 0,
) -> str | None:
    """What is wrong with the arrays' shape, or None: offsets that run from 0 to the end of
    what they index, ids inside their tables. Damaged bytes in an otherwise valid file fail
    here (a few vectorised passes, milliseconds at 10,000 documents), never as an IndexError
    in the middle of a search."""
    n = len(arrays["p_file"])
    sized = {
        "post_off": (n_terms, "post_pid"), "pos_off": (n_terms, "pos"),
        "file_first": (n_files, None), "ent_off": (n_entities, "ent_pid"),
        "typ_off": (n_types, "typ_pid"), "stem_off": (n_stems, "stem_tid"),
    }  # fmt: skip
    for name, (count, target) in sized.items():
        offsets = arrays[name]
        end = len(arrays[target]) if target else n
        if len(offsets) != count + 1 or offsets[0] != 0 or offsets[-1] != end:
            return f"{name} does not span its table"
        if count and bool((offsets[1:] < offsets[:-1]).any()):
            return f"{name} goes backwards"
    same = [("post_pid", "post_imp"), ("ent_pid", "ent_imp"), ("typ_pid", "typ_imp")]
    same += [("p_file", p) for p in ("p_index", "p_start", "p_end", "p_kind", "p_len")]
    same += [("ev_pid", e) for e in ("ev_begin", "ev_end", "ev_astart", "ev_aend")]
    for a, b in same:
        if len(arrays[a]) != len(arrays[b]):
            return f"{a} and {b} differ in length"
    bounds = {
        "post_pid": n,
        "ent_pid": n,
        "typ_pid": n,
        "ev_pid": n,
        "p_file": n_files,
        "p_kind": 4,
        "stem_tid": n_terms,
    }
    for name, limit in bounds.items():
        values = arrays[name]
        if len(values) and (int(values.min()) < 0 or int(values.max()) >= limit):
            return f"{name} points outside its table"
    if n and bool((arrays["p_end"] < arrays["p_start"]).any() or int(arrays["p_start"].min()) < 0):
        return "a passage ends before it begins"
    if len(arrays["pos"]) and int(arrays["pos"].min()) < 0:
        return "a position is negative"
    return None
