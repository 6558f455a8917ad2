"""Dates named by a word rather than a number: seasons alone ("the summer", "that winter"),
holidays ("Christmas", "Easter 1916", "New Year's Eve"), "year-ago"/"year-earlier", and the
adjective "recent" (PAST_REF, as TimeBank and WikiWars annotate it), and spans named without
a count ("all day", "for some time").

A season or holiday without a year takes the year of its reference like a month does: the
document date in news, the year the story has reached in a narrative. Easter moves, so its day
is computed once the year is known (`store.timex.calendar.easter`).
"""

from __future__ import annotations

import re

from store.lang.en import HOLIDAYS, MONTH_FULL, SEASONS
from store.timex.candidate import YEAR, Candidate, Rule, duration_value, month_number

_I = re.IGNORECASE

SEASON_ALONE = re.compile(
    r"\b(?P<det>(?i:the|that|this|each|every)\s+)?(?P<s>spring|summer|autumn|winter|Spring|Summer|"
    r"Autumn|Winter|(?<=the\s)fall(?!\s+of\b))\b(?!\s*(?:of\s+)?(?:\d|BC)|[-–]|\s+(?:session|term|"
    r"semester|school|camp|olympics|games|solstice|equinox|palace)\b)"
)
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+\s+$")  # "Arab Spring", "Prague Spring": names


def _season_alone(mt: re.Match[str], text: str) -> Candidate | None:
    s = mt["s"]
    if s[0].isupper() and not mt["det"]:
        before = text[max(0, mt.start() - 20) : mt.start()]
        if _NAME_BEFORE.search(before):
            return None
    det = (mt["det"] or "").strip().lower()
    season = SEASONS[s.lower()]
    if det in ("each", "every"):
        return Candidate(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-{season}")
    start = mt.start() if mt["det"] else mt.start("s")
    c = Candidate(start, mt.end(), "DATE", "date", "season", season=season, anchor="tense")
    if det == "that":
        c.anchor = "anaphoric"
    return c


HOLIDAY = re.compile(
    r"\b(?P<h>" + "|".join(sorted((re.escape(h) for h in HOLIDAYS), key=len, reverse=True)) + r")"
    rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?",
)


def _holiday(mt: re.Match[str], text: str) -> Candidate | None:
    if not mt["y"] and re.match(r" [A-Z][a-z]", text[mt.end() : mt.end() + 3]):
        return None  # "the Easter Rising", "Christmas Island": a name
    m, d = HOLIDAYS[mt["h"]]
    y = int(mt["y"]) if mt["y"] else None
    c = Candidate(
        mt.start(), mt.end(), "DATE", "date", "day", y=y, m=m, d=d, anchor="abs" if y else "tense"
    )
    c.explicit = y is not None
    if (m, d) == (0, 0):
        c.value = "easter"  # its day is known once its year is
    return c


YEAR_AGO = re.compile(r"\byear-(?:ago|earlier)(?=\s+[a-z])", _I)


def _year_ago(mt: re.Match[str], text: str) -> Candidate:
    """ "the year-ago quarter": the year before the report's, compared with, not moved to."""
    c = Candidate(mt.start(), mt.end(), "DATE", "rel", "year", unit="year", n=-1, anchor="deictic")
    c.moves = False
    return c


# "recent" before a noun ("the recent rally") is PAST_REF in TimeBank and WikiWars alike;
# "current" is annotated in one and not in platinum, so it stays untagged. Before a time word
# ("recent weeks", "recent season") the longer expression is the timex.
ADJ_REF = re.compile(
    r"\b(?P<w>recent)\b(?=\s+(?!(?:seasons?|times?|past|history|days|weeks|months|years|"
    r"decades)\b)[a-z])"
)


def _adj_ref(mt: re.Match[str], text: str) -> Candidate:
    return Candidate(mt.start(), mt.end(), "DATE", "ref", value="PAST_REF")


VAGUE_SPAN = re.compile(
    r"\ball\s+(?P<all>day|week|month|year)(?:\s+long)?\b"
    r"|\b(?:for|took|take|takes|taking|lasted|after|in|within)\s+(?P<vague>some\s+time|a\s+while)\b"
    r"(?!\s+(?:ago|later|earlier|before|after|now)\b)",
    _I,
)


def _vague_span(mt: re.Match[str], text: str) -> Candidate:
    """ "all day" is the whole day (P1D); "for some time", "after a while" a stretch of unknown
    length and unit (PXX)."""
    if mt["all"]:
        value = duration_value(1, mt["all"].lower())
        return Candidate(mt.start(), mt.end(), "DURATION", "fixed", value=value)
    return Candidate(mt.start("vague"), mt.end(), "DURATION", "fixed", value="PXX")


_TENS = {
    "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
SPOKEN_YEAR = re.compile(
    rf"\b(?:(?P<m>{MONTH_FULL})\s+)?nineteen[\s-]+(?P<tens>"
    + "|".join(_TENS)
    + r")(?:[\s-]+(?P<ones>"
    + "|".join(_ONES)
    + r"))?\b"
    r"|\b(?P<the>the\s+year\s+)two\s+thousand(?:(?:\s+and)?[\s-]+(?P<small>"
    + "|".join([*_TEENS, *_ONES])
    + r"))?\b",
    _I,
)


def _spoken_year(mt: re.Match[str], text: str) -> Candidate:
    """ "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand": years
    as broadcast transcripts spell them (a bare "two thousand" is a count)."""
    if mt["the"]:
        small = (mt["small"] or "").lower()
        y = 2000 + (_TEENS.get(small) or _ONES.get(small) or 0)
    else:
        y = 1900 + _TENS[mt["tens"].lower()] + _ONES.get((mt["ones"] or "").lower(), 0)
    if mt["m"]:
        c = Candidate(mt.start(), mt.end(), "DATE", "date", "month", y=y, m=month_number(mt["m"]))
    else:
        c = Candidate(mt.start(), mt.end(), "DATE", "date", "year", y=y)
    c.explicit = True
    return c


LATEST_QUARTER = re.compile(
    r"\bthe\s+(?:latest|most\s+recent)\s+(?:fiscal\s+)?quarter\b(?!\s+of\b)", _I
)


def _latest_quarter(mt: re.Match[str], text: str) -> Candidate:
    """ "the latest quarter" in a report is the last quarter completed before it was written."""
    return Candidate(
        mt.start(), mt.end(), "DATE", "rel", "quarter", unit="quarter", n=-1, anchor="deictic"
    )


NAMED_RULES: list[Rule] = [
    Rule(
        "season_alone",
        SEASON_ALONE,
        _season_alone,
        "U",
        8,
        40,
        prefilter=re.compile(r"spring|summer|autumn|fall|winter", _I),
    ),
    Rule("holiday", HOLIDAY, _holiday, "H", 4, 24),
    Rule("year_ago", YEAR_AGO, _year_ago, "U", 6, 12, prefilter=re.compile(r"year-", _I)),
    Rule("adj_ref", ADJ_REF, _adj_ref, "R", 2, 30, prefilter=re.compile(r"recent")),
    Rule(
        "vague_span",
        VAGUE_SPAN,
        _vague_span,
        "RU",
        16,
        16,
        prefilter=re.compile(r"all\s|some\s+time|a\s+while", _I),
    ),
    Rule("spoken_year", SPOKEN_YEAR, _spoken_year, "W", 24, 40),
    Rule(
        "latest_quarter",
        LATEST_QUARTER,
        _latest_quarter,
        "U",
        30,
        10,
        prefilter=re.compile(r"quarter", _I),
    ),
]
