"""Coreference: which names of a document, and of the corpus, are one entity.

Inside a document: a surname joins the one person named in full ("Raslan" -> "Anwar
Raslan"; two people with that surname: it stays apart and says so), a short name the one
longer name it ends ("General Assembly" -> "United Nations General Assembly", "Mac
Stíofáin" -> "Seán Mac Stíofáin") or that adds only a place word ("Basilan" -> "Basilan
Island"), an acronym the one name whose initials spell it, wherever the two stand ("SIFC"
... "Special Investment Facilitation Council"). Across the corpus: names equal once folded
(case, accents and transliteration through anyascii, apostrophes, hyphens, a leading al-:
"Erdoğan"/"Erdogan", "al-Assad"/"Assad"), spelling variants whose words differ in one word
by a Jaro-Winkler similarity of 0.88 or more (jellyfish: "Ismail Haniya"/"Ismail Haniyeh",
"Nazarbayev"/"Nazarbaev"), and short names the one longer name in the corpus ends. Two
catalogue or base entities are never merged: the user's file and the bundled knowledge say
what is what. Every merge keeps its evidence, shown with the entity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jellyfish
from anyascii import anyascii

from store.entities.match import is_acronym
from store.lang.en import ORG_CUES, PLACE_CUES

__all__ = ["Candidate", "Merges", "initials", "merge_names", "variant_key"]

_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "&", "de", "del", "la", "le"})
_FOLD = re.compile(r"['’`ʼ‘\-–—.]")
_ARTICLE = re.compile(r"^(?:al|el|the|ad|as|ar|an|at|az)\s+")
SIMILAR = 0.88


@lru_cache(maxsize=1 << 16)
def variant_key(name: str) -> str:
    """'al-Qa’ida' and 'Al Qaida', 'Erdoğan' and 'ERDOGAN' agree."""
    text = _FOLD.sub(" ", anyascii(name).casefold())
    text = " ".join(text.split())
    return _ARTICLE.sub("", text)


@lru_cache(maxsize=1 << 16)
def initials(name: str) -> str:
    """'Autonomous Region in Muslim Mindanao' -> 'ARMM'; 'Africa Continental Free Trade
    Area' -> 'ACFTA' (what 'AfCFTA' spells in capitals)."""
    words = [w for w in re.split(r"[\s\-–—/]+", name) if w]
    return "".join(w[0] for w in words if w.lower() not in _SMALL and w[:1].isupper())


def acronym_letters(acronym: str) -> str:
    return "".join(ch for ch in acronym if ch.isupper())


@dataclass(slots=True)
class Candidate:
    """One entity as coreference sees it."""

    key: str
    name: str
    forms: tuple[str, ...]
    type: str
    fixed: bool  # a catalogue or base entity: never merged into another
    files: frozenset[str]
    weak: bool = False  # the type is only a default guess (a lone acronym, a name's shape)


@dataclass(slots=True)
class Merges:
    """Union-find over entity keys; `evidence[key]` says why others joined it."""

    parent: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    notes: dict[str, str] = field(default_factory=dict)  # key -> why it was left apart

    def find(self, key: str) -> str:
        """The key's root; the path walked is pointed at it (path compression), so long
        chains of merges, as a big corpus makes, are walked once."""
        parent = self.parent
        root = key
        while (up := parent.get(root, root)) != root:
            root = up
        while key != root:
            up = parent[key]
            parent[key] = root
            key = up
        return root

    def join(self, small: Candidate, big: Candidate, why: str, fixed: set[str]) -> bool:
        a, b = self.find(small.key), self.find(big.key)
        if a == b or (a in fixed and b in fixed):
            return False
        if a in fixed:
            a, b = b, a  # the fixed entity keeps its name
        self.parent[a] = b
        self.evidence[b].append(why)
        return True


@lru_cache(maxsize=1 << 16)
def _surnames_of(form: str) -> tuple[str, ...]:
    """The last word of a full name, and for three words the middle one too (Spanish and
    Arabic double names: "Marulanda" of "Manuel Marulanda Vélez")."""
    words = variant_key(form).split()
    if len(words) < 2:
        return ()
    return (words[-1], words[-2]) if len(words) == 3 else (words[-1],)


def _surnames(c: Candidate) -> set[str]:
    return {s for f in c.forms for s in _surnames_of(f)}


def _tails(c: Candidate) -> set[str]:
    out: set[str] = set()
    for form in c.forms:
        out.update(_tails_of(form))
    return out


@lru_cache(maxsize=1 << 16)
def _tails_of(form: str) -> tuple[str, ...]:
    words = variant_key(form).split()
    return tuple(" ".join(words[i:]) for i in range(1, len(words)))


