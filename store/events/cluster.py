"""Which events in different documents report the same real-world happening.

Two events are candidates when both are pinned to a day (or a span of at most `TIGHT_DAYS`
days) and their days overlap. An event known only to its week or month is a candidate too,
with stronger evidence (`MIN_SHARED_COARSE` shared items, two of them names), when its span
holds the other's, and never when either speaks of a series ("a wave of arrests", "several
attacks", "the exercises"); a year or a wider range never joins, so a series ("several attacks
in 2011") stays apart from one attack in it. Candidates are then scored on what they share: entity ids (from mentions) and content
words of the clause and of any back-reference attached to it ("On that day, gunmen attacked..."),
with number words and digits read alike ("seven" = "7"). A pair joins when it shares at least
`MIN_SHARED` items, one of them a name (an entity, or a word written with a capital inside a
sentence): same day plus shared wording alone is common in a busy news week; same day plus the
same place or person is the same event. Pairs are joined best first, and a cluster never takes
two events of the same document. The cluster id is the id of its earliest member (by file, then
offset), so it is stable across rebuilds; an event with no partner is its own cluster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from store.lang.en import CALENDAR_WORDS, CONTENT_STOPWORDS, DATE_NOUNS, SMALL_NUMBERS

TIGHT_DAYS = 3
MIN_SHARED = 3
COARSE_DAYS = 31  # a month (or a week) is compared too, with stronger evidence
MIN_SHARED_COARSE = 5

# Words of the date itself: the anchor is compared as a date, not as words.
_DATE_WORDS = CALENDAR_WORDS | DATE_NOUNS
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d+(?:[.,]\d+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(]\s*)$")


def _series_stems() -> frozenset[str]:
    words = ("series", "wave", "waves", "campaign", "programme", "program", "spate", "string",
             "several", "repeated", "exercises", "operations", "attacks", "raids", "arrests")  # fmt: skip
    return frozenset(_stem(w) for w in words)


def _stem(word: str) -> str:
    """A crude suffix strip so "attacked"/"attack"/"attacks" meet; good enough to compare."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> tuple[set[str], set[str]]:
    """(content tokens, the subset that are names: capitalised words not opening a sentence)."""
    words: set[str] = set()
    names: set[str] = set()
    for m in _WORD.finditer(text):
        raw = m.group(0)
        low = raw.lower().replace("’", "'")
        low = low.removesuffix("'s")
        if low in CONTENT_STOPWORDS or low in _DATE_WORDS:
            continue
        if low[0].isdigit():
            value = low.replace(",", "")
            if len(value) == 4 and value[:2] in ("19", "20"):
                continue  # a year: the date is compared separately
            words.add(value)
            continue
        if low in SMALL_NUMBERS:
            words.add(SMALL_NUMBERS[low])
            continue
        if len(low) < 3:
            continue
        token = _stem(low)
        words.add(token)
        if raw[0].isupper() and not _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()):
            names.add(token)
    return words, names


_SERIES = _series_stems()  # "a wave of arrests in June", "the June exercises": many happenings


@dataclass(slots=True)
class Profile:
    """What one event offers for comparison."""

    key: str  # event id
    file: str
    begin: str
    end: str
    precision: str
    words: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)


def is_tight(p: Profile) -> bool:
    """Pinned to a day, or to a span of a few days."""
    if p.precision not in ("day", "time"):
        return False
    days = (date.fromisoformat(p.end) - date.fromisoformat(p.begin)).days + 1
    return days <= TIGHT_DAYS


def _days(p: Profile) -> int:
    return (date.fromisoformat(p.end) - date.fromisoformat(p.begin)).days + 1


def is_comparable(p: Profile) -> bool:
    """Tight, or known to the week or month: close enough to be compared with another event."""
    if is_tight(p):
        return True
    if p.precision not in ("week", "month") or not p.begin or not p.end:
        return False
    return _days(p) <= COARSE_DAYS


@dataclass(frozen=True, slots=True)
class _Span:
    """A comparable profile's date facts, worked out once (a busy day has millions of pairs)."""

    tight: bool
    days: int

    @staticmethod
    def of(p: Profile) -> _Span:
        return _Span(is_tight(p), _days(p))


def same_happening(a: Profile, b: Profile) -> int:
    """The pair's score when they report one happening, else 0."""
    if a.file == b.file or not (is_comparable(a) and is_comparable(b)):
        return 0
    return _pair_score(a, b, _Span.of(a), _Span.of(b))


