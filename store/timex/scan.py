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
from store.timex.candidate import Candidate
from store.timex.rules import RULES


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

_SPACE = re.compile(r"\s")

_GROUPS = "MURSYNBHW"

Hit = tuple[int, int, int]  # (region index, start, end)


def _windows(
    hits: list[Hit], bounds: list[tuple[int, int]], back: int, fwd: int
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


def find_candidates(text: str, lo: int, hi: int, *, full: bool = False) -> list[Candidate]:
    """Every candidate any pattern finds in text[lo:hi], minus those inside URLs.

    `full=True` runs every pattern over the whole region: the slow reference the windowed
    scan must agree with.
    """
    return find_candidates_in(text, [(lo, hi)], full=full)[0]


def find_candidates_in(
    text: str, regions: list[tuple[int, int]], *, full: bool = False
) -> list[list[Candidate]]:
    """`find_candidates` for many regions at once (one list per region, in order).

    The build tags a document sentence by sentence; doing the per-pattern work once for all
    sentences, rather than once per sentence, is most of the tagger's speed.
    """
    hits: dict[str, list[Hit]] = {g: [] for g in _GROUPS}
    auto_iter, year_find, num_find = _AUTO.iter, _YEAR_KEY.finditer, _NUM_KEY.finditer
    for r, (lo, hi) in enumerate(regions):
        # A slice, not iter(text, lo, hi): pyahocorasick converts the whole string on every
        # call, which made tagging a long document quadratic in its length.
        for last, (group, size) in auto_iter(text[lo:hi]):
            hits[group].append((r, lo + last + 1 - size, lo + last + 1))
        for m in year_find(text, lo, hi):
            hits["Y"].append((r, m.start(), m.end()))
        for m in num_find(text, lo, hi):
            hits["N"].append((r, m.start(), m.end()))
    found: list[list[Candidate]] = [[] for _ in regions]
    present = {g for g, h in hits.items() if h}
    if not present and not full:
        return found
    merged: dict[str, list[Hit]] = {}
    for rule in RULES:
        groups, build = rule.keys, rule.build
        if full:
            spans = [(r, lo, hi) for r, (lo, hi) in enumerate(regions)]
        elif present.isdisjoint(groups):
            continue
        else:
            if groups not in merged:
                merged[groups] = sorted(h for g in groups for h in hits[g])
            spans = _windows(merged[groups], regions, rule.reach_before, rule.reach_after)
        prefilter = None if full else rule.prefilter
        finditer = rule.pattern.finditer
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
        ws = max(
            text.rfind(" ", lo, hint.start()),
            text.rfind("\n", lo, hint.start()),
            text.rfind("\t", lo, hint.start()),
            text.rfind("\r", lo, hint.start()),
        )
        ws = max(ws + 1, lo, done)
        space = _SPACE.search(text, hint.end(), hi)
        we = space.start() if space else hi
        # the word may begin after other white space (form feeds, no-break spaces...)
        last_space = None
        for last_space in _SPACE.finditer(text, ws, hint.start()):  # noqa: B007 (keeps the last)
            pass
        if last_space is not None:
            ws = last_space.end()
        urls.extend(m.span() for m in URL_OR_DOMAIN_PATH.finditer(text, ws, we))
        done = we
    return urls


def _outside_urls(text: str, lo: int, hi: int, found: list[Candidate]) -> list[Candidate]:
    if text.find("/", lo, hi) < 0 and text.find("www.", lo, hi) < 0:
        return found
    urls = _url_spans(text, lo, hi)
    if not urls:
        return found
    starts = [s for s, _ in urls]

    def in_url(c: Candidate) -> bool:
        i = bisect.bisect_right(starts, c.end - 1) - 1
        return i >= 0 and urls[i][1] > c.start

    return [c for c in found if not in_url(c)]
