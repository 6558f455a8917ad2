"""Evaluate a parsed query over the index: dense passage masks and BM25 scores with numpy.

Every node yields a boolean mask over all passages (does it match?) and a float score
(BM25 summed over the node's terms). AND intersects masks and adds scores, OR unites them and
adds scores, NOT removes passages and adds nothing; filters (source, kind, date) select without
scoring. A mask of every passage in a 10,000-document corpus is a few hundred kilobytes, so
each operation costs well under a millisecond whatever the words' frequencies. An unquoted word
unites the postings of its forms (the index's stem table) and of its Latin spellings when typed
in Cyrillic; a quoted one is the exact word.

While evaluating, the evaluator records what each positive leaf resolved to (`Matcher`s), which
the highlighter uses to find the exact spans in the few passages that are shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from store.models import Entity
from store.search.index import KIND_WEIGHTS, Index, impact, term_histogram
from store.search.query import And, Field, Node, Not, Or, Phrase, Term
from store.search.sources import sources_matching
from store.search.stems import stem
from store.text.fold import TOKEN, fold, script_forms

MAX_FUZZY_TERMS = 64
# Another form of the word (`attack` finding "attacked") counts this much of the word as typed,
# so at equal frequency and length the exact form ranks first.
STEM_WEIGHT = 0.8


@dataclass
class Matcher:
    """What one positive leaf matches, for highlighting: words, a phrase, mentions or dates."""

    kind: str  # words, phrase, entities, type, date
    tests: list[Callable[[str], bool]] = field(default_factory=list)
    prefer: Callable[[str], bool] | None = None  # words: the form as typed, highlighted first
    entity_ids: frozenset[str] = frozenset()
    type: str = ""
    begin: int = 0
    finish: int = 0


class EntityNames:
    """Every entity's names folded once per store: (entity, [name as space-joined words])."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = [
            (e, [" ".join(TOKEN.findall(fold(n))) for n in (e.name, *e.aliases)]) for e in entities
        ]
        self.types = {e.id: e.type for e in entities}
        self.forms = {e.id: forms for e, forms in self.entities}
        self.exact: dict[str, list[Entity]] = {}
        for ent, forms in self.entities:
            for form in dict.fromkeys(forms):
                self.exact.setdefault(form, []).append(ent)


def edit_budget(term: str) -> int:
    """Edits `word~` allows: one for short words, two from six letters on."""
    return 1 if len(term) <= 5 else 2


