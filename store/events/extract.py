"""Events: the dated statements of the body text, and which of them report the same happening.

Each document's body sentences are tagged (`store.timex.tag`) against the document's
publication date: the manifest's, else the one `store.corpus.pubdate` reads from the text. Every DATE
expression that resolves to a calendar span makes one event: its clause (the sentence, or the
part of it around the anchor when a sentence carries two dated facts), the anchor, the TIMEX
value, precision, first and last day, modifier, a summary and the entities mentioned in the
clause. Not events: durations, sets, PRESENT_REF and other vague references, and citation
metadata (see `store.events_text`).

A repeated mention of an event already told in the same document does not make a second event:
a back-reference ("On that day, gunmen attacked ...", "The same day ...") and a definite
mention of a known date ("site of the June 5 atrocity", when a June 5 event sharing its words
exists) are attached to that event: the event keeps its first, explicit anchor and quote, and the
attached sentences add their words and entities to what clustering compares.

Borrowed years: a document that never states its year ("June 5", publication date unknown)
cannot be placed on a calendar by itself. When one of its month-day dates reports the same
happening as a dated event of another document (same month and day, and at least the same
evidence clustering asks for), the document's reference year becomes that event's year and the
document is read again against it. Without such a match its year-less dates are not events.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from store.corpus.pubdate import infer_published
from store.events.cluster import Profile, assign_clusters, is_tight, same_happening, tokens
from store.events.text import (
    ANAPHOR,
    is_anaphor,
    is_citation_date,
    is_definite_modifier,
    is_period_to_now,
    split_clauses,
    summarize,
)
from store.models import Document, Entity, Event, Mention, Source
from store.timex import Timex, tag

_YEARLESS_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
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


_NO_MENTIONS = DocMentions([], [])


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


def extract_events(
    documents: list[Document],
    sources: list[Source],
    entities: list[Entity],
    mentions: list[Mention],
) -> list[Event]:
    """All events of the corpus, with ids and cross-source clusters assigned."""
    source_of = {s.file: s for s in sources}
    grouped: dict[str, list[Mention]] = {}
    for m in mentions:
        grouped.setdefault(m.file, []).append(m)
    mentions_of = {file: DocMentions.of(found) for file, found in grouped.items()}

    drafts: dict[str, list[Draft]] = {}
    undated: list[Document] = []
    for doc in documents:
        dct = reference_date(doc, source_of.get(doc.file))
        drafts[doc.file] = read_document(doc, dct)
        if dct is None:
            undated.append(doc)

    docs_by_file = {d.file: d for d in documents}
    if undated:
        dated_days = _dated_days(drafts)
        for doc in undated:
            year = borrowed_year(doc, drafts, docs_by_file, mentions_of, dated_days)
            if year is not None:
                _unindex(dated_days, doc.file, drafts[doc.file])
                drafts[doc.file] = read_document(doc, year)
                for key, entry in _day_entries(doc.file, drafts[doc.file]):
                    dated_days.setdefault(key, []).append(entry)

    events: list[Event] = []
    profiles: list[Profile] = []
    for doc in documents:
        ident = _source_id(doc.file, source_of.get(doc.file))
        for d in drafts[doc.file]:
            if not d.resolved:
                continue
            event = _event(doc, ident, d, mentions_of.get(doc.file, _NO_MENTIONS))
            events.append(event)
            profiles.append(_profile(doc, d, event.id, mentions_of.get(doc.file, _NO_MENTIONS)))
    clusters = assign_clusters(profiles)
    return [_with_cluster(e, clusters.get(e.id, e.id)) for e in events]


def reference_date(doc: Document, source: Source | None) -> str | None:
    """The date relative expressions resolve against: the manifest's, else the text's own."""
    if source is not None and source.published != "unknown":
        return source.published
    value, _, _ = infer_published(doc.text, list(doc.passages))
    return None if value == "unknown" else value


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
        _read_sentence(text, s.start, s.end, inside, out)
    return out


def _read_sentence(text: str, start: int, end: int, found: list[Timex], out: list[Draft]) -> None:
    keep: list[Timex] = []
    pointed = False
    for t in found:
        if t.type not in ("DATE", "TIME"):
            continue
        if is_anaphor(t.text):
            pointed = True
            continue
        if t.value.endswith("_REF") or is_period_to_now(text, t.start, t.end):
            continue
        if is_citation_date(text, start, end, t.start, t.end):
            continue
        keep.append(t)
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


def _dated_days(drafts: dict[str, list[Draft]]) -> dict[str, list[tuple[str, Draft]]]:
    """Day-precision events by their month and day ("-06-05"), so a year-less date finds its
    candidates without reading every event of the corpus."""
    index: dict[str, list[tuple[str, Draft]]] = {}
    for file, found in drafts.items():
        for key, entry in _day_entries(file, found):
            index.setdefault(key, []).append(entry)
    return index


def _day_entries(file: str, found: list[Draft]) -> list[tuple[str, tuple[str, Draft]]]:
    return [
        (o.timex.date_begin[-6:], (file, o))
        for o in found
        if o.resolved and o.timex.precision == "day" and o.timex.date_begin
    ]


def _unindex(index: dict[str, list[tuple[str, Draft]]], file: str, found: list[Draft]) -> None:
    """Forget a document's days before it is read again (later documents see the new reading)."""
    for key, _ in _day_entries(file, found):
        index[key] = [entry for entry in index.get(key, []) if entry[0] != file]


