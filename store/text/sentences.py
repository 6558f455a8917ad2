"""Sentence boundaries inside one passage, as exact offsets into the document text.

A compiled regex finds every candidate end (terminal punctuation, then closing quotes, brackets
and footnote markers, then whitespace); Python only judges those candidates, so the cost grows
with the number of full stops, not the number of characters. The judgement is the usual one for
news and reports: abbreviations, initials, dotted acronyms, a lowercase next word, numbers after
"No." or a month, and an open parenthesis all hold the sentence together. Spaced ellipses
(". . .") are one mark: three after a space are an elision, four end the sentence, and a full
stop followed by an ellipsis ("compounds. . . . The") ends it at the stop. An inline numbered
or lettered list ("1.) The first item 2.) The second item") is cut before each next item.
Checked against pySBD's 48 English Golden Rules (tests/unit/store/test_golden_rules.py).
"""

from __future__ import annotations

import itertools
import re

from store.lang.en import (
    AMBIGUOUS_ENDINGS,
    BEFORE_NUMBER,
    NAME_TITLES,
    NEVER_BREAK_DOTTED,
    SENTENCE_STARTERS,
)

# A candidate end: terminal punctuation, then closers that belong to the sentence (quotes,
# brackets, markdown emphasis, footnote markers "<sup>12</sup>" or "[3]"), then whitespace and the
# first real character of what follows (`ch`). ASCII lowercase there ("Mosul. has", "e.g. the") is
# rejected inside the regex, so most non-ends never reach Python. Starting with a plain character
# class lets the engine scan quickly to the next candidate; a candidate starts only at the first
# mark of a run, and the runs are possessive, so "!!!!..." cannot make the search quadratic.
_END = re.compile(
    r"(?<![.!?…])[.!?…](?P<more>(?:[.!?…]|[ ]\.)*+)"
    r"(?P<close>(?:[\"'”’»)\]*_]|<sup>[^<>]{0,12}</sup>|\[\d{1,3}\])*+)"
    r"(?=\s+[\"'“‘«(\[*_]*(?P<ch>[^\sa-z]))"
)
_WORD = re.compile(r"[A-Za-z]+")
# An inline list marker: "1.)", "2)", "3.", "a.", optionally after a bullet ("• 9.", "⁃10.").
_LIST_MARK = re.compile(
    r"(?<!\S)(?P<bullet>[•⁃‣◦▪●]\s?)?(?P<n>\d{1,2}|[A-Za-z])(?P<p>\.\)|\)|\.)(?=\s)"
)
# After a quotation, "(Smith 55)." is its citation: the sentence ends after it.
_CITATION_AFTER = re.compile(r"\s*\([^()\n]{1,60}\)[.!?]")
_TERMINAL_LINE = re.compile(r"(?:[.!?…:;]|\.{2,})(?:[\"'”’»)\]*_]|<sup>[^<>]{0,12}</sup>)*\s*$")
_LIST_LINE = re.compile(r"\s*(?:[-*+•·]\s|\d{1,3}[.)]\s|\|)")


