"""From the lines of a PDF's pages to paragraphs: furniture, footnotes, headings, hyphenation.

Pure functions over `Line` records (text, box, font size), so the rules are tested without a
PDF library. What they decide, in order:

1. Running headers and footers: among the two top-most and two bottom-most lines of each page,
   a line whose text (digits and Roman numerals masked) recurs at the top or bottom of at least
   40% of the pages (and two of them), or that is only a page number ("17", "Page 3 of 12",
   "- iv -"), is furniture.
2. Footnotes: the run of lines at the foot of a page (above the footer) set smaller than the
   document's body size, the first of them opening with a note mark ("1", "*", "†").
3. Headings: a line set at least 15% larger than the body size.
4. Paragraphs: consecutive lines of one kind, cut where the distance between baselines grows
   past the page's usual line pitch, the size changes, a list item starts, a short line ending
   a sentence is followed by an indented one, or the text moves up to a new column after a
   sentence ends (a paragraph that runs on into the next column stays one).
5. Line-end hyphens: joined ("informa-" + "tion" -> "information") unless the document itself
   spells the word with a hyphen elsewhere, or the second part is capitalised or a number
   ("pro-Russian", "COVID-19"), or the first part is a prefix English hyphenates ("self-",
   "non-", "ex-"); a word the document spells closed elsewhere is always joined.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from store.lang.en import HYPHEN_PREFIXES
from store.models import BODY, BOILERPLATE, FOOTNOTE, HEADING

SOFT_HYPHEN = "\ufffe"  # what PDFium leaves where it removed a line-end hyphen


@dataclass(slots=True)
class Line:
    """One visual line of a page; coordinates in points, y growing upwards (PDF space)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    baseline: float | None = None  # y of the first character's origin (None: use `bottom`)
    kind: str = BODY

    @property
    def base(self) -> float:
        return self.bottom if self.baseline is None else self.baseline


@dataclass(slots=True)
class Paragraph:
    text: str
    kind: str


_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(?:(?:page|p\.|seite|pág\.?)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:of|/|von|de)\s*\d{1,4})?[-–—\s]*",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"\b[ivxlcdm]{1,7}\b", re.IGNORECASE)
_NOTE_MARK = re.compile(r"\s*(?:\d{1,3}|[*†‡§¶]|\[\d{1,3}\]|\(\d{1,3}\))(?:[.)]?\s|\S)")
_LIST_ITEM = re.compile(r"\s*(?:[•●▪◦■\-–]\s|\(?(?:\d{1,2}|[a-z])[.)]\s)")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_WORD_END = re.compile(r"([^\W\d_]+)$")
_WORD_START = re.compile(r"^([^\W_]+)")
_TOKENS = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_EDGE_LINES = 2
_REPEAT_SHARE = 0.4


def page_number_of(text: str) -> int | None:
    """The arabic page number a furniture line prints ("Page 17 of 40" -> 17), or None."""
    if not _PAGE_NUMBER.fullmatch(text.strip()):
        return None
    digits = _DIGITS.search(text)
    return int(digits.group()) if digits else None


def mark_furniture(pages: list[list[Line]]) -> None:
    """Rule 1: set `kind` BOILERPLATE on running headers, footers and page numbers."""
    edges = [_edge_lines(lines) for lines in pages]
    counts: Counter[str] = Counter()
    for edge in edges:
        counts.update({_mask(line.text) for line in edge})
    needed = max(2, round(_REPEAT_SHARE * len(pages)))
    for edge in edges:
        for line in edge:
            text = line.text.strip()
            repeated = len(text) <= 160 and counts[_mask(text)] >= needed
            if repeated or (_PAGE_NUMBER.fullmatch(text) and len(pages) > 1):
                line.kind = BOILERPLATE


def _edge_lines(lines: list[Line]) -> list[Line]:
    ordered = sorted((line for line in lines if line.text.strip()), key=lambda x: -x.top)
    if len(ordered) <= 2 * _EDGE_LINES:
        return ordered[:1] + ordered[-1:] if len(ordered) > 1 else ordered
    return ordered[:_EDGE_LINES] + ordered[-_EDGE_LINES:]


def _mask(text: str) -> str:
    return " ".join(_ROMAN.sub("#", _DIGITS.sub("#", text.lower())).split())


def body_size(pages: list[list[Line]]) -> float:
    """The font size most of the text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            if line.kind == BODY:
                sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def mark_notes_and_headings(lines: list[Line], size: float) -> None:
    """Rules 2 and 3 on one page, after furniture is marked."""
    if size <= 0:
        return
    content = sorted((x for x in lines if x.kind == BODY), key=lambda x: -x.top)
    run: list[Line] = []
    for line in reversed(content):  # from the foot of the page upwards
        if line.size < size * 0.92:
            run.append(line)
        else:
            break
    if run and len(run) < len(content):
        first = run[-1]  # the top-most line of the run
        if _NOTE_MARK.match(first.text):
            for line in run:
                line.kind = FOOTNOTE
    for line in lines:
        if line.kind == BODY and line.size >= size * 1.15 and len(line.text) <= 200:
            line.kind = HEADING


def paragraphs(lines: list[Line], vocabulary: Vocabulary) -> list[Paragraph]:
    """Rule 4 and 5: the page's lines, in reading order, as paragraphs with joined lines."""
    out: list[Paragraph] = []
    current: list[Line] = []
    pitch = _typical_pitch(lines)
    right = _column_right_edges(lines)
    for i, line in enumerate(lines):
        if current and _breaks(current[-1], line, pitch, right[i - 1]):
            out.append(_paragraph(current, vocabulary))
            current = []
        current.append(line)
    if current:
        out.append(_paragraph(current, vocabulary))
    return [p for p in out if p.text]