def borrowed_year(
    doc: Document,
    drafts: dict[str, list[Draft]],
    docs_by_file: dict[str, Document],
    mentions_of: dict[str, DocMentions],
    dated_days: dict[str, list[tuple[str, Draft]]],
) -> str | None:
    """The year of a dated event elsewhere that one of this document's month-day dates reports.

    `dated_days` is the index `_dated_days` builds, kept current by the caller.
    """
    best: tuple[int, str] | None = None
    mine = docs_by_file[doc.file]
    targets: dict[int, Profile] = {}
    for d in drafts[doc.file]:
        m = _YEARLESS_DAY.match(d.timex.value)
        if m is None:
            continue
        month_day = f"-{m.group(1)}-{m.group(2)}"
        probes: dict[str, Profile] = {}
        for other_file, o in dated_days.get(month_day, ()):
            if other_file == doc.file:
                continue
            year = (o.timex.date_begin or "")[:4]
            if year not in probes:
                probes[year] = _profile(
                    mine, d, "probe", mentions_of.get(doc.file, _NO_MENTIONS), f"{year}{month_day}"
                )
            if id(o) not in targets:
                other = docs_by_file[other_file]
                targets[id(o)] = _profile(
                    other, o, "target", mentions_of.get(other_file, _NO_MENTIONS)
                )
            s = same_happening(probes[year], targets[id(o)])
            if s and (best is None or (s, year) > best):
                best = (s, year)
    return None if best is None else best[1]


def _source_id(file: str, source: Source | None) -> str:
    return source.id if source is not None else Path(file).with_suffix("").as_posix()


def _event(doc: Document, ident: str, d: Draft, mentions: DocMentions) -> Event:
    t = d.timex
    quote = doc.text[d.start : d.end]
    return Event(
        id=f"{ident}:{t.start}",
        file=doc.file,
        date=t.value,
        precision=_precision(t),
        date_begin=t.date_begin or "",
        date_end=t.date_end or "",
        mod=t.mod,
        anchor_text=t.text,
        anchor_start=t.start,
        anchor_end=t.end,
        start=d.start,
        end=d.end,
        quote=quote,
        summary=summarize(quote),
        entities=tuple(_entities_in(mentions, [(d.start, d.end)])),
    )


def _precision(t: Timex) -> str:
    if t.precision:
        return t.precision
    if t.date_begin and t.date_begin == t.date_end:
        return "day"
    return "unknown"


def _entities_in(mentions: DocMentions, spans: list[tuple[int, int]]) -> list[str]:
    """Entity ids mentioned inside any of the spans, in order of first mention."""
    seen: dict[str, None] = {}
    starts = mentions.starts
    for lo, hi in spans:
        for m in mentions.items[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]:
            if m.end <= hi:
                seen.setdefault(m.entity, None)
    return list(seen)


def _profile(
    doc: Document, d: Draft, key: str, mentions: DocMentions, day: str | None = None
) -> Profile:
    spans = [(d.start, d.end), *d.attached]
    begin = day or d.timex.date_begin or ""
    end = day or d.timex.date_end or ""
    precision = "day" if day else _precision(d.timex)
    profile = Profile(key, doc.file, begin, end, precision)
    if not is_tight(profile):
        return profile  # never compared with another event: its words would go unread
    for lo, hi in spans:
        w, n = tokens(_without_anchor(doc.text, lo, hi, d.timex))
        profile.words |= w
        profile.names |= n
    profile.entities = set(_entities_in(mentions, spans))
    return profile


def _without_anchor(text: str, lo: int, hi: int, t: Timex) -> str:
    """The span's text with the date blanked: dates are compared as dates, not as words."""
    if lo <= t.start and t.end <= hi:
        return text[lo : t.start] + " " + text[t.end : hi]
    return text[lo:hi]


def _with_cluster(event: Event, cluster: str) -> Event:
    return dataclasses.replace(event, cluster=cluster)
