"""Finding an anchor's text again in a changed document (pure: anchor and text in, place out).

The order is Hypothesis's (dom-anchor-text-quote), with each step measured in
`benchmarks/bench_anchors.py`:

1. The text's hash is unchanged: the offsets stand, nothing is searched.
2. Every exact occurrence of the quote is a candidate; the one whose surrounding text agrees
   most with the recorded prefix and suffix wins, then the one nearest the old offset. The old
   place itself, still holding the quote with its context, is `anchored`; any other `moved`.
3. Otherwise the closest approximate match of the quote (rapidfuzz's partial-ratio alignment,
   C++ and linear in the text for a bounded quote), searched first near the old place, then in
   the whole text, accepted above a similarity threshold that is stricter for short quotes
   (a short quote matches anything loosely): `moved (fuzzy)` with its score, snapped to word
   boundaries so a note never starts mid-word.
4. Otherwise `orphaned`: the anchor is returned with its old quote and offsets, never dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from store.userdata.anchor import ANCHORED, FUZZY, MOVED, ORPHANED, Anchor, moved_to, text_hash

MAX_CANDIDATES = 10_000  # exact occurrences weighed; a quote found more often is not distinctive
NEAR = 2_000  # characters either side of the old place searched first for a fuzzy match
SURE = 90.0  # a fuzzy match this close needs no support from its context
CONTEXT_AGREES = 50.0  # how alike (0-100) the text around a weaker match must be to the context


def fuzzy_threshold(length: int) -> float:
    """Similarity (0-100) a fuzzy match of a quote this long must reach (below `SURE`, its
    context must agree too). Calibrated on benchmarks/bench_anchors.py: an edit of a word or
    two keeps 75-97; a look-alike elsewhere is caught by its context."""
    if length < 12:
        return 101.0  # a word or two: only an exact match is believable
    if length < 40:
        return 75.0
    return 70.0


@dataclass(frozen=True, slots=True)
class Located:
    start: int
    end: int
    status: str
    score: float | None = None


def locate(anchor: Anchor, text: str, fuzzy: FuzzyMatcher | None = None) -> Located:
    """Where `anchor` points in `text` now, and how it was found. `fuzzy` replaces the fuzzy
    step (the benchmark compares matchers on the same cases)."""
    same_text = anchor.hash == text_hash(text) and anchor.end <= len(text)
    if same_text and anchor.status != ORPHANED:
        return Located(anchor.start, anchor.end, anchor.status, anchor.score)
    quote = anchor.exact
    if not quote.strip():
        return Located(anchor.start, anchor.end, ORPHANED)
    start = _best_exact(anchor, text)
    if start is not None:
        # The quote still at its offsets is the same place, whatever changed around it.
        status = ANCHORED if start == anchor.start else MOVED
        return Located(start, start + len(quote), status)
    found = (fuzzy or best_fuzzy)(anchor, text)
    if found is not None:
        return found
    return Located(anchor.start, anchor.end, ORPHANED)


FuzzyMatcher = Callable[[Anchor, str], Located | None]


def reanchor(anchor: Anchor, text: str) -> Anchor:
    """The anchor as it should be stored after `locate`; orphaned anchors keep their quote."""
    found = locate(anchor, text)
    if found.status == ORPHANED:
        return dataclasses.replace(anchor, status=ORPHANED, score=None)
    if anchor.hash == text_hash(text) and (found.start, found.end, found.status) == (
        anchor.start,
        anchor.end,
        anchor.status,
    ):
        return anchor
    return moved_to(anchor, text, found.start, found.end, found.status, found.score)


def _context_agreement(anchor: Anchor, text: str, start: int, end: int) -> int:
    """Characters of the recorded prefix (read backwards) and suffix that the text repeats."""
    agreed = 0
    prefix = anchor.prefix
    for i in range(1, len(prefix) + 1):
        if start - i < 0 or text[start - i] != prefix[-i]:
            break
        agreed += 1
    suffix = anchor.suffix
    for i, char in enumerate(suffix):
        if end + i >= len(text) or text[end + i] != char:
            break
        agreed += 1
    return agreed


def _best_exact(anchor: Anchor, text: str) -> int | None:
    """The start of the exact occurrence of the quote whose context agrees most, then nearest."""
    quote = anchor.exact
    best: tuple[int, int, int] | None = None  # (context, -distance, start)
    at = text.find(quote)
    seen = 0
    while at != -1 and seen < MAX_CANDIDATES:
        context = _context_agreement(anchor, text, at, at + len(quote))
        candidate = (context, -abs(at - anchor.start), at)
        if best is None or candidate > best:
            best = candidate
        seen += 1
        at = text.find(quote, at + 1)
    return None if best is None else best[2]


def best_fuzzy(anchor: Anchor, text: str) -> Located | None:
    """The fuzzy step: the closest approximate match of the quote, or None."""
    quote = anchor.exact
    cutoff = fuzzy_threshold(len(quote.strip()))
    if cutoff > 100:
        return None
    lo = max(0, anchor.start - NEAR)
    hi = min(len(text), anchor.end + NEAR)
    for base, window in ((lo, text[lo:hi]), (0, text)):
        match = fuzz.partial_ratio_alignment(quote, window, score_cutoff=cutoff)
        if match is not None:
            start, end = _refine(quote, text, base + match.dest_start, base + match.dest_end)
            start, end = _widen(quote, text, start, end)
            score = fuzz.ratio(quote, text[start:end])
            if (
                start < end
                and score >= cutoff
                and (score >= SURE or _context_holds(anchor, text, start, end))
            ):
                return Located(start, end, FUZZY, round(score, 1))
        if base == 0 and lo == 0 and hi == len(text):
            break  # the window was the whole text already
    return None


def _context_holds(anchor: Anchor, text: str, start: int, end: int) -> bool:
    """Whether the text before or after a weaker fuzzy match resembles the recorded context:
    an edited quote keeps its surroundings; similar words elsewhere do not."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    sides = [(anchor.prefix, before), (anchor.suffix, after)]
    return any(old and fuzz.ratio(old, new) >= CONTEXT_AGREES for old, new in sides)


