"""A pile that grows: the issue-11 targets, each next to its baseline from the same run.

Whole processes are compared with whole processes (every command from process start, as a
user types it); every figure is repeated and given as min / median / max. Per corpus size:

- staleness check on an unchanged corpus (in a fresh process, the `is_stale` call alone);
- `dossier search WORD` as a process, next to `rg -n WORD CORPUS` and `python -c pass`;
- a full build (`dossier build --force`): seconds, MB/s, per stage, peak memory of the main
  process (VmHWM) and of the largest worker, next to building an SQLite FTS5 index and a
  tantivy index of the same passages;
- incremental builds as processes: one document added, one edited (and undone, untimed);
- opening the store and searching in a fresh process: peak memory;
- the app in a pseudo-terminal (160x48): first frame, every pane's title filled (the catalog
  and the chronology loaded), its memory then, and Enter to results for a common word.

    python benchmarks/bench_pile.py --docs 1000 10000 [--reps 5] [--work DIR] [--json OUT]

Corpora come from benchmarks/gen_corpus.py (the same ones as bench_search.py).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))
PY = sys.executable
DOSSIER = str(Path(PY).parent / "dossier")

from bench_search import BUILD
from bench_search import _child as child
from pile_report import render, write_doc

CHECK = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from store.build import is_stale
t1 = time.perf_counter()
stale = is_stale(Path(sys.argv[1]), Path(sys.argv[2]))
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "check_s": t2 - t1, "stale": stale}))
"""

OPEN = r"""
import json, sys
from pathlib import Path
from store.storage.db import Store
from store.search import load_index, search
store = Store(Path(sys.argv[1])).open()
load_index(store)
search(store, sys.argv[2])
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"open_hwm_mb": hwm / 1024}))
"""


def stats(samples: list[float]) -> dict[str, float]:
    return {
        "min": min(samples),
        "median": statistics.median(samples),
        "max": max(samples),
        "n": len(samples),
    }


def timed(fn: Callable[[], object], reps: int, warm: bool = True) -> dict[str, float]:
    if warm:
        fn()
    samples = []
    for _ in range(reps):
        began = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - began)
    return stats(samples)


