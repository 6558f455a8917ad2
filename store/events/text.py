"""Text rules of the chronology: what is citation metadata, where a clause ends, what a summary is.

Kept apart from `store.events` so each rule can be read (and tested) on its own:

- citation metadata is never an event, even inside a body sentence: "[cited 29 July 2015]",
  "(accessed 1 March 2019)", a date inside a URL, an author-year citation "(Anon. 2016a)", a
  reference-list entry that slipped into the body, a year inside a short quoted name
  ("Peace Mission 2014");
- a back-reference ("On that day", "the same day") dates nothing new: it points at an event
  already told;
- one sentence with two dated facts is cut at the clause boundary between their anchors;
- a summary is the clause without footnote markers and markdown emphasis, cut to a readable
  length at a word boundary.
"""

from __future__ import annotations

import itertools
import re

from store.lang.en import ACCESS_DATE_LABEL, REFERENCE_CUES, URL_IN_PROSE
from store.text.markdown import MARKDOWN_LINK

SUMMARY_CHARS = 220

_AUTHOR_YEAR = re.compile(
    r"^\s*[A-Z][\w.'’\- &]*?(?:\s+et\s+al\.?)?,?\s+(?:1[5-9]|20)\d\d[a-z]?"
    r"(?:\s*[:,]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?\s*$"
)
_REFERENCE_ENTRY = re.compile(
    r"^\s*(?:\d+\.\s*)?[A-Z][^\n()]{0,80}?\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)\s*[.,]?\s*[“\"‘'*_]"
)
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
ANAPHOR = re.compile(
    r"\b(?:(?:on|in|during|by)\s+)?(?:that|the\s+same|this\s+very|that\s+very)\s+"
    r"(?:day|date|morning|afternoon|evening|night|week|month|year)\b",
    re.IGNORECASE,
)
_DEFINITE_BEFORE = re.compile(r"(?:\bthe|’s|'s)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[A-Za-z][\w-]*")

_ORDINAL = re.compile(r"(?<=\d)<sup>(st|nd|rd|th)</sup>")
_FOOTNOTE = re.compile(r"<sup>.*?</sup>|\[\^?\d{1,3}\]|\[\d{1,3}(?:[,–-]\d{1,3})*\]|\^\d{1,3}\b")
_CITATION_PAREN = re.compile(r"\s*\(([^()]{2,120})\)")
_MARKUP = re.compile(
    r"\*{1,3}|(?<!\w)_{1,2}(?=\w)|(?<=\w)_{1,2}(?!\w)|</?[a-z][^>]*>|\\(?=[^\w\s])"
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’ ]{1,30})?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–)\s*"
)
_SPACE = re.compile(r"\s+")


_DATELINE_LEAD = re.compile(
    r"[\s*_]*[A-Z][A-Z.'’\- ]{1,40}[A-Z.](?:,\s*[A-Z][A-Za-z.'’ ]{1,30})?,?\s+[^()\n]{3,40}?"
    r"\s*(?:\([^)\n]{2,40}\))?\s*(?:--|—|–)\s"
)


def is_citation_date(text: str, sent_start: int, sent_end: int, start: int, end: int) -> bool:
    """True when the date at text[start:end] is citation metadata rather than a dated fact."""
    sentence = text[sent_start:sent_end]
    if is_reference_entry(sentence):
        return True
    lead = _DATELINE_LEAD.match(text, sent_start, sent_end)
    if lead is not None and end <= lead.end():
        return True  # "TASHKENT, March 3, 2019 (Steppe Wire) --": when the story was filed
    for m in URL_IN_PROSE.finditer(text, sent_start, sent_end):
        if m.start() < end and start < m.end():
            return True
    before = text[max(sent_start, start - 40) : start]
    if ACCESS_DATE_LABEL.search(before):
        return True
    inner = _enclosing(text, sent_start, sent_end, start, end, "(", ")")
    if inner is not None and all(_AUTHOR_YEAR.match(part) for part in re.split(r"[;]", inner)):
        return True
    return _in_short_quoted_name(text, sent_start, sent_end, start, end)


def is_reference_entry(sentence: str) -> bool:
    """A bibliography line that reached the body: "Smith, J. (2016) “Title”, Publisher, 5 June."""
    return bool(_REFERENCE_ENTRY.match(sentence) or REFERENCE_CUES.search(sentence))


def _enclosing(
    text: str, lo: int, hi: int, start: int, end: int, open_: str, close: str
) -> str | None:
    """The text inside the innermost `open_ ... close` pair around [start, end), if any."""
    left = text.rfind(open_, lo, start)
    if left < 0 or text.find(close, left, start) >= 0:
        return None
    right = text.find(close, end, hi)
    if right < 0:
        return None
    return text[left + 1 : right]


