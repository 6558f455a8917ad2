"""The search index: passage postings with BM25 impacts, token positions, filters; one sidecar file.

Layout (measurements in docs/search.md): the vocabulary is sorted, so exact lookups and `pref*`
expansion are a bisect; each term owns a slice of three flat arrays — passage ids, their BM25
term-frequency factor ("impact", IDF applied at query time), and global token positions for
phrases. Passages are numbered across the corpus (ids of one file are contiguous) and each passage
leaves one empty position after it, so a phrase can never run from one passage into the next.
Entity mentions and entity types are indexed the same way from the stored mentions, and events as
(passage, first day, last day) rows for `date:`. Word forms are a table from a Snowball stem to
the vocabulary ids of its words (store/search/stems.py); per source, the folded words of its
title, publisher, file name and web address serve `source:`.

Building it is store/search/indexing.py; persistence (the `<store>.index` sidecar) is
store/search/sidecar.py.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from store.models import (
    BODY,
    BOILERPLATE,
    FOOTNOTE,
    HEADING,
)

K1, B = 1.2, 0.75
# Passage kinds: body and headings rank normally; footnotes and page furniture stay findable
# but sink below real text.
KIND_CODES = {BODY: 0, HEADING: 1, FOOTNOTE: 2, BOILERPLATE: 3}
KIND_WEIGHTS = np.array([1.0, 1.0, 0.5, 0.2], dtype=np.float32)

ARRAYS = (
    "post_off", "post_pid", "post_imp", "pos_off", "pos",
    "p_file", "p_index", "p_start", "p_end", "p_kind", "p_len", "file_first",
    "ent_off", "ent_pid", "ent_imp", "typ_off", "typ_pid", "typ_imp",
    "ev_pid", "ev_begin", "ev_end", "ev_astart", "ev_aend", "stem_off", "stem_tid",
)  # fmt: skip


class Vocab(dict[str, int]):
    """Term -> id, allocating ids on first sight (so `map(vocab.__getitem__, ...)` runs in C)."""

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        return value


@dataclass
class Index:
    """Everything search needs besides the document texts, as flat arrays."""

    fingerprint: str
    terms: list[str]
    files: list[str]
    # Per file, a line of tab-separated fields: the words of its name, title, publisher and URL
    # host (store/search/sources.py). Kept as text and split on the first `source:` query, so
    # opening the index never parses what few queries ask for.
    source_lines: str
    kinds: list[str]
    entity_ids: list[str]
    types: list[str]
    stems: list[str]  # sorted; the stem_off/stem_tid rows that join a stem's words
    arrays: dict[str, np.ndarray]
    _keep: Any = None  # the mmap the arrays view
    _fuzzy: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    def __getattr__(self, name: str) -> np.ndarray:
        try:
            array: np.ndarray = self.__dict__["arrays"][name]
            return array
        except KeyError:
            raise AttributeError(name) from None

    def passage_stats(self) -> tuple[float, np.ndarray]:
        """Average passage length (BM25) and each passage's first position (phrases), once."""
        cached = self.__dict__.get("_stats")
        if cached is None:
            lens = self.arrays["p_len"]
            avgdl = average_length(lens)
            pos0 = np.concatenate([[0], np.cumsum(lens.astype(np.int64) + 1)[:-1]])
            cached = self.__dict__["_stats"] = (avgdl, pos0)
        return cached

    @property
    def n_passages(self) -> int:
        return int(self.arrays["p_file"].shape[0])

    def term_id(self, term: str) -> int | None:
        return _find(self.terms, term)

    def entity_number(self, entity_id: str) -> int | None:
        """The entity's row in the ent_* postings (entity_ids is sorted), None without mentions."""
        return _find(self.entity_ids, entity_id)

    @property
    def source_fields(self) -> list[list[str]]:
        """Each file's `source:` fields, split once."""
        cached: list[list[str]] | None = self.__dict__.get("_source_fields")
        if cached is None:
            lines = self.source_lines.split("\n") if self.files else []
            cached = self.__dict__["_source_fields"] = [
                line.split("\t") if line else [] for line in lines
            ]
        return cached

    def stem_ids(self, stem: str) -> list[int]:
        """Vocabulary ids of the words whose stem is `stem` (none when no word but the stem
        itself has it: the caller looks the word up as it is)."""
        k = _find(self.stems, stem)
        if k is None:
            return []
        off = self.arrays["stem_off"]
        ids: list[int] = self.arrays["stem_tid"][int(off[k]) : int(off[k + 1])].tolist()
        return ids

    def prefix_ids(self, prefix: str) -> range:
        lo = bisect.bisect_left(self.terms, prefix)
        hi = bisect.bisect_left(self.terms, prefix + "\U0010ffff")
        return range(lo, hi)

    def df(self, tid: int) -> int:
        off = self.arrays["post_off"]
        return int(off[tid + 1] - off[tid])

    def postings(self, tid: int) -> tuple[np.ndarray, np.ndarray]:
        off = self.arrays["post_off"]
        a, b = int(off[tid]), int(off[tid + 1])
        return self.arrays["post_pid"][a:b], self.arrays["post_imp"][a:b]

    def positions(self, tid: int) -> np.ndarray:
        off = self.arrays["pos_off"]
        return self.arrays["pos"][int(off[tid]) : int(off[tid + 1])]

    def fuzzy_tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Term ids ordered by length, their lengths and letter histograms (first `word~` query).

        Ordered by length so the terms of about the query's length are one slice, not a copy.
        """
        if self._fuzzy is None:
            codes = np.array(self.terms, dtype=str)
            width = max(codes.dtype.itemsize // 4, 1)
            mat = (
                codes.view(np.uint32).reshape(len(self.terms), width)
                if len(self.terms)
                else (np.zeros((0, 1), np.uint32))
            )
            lengths = (mat != 0).sum(axis=1).astype(np.int16)
            order = np.argsort(lengths, kind="stable")
            self._fuzzy = (order, lengths[order], _histograms(mat)[order])
        return self._fuzzy


def _find(ordered: list[str], key: str) -> int | None:
    i = bisect.bisect_left(ordered, key)
    return i if i < len(ordered) and ordered[i] == key else None


BUCKETS = 29  # a-z, digits, anything else, padding


def _buckets(codes: np.ndarray) -> np.ndarray:
    out = np.full(codes.shape, 27, dtype=np.int64)
    letters = (codes >= 97) & (codes <= 122)
    out[letters] = codes[letters] - 97
    out[(codes >= 48) & (codes <= 57)] = 26
    out[codes == 0] = 28
    return out


def _histograms(mat: np.ndarray) -> np.ndarray:
    rows = np.repeat(np.arange(mat.shape[0], dtype=np.int64), mat.shape[1])
    keys = rows * BUCKETS + _buckets(mat.ravel())
    hist = np.bincount(keys, minlength=mat.shape[0] * BUCKETS).reshape(mat.shape[0], BUCKETS)
    return hist[:, :28].astype(np.int16)


def term_histogram(term: str) -> np.ndarray:
    codes = np.array([ord(c) for c in term], dtype=np.uint32)
    return np.bincount(_buckets(codes), minlength=BUCKETS)[:28].astype(np.int16)


# -- building ------------------------------------------------------------------------------------
def average_length(lens: np.ndarray) -> float:
    """BM25's average passage length in tokens (1 for an empty corpus, so nothing divides by 0)."""
    return float(lens.mean()) if lens.shape[0] and lens.sum() else 1.0


def impact(tf: np.ndarray, dl: np.ndarray, weight: np.ndarray, avgdl: float) -> np.ndarray:
    """BM25's term-frequency factor times the passage-kind weight; IDF is applied per query.

    Stored per posting at build time, and computed the same way at query time for phrases."""
    norm = K1 * (1.0 - B + B * dl.astype(np.float32) / np.float32(avgdl))
    scores: np.ndarray = (weight * tf * (K1 + 1.0) / (tf + norm)).astype(np.float32)
    return scores
