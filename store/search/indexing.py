"""Building the index: each document tokenised on its own, then one corpus-wide layout.

`document_terms` is the per-document half (pure, run in workers, cached by content hash);
`index_from_terms` maps every document's terms to one vocabulary and lays out the postings,
the entity, type and date pseudo-terms as the flat arrays `Index` serves.
"""

from __future__ import annotations

import bisect
from array import array
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from store.models import Document, Entity, Event, Mention, Source
from store.search.index import KIND_CODES, KIND_WEIGHTS, Index, Vocab, average_length, impact
from store.text.fold import TOKEN, fold, fold_term, fold_text, variants


def _date_int(value: str) -> int | None:
    try:
        y, m, d = value[:10].split("-")
        return int(y) * 10000 + int(m) * 100 + int(d)
    except (ValueError, AttributeError):
        return None


@dataclass(slots=True)
class DocTerms:
    """One document's passages as search terms: what indexing needs from it alone.

    `terms` are the document's distinct terms, `ids` every token of every passage (in the
    order of `passages`) as an index into them, `lengths` the tokens per passage; `extra`
    are the apostrophe variants ("putin's" also as "putin"): term index, token position in
    the document's stream (one empty slot after each passage), passage number. Pure in the
    document, so it can be computed in a worker and cached.
    """

    passages: list[tuple[int, int, int, int]]  # (index, start, end, kind code), by start
    terms: list[str]
    ids: np.ndarray  # int32
    lengths: list[int]
    extra: list[tuple[int, int, int]]


def document_terms(doc: Document) -> DocTerms:
    """Tokenise every passage of `doc` once (the per-document half of building the index)."""
    vocab = Vocab()
    lookup = vocab.__getitem__
    stream = array("i")
    extra: list[tuple[int, int, int]] = []
    passages: list[tuple[int, int, int, int]] = []
    lengths: list[int] = []
    folded = fold_text(doc.text)
    pos = 0
    for number, passage in enumerate(sorted(doc.passages, key=lambda p: p.start)):
        s, e = passage.start, passage.end
        toks = TOKEN.findall(folded, s, e)
        chunk = folded[s:e]
        if not chunk.isascii():
            toks = [fold_term(t) for t in toks]
        if "'" in chunk:
            for k, tok in enumerate(toks):
                if "'" in tok:
                    for variant, _, _ in variants(tok)[1:]:
                        extra.append((lookup(variant), pos + k, number))
        stream.extend(map(lookup, toks))
        passages.append((passage.index, s, e, KIND_CODES.get(passage.kind, 0)))
        lengths.append(len(toks))
        pos += len(toks) + 1
    ids = np.frombuffer(stream, dtype=np.int32) if len(stream) else np.zeros(0, np.int32)
    return DocTerms(passages, list(vocab), ids, lengths, extra)


def build_index(
    documents: list[Document],
    sources: list[Source],
    entities: list[Entity],
    mentions: list[Mention],
    events: list[Event],
    fingerprint: str,
) -> Index:
    """Tokenise every passage once and lay the postings out as sorted flat arrays."""
    return index_from_terms(
        [doc.file for doc in documents],
        [document_terms(doc) for doc in documents],
        sources,
        entities,
        mentions,
        events,
        fingerprint,
    )


