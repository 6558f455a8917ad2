"""Temporal tagger throughput and events-stage time.

Tagger: the body text of a corpus (the bundled seeds by default) plus invented news text dense
with the expressions TempEval annotates ("last month", "two years ago", "between August 12 and
30", "at 8 p.m.", "every year"...), shuffled and repeated to `--mb` megabytes, tagged document
by document twice: whole documents (`tag(text, dct)`) and as the events stage calls it (body
sentences as `spans`; segmentation is done before the clock starts).

Events: `extract_events` over synthetic corpora from `benchmarks/gen_corpus.py` at each
`--docs` size (documents, sources and mentions prepared before the clock starts), so the
time per document shows whether the stage stays linear. `--undated F` drops the manifest date
of a fraction F of the documents, which sends them through `store.corpus.pubdate` and borrowed years.

    python benchmarks/bench_timex.py                        # 12 MB of text; 500 and 2,000 docs
    python benchmarks/bench_timex.py --mb 20 --docs 1000 10000 --undated 0.2
    python benchmarks/bench_timex.py --json out.json        # also write the figures as JSON
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for entry in (ROOT, ROOT / "benchmarks"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from machine import describe as describe_machine  # benchmarks/ is on sys.path as a script

from store.text.segment import segment
from store.timex import tag

SEEDS = ROOT / "seeds"

# --- invented news text -----------------------------------------------------------------------

_PEOPLE = (
    "Aliya Serikova",
    "Marat Dzhumabekov",
    "Olga Petrenko",
    "Daniyar Ospanov",
    "Gulnara Bekova",
    "Yerlan Tokayev",
    "Irina Volkova",
    "Timur Nurlanov",
)
_PLACES = ("Astana", "Almaty", "Shymkent", "Karaganda", "Taraz", "Pavlodar", "Atyrau", "Oral")
_ORGS = (
    "the Interior Ministry",
    "the National Security Committee",
    "the city council",
    "the central bank",
    "the election commission",
    "the prosecutor's office",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NEWS = (
    "{P} said on {W} that {O} would publish its report next month.",
    "The vote, held on {M} {d}, {y}, drew more than {n} thousand people in {L}.",
    "Police in {L} detained {n} men last week after a raid at {h} p.m. on {W}.",
    "Two years ago {O} promised to cut prices; since {y} they have risen by {n} percent.",
    "Between {M} {d} and {d2}, {O} questioned {n} witnesses, {P} told reporters.",
    "The plan, announced in early {y}, was postponed until the following year.",
    "Officials expect the pipeline to open in the second quarter of {y}.",
    "Earlier this month {P} met the governor of {L}; the two men had last spoken in {M}.",
    "From {y} to {y2} the ministry spent about {n} million tenge every year on the project.",
    "{P}, who served three terms in the 1990s, was arrested on {d} {M} {y}.",
    "Prices fell for the third consecutive month in {M}, the agency said on {W}.",
    "A month later, on {M} {d}, the court in {L} sentenced him to {n} years in prison.",
    "The festival takes place twice a year, in spring and in late autumn.",
    "At the time of writing, {O} had not responded to requests made days before.",
    "The {y} law, passed after the attack of {d} {M}, is currently under review.",
    "Yesterday {P} said the talks, which began {n} weeks ago, could last until mid-{y2}.",
    "The company reported quarterly profits of {n} million dollars for {M}-{M2} {y}.",
    "Lawmakers in {L} will meet again on {W} morning, a day after the ruling.",
    "The road has been closed since {M} {y} and will reopen by the end of the year.",
    "{O} recently said the figures for 09/17/{y} were revised in the past few days.",
)


_PLAIN = (
    "{P} told reporters in {L} that the decision was a mistake and should be reversed.",
    "According to {O}, {n} people were injured and several buildings were damaged.",
    "The opposition called the measure unconstitutional and asked the court to review it.",
    "Residents of {L} complained about rising prices for bread, fuel and public transport.",
    "{P} declined to comment, saying the investigation by {O} was still under way.",
    "Analysts in {L} said the reform would take effect only if parliament approved it.",
    "The ministry has not published the names of the {n} officials it dismissed.",
    "Witnesses described a loud explosion followed by gunfire near the railway station.",
    "{O} said it had received more than {n} complaints from farmers in the region.",
    "Human rights groups urged the authorities to release the detained journalists.",
    "The governor of {L} visited the hospital and promised compensation to the families.",
    "Critics say the new rules give {O} too much power over local businesses.",
)


def invented_news(rng: random.Random, paragraphs: int) -> str:
    """Paragraphs of news prose with the temporal expressions news writes, and names around them.

    About one sentence in seven carries dates (two or three each), which gives TempEval's
    density: one temporal expression per ~270 characters.
    """
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 7)):
            tpl = rng.choice(_NEWS) if rng.random() < 0.15 else rng.choice(_PLAIN)
            y = rng.randint(1995, 2019)
            d = rng.randint(1, 20)
            m1, m2 = sorted(rng.sample(range(12), 2))
            sentences.append(
                tpl.format(
                    P=rng.choice(_PEOPLE),
                    L=rng.choice(_PLACES),
                    O=rng.choice(_ORGS),
                    W=rng.choice(_WEEKDAYS),
                    M=_MONTHS[m1],
                    M2=_MONTHS[m2],
                    d=d,
                    d2=d + rng.randint(1, 8),
                    y=y,
                    y2=y + rng.randint(1, 5),
                    n=rng.randint(2, 90),
                    h=rng.randint(1, 11),
                )
            )
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def body_text(corpus: Path) -> list[str]:
    """The body passages of every .txt/.md document of a corpus, one string a document."""
    texts = []
    for path in sorted(corpus.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        passages, _ = segment(path.name, text)
        texts.append("\n\n".join(text[p.start : p.end] for p in passages if p.kind == "body"))
    return texts


def tagger_corpus(corpus: Path, mb: float, seed: int = 11) -> list[tuple[str, str]]:
    """(text, dct) documents: seed bodies and invented news, shuffled, to about `mb` MB."""
    rng = random.Random(seed)
    pool = [(t, "2016-06-05") for t in body_text(corpus)]
    for _ in range(40):
        text = invented_news(rng, rng.randint(4, 14))
        dct = f"{rng.randint(2000, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        pool.append((text, dct))
    docs: list[tuple[str, str]] = []
    size, target = 0, int(mb * 1_000_000)
    while size < target:
        batch = pool[:]
        rng.shuffle(batch)
        for text, dct in batch:
            docs.append((text, dct))
            size += len(text.encode("utf-8"))
    return docs


def bench_tagger(docs: list[tuple[str, str]]) -> dict[str, Any]:
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    started = time.perf_counter()
    found = sum(len(tag(text, dct)) for text, dct in docs)
    whole = time.perf_counter() - started
    spans = []
    for i, (text, _) in enumerate(docs):
        _, sentences = segment(f"d{i}", text)
        spans.append([(s.start, s.end) for s in sentences])
    started = time.perf_counter()
    found_spans = sum(
        len(tag(text, dct, spans=sp)) for (text, dct), sp in zip(docs, spans, strict=True)
    )
    by_sentence = time.perf_counter() - started
    cpu = min(_cpu_seconds(docs) for _ in range(3))
    return {
        "documents": len(docs),
        "mb": size / 1e6,
        "timexes": found,
        "whole_s": whole,
        "whole_mb_s": size / 1e6 / whole,
        "timexes_spans": found_spans,
        "spans_s": by_sentence,
        "spans_mb_s": size / 1e6 / by_sentence,
        "cpu_s": cpu,
        "cpu_mb_s": size / 1e6 / cpu,
    }


def _cpu_seconds(docs: list[tuple[str, str]]) -> float:
    """CPU time of tagging whole documents: steadier than the wall clock on a shared machine."""
    started = time.process_time()
    for text, dct in docs:
        tag(text, dct)
    return time.process_time() - started


def bench_events(docs: int, undated: float, work: Path) -> dict[str, Any]:
    from gen_corpus import write_corpus

    from store.corpus import CATALOGUE_NAME, read_corpus
    from store.corpus.describe import describe
    from store.entities import extract_entities, load_catalogue
    from store.events import extract_events
    from store.models import Document

    corpus_dir = work / f"corpus-{docs}"
    if not (corpus_dir / "sources.yaml").exists():
        write_corpus(corpus_dir, docs)
    corpus = read_corpus(corpus_dir)
    documents = []
    for raw in corpus.documents:
        passages, sentences = segment(raw.file, raw.text)
        documents.append(Document(raw.file, raw.text, tuple(passages), tuple(sentences)))
    sources = [
        describe(raw, corpus.manifest.get(raw.file), list(doc.passages))
        for raw, doc in zip(corpus.documents, documents, strict=True)
    ]
    rng = random.Random(docs)
    sources = [
        dataclasses.replace(s, published="unknown", published_precision="unknown")
        if rng.random() < undated
        else s
        for s in sources
    ]
    entities, mentions = extract_entities(documents, load_catalogue(corpus_dir / CATALOGUE_NAME))
    size = sum(len(raw.data) for raw in corpus.documents)
    started = time.perf_counter()
    events = extract_events(documents, sources, entities, mentions)
    elapsed = time.perf_counter() - started
    clusters = len({e.cluster for e in events})
    return {
        "documents": docs,
        "mb": size / 1e6,
        "undated": undated,
        "events": len(events),
        "clusters": clusters,
        "seconds": elapsed,
        "ms_per_doc": elapsed * 1000 / docs,
        "mb_s": size / 1e6 / elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SEEDS, help="body text source (.txt/.md)")
    ap.add_argument("--mb", type=float, default=12.0, help="tagger text size in MB")
    ap.add_argument(
        "--docs",
        type=int,
        nargs="*",
        default=[500, 2000],
        help="synthetic corpus sizes for the events stage (none: skip it)",
    )
    ap.add_argument(
        "--undated",
        type=float,
        default=0.1,
        help="fraction of documents whose manifest date is dropped",
    )
    ap.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "dossier-bench",
        help="where synthetic corpora are generated (reused when present)",
    )
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args(argv)
    print(f"machine: {describe_machine()}")
    print(f"date:    {datetime.now().isoformat(timespec='seconds')}")
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    results: dict[str, Any] = {
        "machine": describe_machine(),
        "date": datetime.now().isoformat(),
        "command": " ".join(sys.argv),
    }
    t = bench_tagger(tagger_corpus(a.corpus, a.mb))
    results["tagger"] = t
    print(
        f"tagger:  {t['documents']} documents, {t['mb']:.1f} MB, {t['timexes']} timexes: "
        f"whole documents {t['whole_s']:.2f} s = {t['whole_mb_s']:.2f} MB/s; "
        f"body sentences as spans {t['spans_s']:.2f} s = {t['spans_mb_s']:.2f} MB/s; "
        f"CPU time, best of 3, whole documents {t['cpu_mb_s']:.2f} MB/s"
    )
    results["events"] = []
    for n in a.docs:
        e = bench_events(n, a.undated, a.work)
        results["events"].append(e)
        print(
            f"events:  {e['documents']} documents ({e['mb']:.1f} MB, {e['undated']:.0%} "
            f"undated): {e['events']} events, {e['clusters']} clusters in "
            f"{e['seconds']:.2f} s = {e['ms_per_doc']:.2f} ms/document, {e['mb_s']:.2f} MB/s"
        )
    if a.json:
        a.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