def merge_names(candidates: list[Candidate]) -> Merges:
    """Decide the merges; the caller applies them to its entities and mentions."""
    merges = Merges()
    fixed = {c.key for c in candidates if c.fixed}
    by_file: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        for f in c.files:
            by_file[f].append(c)
    # 1. Names equal once folded, anywhere in the corpus.
    by_variant: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        for form in c.forms:
            by_variant[variant_key(form)].append(c)
    for key, group in by_variant.items():
        if len(key) < 2 or len({g.key for g in group}) < 2:
            continue
        head = next((g for g in group if g.fixed), group[0])
        for g in group:
            if g is not head and g.type in (head.type, "other"):
                merges.join(g, head, f"{g.name} = {head.name} (same name folded)", fixed)
    # 2. Inside each document: surnames, short names, acronyms by initials.
    shapes = {id(c): _Shape.of(c) for c in candidates}
    for group in by_file.values():
        _in_document(group, merges, fixed, shapes)
    # 3. Across the corpus: spelling variants, then unique tails of one longer name.
    _spellings(candidates, merges, fixed)
    _corpus_tails(candidates, merges, fixed)
    return merges


@dataclass(frozen=True, slots=True)
class _Shape:
    """What the per-document look-ups need of a name, worked out once per name (a country's
    many forms are in thousands of documents)."""

    surnames: tuple[str, ...]
    tails: tuple[str, ...]
    initials: tuple[str, ...]
    head: str | None  # the name without its last word, when that word is a place or org cue

    @staticmethod
    def of(c: Candidate) -> _Shape:
        several = any(len(f.split()) >= 2 for f in c.forms)
        words = variant_key(c.name).split()
        return _Shape(
            tuple(_surnames(c)) if c.type == "person" else (),
            tuple(_tails(c)) if several else (),
            tuple(initials(form) for form in c.forms) if several else (),
            " ".join(words[:-1]) if len(words) >= 2 and words[-1] in _HEAD_WORDS else None,
        )


def _in_document(
    group: list[Candidate], merges: Merges, fixed: set[str], shapes: dict[int, _Shape]
) -> None:
    """Indexes of the document's names (surnames, tails, initials, head + place word) first,
    so each short name is one look-up, not a pass over every other name."""
    by_surname: dict[str, list[Candidate]] = defaultdict(list)
    by_tail: dict[str, list[Candidate]] = defaultdict(list)
    by_initials: dict[str, list[Candidate]] = defaultdict(list)
    by_head: dict[str, list[Candidate]] = defaultdict(list)
    for o in group:
        shape = shapes[id(o)]
        for surname in shape.surnames:
            by_surname[surname].append(o)
        for tail in shape.tails:
            by_tail[tail].append(o)
        for letters in shape.initials:
            by_initials[letters].append(o)
        if shape.head is not None:
            by_head[shape.head].append(o)
    for c in group:
        if c.fixed:
            # "Basilan" (the gazetteer's) and "Basilan Island": the longer name joins it.
            _head_and_cue(c, by_head, merges, fixed)
            continue
        if len(c.name.split()) > 3:
            continue
        short = variant_key(c.name)
        owners = [o for o in by_surname.get(short, ()) if o.key != c.key]
        roots = {merges.find(o.key) for o in owners}
        if is_acronym(c.name):
            if len(c.name) >= 5 and c.name.isalpha() and len(roots) == 1:
                # "TOKAYEV": a surname in capitals, not an acronym
                merges.join(c, owners[0], f"{c.name}: surname of {owners[0].name}", fixed)
                continue
            letters = acronym_letters(c.name)
            match = _unique(o for o in by_initials.get(letters, ()) if o.key != c.key)
            if match is not None:
                merges.join(c, match, f"{c.name} = initials of {match.name}", fixed)
            continue
        if len(short.split()) == 1 and (c.type in ("person", "other") or c.weak):
            if not roots and len(short) >= 7:
                owners = _close_surnames(short, by_surname, c.key)  # "Thanabalasingham"
                roots = {merges.find(o.key) for o in owners}
            if len(roots) == 1:
                merges.join(c, owners[0], f"{c.name}: surname of {owners[0].name}", fixed)
                continue
            if len(roots) > 1:
                names = ", ".join(sorted({o.name for o in owners}))
                merges.notes[c.key] = f"surname of several people here ({names}): not merged"
                continue
        match = _unique(
            o
            for o in by_tail.get(short, ())
            if o.key != c.key
            and (o.type == c.type or "other" in (c.type, o.type) or c.weak or o.weak)
        )
        if match is not None and (c.type != "person" or len(short.split()) >= 2):
            # "General Assembly"; for people only a tail of two words ("Mac Stíofáin")
            merges.join(c, match, f"{c.name}: short for {match.name}", fixed)
            continue
        _head_and_cue(c, by_head, merges, fixed)


