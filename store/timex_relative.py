"""Patterns for expressions that lean on a reference date, and for durations, sets and times.

"last month", "Friday", "two years ago", "the following day", "now", "three-week",
"every year", "8 PM": each builder records what the words say (an offset, a weekday, a
count) and which reference they need (`anchor`): the document date (deictic), the date the
narrative last moved to (anaphoric), or either, chosen by tense.
"""

from __future__ import annotations

import re

from store.timex_lexicon import (
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
from store.timex_patterns import Builder, Cand, _number, _unit, duration_value

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
}


def _det(s: str) -> tuple[str, int]:
    return _DET[re.sub(r"\s+", " ", s.lower())]


_SPAN_PREP = re.compile(r"\b(?:over|for|during|throughout|within)\s+$", _I)


def _rel_unit(mt: re.Match[str], text: str) -> Cand | None:
    anchor, n = _det(mt["det"])
    u = mt["u"].lower()
    if n != 0 and mt["det"].lower().startswith("the ") and u in UNITS and _SPAN_PREP.search(
            text, max(0, mt.start() - 12), mt.start()):
        # "over the next decade", "for the past year": a stretch of time, not a date
        return Cand(mt.start(), mt.end(), "DURATION", "fixed", value=duration_value(1, u))
    if u == "fall" and anchor == "anaphoric":
        return None
    if u in SEASONS:
        return Cand(mt.start(), mt.end(), "DATE", "rel", "season", unit="season", n=n,
                    season=SEASONS[u], anchor=anchor)
    gran = "week" if u == "weekend" else u
    c = Cand(mt.start(), mt.end(), "DATE", "rel", gran, unit=gran, n=n, anchor=anchor)
    if u == "weekend":
        c.tsuf = "-WE"
    if mt["fiscal"] and u == "year":
        c.mod = "APPROX"
    return c


REL_NAMED = re.compile(
    rf"\b(?P<det>(?i:last|next|this|coming|past|that))\s+(?P<name>{MONTH_FULL}|{WEEKDAY})\b"
    r"(?:\s+(?P<dp>(?i:morning|afternoon|evening|night)))?"
)


def _rel_named(mt: re.Match[str], text: str) -> Cand | None:
    det = mt["det"].lower()
    n = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0, "that": 0}[det]
    name = mt["name"].lower()
    anchor = "anaphoric" if det == "that" else "deictic"
    if name in WEEKDAYS:
        c = Cand(mt.start(), mt.end(), "DATE", "weekday", "day", weekday=WEEKDAYS[name],
                 n=n, anchor=anchor, unit="named")
        if mt["dp"]:
            c.type, c.tsuf = "TIME", "T" + DAYPARTS[mt["dp"].lower()]
        return c
    return Cand(mt.start(), mt.end(), "DATE", "rel", "month", unit="monthname", n=n,
                m=MONTHS[name], anchor=anchor)


DEICTIC_DAY = re.compile(
    r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
    r"tomorrow|tonight|last\s+night|this\s+(?=morning|afternoon|evening))"
    r"(?:['’]s)?(?:\s*(?P<dp>morning|afternoon|evening|night)\b)?",
    _I,
)


def _deictic_day(mt: re.Match[str], text: str) -> Cand | None:
    w = re.sub(r"\s+", " ", mt["w"].lower())
    n = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
         "the day before yesterday": -2, "the day after tomorrow": 2}.get(w, 0)
    before = text[max(0, mt.start() - 12):mt.start()]
    if w == "today" and not mt["dp"] and (
        re.search(r"\b(?:than|of|until|till|in)\s+$", before, _I)
        or re.match(r"['’]s", text[mt.end("w"):mt.end("w") + 2])
    ):
        # "than can be done today", "today's world": the present, not a day
        return Cand(mt.start(), mt.end(), "DATE", "ref", value="PRESENT_REF")
    if w.startswith("this") and not mt["dp"]:
        return None
    c = Cand(mt.start(), mt.end(), "DATE", "rel", "day", unit="day", n=n, anchor="deictic")
    dp = mt["dp"] or ("night" if w in ("tonight", "last night") else None)
    if dp:
        c.type, c.tsuf = "TIME", "T" + DAYPARTS[dp.lower()]
    return c