def osa_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with adjacent transpositions, giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Evaluator:
    """One query's evaluation against one index; keeps the matchers for highlighting."""

    def __init__(self, index: Index, names: EntityNames) -> None:
        self.index = index
        self.names = names
        self.n = index.n_passages
        self.matchers: list[Matcher] = []
        self.avgdl, self.pos0 = index.passage_stats()

    # -- helpers ------------------------------------------------------------------------------
    def idf(self, df: int) -> float:
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))

    def empty(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(self.n, dtype=bool), np.zeros(self.n, dtype=np.float32)

    def term_ids(self, term: Term) -> tuple[list[int], Callable[[str], bool]]:
        """Vocabulary ids a term stands for, and a test for one token form. A Cyrillic word
        stands for each of its Latin spellings (`script_forms`)."""
        words = script_forms(term.raw)
        if term.mode == "prefix":
            spans = [self.index.prefix_ids(w) for w in words]
            ids = list(spans[0]) if len(spans) == 1 else sorted(set().union(*spans))
            return ids, lambda t, w=words: t.startswith(w)
        if term.mode == "fuzzy":
            found = sorted({i for w in words for i in self.fuzzy(w)})
            names = {self.index.terms[i] for i in found}
            return found, names.__contains__
        exact, others = self.word_forms(words, term.mode == "stem")
        ids = sorted(exact + others)
        if not others:
            return ids, words.__contains__
        return ids, {self.index.terms[i] for i in ids}.__contains__

    def word_forms(self, words: tuple[str, ...], stemmed: bool) -> tuple[list[int], list[int]]:
        """Ids of the words as spelled, and (when `stemmed`) of their other forms: the
        vocabulary's words with the same Snowball stem."""
        exact = sorted({t for w in words if (t := self.index.term_id(w)) is not None})
        if not stemmed:
            return exact, []
        others = {t for w in words for t in self.index.stem_ids(stem(w))}
        return exact, sorted(others.difference(exact))

    def stemmed(self, term: Term, positive: bool) -> tuple[np.ndarray, np.ndarray]:
        """A word and its other forms as one term, scored with the typed word's IDF (the forms'
        together when it does not occur): a passage scores its best form, another form weighted
        by STEM_WEIGHT. Taking the best form rather than the sum keeps a token indexed under
        several forms ("Kazakhstan’s": also "kazakhstan") from counting twice; a word without
        other forms scores exactly as the exact word."""
        words = script_forms(term.raw)
        exact, others = self.word_forms(words, stemmed=True)
        if positive:
            names = {self.index.terms[i] for i in (*exact, *others)}
            test = names.__contains__ if others else words.__contains__
            self.matchers.append(Matcher("words", [test], prefer=words.__contains__))
        if len(exact) + len(others) <= 1:  # one spelling, no other form: a plain word
            return self.postings("post", [*exact, *others])
        # Impacts are positive (a posting has tf >= 1, every kind weight is > 0), so the passages
        # matched are those with a score; `maximum.at` keeps each passage's best form in one pass.
        score = np.zeros(self.n, dtype=np.float32)
        off, pid, imp = self.index.post_off, self.index.post_pid, self.index.post_imp
        df = self.index.df(exact[0]) if len(exact) == 1 else 0
        for n, k in enumerate((*exact, *others)):
            if n == len(exact) and len(exact) > 1:
                df = int(np.count_nonzero(score))  # the typed word's passages, either spelling
            weight = np.float32(1.0 if n < len(exact) or not exact else STEM_WEIGHT)
            a, b = int(off[k]), int(off[k + 1])
            np.maximum.at(score, pid[a:b], weight * imp[a:b])
        if not exact or (len(exact) > 1 and not others):
            df = int(np.count_nonzero(score))
        mask = score > 0
        score *= np.float32(self.idf(df))
        return mask, score

    def fuzzy(self, word: str) -> list[int]:
        """Vocabulary terms within the edit budget: length and letter-count filters, then OSA."""
        if not self.index.terms:
            return []
        k = edit_budget(word)
        order, lengths, hist = self.index.fuzzy_tables()
        lo = int(np.searchsorted(lengths, len(word) - k, side="left"))
        hi = int(np.searchsorted(lengths, len(word) + k, side="right"))
        diff = np.abs(hist[lo:hi] - term_histogram(word)).sum(axis=1)
        cand = order[lo:hi][diff <= 2 * k]
        scored = []
        for tid in cand.tolist():
            d = osa_distance(word, self.index.terms[tid], k)
            if d <= k:
                scored.append((d, -self.index.df(tid), tid))
        scored.sort()
        return sorted(t for _, _, t in scored[:MAX_FUZZY_TERMS])

    # -- nodes --------------------------------------------------------------------------------
    def evaluate(self, node: Node, positive: bool = True) -> tuple[np.ndarray, np.ndarray]:
        if isinstance(node, Term):
            if node.mode == "stem":
                return self.stemmed(node, positive)
            ids, test = self.term_ids(node)
            if positive:
                self.matchers.append(Matcher("words", [test]))
            return self.postings("post", ids)
        if isinstance(node, Phrase):
            return self.phrase(node, positive)
        if isinstance(node, Field):
            return self.field(node, positive)
        if isinstance(node, Not):
            mask, _ = self.evaluate(node.child, not positive)
            return ~mask, np.zeros(self.n, dtype=np.float32)
        if isinstance(node, And):
            return self.conjunction(node, positive)
        if isinstance(node, Or):
            mask, score = self.empty()
            for child in node.children:
                m, s = self.evaluate(child, positive)
                mask |= m
                score += np.where(m, s, np.float32(0))
            return mask, score
        raise TypeError(f"unknown query node {node!r}")

    def conjunction(self, node: And, positive: bool) -> tuple[np.ndarray, np.ndarray]:
        mask = np.ones(self.n, dtype=bool)
        score = np.zeros(self.n, dtype=np.float32)
        for child in node.children:
            m, s = self.evaluate(child, positive)
            mask &= m
            score += s
        return mask, score

    def phrase(self, node: Phrase, positive: bool) -> tuple[np.ndarray, np.ndarray]:
        """Consecutive positions: start from the rarest word, check the others by bisection."""
        lists, tests = [], []
        for term in node.terms:
            ids, test = self.term_ids(term)
            tests.append(test)
            if len(ids) == 1:
                lists.append(self.index.positions(ids[0]))
            else:
                parts = [self.index.positions(t) for t in ids]
                lists.append(np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.int32))
        if positive:
            self.matchers.append(Matcher("phrase", tests))
        if any(p.shape[0] == 0 for p in lists):
            return self.empty()
        rare = min(range(len(lists)), key=lambda k: lists[k].shape[0])
        starts = lists[rare].astype(np.int64) - rare
        for k, plist in enumerate(lists):
            if k == rare or starts.shape[0] == 0:
                continue
            want = starts + k
            at = np.searchsorted(plist, want)
            ok = at < plist.shape[0]
            ok[ok] = plist[at[ok]] == want[ok]
            starts = starts[ok]
        pids = np.searchsorted(self.pos0, starts, side="right") - 1
        return self.counted(pids)

    def counted(self, pids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mask and BM25 score from a list of passage ids, one entry per occurrence."""
        mask, score = self.empty()
        if pids.shape[0] == 0:
            return mask, score
        uniq, tf = np.unique(pids, return_counts=True)
        weight = KIND_WEIGHTS[self.index.p_kind[uniq]]
        tf_factor = impact(tf.astype(np.float32), self.index.p_len[uniq], weight, self.avgdl)
        score[uniq] = np.float32(self.idf(uniq.shape[0])) * tf_factor
        mask[uniq] = True
        return mask, score

    def postings(self, prefix: str, ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Mask and BM25 score of the union of postings lists: words ("post"), entities ("ent")
        or entity types ("typ"), which the index lays out alike."""
        off, pid, imp = (getattr(self.index, f"{prefix}_{x}") for x in ("off", "pid", "imp"))
        mask, score = self.empty()
        for k in ids:
            pids, imps = pid[int(off[k]) : int(off[k + 1])], imp[int(off[k]) : int(off[k + 1])]
            score[pids] += np.float32(self.idf(pids.shape[0])) * imps
            mask[pids] = True
        return mask, score

    def files_mask(self, fids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        mask, score = self.empty()
        first = self.index.file_first
        for fid in fids:
            mask[int(first[fid]) : int(first[fid + 1])] = True
        return mask, score

    def field(self, node: Field, positive: bool) -> tuple[np.ndarray, np.ndarray]:
        idx = self.index
        if node.name == "kind":
            return self.files_mask([i for i, k in enumerate(idx.kinds) if k == node.value])
        if node.name == "source":
            return self.files_mask(sources_matching(idx.files, idx.source_fields, node.value))
        if node.name == "date":
            if positive:
                self.matchers.append(Matcher("date", begin=node.begin, finish=node.finish))
            mask, score = self.empty()
            sel = (idx.ev_begin <= node.finish) & (idx.ev_end >= node.begin)
            mask[idx.ev_pid[sel]] = True
            return mask, score
        if node.name == "type":
            if positive:
                self.matchers.append(Matcher("type", type=node.value))
            ids = [i for i, t in enumerate(idx.types) if t == node.value]
            return self.postings("typ", ids)
        return self.entity(node, positive)

    def entity(self, node: Field, positive: bool) -> tuple[np.ndarray, np.ndarray]:
        """Mentions of every entity named so (by name or alias); words only as a fall-back."""
        value = " ".join(TOKEN.findall(node.value))
        chosen = list(self.names.exact.get(value, ()))
        if not chosen and value:
            chosen = [
                ent
                for ent, names in self.names.entities
                if any(f" {value} " in f" {n} " for n in names)
            ]
        numbers = (self.index.entity_number(e.id) for e in chosen)
        ids = [k for k in numbers if k is not None]
        if ids:
            if positive:
                self.matchers.append(
                    Matcher("entities", entity_ids=frozenset(e.id for e in chosen))
                )
            return self.postings("ent", ids)
        # No stored mentions: the entity's names (or the value itself) as phrases.
        names = {value}
        for ent in chosen:
            names.update(self.names.forms[ent.id])
        mask, score = self.empty()
        for name in sorted(n for n in names if n):
            terms = tuple(Term(w, "exact", node.start, node.end) for w in name.split(" "))
            sub = terms[0] if len(terms) == 1 else Phrase(terms, node.start, node.end)
            m, s = self.evaluate(sub, positive)
            mask |= m
            score += s
        return mask, score
