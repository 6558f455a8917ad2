"""What extraction finds in one document on its own, and its byte form for the build cache.

`DocumentParts` gathers the per-document halves of every stage: the segmentation, the title and
publication date read from the text, the entity findings, the event drafts, the search terms.
It is pure in the document's bytes, its file name (the format), the catalogue and the
reference date, so a worker process can compute it and the next build can reuse it while
those are unchanged. `encode`/`decode` turn it into bytes and back: JSON (orjson) for the
records, raw int32 for the term stream; sentences are referred to by their index and
re-linked to the document's own Sentence objects on decode.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from sys import intern
from typing import Any

import numpy as np
import orjson

from store.corpus.formats import Metadata, PageSpan
from store.entities.discovery.tokens import DocFindings, Found
from store.entities.extract import EntityHit, EntityParts
from store.events.drafts import Draft
from store.events.extract import EventParts
from store.models import Document, Passage, Sentence
from store.search.indexing import DocTerms
from store.timex import Timex

FORMAT = 3  # 3: a discovered name carries the reason for its type
_LENGTH = struct.Struct("<I")


@dataclass(slots=True)
class Facts:
    """What the file and its text say of the document, for its Source record."""

    format: str
    pages: tuple[PageSpan, ...]
    meta: Metadata
    note: str
    inferred: tuple[str, str, str]  # (published, precision, basis) read from the text
    kind: tuple[str, str]  # (kind, basis) read from the text


@dataclass(slots=True)
class DocumentParts:
    document: Document
    facts: Facts
    dct: str | None  # the reference date events were read against
    entities: EntityParts
    events: EventParts
    terms: DocTerms


def encode(parts: DocumentParts) -> bytes:
    doc = parts.document
    record: dict[str, Any] = {
        "v": FORMAT,
        "passages": [[p.index, p.start, p.end, p.kind, p.page] for p in doc.passages],
        "sentences": [[s.passage, s.index, s.start, s.end] for s in doc.sentences],
        "facts": _facts(parts.facts),
        "dct": parts.dct,
        "hits": [[h.start, h.end, h.key, h.sentence.index] for h in parts.entities.hits],
        "findings": _findings(parts.entities.findings),
        "drafts": [_draft(d) for d in parts.events.drafts],
        "summaries": parts.events.summaries,
        "words": [None if w is None else [sorted(w[0]), sorted(w[1])] for w in parts.events.words],
        "terms": {
            "passages": parts.terms.passages,
            "terms": parts.terms.terms,
            "lengths": parts.terms.lengths,
            "extra": parts.terms.extra,
        },
    }
    head = orjson.dumps(record)
    ids = np.ascontiguousarray(parts.terms.ids, dtype="<i4").tobytes()
    return _LENGTH.pack(len(head)) + head + ids


def decode(file: str, text: str, data: bytes | memoryview) -> DocumentParts:
    """The parts `encode` wrote, for the document `file` whose text is `text`."""
    (length,) = _LENGTH.unpack(data[: _LENGTH.size])
    record = orjson.loads(data[_LENGTH.size : _LENGTH.size + length])
    if record.get("v") != FORMAT:
        raise ValueError("parts of another format")
    ids = np.frombuffer(bytes(data[_LENGTH.size + length :]), dtype="<i4").astype(np.int32)
    passages = tuple(Passage(file, i, s, e, k, page) for i, s, e, k, page in record["passages"])
    sentences = tuple(Sentence(file, p, i, s, e) for p, i, s, e in record["sentences"])
    document = Document(file, text, passages, sentences)
    by_index = {s.index: s for s in sentences}
    hits = [EntityHit(s, e, key, by_index[i]) for s, e, key, i in record["hits"]]
    findings = _read_findings(record["findings"], by_index)
    words = [
        None if w is None else (set(map(intern, w[0])), set(map(intern, w[1])))
        for w in record["words"]
    ]
    events = EventParts(
        record["dct"], [_read_draft(d) for d in record["drafts"]], record["summaries"], words
    )
    t = record["terms"]
    terms = DocTerms(
        [tuple(p) for p in t["passages"]],  # (index, start, end, kind)
        [intern(term) for term in t["terms"]],  # one copy of each word across the corpus
        ids,
        t["lengths"],
        [tuple(x) for x in t["extra"]],  # (term, position, passage)
    )
    return DocumentParts(
        document,
        _read_facts(record["facts"]),
        record["dct"],
        EntityParts(hits, findings),
        events,
        terms,
    )


def _facts(f: Facts) -> dict[str, Any]:
    m = f.meta
    return {
        "format": f.format,
        "pages": [list(p) for p in f.pages],
        "meta": [m.title, m.author, m.publisher, m.published, m.url, m.kind, m.basis],
        "note": f.note,
        "inferred": list(f.inferred),
        "kind": list(f.kind),
    }


def _read_facts(row: dict[str, Any]) -> Facts:
    title, author, publisher, published, url, kind, basis = row["meta"]
    return Facts(
        row["format"],
        tuple(PageSpan(*p) for p in row["pages"]),
        Metadata(title, author, publisher, published, url, kind, dict(basis)),
        row["note"],
        (row["inferred"][0], row["inferred"][1], row["inferred"][2]),
        (row["kind"][0], row["kind"][1]),
    )


def _found(f: Found) -> list[Any]:
    index = f.sentence.index if f.sentence is not None else -1
    return [
        f.start, f.end, f.name, f.type, f.description, index, f.generic, f.target, f.weak, f.reason
    ]  # fmt: skip


def _read_found(row: list[Any], by_index: dict[int, Sentence]) -> Found:
    start, end, name, kind, description, index, generic, target, weak, reason = row
    sentence = by_index.get(index) if index >= 0 else None
    return Found(start, end, name, kind, description, sentence, generic, target, weak, reason)


def _findings(f: DocFindings) -> dict[str, Any]:
    return {
        "found": [_found(x) for x in f.found],
        "pending": [_found(x) for x in f.pending],
        "acronyms": {k: _found(v) for k, v in f.acronyms.items()},
        "redefined": [[k, _found(v)] for k, v in f.redefined],
    }


def _read_findings(row: dict[str, Any], by_index: dict[int, Sentence]) -> DocFindings:
    return DocFindings(
        [_read_found(x, by_index) for x in row["found"]],
        [_read_found(x, by_index) for x in row["pending"]],
        {k: _read_found(v, by_index) for k, v in row["acronyms"].items()},
        [(k, _read_found(v, by_index)) for k, v in row["redefined"]],
    )


def _timex(t: Timex) -> list[Any]:
    return [
        t.start, t.end, t.text, t.type, t.value, t.mod, t.precision, t.date_begin, t.date_end,
        [_timex(p) for p in t.parts], t.relative,
    ]  # fmt: skip


def _read_timex(row: list[Any]) -> Timex:
    start, end, text, kind, value, mod, precision, begin, end_day, parts, relative = row
    return Timex(
        start, end, text, kind, value, mod, precision, begin, end_day,
        tuple(_read_timex(p) for p in parts), relative,
    )  # fmt: skip


def _draft(d: Draft) -> list[Any]:
    return [_timex(d.timex), d.sent_start, d.sent_end, d.start, d.end, d.attached]


def _read_draft(row: list[Any]) -> Draft:
    timex, sent_start, sent_end, start, end, attached = row
    return Draft(_read_timex(timex), sent_start, sent_end, start, end, [tuple(a) for a in attached])