# --- "two years ago", "a month later", "days before" --------------------------------------

AGO = re.compile(
    rf"\b(?P<n>{NUMBER}|{VAGUE})[\s-]+(?P<u>{UNIT})\s+(?P<dir>ago|later|earlier|before|after)\b"
    r"|\b(?P<bu>seconds|minutes|hours|days|weeks|months|years|decades)\s+"
    r"(?P<bdir>ago|later|earlier|before|after)\b",
    _I,
)
_WINDOW_UNITS = ("day", "week", "month", "year", "decade", "hour", "minute")


def _ago(mt: re.Match[str], text: str) -> Cand | None:
    if mt["bu"]:
        raw_n, u, direction = None, _unit(mt["bu"]), mt["bdir"].lower()
        n: int | None = None
        count_end = mt.end("bu")
    else:
        raw_n, u, direction = mt["n"], _unit(mt["u"]), mt["dir"].lower()
        n = _number(raw_n)
        count_end = mt.end("u")
        if u == "second" and not raw_n[0].isdigit() and raw_n.lower() != "seconds":
            return None
    if u not in _WINDOW_UNITS and u != "quarter":
        return None
    after = text[mt.end():mt.end() + 20]
    if direction in ("earlier", "later") and re.match(r"\s+than\b", after, _I):
        return None  # "a month earlier than usual": a duration
    if direction == "ago" and n is not None:
        gran = {"decade": "year", "hour": "day", "minute": "day", "quarter": "quarter"}.get(u, u)
        k = n * 10 if u == "decade" else n
        unit = {"decade": "year", "hour": "day", "minute": "day"}.get(u, u)
        if u in ("hour", "minute"):
            k = 0
        return Cand(mt.start(), mt.end(), "DATE", "rel", gran, unit=unit, n=-k,
                    anchor="deictic")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    event_follows = direction in ("before", "after") and re.match(r"\s+[A-Za-z]", after)
    if n is not None and not event_follows and u in ("day", "week", "month", "year", "decade"):
        k = n * 10 if u == "decade" else n
        unit = "year" if u == "decade" else u
        return Cand(mt.start(), mt.end(), "DATE", "rel", unit, unit=unit, n=sign * k,
                    anchor="anaphoric")
    # a span of time before/after something: a duration that still points at days
    start = mt.start()
    return Cand(start, count_end, "DURATION", "window", unit=u, n=n or 0,
                value=duration_value(n, u), window="before" if sign < 0 else "after",
                mod="BEFORE" if sign < 0 else "AFTER", anchor="anaphoric")


# --- weekdays and times of day ----------------------------------------------------------------

WEEKDAY_RE = re.compile(
    rf"\b(?P<wd>{WEEKDAY})(?P<pl>s)?(?:['’]s)?(?:\s+(?P<dp>(?i:morning|afternoon|evening|night)))?\b"
)


def _weekday(mt: re.Match[str], text: str) -> Cand | None:
    wd = WEEKDAYS[mt["wd"].lower()]
    if mt["pl"]:
        return Cand(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-WXX-{wd}")
    c = Cand(mt.start(), mt.end(), "DATE", "weekday", "day", weekday=wd, anchor="tense")
    if mt["dp"]:
        c.type, c.tsuf = "TIME", "T" + DAYPARTS[mt["dp"].lower()]
    return c


_AMPM = r"(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
_TZ = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK|local\s+time|Moscow\s+time|Astana\s+time)"
CLOCK = re.compile(
    rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
    rf"(?:\s*(?P<ap>{_AMPM}))?(?:\s*(?P<tz>{_TZ}))?(?:,?\s+(?:on\s+)?(?P<wd>{WEEKDAY}))?"
    rf"|\b(?P<h2>1[0-2]|0?[1-9])(?:\s*(?P<ap2>{_AMPM}))(?:\s*(?P<tz2>{_TZ}))?"
    rf"(?:,?\s+(?:on\s+)?(?P<wd2>{WEEKDAY}))?"
    r"|\b(?P<word>noon|midday|midnight)\b"
)


