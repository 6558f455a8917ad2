"""Calendar arithmetic for the temporal tagger: reference dates, TIMEX3 values, day ranges.

A reference date may be known only to the year or month (a document dated "2015-11"), so it is a
`Ref` tuple `(year, month | None, day | None)`; every helper says what it needs.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from store.errors import DossierError

Ref = tuple[int, int | None, int | None]

SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}
SEASON_ORDER = ("WI", "SP", "SU", "FA")

_DCT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class TimexError(DossierError):
    """A document date handed to the tagger is not YYYY, YYYY-MM or YYYY-MM-DD."""


@functools.lru_cache(maxsize=1024)
def parse_ref(value: str | None) -> Ref | None:
    """Read a document date; None and "unknown" mean there is none."""
    if value is None or value in ("", "unknown"):
        return None
    m = _DCT.match(value)
    if not m:
        raise TimexError(f"document date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    y = int(m[1])
    mo = int(m[2]) if m[2] else None
    d = int(m[3]) if m[3] else None
    if mo is not None and not 1 <= mo <= 12:
        raise TimexError(f"document date {value!r} has no month {mo}")
    if d is not None and mo is not None and not 1 <= d <= last_day(y, mo):
        raise TimexError(f"document date {value!r} has no day {d}")
    return (y, mo, d)


@functools.lru_cache(maxsize=4096)
def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def iso(day: dt.date) -> str:
    return day.isoformat()


def valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= last_day(y, m)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def season_of(m: int) -> tuple[int, str]:
    """The season a month falls in; December opens the winter named after its own year."""
    if m == 12:
        return 0, "WI"
    if m <= 2:
        return -1, "WI"
    return 0, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[m - 3]


def week_value(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def easter(y: int) -> tuple[int, int]:
    """Month and day of (Western) Easter Sunday in year `y` (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month = (h + el - 7 * m + 90) // 25
    return month, (h + el - 7 * m + 33 * month + 19) % 32


def ref_day(ref: Ref) -> dt.date | None:
    if ref[1] is None or ref[2] is None or ref[0] < dt.MINYEAR:
        return None
    return dt.date(ref[0], ref[1], ref[2])


@functools.lru_cache(maxsize=8192)
def span_of(value: str) -> tuple[str, str, str] | None:
    """First day, last day and precision covered by a TIMEX3 date value, None if unresolved.

    Cached: a document repeats its values, and the result is an immutable tuple.
    """
    if value.endswith("_REF") or value.startswith("P"):
        return None
    base = value.split("T", 1)[0]
    partial = re.fullmatch(r"(\d{4})-(\d{2}|XX)-XX", base)
    if partial:  # "2016-10-XX": some day of a known month (or year)
        return span_of(partial[1] if partial[2] == "XX" else f"{partial[1]}-{partial[2]}")
    if "X" in base:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", base)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        return iso(dt.date(y, mo, d)), iso(dt.date(y, mo, d)), "day"
    m = re.fullmatch(r"(\d{4})-(\d{2})", base)
    if m:
        y, mo = int(m[1]), int(m[2])
        return iso(dt.date(y, mo, 1)), iso(dt.date(y, mo, last_day(y, mo))), "month"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", base)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return iso(monday), iso(monday + dt.timedelta(days=6)), "week"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", base)
    if m:
        y = int(m[1])
        first, last = SEASON_MONTHS[m[2]]
        ey = y + 1 if m[2] == "WI" else y
        return iso(dt.date(y, first, 1)), iso(dt.date(ey, last, last_day(ey, last))), "season"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", base)
    if m:
        y, q = int(m[1]), int(m[2])
        return (
            iso(dt.date(y, 3 * q - 2, 1)),
            iso(dt.date(y, 3 * q, last_day(y, 3 * q))),
            "quarter",
        )
    m = re.fullmatch(r"(\d{4})-H([12])", base)
    if m:
        y, h = int(m[1]), int(m[2])
        return iso(dt.date(y, 6 * h - 5, 1)), iso(dt.date(y, 6 * h, last_day(y, 6 * h))), "half"
    if re.fullmatch(r"\d{4}", base):
        return f"{base}-01-01", f"{base}-12-31", "year"
    if re.fullmatch(r"\d{3}", base):
        return f"{base}0-01-01", f"{base}9-12-31", "decade"
    if re.fullmatch(r"\d{2}", base):
        return f"{base}00-01-01", f"{base}99-12-31", "century"
    return None


def narrow(begin: str, end: str, mod: str | None) -> tuple[str, str]:
    """Cut a day range to its first, middle or last third for START, MID and END.

    "the late 1990s" becomes 1997-01-01..1999-12-31 and "early 2011" 2011-01-01..2011-04-30:
    thirds of the span, rounded to whole months so the chronology shows tidy bounds.
    """
    if mod not in ("START", "MID", "END"):
        return begin, end
    b, e = dt.date.fromisoformat(begin), dt.date.fromisoformat(end)
    total = (e - b).days + 1
    if total < 28:
        third = max(total // 3, 1)
        if mod == "START":
            return begin, iso(b + dt.timedelta(days=third - 1))
        if mod == "MID":
            return iso(b + dt.timedelta(days=third)), iso(e - dt.timedelta(days=third))
        return iso(e - dt.timedelta(days=third - 1)), end
    months = (e.year - b.year) * 12 + e.month - b.month + 1
    if months >= 24 and months % 12 == 0:  # decades, centuries: whole years, 3 in 10
        years = months // 12
        k = max(1, round(years * 0.3))
        if mod == "START":
            return begin, f"{b.year + k - 1:04d}-12-31"
        if mod == "MID":
            return f"{b.year + k:04d}-01-01", f"{e.year - k:04d}-12-31"
        return f"{e.year - k + 1:04d}-01-01", end
    if months < 3:  # a month: thirds of its days
        last = last_day(b.year, b.month)
        cut = {"START": (1, 10), "MID": (11, 20), "END": (21, last)}[mod]
        return iso(b.replace(day=cut[0])), iso(b.replace(day=cut[1]))
    third = months // 3
    if mod == "START":
        y, m = add_months(b.year, b.month, third - 1)
        return begin, iso(dt.date(y, m, last_day(y, m)))
    if mod == "MID":
        y1, m1 = add_months(b.year, b.month, third)
        y2, m2 = add_months(b.year, b.month, months - third - 1)
        return iso(dt.date(y1, m1, 1)), iso(dt.date(y2, m2, last_day(y2, m2)))
    y, m = add_months(b.year, b.month, months - third)
    return iso(dt.date(y, m, 1)), end


def year_value(y: int) -> str:
    """A year as TIMEX3 writes it: "2016", "0850", and before the common era "BC0477" (-477)."""
    return f"BC{-y:04d}" if y < 0 else f"{y:04d}"


def ref_value(ref: Ref) -> str:
    """The TIMEX3 value of a reference date at the precision it is known."""
    y, m, d = ref
    if m is None:
        return year_value(y)
    if d is None:
        return f"{year_value(y)}-{m:02d}"
    return f"{year_value(y)}-{m:02d}-{d:02d}"
