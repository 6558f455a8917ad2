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

from store.lang.en import TIMEX_KEY_WORDS, URL_HINT, URL_OR_DOMAIN_PATH
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


def _automaton() -> ahocorasick.Automaton:
    """Key words in lower, Capitalised and UPPER case: one C-speed pass over the text."""
    auto = ahocorasick.Automaton()
    for group, words in TIMEX_KEY_WORDS.items():
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

_SPACE = re.compile(r"\s")

# Words every match of a pattern contains (checked in each window before the pattern runs): a
# window without them cannot hold a match, so skipping it changes nothing. Patterns whose
# every match needs only their key words have none.
_PREFILTER: dict[Builder, re.Pattern[str]] = {
    _decade: re.compile(r"0['’]?s|ties", re.IGNORECASE),
    _century: re.compile(r"century", re.IGNORECASE),
    _season_year: re.compile(r"spring|summer|autumn|fall|winter", re.IGNORECASE),
    _quarter: re.compile(r"quarter|q[1-4]", re.IGNORECASE),
    _half: re.compile(r"half", re.IGNORECASE),
    _rel_unit: re.compile(
        r"last|next|this|coming|past|previous|current|that|preceding|following|same",
        re.IGNORECASE,
    ),
    _rel_named: re.compile(r"last|next|this|coming|past|that", re.IGNORECASE),
    _deictic_day: re.compile(r"yesterday|today|tomorrow|tonight|night|this", re.IGNORECASE),
    _ago: re.compile(r"ago|later|earlier|before|after", re.IGNORECASE),
    _weekday: re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    _clock: re.compile(r"\d|noon|midday|midnight"),
    _set_every: re.compile(r"every|each", re.IGNORECASE),
    _set_adverb: re.compile(r"ly", re.IGNORECASE),
    _set_freq: re.compile(r"once|twice|thrice|times|per", re.IGNORECASE),
    _period_of: re.compile(r"end|beginning|start|middle|close|turn", re.IGNORECASE),
    _counted: re.compile(r"(?:st|nd|rd|th)\s+(?:day|week|month|year)", re.IGNORECASE),
    _the_day: re.compile(r"(?:day|night|morning|evening)\s+(?:before|after|when)", re.IGNORECASE),
    _duration_pair: re.compile(r"\s(?:and|to|or)\s", re.IGNORECASE),
    _duration: re.compile(
        r"[\s-](?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni)",
        re.IGNORECASE,
    ),
    _bare_duration: re.compile(
        r"\s(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)", re.IGNORECASE
    ),
}
_GROUPS = "MURSYN"

Hit = tuple[int, int, int]  # (region index, start, end)


def _windows(hits: list[Hit], bounds: list[tuple[int, int]], back: int, fwd: int
             ) -> list[tuple[int, int, int]]:
    """Merged windows (region, start, end) around key hits, never crossing a region's edge."""
    out: list[tuple[int, int, int]] = []
    last_r, last_ws, last_we = -1, 0, 0
    for r, s, e in hits:
        lo, hi = bounds[r]
        ws = max(lo, s - back)
        we = min(hi, e + fwd)
        if r == last_r and ws <= last_we:
            last_we = max(last_we, we)
            continue
        if last_r >= 0:
            out.append((last_r, last_ws, last_we))
        last_r, last_ws, last_we = r, ws, we
    if last_r >= 0:
        out.append((last_r, last_ws, last_we))
    return out


def find_candidates(text: str, lo: int, hi: int, *, full: bool = False) -> list[Cand]:
    """Every candidate any pattern finds in text[lo:hi], minus those inside URLs.

    `full=True` runs every pattern over the whole region: the slow reference the windowed
    scan must agree with.
    """
    return find_candidates_in(text, [(lo, hi)], full=full)[0]


def find_candidates_in(text: str, regions: list[tuple[int, int]], *, full: bool = False
                       ) -> list[list[Cand]]:
    """`find_candidates` for many regions at once (one list per region, in order).

    The build tags a document sentence by sentence; doing the per-pattern work once for all
    sentences, rather than once per sentence, is most of the tagger's speed.
    """
    hits: dict[str, list[Hit]] = {g: [] for g in _GROUPS}
    auto_iter, year_find, num_find = _AUTO.iter, _YEAR_KEY.finditer, _NUM_KEY.finditer
    for r, (lo, hi) in enumerate(regions):
        for last, (group, size) in auto_iter(text, lo, hi):
            hits[group].append((r, last + 1 - size, last + 1))
        for m in year_find(text, lo, hi):
            hits["Y"].append((r, m.start(), m.end()))
        for m in num_find(text, lo, hi):
            hits["N"].append((r, m.start(), m.end()))
    found: list[list[Cand]] = [[] for _ in regions]
    present = {g for g, h in hits.items() if h}
    if not present and not full:
        return found
    merged: dict[str, list[Hit]] = {}
    for pattern, build, groups, back, fwd in PLAN:
        if full:
            spans = [(r, lo, hi) for r, (lo, hi) in enumerate(regions)]
        elif present.isdisjoint(groups):
            continue
        else:
            if groups not in merged:
                merged[groups] = sorted(h for g in groups for h in hits[g])
            spans = _windows(merged[groups], regions, back, fwd)
        prefilter = None if full else _PREFILTER.get(build)
        finditer = pattern.finditer
        for r, ws, we in spans:
            if prefilter is not None and prefilter.search(text, ws, we) is None:
                continue
            into = found[r]
            for mt in finditer(text, ws, we):
                got = build(mt, text)
                if got is None:
                    continue
                if type(got) is list:
                    into.extend(got)
                else:
                    into.append(got)  # type: ignore[arg-type]
    for r, (lo, hi) in enumerate(regions):
        if found[r]:
            found[r] = _outside_urls(text, lo, hi, found[r])
    return found


def _url_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """What `URL_OR_DOMAIN_PATH.finditer(text, lo, hi)` finds, scanning only the words that can hold a URL.

    A URL never spans white space, so the scan runs over each space-delimited word that holds
    a hint ("://", "www.", ".com/"); the matches are the same as a scan of the whole region.
    """
    urls: list[tuple[int, int]] = []
    done = lo
    for hint in URL_HINT.finditer(text, lo, hi):
        if hint.start() < done:
            continue
        ws = max(text.rfind(" ", lo, hint.start()), text.rfind("\n", lo, hint.start()),
                 text.rfind("\t", lo, hint.start()), text.rfind("\r", lo, hint.start()))
        ws = max(ws + 1, lo, done)
        space = _SPACE.search(text, hint.end(), hi)
        we = space.start() if space else hi
        # the word may begin after other white space (form feeds, no-break spaces...)
        inner = None
        for inner in _SPACE.finditer(text, ws, hint.start()):
            pass
        if inner is not None:
            ws = inner.end()
        urls.extend(m.span() for m in URL_OR_DOMAIN_PATH.finditer(text, ws, we))
        done = we
    return urls


def _outside_urls(text: str, lo: int, hi: int, found: list[Cand]) -> list[Cand]:
    if text.find("/", lo, hi) < 0 and text.find("www.", lo, hi) < 0:
        return found
    urls = _url_spans(text, lo, hi)
    if not urls:
        return found
    starts = [s for s, _ in urls]

    def in_url(c: Cand) -> bool:
        i = bisect.bisect_right(starts, c.end - 1) - 1
        return i >= 0 and urls[i][1] > c.start

    return [c for c in found if not in_url(c)]
