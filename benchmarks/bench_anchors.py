"""Re-anchoring notes after edits: how often the note lands on the right words, and how fast.

Documents: the 32 real public texts of benchmarks/data/entities (licences in its README).
In each, quotes are chosen (a whole paragraph, one sentence, a clause of 6-12 words) at seeded
random places, and each document is edited the way writers' sources change:

- insert    a paragraph is inserted before the quote           -> expected: moved, exact words
- reword    one word inside the quote is replaced              -> moved (fuzzy) onto new words
- reword2   two words replaced and a paragraph inserted before -> moved (fuzzy)
- repeat    the quote's sentence is copied elsewhere, then a
            paragraph inserted before the original             -> moved, onto the original
- delete    the quote's paragraph is deleted                   -> orphaned (anything else is a
                                                                  note on the wrong text)

A re-anchoring is right when its status is the expected one and, for a found quote, the span
overlaps the true new span by at least 90% (Jaccard). The fuzzy step is compared with a
difflib baseline on the same cases in the same run (SequenceMatcher's longest match, widened
to the quote's length, accepted at the same similarity): the exact step is shared.

    .venv/bin/python benchmarks/bench_anchors.py [--quotes N] [--seed S]
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.machine import describe
from store.userdata.anchor import FUZZY, MOVED, ORPHANED, Anchor, make_anchor
from store.userdata.locate import Located, fuzzy_threshold, locate

DATA = ROOT / "benchmarks" / "data" / "entities"
FILLER = "A paragraph the publisher added later, about something else entirely, with its own words."
REPLACEMENTS = ("reportedly", "officials", "several", "recently", "formally", "allegedly")


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for block in text.split("\n\n"):
        if len(block.strip()) > 120:
            spans.append((at, at + len(block)))
        at += len(block) + 2
    return spans


def pick_quote(text: str, rng: random.Random) -> tuple[int, int] | None:
    paras = paragraphs(text)
    if not paras:
        return None
    start, end = rng.choice(paras)
    kind = rng.choice(("paragraph", "sentence", "clause"))
    if kind == "paragraph":
        return start, end
    sentences = [(start + m.start(), start + m.end()) for m in
                 re.finditer(r"[^.!?]+[.!?]", text[start:end])]  # fmt: skip
    sentences = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in sentences]
    sentences = [(s, e) for s, e in sentences if e - s > 40]
    if not sentences:
        return start, end
    s, e = rng.choice(sentences)
    if kind == "sentence":
        return s, e
    words = [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+", text[s:e])]
    if len(words) < 8:
        return s, e
    n = rng.randint(6, min(12, len(words)))
    i = rng.randint(0, len(words) - n)
    return words[i][0], words[i + n - 1][1]


def para_start(text: str, at: int) -> int:
    return text.rfind("\n\n", 0, at) + 2 if text.rfind("\n\n", 0, at) != -1 else 0


def reword(quote: str, rng: random.Random, count: int) -> str:
    words = quote.split(" ")
    inner = [i for i, w in enumerate(words) if len(w) > 3 and w.isalpha()]
    for i in rng.sample(inner, min(count, len(inner))):
        words[i] = rng.choice(REPLACEMENTS)
    return " ".join(words)


def edit(
    text: str, s: int, e: int, kind: str, rng: random.Random
) -> tuple[str, str, tuple[int, int] | None]:
    """(new text, expected status, true new span or None)."""
    quote = text[s:e]
    if kind == "insert":
        at = para_start(text, s)
        new = text[:at] + FILLER + "\n\n" + text[at:]
        shift = len(FILLER) + 2
        return new, MOVED, (s + shift, e + shift)
    if kind in ("reword", "reword2"):
        changed = reword(quote, rng, 1 if kind == "reword" else 2)
        new = text[:s] + changed + text[e:]
        if kind == "reword2":
            at = para_start(new, s)
            new = new[:at] + FILLER + "\n\n" + new[at:]
            s += len(FILLER) + 2
        return new, FUZZY, (s, s + len(changed))
    if kind == "repeat":
        # The quote's words appear again at the end (another paragraph quoting them), and a
        # paragraph goes in before the original: the context must pick the original.
        at = para_start(text, s)
        new = text[:at] + FILLER + "\n\n" + text[at:] + "\n\nAs noted above: " + quote + " End."
        shift = len(FILLER) + 2
        return new, MOVED, (s + shift, e + shift)
    # delete: the whole paragraph around the quote goes
    a = para_start(text, s)
    b = text.find("\n\n", e)
    b = len(text) if b == -1 else b + 2
    return text[:a] + text[b:], ORPHANED, None


def difflib_fuzzy(anchor: Anchor, text: str) -> Located | None:
    """The baseline fuzzy step: SequenceMatcher's longest common block, widened to the quote."""
    quote = anchor.exact
    cutoff = fuzzy_threshold(len(quote.strip()))
    if cutoff > 100:
        return None
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    match = matcher.find_longest_match(0, len(text), 0, len(quote))
    if match.size == 0:
        return None
    start = max(0, match.a - match.b)
    end = min(len(text), start + len(quote))
    score = 100 * difflib.SequenceMatcher(None, text[start:end], quote, autojunk=False).ratio()
    return Located(start, end, FUZZY, round(score, 1)) if score >= cutoff else None


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def run(quotes_per_doc: int, seed: int, fuzzy: Callable[[Anchor, str], Located | None] | None
        ) -> tuple[dict[str, list[bool]], list[float]]:  # fmt: skip
    rng = random.Random(seed)
    results: dict[str, list[bool]] = {}
    times: list[float] = []
    for path in sorted(DATA.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for _ in range(quotes_per_doc):
            span = pick_quote(text, rng)
            if span is None:
                continue
            anchor = make_anchor("selection", path.name, text, *span)
            for kind in ("insert", "reword", "reword2", "repeat", "delete"):
                new, expected, truth = edit(text, *span, kind, random.Random(rng.random()))
                started = time.perf_counter()
                found = locate(anchor, new, fuzzy)
                times.append(time.perf_counter() - started)
                ok = found.status == expected
                if ok and truth is not None:
                    ok = jaccard((found.start, found.end), truth) >= 0.9
                results.setdefault(kind, []).append(ok)
    return results, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=10, help="quotes per document")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    print(f"machine: {describe()}")
    print(f"command: .venv/bin/python benchmarks/bench_anchors.py --quotes {args.quotes} "
          f"--seed {args.seed}")  # fmt: skip
    rows = {}
    for name, fuzzy in (("rapidfuzz (Dossier)", None), ("difflib baseline", difflib_fuzzy)):
        rows[name] = run(args.quotes, args.seed, fuzzy)
    kinds = list(next(iter(rows.values()))[0])
    print(f"\n{'edit':<10}" + "".join(f"{name:>24}" for name in rows))
    for kind in kinds:
        cells = []
        for results, _ in rows.values():
            oks = results[kind]
            cells.append(f"{sum(oks)}/{len(oks)} ({100 * sum(oks) / len(oks):.1f}%)")
        print(f"{kind:<10}" + "".join(f"{c:>24}" for c in cells))
    for name, (_, times) in rows.items():
        ordered = sorted(times)
        p50 = statistics.median(ordered) * 1000
        p95 = ordered[int(0.95 * (len(ordered) - 1))] * 1000
        print(f"{name}: locate p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {ordered[-1] * 1000:.1f} ms "
              f"over {len(ordered)} re-anchorings")  # fmt: skip


if __name__ == "__main__":
    main()
