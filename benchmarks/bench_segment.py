"""Segmentation throughput: passages, kinds and sentences over ~50 MB of text.

The text is the documents of a corpus directory (the bundled seeds by default), read and decoded
by `store.corpus.read_corpus` exactly as the build reads them, repeated until it reaches the
target size, segmented document by document as the build does it, and once more as a single
huge document.

    python benchmarks/bench_segment.py                      # seeds, 50 MB
    python benchmarks/bench_segment.py --corpus DIR --mb 20
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from store.corpus import read_corpus
from store.text.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SEEDS)
    parser.add_argument("--mb", type=float, default=50.0)
    args = parser.parse_args()
    texts = [doc.text for doc in read_corpus(args.corpus).documents]  # CorpusError when empty
    target = int(args.mb * 1_000_000)
    docs: list[str] = []
    size = 0
    while size < target:
        for text in texts:
            docs.append(text)
            size += len(text)
    from machine import describe as describe_machine  # benchmarks/ is sys.path[0] as a script

    print(f"machine: {describe_machine()}")
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"command: python benchmarks/bench_segment.py --mb {args.mb:g}")
    started = time.perf_counter()
    passages = sentences = 0
    for i, text in enumerate(docs):
        p, s = segment(f"doc{i}", text)
        passages += len(p)
        sentences += len(s)
    elapsed = time.perf_counter() - started
    print(
        f"{len(docs)} documents, {size / 1e6:.1f} M chars: {elapsed:.2f} s "
        f"({size / 1e6 / elapsed:.1f} M chars/s), {passages} passages, {sentences} sentences"
    )
    whole = "\n\n".join(docs)
    started = time.perf_counter()
    p, s = segment("whole", whole)
    elapsed = time.perf_counter() - started
    print(f"one document of {len(whole) / 1e6:.1f} M chars: {elapsed:.2f} s, {len(s)} sentences")


if __name__ == "__main__":
    main()
