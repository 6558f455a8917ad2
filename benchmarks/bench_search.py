"""One benchmark run on one synthetic corpus: build, load, memory, search latency, first paint.

Everything is measured on the same files in the same run: Dossier's build (MB/s, per stage),
store and index size, store load and index load in a fresh process with its peak memory
(VmHWM from /proc, as `resource.getrusage` would report the parent's peak after exec), search latency p50/p95 for seven kinds of query next to ripgrep scanning
the corpus for the same words and SQLite FTS5 answering a top-20 query with snippets, and the
app's first frame next to a bare three-pane Textual app's.

    python benchmarks/bench_search.py --docs 1000 --work /tmp/dossier-bench
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
PY = sys.executable


def _child(code: str, *args: str) -> dict[str, Any]:
    """Run `code` in a fresh interpreter; it prints one JSON object as its last line."""
    done = subprocess.run(
        [PY, "-c", code, *args], capture_output=True, text=True, cwd=HERE.parent, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


BUILD = r"""
import json, resource, sys, time
from pathlib import Path
from store.build import build
stages, last = {}, [time.perf_counter()]
def progress(stage, done, total):
    now = time.perf_counter()
    stages[stage] = stages.get(stage, 0.0) + (now - last[0])
    last[0] = now
t0 = time.perf_counter()
report = build(Path(sys.argv[1]), Path(sys.argv[2]), force=True, progress=progress)
seconds = time.perf_counter() - t0
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest worker
print(json.dumps({"seconds": seconds, "stages": stages, "counts": report.counts,
                  "main_hwm_mb": hwm / 1024, "worker_hwm_mb": child / 1024}))
"""

LOAD = r"""
import json, sys, time
def hwm():
    # VmHWM starts afresh at exec; ru_maxrss would inherit the parent's peak.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
t0 = time.perf_counter()
from pathlib import Path
from store.storage.db import Store
t1 = time.perf_counter()
base = hwm()
store = Store(Path(sys.argv[1])).open()
t2 = time.perf_counter()
from store.search import load_index, search
t2b = time.perf_counter()
idx = load_index(store)
t3 = time.perf_counter()
search(store, sys.argv[2])
t4 = time.perf_counter()
peak = hwm()
print(json.dumps({"import": t1 - t0, "store_open": t2 - t1, "search_import": t2b - t2, "index_load": t3 - t2b,
                  "first_search": t4 - t3, "rss_base_mb": base / 1024, "rss_peak_mb": peak / 1024}))
"""

PAINT = r"""
import time
t0 = time.perf_counter()
import json, sys
from pathlib import Path
from textual.app import App
from textual.containers import Horizontal
from textual.widgets import Static
class Bare(App):
    def compose(self):
        with Horizontal():
            yield Static("sources"); yield Static("chronology"); yield Static("reader")
if sys.argv[1] == "bare":
    app = Bare()
else:
    from tui.app import make_app
    app = make_app(Path(sys.argv[2]), None)
t_run = []
out = {}
async def auto(pilot):
    out["first_frame"] = time.perf_counter() - t_run[0]
    out["process_to_frame"] = time.perf_counter() - t0
    await pilot.pause()
    pilot.app.exit()
