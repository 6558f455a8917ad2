"""Resolution: turn candidates into TIMEX3 values and day ranges against reference dates.

Two references are tracked while walking a document in order: the document creation date
(dct) and the narrative date, the last date the text itself moved to. Which one an expression
uses is set by its `anchor` (see docs/timex.md): deictic words ("last month", "Friday") use the
dct in news mode and the narrative date in narrative mode; anaphoric words ("the following
year", "two months later", "that day") always use the narrative date when there is one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from store.timex.calendar import (
    SEASON_ORDER,
    Ref,
    add_months,
    easter,
    iso,
    last_day,
    narrow,
    ref_day,
    ref_value,
    season_of,
    span_of,
    valid_day,
    week_value,
    year_value,
)
from store.timex.candidate import Candidate
from store.timex.tense import tense


@dataclass(slots=True)
class Resolved:
    value: str
    precision: str | None
    begin: str | None
    end: str | None
    relative: bool


def _fmt(c: Candidate, y: int | None, m: int | None = None, d: int | None = None) -> str:
    """The TIMEX3 value of calendar fields at the candidate's granularity."""
    ys = year_value(y) if y is not None else "XXXX"
    g = c.granularity
    if g == "day":
        ms = f"{m:02d}" if m is not None else "XX"
        ds = f"{d:02d}" if d is not None else "XX"
        return f"{ys}-{ms}-{ds}{c.time_suffix}"
    if g == "month":
        return f"{ys}-{m:02d}" if m is not None else f"{ys}-XX"
    if g == "season":
        return f"{ys}-{c.season}"
    if g == "quarter":
        return f"{ys}-Q{c.q}"
    if g == "half":
        return f"{ys}-H{c.q}"
    if g == "decade":
        return f"{c.decade:03d}"
    if g == "century":
        return f"{c.century:02d}"
    return ys


def _year_for(c: Candidate, ref: Ref, direction: str | None) -> int:
    """The year an underspecified month/day falls in, closest to the reference by tense."""
    y, rm, rd = ref
    if rm is None or c.m is None:
        return y
    here = (c.m, c.d or 0)
    now = (rm, rd or (c.d or 0))
    if direction == "future":
        return y + 1 if here < now else y
    soon = c.d is not None and _months_ahead(c.m, c.d, rm, rd) <= _SOON_MONTHS
    if soon:  # "expire Nov. 21" written on Nov. 2, whatever the tense: news gives the year of
        return y if here > now else y + 1  # a day ten months back ("Nov. 21, 1988")
    return y - 1 if here > now else y  # past tense, or no cue: news mostly reports the past


_SOON_MONTHS = 2
_BEHIND_MONTHS = 6


def _story_year(c: Candidate, ref: Ref) -> int:
    """HeidelTime's narrative rule (the story's own year), except that a story moves forward:
    "In January" told after "December 1941" is January 1942, more than half a year behind."""
    y, rm, _ = ref
    if rm is None or c.m is None:
        return y
    return y + 1 if rm - c.m > _BEHIND_MONTHS else y


def _months_ahead(m: int, d: int | None, rm: int, rd: int | None) -> float:
    """How far (in months, 0-12) the month/day lies after the reference, the year around."""
    ahead = (m - rm) % 12 + ((d or 15) - (rd or 15)) / 31
    return ahead % 12


def _weekday(c: Candidate, ref: Ref, direction: str | None) -> dt.date | None:
    day = ref_day(ref)
    if day is None or c.weekday is None:
        return None
    wd = day.isoweekday()
    if c.unit == "named":  # "last Friday", "next Monday", "this Thursday"
        if c.n < 0:
            return day - dt.timedelta(days=(wd - c.weekday) % 7 or 7)
        if c.n > 0:
            return day + dt.timedelta(days=(c.weekday - wd) % 7 or 7)
        return day + dt.timedelta(days=c.weekday - wd)
    if direction == "future":
        return day + dt.timedelta(days=(c.weekday - wd) % 7)
    return day - dt.timedelta(days=(wd - c.weekday) % 7)


