"""PDF through PDFium (pypdfium2: Apache/BSD, wheels for every platform, ~3 ms a page).

Each page's text layer is read line by line with each line's box and font size; `pdflayout`
turns the lines into paragraphs (running headers and footers marked boilerplate, footnotes
by position and size, headings by size, line-end hyphens joined only where the word is not
hyphenated, ligatures expanded). Pages follow each other in the text, each page's start
offset kept with its printed label: the PDF's own page labels ("iv", "17") where it has them,
else the number its header or footer prints when that agrees from page to page, else its
position. A PDF without a text layer (a scan) is kept, with a note that it needs OCR.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from typing import Any

from store.corpus.formats.base import (
    LIGATURES,
    FormatError,
    Metadata,
    PageSpan,
    Reading,
    Region,
)
from store.corpus.formats.pdflayout import (
    SOFT_HYPHEN,
    Line,
    Paragraph,
    Vocabulary,
    body_size,
    carry_hyphenated_words,
    mark_furniture,
    mark_notes_and_headings,
    page_number_of,
    paragraphs,
)
from store.models import BOILERPLATE, FOOTNOTE, HEADING

NAME = "pdf"
SUFFIXES = (".pdf",)

_LINES = re.compile(r"[^\r\n]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\u00ad]")  # soft hyphens inside a line go
_MIN_CHARS = 8  # fewer visible characters than this on a page: no text layer there
_BAD_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - |untitled\b)|\.(?:docx?|pdf|indd|tex|odt)$", re.I
)
_REGION_KINDS = {BOILERPLATE, FOOTNOTE, HEADING}


def sniff(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def read(data: bytes, where: str, warnings: list[str]) -> Reading:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise FormatError("the PDF is encrypted (it needs a password)") from None
        raise FormatError(f"cannot read the PDF ({reason})") from None
    try:
        pages = [_page_lines(document, i) for i in range(len(document))]
        labels = [_label(document, i) for i in range(len(document))]
        info = document.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as exc:
        raise FormatError(f"cannot read the PDF ({exc})") from None
    finally:
        document.close()
    return compose(pages, labels, info, where, warnings)


def compose(
    pages: list[list[Line]],
    labels: list[str],
    info: dict[str, str],
    where: str,
    warnings: list[str],
) -> Reading:
    """The document text, pages and regions from each page's lines (see `pdflayout`)."""
    mark_furniture(pages)
    size = body_size(pages)
    for lines in pages:
        mark_notes_and_headings(lines, size)
    vocabulary = Vocabulary([line.text for lines in pages for line in lines])
    printed = _printed_labels(pages) if not any(labels) else None
    parts: list[str] = []
    spans: list[PageSpan] = []
    regions: list[Region] = []
    pos = 0
    blank: list[int] = []
    first_heading: Paragraph | None = None
    laid_out = [paragraphs(lines, vocabulary) for lines in pages]
    carry_hyphenated_words(laid_out, vocabulary)
    for number, lines in enumerate(pages):
        if sum(len(line.text.strip()) for line in lines) < _MIN_CHARS:
            blank.append(number + 1)
        start = None
        for paragraph in laid_out[number]:
            if parts:
                parts.append("\n\n")
                pos += 2
            if start is None:
                start = pos  # a page begins at its first paragraph, after the blank line
            parts.append(paragraph.text)
            if paragraph.kind in _REGION_KINDS:
                regions.append(Region(pos, pos + len(paragraph.text), paragraph.kind))
            if first_heading is None and paragraph.kind == HEADING:
                first_heading = paragraph
            pos += len(paragraph.text)
        label = labels[number] or (printed[number] if printed else "") or str(number + 1)
        spans.append(PageSpan(label, pos if start is None else start, pos))
    text = "".join(parts) + ("\n" if parts else "")
    note = ""
    if pages and len(blank) == len(pages):
        note = f"no text layer: {len(pages)} page{'s' if len(pages) != 1 else ''}; needs OCR"
    elif blank:
        shown = ", ".join(spans[n - 1].label for n in blank[:10]) + (
            " ..." if len(blank) > 10 else ""
        )
        note = f"no text layer on {len(blank)} of {len(pages)} pages (p. {shown}); they need OCR"
    if note:
        warnings.append(f"{where}: {note}")
    return Reading(text, NAME, tuple(spans), tuple(regions), _metadata(info, first_heading), note)


