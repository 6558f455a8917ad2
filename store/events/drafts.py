"""Reading one document into drafts: its dated statements, before the corpus is seen.

Each body sentence is tagged (`store.timex.tag`); every DATE or TIME expression that is not a
citation, a vague reference or a repeat of an event already told makes a draft, and so does a
vague but dated one ("recently", "over the past year"), as an approximate span
(`store.events.vague`): the timex, its
sentence and clause, and the back-references ("On that day...") attached to it. Also here:
what clustering compares of a draft (`profile_of`, `draft_words`) and the entities inside it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from store.events.cluster import Profile, is_comparable, tokens
from store.events.text import (
    ANAPHOR,
    is_anaphor,
    is_citation_date,
    is_definite_modifier,
    is_period_to_now,
    split_clauses,
)
from store.events.vague import approximate
from store.models import Document, Mention
from store.timex import Timex, tag

_MIN_WORDS = 4  # a vague word alone ("Lately", a heading) says nothing happened
_JOINER = re.compile(r"^[\s,]*(?:(?:on|in|at|of|by)\s*)?[\s,]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DocMentions:
    """One document's mentions in text order, with their start offsets to bisect on."""

    items: list[Mention]
    starts: list[int]

    @staticmethod
    def of(mentions: list[Mention]) -> DocMentions:
        items = sorted(mentions, key=lambda m: m.start)
        return DocMentions(items, [m.start for m in items])


NO_MENTIONS = DocMentions([], [])


@dataclass(slots=True)
class Draft:
    """An event while its document is read: the timex, its clause, and attached back-references."""

    timex: Timex
    sent_start: int
    sent_end: int
    start: int = 0
    end: int = 0
    attached: list[tuple[int, int]] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        t = self.timex
        return bool(t.date_begin and t.date_end) and not t.value.startswith("X")


def read_document(doc: Document, dct: str | None) -> list[Draft]:
    """The drafts of one document, in text order; year-less ones kept for borrowed years."""
    body = doc.body_sentences()
    if not body:
        return []
    text = doc.text
    timexes = tag(text, dct, spans=[(s.start, s.end) for s in body])
    starts = [t.start for t in timexes]
    out: list[Draft] = []
    for s in body:
        lo = bisect.bisect_left(starts, s.start)
        hi = bisect.bisect_left(starts, s.end)
        inside = [t for t in timexes[lo:hi] if t.end <= s.end]
        _read_sentence(text, s.start, s.end, inside, out, dct)
    return out


def _read_sentence(
    text: str, start: int, end: int, found: list[Timex], out: list[Draft], dct: str | None
) -> None:
    keep: list[Timex] = []
    rough: list[Timex] = []  # "recently", "over the past months": only when nothing is dated
    pointed = False
    for t in found:
        vague = t.type == "DURATION" or t.value.endswith("_REF")
        if vague or is_period_to_now(text, t.start, t.end):
            approx = approximate(text, t, dct)
            if approx is not None and len(text[start:end].split()) >= _MIN_WORDS:
                rough.append(approx)
            continue
        if t.type not in ("DATE", "TIME"):
            continue
        if is_anaphor(t.text):
            pointed = True
            continue
        if is_citation_date(text, start, end, t.start, t.end):
            continue
        keep.append(t)
    if not keep:  # a sentence with an explicit date is that date's event ("currently called
        keep = rough[:1]  # X, the drills will be held in October 2017"); else its first rough one
    keep = _drop_redundant(text, keep)
    fresh: list[Timex] = []
    for t in keep:
        earlier = _repeated(text, start, end, t, out)
        if earlier is not None:
            earlier.attached.append((start, end))
        else:
            fresh.append(t)
    if not fresh:
        if (pointed or ANAPHOR.search(text, start, end)) and out:
            out[-1].attached.append((start, end))
        return
    clauses = split_clauses(text, start, end, [(t.start, t.end) for t in fresh])
    for t, (cs, ce) in zip(fresh, clauses, strict=True):
        out.append(Draft(t, start, end, cs, ce))


def _drop_redundant(text: str, found: list[Timex]) -> list[Timex]:
    """'A month later, on July 18': two anchors a word apart, one inside the other: keep the finer."""
    result: list[Timex] = []
    for t in sorted(found, key=lambda t: t.start):
        if result and _JOINER.match(text[result[-1].end : t.start]):
            prev = result[-1]
            if _nests(t, prev):
                continue
            if _nests(prev, t):
                result[-1] = t
                continue
        result.append(t)
    return result


def _nests(outer: Timex, inner: Timex) -> bool:
    """True when `inner` covers no day outside `outer` (both resolved)."""
    if not (outer.date_begin and outer.date_end and inner.date_begin and inner.date_end):
        return False
    return outer.date_begin <= inner.date_begin and inner.date_end <= outer.date_end


def _repeated(text: str, start: int, end: int, t: Timex, out: list[Draft]) -> Draft | None:
    """The earlier draft a definite date mention ('the June 5 atrocity') repeats, if any."""
    if not is_definite_modifier(text, t.start, t.end):
        return None
    words, _ = tokens(text[start:end])
    for d in reversed(out):
        if d.timex.value != t.value:
            continue
        theirs, _ = tokens(" ".join(text[a:b] for a, b in [(d.start, d.end), *d.attached]))
        if words & theirs:
            return d
    return None


def precision_of(t: Timex) -> str:
    if t.precision:
        return t.precision
    if t.date_begin and t.date_begin == t.date_end:
        return "day"
    return "unknown"


def entities_in(mentions: DocMentions, spans: list[tuple[int, int]]) -> list[str]:
    """Entity ids mentioned inside any of the spans, in order of first mention."""
    seen: dict[str, None] = {}
    starts = mentions.starts
    for lo, hi in spans:
        for m in mentions.items[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]:
            if m.end <= hi:
                seen.setdefault(m.entity, None)
    return list(seen)


def profile_of(
    doc: Document,
    d: Draft,
    key: str,
    mentions: DocMentions,
    day: str | None = None,
    words: tuple[set[str], set[str]] | None = None,
) -> Profile:
    """What clustering compares for draft `d`; `words` are its precomputed `_words`."""
    spans = [(d.start, d.end), *d.attached]
    begin = day or d.timex.date_begin or ""
    end = day or d.timex.date_end or ""
    precision = "day" if day else precision_of(d.timex)
    profile = Profile(key, doc.file, begin, end, precision)
    if not is_comparable(profile):
        return profile  # never compared with another event: its words would go unread
    if words is None:
        words = draft_words(doc, d)
    profile.words |= words[0]
    profile.names |= words[1]
    profile.entities = set(entities_in(mentions, spans))
    return profile


def draft_words(doc: Document, d: Draft) -> tuple[set[str], set[str]]:
    """The content words and names of a draft's clause and the sentences attached to it."""
    words: set[str] = set()
    names: set[str] = set()
    for lo, hi in [(d.start, d.end), *d.attached]:
        w, n = tokens(_without_anchor(doc.text, lo, hi, d.timex))
        words |= w
        names |= n
    return words, names


def _without_anchor(text: str, lo: int, hi: int, t: Timex) -> str:
    """The span's text with the date blanked: dates are compared as dates, not as words."""
    if lo <= t.start and t.end <= hi:
        return text[lo : t.start] + " " + text[t.end : hi]
    return text[lo:hi]
