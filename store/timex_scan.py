"""Fast scanning: run each pattern only in windows around the words it cannot do without.

Thirty patterns over every character cost about 4 s per MB. One pass of a cheap "key" regex
(month names, unit words, digits, a few adverbs) finds where anything temporal can be; each
pattern then runs only inside the merged windows around the keys it needs. Each window is
wider than its pattern (lookarounds included) reaches past a key, so a match never touches a
window edge and the result is the same as a full scan; `tests/test_store_timex.py` checks that
on the bundled corpus.
"""

from __future__ import annotations

import bisect
import re

import ahocorasick

from store.timex_durations import (
    BARE_DURATION,
    DURATION,
    DURATION_PAIR,
    SET_ADVERB,
    SET_EVERY,
    SET_FREQ,
    _bare_duration,
    _duration,
    _duration_pair,
    _set_adverb,
    _set_every,
    _set_freq,
)
from store.timex_patterns import (
    DMY,
    ISO_DATE,
    MDY,
    MONTH_ALONE,
    MY,
    NINE_ELEVEN,
    ORDINAL_DAY,
    SLASH_DATE,
    Builder,
    Cand,
    _dmy,
    _iso_date,
    _mdy,
    _month_alone,
    _my,
    _nine_eleven,
    _ordinal_day,
    _slash_date,
    iter_matches,
)
from store.timex_relative import (
    AGO,
    CLOCK,
    COUNTED,
    DEICTIC_DAY,
    PERIOD_OF,
    REFS,
    REL_NAMED,
    REL_UNIT,
    THE_DAY,
    WEEKDAY_RE,
    _ago,
    _clock,
    _counted,
    _deictic_day,
    _period_of,
    _refs,
    _rel_named,
    _rel_unit,
    _the_day,
    _weekday,
)
from store.timex_years import (
    CENTURY,
    DECADE,
    HALF,
    QUARTER,
    SEASON_YEAR,
    YEAR_ALONE,
    _century,
    _decade,
    _half,
    _quarter,
    _season_year,
    _year_alone,
)

_KEY_WORDS: dict[str, str] = {
    "M": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "U": "day night week month year hour minute second decade centur millenni quarter fortnight "
         "spring summer autumn fall winter morning noon evening midday midnight tomorrow half",
    "R": "now current present moment past recent lately time formerly future writing press",
    "S": "daily annual annum ties",
}


def _automaton() -> ahocorasick.Automaton:
    """Key words in lower, Capitalised and UPPER case: one C-speed pass over the text."""
    auto = ahocorasick.Automaton()
    for group, words in _KEY_WORDS.items():
        for w in words.split():
            variants = {w, w.upper()} if group == "M" else {w, w.capitalize(), w.upper()}
            for v in variants:
                auto.add_word(v, (group, len(v)))
    auto.make_automaton()
    return auto


_AUTO = _automaton()
_YEAR_KEY = re.compile(r"(?:1[5-9]|20)\d\d")  # years, decades, ISO dates, Q1 2013
_NUM_KEY = re.compile(  # clock times, 9/11, 09/17/2014, ordinals
    r"\d[/.:]\d|\d\s*[apAP]\.?[mM]\b|\d(?:st|nd|rd|th|<sup>)"
)

# (pattern, builder, key groups it needs, characters it reaches before / after a key,
#  lookarounds included)
PLAN: list[tuple[re.Pattern[str], Builder, str, int, int]] = [
    (DMY, _dmy, "M", 40, 25), (MDY, _mdy, "M", 16, 50), (MY, _my, "M", 26, 30),
    (MONTH_ALONE, _month_alone, "M", 4, 14), (ISO_DATE, _iso_date, "Y", 4, 12),
    (SLASH_DATE, _slash_date, "N", 8, 14), (NINE_ELEVEN, _nine_eleven, "N", 6, 6),
    (ORDINAL_DAY, _ordinal_day, "N", 18, 24), (YEAR_ALONE, _year_alone, "Y", 4, 20),
    (DECADE, _decade, "YS", 14, 10), (CENTURY, _century, "U", 26, 10),
    (SEASON_YEAR, _season_year, "U", 8, 16), (QUARTER, _quarter, "UY", 26, 22),
    (HALF, _half, "U", 32, 22), (REL_UNIT, _rel_unit, "U", 30, 10),
    (REL_NAMED, _rel_named, "MU", 12, 16), (DEICTIC_DAY, _deictic_day, "U", 30, 18),
    (AGO, _ago, "U", 32, 14), (WEEKDAY_RE, _weekday, "U", 12, 16),
    (CLOCK, _clock, "NU", 8, 46), (REFS, _refs, "R", 22, 24), (DURATION, _duration, "U", 34, 10),
    (BARE_DURATION, _bare_duration, "U", 12, 16), (SET_EVERY, _set_every, "U", 28, 8),
    (SET_ADVERB, _set_adverb, "US", 14, 8), (SET_FREQ, _set_freq, "US", 34, 10),
    (PERIOD_OF, _period_of, "U", 26, 12), (COUNTED, _counted, "U", 18, 24),
    (THE_DAY, _the_day, "U", 10, 16), (DURATION_PAIR, _duration_pair, "U", 64, 10),
]

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|\b[\w.-]+\.(?:com|org|net|gov|edu|int|info|kz|ru|uk|io|eu|uz|kg|tj|tm)/[^\s<>\"')\]]*",
    re.IGNORECASE,
)


def _windows(hits: list[tuple[int, int]], lo: int, hi: int, back: int, fwd: int
             ) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in hits:
        ws, we = max(lo, s - back), min(hi, e + fwd)
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], we))
        else:
            out.append((ws, we))
    return out


def find_candidates(text: str, lo: int, hi: int, *, full: bool = False) -> list[Cand]:
    """Every candidate any pattern finds in text[lo:hi], minus those inside URLs.

    `full=True` runs every pattern over the whole region: the slow reference the windowed
    scan must agree with.
    """
    hits: dict[str, list[tuple[int, int]]] = {g: [] for g in "MURSYN"}
    for last, (group, size) in _AUTO.iter(text, lo, hi):
        hits[group].append((last + 1 - size, last + 1))
    hits["Y"] = [m.span() for m in _YEAR_KEY.finditer(text, lo, hi)]
    hits["N"] = [m.span() for m in _NUM_KEY.finditer(text, lo, hi)]
    present = {g for g, h in hits.items() if h}
    if not present and not full:
        return []
    merged: dict[str, list[tuple[int, int]]] = {}
    found: list[Cand] = []
    for pattern, build, groups, back, fwd in PLAN:
        if full:
            spans = [(lo, hi)]
        elif present.isdisjoint(groups):
            continue
        else:
            if groups not in merged:
                merged[groups] = sorted(h for g in groups for h in hits[g])
            spans = _windows(merged[groups], lo, hi, back, fwd)
        for ws, we in spans:
            found.extend(iter_matches(pattern, build, text, ws, we))
    if found and ("/" in text[lo:hi] or "www." in text[lo:hi]):
        urls = [m.span() for m in _URL.finditer(text, lo, hi)]
        if urls:
            starts = [s for s, _ in urls]

            def in_url(c: Cand) -> bool:
                i = bisect.bisect_right(starts, c.end - 1) - 1
                return i >= 0 and urls[i][1] > c.start

            found = [c for c in found if not in_url(c)]
    return found
