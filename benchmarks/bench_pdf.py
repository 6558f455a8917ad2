"""PDF and DOCX reading: token F1 of the body text against the ground truth, and throughput.

Made by LibreOffice from real texts (benchmarks/pdf_corpus.py: GPL-3, CC0 1.0, two bundled
documents; a running header, a "Page N of M" footer, footnotes, hyphenation, two columns in
two of them). For each file, the text Dossier would index as body (passages of kind body or
heading, the reader's regions applied) is compared with the ground truth as bags of
lowercased word tokens; the baseline is PDFium's own page text (pypdfium2
`get_text_range`, what the library gives before Dossier's layout rules), on the same files in
the same run. Speed is per page for both.

    python benchmarks/bench_pdf.py [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import describe
from pdf_corpus import make

from store.corpus.formats import reader
from store.models import BODY, HEADING
from store.text.segment import segment

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def f1(truth: str, predicted: str) -> tuple[float, float, float]:
    t, p = tokens(truth), tokens(predicted)
    overlap = sum((t & p).values())
    precision = overlap / max(1, sum(p.values()))
    recall = overlap / max(1, sum(t.values()))
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def dossier_body(fmt: str, data: bytes, name: str) -> tuple[str, int]:
    reading = reader(fmt).read(data, name, [])
    passages, _ = segment(name, reading.text, reading.regions, [p.start for p in reading.pages])
    body = "\n\n".join(reading.text[p.start : p.end] for p in passages if p.kind in (BODY, HEADING))
    return body, len(reading.pages)


def pdfium_text(data: bytes) -> tuple[str, int]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for i in range(len(document)):
            page = document[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(pages), len(document)
    finally:
        document.close()


def best_of(runs: int, fn, *args):  # type: ignore[no-untyped-def]
    best = float("inf")
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - started)
    return result, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timing runs (best is kept)")
    args = parser.parse_args()
    print(f"machine: {describe()}")
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"command: python benchmarks/bench_pdf.py --runs {args.runs}")
    with tempfile.TemporaryDirectory() as tmp:
        made = make(Path(tmp))
        totals: dict[str, list[float]] = {"dossier": [], "pdfium": [], "docx": []}
        seconds = {"dossier": 0.0, "pdfium": 0.0}
        pages_total = 0
        print(
            f"{'file':<14} {'pages':>5}  {'Dossier P / R / F1':>22}  {'PDFium text P / R / F1':>24}  {'DOCX F1':>7}"
        )
        for case, paths in made:
            pdf = paths["pdf"].read_bytes()
            (body, pages), t_ours = best_of(args.runs, dossier_body, "pdf", pdf, case.name)
            (raw, _), t_raw = best_of(args.runs, pdfium_text, pdf)
            docx_body, _ = dossier_body("docx", paths["docx"].read_bytes(), case.name)
            ours, base, word = f1(case.truth, body), f1(case.truth, raw), f1(case.truth, docx_body)
            totals["dossier"].append(ours[2])
            totals["pdfium"].append(base[2])
            totals["docx"].append(word[2])
            seconds["dossier"] += t_ours
            seconds["pdfium"] += t_raw
            pages_total += pages
            print(
                f"{case.name:<14} {pages:>5}  {ours[0]:.3f} / {ours[1]:.3f} / {ours[2]:.3f}    "
                f"{base[0]:.3f} / {base[1]:.3f} / {base[2]:.3f}      {word[2]:.3f}"
            )
        mean = {k: sum(v) / len(v) for k, v in totals.items()}
        print(
            f"mean token F1: Dossier PDF {mean['dossier']:.3f}, PDFium's own text "
            f"{mean['pdfium']:.3f} (ratio {mean['dossier'] / mean['pdfium']:.3f}); "
            f"Dossier DOCX {mean['docx']:.3f}"
        )
        print(
            f"speed: Dossier {1000 * seconds['dossier'] / pages_total:.1f} ms a page (layout, "
            f"furniture, notes, segmentation), PDFium text alone "
            f"{1000 * seconds['pdfium'] / pages_total:.1f} ms a page; {pages_total} pages"
        )


if __name__ == "__main__":
    main()
