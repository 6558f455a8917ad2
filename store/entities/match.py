"""Gazetteer matching: every catalogue form found in one pass, whole words, case where it matters.

Two Aho-Corasick automata (pyahocorasick) scan the text once each, whatever the number of
names: one over the text as written for case-sensitive forms (acronyms such as "IS" or "US" and
one-word names such as "May"), one over a lower-cased copy for multi-word names ("Supreme
Court" also as "Supreme court"). Both copies keep every character at its offset (curly
apostrophes and odd spaces are mapped one-for-one), so a hit's offsets are the document's.

A hit is kept only at word boundaries and when its context does not say it is something else:
"US $50 million" is money, "in May" is a month, an acronym in an all-capitals line is shouting.
Overlapping hits resolve to the longest ("Aktobe Province" over "Aktobe").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from store.lang.en import DATE_PREPOSITIONS, FULL_MONTHS, WEEKDAYS

# One-for-one character maps: offsets in the mapped text equal offsets in the original.
_FOLD = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "`": "'",
    "\n": " ",
    "\r": " ",
    "\t": " ",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2010": "-",
    "\u2011": "-",
}
_FOLD_ASCII = tuple((k, v) for k, v in _FOLD.items() if k.isascii())
_FOLD_OTHER = tuple((k, v) for k, v in _FOLD.items() if not k.isascii())

_CALENDAR = FULL_MONTHS | frozenset(WEEKDAYS)  # full names only: "Mar" may be a name
_DATE_AFTER = re.compile(r"\s*(?:\d|,\s*\d|of\s+(?:this|last|next|that)\b)")
_MONEY_AFTER = re.compile(r"\s?\\?[$€£¥]")
_LAST_WORD = re.compile(r"([A-Za-z]+)$")
_LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Match:
    """One accepted hit: `text[start:end]` is what the document says; `key` names the entity."""

    start: int
    end: int
    key: str


def fold_punctuation(text: str) -> str:
    """The text with apostrophes, hyphens and spaces normalised, same length as the input.

    Chained `str.replace` (a fast C scan per character) rather than `str.translate` with a
    dict, which looks every character up in Python's dict and ran at ~7 MB/s."""
    for old, new in _FOLD_ASCII:
        if old in text:
            text = text.replace(old, new)
    if not text.isascii():
        for old, new in _FOLD_OTHER:
            if old in text:
                text = text.replace(old, new)
    return text


