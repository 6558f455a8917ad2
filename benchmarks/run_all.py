"""`make bench`: generate the 1,000 and 10,000-document corpora, measure, write the tables.

Runs benchmarks/bench_search.py at each size and benchmarks/bench_formats.py on the smaller
store, saves the raw figures as JSON under the work directory, and rewrites the measured part
of docs/performance.md (between the `bench:begin`/`bench:end` markers) with the machine, the
date and the command. ripgrep columns are left out, with a note, when `rg` is not installed.

    python benchmarks/run_all.py [--sizes 1000 10000] [--work /tmp/dossier-bench]
    python benchmarks/run_all.py --render results.json ...   # only rewrite the tables
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from docsection import replace_section  # benchmarks/ is on sys.path as a script
from machine import describe as describe_machine

HERE = Path(__file__).resolve().parent
DOC = HERE.parent / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def _ms(row: dict[str, Any], key: str) -> str:
    if key not in row:
        return "n/a"
    return f"{row[key]['p50_ms']:.1f} / {row[key]['p95_ms']:.1f}"


def render(results: list[dict[str, Any]], formats: str, command: str) -> str:
    rg = any("rg" in q for r in results for q in r["queries"])
    # Saved results carry where and when they were measured; --render must not restamp them.
    first = results[0] if results else {}
    out = [
        BEGIN,
        f"Measured {first.get('date', date.today().isoformat())} on {first.get('machine', describe_machine())}.",
        f"Command: `{command}`."
        + ("" if rg else " ripgrep was not installed: its columns are empty."),
        "",
        "### Build, size, load, memory",
        "",
        "| corpus | MB | passages | build s | MB/s | per stage (s) | store MB | index MB | store open s | import search (numpy) ms | index load ms | peak RSS MB | RSS / corpus |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        b, load = r["build"], r["load"]
        stages = ", ".join(f"{k} {v:.1f}" for k, v in b["stages"].items())
        out.append(
            f"| {r['docs']:,} docs | {r['corpus_mb']:.1f} | {b['counts'].get('passages', 0):,} | {b['seconds']:.1f} | {r['corpus_mb'] / b['seconds']:.2f} | "
            f"{stages} | {r['store_mb']:.1f} | {r['index_mb']:.1f} | {load['store_open']:.2f} | "
            f"{load.get('search_import', 0) * 1000:.0f} | {load['index_load'] * 1000:.1f} | {load['rss_peak_mb']:.0f} | {load['rss_peak_mb'] / r['corpus_mb']:.1f}x |"
        )
    for r in results:
        out += [
            "",
            f"### Search latency, {r['docs']:,} documents (ms, p50 / p95)",
            "",
            "| query | Dossier query | matches | Dossier top-20 | SQLite FTS5 top-20 + snippet | ripgrep full scan | Dossier p50 / rg p50 | Dossier p50 / FTS5 p50 |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for q in r["queries"]:
            d = q["dossier"]["p50_ms"]
            rg_ratio = f"{d / q['rg']['p50_ms']:.2f}" if "rg" in q else "n/a"
            out.append(
                f"| {q['name']} | `{q['query']}` | {q['total']} | {_ms(q, 'dossier')} | {_ms(q, 'fts5')} | "
                f"{_ms(q, 'rg')} | {rg_ratio} | {d / q['fts5']['p50_ms']:.2f} |"
            )
        equivalents = "; ".join(
            f"{q['name']}: FTS5 `{q['fts_query']}`"
            + (f", rg `{q['rg_cmd']}`" if "rg_cmd" in q else "")
            for q in r["queries"]
        )
        out += ["", f"Equivalent queries: {equivalents}."]
        if "paint_bare" in r:
            app = r.get("paint_app", {})
            bare = r["paint_bare"]
            if "first_frame" in app:
                out += [
                    "",
                    (
                        f"First frame, {r['docs']:,} documents: bare three-pane Textual app "
                        f"{bare['first_frame'] * 1000:.0f} ms after `run()` ({bare['process_to_frame'] * 1000:.0f} ms from process start); "
                        f"Dossier {app['first_frame'] * 1000:.0f} ms ({app['process_to_frame'] * 1000:.0f} ms), "
                        f"ratio {app['process_to_frame'] / bare['process_to_frame']:.2f} from process start."
                    ),
                ]
            else:
                out += [
                    "",
                    f"First frame: the app did not start in the harness ({app.get('error', '')[:200]!r}).",
                ]
    if formats:
        table, _, tail = formats.strip().rpartition("\n")
        phrase = json.loads(tail)
        out += [
            "",
            f"### Index persistence and phrase strategy ({results[0]['docs']:,} documents)",
            "",
            table,
            "",
            (
                f'Phrase `"told reporters"` ({phrase["matches"]} passages): positional postings '
                f"{phrase['positional_ms']:.2f} ms; intersecting the words' passages and re-tokenising the "
                f"candidates {phrase['scan_ms']:.0f} ms. Positions take {phrase['positions_mb']:.1f} MB of the index."
            ),
        ]
    out.append(END)
    return "\n".join(out)


def write_doc(section: str) -> None:
    replace_section(DOC, BEGIN, END, section)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "dossier-bench"
    )
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument(
        "--render", type=Path, nargs="*", help="saved result files to render instead of running"
    )
    parser.add_argument("--formats", type=Path, help="saved bench_formats output to include")
    parser.add_argument("--reuse", action="store_true", help="keep stores already built in --work")
    args = parser.parse_args()
    command = "make bench  (python benchmarks/run_all.py)"
    if args.render:
        results = [json.loads(p.read_text()) for p in args.render]
        formats = args.formats.read_text() if args.formats else ""
    else:
        sys.path.insert(0, str(HERE))
        from bench_search import run

        args.work.mkdir(parents=True, exist_ok=True)
        results = []
        for size in args.sizes:
            print(f"bench: {size} documents ...", file=sys.stderr, flush=True)
            result = run(size, args.work, args.reps, reuse=args.reuse)
            (args.work / f"results-{size}.json").write_text(json.dumps(result, indent=2))
            results.append(result)
        smallest = args.work / f"store-{min(args.sizes)}.json"
        done = subprocess.run(
            [sys.executable, str(HERE / "bench_formats.py"), str(smallest)],
            capture_output=True,
            text=True,
            check=True,
        )
        formats = done.stdout
        (args.work / "formats.md").write_text(formats)
    write_doc(render(results, formats, command))
    print(f"wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
