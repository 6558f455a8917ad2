"""Building the index: each document tokenised on its own, then one corpus-wide layout.

`document_terms` is the per-document half (pure, run in workers, cached by content hash);
`index_from_terms` maps every document's terms to one vocabulary and lays out the postings,
the entity, type and date pseudo-terms as the flat arrays `Index` serves, with the stem table
(word forms) and each source's words for `source:`.
"""

from __future__ import annotations

import bisect
from array import array
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from store.models import Document, Entity, Event, Mention, Source
from store.search.index import KIND_CODES, KIND_WEIGHTS, Index, Vocab, average_length, impact
from store.search.sources import source_fields
from store.search.stems import stem_table
from store.text.fold import TOKEN, fold, fold_text, index_forms


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
    are the other forms of a token ("putin's" also as "putin", "Тоқаев" also as "tokaev"):
    term index, token position in the document's stream (one empty slot after each passage),
    passage number. Pure in the document, so it can be computed in a worker and cached.
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
            forms = [index_forms(t) for t in toks]
            toks = [f[0] for f in forms]
            for k, others in enumerate(forms):
                for variant in others[1:]:
                    extra.append((lookup(variant), pos + k, number))
        elif "'" in chunk:  # an ASCII token is its own first form: only apostrophes add more
            for k, tok in enumerate(toks):
                if "'" in tok:
                    for variant in index_forms(tok)[1:]:
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
    # Pass 1: one vocabulary; the passage table; how many tokens and postings each term has.
    vocab = Vocab()
    lookup = vocab.__getitem__
    local_to_global: list[np.ndarray] = []
    p_file, p_index, p_start, p_end, p_kind, p_len = (array("i") for _ in range(6))
    file_first = array("i")
    pstarts: dict[str, tuple[list[int], int]] = {}
    token_counts = np.zeros(0, dtype=np.int64)
    posting_counts = np.zeros(0, dtype=np.int64)
    pid = 0
    for fid, (file, dt) in enumerate(zip(files, doc_terms, strict=True)):
        file_first.append(pid)
        global_ids = np.fromiter(map(lookup, dt.terms), dtype=np.int64, count=len(dt.terms))
        local_to_global.append(global_ids)
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
            pid += 1
        if len(vocab) > token_counts.shape[0]:
            grow = max(len(vocab), 2 * token_counts.shape[0]) - token_counts.shape[0]
            token_counts = np.concatenate([token_counts, np.zeros(grow, dtype=np.int64)])
            posting_counts = np.concatenate([posting_counts, np.zeros(grow, dtype=np.int64)])
        tid, _, tpid = _doc_tokens(dt, global_ids, 0, 0)
        if tid.shape[0]:
            np.add.at(token_counts, tid, 1)
            srt = np.lexsort((tpid, tid))
            tid, tpid = tid[srt], tpid[srt]
            np.add.at(posting_counts, tid[_posting_starts(tid, tpid)], 1)
    file_first.append(pid)
    n = pid
    v = len(vocab)
    token_counts, posting_counts = token_counts[:v], posting_counts[:v]

    # Terms in sorted order: a term's id is its rank, so prefix expansion is a bisect.
    terms = list(vocab)
    order = np.array(sorted(range(v), key=terms.__getitem__), dtype=np.int64)
    rank = np.empty(v, dtype=np.int64)
    rank[order] = np.arange(v, dtype=np.int64)
    terms = [terms[i] for i in order.tolist()]
    pos_off = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(token_counts[order], out=pos_off[1:])
    post_off = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(posting_counts[order], out=post_off[1:])

    # Pass 2: each document's tokens and postings written into their terms' slices, in corpus
    # order, so every term's positions (and passages) come out increasing without a global sort.
    tpos_all = np.empty(int(pos_off[-1]), dtype=np.int32)
    post_pid = np.empty(int(post_off[-1]), dtype=np.int32)
    tf = np.empty(int(post_off[-1]), dtype=np.float32)
    pos_cursor = pos_off[:-1].copy()
    post_cursor = post_off[:-1].copy()
    pid = 0
    pos = 0
    for dt, global_ids in zip(doc_terms, local_to_global, strict=True):
        tid, tpos, tpid = _doc_tokens(dt, global_ids, pos, pid)
        if tid.shape[0]:
            tid = rank[tid]
            srt = np.argsort((tid << 32) | tpos, kind="stable")
            tid, tpos, tpid = tid[srt], tpos[srt], tpid[srt]
            _scatter(tid, tpos, pos_cursor, tpos_all)
            first = _posting_starts(tid, tpid)
            counts = np.diff(np.append(first, tid.shape[0]))
            _scatter(tid[first], tpid[first], post_cursor, post_pid, tf, counts)
        pid += len(dt.lengths)
        pos += sum(dt.lengths) + len(dt.lengths)
    tpos = tpos_all

    lens = np.frombuffer(p_len, dtype=np.int32) if n else np.zeros(0, np.int32)
    kinds = np.frombuffer(p_kind, dtype=np.int32).astype(np.uint8) if n else np.zeros(0, np.uint8)
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
    stems, stem_off, stem_tid = stem_table(terms)
    return Index(
        fingerprint=fingerprint,
        terms=terms,
        files=files,
        source_lines="\n".join("\t".join(source_fields(f, by_file.get(f))) for f in files),
        kinds=[fold(by_file[f].kind) if f in by_file else "unknown" for f in files],
        entity_ids=entity_ids,
        types=types,
        stems=stems,
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
            "stem_off": np.array(stem_off, dtype=np.int64),
            "stem_tid": np.array(stem_tid, dtype=np.int32),
        },
    )


