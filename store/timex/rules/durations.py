"""Durations ("three years", "three-week", "the past several months") and sets ("every
year", "annually", "twice a year"): TimeML periods with X for an unknown count."""

from __future__ import annotations

import re

from store.lang.en import DAYPARTS, NUMBER, SEASON, SEASONS, UNIT, VAGUE, WEEKDAY, WEEKDAYS
from store.timex.candidate import Candidate, Rule, count_of, duration_value, unit_of

_I = re.IGNORECASE

# --- durations ------------------------------------------------------------------------------

DURATION = re.compile(
    r"\b(?:(?P<the>the\s+)?(?P<dir>past|last|next|coming|previous|first|final|recent|following|"
    r"latest)\s+)?(?:a\s+mere\s+)?"
    rf"(?P<n>{NUMBER}|{VAGUE})(?P<dec>\s+and\s+a\s+half)?[\s-]+(?P<u>{UNIT})\b(?P<old>-old)?"
    r"(?P<apos>['’](?=\s))?(?P<half>\s+and\s+a\s+half\b)?"
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


def _duration(mt: re.Match[str], text: str) -> Candidate | None:
    n: int | None
    if mt["tn"]:
        n, u = int(mt["tn"]), unit_of(mt["tu"])
        return Candidate(mt.start(), mt.end(), "DURATION", "fixed", value=duration_value(n, u))
    u = unit_of(mt["u"])
    raw = mt["n"].lower()
    plural = mt["u"].lower().endswith("s") and u not in ("century",)
    if u in ("second", "quarter") and not plural and not raw[0].isdigit():
        return None  # "a second attack", "a quarter of the votes"
    if u == "quarter" and re.match(r"\s+of\b", text[mt.end() : mt.end() + 6]):
        return None  # "three-quarters of voters": a fraction
    if raw in ("a", "an", "one") and plural:
        return None
    if raw in ("some",) and not plural:
        return None  # "some day": not a count
    n = count_of(raw)
    decimal = None
    if re.fullmatch(r"\d+\.\d+", raw):
        decimal = raw
    if (mt["dec"] or mt["half"]) and n is not None:  # "two and a half years", "a minute and a half"
        decimal, n = f"{n}.5", None
    end = mt.end()
    if mt["apos"] and not re.match(
        r"\s+(?:time|worth|imprisonment|jail|prison|probation|"
        r"experience|salary|pay|notice)\b",
        text[end : end + 20],
        _I,
    ):
        end -= 1
    if mt["old"]:
        return None  # "a 22-year-old son": an age, which TimeML corpora leave untagged
    if mt["dir"] and not plural and n == 1 and raw in ("a", "an", "one"):
        return None
    if n is None and decimal is None and mt["dir"] is None and raw in ("few",):
        return None
    return Candidate(mt.start(), end, "DURATION", "fixed", value=duration_value(n, u, decimal))


def _bare_duration(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["u2"]:
        return Candidate(
            mt.start(), mt.end(), "DURATION", "fixed", value=duration_value(None, unit_of(mt["u2"]))
        )
    u = unit_of(mt["u"])
    return Candidate(mt.start("u"), mt.end("u"), "DURATION", "fixed", value=duration_value(None, u))


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
# Adverbs are calendar patterns, as the TimeML sets annotate them ("daily" XXXX-XX-XX,
# "annually" XXXX); "every year", "twice a year" stay periods (P1Y).
_ADVERB_SETS = {
    "annually": "XXXX", "yearly": "XXXX", "monthly": "XXXX-XX", "weekly": "XXXX-WXX",
    "daily": "XXXX-XX-XX",
    "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "quarterly": "P3M", "biweekly": "P2W",
    "bi-weekly": "P2W", "bimonthly": "P2M", "bi-monthly": "P2M", "biannually": "P6M",
    "semiannually": "P6M", "semi-annually": "P6M", "fortnightly": "P2W",
}  # fmt: skip


def _set_every(mt: re.Match[str], text: str) -> Candidate | None:
    u = mt["u"].lower()
    if u in DAYPARTS:
        return Candidate(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-XX-XXT{DAYPARTS[u]}")
    if u in WEEKDAYS:
        return Candidate(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-WXX-{WEEKDAYS[u]}")
    if u in SEASONS:
        return Candidate(mt.start(), mt.end(), "SET", "fixed", value=f"XXXX-{SEASONS[u]}")
    if u == "weekend":
        return Candidate(mt.start(), mt.end(), "SET", "fixed", value="XXXX-WXX-WE")
    n = count_of(mt["n"]) if mt["n"] else 1
    if mt["other"]:
        n = 2
    return Candidate(mt.start(), mt.end(), "SET", "fixed", value=duration_value(n, unit_of(u)))


def _set_adverb(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["w"][0].isupper() and mt["next"]:
        return None  # "Daily Mail", "Weekly Standard": a name
    return Candidate(
        mt.start("w"),
        mt.end("w"),
        "SET",
        "fixed",
        value=_ADVERB_SETS[mt["w"].lower().replace("semi-", "semi")],
    )


_PER_SETS = {
    "year": "XXXX",
    "annum": "XXXX",
    "month": "XXXX-XX",
    "week": "XXXX-WXX",
    "day": "XXXX-XX-XX",
}


def _set_freq(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["u2"] and mt["u2"].lower() in _PER_SETS:  # "per day" is "daily": the calendar pattern
        return Candidate(mt.start(), mt.end(), "SET", "fixed", value=_PER_SETS[mt["u2"].lower()])
    u = (mt["u"] or mt["u2"]).lower()
    return Candidate(mt.start(), mt.end(), "SET", "fixed", value=duration_value(1, u))


DURATION_PAIR = re.compile(
    rf"\b(?P<n1>{NUMBER})\s+(?:and|to|or)\s+(?P<n2>{NUMBER})[\s-]+(?P<u>{UNIT})\b", _I
)


def _duration_pair(mt: re.Match[str], text: str) -> list[Candidate] | None:
    """ "between 12 and 18 months": two durations, the first borrowing the unit (TimeML)."""
    u = unit_of(mt["u"])
    n1, n2 = count_of(mt["n1"]), count_of(mt["n2"])
    if n1 is None or n2 is None or mt["n1"].lower() in ("a", "an"):
        return None
    return [
        Candidate(mt.start("n1"), mt.end("n1"), "DURATION", "fixed", value=duration_value(n1, u)),
        Candidate(mt.start("n2"), mt.end(), "DURATION", "fixed", value=duration_value(n2, u)),
    ]


DURATION_RULES: list[Rule] = [
    Rule(
        "duration",
        DURATION,
        _duration,
        "U",
        34,
        10,
        prefilter=re.compile(
            r"[\s-](?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni)",
            re.IGNORECASE,
        ),
    ),
    Rule(
        "bare_duration",
        BARE_DURATION,
        _bare_duration,
        "U",
        20,  # "the following days": the key is the unit, 14 characters after "the"
        16,
        prefilter=re.compile(
            r"\s(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)", re.IGNORECASE
        ),
    ),
    Rule(
        "set_every",
        SET_EVERY,
        _set_every,
        "U",
        28,
        8,
        prefilter=re.compile(r"every|each", re.IGNORECASE),
    ),
    Rule(
        "set_adverb",
        SET_ADVERB,
        _set_adverb,
        "US",
        14,
        8,
        prefilter=re.compile(r"ly", re.IGNORECASE),
    ),
    Rule(
        "set_freq",
        SET_FREQ,
        _set_freq,
        "US",
        34,
        10,
        prefilter=re.compile(r"once|twice|thrice|times|per", re.IGNORECASE),
    ),
    Rule(
        "duration_pair",
        DURATION_PAIR,
        _duration_pair,
        "U",
        64,
        10,
        prefilter=re.compile(r"\s(?:and|to|or)\s", re.IGNORECASE),
    ),
]
