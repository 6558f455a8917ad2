"""Search: the entry points the build, the CLI and the app call.

* `write_index(...)` is called by the build before the store is written; it builds the index and
  writes the sidecar `<store>.index` atomically.
* `load_index(store)` maps the sidecar once per Store (the app calls it in a worker so the first
  frame never waits); a missing sidecar, or one whose fingerprint is not the store's, is rebuilt
  from the store's passages and written back.
* `search(store, query, limit=20)` parses the query (store.search_query), evaluates it
  (store.search_eval), takes the best `limit` passages, groups them by source (sources ordered by
  their best hit) and gives each a snippet and exact highlight offsets into the original file.

Ranking is BM25 (k1=1.2, b=0.75) over passages; headings and body count fully, footnotes half,
boilerplate a fifth, so page furniture is still found but sinks below the text.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from store.errors import StoreError
from store.models import Document, Entity, Event, Hit, Mention, Source
from store.search.evaluate import EntityNames, Evaluator
from store.search.highlight import highlights_for, make_snippet
from store.search.index import Index
from store.search.query import parse
from store.search.sidecar import (
    IndexUnusable,
    documents_from,
    index_path,
    load_index_file,
    write_index_file,
)
from store.storage.db import Store

if TYPE_CHECKING:
    from store.search.indexing import DocTerms

__all__ = ["SearchResults", "load_index", "search", "write_index"]


@dataclass(frozen=True)
class _Context:
    """Per-store tables search consults on every query, computed once."""

    index: Index
    names: EntityNames


@dataclass(frozen=True)
class SearchResults:
    """Hits in display order (grouped by source), the number of matching passages, timing."""

    query: str
    total: int
    hits: list[Hit]
    snippet_at: tuple[tuple[int, int, int], ...] = ()  # (file offset, lead length, body length)
    elapsed_ms: float = 0.0
    titles: dict[str, str] = field(default_factory=dict)

    def groups(self) -> list[tuple[str, list[Hit]]]:
        """(file, hits) in display order: sources by their best hit, hits by score."""
        out: list[tuple[str, list[Hit]]] = []
        for hit in self.hits:
            if out and out[-1][0] == hit.file:
                out[-1][1].append(hit)
            else:
                out.append((hit.file, [hit]))
        return out

    def snippet_highlights(self, i: int) -> list[tuple[int, int]]:
        """Highlights of hit `i` as offsets into its `snippet` string (for display)."""
        hit = self.hits[i]
        base, lead, body = self.snippet_at[i]
        out = []
        for s, e in hit.highlights:
            a, b = max(s - base, 0), min(e - base, body)
            if a < b:
                out.append((a + lead, b + lead))
        return out

    def to_json(self) -> dict[str, Any]:
        """The shape `dossier search --json` prints."""
        return {
            "query": self.query,
            "total": self.total,
            "results": [
                {
                    "file": h.file,
                    "passage": h.passage,
                    "start": h.start,
                    "end": h.end,
                    "score": h.score,
                    "snippet": h.snippet,
                    "highlights": [list(span) for span in h.highlights],
                }
                for h in self.hits
            ],
        }


def write_index(
    store_path: Path,
    documents: list[Document],
    sources: list[Source],
    entities: list[Entity],
    mentions: list[Mention],
    events: list[Event],
    fingerprint: str,
) -> None:
    """Build the index for a store about to be written and put it beside it, atomically."""
    from store.search.indexing import build_index  # building only: search never needs it

    index = build_index(documents, sources, entities, mentions, events, fingerprint)
    write_index_file(index_path(Path(store_path)), index)


def write_index_for(
    store_path: Path,
    files: list[str],
    doc_terms: list[DocTerms],
    sources: list[Source],
    entities: list[Entity],
    mentions: list[Mention],
    events: list[Event],
    fingerprint: str,
) -> None:
    """`write_index` from each document's already tokenised terms (the build's cached parts)."""
    from store.search.indexing import index_from_terms

    index = index_from_terms(files, doc_terms, sources, entities, mentions, events, fingerprint)
    write_index_file(index_path(Path(store_path)), index)


def load_index(store: Store) -> Index:
    """The store's index, mapped once per store; rebuilt when missing or mismatched."""
    return store.derived("search.index", lambda: _open_index(store))


def _open_index(store: Store) -> Index:
    fingerprint = str(store.meta().get("fingerprint", ""))
    path = index_path(store.path)
    try:
        index = load_index_file(path)
        if index.fingerprint != fingerprint:
            raise IndexUnusable("the index belongs to another build of the store")
    except IndexUnusable:
        index = _rebuild(store, fingerprint)
        # A read-only store directory: keep the rebuilt index in memory for this session.
        with contextlib.suppress(StoreError):
            write_index_file(path, index)
    return index


def _rebuild(store: Store, fingerprint: str) -> Index:
    sources = store.sources()
    docs = documents_from((s.file, store.text(s.file), store.passages(s.file)) for s in sources)
    from store.search.indexing import build_index

    return build_index(
        docs, sources, store.entities(), store.mentions(), store.events(), fingerprint
    )


def search(store: Store, query: str, limit: int | None = 20) -> SearchResults:
    """Passages matching `query`, best first and grouped by source; raises QueryError."""
    began = time.perf_counter()
    tree = parse(query)
    context = _context(store)
    index = context.index
    if tree is None or index.n_passages == 0:
        return SearchResults(query, 0, [], elapsed_ms=(time.perf_counter() - began) * 1000)
    evaluator = Evaluator(index, context.names)
    mask, score = evaluator.evaluate(tree)
    matched = np.flatnonzero(mask)
    total = int(matched.shape[0])
    chosen = _top(matched, score[matched], total if limit is None else max(limit, 0))
    hits, places = [], []
    titles: dict[str, str] = {}
    for pid in _grouped(chosen, score, index):
        file = index.files[int(index.p_file[pid])]
        text = store.text(file)
        s, e = int(index.p_start[pid]), int(index.p_end[pid])
        spans = highlights_for(
            store, index, context.names, evaluator.matchers, file, pid, text, s, e
        )
        snippet, place = make_snippet(text, s, e, spans)
        hits.append(
            Hit(
                file,
                int(index.p_index[pid]),
                s,
                e,
                round(float(score[pid]), 4),
                snippet,
                tuple(spans),
            )
        )
        places.append(place)
        if file not in titles:
            source = store.source(file)
            titles[file] = source.title if source is not None else file
    elapsed = (time.perf_counter() - began) * 1000
    return SearchResults(query, total, hits, tuple(places), elapsed, titles)


def _context(store: Store) -> _Context:
    return store.derived(
        "search.context", lambda: _Context(load_index(store), EntityNames(store.entities()))
    )


def _top(pids: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """The k best passages, ties broken by corpus order so results never flicker."""
    if k <= 0 or pids.shape[0] == 0:
        return pids[:0]
    if pids.shape[0] > k:
        part = np.argpartition(-scores, k - 1)[:k]
        kth = scores[part].min()
        above = np.flatnonzero(scores > kth)
        ties = np.flatnonzero(scores == kth)[: k - above.shape[0]]
        keep = np.concatenate([above, ties])
        pids, scores = pids[keep], scores[keep]
    order = np.lexsort((pids, -scores))
    return pids[order]


def _grouped(chosen: np.ndarray, score: np.ndarray, index: Index) -> list[int]:
    """Best-first passages regrouped by file, files in the order of their best passage."""
    groups: dict[int, list[int]] = {}
    for pid in chosen.tolist():
        groups.setdefault(int(index.p_file[pid]), []).append(pid)
    return [pid for members in groups.values() for pid in members]