def _clock(mt: re.Match[str], text: str) -> Cand | None:
    if mt["word"]:
        tsuf = "T24:00" if mt["word"].lower() == "midnight" else "T12:00"
        return Cand(mt.start(), mt.end(), "TIME", "rel", "day", unit="day", n=0,
                    anchor="anaphoric", tsuf=tsuf)
    if mt["h"] is not None:
        h, mi, ap, tz, wd = int(mt["h"]), int(mt["mi"]), mt["ap"], mt["tz"], mt["wd"]
        if mt["s"] is not None and not (ap or tz or wd):
            return Cand(mt.start(), mt.end(), "DURATION", "fixed",
                        value=f"PT{h}H{mi}M{int(mt['s'])}S")
        before = text[max(0, mt.start() - 12):mt.start()]
        if not (ap or tz or wd or re.search(
                r"\b(?:at|by|until|till|from|around|about|before|after|since|to)\s+$", before, _I)):
            return None
    else:
        h, mi, ap, tz, wd = int(mt["h2"]), 0, mt["ap2"], mt["tz2"], mt["wd2"]
    if ap and ap.lower().startswith("p") and h < 12:
        h += 12
    if ap and ap.lower().startswith("a") and h == 12:
        h = 0
    tsuf = f"T{h:02d}" if (mt["h"] is None and mi == 0) else f"T{h:02d}:{mi:02d}"
    if wd:
        return Cand(mt.start(), mt.end(), "TIME", "weekday", "day", weekday=WEEKDAYS[wd.lower()],
                    anchor="tense", tsuf=tsuf)
    return Cand(mt.start(), mt.end(), "TIME", "rel", "day", unit="day", n=0,
                anchor="anaphoric", tsuf=tsuf)


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


def _refs(mt: re.Match[str], text: str) -> Cand | None:
    if mt["writing"]:
        return Cand(mt.start(), mt.end(), "DATE", "writing", anchor="deictic")
    if mt["present"]:
        return Cand(mt.start(), mt.end(), "DATE", "ref", value="PRESENT_REF")
    if mt["past"]:
        if mt["past"].lower().startswith("the") and re.match(r"\s*(?:,\s*)?(?:\d|[a-z]+\s+"
                                                             r"(?:days|weeks|months|years))",
                                                             text[mt.end():mt.end() + 25]):
            return None
        return Cand(mt.start(), mt.end(), "DATE", "ref", value="PAST_REF")
    return Cand(mt.start(), mt.end(), "DATE", "ref", value="FUTURE_REF")


# --- durations ------------------------------------------------------------------------------

DURATION = re.compile(
    r"\b(?:(?P<the>the\s+)?(?P<dir>past|last|next|coming|previous|first|final|recent|following|"
    r"latest)\s+)?(?:a\s+mere\s+)?"
    rf"(?P<n>{NUMBER}|{VAGUE})(?P<dec>\s+and\s+a\s+half)?[\s-]+(?P<u>{UNIT})\b(?P<old>-old)?"
    r"(?P<apos>['’](?=\s))?"
    r"|\b(?:the\s+)?(?P<tn>\d+)\s+(?P<tu>years|decades|centuries)\b",
    _I,
)
BARE_DURATION = re.compile(
    r"\b(?:(?P<pre>for|within|in|over|after|took|take|takes|taking|lasted|lasting|spent|spend|"
    r"of)\s+)(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
    r"(?!\s+(?:ago|later|earlier|before|after|old|of\s+(?:the|his|her|their))\b)"
    r"|\b(?:(?:the\s+)?(?P<dir>past|last|next|coming|following)|recent)\s+"
    r"(?P<u2>days|weeks|months|years|decades)\b",
    _I,
)


