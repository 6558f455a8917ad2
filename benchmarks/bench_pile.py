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
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "stages": stages, "counts": report.counts,
                  "main_hwm_mb": hwm / 1024, "worker_hwm_mb": child / 1024}))
"""

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


def child(code: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [PY, "-c", code, *args], capture_output=True, text=True, cwd=REPO, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


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
    victim = sorted(corpus.glob("doc*.txt"))[len(list(corpus.glob("doc*.txt"))) // 2]
    original = victim.read_bytes()
    added = corpus / "zz_bench_added.txt"
    sample = sorted(corpus.glob("doc*.txt"))[0].read_text(encoding="utf-8")
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


BEGIN, END = "<!-- pile:begin -->", "<!-- pile:end -->"
DOC = REPO / "docs" / "performance.md"


def _ms(st: dict[str, float] | None) -> str:
    if not st:
        return "n/a"
    return f"{st['min'] * 1000:.0f} / {st['median'] * 1000:.0f} / {st['max'] * 1000:.0f} ms"


def _s(st: dict[str, float] | None) -> str:
    if not st:
        return "n/a"
    return f"{st['min']:.2f} / {st['median']:.2f} / {st['max']:.2f} s"


def _ratio(a: dict[str, float] | None, b: dict[str, float] | None) -> str:
    return f"{a['median'] / b['median']:.1f}x" if a and b and b["median"] else "n/a"


def render(results: dict[str, Any], command: str) -> str:
    """The targets table: each figure (min / median / max) beside its target and baseline."""
    sizes = results["sizes"]
    first = sizes[0] if sizes else {}
    bundled = results["bundled"]
    out = [
        BEGIN,
        f"Measured {first.get('date', '')} on {first.get('machine', '')}. Command: `{command}`.",
        "Figures are min / median / max over the repetitions. Load average (1 min) when each "
        "size started and half-way: "
        + ", ".join(
            f"{r['docs']:,}: {r.get('load_before', float('nan')):.1f} / {r.get('load_mid', float('nan')):.1f}"
            for r in sizes
        )
        + " (the machine is shared: other jobs ran beside these measurements; `rg` and "
        "`python -c pass` in the same rows show how much).",
        "",
        "| measure | target | Dossier | baseline, same run | ratio |",
        "|---|---|---|---|---:|",
        f"| `dossier search {bundled['word']}`, bundled corpus, whole process | <= 150 ms | "
        f"{_ms(bundled['dossier'])} | `rg -n` {_ms(bundled.get('rg'))}; `python -c pass` "
        f"{_ms(bundled['python'])} | {_ratio(bundled['dossier'], bundled.get('rg'))} of rg |",
    ]
    for r in sizes:
        n = f"{r['docs']:,} docs ({r['corpus_mb']:.1f} MB)"
        b = r["build"]
        mbs = r["corpus_mb"] / b["seconds"]
        stages = ", ".join(f"{k} {v:.1f}" for k, v in b["stages"].items())
        app = r.get("app", {})
        pr = r["print"]
        peak = max(b["main_hwm_mb"], b["worker_hwm_mb"])
        out += [
            f"| staleness check, unchanged corpus, {n} | <= 50 ms at 10k | {_ms(r['check'])} | — | |",
            f"| `dossier search {pr['word']}`, whole process, {n} | <= 250 ms at 10k | "
            f"{_ms(pr['dossier'])} | `rg -n -i` {_ms(pr.get('rg'))}; `python -c pass` "
            f"{_ms(pr['python'])} | {_ratio(pr['dossier'], pr.get('rg'))} of rg |",
            f"| full build, {n}, {r['cores']} cores | >= 2 MB/s | {b['seconds']:.1f} s = "
            f"{mbs:.2f} MB/s ({stages}) | index of the same passages: SQLite FTS5 "
            f"{r['fts5_build_s']:.1f} s, tantivy "
            + (f"{r['tantivy_build_s']:.1f} s" if r.get("tantivy_build_s") else "n/a")
            + " (index only, no extraction) | |",
            f"| build peak memory, {n} | <= 4x corpus | main {b['main_hwm_mb']:.0f} MB, "
            f"largest worker {b['worker_hwm_mb']:.0f} MB | — | {peak / r['corpus_mb']:.1f}x corpus |",
            f"| add one document, then `dossier build`, {n} | <= 5 s at 10k | "
            f"{_s(r['incremental']['add'])} | full build {b['seconds']:.1f} s | |",
            f"| edit one document, then `dossier build`, {n} | <= 5 s at 10k | "
            f"{_s(r['incremental']['edit'])} | | |",
            f"| open store + index + one search, peak memory, {n} | <= 4x corpus | "
            f"{r['open']['open_hwm_mb']:.0f} MB | — | {r['open']['open_hwm_mb'] / r['corpus_mb']:.1f}x corpus |",
        ]
        if app:
            out += [
                f"| app first frame (pty 160x48), {n} | as today | {_s(app.get('first_frame'))} | | |",
                f"| app: every pane filled, {n} | <= 1 s at 10k | sources {_s(app.get('sources_filled'))}; "
                f"chronology {_s(app.get('chronology_filled'))} | | |",
                f"| app memory once filled, {n} | <= 400 MB at 10k | "
                + (f"{app['app_hwm_mb']['median']:.0f} MB" if "app_hwm_mb" in app else "n/a")
                + " | | |",
                f"| app: Enter to results, `{pr['word']}`, {n} | <= 300 ms at 10k | "
                f"{_s(app.get('enter_to_results'))} | | |",
            ]
    for r in sizes:
        out += [
            "",
            f"Queries in process, warm, top 20, {r['docs']:,} documents (min / median / max). "
            "Dossier's figure includes snippets and exact highlights, FTS5's its `snippet()`, "
            "tantivy's the stored documents (no snippets).",
            "",
            "| query | Dossier | matches | Dossier | FTS5 (its query) | FTS5 | tantivy |",
            "|---|---|---:|---|---|---|---|",
        ]
        for q in r.get("queries", []):
            out.append(
                f"| {q['name']} | `{q['dossier_query']}` | {q['matches']:,} | {_ms1(q['dossier'])} | "
                f"`{q['fts_query'][:60]}` | {_ms1(q['fts5'])} | {_ms1(q.get('tantivy'))} |"
            )
    out.append(END)
    return "\n".join(out)


def _ms1(st: dict[str, float] | None) -> str:
    if not st:
        return "n/a"
    return f"{st['min'] * 1000:.2f} / {st['median'] * 1000:.2f} / {st['max'] * 1000:.2f} ms"


def write_doc(section: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    DOC.write_text(head + section + rest.split(END, 1)[1], encoding="utf-8")


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
