"""TempEval-3 (platinum, task A) as an external test of the temporal tagger.

    .venv/bin/python benchmarks/tempeval3.py [--data DIR | --gold FILE ...] [--out FILE] [--errors]

Runs `store.timex.tag` over every article of a platinum-layout JSON-lines set (by default
`platinum.jsonl`; `--gold` takes any set in that layout, such as the TimeBank and WikiWars
development sets, and may be given more than once) with its document date,
writes the system output in the same layout (ranges split into their ends, as TimeML
annotates them), and prints the scores of the set's own `score.py`: all types, then DATE and
TIME only. Without `--gold` it scores platinum and, when present, the TimeBank and WikiWars
development sets of ../shared/peer/timeml-dev. The data stays in ../shared/peer/tempeval3; nothing of it is copied here.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.timex import Timex, tag

DATA = ROOT.parent / "shared" / "peer" / "tempeval3"
DEV = ROOT.parent / "shared" / "peer" / "timeml-dev"
DEV_SETS = ("timebank-dev.jsonl", "wikiwars-dev.jsonl")
OUT = ROOT / "benchmarks" / "out" / "tempeval3-system.jsonl"


def load_docs(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def flatten(timexes: list[Timex]) -> list[Timex]:
    """TimeML annotates a range as its two ends; "since 2011" as the one end in the text."""
    out: list[Timex] = []
    for t in timexes:
        out.extend(t.parts if t.parts else (t,))
    return out


def system_output(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for d in docs:
        found = flatten(tag(d["text"], d["dct"]))
        rows.append(
            {
                "id": d["id"],
                "timexes": [
                    {
                        "start": t.start,
                        "end": t.end,
                        "text": t.text,
                        "type": t.type,
                        "value": t.value,
                        **({"mod": t.mod} if t.mod else {}),
                    }
                    for t in found
                ],
            }
        )
    return rows


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def load_scorer(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("tempeval3_score", data / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(
    data: Path,
    system: Path,
    types: str | None = None,
    errors: bool = False,
    gold: Path | None = None,
) -> tuple[dict[str, Any], str]:
    """Run the platinum scorer in-process on `gold` (default platinum); figures and errors."""
    scorer = load_scorer(data)
    argv = ["score.py", str(gold or data / "platinum.jsonl"), str(system)]
    if types:
        argv += ["--types", types]
    if errors:
        argv.append("--errors")
    buf = io.StringIO()
    saved = sys.argv
    try:
        sys.argv = argv
        with contextlib.redirect_stdout(buf):
            scorer.main()
    finally:
        sys.argv = saved
    text = buf.getvalue()
    brace = text.index("{\n")
    return json.loads(text[brace:]), text[:brace]


def summary(label: str, s: dict[str, Any]) -> str:
    return (
        f"{label:10} gold {s['gold']:3} system {s['system']:3}  "
        f"relaxed P {s['relaxed']['P']:.3f} R {s['relaxed']['R']:.3f} "
        f"F1 {s['relaxed']['F1']:.3f}  strict F1 {s['strict']['F1']:.3f}  "
        f"value acc {s['value']['accuracy']:.3f} F1 {s['value']['F1']:.3f}  "
        f"type acc {s['type']['accuracy']:.3f}"
    )


def run_set(data: Path, gold: Path, out: Path, errors: bool) -> None:
    """Tag one set, write its system output, print its figures (all types, DATE/TIME)."""
    write_jsonl(system_output(load_docs(gold)), out)
    print(f"{gold.name}: system output {out}")
    for label, types in (("all types", None), ("DATE,TIME", "DATE,TIME")):
        figures, listing = score(data, out, types, errors and types is None, gold)
        if listing:
            print(listing, end="")
        print(summary(label, figures))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data", type=Path, default=DATA, help="directory of platinum.jsonl and score.py"
    )
    ap.add_argument(
        "--gold",
        type=Path,
        action="append",
        default=[],
        help="a platinum-layout JSON-lines set to score instead of platinum (repeatable)",
    )
    ap.add_argument("--out", type=Path, default=OUT, help="system output (JSON lines)")
    ap.add_argument("--errors", action="store_true", help="list misses and wrong values")
    a = ap.parse_args(argv)
    if not (a.data / "score.py").exists():
        print(f"no TempEval-3 scorer at {a.data / 'score.py'}", file=sys.stderr)
        return 2
    golds = a.gold or [
        a.data / "platinum.jsonl",
        *(DEV / name for name in DEV_SETS if (DEV / name).is_file()),
    ]
    for gold in golds:
        if not gold.is_file():
            print(f"no gold set at {gold}", file=sys.stderr)
            return 2
    for gold in golds:
        out = a.out if len(golds) == 1 else a.out.with_name(f"{a.out.stem}-{gold.stem}.jsonl")
        try:
            run_set(a.data, gold, out, a.errors)
        except (ValueError, KeyError) as e:
            print(f"{gold}: not a platinum-layout set ({e})", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