def _breaks(prev: Line, line: Line, pitch: float, prev_right: float) -> bool:
    if line.kind != prev.kind or abs(line.size - prev.size) > 0.1 * max(prev.size, 1):
        return True
    if line.kind == BOILERPLATE:
        return True  # a header and a footer are separate pieces
    ends = _SENTENCE_END.search(prev.text.rstrip()) is not None
    if line.top > prev.top + 1:
        return ends  # moved up: a new column, where an unfinished paragraph goes on
    if prev.base - line.base > pitch * 1.2 + 0.5:
        return True  # more space than between the lines of a paragraph
    if _LIST_ITEM.match(line.text) and line.kind != FOOTNOTE:
        return True
    if line.kind == FOOTNOTE and _NOTE_MARK.match(line.text) and line.x0 <= prev.x0 + 1:
        return ends
    short = prev.x1 < prev_right - prev.size * 2
    indented = line.x0 > prev.x0 + prev.size * 0.8
    return ends and (short or indented)


def _typical_pitch(lines: list[Line]) -> float:
    """The usual distance between the baselines of consecutive lines of a paragraph."""
    pitches = sorted(
        a.base - b.base
        for a, b in itertools.pairwise(lines)
        if a.kind == b.kind and abs(a.size - b.size) < 0.5 and 0 < a.base - b.base < a.size * 3
    )
    return pitches[len(pitches) // 3] if pitches else 14.0


def _column_right_edges(lines: list[Line]) -> list[float]:
    """For each line, the right edge of the lines in its column (those overlapping it)."""
    return [
        max((o.x1 for o in lines if o.kind == line.kind and o.x0 < line.x1 and o.x1 > line.x0),
            default=line.x1)
        for line in lines
    ]  # fmt: skip


class Vocabulary:
    """The words of a whole document, to decide whether a line-end hyphen is the word's own."""

    def __init__(self, texts: list[str]) -> None:
        self.closed: set[str] = set()
        self.hyphenated: set[str] = set()
        for text in texts:
            for token in _TOKENS.findall(text.replace(SOFT_HYPHEN, "")):
                low = token.lower()
                if "-" in low:
                    self.hyphenated.add(low)
                    self.closed.update(low.split("-"))
                else:
                    self.closed.add(low)

    def keeps_hyphen(self, left: str, right: str) -> bool:
        joined = (left + right).lower()
        if f"{left}-{right}".lower() in self.hyphenated:
            return True
        if joined in self.closed:
            return False
        if right[:1].isupper() or right[:1].isdigit() or left[-1:].isdigit():
            return True
        return left.lower() in HYPHEN_PREFIXES


def carry_hyphenated_words(pages: list[list[Paragraph]], vocabulary: Vocabulary) -> None:
    """A word hyphenated across a page break ("particu-" | "lar") is made whole on the page
    where it starts: the rest of it moves up from the next page's first body paragraph."""
    for here, there in itertools.pairwise(pages):
        last = next((p for p in reversed(here) if p.kind == BODY), None)
        first = next((p for p in there if p.kind == BODY), None)
        if last is None or first is None or not first.text[:1].islower():
            continue
        if not last.text.endswith(("-", SOFT_HYPHEN)) or not last.text[-2:-1].isalpha():
            continue
        cut = first.text.find(" ")
        piece, rest = (first.text, "") if cut < 0 else (first.text[:cut], first.text[cut + 1 :])
        last.text = _join_hyphen(last.text.rstrip("-" + SOFT_HYPHEN), piece, vocabulary)
        first.text = rest
    for page in pages:
        page[:] = [p for p in page if p.text]


def _paragraph(lines: list[Line], vocabulary: Vocabulary) -> Paragraph:
    text = ""
    for line in lines:
        piece = " ".join(line.text.split())
        if not text:
            text = piece
            continue
        if text.endswith(SOFT_HYPHEN) or (text.endswith(("-", "\u00ad")) and piece[:1].islower()):
            text = _join_hyphen(text.rstrip(SOFT_HYPHEN + "-\u00ad"), piece, vocabulary)
        else:
            text += " " + piece
    return Paragraph(text.replace(SOFT_HYPHEN, "-"), lines[0].kind)


def _join_hyphen(left_text: str, right_text: str, vocabulary: Vocabulary) -> str:
    left = _WORD_END.search(left_text)
    right = _WORD_START.match(right_text)
    if left is None or right is None:
        return left_text + "-" + right_text
    keep = vocabulary.keeps_hyphen(left.group(1), right.group(1))
    return left_text + ("-" if keep else "") + right_text