_HEAD_WORDS = PLACE_CUES | ORG_CUES


def _head_and_cue(
    c: Candidate, by_head: dict[str, list[Candidate]], merges: Merges, fixed: set[str]
) -> None:
    """'Basilan' / 'Basilan Island', 'Amal' / 'Amal Movement': the longer name adds only a
    place or organisation word, and the two agree on the type (or one has none)."""
    for o in by_head.get(variant_key(c.name), ()):
        if o.key != c.key and (o.type == c.type or "other" in (c.type, o.type) or o.weak):
            merges.join(o if c.fixed else c, c if c.fixed else o, f"{c.name} = {o.name}", fixed)
            return


def _close_surnames(
    short: str, by_surname: dict[str, list[Candidate]], key: str
) -> list[Candidate]:
    """People whose surname is a close spelling of `short` (Jaro-Winkler, same start)."""
    return [
        o
        for surname, owners in by_surname.items()
        if surname[:3] == short[:3] and jellyfish.jaro_winkler_similarity(surname, short) >= 0.93
        for o in owners
        if o.key != key
    ]


def _unique(options: Iterable[Candidate]) -> Candidate | None:
    found = {o.key: o for o in options}
    return next(iter(found.values())) if len(found) == 1 else None


def _spellings(candidates: list[Candidate], merges: Merges, fixed: set[str]) -> None:
    """Names of one type whose words agree but one, that one a close spelling.

    Only names that could pair are compared: each name is filed under every way of hiding one
    of its words long enough to vary, beside the first two letters of the hidden word (a close
    spelling keeps them) and, for a one-word name that is no person, each document it is in,
    so two names meet only when the test below could accept them. The pairs are then taken
    in the order a comparison of every name with every other would meet them, which keeps the
    merges (and their reasons) the same whatever the corpus size.
    """
    words_of: list[list[str]] = []
    rank: list[tuple[int, int]] = []  # (group of type, count and first letter; place in it)
    groups: dict[tuple[str, int, str], int] = {}
    sizes: dict[int, int] = defaultdict(int)
    masked: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for n, c in enumerate(candidates):
        words = variant_key(c.name).split()
        words_of.append(words)
        if not words:
            rank.append((-1, 0))
            continue
        group = groups.setdefault((c.type, len(words), words[0][:1]), len(groups))
        rank.append((group, sizes[group]))
        sizes[group] += 1
        single = len(words) == 1
        for i, word in enumerate(words):
            if len(word) < (7 if single else 4):
                continue  # too short to be a spelling variant (the pair test below says so)
            hidden = (c.type, i, word[:2], *words[:i], *words[i + 1 :])
            if single and c.type != "person":
                for file in c.files:  # one word pairs only within a document it is in
                    masked[(*hidden, file)].append(n)
            else:
                masked[hidden].append(n)
    pairs: set[tuple[int, int]] = set()
    for members in masked.values():
        for i, one in enumerate(members):
            for other in members[i + 1 :]:
                pairs.add((one, other) if rank[one] < rank[other] else (other, one))
    for ia, ib in sorted(pairs, key=lambda pair: (rank[pair[0]], rank[pair[1]])):
        a, b = candidates[ia], candidates[ib]
        wa, wb = words_of[ia], words_of[ib]
        count = len(wa)
        if (a.fixed and b.fixed) or merges.find(a.key) == merges.find(b.key):
            continue
        if count == 1 and not (a.files & b.files or a.type == "person"):
            continue  # one word: only in one document, or a person's surname
        diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
        if len(diff) != 1:
            continue
        x, y = diff[0]
        if min(len(x), len(y)) < (7 if count == 1 else 4) or x[:2] != y[:2]:
            continue
        score = jellyfish.jaro_winkler_similarity(x, y)
        if score >= SIMILAR:
            big, small = (a, b) if a.fixed or len(a.files) >= len(b.files) else (b, a)
            why = f"{small.name} ~ {big.name} (spelling, Jaro-Winkler {score:.2f})"
            merges.join(small, big, why, fixed)


def _corpus_tails(candidates: list[Candidate], merges: Merges, fixed: set[str]) -> None:
    """A short organisation name that ends exactly one longer name in the corpus."""
    owners: dict[str, set[str]] = defaultdict(set)
    by_key = {c.key: c for c in candidates}
    for c in candidates:
        if c.type != "person":
            for tail in _tails(c):
                owners[tail].add(c.key)
    for c in candidates:
        if c.fixed or c.type == "person" or len(c.name.split()) < 2:
            continue
        roots = {merges.find(k) for k in owners.get(variant_key(c.name), ())} - {merges.find(c.key)}
        if len(roots) == 1:
            big = by_key[next(iter(roots))]
            merges.join(c, big, f"{c.name}: short for {big.name} (the one such name)", fixed)