def _widen(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the word just before or after a match when that makes it closer to the quote:
    an alignment leaves out a replaced first or last word."""
    best, best_score = (start, end), fuzz.ratio(quote, text[start:end])
    earlier = text.rfind(" ", 0, max(0, start - 1)) + 1 if start > 0 else start
    later = text.find(" ", min(len(text), end + 1))
    later = len(text) if later == -1 else later
    for s in {start, earlier}:
        for e in {end, later}:
            if s < e and "\n\n" not in text[s:e]:
                score = fuzz.ratio(quote, text[s:e])
                if score > best_score:
                    best, best_score = (s, e), score
    return _snap(text, *best)


def _refine(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Tighten an alignment's ends to where the quote's own first and last words are.

    A partial-ratio alignment is loose by a few characters at either end (it may take in the
    next word). When the quote's opening (closing) characters occur near the aligned start
    (end), that occurrence is the boundary; otherwise (the edit was at that end) the aligned
    boundary stays. Then both ends are snapped to whole words.
    """
    core = quote.strip()
    edge = max(3, min(12, len(core) // 4))
    slack = max(8, len(core) // 3)
    head, tail = core[:edge], core[-edge:]
    starts = _occurrences(text, head, start - slack, start + slack)
    if starts:
        start = min(starts, key=lambda at: abs(at - start))
    ends = [at + len(tail) for at in _occurrences(text, tail, end - slack - edge, end + slack)]
    ends = [at for at in ends if at > start]
    if ends:
        end = min(ends, key=lambda at: abs(at - end))
    return _snap(text, start, end)


def _occurrences(text: str, part: str, lo: int, hi: int) -> list[int]:
    lo, hi = max(0, lo), min(len(text), hi + len(part))
    found, at = [], text.find(part, lo, hi)
    while at != -1:
        found.append(at)
        at = text.find(part, at + 1, hi)
    return found


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to whole words and trim the spaces at its ends."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
