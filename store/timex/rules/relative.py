"""Patterns for expressions that lean on a reference date, and for times of day.

"last month", "Friday", "two years ago", "the following day", "now", "8 PM",
"the end of the year": each builder records what the words say (an offset, a weekday, a
count) and which reference they need (`anchor`): the document date (deictic), the date the
narrative last moved to (anaphoric), or either, chosen by tense.
"""

from __future__ import annotations

import re

from store.lang.en import (
    DAYPARTS,
    MONTH_FULL,
    MONTHS,
    NUMBER,
    ORDINALS,
    SEASON,
    SEASONS,
    UNIT,
    UNITS,
    VAGUE,
    WEEKDAY,
    WEEKDAYS,
)
from store.timex.candidate import Candidate, Rule, count_of, duration_value, unit_of

_I = re.IGNORECASE

# --- "last month", "the following year", "this summer" ----------------------------------

REL_UNIT = re.compile(
    r"\b(?P<det>last|next|this|coming|past|previous|current|that|"
    r"the\s+(?:last|next|past|previous|preceding|coming|following|same|current))\s+"
    r"(?:(?P<fiscal>fiscal|financial|calendar)\s+)?"
    rf"(?P<u>day|week|weekend|month|year|quarter|decade|{SEASON})\b(?!\s+of\b|-)",
    _I,
)
_DET = {
    "last": ("deictic", -1), "past": ("deictic", -1), "the last": ("deictic", -1),
    "the past": ("deictic", -1), "next": ("deictic", 1), "coming": ("deictic", 1),
    "the coming": ("deictic", 1), "this": ("deictic", 0), "current": ("deictic", 0),
    "the current": ("deictic", 0), "that": ("anaphoric", 0), "the same": ("anaphoric", 0),
    "the following": ("anaphoric", 1), "the next": ("anaphoric", 1),
    "previous": ("anaphoric", -1), "the previous": ("anaphoric", -1),
    "the preceding": ("anaphoric", -1),
}  # fmt: skip


def _det(s: str) -> tuple[str, int]:
    return _DET[re.sub(r"\s+", " ", s.lower())]


_SPAN_PREP = re.compile(r"\b(?:over|for|during|throughout|within)\s+$", _I)


def _rel_unit(mt: re.Match[str], text: str) -> Candidate | None:
    anchor, n = _det(mt["det"])
    u = mt["u"].lower()
    if (
        n != 0
        and mt["det"].lower().startswith("the ")
        and u in UNITS
        and _SPAN_PREP.search(text, max(0, mt.start() - 12), mt.start())
    ):
        # "over the next decade", "for the past year": a stretch of time, not a date
        return Candidate(mt.start(), mt.end(), "DURATION", "fixed", value=duration_value(1, u))
    if u == "fall" and anchor == "anaphoric":
        return None
    if u in SEASONS:
        return Candidate(
            mt.start(),
            mt.end(),
            "DATE",
            "rel",
            "season",
            unit="season",
            n=n,
            season=SEASONS[u],
            anchor=anchor,
        )
    granularity = "week" if u == "weekend" else u
    c = Candidate(
        mt.start(), mt.end(), "DATE", "rel", granularity, unit=granularity, n=n, anchor=anchor
    )
    if u == "weekend":
        c.time_suffix = "-WE"
    if mt["fiscal"] and u == "year":
        c.mod = "APPROX"
    return c


REL_NAMED = re.compile(
    rf"\b(?P<det>(?i:last|next|this|coming|past|that))\s+(?P<name>{MONTH_FULL}|{WEEKDAY})\b"
    r"(?:\s+(?P<dp>(?i:morning|afternoon|evening|night)))?"
)


def _rel_named(mt: re.Match[str], text: str) -> Candidate | None:
    det = mt["det"].lower()
    n = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0, "that": 0}[det]
    name = mt["name"].lower()
    anchor = "anaphoric" if det == "that" else "deictic"
    if name in WEEKDAYS:
        c = Candidate(
            mt.start(),
            mt.end(),
            "DATE",
            "weekday",
            "day",
            weekday=WEEKDAYS[name],
            n=n,
            anchor=anchor,
            unit="named",
        )
        if mt["dp"]:
            c.type, c.time_suffix = "TIME", "T" + DAYPARTS[mt["dp"].lower()]
        return c
    return Candidate(
        mt.start(),
        mt.end(),
        "DATE",
        "rel",
        "month",
        unit="monthname",
        n=n,
        m=MONTHS[name],
        anchor=anchor,
    )


DEICTIC_DAY = re.compile(
    r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
    r"tomorrow|tonight|last\s+night|this\s+(?=morning|afternoon|evening))"
    r"(?:['’]s)?(?:\s*(?P<dp>morning|afternoon|evening|night)\b)?",
    _I,
)