def _doc_tokens(
    dt: DocTerms, global_ids: np.ndarray, pos: int, pid: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A document's tokens as (global term id, position, passage id) arrays, the apostrophe
    variants after the main stream; `pos` and `pid` are where the document begins."""
    lens = np.asarray(dt.lengths, dtype=np.int64)
    local_pid = np.repeat(np.arange(lens.shape[0], dtype=np.int64), lens)
    main_pos = np.arange(local_pid.shape[0], dtype=np.int64) + local_pid  # a gap per passage
    tid = global_ids[dt.ids] if dt.ids.shape[0] else np.zeros(0, np.int64)
    if dt.extra:
        extra = np.asarray(dt.extra, dtype=np.int64).reshape(-1, 3)
        tid = np.concatenate([tid, global_ids[extra[:, 0]]])
        main_pos = np.concatenate([main_pos, extra[:, 1]])
        local_pid = np.concatenate([local_pid, extra[:, 2]])
    return tid, main_pos + pos, local_pid + pid


def _posting_starts(tid: np.ndarray, tpid: np.ndarray) -> np.ndarray:
    """Indices where a new (term, passage) pair begins, in arrays sorted by term and then by
    passage (by position, which orders passages too)."""
    change = np.ones(tid.shape[0], dtype=bool)
    if tid.shape[0] > 1:
        change[1:] = (tid[1:] != tid[:-1]) | (tpid[1:] != tpid[:-1])
    return np.flatnonzero(change)


def _scatter(
    tid: np.ndarray,
    values: np.ndarray,
    cursor: np.ndarray,
    into: np.ndarray,
    second: np.ndarray | None = None,
    second_values: np.ndarray | None = None,
) -> None:
    """Write `values` (grouped by `tid`, ascending) at each term's cursor and advance it."""
    starts = np.flatnonzero(np.append(True, tid[1:] != tid[:-1]))
    run = np.diff(np.append(starts, tid.shape[0]))
    within = np.arange(tid.shape[0], dtype=np.int64) - np.repeat(starts, run)
    dest = cursor[tid] + within
    into[dest] = values
    if second is not None and second_values is not None:
        second[dest] = second_values
    cursor[tid[starts]] += run


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