def run_quiet(argv: list[str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{argv}: exit {done.returncode}\n{done.stderr[-2000:]}")


def passages_of(store_path: Path) -> list[str]:
    from store.storage.db import Store

    with Store(store_path) as store:
        out = []
        for source in store.sources():
            text = store.text(source.file)
            out.extend(text[p.start : p.end] for p in store.passages(source.file))
    return out


def fts5_build(passages: list[str], path: Path) -> float:
    import sqlite3

    path.unlink(missing_ok=True)
    began = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("CREATE VIRTUAL TABLE p USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    con.executemany("INSERT INTO p(body) VALUES (?)", ((p,) for p in passages))
    con.commit()
    con.close()
    return time.perf_counter() - began


def tantivy_build(passages: list[str], path: Path) -> float | None:
    try:
        import tantivy
    except ImportError:
        return None
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    began = time.perf_counter()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=True)
    index = tantivy.Index(builder.build(), path=str(path))
    writer = index.writer()
    for passage in passages:
        writer.add_document(tantivy.Document(body=passage))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - began


def query_latency(
    store_path: Path, fts: Path, tan: Path, word: str, reps: int
) -> list[dict[str, Any]]:
    """The same three questions asked of Dossier, FTS5 and tantivy, in process, warm, top 20.

    Fuzzy: Dossier's `word~` (edits by length: store/search/evaluate.py), tantivy's own
    FuzzyTermQuery with the same budget; FTS5 has no fuzzy matching, so it is handed the terms
    Dossier's expansion found (its figure leaves out the expansion work). Date: Dossier's
    `date:2015-06` (normalised dates); the engines can only look for a written form.
    """
    import sqlite3

    from store.search import load_index, search
    from store.search.evaluate import EntityNames, Evaluator, edit_budget
    from store.storage.db import Store

    store = Store(store_path).open()
    index = load_index(store)
    typo = word[:-2] + word[-1] + word[-2]  # two letters swapped: one edit for all three
    expanded = [index.terms[i] for i in Evaluator(index, EntityNames([])).fuzzy(typo)]
    con = sqlite3.connect(fts)
    sql = "SELECT rowid, snippet(p, 0, '[', ']', '…', 16) FROM p WHERE p MATCH ? ORDER BY rank LIMIT 20"
    searcher = schema = None
    try:
        import tantivy

        tindex = tantivy.Index.open(str(tan))
        tindex.reload()
        searcher, schema = tindex.searcher(), tindex.schema
    except (ImportError, ValueError, OSError):
        pass
    asks = [
        (
            "common word",
            word,
            word,
            lambda: None if searcher is None else tindex.parse_query(word, ["body"]),
        ),
        (
            "fuzzy term",
            f"{typo}~",
            " OR ".join(expanded) or typo,
            lambda: (
                None
                if searcher is None
                else tantivy.Query.fuzzy_term_query(
                    schema, "body", typo, distance=edit_budget(typo)
                )
            ),
        ),
        (
            "date",
            "date:2015-06",
            '"june 2015"',
            lambda: None if searcher is None else tindex.parse_query('"june 2015"', ["body"]),
        ),
    ]
    rows = []
    for name, ours, theirs, make in asks:
        row: dict[str, Any] = {"name": name, "dossier_query": ours, "fts_query": theirs}
        row["matches"] = search(store, ours, limit=0).total
        row["dossier"] = timed(lambda q=ours: search(store, q, limit=20), reps)
        row["fts5"] = timed(lambda q=theirs: con.execute(sql, (q,)).fetchall(), reps)
        query = make()
        if query is not None and searcher is not None:
            row["tantivy"] = timed(
                lambda q=query: [searcher.doc(a) for _, a in searcher.search(q, 20).hits], reps
            )
        rows.append(row)
    con.close()
    store.close()
    return rows


def common_word(store_path: Path) -> str:
    from gen_corpus import FUNCTION  # type: ignore[import-not-found]

    from store.search import load_index
    from store.storage.db import Store

    with Store(store_path) as store:
        idx = load_index(store)
        df = {t: idx.df(i) for i, t in enumerate(idx.terms) if t.isalpha() and len(t) >= 4}
    return max((t for t in df if t not in FUNCTION), key=lambda t: (df[t], t))


def print_mode(corpus: Path, store: Path, word: str, reps: int) -> dict[str, Any]:
    """`dossier search WORD` from process start next to `rg -n WORD` and a bare interpreter."""
    out: dict[str, Any] = {"word": word}
    dossier = [DOSSIER, "search", "--corpus", str(corpus), "--store", str(store), word]
    out["dossier"] = timed(lambda: run_quiet(dossier), reps)
    out["python"] = timed(lambda: run_quiet([PY, "-c", "pass"]), reps)
    rg = shutil.which("rg")
    if rg:
        cmd = [rg, "-n", "-i", "--no-messages", word, str(corpus)]
        out["rg"] = timed(lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False), reps)
    return out


def incremental(corpus: Path, store: Path, reps: int) -> dict[str, Any]:
    """`dossier build` as a process after adding one document and after editing one; each
    change is undone (and built, untimed) before the next repetition."""
    build = [DOSSIER, "build", "--corpus", str(corpus), "--store", str(store)]
    documents = sorted(corpus.glob("doc*.txt"))
    victim = documents[len(documents) // 2]
    original = victim.read_bytes()
    added = corpus / "zz_bench_added.txt"
    sample = documents[0].read_text(encoding="utf-8")
    add, edit = [], []
    try:
        for rep in range(reps):
            added.write_text(f"Added report {rep}\n\n{sample}", encoding="utf-8")
            began = time.perf_counter()
            run_quiet(build)
            add.append(time.perf_counter() - began)
            added.unlink()
            run_quiet(build)
            victim.write_bytes(original + f"\nOn 3 May 2016 an edit ({rep}) was made.\n".encode())
            began = time.perf_counter()
            run_quiet(build)
            edit.append(time.perf_counter() - began)
            victim.write_bytes(original)
            run_quiet(build)
    finally:
        added.unlink(missing_ok=True)
        victim.write_bytes(original)
    return {"add": stats(add), "edit": stats(edit)}


def app_in_pty(
    corpus: Path, store: Path, word: str, timeout: float = 180.0
) -> dict[str, float | None]:
    """The app as a user starts it: first frame, panes filled, memory, Enter to results."""
    marks = {
        "first_frame": re.compile(r"Sources"),
        "sources_filled": re.compile(r"Sources \(\d"),
        "chronology_filled": re.compile(r"Chronology \(\d"),
    }
    env = {**os.environ, "TERM": "xterm-256color", "DOSSIER_WATCH": "0"}
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
    argv = [DOSSIER, "--corpus", str(corpus), "--store", str(store), "--no-watch"]
    began = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen: dict[str, float | None] = {}
    text = ""

    def pump(until: Callable[[], bool], limit: float) -> None:
        nonlocal text
        stop = time.perf_counter() + limit
        while not until() and time.perf_counter() < stop:
            ready, _, _ = select.select([master], [], [], 0.02)
            if ready:
                try:
                    text += os.read(master, 1 << 16).decode("utf-8", "replace")
                except OSError:
                    return
                for name, pattern in marks.items():
                    if name not in seen and pattern.search(text):
                        seen[name] = time.perf_counter() - began

    try:
        pump(lambda: len(seen) == len(marks), timeout)
        pump(lambda: False, 1.0)  # let it settle, then read its memory
        status = Path(f"/proc/{proc.pid}/status").read_text()
        seen["app_hwm_mb"] = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]
        text = ""
        marks.clear()
        marks["results"] = re.compile(r"Results(?:\x1b\[[0-9;]*m|\s|·)*" + re.escape(word))
        os.write(master, b"/")
        pump(lambda: False, 0.5)
        os.write(master, word.encode())
        pump(lambda: False, 0.5)
        text = ""
        sent = time.perf_counter()
        os.write(master, b"\r")
        pump(lambda: "results" in seen, 90.0)
        seen["enter_to_results"] = (seen["results"] - (sent - began)) if "results" in seen else None  # type: ignore[operator]
        seen.pop("results", None)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        os.close(master)
    for name in ("first_frame", "sources_filled", "chronology_filled"):
        seen.setdefault(name, None)
    return seen


def run(docs: int, work: Path, reps: int, app: bool = True) -> dict[str, Any]:
    from gen_corpus import write_corpus
    from machine import describe

    corpus = work / f"corpus-{docs}"
    if not (corpus / "sources.yaml").exists():
        write_corpus(corpus, docs)
    corpus_mb = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
    store = work / f"pile-{docs}.json"
    result: dict[str, Any] = {
        "docs": docs,
        "corpus_mb": corpus_mb,
        "machine": describe(),
        "date": time.strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "load_before": os.getloadavg()[0],
    }
    say(f"{docs}: full build")
    for previous in store.parent.glob(store.name + "*"):  # a clean build: no cached parts
        previous.unlink()
    result["build"] = child(BUILD, str(corpus), str(store))
    passages = passages_of(store)
    result["fts5_build_s"] = fts5_build(passages, work / f"pile-fts-{docs}.sqlite")
    result["tantivy_build_s"] = tantivy_build(passages, work / f"pile-tantivy-{docs}")
    del passages
    word = common_word(store)
    result["queries"] = query_latency(
        store, work / f"pile-fts-{docs}.sqlite", work / f"pile-tantivy-{docs}", word, reps * 4
    )
    say(f"{docs}: staleness check")
    checks = [child(CHECK, str(corpus), str(store)) for _ in range(reps)]
    assert not any(c["stale"] for c in checks), "the store should be fresh after its build"
    result["check"] = stats([c["check_s"] for c in checks])
    say(f"{docs}: print mode")
    result["print"] = print_mode(corpus, store, word, reps)
    say(f"{docs}: incremental")
    result["incremental"] = incremental(corpus, store, max(1, reps // 2))
    result["open"] = child(OPEN, str(store), word)
    result["load_mid"] = os.getloadavg()[0]
    if app:
        say(f"{docs}: app")
        runs = [app_in_pty(corpus, store, word) for _ in range(max(1, reps // 2))]
        result["app"] = {
            key: stats([r[key] for r in runs if r.get(key) is not None])  # type: ignore[misc]
            for key in runs[0]
            if any(r.get(key) is not None for r in runs)
        }
    return result


def bundled(work: Path, reps: int) -> dict[str, Any]:
    """Print mode on the five bundled documents, the case a new user tries first."""
    corpus = REPO / "seeds"
    store = work / "pile-seeds.json"
    run_quiet([DOSSIER, "build", "--corpus", str(corpus), "--store", str(store)])
    return print_mode(corpus, store, "court", reps)


def say(message: str) -> None:
    print(f"bench_pile: {message}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "dossier-bench"
    )
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--no-app", action="store_true")
    parser.add_argument("--json", type=Path, help="write the figures here as well")
    parser.add_argument(
        "--render", type=Path, help="only rewrite docs/performance.md from a saved --json"
    )
    parser.add_argument(
        "--doc", action="store_true", help="rewrite docs/performance.md after the run"
    )
    args = parser.parse_args()
    command = "make bench  (python benchmarks/bench_pile.py --doc)"
    if args.render:
        write_doc(render(json.loads(args.render.read_text()), command))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    results = {"bundled": bundled(args.work, args.reps), "sizes": []}
    for docs in args.docs:
        results["sizes"].append(run(docs, args.work, args.reps, app=not args.no_app))
    text = json.dumps(results, indent=2)
    if args.json:
        args.json.write_text(text)
    if args.doc:
        write_doc(render(results, command))
    print(text)


if __name__ == "__main__":
    main()