def _deictic_day(mt: re.Match[str], text: str) -> Candidate | None:
    w = re.sub(r"\s+", " ", mt["w"].lower())
    n = {
        "yesterday": -1,
        "today": 0,
        "tomorrow": 1,
        "tonight": 0,
        "last night": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }.get(w, 0)
    before = text[max(0, mt.start() - 12) : mt.start()]
    if (
        w == "today"
        and not mt["dp"]
        and (
            re.search(r"\b(?:than|of|until|till|in)\s+$", before, _I)
            or re.match(r"['’]s", text[mt.end("w") : mt.end("w") + 2])
        )
    ):
        # "than can be done today", "today's world": the present, not a day
        return Candidate(mt.start(), mt.end(), "DATE", "ref", value="PRESENT_REF")
    if w.startswith("this") and not mt["dp"]:
        return None
    c = Candidate(mt.start(), mt.end(), "DATE", "rel", "day", unit="day", n=n, anchor="deictic")
    dp = mt["dp"] or ("night" if w in ("tonight", "last night") else None)
    if dp:
        c.type, c.time_suffix = "TIME", "T" + DAYPARTS[dp.lower()]
    return c


# --- "two years ago", "a month later", "days before" --------------------------------------

AGO = re.compile(
    rf"\b(?P<n>{NUMBER}|{VAGUE})[\s-]+(?P<u>{UNIT})\s+(?P<dir>ago|later|earlier|before|after)\b"
    r"|\b(?P<bu>seconds|minutes|hours|days|weeks|months|years|decades)\s+"
    r"(?P<bdir>ago|later|earlier|before|after)\b",
    _I,
)
_WINDOW_UNITS = ("day", "week", "month", "year", "decade", "hour", "minute")