def index_from_terms(
    files: list[str],
    doc_terms: list[DocTerms],
    sources: list[Source],
    entities: list[Entity],
    mentions: list[Mention],
    events: list[Event],
    fingerprint: str,
) -> Index:
    """The corpus-wide half: one vocabulary, postings sorted by term, entity, type and date
    pseudo-terms, laid out as flat arrays."""
    vocab = Vocab()
    lookup = vocab.__getitem__
    streams: list[np.ndarray] = []
    extra_tid, extra_pos, extra_pid = array("i"), array("i"), array("i")
    p_file, p_index, p_start, p_end, p_kind, p_len = (array("i") for _ in range(6))
    file_first = array("i")
    pstarts: dict[str, tuple[list[int], int]] = {}
    pid = 0
    pos = 0
    for fid, (file, dt) in enumerate(zip(files, doc_terms, strict=True)):
        file_first.append(pid)
        global_ids = np.fromiter(map(lookup, dt.terms), dtype=np.int32, count=len(dt.terms))
        if dt.ids.shape[0]:
            streams.append(global_ids[dt.ids])
        for term, local_pos, number in dt.extra:
            extra_tid.append(int(global_ids[term]))
            extra_pos.append(pos + local_pos)
            extra_pid.append(pid + number)
        starts: list[int] = []
        pstarts[file] = (starts, pid)
        for (index, s, e, kind), length in zip(dt.passages, dt.lengths, strict=True):
            starts.append(s)
            p_file.append(fid)
            p_index.append(index)
            p_start.append(s)
            p_end.append(e)
            p_kind.append(kind)
            p_len.append(length)
            pos += length + 1
            pid += 1
    file_first.append(pid)
    n = pid
    stream = np.concatenate(streams) if streams else np.zeros(0, np.int32)

    terms = list(vocab)
    order = sorted(range(len(terms)), key=terms.__getitem__)
    rank = np.empty(len(terms), dtype=np.int32)
    rank[np.array(order, dtype=np.int64)] = np.arange(len(terms), dtype=np.int32)
    terms = [terms[i] for i in order]

    lens = np.frombuffer(p_len, dtype=np.int32) if n else np.zeros(0, np.int32)
    kinds = np.frombuffer(p_kind, dtype=np.int32).astype(np.uint8) if n else np.zeros(0, np.uint8)
    main = stream
    tok_pid = np.repeat(np.arange(n, dtype=np.int32), lens)
    tok_pos = np.arange(main.shape[0], dtype=np.int32) + tok_pid  # one empty slot per passage
    tid = np.concatenate([main, np.frombuffer(extra_tid, np.int32) if extra_tid else main[:0]])
    tid = rank[tid] if tid.size else tid
    tpos = np.concatenate([tok_pos, np.array(extra_pos, dtype=np.int32)])
    tpid = np.concatenate([tok_pid, np.array(extra_pid, dtype=np.int32)])
    key = (tid.astype(np.int64) << 32) | tpos.astype(np.int64)
    srt = np.argsort(key, kind="stable")
    tid, tpos, tpid = tid[srt], tpos[srt], tpid[srt]
    v = len(terms)
    pos_off = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(np.bincount(tid, minlength=v), out=pos_off[1:])

    change = np.ones(tid.shape[0], dtype=bool)
    if tid.shape[0] > 1:
        change[1:] = (tid[1:] != tid[:-1]) | (tpid[1:] != tpid[:-1])
    firsts = np.flatnonzero(change)
    tf = np.diff(np.append(firsts, tid.shape[0])).astype(np.float32)
    post_tid, post_pid = tid[firsts], tpid[firsts]
    post_off = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(np.bincount(post_tid, minlength=v), out=post_off[1:])
    avgdl = average_length(lens)
    weights = KIND_WEIGHTS[kinds] if n else np.zeros(0, np.float32)
    post_imp = impact(tf, lens[post_pid], weights[post_pid], avgdl)

    ents = {e.id: e for e in entities}
    by_entity: dict[str, list[int]] = defaultdict(list)
    by_type: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        p = _pid_of(pstarts, m.file, m.start)
        if p is None:
            continue
        by_entity[m.entity].append(p)
        ent = ents.get(m.entity)
        if ent is not None:
            by_type[ent.type].append(p)
    entity_ids = sorted(by_entity)
    ent_off, ent_pid, ent_imp = _pseudo([by_entity[k] for k in entity_ids], lens, weights, avgdl)
    types = sorted(by_type)
    typ_off, typ_pid, typ_imp = _pseudo([by_type[k] for k in types], lens, weights, avgdl)

    rows = []
    for ev in events:
        p, begin, end = (
            _pid_of(pstarts, ev.file, ev.start),
            _date_int(ev.date_begin),
            _date_int(ev.date_end),
        )
        if p is None or begin is None or end is None:
            continue
        rows.append((p, begin, end, ev.anchor_start, ev.anchor_end))
    rows.sort()
    event_rows = np.array(rows, dtype=np.int32).reshape(len(rows), 5)

    by_file = {s.file: s for s in sources}
    return Index(
        fingerprint=fingerprint,
        terms=terms,
        files=files,
        titles=[fold(by_file[f].title) if f in by_file else "" for f in files],
        kinds=[fold(by_file[f].kind) if f in by_file else "unknown" for f in files],
        entity_ids=entity_ids,
        types=types,
        arrays={
            "post_off": post_off,
            "post_pid": post_pid.astype(np.int32),
            "post_imp": post_imp,
            "pos_off": pos_off,
            "pos": tpos.astype(np.int32),
            "p_file": np.frombuffer(p_file, np.int32) if n else np.zeros(0, np.int32),
            "p_index": np.frombuffer(p_index, np.int32) if n else np.zeros(0, np.int32),
            "p_start": np.frombuffer(p_start, np.int32) if n else np.zeros(0, np.int32),
            "p_end": np.frombuffer(p_end, np.int32) if n else np.zeros(0, np.int32),
            "p_kind": kinds,
            "p_len": lens.astype(np.int32),
            "file_first": np.frombuffer(file_first, np.int32),
            "ent_off": ent_off,
            "ent_pid": ent_pid,
            "ent_imp": ent_imp,
            "typ_off": typ_off,
            "typ_pid": typ_pid,
            "typ_imp": typ_imp,
            "ev_pid": event_rows[:, 0].copy(),
            "ev_begin": event_rows[:, 1].copy(),
            "ev_end": event_rows[:, 2].copy(),
            "ev_astart": event_rows[:, 3].copy(),
            "ev_aend": event_rows[:, 4].copy(),
        },
    )


def _pid_of(pstarts: dict[str, tuple[list[int], int]], file: str, offset: int) -> int | None:
    entry = pstarts.get(file)
    if entry is None or not entry[0]:
        return None
    starts, first = entry
    k = bisect.bisect_right(starts, offset) - 1
    return first + max(k, 0)


def _pseudo(
    groups: list[list[int]], lens: np.ndarray, weights: np.ndarray, avgdl: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Postings for entity or type "terms": passage ids with the mention count as frequency."""
    offs = np.zeros(len(groups) + 1, dtype=np.int64)
    pids, imps = [], []
    for k, group in enumerate(groups):
        uniq, counts = np.unique(np.array(group, dtype=np.int32), return_counts=True)
        pids.append(uniq)
        imps.append(impact(counts.astype(np.float32), lens[uniq], weights[uniq], avgdl))
        offs[k + 1] = offs[k] + uniq.shape[0]
    pid = np.concatenate(pids).astype(np.int32) if pids else np.zeros(0, np.int32)
    imp = np.concatenate(imps).astype(np.float32) if imps else np.zeros(0, np.float32)
    return offs, pid, imp
