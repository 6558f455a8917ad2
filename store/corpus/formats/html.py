"""Web pages: the whole page reduced to text once, its article found by trafilatura.

Everything on the page stays in the text Dossier shows (the reader dims what is not the
article), so offsets never depend on the extractor: the page is reduced to text with the
standard library (`store.corpus.html`), trafilatura (made for main-text extraction, ranked first
on the public article-extraction benchmarks) picks the article, and the article is found in
that text by the runs of letters the two share (`_covered`). Passages the article covers become
a BODY region, the headline a HEADING one; every other passage (navigation, related links,
comment threads, cookie banners, footers) a BOILERPLATE one. When trafilatura
finds no article the text classifier alone decides, as for any text. Metadata comes from the
page's own markup (`webmeta`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from store.corpus.decode import decode, looks_binary
from store.corpus.formats.base import FormatError, Reading, Region
from store.corpus.formats.webmeta import page_metadata
from store.corpus.html import html_to_text
from store.models import BODY, BOILERPLATE, HEADING
from store.text.segment import passage_spans

NAME = "html"
SUFFIXES = (".html", ".htm", ".xhtml")

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# A passage is the article's when at least this share of its letters and digits is covered.
_COVERED = 0.5
_MIN_PARAGRAPH = 3  # letters and digits: shorter article lines are not looked for
_WINDOW = 16  # letters and digits in a run shared with the article (about three words)


def sniff(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read(data: bytes, where: str, warnings: list[str]) -> Reading:
    if looks_binary(data):
        raise FormatError("looks like a binary file, not HTML")
    declared = _CHARSET.search(data[:4096])
    markup = decode(data, where, warnings, declared=declared and declared.group(1).decode())
    text, title = html_to_text(markup)
    meta = page_metadata(markup, title)
    regions = article_regions(markup, text, meta.title)
    return Reading(text, NAME, regions=regions, meta=meta)


def article_regions(markup: str, text: str, title: str | None = None) -> tuple[Region, ...]:
    """BODY regions for the passages of `text` that trafilatura's article covers, a HEADING
    region for the page's headline (the passage that is its `title`; extractors leave the
    headline out of the article, and it is not furniture), BOILERPLATE for the rest; nothing
    when it finds no article."""
    article = main_text(markup)
    if not article:
        return ()
    norm, where = _normalised(text)
    spans = passage_spans(text)
    bounds = [(bisect_left(where, start), bisect_left(where, end)) for start, end in spans]
    covered = _covered(norm, article, bounds)
    headline = _normalised(title)[0] if title else ""
    regions: list[Region] = []
    for (start, end), (a, b) in zip(spans, bounds, strict=True):
        inside = b > a and covered[a:b].count(1) >= _COVERED * (b - a)
        kind = BODY if inside else BOILERPLATE
        if headline and norm[a:b] == headline:  # the first passage that is the title, once
            kind, headline = (HEADING if kind == BOILERPLATE else kind), ""
        if regions and regions[-1].kind == kind:
            regions[-1] = Region(regions[-1].start, end, kind)
        else:
            regions.append(Region(start, end, kind))
    if not any(r.kind == BODY for r in regions):
        return ()  # the article was not found in the page's text: let the classifier judge
    return tuple(regions)


def _covered(norm: str, article: str, bounds: list[tuple[int, int]]) -> bytearray:
    """Which characters of the page's normalised text the article has: those in a run of
    `_WINDOW` letters and digits the article also has, and the places where one of its short
    pieces (a line or table cell too short for a run) begins or ends a passage.

    Runs, not whole paragraphs: the extractor's paragraphs need not be the page's. It merges a
    layout table's cells into one Markdown row, drops a byline or a caption from the middle of
    a block, moves a lead; a whole-paragraph search then finds nothing and the article is lost.
    A run is long enough not to meet a menu by chance and short enough to survive such edits;
    letters, not words, so text written without spaces (Japanese, Chinese) is matched too. A
    short piece counts only where a passage begins or ends with it, never inside a sentence,
    and, like a run, as often as the article has it.
    """
    pieces = Counter(
        key
        for line in article.splitlines()
        for cell in line.split("|")
        if len(key := _normalised(cell)[0]) >= _MIN_PARAGRAPH
    )
    whole = _normalised(article)[0]  # runs may cross its lines: a code block's are short
    runs = Counter(whole[i : i + _WINDOW] for i in range(len(whole) - _WINDOW + 1))
    starts = [a for a, _ in bounds]
    hits: list[list[int]] = [[] for _ in bounds]
    for i in range(len(norm) - _WINDOW + 1):
        if norm[i : i + _WINDOW] in runs:
            hits[max(0, bisect_right(starts, i) - 1)].append(i)
    covered = bytearray(len(norm))
    full = b"\x01" * _WINDOW
    # Each run of the article is used as often as the article has it, by the passages it
    # covers best first: a standfirst or a teaser repeating a sentence of the lead is not
    # the article a second time.
    order = sorted(range(len(bounds)), key=lambda k: -_share(hits[k], bounds[k]))
    for k in order:
        for i in hits[k]:
            run = norm[i : i + _WINDOW]
            if runs[run] > 0:
                runs[run] -= 1
                covered[i : i + _WINDOW] = full
    short = Counter({p: n for p, n in pieces.items() if len(p) < _WINDOW})
    lengths = sorted({len(p) for p in short})
    for a, b in bounds:  # a short piece where a passage begins or ends with it, in page order
        for size in lengths:
            if size > b - a:
                break
            for at in (a, b - size) if b - size > a else (a,):
                if short[norm[at : at + size]] > 0:
                    short[norm[at : at + size]] -= 1
                    covered[at : at + size] = b"\x01" * size
    return covered


def _share(hits: list[int], bound: tuple[int, int]) -> float:
    """The share of a passage's letters that the runs starting in it cover."""
    a, b = bound
    if b <= a:
        return 0.0
    total, reach = 0, a
    for i in hits:
        end = min(i + _WINDOW, b)
        total += max(0, end - max(i, reach))
        reach = max(reach, end)
    return total / (b - a)


def main_text(markup: str) -> str | None:
    """The article's text as trafilatura extracts it (no comments), or None."""
    import trafilatura
    from lxml.etree import LxmlError

    try:
        return trafilatura.extract(markup, include_comments=False, include_tables=True)
    except (ValueError, TypeError, RecursionError, LxmlError):
        return None  # a page the extractor cannot parse: the text classifier alone judges it


def _normalised(text: str) -> tuple[str, list[int]]:
    """`text` lowercased, letters and digits only, and the offset each character came from."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isalnum():
            low = ch.lower()
            chars.append(low if len(low) == 1 else ch)
            where.append(i)
    return "".join(chars), where