def _duration(mt: re.Match[str], text: str) -> Cand | None:
    if mt["tn"]:
        n, u = int(mt["tn"]), _unit(mt["tu"])
        return Cand(mt.start(), mt.end(), "DURATION", "fixed", value=duration_value(n, u))
    u = _unit(mt["u"])
    raw = mt["n"].lower()
    plural = mt["u"].lower().endswith("s") and u not in ("century",)
    if u in ("second", "quarter") and not plural and not raw[0].isdigit():
        return None  # "a second attack", "a quarter of the votes"
    if raw in ("a", "an", "one") and plural:
        return None
    if raw in ("some",) and not plural:
        return None  # "some day": not a count
    n = _number(raw)
    decimal = None
    if re.fullmatch(r"\d+\.\d+", raw):
        decimal = raw
    if mt["dec"] and n is not None:
        decimal, n = f"{n}.5", None
    end = mt.end()
    if mt["apos"] and not re.match(r"\s+(?:time|worth|imprisonment|jail|prison|probation|"
                                   r"experience|salary|pay|notice)\b", text[end:end + 20], _I):
        end -= 1
    if mt["old"]:
        return None  # "a 22-year-old son": an age, which TimeML corpora leave untagged
    if mt["dir"] and not plural and n == 1 and raw in ("a", "an", "one"):
        return None
    if n is None and decimal is None and mt["dir"] is None and raw in ("few",):
        return None
    return Cand(mt.start(), end, "DURATION", "fixed", value=duration_value(n, u, decimal))


def _bare_duration(mt: re.Match[str], text: str) -> Cand | None:
    if mt["u2"]:
        return Cand(mt.start(), mt.end(), "DURATION", "fixed",
                    value=duration_value(None, _unit(mt["u2"])))
    u = _unit(mt["u"])
    return Cand(mt.start("u"), mt.end("u"), "DURATION", "fixed", value=duration_value(None, u))


# --- sets -------------------------------------------------------------------------------

SET_EVERY = re.compile(
    rf"\b(?:every|each)\s+(?P<other>other\s+)?(?:(?P<n>{NUMBER})\s+)?"
    rf"(?P<u>second|minute|hour|day|week|month|quarter|year|decade|{SEASON}|morning|afternoon|"
    rf"evening|night|weekend|{WEEKDAY})s?\b",
    _I,
)
SET_ADVERB = re.compile(
    r"\b(?P<w>annually|yearly|monthly|weekly|daily|hourly|nightly|quarterly|biweekly|bi-weekly|"
    r"bimonthly|bi-monthly|biannually|semi-?annually|fortnightly)\b(?P<next>\s+[A-Z])?",
    _I,
)
SET_FREQ = re.compile(
    rf"\b(?P<f>once|twice|thrice|(?:{NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<u>day|week|month|year|decade|hour|minute)\b"
    r"|\bper\s+(?P<u2>year|month|week|day|hour|annum)\b",
    _I,
)
_ADVERB_SETS = {
    "annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D",
    "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "quarterly": "P3M", "biweekly": "P2W",
    "bi-weekly": "P2W", "bimonthly": "P2M", "bi-monthly": "P2M", "biannually": "P6M",
    "semiannually": "P6M", "semi-annually": "P6M", "fortnightly": "P2W",
}