def _ago(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["bu"]:
        raw_n, u, direction = None, unit_of(mt["bu"]), mt["bdir"].lower()
        n: int | None = None
        count_end = mt.end("bu")
    else:
        raw_n, u, direction = mt["n"], unit_of(mt["u"]), mt["dir"].lower()
        n = count_of(raw_n)
        count_end = mt.end("u")
        if u == "second" and not raw_n[0].isdigit() and raw_n.lower() != "seconds":
            return None
    if u not in _WINDOW_UNITS and u != "quarter":
        return None
    after = text[mt.end() : mt.end() + 20]
    if direction in ("earlier", "later") and re.match(r"\s+than\b", after, _I):
        return None  # "a month earlier than usual": a duration
    if direction == "ago" and n is not None:
        granularity = {"decade": "year", "hour": "day", "minute": "day", "quarter": "quarter"}.get(
            u, u
        )
        k = n * 10 if u == "decade" else n
        unit = {"decade": "year", "hour": "day", "minute": "day"}.get(u, u)
        if u in ("hour", "minute"):
            k = 0
        return Candidate(
            mt.start(), mt.end(), "DATE", "rel", granularity, unit=unit, n=-k, anchor="deictic"
        )
    if direction == "ago":  # "several years ago", "months ago": some time before the writing
        return Candidate(
            mt.start(),
            mt.end(),
            "DATE",
            "window",
            unit=u,
            value="PAST_REF",
            window="before",
            anchor="deictic",
        )
    sign = -1 if direction in ("earlier", "before") else 1
    event_follows = direction in ("before", "after") and re.match(r"\s+[A-Za-z]", after)
    if n is not None and not event_follows and u in ("day", "week", "month", "year", "decade"):
        k = n * 10 if u == "decade" else n
        unit = "year" if u == "decade" else u
        return Candidate(
            mt.start(), mt.end(), "DATE", "rel", unit, unit=unit, n=sign * k, anchor="anaphoric"
        )
    # a span of time before/after something: a duration that still points at days
    start = mt.start()
    return Candidate(
        start,
        count_end,
        "DURATION",
        "window",
        unit=u,
        n=n or 0,
        value=duration_value(n, u),
        window="before" if sign < 0 else "after",
        mod="BEFORE" if sign < 0 else "AFTER",
        anchor="anaphoric",
    )


# --- weekdays and times of day ----------------------------------------------------------------

WEEKDAY_RE = re.compile(
    rf"\b(?P<wd>{WEEKDAY})(?P<pl>s)?(?:['’]s)?(?:\s+(?P<dp>(?i:morning|afternoon|evening|night)))?\b"
)


def _weekday(mt: re.Match[str], text: str) -> Candidate | None:
    wd = WEEKDAYS[mt["wd"].lower()]
    if mt["pl"]:
        return Candidate(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-WXX-{wd}")
    c = Candidate(mt.start(), mt.end(), "DATE", "weekday", "day", weekday=wd, anchor="tense")
    if mt["dp"]:
        c.type, c.time_suffix = "TIME", "T" + DAYPARTS[mt["dp"].lower()]
    return c


# --- PRESENT_REF, PAST_REF, FUTURE_REF, "at the time of writing" ---------------------------

REFS = re.compile(
    r"\b(?P<writing>at\s+the\s+time\s+of\s+(?:this\s+)?writing|as\s+of\s+(?:this\s+)?writing|"
    r"at\s+(?:the\s+)?time\s+of\s+writing|at\s+press\s+time|as\s+we\s+go\s+to\s+press)\b"
    r"|\b(?P<present>now|currently|nowadays|presently|at\s+present|at\s+the\s+moment|"
    r"right\s+now|these\s+days|the\s+present(?:\s+day)?)\b(?![-–])"
    r"|\b(?P<past>the\s+past|recently|lately|at\s+the\s+time|at\s+that\s+time|formerly|"
    r"in\s+recent\s+times)\b"
    r"|\b(?P<future>the\s+(?:near\s+|distant\s+)?future)\b",
    _I,
)


def _refs(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["writing"]:
        return Candidate(mt.start(), mt.end(), "DATE", "writing", anchor="deictic")
    if mt["present"]:
        return Candidate(mt.start(), mt.end(), "DATE", "ref", value="PRESENT_REF")
    if mt["past"]:
        if mt["past"].lower().startswith("the") and re.match(
            r"\s*(?:,\s*)?(?:\d|[a-z]+\s+"
            r"(?:days|weeks|months|years))",
            text[mt.end() : mt.end() + 25],
        ):
            return None
        return Candidate(mt.start(), mt.end(), "DATE", "ref", value="PAST_REF")
    return Candidate(mt.start(), mt.end(), "DATE", "ref", value="FUTURE_REF")


PERIOD_OF = re.compile(
    r"\b(?P<w>the\s+(?:end|beginning|start|middle|close|turn)\s+of)\s+(?:the\s+)?"
    r"(?P<u>year|month|week|decade|century)\b(?!\s+(?:of|before|after)\b)",
    _I,
)
_PERIOD_MOD = {
    "end": "END",
    "close": "END",
    "beginning": "START",
    "start": "START",
    "turn": "START",
    "middle": "MID",
}


def _period_of(mt: re.Match[str], text: str) -> Candidate | None:
    """ "by the end of the year": the year the narrative is in."""
    u = mt["u"].lower()
    c = Candidate(mt.start(), mt.end(), "DATE", "rel", u, unit=u, n=0, anchor="anaphoric")
    c.mod = _PERIOD_MOD[mt["w"].split()[1].lower()]
    return c


COUNTED = re.compile(
    r"\bthe\s+(?P<o>\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|twentieth)\s+(?P<u>day|week|month|year)\b"
    r"(?!\s+of\b|\s+(?:anniversary|consecutive|straight|running|in\s+a\s+row)\b)",
    _I,
)


def _counted(mt: re.Match[str], text: str) -> Candidate | None:
    """ "on the 99th day" of something that has no date: a day, but not one we can place."""
    o = mt["o"].lower()
    if not (o[0].isdigit() or o in ORDINALS):
        return None
    u = mt["u"].lower()
    value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[u]
    return Candidate(mt.start(), mt.end(), "DATE", "ref", value=value)


THE_DAY = re.compile(
    r"\b(?:the|that)\s+(?P<u>day|night|morning|evening)\b(?=\s+(?:before|after|when)\s+[a-z])",
    _I,
)


def _the_day(mt: re.Match[str], text: str) -> Candidate | None:
    """ "the day before he was stopped": a day near the narrative, known to the narrative's
    own precision."""
    c = Candidate(mt.start(), mt.end(), "DATE", "rel", "day", unit="day", n=0, anchor="anaphoric")
    u = mt["u"].lower()
    if u != "day":
        c.type, c.time_suffix = "TIME", "T" + DAYPARTS[u]
    return c


RELATIVE_RULES: list[Rule] = [
    Rule(
        "rel_unit",
        REL_UNIT,
        _rel_unit,
        "U",
        30,
        10,
        prefilter=re.compile(
            r"last|next|this|coming|past|previous|current|that|preceding|following|same",
            re.IGNORECASE,
        ),
    ),
    Rule(
        "rel_named",
        REL_NAMED,
        _rel_named,
        "MU",
        12,
        16,
        prefilter=re.compile(r"last|next|this|coming|past|that", re.IGNORECASE),
    ),
    Rule(
        "deictic_day",
        DEICTIC_DAY,
        _deictic_day,
        "U",
        30,
        18,
        prefilter=re.compile(r"yesterday|today|tomorrow|tonight|night|this", re.IGNORECASE),
    ),
    Rule(
        "ago",
        AGO,
        _ago,
        "U",
        32,
        14,
        prefilter=re.compile(r"ago|later|earlier|before|after", re.IGNORECASE),
    ),
    Rule(
        "weekday",
        WEEKDAY_RE,
        _weekday,
        "U",
        12,
        16,
        prefilter=re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    ),
    Rule("refs", REFS, _refs, "R", 22, 24),
    Rule(
        "period_of",
        PERIOD_OF,
        _period_of,
        "U",
        26,
        12,
        prefilter=re.compile(r"end|beginning|start|middle|close|turn", re.IGNORECASE),
    ),
    Rule(
        "counted",
        COUNTED,
        _counted,
        "U",
        18,
        24,
        prefilter=re.compile(r"(?:st|nd|rd|th)\s+(?:day|week|month|year)", re.IGNORECASE),
    ),
    Rule(
        "the_day",
        THE_DAY,
        _the_day,
        "U",
        10,
        16,
        prefilter=re.compile(
            r"(?:day|night|morning|evening)\s+(?:before|after|when)", re.IGNORECASE
        ),
    ),
]