def lower_same_length(text: str) -> str:
    """Lower-case without changing length (a few characters, e.g. 'İ', lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normalise_form(form: str) -> str:
    return re.sub(r" {2,}", " ", fold_punctuation(form).strip())


@lru_cache(maxsize=1 << 16)
def is_acronym(form: str) -> bool:
    """No lower-case letters and at least two capitals: "IS", "U.S.", "KNB", "CASA-1000"."""
    letters = [c for c in form if c.isalpha()]
    return (
        bool(letters)
        and not any(c.islower() for c in letters)
        and sum(c.isupper() for c in letters) >= 2
    )


def default_case_sensitive(form: str) -> bool:
    """The `auto` rule: acronyms and one-word names must match case; longer names need not."""
    return is_acronym(form) or " " not in form.strip()


class Matcher:
    """The automata for a set of (key, form, case_sensitive) triples; reusable across documents."""

    def __init__(self, forms: Iterable[tuple[str, str, bool]]) -> None:
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        exact: dict[str, list[tuple[str, str]]] = {}
        folded: dict[str, list[tuple[str, str]]] = {}
        for key, form, case_sensitive in forms:
            norm = normalise_form(form)
            if not norm:
                continue
            if case_sensitive:
                exact.setdefault(norm, []).append((key, norm))
                if not is_acronym(norm) and norm.upper() != norm:
                    # The same name in capitals ("ASTANA --" datelines) is still the name.
                    exact.setdefault(norm.upper(), []).append((key, norm))
            else:
                folded.setdefault(lower_same_length(norm), []).append((key, norm))
        for table, automaton in ((exact, self._exact), (folded, self._folded)):
            for pattern, targets in table.items():
                # Per-form context flags are worked out once here, not per hit.
                flagged = tuple(
                    (key, form, is_acronym(form), " " not in form and form.lower() in _CALENDAR)
                    for key, form in targets
                )
                automaton.add_word(pattern, (len(pattern), flagged))
            if table:
                automaton.make_automaton()
        self._has_exact, self._has_folded = bool(exact), bool(folded)

    def find(self, text: str) -> list[Match]:
        """Accepted, non-overlapping matches in text order."""
        folded = fold_punctuation(text)
        candidates: list[tuple[int, int, str]] = []
        scans = []
        if self._has_exact:
            scans.append((self._exact, folded))
        if self._has_folded:
            scans.append((self._folded, lower_same_length(folded)))
        n = len(text)
        append = candidates.append
        for automaton, haystack in scans:
            for end_index, (length, targets) in automaton.iter(haystack):
                end = end_index + 1
                start = end - length
                # Whole words only (inlined: this loop runs once per raw automaton hit).
                if start > 0:
                    c, d = folded[start - 1], folded[start]
                    if (c.isalnum() or c == "_") and (d.isalnum() or d == "_"):
                        continue
                if end < n:
                    c, d = folded[end], folded[end - 1]
                    if (c.isalnum() or c == "_") and (d.isalnum() or d == "_"):
                        continue
                for key, form, acronym, calendar in targets:
                    if (acronym or calendar) and _context_rejects(
                        text, folded, start, end, form, acronym, calendar
                    ):
                        continue
                    append((start, end, key))
                    break
        return resolve_overlaps(candidates)


def resolve_overlaps(candidates: list[tuple[int, int, str]]) -> list[Match]:
    """Longest first, then leftmost; a hit overlapping an accepted one is dropped.

    Whether a hit is accepted depends only on hits it overlaps, so the greedy choice runs per
    cluster of overlapping hits; most hits overlap nothing and are accepted as they come."""
    if not candidates:
        return []
    candidates.sort(key=itemgetter(0))  # stable: equal spans keep the automaton's order
    accepted: list[Match] = []
    cluster: list[tuple[int, int, str]] = []
    cluster_end = -1
    for c in candidates:
        if c[0] >= cluster_end:
            if len(cluster) == 1:
                accepted.append(Match(*cluster[0]))
            elif cluster:
                accepted += _greedy(cluster)
            cluster = [c]
            cluster_end = c[1]
        else:
            cluster.append(c)
            cluster_end = max(cluster_end, c[1])
    if len(cluster) == 1:
        accepted.append(Match(*cluster[0]))
    else:
        accepted += _greedy(cluster)
    return accepted


def _greedy(cluster: list[tuple[int, int, str]]) -> list[Match]:
    """Longest first, then leftmost, among overlapping hits (the first listed wins a tie)."""
    order = sorted(cluster, key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int]] = []
    accepted: list[Match] = []
    for start, end, key in order:
        i = bisect.bisect_left(taken, (start, -1))
        if i < len(taken) and taken[i][0] < end:
            continue
        if i > 0 and taken[i - 1][1] > start:
            continue
        taken.insert(i, (start, end))
        accepted.append(Match(start, end, key))
    accepted.sort(key=lambda m: m.start)
    return accepted


def _context_rejects(
    original: str, text: str, start: int, end: int, form: str, acronym: bool, calendar: bool
) -> bool:
    """True when the words around a hit say it is not the named thing.

    `acronym` and `calendar` are `is_acronym(form)` and "form is one month or weekday name",
    precomputed per form by the Matcher."""
    if acronym:
        if _MONEY_AFTER.match(text, end):
            return True  # "US $50 million": a currency, not the country
        if _shouting(original, start, end):
            return True
    if calendar and text[start : start + 1].isupper():
        return looks_like_date(text, start, end)
    return False


def looks_like_date(text: str, start: int, end: int) -> bool:
    """'in May', 'May 5', 'May, 2015', 'early May': the month, not a person called May."""
    if _DATE_AFTER.match(text, end):
        return True
    before = text[max(0, start - 24) : start].rstrip(" -")
    previous = _LAST_WORD.search(before)
    return bool(previous and previous.group(1).lower() in DATE_PREPOSITIONS)


def _shouting(text: str, start: int, end: int) -> bool:
    """An acronym among words written in capitals ("WHAT IS AT STAKE") is an ordinary word.

    Only the words on the same line within 40 characters are read: a per-hit look at the
    whole line made long paragraphs quadratic."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 40)
    line_end = text.find("\n", end, end + 40)
    window = text[line_start : line_end if line_end != -1 else min(len(text), end + 40)]
    words = _LETTER_WORDS.findall(window)
    if len(words) < 3:
        return False
    upper = sum(map(str.isupper, words))
    return upper / len(words) > 0.7
