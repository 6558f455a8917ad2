"""Words and records of discovery: one sentence's words, and what a document yields.

Split from store/entities_discover.py. Discovery reads about 120,000 words per MB but finds
names in only a few of them, so a sentence's words are not objects: they are parallel lists
(text, offsets, lower case, capitalised, ...) built with whole-list operations that run in C
(`re.split`, `itertools.accumulate`, `map(str.lower, ...)`). Only the few words that need it
(trailing punctuation, a possessive, a hyphen) get per-word Python work.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter

from store.entities.match import fold_punctuation
from store.lang.en import (
    NUMBERED_HEADS,
    ORG_CUES,
    OTHER_CUES,
    PARTICLES,
    PLACE_CUES,
    TITLE_HEADS,
)
from store.models import Document, Sentence

_SPLIT = re.compile(r"([^\W_][\w'’.\-]*)")  # a word: starts with a letter or digit
INITIALS = re.compile(r"(?:[A-Z]\.)+(?:[A-Z]\.?)?")  # "U.S.", "J.R.": a name's initials
# Where a word may end in something to cut: trailing punctuation or a possessive 's.
_TRIM_AT = re.compile(r"(?:[.'’\-]|['’][sS])(?![\w'’.\-])")
_TRAILING = frozenset(".'’-")
_POSSESSIVES = frozenset({"'s", "'S", "’s", "’S"})
_MODIFIER_SUFFIX = re.compile(r"-[a-z]{3,}$")
_PARTICLE_PREFIX = re.compile(r"^([a-z]{1,3})-[A-Z]")
_LOWER_WORD = re.compile(r"(?<![\w'’.-])([a-z][a-z'’-]*)")
_FIRST = itemgetter(0)
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_CUE_WORDS = ORG_CUES | PLACE_CUES | OTHER_CUES
_TITLE_HEADS = TITLE_HEADS


class Words:
    """One sentence's words as parallel lists, index i for the i-th word.

    `text[i]` is the word with trailing punctuation and a possessive cut (offsets
    `start[i]:end[i]` in the document); `gap[i]` is what lies between word i and word i+1;
    `covered[i]` the key of the catalogue match over it; `capitalised[i]` whether it can be
    part of a name (a quoted title's words are switched off once emitted)."""

    __slots__ = (
        "capitalised",
        "covered",
        "end",
        "gap",
        "lower",
        "n",
        "possessive",
        "start",
        "text",
    )

    def __init__(self, text: str, start: int, end: int) -> None:
        pieces = _SPLIT.split(text[start:end])
        words = pieces[1::2]
        n = len(words)
        offsets = list(accumulate(map(len, pieces), initial=start))
        self.n = n
        self.text = words
        self.start = offsets[1::2][:n]
        self.end = offsets[2::2]
        self.gap = pieces[2::2]
        self.possessive = [False] * n
        self.covered: list[str | None] = [None] * n
        if n:
            self._trim(text, start, end)
        self.lower = list(map(str.lower, words))
        self.capitalised = list(map(str.isupper, map(_FIRST, words)))
        if n and "-" in text[start:end]:
            caps = self.capitalised
            for i, word in enumerate(words):
                if "-" in word:
                    caps[i] = _capitalised(word)
        if n and _DIGIT.search(text, start, end):
            self._numbers()

    def _numbers(self) -> None:
        """Numbers inside names: an ordinal before a capitalised word ("44th Mountain Infantry
        Division"), a number after a numbered head ("Resolution 1373", "Branch 251")."""
        caps, words, lower, gap = self.capitalised, self.text, self.lower, self.gap
        for i, word in enumerate(words):
            if not word[:1].isdigit():
                continue
            if (_ORDINAL.fullmatch(word) and i + 1 < self.n and caps[i + 1] and gap[i] == " ") or (
                word.isdigit()
                and i > 0
                and caps[i - 1]
                and gap[i - 1] == " "
                and lower[i - 1] in NUMBERED_HEADS
            ):
                caps[i] = True

    def _trim(self, text: str, start: int, end: int) -> None:
        """Cut trailing punctuation (kept in initials, "U.S.") and a possessive 's."""
        ends, words = self.end, self.text
        for m in _TRIM_AT.finditer(text, start, end):
            e = m.end()
            i = bisect.bisect_left(ends, e)
            if i == self.n or ends[i] != e:
                continue
            word = words[i]
            if not (word[-1] in _TRAILING or word[-2:] in _POSSESSIVES):
                continue
            while word[-1] in _TRAILING and not INITIALS.fullmatch(word):
                word, e = word[:-1], e - 1
            if word[-2:] in _POSSESSIVES and len(word) > 2:
                word, e = word[:-2], e - 2
                self.possessive[i] = True
            words[i], ends[i] = word, e
            self.gap[i] = text[e : self.start[i + 1] if i + 1 < self.n else end]

    def cover(self, covers: list[tuple[int, int, str]], first: int) -> None:
        """Mark words under catalogue matches `covers[first:]` (sorted, from this sentence on):
        a word takes the first match that overlaps it."""
        starts, ends, covered, n = self.start, self.end, self.covered, self.n
        if not n:
            return
        last_end = ends[-1]
        for c in range(first, len(covers)):
            cs, ce, key = covers[c]
            if cs >= last_end:
                break
            i = bisect.bisect_right(ends, cs)
            while i < n and starts[i] < ce:
                if covered[i] is None:
                    covered[i] = key
                i += 1


def _capitalised(text: str) -> bool:
    c = text[:1]
    if c.isupper():
        # "IS-controlled", "US-led": a modifier, not a name
        return not ("-" in text and _MODIFIER_SUFFIX.search(text))
    if "-" not in text:
        return False
    particle = _PARTICLE_PREFIX.match(text)
    return bool(particle and particle.group(1) in PARTICLES) and not _MODIFIER_SUFFIX.search(text)


@dataclass(slots=True)
class Found:
    """A discovered mention: `name` is the entity's form, `type` None when unknown yet."""

    start: int
    end: int
    name: str
    type: str | None
    description: str = ""
    sentence: Sentence | None = None
    generic: bool = False
    target: str | None = None  # a catalogue key when the mention belongs to a catalogue entity
    weak: bool = False  # the type is a default guess, outvoted by any mention with evidence
    reason: str = ""  # the evidence for `type` when the rule that set it said so


def reason_for(found: Found) -> str:
    """The evidence for a discovered mention's type, read from what the rules left on it."""
    if found.reason:
        return found.reason
    words = set(found.name.lower().split())
    if found.type == "person":
        if found.description:
            return "title" if title_like(found.description) else "apposition"
        return "name shape" if found.weak else "speech verb or particle"
    if found.type in ("organisation", "place", "other") and not words.isdisjoint(_CUE_WORDS):
        return "cue word"
    if found.description:
        return "apposition"
    return "context votes"


def title_like(description: str) -> bool:
    return not _TITLE_HEADS.isdisjoint(description.lower().split())


@dataclass(slots=True)
class DocFindings:
    found: list[Found] = field(default_factory=list)
    pending: list[Found] = field(default_factory=list)  # single words awaiting corpus evidence
    acronyms: dict[str, Found] = field(default_factory=dict)  # ACR -> the long form's mention
    redefined: list[tuple[str, Found]] = field(default_factory=list)  # later definitions of ACR


def lower_vocabulary(document: Document, sentences: list[Sentence]) -> set[str]:
    """Words the document writes in lower case: capitalised only at a sentence start."""
    vocab: set[str] = set()
    text = fold_punctuation(document.text)
    for sentence in sentences:
        vocab.update(_LOWER_WORD.findall(text[sentence.start : sentence.end]))
    return vocab