def _in_short_quoted_name(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """A year inside a short quoted name ("Peace Mission 2014") names something; it dates nothing."""
    if not re.fullmatch(r"\d{4}", text[start:end]):
        return False
    for open_, close in _QUOTE_PAIRS.items():
        inner = _enclosing(text, lo, hi, start, end, open_, close)
        if inner is not None and len(inner.split()) <= 5:
            return True
    return False


_PERIOD = re.compile(
    r"(?:the\s+)?(?:last|past|previous)\s+(?:few\s+|several\s+)?"
    r"(?:years?|months?|weeks?|days?|decades?)",
    re.IGNORECASE,
)
_PERIOD_BEFORE = re.compile(r"\b(?:in|over|during|for|within|throughout)\s+$", re.IGNORECASE)


def is_period_to_now(text: str, start: int, end: int) -> bool:
    """'in the last year', 'over the past year and a half': a stretch up to now, not a date."""
    return bool(
        _PERIOD.fullmatch(text[start:end])
        and _PERIOD_BEFORE.search(text, max(0, start - 12), start)
    )


def is_anaphor(anchor: str) -> bool:
    """'On that day', 'the same day': a pointer back to a time already told."""
    return ANAPHOR.fullmatch(anchor.strip()) is not None


def is_definite_modifier(text: str, start: int, end: int) -> bool:
    """'the June 5 atrocity', 'the October 10 announcement': the date names a known happening."""
    return bool(
        _DEFINITE_BEFORE.search(text, max(0, start - 6), start)
        and _NOUN_AFTER.match(text, end, min(len(text), end + 40))
    )


_BREAKS = [
    re.compile(r"\s*;\s+"),
    re.compile(r",\s+(?:and|but|while|whereas|although|though|whilst|yet)\s+", re.IGNORECASE),
    re.compile(r"\s+(?:--|—|–)\s*|\s*—\s*"),
    re.compile(r",\s+"),
]


def split_clauses(
    text: str, start: int, end: int, anchors: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """(start, end) of the clause of each anchor in the sentence text[start:end].

    Between two consecutive anchors the strongest boundary wins (a semicolon, then ", and"/
    ", but"/", while", then a dash, then the last comma before the second anchor); the separator
    belongs to neither clause. With no boundary between them both anchors keep the whole span
    ("in both August and October of 2016").
    """
    order = sorted(range(len(anchors)), key=lambda i: anchors[i])
    cuts: list[tuple[int, int] | None] = []
    for a, b in itertools.pairwise(order):
        cuts.append(_boundary(text, start, anchors[a][1], anchors[b][0]))
    spans: list[tuple[int, int]] = [(start, end)] * len(anchors)
    groups: list[list[int]] = [[order[0]]] if order else []
    for cut, nxt in zip(cuts, order[1:], strict=True):
        if cut is None:
            groups[-1].append(nxt)
        else:
            groups.append([nxt])
    bounds = [c for c in cuts if c is not None]
    lo = start
    for g, group in enumerate(groups):
        hi = bounds[g][0] if g < len(bounds) else end
        for i in group:
            spans[i] = (lo, hi)
        if g < len(bounds):
            lo = bounds[g][1]
    return [_trim(text, _with_antecedent(text, start, s), e) for s, e in spans]


_RELATIVE = re.compile(r"(?:who|whom|whose|which)\b", re.IGNORECASE)


def _with_antecedent(text: str, sentence: int, start: int) -> int:
    """A clause cut off at "who"/"which" ("Putin -- who has been using ... since December")
    reads as a fact only with what it refers to: start it at the noun before the separator."""
    at = start
    while at < len(text) and text[at] in " \t\r\n,;:":
        at += 1
    if at == sentence or not _RELATIVE.match(text, at):
        return start
    j = at
    while j > sentence and text[j - 1] in " \t\r\n-—–,":
        j -= 1
    previous = max(text.rfind(",", sentence, j), text.rfind(";", sentence, j))
    return previous + 1 if previous >= sentence else sentence


def _boundary(text: str, sentence: int, lo: int, hi: int) -> tuple[int, int] | None:
    for pattern in _BREAKS:
        found = [
            m
            for m in pattern.finditer(text, lo, hi)
            if not _inside_parens(text, lo, m.start()) and not _fronted(text, sentence, m.start())
        ]
        if found:
            m = found[-1]
            return m.start(), m.end()
    return None


def _fronted(text: str, sentence: int, pos: int) -> bool:
    """A comma closing a short opening phrase ("Earlier this year,", "On March 14 during an ACT
    session,") belongs to the main clause: cutting there would leave the date without its fact."""
    opening = text[sentence:pos]
    return text[pos] == "," and "," not in opening and len(opening.split()) <= 8


def _inside_parens(text: str, lo: int, pos: int) -> bool:
    segment = text[lo:pos]
    return segment.count("(") > segment.count(")")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n,;:":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;:":
        end -= 1
    return start, end


def summarize(quote: str, limit: int = SUMMARY_CHARS) -> str:
    """The clause as a reader wants it in a list: no footnote marks, markup or author-year notes."""
    clean = _ORDINAL.sub(r"\1", quote)
    clean = _FOOTNOTE.sub("", clean)
    clean = MARKDOWN_LINK.sub(r"\1", clean)
    clean = _CITATION_PAREN.sub(
        lambda m: "" if all(_AUTHOR_YEAR.match(p) for p in m.group(1).split(";")) else m.group(0),
        clean,
    )
    clean = _MARKUP.sub("", clean)
    clean = _SPACE.sub(" ", clean).strip()
    clean = _DATELINE.sub("", clean)
    lead = _DATELINE_LEAD.match(clean)
    if lead is not None:
        clean = clean[lead.end() :]
    if clean[:1].islower():
        clean = clean[0].upper() + clean[1:]
    if len(clean) <= limit:
        return clean
    cut = clean.rfind(" ", 0, limit - 1)
    return clean[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:—-") + "…"