# An open parenthesis older than this is treated as stray, so it cannot swallow a passage.
_MAX_PAREN_SPAN = 300
_SHORT_LINE = 60
_LONG_LINE = 100
# Longer than this, a "sentence" is a table, a list or a dump, not prose: it is cut at every
# line break, and a line still longer at spaces. Every later stage works per sentence, so this
# bound is what keeps extraction linear in a document's size.
MAX_SENTENCE_CHARS = 1000


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in `text[start:end]`, each stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _line_segments(text, start, end):
        items, marks = _inline_list(text, seg_start, seg_end)
        cuts = _boundaries(text, seg_start, seg_end, marks)
        if items:
            cuts = sorted(set(cuts) | set(items))
        cut = seg_start
        for boundary in cuts:
            _append_stripped(text, cut, boundary, spans)
            cut = boundary
        _append_stripped(text, cut, seg_end, spans)
    if any(e - s > MAX_SENTENCE_CHARS for s, e in spans):
        spans = [piece for span in spans for piece in _bounded(text, *span)]
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` as pieces of at most MAX_SENTENCE_CHARS: lines, then runs of words."""
    if end - start <= MAX_SENTENCE_CHARS:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl + 1
        line: list[tuple[int, int]] = []
        _append_stripped(text, pos, stop, line)
        for a, b in line:
            while b - a > MAX_SENTENCE_CHARS:
                cut = text.rfind(" ", a + 1, a + MAX_SENTENCE_CHARS)
                cut = cut if cut > a else a + MAX_SENTENCE_CHARS
                _append_stripped(text, a, cut, out)
                a = cut
            _append_stripped(text, a, b, out)
        pos = stop
    return out


def _append_stripped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return
    s = start + len(piece) - len(stripped)
    out.append((s, s + len(stripped.rstrip())))


def _line_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at line breaks that end a sentence without punctuation (list items, labels)."""
    if text.find("\n", start, end) < 0:
        return [(start, end)]
    lines: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl + 1
        lines.append((pos, stop))
        pos = stop
    longest = max(len(text[a:b].strip()) for a, b in lines)
    listy = sum(1 for a, b in lines if _LIST_LINE.match(text, a, b)) >= 2
    segments: list[tuple[int, int]] = []
    seg_start = start
    for (a, b), (na, nb) in itertools.pairwise(lines):
        line = text[a:b].strip()
        if not line or _TERMINAL_LINE.search(line):
            continue  # punctuation (or nothing) there: the regex pass decides
        nxt = text[na:nb].lstrip()
        if not nxt:
            continue
        if (listy and (_LIST_LINE.match(nxt) or _LIST_LINE.match(line))) or (
            len(line) <= _SHORT_LINE and longest > _LONG_LINE and not nxt[0].islower()
        ):
            segments.append((seg_start, b))
            seg_start = b
    segments.append((seg_start, end))
    return segments


def _inline_list(text: str, start: int, end: int) -> tuple[list[int], list[tuple[int, int]]]:
    """An inline list opening the segment ("1.) The first item 2.) The second item"): where
    each later item starts, and every marker's span (its full stop ends no sentence).

    Only a segment that opens with a marker is looked at, and only markers that continue its
    sequence (2 after 1, "b" after "a", in the same style) count, so "in 2014. 2. The" inside
    prose is never a list.
    """
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    first = _LIST_MARK.match(text, start + lead, end)
    if first is None:
        return [], []
    items: list[int] = []
    marks = [(first.start(), first.end())]
    expected = _next_mark(first.group("n"))
    style = (first.group("bullet") is not None, first.group("p"))
    for m in _LIST_MARK.finditer(text, first.end(), end):
        if m.group("n") == expected and (m.group("bullet") is not None, m.group("p")) == style:
            items.append(m.start())
            marks.append((m.start(), m.end()))
            expected = _next_mark(expected)
    return (items, marks) if items else ([], [])


def _next_mark(value: str) -> str:
    if value.isdigit():
        return str(int(value) + 1)
    return chr(ord(value) + 1) if value not in "zZ" else ""


def _boundaries(
    text: str, start: int, end: int, marks: list[tuple[int, int]] | None = None
) -> list[int]:
    """Offsets just after each accepted sentence end in `text[start:end]`; full stops inside
    `marks` (list markers) end nothing."""
    cuts: list[int] = []
    depth = 0
    open_at = -1
    counted = start
    parens = text.find("(", start, end) >= 0
    for m in _END.finditer(text, start, end):
        m_end = m.end()
        if parens:
            opens = text.count("(", counted, m_end)
            closes = text.count(")", counted, m_end)
            if depth == 0 and opens:
                open_at = text.find("(", counted, m_end)
            depth = max(0, depth + opens - closes)
            counted = m_end
            if depth:
                if m.start() - open_at <= _MAX_PAREN_SPAN:
                    continue  # "(Anon. 2016a; Anon. 2016d)"
                depth = 0
        if marks and any(a <= m.start() < b for a, b in marks):
            continue
        cut = _boundary_at(text, m, start)
        if cut is not None:
            cuts.append(cut)
    return cuts


def _boundary_at(text: str, m: re.Match[str], start: int) -> int | None:
    """Where the sentence ends for candidate `m`, or None when it does not end there."""
    punct = text[m.start() : m.end("more")]
    if " ." in punct:  # a spaced ellipsis ". . ." after a word or a full stop
        dots = punct.count(".")
        if m.start() > 0 and not text[m.start() - 1].isspace():
            # "compounds. . . . The": the stop ends the sentence, the ellipsis opens the next
            return m.start() + 1 if dots >= 4 else None
        return m.end() if dots >= 4 else None  # "period . . . . Next" / " . . . " elides
    if _CITATION_AFTER.match(text, m.end("close")):
        return None  # '"... stairways [...]" (Smith 55).': the citation closes the sentence
    return m.end() if _is_boundary(text, m, start) else None


def _is_boundary(text: str, m: re.Match[str], start: int) -> bool:
    ch = m.group("ch")
    if ch.islower():
        return False  # lowercase beyond ASCII
    p = m.start()
    punct = text[p : m.end("more")]
    if punct != ".":
        if punct[0] == "…" or punct.startswith(".."):
            if p > 0 and text[p - 1] in "[(" and m.group("close")[:1] in "])":
                return False  # "[...]": an omission inside a quotation
            return p == 0 or not text[p - 1].isspace()  # " ... " is an elision, not an end
        return True
    if m.group("close"):
        return True  # ." .” .) .<sup>4</sup>: the closer shows the sentence is done
    before = text[max(start, p - 40) : p].rsplit(None, 1)
    if not before:
        return True
    token = before[-1].lstrip("\"'“‘«([*_")
    low = token.lower()
    if ch.isdigit():
        return low not in BEFORE_NUMBER
    if low in NAME_TITLES:
        return False
    if len(token) == 1 and token.isalpha():
        # The pronoun ends one ("you and I. Did you"); an initial does not ("R. N.", "S. Starr").
        return token == "I" and _after_lowercase_word(text, p, start)
    if "." in token and _is_dotted(token):
        if low in NEVER_BREAK_DOTTED:
            return False
        return _starts_sentence(text, m)  # "U.S. Secretary" vs "the U.S. The"
    if low in AMBIGUOUS_ENDINGS:
        return _starts_sentence(text, m)
    return True


def _is_dotted(token: str) -> bool:
    """Dotted abbreviations: U.S, H.E, C.K, e.g, a.m, Ph.D."""
    parts = token.split(".")
    return all(0 < len(part) <= 2 and part.isalpha() for part in parts)


def _starts_sentence(text: str, m: re.Match[str]) -> bool:
    word = _WORD.match(text, m.start("ch"))
    return word is not None and word.group().lower() in SENTENCE_STARTERS


def _after_lowercase_word(text: str, p: int, start: int) -> bool:
    """The word before the one-letter token ending at `p` is lowercase ("and I.")."""
    words = text[max(start, p - 40) : p].split()
    return len(words) >= 2 and words[-2][:1].islower()