def _set_every(mt: re.Match[str], text: str) -> Cand | None:
    u = mt["u"].lower()
    if u in DAYPARTS:
        return Cand(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-XX-XXT{DAYPARTS[u]}")
    if u in WEEKDAYS:
        return Cand(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-WXX-{WEEKDAYS[u]}")
    if u in SEASONS:
        return Cand(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-{SEASONS[u]}")
    if u == "weekend":
        return Cand(mt.start(), mt.end(), "SET", "fixed", value="XXXX-WXX-WE")
    n = _number(mt["n"]) if mt["n"] else 1
    if mt["other"]:
        n = 2
    return Cand(mt.start(), mt.end(), "SET", "fixed", value=duration_value(n, _unit(u)))


def _set_adverb(mt: re.Match[str], text: str) -> Cand | None:
    if mt["w"][0].isupper() and mt["next"]:
        return None  # "Daily Mail", "Weekly Standard": a name
    return Cand(mt.start("w"), mt.end("w"), "SET", "fixed",
                value=_ADVERB_SETS[mt["w"].lower().replace("semi-", "semi")])


def _set_freq(mt: re.Match[str], text: str) -> Cand | None:
    u = (mt["u"] or mt["u2"]).lower()
    u = "year" if u == "annum" else u
    return Cand(mt.start(), mt.end(), "SET", "fixed", value=duration_value(1, u))


PERIOD_OF = re.compile(
    r"\b(?P<w>the\s+(?:end|beginning|start|middle|close|turn)\s+of)\s+(?:the\s+)?"
    r"(?P<u>year|month|week|decade|century)\b(?!\s+(?:of|before|after)\b)",
    _I,
)
_PERIOD_MOD = {"end": "END", "close": "END", "beginning": "START", "start": "START",
               "turn": "START", "middle": "MID"}


def _period_of(mt: re.Match[str], text: str) -> Cand | None:
    """"by the end of the year": the year the narrative is in."""
    u = mt["u"].lower()
    c = Cand(mt.start(), mt.end(), "DATE", "rel", u, unit=u, n=0, anchor="anaphoric")
    c.mod = _PERIOD_MOD[mt["w"].split()[1].lower()]
    return c


COUNTED = re.compile(
    r"\bthe\s+(?P<o>\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|twentieth)\s+(?P<u>day|week|month|year)\b"
    r"(?!\s+of\b|\s+(?:anniversary|consecutive|straight|running|in\s+a\s+row)\b)",
    _I,
)


def _counted(mt: re.Match[str], text: str) -> Cand | None:
    """"on the 99th day" of something that has no date: a day, but not one we can place."""
    o = mt["o"].lower()
    if not (o[0].isdigit() or o in ORDINALS):
        return None
    u = mt["u"].lower()
    value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[u]
    return Cand(mt.start(), mt.end(), "DATE", "ref", value=value)


THE_DAY = re.compile(
    r"\b(?:the|that)\s+(?P<u>day|night|morning|evening)\b(?=\s+(?:before|after|when)\s+[a-z])",
    _I,
)


def _the_day(mt: re.Match[str], text: str) -> Cand | None:
    """"the day before he was stopped": a day near the narrative, known to the narrative's
    own precision."""
    c = Cand(mt.start(), mt.end(), "DATE", "rel", "day", unit="day", n=0, anchor="anaphoric")
    u = mt["u"].lower()
    if u != "day":
        c.type, c.tsuf = "TIME", "T" + DAYPARTS[u]
    return c


DURATION_PAIR = re.compile(
    rf"\b(?P<n1>{NUMBER})\s+(?:and|to|or)\s+(?P<n2>{NUMBER})[\s-]+(?P<u>{UNIT})\b", _I
)


def _duration_pair(mt: re.Match[str], text: str) -> list[Cand] | None:
    """"between 12 and 18 months": two durations, the first borrowing the unit (TimeML)."""
    u = _unit(mt["u"])
    n1, n2 = _number(mt["n1"]), _number(mt["n2"])
    if n1 is None or n2 is None or mt["n1"].lower() in ("a", "an"):
        return None
    return [Cand(mt.start("n1"), mt.end("n1"), "DURATION", "fixed", value=duration_value(n1, u)),
            Cand(mt.start("n2"), mt.end(), "DURATION", "fixed", value=duration_value(n2, u))]


PATTERNS_RELATIVE: list[tuple[re.Pattern[str], Builder]] = [
    (REL_UNIT, _rel_unit), (REL_NAMED, _rel_named), (DEICTIC_DAY, _deictic_day), (AGO, _ago),
    (WEEKDAY_RE, _weekday), (CLOCK, _clock), (REFS, _refs), (DURATION, _duration),
    (BARE_DURATION, _bare_duration), (SET_EVERY, _set_every), (SET_ADVERB, _set_adverb),
    (SET_FREQ, _set_freq), (PERIOD_OF, _period_of), (COUNTED, _counted), (THE_DAY, _the_day),
    (DURATION_PAIR, _duration_pair),
]
