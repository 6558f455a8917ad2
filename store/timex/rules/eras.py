"""Dates before the common era: "477 BC", "ca. 466 BC", "September 480 BC", "autumn of 481 BC",
"the 470s BC", "the 4th century BC".

TimeML writes them `BC0477`, `BC0480-09`, `BC0481-FA`, `BC047`, `BC03`. A candidate carries the
year as a negative number (decades and centuries, which never move the narrative, carry their
value) (477 BC is -477), so the narrative moves through them like any year:
"the following year" after 480 BC is 479 BC. They cover no days in the proleptic Gregorian
calendar the chronology uses, so `date_begin` stays None.
"""

from __future__ import annotations

import re

from store.lang.en import MONTH_FULL, ORDINALS, SEASON, SEASONS
from store.timex.candidate import Candidate, Rule, month_number

_ERA = r"(?:BCE?|B\.\s?C\.(?:E\.)?)(?![A-Za-z])"

BC_DATE = re.compile(
    r"(?:\b(?P<ca>ca\.|c\.|circa)\s*)?"
    rf"(?:(?P<s>(?i:(?:the\s+)?{SEASON}))\s+(?:of\s+)?|(?P<m>{MONTH_FULL})\s+(?:of\s+)?)?"
    rf"(?<![\d,.])(?P<y>[1-9]\d{{0,3}})\s*{_ERA}"
)
BC_RANGE = re.compile(
    rf"(?<![\d,.])(?P<a>[1-9]\d{{0,3}})\s*(?:-|–|\s+to\s+|\s+and\s+)(?P<b>[1-9]\d{{0,3}})\s*{_ERA}"
)
BC_DECADE = re.compile(rf"\b(?:(?i:the)\s+)?(?P<dec>[1-9]\d{{0,2}})0s\s*{_ERA}")
BC_CENTURY = re.compile(
    r"\b(?:the\s+)?(?:(?P<num>[1-9]\d?)(?:st|nd|rd|th)|(?P<word>[a-z]+))\s+century\s*" + _ERA,
    re.IGNORECASE,
)


def _bc_date(mt: re.Match[str], text: str) -> Candidate:
    y = -int(mt["y"])
    start = mt.start("s") if mt["s"] else mt.start("m") if mt["m"] else mt.start("y")
    if mt["ca"]:
        start = mt.start("ca")
    if mt["s"]:
        c = Candidate(
            start,
            mt.end(),
            "DATE",
            "date",
            "season",
            y=y,
            season=SEASONS[mt["s"].lower().split()[-1]],
        )
    elif mt["m"]:
        c = Candidate(start, mt.end(), "DATE", "date", "month", y=y, m=month_number(mt["m"]))
    else:
        c = Candidate(start, mt.end(), "DATE", "date", "year", y=y)
    c.explicit = True
    if mt["ca"]:
        c.mod = "APPROX"
    return c


_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _bc_range(mt: re.Match[str], text: str) -> Candidate | None:
    """ "499-493 BC", "from 499 to 493 BC": the era written once covers both years."""
    a, b = int(mt["a"]), int(mt["b"])
    if a <= b:  # BC years count down: "493-499 BC" is no range
        return None
    lo = Candidate(mt.start("a"), mt.end("a"), "DATE", "date", "year", y=-a, explicit=True)
    hi = Candidate(mt.start("b"), mt.end(), "DATE", "date", "year", y=-b, explicit=True)
    joined_by_and = re.match(r"\s+and\s+", text[mt.end("a") : mt.start("b")])
    if joined_by_and and not _BETWEEN.search(text, max(0, mt.start() - 9), mt.start()):
        return None  # "in 480 and 479 BC": two years, not a range
    return Candidate(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])


def _bc_decade(mt: re.Match[str], text: str) -> Candidate:
    value = f"BC{int(mt['dec']):03d}"  # decades and centuries never move the narrative
    return Candidate(mt.start(), mt.end(), "DATE", "fixed", "decade", value=value, explicit=True)


def _bc_century(mt: re.Match[str], text: str) -> Candidate | None:
    num = int(mt["num"]) if mt["num"] else ORDINALS.get(mt["word"].lower())
    if num is None:
        return None
    value = f"BC{num - 1:02d}"
    return Candidate(mt.start(), mt.end(), "DATE", "fixed", "century", value=value, explicit=True)


ERA_RULES: list[Rule] = [
    Rule("bc_range", BC_RANGE, _bc_range, "B", 16, 4),
    Rule("bc_date", BC_DATE, _bc_date, "B", 24, 4),
    Rule("bc_decade", BC_DECADE, _bc_decade, "B", 12, 4),
    Rule("bc_century", BC_CENTURY, _bc_century, "B", 26, 4),
]
