"""Web pages: shingle F1 of the body passages Dossier keeps, next to trafilatura's own extract.

The metric is the article-extraction benchmark's (scrapinghub/article-extraction-benchmark,
evaluate.py): 4-word shingles of `\\w+` tokens, per-page precision and recall normalised and
averaged over pages, F1 of the means. Three systems on the same pages in the same run:

- Dossier: the passages of kind body after the web-page reader (trafilatura's article mapped
  onto the page's full text, everything else boilerplate) and the text classifier;
- Dossier article: those and the headings inside the article's regions, all that the reader
  shows undimmed as the article;
- trafilatura: `trafilatura.extract(html, include_comments=False)`, the extractor on its own;
- Dossier before: the standard-library reduction and the classifier alone (no article finding),
  what Dossier did until this change.

Pages, by what is at hand:

    python benchmarks/bench_web.py                      # benchmarks/data/web/*/ (source.html, truth.txt)
    python benchmarks/bench_web.py --scrapinghub DIR    # the 181-page benchmark: DIR/html/*.html.gz, DIR/ground-truth.json
    python benchmarks/bench_web.py --readability DIR... # mozilla/readability test/test-pages: */source.html, */expected.html

`--readability` takes one or more folders in that layout; a page whose ground truth is plain text
(another benchmark's, converted) has */expected.txt in place of */expected.html.

The folders under benchmarks/data/web/ say where each page comes from and under what licence.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import describe

from store.corpus.formats import reader
from store.corpus.formats.html import main_text
from store.corpus.html import html_to_text
from store.models import BODY, HEADING
from store.text.segment import segment

DATA = Path(__file__).resolve().parent / "data" / "web"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def tp_fp_fn(truth: str, predicted: str) -> tuple[float, float, float]:
    t, p = shingles(truth), shingles(predicted)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(precision(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(recall(*x) for x in rows if x[0] + x[2] > 0)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def dossier(html: bytes) -> str:
    reading = reader("html").read(html, "page.html", [])
    passages, _ = segment("page.html", reading.text, reading.regions)
    return "\n".join(reading.text[p.start : p.end] for p in passages if p.kind == BODY)


def dossier_article(html: bytes) -> str:
    """Body passages and the headings inside the article's regions: all the reader shows
    undimmed as the article (the benchmarks' main text has its section headings)."""
    reading = reader("html").read(html, "page.html", [])
    passages, _ = segment("page.html", reading.text, reading.regions)
    article = [(r.start, r.end) for r in reading.regions if r.kind == BODY]

    def in_article(start: int) -> bool:
        return any(a <= start < b for a, b in article)

    keep = [p for p in passages if p.kind == BODY or (p.kind == HEADING and in_article(p.start))]
    return "\n".join(reading.text[p.start : p.end].lstrip("# ") for p in keep)


def dossier_before(html: bytes) -> str:
    text, _ = html_to_text(html.decode("utf-8", "replace"))
    passages, _ = segment("page.html", text)
    return "\n".join(text[p.start : p.end] for p in passages if p.kind == BODY)


def trafilatura_alone(html: bytes) -> str:
    return main_text(html.decode("utf-8", "replace")) or ""


def pages(args: argparse.Namespace) -> Iterator[tuple[str, bytes, str]]:
    if args.scrapinghub:
        root = Path(args.scrapinghub)
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for key, item in sorted(truth.items()):
            yield (
                key,
                gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()),
                item.get("articleBody", ""),
            )
    elif args.readability:
        for root in args.readability:
            for folder in sorted(p for p in Path(root).iterdir() if p.is_dir()):
                page = readability_page(folder)
                if page is not None:
                    yield page
    else:
        for folder in sorted(p for p in DATA.iterdir() if p.is_dir()):
            yield (
                folder.name,
                (folder / "source.html").read_bytes(),
                (folder / "truth.txt").read_text(encoding="utf-8"),
            )


def readability_page(folder: Path) -> tuple[str, bytes, str] | None:
    """One page in mozilla/readability's layout: folder/source.html and its ground truth, the
    text of folder/expected.html or, for plain-text ground truth, folder/expected.txt."""
    source = folder / "source.html"
    expected_html, expected_txt = folder / "expected.html", folder / "expected.txt"
    if not source.exists():
        return None
    if expected_html.exists():
        import lxml.html

        # The expected files are UTF-8 fragments with no charset declaration: from bytes, lxml
        # would read them as Latin-1 and every non-ASCII character would stop matching.
        truth = lxml.html.fromstring(expected_html.read_text(encoding="utf-8")).text_content()
    elif expected_txt.exists():
        truth = expected_txt.read_text(encoding="utf-8")
    else:
        return None
    return folder.name, source.read_bytes(), truth


def metadata_check() -> None:
    """The fields each local page's metadata.json states, against the Source Dossier builds
    (the page's own markup first, then its text: store.corpus.describe)."""
    from store.corpus.describe import describe as describe_source
    from store.corpus.read import RawDocument

    for folder in sorted(p for p in DATA.iterdir() if (p / "metadata.json").exists()):
        expected = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        path = folder / "source.html"
        data = path.read_bytes()
        reading = reader("html").read(data, folder.name, [])
        raw = RawDocument(f"{folder.name}.html", path, reading.text, data, reading.format,
                          reading.pages, reading.regions, reading.meta)  # fmt: skip
        passages, _ = segment(raw.file, raw.text, raw.regions)
        source = describe_source(raw, None, passages)
        for field, want in expected.items():
            got = getattr(source, field)
            got = None if got in ("unknown", "") else got
            mark = "ok  " if got == want else "MISS"
            print(
                f"  {mark} {folder.name} {field}: {got!r} (expected {want!r}; {source.basis_of(field)})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scrapinghub", metavar="DIR", help="article-extraction-benchmark checkout"
    )
    parser.add_argument(
        "--readability",
        metavar="DIR",
        nargs="+",
        help="folders in mozilla/readability's test-page layout (*/source.html, */expected.html or .txt)",
    )
    args = parser.parse_args()
    print(f"machine: {describe()}")
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}")
    print("command: python " + " ".join(["benchmarks/bench_web.py", *sys.argv[1:]]))
    systems = {
        "Dossier": dossier,
        "Dossier article": dossier_article,
        "trafilatura": trafilatura_alone,
        "Dossier before": dossier_before,
    }
    rows: dict[str, list[tuple[float, float, float]]] = {name: [] for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    count = 0
    warm = True
    for name, html, truth in pages(args):
        if warm:  # imports (lxml, trafilatura) are not a page's cost
            for run in systems.values():
                run(html)
            warm = False
        count += 1
        line = [f"{name[:24]:<24}"]
        for system, run in systems.items():
            started = time.perf_counter()
            predicted = run(html)
            seconds[system] += time.perf_counter() - started
            row = tp_fp_fn(truth, predicted)
            rows[system].append(row)
            line.append(f"{system}  {scores([row])[2]:.3f}")
        if count <= 40:
            print("  ".join(line))
    print(f"{count} pages")
    if not (args.scrapinghub or args.readability):
        metadata_check()
    for system in systems:
        p, r, f = scores(rows[system])
        print(
            f"{system:<16} shingle F1 {f:.3f}  (precision {p:.3f}, recall {r:.3f})  "
            f"{1000 * seconds[system] / max(1, count):.0f} ms a page"
        )


if __name__ == "__main__":
    main()
