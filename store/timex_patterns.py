"""The candidate record and the patterns for explicit calendar dates.

Each pattern (here and in `timex_years`, `timex_relative`, `timex_durations`) finds one family
of expressions and a builder turns a match into a `Cand`: what the words say (calendar fields,
a relative offset, a fixed duration) before any reference date is known. `timex_resolve` later
fills in what the words leave open. Builders may reject a match whose context shows it is not
a date (a bare number, a name, a count of people). `timex_scan` lists them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from store.lang.en import (
    MONTH_ANY,
    MONTH_FULL,
    MONTHS,
    NUMBER_WORDS,
    UNITS,
    WEEKDAY,
)


@dataclass(slots=True)
class Cand:
    """A temporal expression found in the text, not yet resolved."""

    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    kind: str  # date, rel, weekday, ref, fixed, window, writing, range
    gran: str = "day"  # day, week, month, season, quarter, half, year, decade, century
    y: int | None = None
    m: int | None = None
    d: int | None = None
    season: str | None = None
    q: int | None = None
    decade: int | None = None
    century: int | None = None
    weekday: int | None = None
    tsuf: str = ""  # time of day appended to the date value: "T20:00", "TAF"
    unit: str | None = None  # for kind rel/window: day, week, month, year, ...
    n: int = 0  # offset in units, or count for windows
    anchor: str = "abs"  # abs, deictic (document date), anaphoric (narrative date), tense
    value: str | None = None  # fixed values: durations, sets, *_REF
    mod: str | None = None
    window: str | None = None  # "before"/"after": "earlier this year", "days before"
    parts: list[Cand] = field(default_factory=list)
    open_end: bool = False  # "since 2011": ends at the reference date
    explicit: bool = False  # the text gives the year itself
    moves: bool = True  # resolving it moves the narrative date ("a 2011 bombing" does not)


Builder = Callable[[re.Match[str], str], "Cand | list[Cand] | None"]

DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|<sup>(?:st|nd|rd|th)</sup>)?(?![0-9A-Za-z])"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![0-9])"
_I = re.IGNORECASE


_DIGITS = re.compile(r"\d+")
_LAST_WORD = re.compile(r"([A-Za-z'’]+)\s*$")
_SENTENCE_OPENER = re.compile(r"[.!?\n]\s*[A-Za-z'’]+\s*$")
_DIGIT_AFTER = re.compile(r"\s*\d")


def _day(s: str) -> int:
    return int(_DIGITS.match(s)[0])  # type: ignore[index]


def _month(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def _number(s: str | None) -> int | None:
    """A count in digits or words; None when vague ("several")."""
    if s is None:
        return 1
    s = s.lower().strip()
    if re.fullmatch(r"[\d,]+", s):
        return int(s.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", s):
        return None
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s]
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _unit(s: str) -> str:
    s = s.lower()
    if s in ("centuries", "century"):
        return "century"
    if s.startswith("millenni"):
        return "millennium"
    return s.removesuffix("s")


def duration_value(n: int | None, unit: str, decimal: str | None = None) -> str:
    """ISO 8601 period for a count of units; X for an unknown count (TimeML)."""
    letter, timed, mult = UNITS[unit]
    if unit == "quarter":
        letter, mult = "M", 3
    if decimal is not None and n is None:
        count = decimal
    elif n is None:
        count = "X"
    elif unit == "decade" and n == 1:
        return "P10Y"
    else:
        count = str(n * mult)
    return f"PT{count}{letter}" if timed else f"P{count}{letter}"


# --- explicit calendar dates --------------------------------------------------------------

_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?"
_CONNECT = r"\s*(?:-|–|—|to|and|until|till|through|or)\s*"

DMY = re.compile(
    rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY})(?:{_CONNECT}(?P<d2>{DAY}))?\s+(?:of\s+)?"
    rf"(?P<m>{MONTH_ANY})(?:,?\s+(?P<y>{YEAR}))?"
)
MDY = re.compile(
    rf"\b{_WD_PREFIX}(?P<m>{MONTH_ANY})\s+(?:the\s+)?(?P<d>{DAY})"
    rf"(?:{_CONNECT}(?:(?P<m2>{MONTH_ANY})\s+)?(?P<d2>{DAY}))?(?:,?\s+(?P<y>{YEAR}))?"
)
MY = re.compile(
    rf"\b(?P<m>{MONTH_ANY})(?:{_CONNECT}(?P<m2>{MONTH_ANY}))?,?\s+(?:of\s+)?(?P<y>{YEAR})"
)
MONTH_ALONE = re.compile(rf"\b(?P<m>{MONTH_FULL})\b(?!['’]?s\b)")
ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")
SLASH_DATE = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d/])"
)
NINE_ELEVEN = re.compile(r"(?<![\d/])9/11(?![\d/])")
ORDINAL_DAY = re.compile(
    r"\b(?:on|by|until|till|since|before|after|from)\s+the\s+(?P<d>(?:3[01]|[12]\d|[1-9])"
    r"(?:st|nd|rd|th|<sup>(?:st|nd|rd|th)</sup>))(?=\s*[,.;:)]|\s+(?:and|to|of\s+(?:this|last|next|that)\b))"
)


def _dmy(mt: re.Match[str], text: str) -> Cand | list[Cand] | None:
    d, m = _day(mt["d"]), _month(mt["m"])
    y = int(mt["y"]) if mt["y"] else None
    first = Cand(mt.start(), mt.end(), "DATE", "date", "day", y=y, m=m, d=d,
                 explicit=y is not None, anchor="abs" if y else "tense")
    if mt["d2"]:
        d2 = _day(mt["d2"])
        if d2 <= d:
            return None
        lo = Cand(mt.start("d"), mt.end("d"), "DATE", "date", "day", y=y, m=m, d=d,
                  explicit=y is not None, anchor=first.anchor)
        hi = Cand(mt.start("d2"), mt.end(), "DATE", "date", "day", y=y, m=m, d=d2,
                  explicit=y is not None, anchor=first.anchor)
        if mt["wd"]:
            lo.start = mt.start()
        return Cand(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])
    return first


def _mdy(mt: re.Match[str], text: str) -> Cand | None:
    d, m = _day(mt["d"]), _month(mt["m"])
    y = int(mt["y"]) if mt["y"] else None
    anchor = "abs" if y else "tense"  # a day number makes even "Aktobe June 15" a date
    if mt["d2"]:
        m2 = _month(mt["m2"]) if mt["m2"] else m
        d2 = _day(mt["d2"])
        if (m2, d2) <= (m, d):
            return None
        lo_end = mt.end("d")
        lo = Cand(mt.start(), lo_end, "DATE", "date", "day", y=y, m=m, d=d,
                  explicit=y is not None, anchor=anchor)
        hi_start = mt.start("m2") if mt["m2"] else mt.start("d2")
        hi = Cand(hi_start, mt.end(), "DATE", "date", "day", y=y, m=m2, d=d2,
                  explicit=y is not None, anchor=anchor)
        if y is not None and m2 < m:
            lo.y = y - 1
        return Cand(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])
    return Cand(mt.start(), mt.end(), "DATE", "date", "day", y=y, m=m, d=d,
                explicit=y is not None, anchor=anchor)


def _my(mt: re.Match[str], text: str) -> Cand | list[Cand] | None:
    m, y = _month(mt["m"]), int(mt["y"])
    if not mt["m2"]:
        return Cand(mt.start(), mt.end(), "DATE", "date", "month", y=y, m=m, explicit=True)
    m2 = _month(mt["m2"])
    lo = Cand(mt.start(), mt.end("m"), "DATE", "date", "month", y=y if m <= m2 else y - 1,
              m=m, explicit=True)
    hi = Cand(mt.start("m2"), mt.end(), "DATE", "date", "month", y=y, m=m2, explicit=True)
    conn = text[mt.end("m"):mt.start("m2")].strip().lower()
    if conn in ("and", "or") and not re.search(r"\bbetween\s+$", text[:mt.start()][-12:], _I):
        return [lo, hi]  # "in August and October of 2016": two dates, not a range
    return Cand(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|on|since|by|until|till|from|to|before|after|during|through|throughout|early|"
    r"late|mid|last|next|this|of|between|and|or|end|beginning|start|middle|that|every|each|"
    r"past|coming|until|around|about|in\s+early|in\s+late)|-)\s*$",
    _I,
)


def _month_ok(mt: re.Match[str], text: str, group: str) -> bool:
    """A month name without a year is a date only where it reads as one.

    "May" needs a preposition or modifier in front (it is also a verb and a surname); any
    month right after a capitalised word that is not sentence-initial ("Theresa May",
    "Women's March") is a name.
    """
    before = text[max(0, mt.start(group) - 25):mt.start(group)]
    word = _LAST_WORD.search(before)
    name = mt[group]
    if (word and word[1][0].isupper()
            and not _SENTENCE_OPENER.search(before)
            and word[1].lower() not in ("in", "on", "since", "by", "until", "from", "during",
                                        "last", "next", "this", "early", "late", "mid", "of")):
        return False
    if name in ("May", "MAY", "March", "MARCH"):
        return bool(_MONTH_CONTEXT.search(before))
    return True


def _month_alone(mt: re.Match[str], text: str) -> Cand | None:
    if not _month_ok(mt, text, "m"):
        return None
    after = text[mt.end():mt.end() + 12]
    if _DIGIT_AFTER.match(after):
        return None  # a day or year follows: the fuller patterns own it
    return Cand(mt.start(), mt.end(), "DATE", "date", "month", m=_month(mt["m"]),
                anchor="tense")


def _iso_date(mt: re.Match[str], text: str) -> Cand | None:
    return Cand(mt.start(), mt.end(), "DATE", "date", "day", y=int(mt["y"]), m=int(mt["m"]),
                d=int(mt["d"]), explicit=True)


def _slash_date(mt: re.Match[str], text: str) -> Cand | None:
    a, b, y = int(mt["a"]), int(mt["b"]), int(mt["y"])
    if mt["sep"] == "." or a > 12:  # European order when the first number cannot be a month
        d, m = a, b
    else:
        m, d = a, b
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return Cand(mt.start(), mt.end(), "DATE", "date", "day", y=y, m=m, d=d, explicit=True)


def _nine_eleven(mt: re.Match[str], text: str) -> Cand | None:
    return Cand(mt.start(), mt.end(), "DATE", "date", "day", y=2001, m=9, d=11, explicit=True)


def _ordinal_day(mt: re.Match[str], text: str) -> Cand | None:
    return Cand(mt.start("d") - 4, mt.end(), "DATE", "date", "day", d=_day(mt["d"]),
                anchor="month")

