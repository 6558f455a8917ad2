"""Times of day: "15:00 GMT", "8 PM Saturday", "noon", "noon Thursday", "Midnight".

A clock time with a weekday is that weekday's time ("10 p.m. Wednesday"); alone it is a time of
the day the narrative is on. "3:07:35" without a clock cue is a duration.
"""

from __future__ import annotations

import re

from store.lang.en import WEEKDAY, WEEKDAYS
from store.timex.candidate import Candidate, Rule

_I = re.IGNORECASE

_AMPM = r"(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
_TZ = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK|local\s+time|[A-Z][a-z]+\s+time)"
CLOCK = re.compile(
    rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
    rf"(?:\s*(?P<ap>{_AMPM}))?(?:\s*(?P<tz>{_TZ}))?(?:,?\s+(?:on\s+)?(?P<wd>{WEEKDAY}))?"
    rf"|\b(?P<h2>1[0-2]|0?[1-9])(?:\s*(?P<ap2>{_AMPM}))(?:\s*(?P<tz2>{_TZ}))?"
    rf"(?:,?\s+(?:on\s+)?(?P<wd2>{WEEKDAY}))?"
    rf"|\b(?P<word>(?i:noon|midday|midnight))\b(?:,?\s+(?:on\s+)?(?P<wd3>{WEEKDAY}))?"
)


def _clock(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["word"]:
        time_suffix = "T24:00" if mt["word"].lower() == "midnight" else "T12:00"
        return _time_of_day(mt, mt["wd3"], time_suffix)  # "noon", "midnight Friday"
    if mt["h"] is not None:
        h, mi, ap, tz, wd = int(mt["h"]), int(mt["mi"]), mt["ap"], mt["tz"], mt["wd"]
        if mt["s"] is not None and not (ap or tz or wd):
            return Candidate(
                mt.start(), mt.end(), "DURATION", "fixed", value=f"PT{h}H{mi}M{int(mt['s'])}S"
            )
        before = text[max(0, mt.start() - 12) : mt.start()]
        if not (
            ap
            or tz
            or wd
            or re.search(
                r"\b(?:at|by|until|till|from|around|about|before|after|since|to)\s+$", before, _I
            )
        ):
            return None
    else:
        h, mi, ap, tz, wd = int(mt["h2"]), 0, mt["ap2"], mt["tz2"], mt["wd2"]
    if ap and ap.lower().startswith("p") and h < 12:
        h += 12
    if ap and ap.lower().startswith("a") and h == 12:
        h = 0
    time_suffix = f"T{h:02d}" if (mt["h"] is None and mi == 0) else f"T{h:02d}:{mi:02d}"
    return _time_of_day(mt, wd, time_suffix)


def _time_of_day(mt: re.Match[str], weekday: str | None, time_suffix: str) -> Candidate:
    """A time on the named weekday (by tense), else on the day the text is on."""
    if weekday:
        return Candidate(
            mt.start(), mt.end(), "TIME", "weekday", "day",
            weekday=WEEKDAYS[weekday.lower()], anchor="tense", time_suffix=time_suffix,
        )  # fmt: skip
    return Candidate(
        mt.start(), mt.end(), "TIME", "rel", "day",
        unit="day", n=0, anchor="anaphoric", time_suffix=time_suffix,
    )  # fmt: skip


CLOCK_RULES: list[Rule] = [
    Rule("clock", CLOCK, _clock, "NU", 8, 46, prefilter=re.compile(r"\d|noon|midday|midnight", _I)),
]
