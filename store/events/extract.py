"""Events: the dated statements of the body text, and which of them report the same happening.

Each document's body sentences are tagged (`store.timex.tag`) against the document's
publication date: the manifest's, else the one `store.corpus.pubdate` reads from the text. Every DATE
expression that resolves to a calendar span makes one event: its clause (the sentence, or the
part of it around the anchor when a sentence carries two dated facts), the anchor, the TIMEX
value, precision, first and last day, modifier, a summary and the entities mentioned in the
clause. Vague but dated statements ("recently", "over the past months") are approximate events
(`store.events.vague`). Not events: durations, sets, "now" and other vague references, and
citation metadata (see `store.events.text`).

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

from dataclasses import dataclass
from pathlib import Path

from store.corpus.pubdate import infer_published
from store.events.borrow import borrowed_year, dated_days, day_entries, unindex
from store.events.cluster import Profile, assign_clusters, is_comparable
from store.events.drafts import (
    NO_MENTIONS,
    DocMentions,
    Draft,
    draft_words,
    entities_in,
    precision_of,
    profile_of,
    read_document,
)
from store.events.text import summarize
from store.models import Document, Entity, Event, Mention, Source


@dataclass(slots=True)
class EventParts:
    """What one document says on its own, read against its reference date `dct`: the drafts,
    and for each resolved one its summary and the words clustering compares (None for a
    draft no other event is compared with). Pure in the text and `dct`, so it can be computed
    in parallel and cached; `settle_events` adds entities, borrowed years and clusters."""

    dct: str | None
    drafts: list[Draft]
    summaries: list[str]
    words: list[tuple[set[str], set[str]] | None]


def extract_events(
    documents: list[Document],
    sources: list[Source],
    entities: list[Entity],
    mentions: list[Mention],
) -> list[Event]:
    """All events of the corpus, with ids and cross-source clusters assigned."""
    source_of = {s.file: s for s in sources}
    parts = [
        document_events(doc, reference_date(doc, source_of.get(doc.file))) for doc in documents
    ]
    return settle_events(documents, parts, sources, mentions)


def document_events(doc: Document, dct: str | None) -> EventParts:
    """The per-document half of the stage."""
    drafts = read_document(doc, dct)
    summaries: list[str] = []
    words: list[tuple[set[str], set[str]] | None] = []
    for d in drafts:
        if not d.resolved:
            summaries.append("")
            words.append(None)
            continue
        summaries.append(summarize(doc.text[d.start : d.end]))
        tight = is_comparable(Profile("", doc.file, d.timex.date_begin or "", d.timex.date_end or "",
                                 precision_of(d.timex)))  # fmt: skip
        words.append(draft_words(doc, d) if tight else None)
    return EventParts(dct, drafts, summaries, words)


def settle_events(
    documents: list[Document],
    parts: list[EventParts],
    sources: list[Source],
    mentions: list[Mention],
) -> list[Event]:
    """The corpus-wide half: years borrowed for undated documents, entities, clusters."""
    source_of = {s.file: s for s in sources}
    grouped: dict[str, list[Mention]] = {}
    for m in mentions:
        grouped.setdefault(m.file, []).append(m)
    mentions_of = {file: DocMentions.of(found) for file, found in grouped.items()}

    part_of = {doc.file: part for doc, part in zip(documents, parts, strict=True)}
    drafts = {file: part.drafts for file, part in part_of.items()}
    undated = [doc for doc in documents if part_of[doc.file].dct is None]
    docs_by_file = {d.file: d for d in documents}
    if undated:
        days = dated_days(drafts)
        for doc in undated:
            year = borrowed_year(doc, drafts, docs_by_file, mentions_of, days)
            if year is not None:
                unindex(days, doc.file, drafts[doc.file])
                part_of[doc.file] = document_events(doc, year)
                drafts[doc.file] = part_of[doc.file].drafts
                for key, entry in day_entries(doc.file, drafts[doc.file]):
                    days.setdefault(key, []).append(entry)

    events: list[Event] = []
    profiles: list[Profile] = []
    for doc in documents:
        ident = _source_id(doc.file, source_of.get(doc.file))
        part = part_of[doc.file]
        found = mentions_of.get(doc.file, NO_MENTIONS)
        for d, summary, words in zip(part.drafts, part.summaries, part.words, strict=True):
            if not d.resolved:
                continue
            event = _event(doc, ident, d, summary, found)
            events.append(event)
            profiles.append(profile_of(doc, d, event.id, found, words=words))
    clusters = assign_clusters(profiles)
    return [_with_cluster(e, clusters.get(e.id, e.id)) for e in events]


def reference_date(doc: Document, source: Source | None) -> str | None:
    """The date relative expressions resolve against: the manifest's, else the text's own."""
    if source is not None and source.published != "unknown":
        return source.published
    value, _, _ = infer_published(doc.text, list(doc.passages))
    return None if value == "unknown" else value


def _source_id(file: str, source: Source | None) -> str:
    return source.id if source is not None else Path(file).with_suffix("").as_posix()


def _event(doc: Document, ident: str, d: Draft, summary: str, mentions: DocMentions) -> Event:
    t = d.timex
    quote = doc.text[d.start : d.end]
    return Event(
        id=f"{ident}:{t.start}",
        file=doc.file,
        date=t.value,
        precision=precision_of(t),
        date_begin=t.date_begin or "",
        date_end=t.date_end or "",
        mod=t.mod,
        anchor_text=t.text,
        anchor_start=t.start,
        anchor_end=t.end,
        start=d.start,
        end=d.end,
        quote=quote,
        summary=summary,
        entities=tuple(entities_in(mentions, [(d.start, d.end)])),
    )


def _with_cluster(event: Event, cluster: str) -> Event:
    """The event with its cluster set. The event was made by this build a moment ago and
    nothing else holds it yet, so it is set in place, as a frozen dataclass's own __init__
    does: `dataclasses.replace` took 12 s for 148,000 events."""
    object.__setattr__(event, "cluster", cluster)
    return event
