"""Temporal tagger: find temporal expressions in English text and normalise them TIMEX3-style.

`tag(text, dct)` returns `Timex` records with exact character offsets, a TIMEX3 `value`
("2016-06-05", "2014-08", "199", "2012-SU", "P3Y", "PRESENT_REF", a range as "BEGIN/END"),
a modifier, and the first and last day each date covers so the chronology can sort and filter.
The grammar lives in `timex_patterns`/`timex_relative`, resolution in `timex_resolve`;
docs/timex.md says which reference date each kind of expression is resolved against.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from store.lang.en import MODIFIERS
from store.timex.calendar import Ref, parse_ref, ref_value, span_of
from store.timex.candidate import Candidate
from store.timex.resolve import Resolved, as_ref, clip, narrowed, resolve_one
from store.timex.scan import find_candidates_in
from store.timex.strategy import is_narrative

__all__ = ["Timex", "tag"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: where it is, what it means, which days it covers."""

    start: int
    end: int
    text: str  # == source[start:end]
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value; a range as "BEGIN/END"
    mod: str | None = None  # START, MID, END, APPROX, BEFORE, AFTER, LESS_THAN, MORE_THAN...
    precision: str | None = None  # day, week, month, season, quarter, year, decade, century
    date_begin: str | None = None  # YYYY-MM-DD, first day covered; None if unresolved
    date_end: str | None = None  # YYYY-MM-DD, last day covered
    parts: tuple[Timex, ...] = ()  # a range's ends as they appear in the text
    relative: bool = False  # True when resolution needed a reference date


_MOD_BEFORE = re.compile(
    r"\b(?P<w>"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(MODIFIERS, key=len, reverse=True))
    + r")(?:\s*[-–]\s*|\s+)$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and|until|till|through|thru)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?P<w>between|from)\s+$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)
# Finest to coarsest: a range is as precise as its coarser end.
_PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade", "century")


def tag(
    text: str,
    dct: str | None,
    *,
    spans: Sequence[tuple[int, int]] | None = None,
    narrative: bool | None = None,
) -> list[Timex]:
    """Find and normalise the temporal expressions of `text` (optionally only inside `spans`).

    `dct` is the document date (YYYY-MM-DD, YYYY-MM, YYYY or None); `narrative=True`
    resolves every relative expression against the date the text last moved to, False against
    the document date; None (the default) lets the text choose (`store.timex.strategy`).
    """
    dct_ref = parse_ref(dct)
    regions = [(0, len(text))] if spans is None else sorted(spans)
    regions = [(max(0, lo), min(len(text), hi)) for lo, hi in regions]
    regions = [(lo, hi) for lo, hi in regions if hi > lo]
    cands: list[Candidate] = []
    for (lo, _), found in zip(regions, find_candidates_in(text, regions), strict=True):
        if not found:
            continue
        chosen = _select(found)
        for c in chosen:
            _attach_modifier(c, text, lo)
        cands.extend(_join_ranges(chosen, text, lo))
    _clock_takes_its_date(cands, text)
    if narrative is None:
        narrative = is_narrative(cands, dct_ref)
    return _resolve_all(cands, text, dct_ref, narrative)


_CLOCK_TO_DATE = re.compile(r"\s*(?:,|\(|on|of)?\s*$", re.IGNORECASE)


def _clock_takes_its_date(cands: list[Candidate], text: str) -> None:
    """ "At 5:34 AM on March 20, 2003", "9:34 p.m., March 19": a clock time followed by the day
    it names is a time of that day, not of the day the narrative was on."""
    for c, n in itertools.pairwise(cands):
        bare_clock = c.type == "TIME" and c.kind == "rel" and c.unit == "day" and c.n == 0
        if not bare_clock or not c.time_suffix[1:2].isdigit():
            continue
        if n.kind != "date" or n.granularity != "day" or n.m is None or n.d is None:
            continue
        if n.start - c.end > 6 or not _CLOCK_TO_DATE.fullmatch(text, c.end, n.start):
            continue
        c.kind, c.granularity, c.anchor = "date", "day", n.anchor
        c.y, c.m, c.d, c.explicit = n.y, n.m, n.d, n.explicit


