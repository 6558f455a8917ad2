"""Why the index is a mapped sidecar with positions: the alternatives, measured on one store.

* persistence: the same index as a TinyDB table inside the store, as JSON (stdlib, orjson), as
  marshal or pickle, and as the raw mapped sidecar; size and time to load it ready for queries;
* phrases: positional postings (what the index keeps) against verifying candidate passages by
  re-tokenising them, for one phrase, with the index size each needs.

    python benchmarks/bench_formats.py /tmp/dossier-bench/store-1000.json
"""

from __future__ import annotations

import json
import marshal
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.search import load_index
from store.search.index import ARRAYS, Index
from store.search.query import Phrase, parse
from store.search.sidecar import index_path, load_index_file
from store.storage.db import Store
from store.storage.layout import write_store
from store.text.fold import TOKEN, fold_text


def best(fn: Callable[[], Any], reps: int = 5) -> float:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def as_lists(index: Index) -> dict[str, Any]:
    return {"terms": index.terms, **{k: index.arrays[k].tolist() for k in ARRAYS}}


def from_lists(data: dict[str, Any], index: Index) -> None:
    for k in ARRAYS:
        np.asarray(data[k], dtype=index.arrays[k].dtype)


def persistence(store_path: Path) -> list[tuple[str, float, float]]:
    with Store(store_path) as store:
        index = load_index(store)
        lists = as_lists(index)
        rows: list[tuple[str, float, float]] = []
        side = index_path(store_path)
        rows.append(
            (
                "raw sidecar, mmap (chosen)",
                side.stat().st_size / 1e6,
                best(lambda: load_index_file(side)),
            )
        )
        data = json.dumps(lists).encode()
        rows.append(
            ("JSON (stdlib)", len(data) / 1e6, best(lambda: from_lists(json.loads(data), index), 3))
        )
        data2 = orjson.dumps(lists)
        rows.append(
            (
                "JSON (orjson)",
                len(data2) / 1e6,
                best(lambda: from_lists(orjson.loads(data2), index), 3),
            )
        )
        blobs = {"terms": index.terms, **{k: index.arrays[k].tobytes() for k in ARRAYS}}
        data3 = marshal.dumps(blobs)

        def unmarshal() -> None:
            got = marshal.loads(data3)
            for k in ARRAYS:
                np.frombuffer(got[k], dtype=index.arrays[k].dtype)

        rows.append(("marshal (bytes per array)", len(data3) / 1e6, best(unmarshal)))
        data4 = pickle.dumps(
            {"terms": index.terms, **{k: np.array(index.arrays[k]) for k in ARRAYS}}, protocol=5
        )
        rows.append(
            ("pickle 5 (numpy arrays)", len(data4) / 1e6, best(lambda: pickle.loads(data4)))
        )
        tables = {
            name: store.rows(name)
            for name in (
                "sources",
                "texts",
                "passages",
                "sentences",
                "entities",
                "mentions",
                "events",
            )
        }
        meta = store.meta()
    with tempfile.TemporaryDirectory() as tmp:
        plain, withidx = Path(tmp) / "plain.json", Path(tmp) / "idx.json"
        write_store(plain, tables, meta)
        write_store(withidx, {**tables, "search_index": [lists]}, meta)

        from store.storage.db import OrjsonStorage

        def open_with_table() -> None:
            data = OrjsonStorage(withidx).read() or {}  # what Store.open parses
            from_lists(next(iter(data["search_index"].values())), index)

        base = best(lambda: OrjsonStorage(plain).read(), 5)
        extra = best(open_with_table, 5) - base
        rows.append(
            (
                "TinyDB table in the store",
                (withidx.stat().st_size - plain.stat().st_size) / 1e6,
                extra,
            )
        )
    return rows


def phrases(store_path: Path, query: str) -> dict[str, float]:
    tree = parse(query)
    assert isinstance(tree, Phrase)
    words = [t.raw for t in tree.terms]
    with Store(store_path) as store:
        index = load_index(store)
        from store.search.evaluate import EntityNames, Evaluator

        ev = Evaluator(index, EntityNames([]))
        positional = best(lambda: ev.evaluate(tree), 10)
        total = int(ev.evaluate(tree)[0].sum())

        def scan() -> int:
            ids = [index.term_id(w) for w in words]
            cand = None
            for tid in ids:
                pids = set(index.postings(tid)[0].tolist())
                cand = pids if cand is None else cand & pids
            found = 0
            for pid in sorted(cand or ()):
                file = index.files[int(index.p_file[pid])]
                s, e = int(index.p_start[pid]), int(index.p_end[pid])
                toks = TOKEN.findall(fold_text(store.text(file)[s:e]))
                if any(toks[i : i + len(words)] == words for i in range(len(toks))):
                    found += 1
            return found

        assert scan() == total
        scanned = best(scan, 3)
        pos_mb = index.arrays["pos"].nbytes / 1e6 + index.arrays["pos_off"].nbytes / 1e6
    return {
        "matches": total,
        "positional_ms": positional,
        "scan_ms": scanned,
        "positions_mb": pos_mb,
    }


def main() -> None:
    store_path = Path(sys.argv[1])
    print("| format | size MB | load ms |\n|---|---:|---:|")
    for name, size, ms in persistence(store_path):
        print(f"| {name} | {size:.1f} | {ms:.1f} |")
    result = phrases(store_path, sys.argv[2] if len(sys.argv) > 2 else '"told reporters"')
    print(json.dumps(result))


if __name__ == "__main__":
    main()
