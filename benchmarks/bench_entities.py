"""Entity matching and extraction throughput on a large synthetic corpus (MB/s).

The text is the seeds' body text, paragraphs shuffled and repeated to about --mb megabytes,
with random capitalised words sprinkled in so discovery has unknown names to weigh. Run:
    .venv/bin/python benchmarks/bench_entities.py [--mb 20]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from machine import describe as describe_machine

from store.corpus import read_corpus
from store.entities import extract_entities, load_catalogue, matcher_for
from store.models import Document
from store.storage.locations import bundled_corpus
from store.text.segment import segment


def synthetic(mb: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    paragraphs = []
    for raw in read_corpus(bundled_corpus()).documents:
        paragraphs += [p for p in raw.text.split("\n\n") if len(p) > 80]
    words = [
        "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)).title()
        for _ in range(2000)
    ]
    docs, size, target = [], 0, int(mb * 1_000_000)
    while size < target:
        body = []
        for _ in range(40):
            p = rng.choice(paragraphs).split(" ")
            for _ in range(3):
                p.insert(rng.randrange(len(p)), rng.choice(words))
            body.append(" ".join(p))
        text = "\n\n".join(body) + "\n"
        docs.append(text)
        size += len(text)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    args = parser.parse_args()
    print(f"machine: {describe_machine()}")
    print(f"date:    {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"command: {' '.join(['python', *sys.argv])}")
    texts = synthetic(args.mb)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    catalogue = load_catalogue(bundled_corpus() / "entities.yaml")
    matcher = matcher_for(catalogue)
    started = time.perf_counter()
    hits = sum(len(matcher.find(t)) for t in texts)
    match_s = time.perf_counter() - started
    print(f"matching   {mb:.1f} MB in {match_s:.2f} s = {mb / match_s:.1f} MB/s ({hits} matches)")
    documents = []
    for i, text in enumerate(texts):
        passages, sentences = segment(f"d{i}.txt", text)
        documents.append(Document(f"d{i}.txt", text, tuple(passages), tuple(sentences)))
    started = time.perf_counter()
    entities, mentions = extract_entities(documents, catalogue)
    extract_s = time.perf_counter() - started
    print(
        f"extraction {mb:.1f} MB in {extract_s:.2f} s = {mb / extract_s:.1f} MB/s "
        f"(matching + discovery; {len(entities)} entities, {len(mentions)} mentions)"
    )


if __name__ == "__main__":
    main()
