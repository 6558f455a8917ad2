"""Vague but dated statements: "recently", "currently", "over the past months", "in the past year
and a half". They say when something happened only roughly, relative to the writing, so they
become approximate events: a span of months (or years, when the document is dated to the year
only) that ends at the document date, `mod` APPROX, never a day the text does not give.

| words | span |
| --- | --- |
| "currently", "at present", "presently", "these days", "nowadays" | the document's month |
| "recently", "lately", "in recent times" | the three months up to the document date |
| "in/over/during the past N months", "the last year", "the past few weeks" | N units up to it ("few", "several" or a bare plural: three) |
| ... "and a half" after the unit | half as much again |

"now", "the past", "formerly", "at the time" stay out: they contrast a state with another
("until now", "but now they exist") more often than they date a happening. Without a document
date nothing is approximated (there is nothing to count back from).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from store.lang.en import NUMBER_WORDS
from store.timex import Timex
from store.timex.calendar import add_months, last_day, parse_ref

__all__ = ["approximate"]

_PRESENT = frozenset(["currently", "at present", "presently", "these days", "nowadays"])
_RECENT = frozenset(["recently", "lately", "in recent times", "more recently"])
_RECENT_MONTHS = 3
_PERIOD = re.compile(
    r"(?:the\s+)?(?:last|past|previous)\s+(?:(?P<n>few|several|\d+|[a-z]+)\s+)?"
    r"(?P<u>years?|months?|weeks?|days?|decades?)",
    re.IGNORECASE,
)
_PERIOD_BEFORE = re.compile(r"\b(?:in|over|during|for|within|throughout)\s+$", re.IGNORECASE)
_HALF_AFTER = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
# "currently called", "presently known as", "currently based in": a participle describing a
# thing (no "is" before it) names or places it; nothing happens.
_DESCRIBES = re.compile(r"\s+(?:[a-z]+ed|known|held|run|led|seen|thought|built|written)\b")
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had)\s+$", re.IGNORECASE)
_MONTHS_PER = {"year": 12, "month": 1, "decade": 120}


def approximate(text: str, t: Timex, dct: str | None) -> Timex | None:
    """`t` as an approximate event ending at the document date, or None when it is not one of
    the vague-but-dated kinds (or the document has no date)."""
    ref = parse_ref(dct)
    if ref is None:
        return None
    words = re.sub(r"\s+", " ", t.text.lower())
    if words in _PRESENT:
        if _DESCRIBES.match(text, t.end) and not _BE_BEFORE.search(
            text, max(0, t.start - 12), t.start
        ):
            return None  # "the drills, currently called X": a description, no happening
        months = 0.0
    elif words in _RECENT:
        months = _RECENT_MONTHS
    else:
        got = _period_months(text, t)
        if got is None:
            return None
        months = got
    y, m, d = ref
    if m is None:  # dated to the year: count back in whole years
        back = int(months // 12)  # "recently" in a 2016 text is c. 2016; "the past year", 2015-2016
        value = str(y) if back == 0 else f"{y - back}/{y}"
        return _as_event(t, value, "year", f"{y - back}-01-01", f"{y}-12-31")
    end_day = d or last_day(y, m)
    by, bm = add_months(y, m, -round(months))
    if months == 0:
        value = f"{y:04d}-{m:02d}"
    else:
        value = f"{by:04d}-{bm:02d}/{y:04d}-{m:02d}"
    if by < dt.MINYEAR:
        return None
    return _as_event(t, value, "month", f"{by:04d}-{bm:02d}-01", f"{y:04d}-{m:02d}-{end_day:02d}")


def _period_months(text: str, t: Timex) -> float | None:
    """Months covered by "the past year and a half", "over the last few weeks"; None if `t` is
    no stretch up to the writing."""
    got = _PERIOD.fullmatch(t.text)
    if got is None or not _PERIOD_BEFORE.search(text, max(0, t.start - 12), t.start):
        return None
    unit = got["u"].lower().removesuffix("s")
    raw = (got["n"] or "").lower()
    if raw.isdigit():
        count = float(raw)
    elif raw in NUMBER_WORDS:
        count = float(NUMBER_WORDS[raw])
    elif raw in ("few", "several") or (not raw and got["u"].lower().endswith("s")):
        count = 3.0
    elif not raw:
        count = 1.0
    else:
        return None
    if _HALF_AFTER.match(text, t.end):
        count *= 1.5
    if unit in _MONTHS_PER:
        return count * _MONTHS_PER[unit]
    return max(1.0, count * (7 if unit == "week" else 1) / 30)  # weeks, days: at least a month


def _as_event(t: Timex, value: str, precision: str, begin: str, end: str) -> Timex:
    return dataclasses.replace(
        t,
        type="DATE",
        value=value,
        mod="APPROX",
        precision=precision,
        date_begin=begin,
        date_end=end,
        parts=(),
        relative=True,
    )