def _select(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (earlier patterns win ties)."""
    order = sorted(
        range(len(found)), key=lambda i: (found[i].start, -(found[i].end - found[i].start), i)
    )
    out: list[Candidate] = []
    for i in order:
        c = found[i]
        if out and c.start < out[-1].end:
            last = out[-1]
            if c.end - c.start > last.end - last.start and (len(out) < 2 or out[-2].end <= c.start):
                out[-1] = c
            continue
        out.append(c)
    return out


def _attach_modifier(c: Candidate, text: str, lo: int) -> None:
    """Fold "early", "late", "about", "almost" into the expression; note "more than", "before"."""
    for _ in range(2):  # "about the end of" stays one modifier; "late last July" is one
        m = _MOD_BEFORE.search(text, max(lo, c.start - 30), c.start)
        if not m:
            return
        word = _SPACES.sub(" ", m["w"].lower())
        if word in ("earlier", "later"):
            if c.type == "DATE" and c.kind == "rel" and c.n == 0 and c.anchor == "deictic":
                c.start, c.window = m.start(), "before" if word == "earlier" else "after"
            return
        mod, inside = MODIFIERS[word]
        if mod in ("START", "MID", "END") or mod in ("BEFORE", "AFTER"):
            if c.type != "DATE" or c.kind in ("ref", "writing"):
                return
        elif c.type == "DURATION":
            if word == "over" and text[c.start : c.start + 4].lower() == "the ":
                return
        elif mod == "APPROX" and c.type == "DATE" and word != "some":
            pass
        else:
            return
        if c.mod is None or c.mod == "APPROX" or c.kind == "window":
            c.mod = mod  # "just over a week before": the quantity's mod; the days say the rest
        if not inside:
            return
        c.start = m.start()
        if c.granularity in ("decade", "century"):
            the = _THE_BEFORE.search(text[max(lo, c.start - 4) : c.start])
            if the:
                c.start -= len(the[0])
                return


def _join_ranges(chosen: list[Candidate], text: str, lo: int) -> list[Candidate]:
    """ "between A and B", "from A to B", "A - B", "since A" become one range candidate."""
    out: list[Candidate] = []
    i = 0
    while i < len(chosen):
        a = chosen[i]
        b = chosen[i + 1] if i + 1 < len(chosen) else None
        if b is not None and _pointlike(a) and _pointlike(b):
            gap = text[a.end : b.start]
            opener = _RANGE_OPEN.search(text, max(lo, a.start - 10), a.start)
            join = _RANGE_JOIN.match(gap) if len(gap) <= 10 else None
            if join and _RANGE_JOIN.fullmatch(gap):
                word = gap.strip().lower()
                ok = (
                    (opener and opener["w"].lower() == "between" and word == "and")
                    or (opener and opener["w"].lower() == "from" and word != "and")
                    or (
                        word in ("-", "–", "—", "to", "until", "through", "till", "thru")
                        and a.explicit
                        and b.explicit
                    )
                )
                if ok:
                    start = opener.start() if opener else a.start
                    _share_year(a, b)
                    out.append(Candidate(start, b.end, "DATE", "range", parts=[a, b]))
                    i += 2
                    continue
        if a.kind == "range":  # built by one pattern ("January-April 2014"); take its opener
            opener = _RANGE_OPEN.search(text, max(lo, a.start - 10), a.start)
            if opener:
                a.start = opener.start()
        since = _SINCE.search(text, max(lo, a.start - 12), a.start)
        if since and _pointlike(a):
            out.append(Candidate(since.start(), a.end, "DATE", "range", parts=[a], open_end=True))
        else:
            out.append(a)
        i += 1
    return out


def _pointlike(c: Candidate) -> bool:
    return (
        c.type == "DATE"
        and c.kind in ("date", "rel", "weekday")
        and c.granularity not in ("decade", "century")
    )


def _share_year(a: Candidate, b: Candidate) -> None:
    """ "from January to April 2014": the end lends its year to the start, and the reverse."""
    if a.kind != "date" or b.kind != "date":
        return
    if a.y is None and b.y is not None and a.m is not None and b.m is not None:
        a.y = b.y if (a.m, a.d or 0) <= (b.m, b.d or 0) else b.y - 1
        a.anchor = "abs"
    elif b.y is None and a.y is not None and a.m is not None and b.m is not None:
        b.y = a.y if (b.m, b.d or 0) >= (a.m, a.d or 0) else a.y + 1
        b.anchor = "abs"


def _resolve_all(
    cands: list[Candidate], text: str, dct: Ref | None, narrative: bool
) -> list[Timex]:
    out: list[Timex] = []
    narr: Ref | None = None
    for c in cands:
        if c.kind == "range":
            for p in c.parts[1:]:
                _share_year(c.parts[0], p)
            parts = []
            before = narr
            for p in c.parts:
                parts.append(_make(p, resolve_one(p, text, dct, narr, narrative), text, dct, narr))
                moved = as_ref(parts[-1].value)
                if moved and p.granularity not in ("decade", "century") and p.moves:
                    narr = moved
            out.append(_range(c, parts, text, dct, before, narrative))
            continue
        r = resolve_one(c, text, dct, narr, narrative)
        t = _make(c, r, text, dct, narr)
        out.append(t)
        if (
            c.type in ("DATE", "TIME")
            and c.kind in ("date", "rel", "weekday")
            and (c.granularity not in ("decade", "century"))
            and c.moves
        ):
            moved = as_ref(r.value)
            if moved:
                narr = moved
    return out


def _make(c: Candidate, r: Resolved, text: str, dct: Ref | None, narr: Ref | None) -> Timex:
    begin, end = narrowed(r, c.mod)
    if c.window and c.kind != "window":
        ref = (narr or dct) if c.anchor == "anaphoric" else dct or narr
        begin, end = clip(begin, end, c.window, ref)
    precision = r.precision if c.type in ("DATE", "TIME") or c.kind == "window" else None
    return Timex(
        c.start,
        c.end,
        text[c.start : c.end],
        c.type,
        r.value,
        c.mod,
        precision,
        begin,
        end,
        (),
        r.relative,
    )


def _range(
    c: Candidate, parts: list[Timex], text: str, dct: Ref | None, narr: Ref | None, narrative: bool
) -> Timex:
    first = parts[0]
    if c.open_end:  # "since 1999" runs to the writer's present, in a narrative too
        ref = dct if dct is not None else narr
        if ref is None:  # open to a present we cannot date: begin and end stay unknown together
            return Timex(
                c.start,
                c.end,
                text[c.start : c.end],
                "DATE",
                f"{first.value}/PRESENT_REF",
                c.mod,
                first.precision,
                None,
                None,
                tuple(parts),
                True,
            )
        value = f"{first.value}/{ref_value(ref)}"
        got = span_of(ref_value(ref))
        begin, end = _ordered(first.date_begin, got[1] if got else None)
        return Timex(
            c.start,
            c.end,
            text[c.start : c.end],
            "DATE",
            value,
            c.mod,
            first.precision,
            begin,
            end,
            tuple(parts),
            True,
        )
    last = parts[-1]
    precs = [p.precision for p in parts if p.precision in _PRECISIONS]
    precision = max(precs, key=_PRECISIONS.index) if precs else None
    begin, end = _ordered(first.date_begin, last.date_end)
    return Timex(
        c.start,
        c.end,
        text[c.start : c.end],
        "DATE",
        f"{first.value}/{last.value}",
        c.mod,
        precision,
        begin,
        end,
        tuple(parts),
        any(p.relative for p in parts),
    )


def _ordered(begin: str | None, end: str | None) -> tuple[str | None, str | None]:
    """A range's days: both known or neither, and never backwards ("from 2017 to 2013")."""
    if begin is None or end is None:
        return None, None
    return (begin, end) if begin <= end else (end, begin)
