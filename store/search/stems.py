"""Word forms: the Snowball English stemmer, and the index's table from a stem to its words.

`attack` finds "attack", "attacks", "attacked" and "attacking" because the index keeps, for every
stem that more than one word of the vocabulary shares (or that differs from its one word), the
vocabulary ids of those words. A query word is stemmed once and its forms are looked up there;
nothing is stemmed per passage, and the postings and positions stay those of the exact words,
so `"attack"` (quoted) is still the exact word and phrases keep their positions.

PyStemmer (the Snowball project's C stemmers, as SQLite FTS5, Lucene and Tantivy use) stems the
vocabulary at build time at about a microsecond a word. Its stemmer objects are not thread-safe,
so each thread has its own.
"""

from __future__ import annotations

import threading

import Stemmer

_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    stemmer: Stemmer.Stemmer | None = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


def stem(word: str) -> str:
    """The Snowball English stem of one folded word ("attacked" -> "attack")."""
    result: str = _stemmer().stemWord(word)
    return result


def stem_table(terms: list[str]) -> tuple[list[str], list[int], list[int]]:
    """Stems in sorted order, offsets into the term ids, and the ids grouped by stem.

    A stem that is its only word's own spelling is left out (the word is found by itself), which
    keeps the table to the stems that join forms: a small part of the vocabulary.
    """
    stems: list[str] = _stemmer().stemWords(terms)
    groups: dict[str, list[int]] = {}
    for tid, s in enumerate(stems):
        groups.setdefault(s, []).append(tid)
    keys = sorted(s for s, ids in groups.items() if len(ids) > 1 or terms[ids[0]] != s)
    offsets = [0]
    ids: list[int] = []
    for s in keys:
        ids.extend(groups[s])
        offsets.append(len(ids))
    return keys, offsets, ids