def _pair_score(a: Profile, b: Profile, sa: _Span, sb: _Span) -> int:
    """same_happening for two comparable profiles of different files, the cheapest tests
    first: most pairs on a busy day share too little to need the rest."""
    if a.begin > b.end or b.begin > a.end:
        return 0
    shared_entities = a.entities & b.entities
    shared_words = a.words & b.words
    shared = len(shared_entities) + len(shared_words)
    if sa.tight and sb.tight:
        if shared < MIN_SHARED:
            return 0
        has_name = bool(shared_entities) or not shared_words.isdisjoint(a.names | b.names)
        return shared if has_name else 0
    # One is known to the month only: its span must hold the other's, the evidence must be
    # stronger (two names, more words), and neither may be a series or programme.
    coarse, fine = (a, b) if sa.days >= sb.days else (b, a)
    if not (coarse.begin <= fine.begin and fine.end <= coarse.end):
        return 0
    if shared < MIN_SHARED_COARSE:
        return 0
    if not (a.words.isdisjoint(_SERIES) and b.words.isdisjoint(_SERIES)):
        return 0
    names = len(shared_entities) + len(shared_words & (a.names | b.names))
    return shared if names >= 2 else 0


def assign_clusters(profiles: list[Profile]) -> dict[str, str]:
    """Event id -> cluster id, joining best-scoring pairs first, one event per file a cluster."""
    pairs = [(s, a.key, b.key) for s, a, b in _scored_pairs(profiles)]
    parent = {p.key: p.key for p in profiles}
    files = {p.key: {p.file} for p in profiles}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for _, a, b in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        ra, rb = root(a), root(b)
        if ra == rb or files[ra] & files[rb]:
            continue
        parent[rb] = ra
        files[ra] |= files[rb]
    members: dict[str, list[Profile]] = {}
    for p in profiles:
        members.setdefault(root(p.key), []).append(p)
    cluster: dict[str, str] = {}
    for group in members.values():
        first = min(group, key=lambda p: (p.file, _offset(p.key)))
        for p in group:
            cluster[p.key] = first.key
    return cluster


def _scored_pairs(profiles: list[Profile]) -> list[tuple[int, Profile, Profile]]:
    """Every pair of comparable profiles whose days overlap and that report one happening.

    Blocked so the work stays near linear in the number of events: tight profiles (at most
    `TIGHT_DAYS` days) by day, coarse ones (a week or a month) by month; a tight profile meets
    the coarse ones of its months, coarse ones meet each other in a month they share. Each pair
    is looked at once and ordered as before: the one whose first day's month comes first, then
    the earlier profile. A coarse pair needs two shared names, so coarse profiles meet only
    those sharing at least one (an index by name), not every event of their month.
    """
    by_day: dict[str, list[int]] = {}
    by_month: dict[str, list[int]] = {}
    for i, p in enumerate(profiles):
        if is_tight(p):
            day, last = date.fromisoformat(p.begin), date.fromisoformat(p.end)
            while day <= last:
                by_day.setdefault(day.isoformat(), []).append(i)
                day += timedelta(days=1)
        elif is_comparable(p):
            for month in _months(p):
                by_month.setdefault(month, []).append(i)
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, Profile, Profile]] = []
    spans = {
        i: _Span.of(profiles[i]) for group in (*by_day.values(), *by_month.values()) for i in group
    }

    def consider(i: int, j: int) -> None:
        a, b = profiles[i], profiles[j]
        if a.file == b.file:
            return
        key = (i, j) if i < j else (j, i)
        if key in seen:
            return
        seen.add(key)
        if (b.begin[:7], j) < (a.begin[:7], i):
            a, b, i, j = b, a, j, i
        s = _pair_score(a, b, spans[i], spans[j])
        if s:
            out.append((s, a, b))

    # month -> name or entity -> tight profiles: a coarse profile meets only those sharing one
    named: dict[str, dict[str, set[int]]] = {}
    for iso_day, members in by_day.items():
        index = named.setdefault(iso_day[:7], {})
        for i in members:
            for k in _keys(profiles[i]):
                index.setdefault(k, set()).add(i)
        # Events of one file never cluster together: compare across files only, so a single
        # long document with thousands of events on one day costs nothing here.
        by_file: dict[str, list[int]] = {}
        for i in members:
            by_file.setdefault(profiles[i].file, []).append(i)
        groups = list(by_file.values())
        for g, group in enumerate(groups):
            for other in groups[g + 1 :]:
                for i in group:
                    for j in other:
                        consider(i, j)
    for month, coarse in by_month.items():
        index = named.get(month, {})
        among: dict[str, set[int]] = {}
        for i in coarse:
            keys = _keys(profiles[i])
            met: set[int] = set()
            for k in keys:
                met |= index.get(k, set()) | among.get(k, set())
            for j in sorted(met):
                consider(i, j)
            for k in keys:
                among.setdefault(k, set()).add(i)
    return out


def _keys(p: Profile) -> set[str]:
    """What a coarse pair must share at least one of (it must share two): names, entities."""
    return p.names | {"\0" + e for e in p.entities}


def _months(p: Profile) -> list[str]:
    first, last = p.begin[:7], p.end[:7]
    return [first] if first == last else [first, last]  # a coarse span is at most 31 days


def _offset(key: str) -> int:
    tail = key.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0