t_run.append(time.perf_counter())
app.run(headless=True, size=(120, 40), auto_pilot=auto)
print(json.dumps(out))
"""


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000}


def _time(fn, reps: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    fn()  # warm
    samples = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return _stats(samples)


def pick_queries(store_path: Path) -> list[dict[str, Any]]:
    """The seven queries, chosen from the built index and catalogue so every size has real ones."""
    from store.search import load_index
    from store.search.evaluate import EntityNames, Evaluator
    from store.storage.db import Store
    from store.text.fold import fold

    sys.path.insert(0, str(HERE))
    from gen_corpus import FUNCTION

    store = Store(store_path).open()
    idx = load_index(store)
    df = {t: idx.df(i) for i, t in enumerate(idx.terms) if t.isalpha()}
    rare = min((t for t, d in df.items() if 3 <= d <= 12 and len(t) >= 7), key=lambda t: (df[t], t))
    common = max((t for t in df if t not in FUNCTION and len(t) >= 4), key=lambda t: (df[t], t))
    counts = {entity: sum(by_file.values()) for entity, by_file in store.mention_counts().items()}
    ents = {e.id: e for e in store.entities()}
    orgs = [e for e in ents.values() if e.type == "organisation" and e.aliases]
    org = max(orgs, key=lambda e: (counts.get(e.id, 0), e.id)) if orgs else None
    people = [e for e in ents.values() if e.type == "person" and any("ay" in a for a in e.aliases)]
    person = max(people, key=lambda e: (counts.get(e.id, 0), e.id)) if people else None
    surname = (person.name.split()[-1] if person else common).lower()
    fuzzy_terms = [idx.terms[i] for i in Evaluator(idx, EntityNames([])).fuzzy(surname)]
    queries = [
        {"name": "rare word", "q": rare, "rg": [rare], "fts": rare},
        {"name": "common word", "q": common, "rg": [common], "fts": common},
        {
            "name": "phrase",
            "q": '"told reporters"',
            "rg": ["told reporters"],
            "fts": '"told reporters"',
        },
    ]
    if org is not None:
        forms = [org.name, *org.aliases]
        queries.append(
            {
                "name": "entity filter",
                "q": f"entity:{org.aliases[0]}",
                "rg": forms,
                "fts": " OR ".join(f'"{fold(f)}"' for f in forms),
            }
        )
    queries.append(
        {
            "name": "fuzzy term",
            "q": f"{surname}~",
            "rg": fuzzy_terms,
            "fts": " OR ".join(fuzzy_terms),
        }
    )
    queries.append(
        {"name": "date filter", "q": "date:2015-06", "rg": ["June 2015"], "fts": '"june 2015"'}
    )
    # The common word quoted: the exact word alone, as every unquoted word was before word forms
    # (so "common word" against this is what stemming costs).
    queries.append({"name": "exact word", "q": f'"{common}"', "rg": [common], "fts": common})
    forms = _most_used_forms(idx, FUNCTION)
    if forms:
        # The word whose forms together occur most: what uniting forms costs at its worst.
        word = max(forms, key=lambda t: (df.get(t, 0), t))
        queries.append({"name": "word forms", "q": word, "rg": forms, "fts": " OR ".join(forms)})
    store.close()
    return queries


def staged_forms(store: Any, reps: int) -> dict[str, Any]:
    """Word forms at their costliest: the commonest content word searched as if its stem joined
    the four commonest content words (the generated corpus has few real inflections), next to
    the word alone (quoted) and the OR of the four. Needs an index with stems."""
    from store.search import load_index, search
    from store.search.stems import stem

    sys.path.insert(0, str(HERE))
    from gen_corpus import FUNCTION

    idx = load_index(store)
    if not hasattr(idx, "stem_ids"):
        return {}
    top = sorted(
        (
            (idx.df(i), t, i)
            for i, t in enumerate(idx.terms)
            if t.isalpha() and len(t) >= 4 and t not in FUNCTION
        ),
        reverse=True,
    )[:4]
    word, target, real = top[0][1], stem(top[0][1]), idx.stem_ids
    alone = _time(lambda: search(store, f'"{word}"'), reps)
    either = " OR ".join(f'"{t}"' for _, t, _ in top)
    joined = _time(lambda: search(store, either), reps)
    idx.stem_ids = lambda s: [i for _, _, i in top] if s == target else real(s)
    try:
        forms = _time(lambda: search(store, word), reps)
    finally:
        del idx.stem_ids
    return {"forms": [t for _, t, _ in top], "word": alone, "or": joined, "stemmed": forms}


def _most_used_forms(idx: Any, skip: Any) -> list[str]:
    """The words of the stem shared by the most postings (several words of four letters or more,
    function words skipped), or [] for an index without stems."""
    stems = getattr(idx, "stems", None)
    if not stems:
        return []
    off, tids = idx.stem_off, idx.stem_tid
    best: tuple[int, list[str]] = (0, [])
    for k in range(len(stems)):
        ids = tids[int(off[k]) : int(off[k + 1])].tolist()
        words = [idx.terms[i] for i in ids if idx.terms[i].isalpha()]
        if any(w in skip or len(w) < 4 for w in words):
            continue
        if len(words) > 1:
            best = max(best, (sum(idx.df(i) for i in ids), words))
    return best[1]


def fts5_db(store_path: Path, db_path: Path) -> float:
    from store.storage.db import Store

    if db_path.exists():
        db_path.unlink()
    t = time.perf_counter()
    con = sqlite3.connect(db_path)
    con.execute("CREATE VIRTUAL TABLE p USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    with Store(store_path) as store:
        rows = []
        for source in store.sources():
            text = store.text(source.file)
            rows.extend((text[p.start : p.end],) for p in store.passages(source.file))
        con.executemany("INSERT INTO p(body) VALUES (?)", rows)
    con.commit()
    con.close()
    return time.perf_counter() - t


def run(
    docs: int, work: Path, reps: int = 30, paint: bool = True, reuse: bool = False
) -> dict[str, Any]:
    """Measure one corpus size; `reuse` keeps an existing store and its saved build figures."""
    from gen_corpus import write_corpus  # type: ignore[import-not-found]
    from machine import describe as describe_machine  # type: ignore[import-not-found]

    corpus = work / f"corpus-{docs}"
    if not (corpus / "sources.yaml").exists():
        write_corpus(corpus, docs)
    corpus_bytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    store_path = work / f"store-{docs}.json"
    result: dict[str, Any] = {
        "docs": docs,
        "corpus_mb": corpus_bytes / 1e6,
        "machine": describe_machine(),
        "date": time.strftime("%Y-%m-%d"),
    }
    saved = work / f"build-{docs}.json"
    if reuse and saved.exists() and store_path.exists():
        result["build"] = json.loads(saved.read_text())
    else:
        result["build"] = _child(BUILD, str(corpus), str(store_path))
        saved.write_text(json.dumps(result["build"]))
    result["store_mb"] = store_path.stat().st_size / 1e6
    result["index_mb"] = Path(str(store_path) + ".index").stat().st_size / 1e6
    queries = pick_queries(store_path)
    result["load"] = _child(LOAD, str(store_path), queries[1]["q"])

    from store.search import load_index, search
    from store.storage.db import Store

    store = Store(store_path).open()
    load_index(store)
    fts_path = work / f"fts-{docs}.sqlite"
    result["fts_build_s"] = fts5_db(store_path, fts_path)
    con = sqlite3.connect(fts_path)
    rg = shutil.which("rg")
    rows = []
    sql = "SELECT rowid, snippet(p, 0, '[', ']', '…', 16) FROM p WHERE p MATCH ? ORDER BY rank LIMIT 20"
    for q in queries:
        row: dict[str, Any] = {"name": q["name"], "query": q["q"]}
        row["total"] = search(store, q["q"], limit=0).total
        row["dossier"] = _time(lambda q=q: search(store, q["q"], limit=20), reps)
        row["fts5"] = _time(lambda q=q: con.execute(sql, (q["fts"],)).fetchall(), reps)
        row["fts_query"] = q["fts"]
        if rg:
            cmd = [rg, "-i", "-F", "-c", "--no-messages"]
            for form in q["rg"]:
                cmd += ["-e", form]
            cmd.append(str(corpus))
            row["rg_cmd"] = "rg " + shlex.join(cmd[1:-1]) + " CORPUS"
            row["rg"] = _time(
                lambda cmd=cmd: subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False),
                max(5, reps // 3),
            )
        rows.append(row)
    result["queries"] = rows
    result["staged_forms"] = staged_forms(store, reps)
    store.close()
    con.close()
    if paint:
        result["paint_bare"] = _best(lambda: _child(PAINT, "bare"), 3)
        try:
            result["paint_app"] = _best(lambda: _child(PAINT, "app", str(store_path)), 3)
        except RuntimeError as exc:
            result["paint_app"] = {"error": str(exc)[-400:]}
    return result


def _best(fn, n: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    runs = [fn() for _ in range(n)]
    return min(runs, key=lambda r: r.get("first_frame", 1e9))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/dossier-bench"))
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--no-paint", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="keep an already built store")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(HERE))
    result = run(args.docs, args.work, args.reps, paint=not args.no_paint, reuse=args.reuse)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
