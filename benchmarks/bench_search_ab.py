"""Search before and after a change, measured in turns so both see the same machine load.

bench_search.py measures one checkout; on a shared machine two runs minutes apart differ by
more than most changes do. This runs two checkouts' search code on their own stores of the same
corpus in alternating fresh processes (before, after, before, after, ...) and keeps each
figure's best round: query latency p50, index load (map) time and the index rebuild from the
store (the build's index stage without the rest of the pipeline).

    python benchmarks/bench_search_ab.py --before /tmp/base --after . \\
        --store-before /tmp/b/store-1000.json --store-after /tmp/a/store-1000.json

The before checkout can be any commit (`git archive COMMIT | tar -x -C /tmp/base`); the queries
are bench_search.py's, chosen from the after store.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, statistics, sys, time
from pathlib import Path
from store.storage.db import Store
from store.search import load_index, search
store = Store(Path(sys.argv[1])).open()
t = time.perf_counter()
load_index(store)
out = {"index load ms": (time.perf_counter() - t) * 1000}
reps = int(sys.argv[3])
for q in json.loads(sys.argv[2]):
    search(store, q, limit=20)
    samples = []
    for _ in range(reps):
        t = time.perf_counter()
        search(store, q, limit=20)
        samples.append(time.perf_counter() - t)
    out[q] = statistics.median(samples) * 1000
from store.search.engine import _rebuild
t = time.perf_counter()
index = _rebuild(store, "ab")
out["index rebuild s"] = time.perf_counter() - t
print(json.dumps(out))
"""


def _child(tree: Path, store: Path, queries: list[str], reps: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(store), json.dumps(queries), str(reps)],
        capture_output=True,
        text=True,
        cwd=tree,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child in {tree} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(
    before: Path, after: Path, store_before: Path, store_after: Path, rounds: int, reps: int
) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    from bench_search import pick_queries  # type: ignore[import-not-found]

    named = [(q["name"], q["q"]) for q in pick_queries(store_after)]
    queries = [q for _, q in named]
    best: dict[str, dict[str, float]] = {"before": {}, "after": {}}
    for _ in range(rounds):
        for side, tree, store in (
            ("before", before, store_before),
            ("after", after, store_after),
        ):
            for key, value in _child(tree, store, queries, reps).items():
                best[side][key] = min(best[side].get(key, value), value)
    sizes = {
        side: Path(str(store) + ".index").stat().st_size / 1e6
        for side, store in (("before", store_before), ("after", store_after))
    }
    rows = [
        {
            "name": name,
            "query": q,
            "before_ms": best["before"][q],
            "after_ms": best["after"][q],
            "ratio": best["after"][q] / best["before"][q],
        }
        for name, q in named
    ]
    return {
        "queries": rows,
        "index_load_ms": [best["before"]["index load ms"], best["after"]["index load ms"]],
        "index_rebuild_s": [best["before"]["index rebuild s"], best["after"]["index rebuild s"]],
        "index_mb": [sizes["before"], sizes["after"]],
        "rounds": rounds,
        "reps": reps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", type=Path, required=True, help="checkout before the change")
    parser.add_argument("--after", type=Path, default=HERE.parent)
    parser.add_argument("--store-before", type=Path, required=True)
    parser.add_argument("--store-after", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reps", type=int, default=20)
    args = parser.parse_args()
    result = run(
        args.before.resolve(),
        args.after.resolve(),
        args.store_before,
        args.store_after,
        args.rounds,
        args.reps,
    )
    for row in result["queries"]:
        print(
            f"{row['name']:14} {row['query']:26} {row['before_ms']:7.2f} -> "
            f"{row['after_ms']:7.2f} ms  x{row['ratio']:.2f}"
        )
    for key in ("index_load_ms", "index_rebuild_s", "index_mb"):
        print(f"{key:15} {result[key][0]:9.2f} -> {result[key][1]:9.2f}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
