"""The growing-pile table of docs/performance.md, from bench_pile.py's figures.

Each issue-11 target beside Dossier's figure (min / median / max) and its baseline from the
same run; the in-process query comparison below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docsection import replace_section  # benchmarks/ is on sys.path as a script

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
BEGIN, END = "<!-- pile:begin -->", "<!-- pile:end -->"


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
    replace_section(DOC, BEGIN, END, section)
