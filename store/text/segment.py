"""Passages and sentences with exact offsets into a document's text.

Everything downstream (extraction, search hits, the viewer's highlights) cites `text[start:end]`,
so offsets are never computed on a normalised copy: blocks are found with one compiled regex over
the original text, and each span is trimmed of whitespace by measuring, not rewriting.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from store.models import BODY, BOILERPLATE, HEADING, Passage, Sentence
from store.text.kinds import classify
from store.text.sentences import split_sentences

# A blank line: a line break, then only whitespace up to one or more further line breaks.
# `\r\n`, a bare `\r` and `\n` all end lines; `[^\S\r\n]` is whitespace other than a line end.
_EOL = r"(?:\r\n|\r(?!\n)|\n)"  # "\r\n" is one line end, never "\r" then "\n"
_BLANK_RUN = re.compile(rf"{_EOL}[^\S\r\n]*(?:{_EOL}[^\S\r\n]*)+")
# Markdown ATX headings get a passage of their own even when text follows on the next line.
_MD_HEADING_LINE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t][^\r\n]*", re.MULTILINE)


def segment(
    file: str,
    text: str,
    regions: Sequence[tuple[int, int, str]] = (),
    page_starts: Sequence[int] = (),
) -> tuple[list[Passage], list[Sentence]]:
    """Split `text` into classified passages and their sentences, numbered from 0.

    `regions` are (start, end, kind) stretches whose kind the file's format knows (a PDF's
    running header, a web page's article): a passage starting inside one takes its kind, except
    that a BODY region only keeps the classifier from calling its passages boilerplate.
    `page_starts` are the offsets where the pages of a paged document begin: each passage
    gets the number (from 1) of the page it starts on.
    """
    spans = passage_spans(text)
    kinds = _with_regions(spans, classify(text, spans), regions)
    passages: list[Passage] = []
    sentences: list[Sentence] = []
    for index, ((start, end), kind) in enumerate(zip(spans, kinds, strict=True)):
        page = bisect_right(page_starts, start) if page_starts else None
        passages.append(
            Passage(file=file, index=index, start=start, end=end, kind=kind, page=page or None)
        )
        parts = [(start, end)] if kind == HEADING else split_sentences(text, start, end)
        for s, e in parts:
            sentences.append(
                Sentence(file=file, passage=index, index=len(sentences), start=s, end=e)
            )
    return passages, sentences


def _with_regions(
    spans: list[tuple[int, int]], kinds: list[str], regions: Sequence[tuple[int, int, str]]
) -> list[str]:
    if not regions:
        return kinds
    ordered = sorted(regions)
    starts = [r[0] for r in ordered]
    out = []
    for (start, _end), kind in zip(spans, kinds, strict=True):
        i = bisect_right(starts, start) - 1
        if i >= 0 and ordered[i][0] <= start < ordered[i][1]:
            known = ordered[i][2]
            if known != BODY:
                kind = known
            elif kind == BOILERPLATE:
                kind = BODY
        out.append(kind)
    return out


def passage_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line-separated block, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for gap in _BLANK_RUN.finditer(text):
        _add_block(text, pos, gap.start(), spans)
        pos = gap.end()
    _add_block(text, pos, len(text), spans)
    return spans


def _add_block(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    block = text[start:end]
    stripped = block.lstrip()
    if not stripped:
        return
    start += len(block) - len(stripped)
    end = start + len(stripped.rstrip())
    if "#" not in text[start:end]:
        out.append((start, end))
        return
    for s, e in _split_headings(text, start, end):
        out.append((s, e))


def _split_headings(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Give each markdown heading line in a block its own span; trim the pieces between."""
    pieces: list[tuple[int, int]] = []
    cut = start
    for m in _MD_HEADING_LINE.finditer(text, start, end):
        pieces.append((cut, m.start()))
        pieces.append((m.start(), m.end()))
        cut = m.end()
    pieces.append((cut, end))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        chunk = text[s:e]
        stripped = chunk.lstrip()
        if stripped:
            s += len(chunk) - len(stripped)
            out.append((s, s + len(stripped.rstrip())))
    return out