def _relative(c: Candidate, ref: Ref) -> str | None:
    """Value of an offset from the reference, or None when the reference is too coarse."""
    y, m, _ = ref
    u, n = c.unit, c.n
    if u == "year":
        return _fmt(c, y + n)
    if u == "century":
        return _era(y // 100 + n, 2) if y >= 0 else _era(-((-y - 1) // 100 + 1) + n, 2)
    if u == "decade":
        return _era(y // 10 + n, 3) if y >= 0 else _era(-((-y) // 10) + n, 3)
    if u == "monthname":
        assert c.m is not None
        if m is None:
            return f"{year_value(y)}-{c.m:02d}" if n == 0 else None
        ty = y if n == 0 else (y if (c.m < m if n < 0 else c.m > m) else y + n)
        return f"{year_value(ty)}-{c.m:02d}"
    if u == "season":
        if m is None:
            return f"{year_value(y)}-{c.season}" if n == 0 else None
        dy, cur = season_of(m)
        index = (y + dy) * 4 + SEASON_ORDER.index(cur)
        target = SEASON_ORDER.index(c.season or "SU")
        base = (y + dy) * 4 + target
        if n < 0:
            base = base if base < index else base - 4
        elif n > 0:
            base = base if base > index else base + 4
        return f"{year_value(base // 4)}-{SEASON_ORDER[base % 4]}"
    if m is None:
        return None
    if u == "month":
        ny, nm = add_months(y, m, n)
        return f"{year_value(ny)}-{nm:02d}"
    if u == "quarter":
        q = (m - 1) // 3 + n
        return f"{year_value(y + q // 4)}-Q{q % 4 + 1}"
    day = ref_day(ref)
    if day is None:
        return None
    if u == "week":
        return week_value(day + dt.timedelta(weeks=n)) + c.time_suffix
    if u == "day":
        return iso(day + dt.timedelta(days=n)) + c.time_suffix
    return None


def _window(c: Candidate, ref: Ref | None) -> tuple[str, str] | None:
    """Days covered by "days before"/"two weeks after": up to nine units either side."""
    if ref is None:
        return None
    day = ref_day(ref)
    size = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}.get(c.unit or "", 0)
    k = c.n or 9
    if day is None:  # the narrative is known to the month or year only: widen its span
        got = span_of(ref_value(ref))
        if got is None:
            return None
        first, last = dt.date.fromisoformat(got[0]), dt.date.fromisoformat(got[1])
        if c.window == "before":
            return iso(first - dt.timedelta(days=size * k)), iso(last)
        return iso(first), iso(last + dt.timedelta(days=size * k))
    if size == 0:
        return iso(day), iso(day)
    if c.window == "before":
        return iso(day - dt.timedelta(days=size * k)), iso(day - dt.timedelta(days=1))
    return iso(day + dt.timedelta(days=1)), iso(day + dt.timedelta(days=size * k))


def resolve_one(
    c: Candidate, text: str, dct: Ref | None, narr: Ref | None, narrative: bool
) -> Resolved:
    """Resolve one (non-range) candidate."""
    if c.kind == "fixed" or c.kind == "ref":
        return Resolved(c.value or "", None, None, None, False)
    if c.anchor == "anaphoric":
        ref = narr or dct
    elif c.anchor in ("deictic", "tense", "month"):
        ref = (narr or dct) if (narrative or dct is None) else dct
    else:
        ref = None
    if c.kind == "window":
        got = _window(c, ref)
        if got is None:
            return Resolved(c.value or "", None, None, None, True)
        return Resolved(
            c.value or "",
            c.unit if c.unit in ("day", "week", "month", "year") else "day",
            got[0],
            got[1],
            True,
        )
    if c.kind == "writing":
        if ref is None:
            return Resolved("PRESENT_REF", None, None, None, True)
        return _with_span(ref_value(ref), True)
    value: str | None
    relative = c.anchor != "abs"
    if c.kind == "date" and c.value == "easter":  # a moving feast: its year gives its day
        y = c.y if c.y is not None else ref[0] if ref is not None else None
        if y is None or y < 1583:
            return Resolved(
                "XXXX-XX-XX" if y is None else f"{year_value(y)}-XX-XX", None, None, None, relative
            )
        return _with_span(_fmt(c, y, *easter(y)), relative)
    if c.kind == "date":
        y, m, d = c.y, c.m, c.d
        if c.anchor == "month" and ref is not None:
            y, m = ref[0], ref[1]
            if m is not None and d is not None and not valid_day(y, m, d):
                m = None
        elif y is None and ref is not None and c.granularity in ("day", "month"):
            if ref is dct:  # news: the year that puts it on the right side of the dct
                y = _year_for(c, ref, tense(text, c.start, c.end))
            else:  # narrative: the story's year, or the next when the month is far behind it
                y = _story_year(c, ref)
        elif (
            y is None and ref is not None and c.granularity in ("season", "quarter", "half", "year")
        ):
            y = ref[0]
        if y is not None and m is not None and d is not None and not valid_day(y, m, d):
            return Resolved(_fmt(c, None, m, d), None, None, None, relative)
        value = _fmt(c, y, m, d)
    elif c.kind == "weekday":
        day = _weekday(c, ref, tense(text, c.start, c.end)) if ref else None
        value = (iso(day) + c.time_suffix) if day else f"XXXX-WXX-{c.weekday}{c.time_suffix}"
    elif c.kind == "rel":
        value = _relative(c, ref) if ref else None
        if value is not None and c.time_suffix and "T" not in value and c.unit == "day":
            value += c.time_suffix
        if value is None:
            value = _unresolved(c, ref)
    else:
        value = c.value or ""
    return _with_span(value, relative)


def _unresolved(c: Candidate, ref: Ref | None) -> str:
    """A relative expression whose reference is too coarse: keep what is known (TimeML X)."""
    if ref is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(
            c.granularity, "XXXX"
        )
    y, m, _ = ref
    ys = year_value(y)
    if c.granularity == "day" and m is not None:
        return f"{ys}-{m:02d}-XX{c.time_suffix}"
    if c.granularity == "day":
        return f"{ys}-XX-XX{c.time_suffix}"
    if c.granularity == "week":
        return f"{ys}-WXX"
    if c.granularity == "month":
        return f"{ys}-XX"
    return ys


def _era(n: int, width: int) -> str:
    """A decade or century number as TIMEX3 writes it; BC ones (negative) as "BC048"."""
    return f"BC{-n:0{width}d}" if n < 0 else f"{n:0{width}d}"


def _with_span(value: str, relative: bool) -> Resolved:
    got = span_of(value)
    if got is None:
        return Resolved(value, None, None, None, relative)
    begin, end, precision = got
    if precision == "half":  # not in the chronology's precision scale; the nearest is quarter
        precision = "quarter"
    return Resolved(value, precision, begin, end, relative)


def narrowed(r: Resolved, mod: str | None) -> tuple[str | None, str | None]:
    if r.begin is None or r.end is None:
        return r.begin, r.end
    return narrow(r.begin, r.end, mod)


def clip(
    begin: str | None, end: str | None, window: str | None, ref: Ref | None
) -> tuple[str | None, str | None]:
    """ "Earlier this year" ends at the reference day; "later this month" starts there."""
    day = ref_day(ref) if ref else None
    if begin is None or end is None or day is None or window is None:
        return begin, end
    today = iso(day)
    if window == "before" and begin <= today <= end:
        return begin, today
    if window == "after" and begin <= today <= end:
        return today, end
    return begin, end


@functools.lru_cache(maxsize=8192)
def as_ref(value: str) -> Ref | None:
    """The narrative date a resolved value moves the text to (year, month, day as known)."""
    if value.startswith("BC"):  # "BC0480-09": the narrative moves through years before 1 AD
        bc = re.fullmatch(r"BC(\d{4})(?:-(\d{2}))?", value)
        if bc is None:
            return None
        return (-int(bc[1]), int(bc[2]) if bc[2] and 1 <= int(bc[2]) <= 12 else None, None)
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T|-)", value)
    if not m or "X" in value:
        return None
    if re.match(r"\d{4}-(?:W|SP|SU|FA|WI|Q|H)", value):
        got = span_of(value)
        if got is None:
            return None
        b = dt.date.fromisoformat(got[0])
        return (b.year, b.month, None)
    y = int(m[1])
    mo = int(m[2]) if m[2] else None
    d = int(m[3]) if m[3] else None
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None and mo is not None and not 1 <= d <= last_day(y, mo):
        return None
    return (y, mo, d)