def _page_lines(document: Any, index: int) -> list[Line]:
    """The page's text lines in PDFium's reading order, each with its box and font size."""
    import pypdfium2.raw as raw

    page = document[index]
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count > 0 else ""
        if len(text) != count:  # one PDFium character became several code points: map one by one
            text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 32) for i in range(count))
        lines: list[Line] = []
        for m in _LINES.finditer(text):
            start = m.start()
            for piece in _split_soft_hyphens(m.group()):
                end = start + len(piece)
                line = _line(textpage, raw, text, start, end)
                if line is not None:
                    lines.append(line)
                start = end
        return lines
    finally:
        textpage.close()
        page.close()


def _split_soft_hyphens(line: str) -> list[str]:
    """PDFium joins a hyphenated line to the next at U+FFFE: split there, keeping the mark."""
    if SOFT_HYPHEN not in line:
        return [line]
    pieces = line.split(SOFT_HYPHEN)
    return [p + SOFT_HYPHEN for p in pieces[:-1]] + [pieces[-1]]


def _line(textpage: Any, raw: Any, text: str, start: int, end: int) -> Line | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    first = start + len(chunk) - len(chunk.lstrip())
    last = start + len(chunk.rstrip()) - 1
    middle = (first + last) // 2
    from pypdfium2 import PdfiumError

    try:
        x0, bottom0, _, top0 = textpage.get_charbox(first)
        _, bottom1, x1, top1 = textpage.get_charbox(last)
    except PdfiumError:  # no box for a generated character: the middle one stands for the line
        try:
            x0, bottom0, x1, top0 = textpage.get_charbox(middle)
        except PdfiumError:
            return None
        bottom1, top1 = bottom0, top0
    size = raw.FPDFText_GetFontSize(textpage, middle) or raw.FPDFText_GetFontSize(textpage, first)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    found = raw.FPDFText_GetCharOrigin(textpage, first, origin_x, origin_y)
    clean = _CONTROLS.sub("", stripped.translate(LIGATURES))
    return Line(
        clean,
        x0,
        max(x1, x0),
        max(top0, top1),
        min(bottom0, bottom1),
        float(size),
        baseline=origin_y.value if found else None,
    )


def _label(document: Any, index: int) -> str:
    from pypdfium2 import PdfiumError

    try:
        label: str = document.get_page_label(index)
    except PdfiumError:  # a damaged label tree: the page keeps its position as its label
        return ""
    return label.strip()


def _printed_labels(pages: list[list[Line]]) -> list[str] | None:
    """The page numbers headers and footers print, when they agree with the page order.

    A page that prints no number gets the one its position implies; None when fewer than
    half the pages print a number that fits one offset.
    """
    found: dict[int, int] = {}
    for i, lines in enumerate(pages):
        for line in lines:
            if line.kind == BOILERPLATE:
                number = page_number_of(line.text)
                if number is not None:
                    found[i] = number
                    break
    if not found:
        return None
    shift, agree = Counter(n - i for i, n in found.items()).most_common(1)[0]
    if agree * 2 < len(pages) or agree < 2:
        return None
    return [str(i + shift) if i + shift > 0 else "" for i in range(len(pages))]


def _metadata(info: dict[str, str], heading: Paragraph | None) -> Metadata:
    meta = Metadata()
    title = info.get("Title", "").strip()
    if title and not _BAD_TITLE.search(title):
        meta.set("title", title, "PDF document information (Title)")
    if heading is not None and heading.kind == HEADING:
        meta.set("title", heading.text[:200], "largest type on the first pages")
    meta.set("author", info.get("Author"), "PDF document information (Author)")
    return meta
