"""Explicit calendar dates: "5 June 2016", "June 5", "March 2015", "2016-06-05", "09/17/2014",
"9/11", "on the 5th"."""

from __future__ import annotations

import re

from store.lang.en import MONTH_ANY, MONTH_FULL, WEEKDAY
from store.timex.candidate import DAY, YEAR, Candidate, Rule, day_number, month_number

_I = re.IGNORECASE
_LAST_WORD = re.compile(r"([A-Za-z'’]+)\s*$")
_SENTENCE_OPENER = re.compile(r"[.!?\n]\s*[A-Za-z'’]+\s*$")
_DIGIT_AFTER = re.compile(r"\s*\d")

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


def _dmy(mt: re.Match[str], text: str) -> Candidate | list[Candidate] | None:
    d, m = day_number(mt["d"]), month_number(mt["m"])
    y = int(mt["y"]) if mt["y"] else None
    first = Candidate(
        mt.start(),
        mt.end(),
        "DATE",
        "date",
        "day",
        y=y,
        m=m,
        d=d,
        explicit=y is not None,
        anchor="abs" if y else "tense",
    )
    if mt["d2"]:
        d2 = day_number(mt["d2"])
        if d2 <= d:
            return None
        lo = Candidate(
            mt.start("d"),
            mt.end("d"),
            "DATE",
            "date",
            "day",
            y=y,
            m=m,
            d=d,
            explicit=y is not None,
            anchor=first.anchor,
        )
        hi = Candidate(
            mt.start("d2"),
            mt.end(),
            "DATE",
            "date",
            "day",
            y=y,
            m=m,
            d=d2,
            explicit=y is not None,
            anchor=first.anchor,
        )
        if mt["wd"]:
            lo.start = mt.start()
        return Candidate(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])
    return first


def _mdy(mt: re.Match[str], text: str) -> Candidate | None:
    d, m = day_number(mt["d"]), month_number(mt["m"])
    y = int(mt["y"]) if mt["y"] else None
    anchor = "abs" if y else "tense"  # a day number makes even "Aktobe June 15" a date
    if mt["d2"]:
        m2 = month_number(mt["m2"]) if mt["m2"] else m
        d2 = day_number(mt["d2"])
        if (m2, d2) <= (m, d):
            return None
        lo_end = mt.end("d")
        lo = Candidate(
            mt.start(),
            lo_end,
            "DATE",
            "date",
            "day",
            y=y,
            m=m,
            d=d,
            explicit=y is not None,
            anchor=anchor,
        )
        hi_start = mt.start("m2") if mt["m2"] else mt.start("d2")
        hi = Candidate(
            hi_start,
            mt.end(),
            "DATE",
            "date",
            "day",
            y=y,
            m=m2,
            d=d2,
            explicit=y is not None,
            anchor=anchor,
        )
        if y is not None and m2 < m:
            lo.y = y - 1
        return Candidate(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])
    return Candidate(
        mt.start(),
        mt.end(),
        "DATE",
        "date",
        "day",
        y=y,
        m=m,
        d=d,
        explicit=y is not None,
        anchor=anchor,
    )


def _my(mt: re.Match[str], text: str) -> Candidate | list[Candidate] | None:
    m, y = month_number(mt["m"]), int(mt["y"])
    if not mt["m2"]:
        return Candidate(mt.start(), mt.end(), "DATE", "date", "month", y=y, m=m, explicit=True)
    m2 = month_number(mt["m2"])
    lo = Candidate(
        mt.start(),
        mt.end("m"),
        "DATE",
        "date",
        "month",
        y=y if m <= m2 else y - 1,
        m=m,
        explicit=True,
    )
    hi = Candidate(mt.start("m2"), mt.end(), "DATE", "date", "month", y=y, m=m2, explicit=True)
    conn = text[mt.end("m") : mt.start("m2")].strip().lower()
    if conn in ("and", "or") and not re.search(r"\bbetween\s+$", text[: mt.start()][-12:], _I):
        return [lo, hi]  # "in August and October of 2016": two dates, not a range
    return Candidate(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])


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
    before = text[max(0, mt.start(group) - 25) : mt.start(group)]
    word = _LAST_WORD.search(before)
    name = mt[group]
    if (
        word
        and word[1][0].isupper()
        and not _SENTENCE_OPENER.search(before)
        and word[1].lower()
        not in (
            "in",
            "on",
            "since",
            "by",
            "until",
            "from",
            "during",
            "last",
            "next",
            "this",
            "early",
            "late",
            "mid",
            "of",
        )
    ):
        return False
    if name in ("May", "MAY", "March", "MARCH"):
        return bool(_MONTH_CONTEXT.search(before))
    return True


def _month_alone(mt: re.Match[str], text: str) -> Candidate | None:
    if not _month_ok(mt, text, "m"):
        return None
    after = text[mt.end() : mt.end() + 12]
    if _DIGIT_AFTER.match(after):
        return None  # a day or year follows: the fuller patterns own it
    return Candidate(
        mt.start(), mt.end(), "DATE", "date", "month", m=month_number(mt["m"]), anchor="tense"
    )


def _iso_date(mt: re.Match[str], text: str) -> Candidate | None:
    return Candidate(
        mt.start(),
        mt.end(),
        "DATE",
        "date",
        "day",
        y=int(mt["y"]),
        m=int(mt["m"]),
        d=int(mt["d"]),
        explicit=True,
    )


def _slash_date(mt: re.Match[str], text: str) -> Candidate | None:
    a, b, y = int(mt["a"]), int(mt["b"]), int(mt["y"])
    if mt["sep"] == "." or a > 12:  # European order when the first number cannot be a month
        d, m = a, b
    else:
        m, d = a, b
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return Candidate(mt.start(), mt.end(), "DATE", "date", "day", y=y, m=m, d=d, explicit=True)


def _nine_eleven(mt: re.Match[str], text: str) -> Candidate | None:
    return Candidate(mt.start(), mt.end(), "DATE", "date", "day", y=2001, m=9, d=11, explicit=True)


def _ordinal_day(mt: re.Match[str], text: str) -> Candidate | None:
    return Candidate(
        mt.start("d") - 4, mt.end(), "DATE", "date", "day", d=day_number(mt["d"]), anchor="month"
    )


CALENDAR_DATE_RULES: list[Rule] = [
    Rule("dmy", DMY, _dmy, "M", 40, 25),
    Rule("mdy", MDY, _mdy, "M", 16, 50),
    Rule("my", MY, _my, "M", 26, 30),
    Rule("month_alone", MONTH_ALONE, _month_alone, "M", 4, 14),
    Rule("iso_date", ISO_DATE, _iso_date, "Y", 4, 12),
    Rule("slash_date", SLASH_DATE, _slash_date, "N", 8, 14),
    Rule("nine_eleven", NINE_ELEVEN, _nine_eleven, "N", 6, 6),
    Rule("ordinal_day", ORDINAL_DAY, _ordinal_day, "N", 18, 24),
]
