"""The candidate record, the rule record, and the helpers every rule family shares.

Each rule (`store.timex.rules`) finds one shape of expression and its builder turns a match into
a `Candidate`: what the words say (calendar fields, a relative offset, a fixed duration) before
any reference date is known. `store.timex.resolve` later fills in what the words leave open.
Builders may reject a match whose context shows it is not a date (a bare number, a name, a
count of people). `store.timex.scan` runs the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from store.lang.en import (
    MONTHS,
    NUMBER_WORDS,
    UNITS,
)


@dataclass(slots=True)
class Candidate:
    """A temporal expression found in the text, not yet resolved."""

    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    kind: str  # date, rel, weekday, ref, fixed, window, writing, range
    granularity: str = "day"  # day, week, month, season, quarter, half, year, decade, century
    y: int | None = None
    m: int | None = None
    d: int | None = None
    season: str | None = None
    q: int | None = None
    decade: int | None = None
    century: int | None = None
    weekday: int | None = None
    time_suffix: str = ""  # time of day appended to the date value: "T20:00", "TAF"
    unit: str | None = None  # for kind rel/window: day, week, month, year, ...
    n: int = 0  # offset in units, or count for windows
    anchor: str = "abs"  # abs, deictic (document date), anaphoric (narrative date), tense
    value: str | None = None  # fixed values: durations, sets, *_REF
    mod: str | None = None
    window: str | None = None  # "before"/"after": "earlier this year", "days before"
    parts: list[Candidate] = field(default_factory=list)
    open_end: bool = False  # "since 2011": ends at the reference date
    explicit: bool = False  # the text gives the year itself
    moves: bool = True  # resolving it moves the narrative date ("a 2011 bombing" does not)


Builder = Callable[[re.Match[str], str], "Candidate | list[Candidate] | None"]

DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|<sup>(?:st|nd|rd|th)</sup>)?(?![0-9A-Za-z])"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![0-9])"
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of the tagger, with what the windowed scan needs to run it only where it can
    match: the key-word groups it cannot match without (`store.lang.en.TIMEX_KEY_WORDS`; Y four
    digits, N other numbers), how far (lookarounds included) it reaches before and after a key,
    and optionally words every match contains, checked in a window before the pattern runs."""

    name: str
    pattern: re.Pattern[str]
    build: Builder
    keys: str
    reach_before: int
    reach_after: int
    prefilter: re.Pattern[str] | None = None


def day_number(s: str) -> int:
    """The day in "5th", "05", "5<sup>th</sup>"."""
    found = _DIGITS.match(s)
    assert found is not None, s  # every DAY match starts with its digits
    return int(found[0])


def month_number(s: str) -> int:
    """The month of "June", "Jun.", "SEPT"."""
    return MONTHS[s.rstrip(".").lower()]


def count_of(s: str | None) -> int | None:
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


def unit_of(s: str) -> str:
    """The singular unit name of "centuries", "weeks", "millennia"."""
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
