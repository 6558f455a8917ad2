"""Words and records of discovery: the tokenizer, the token, and what a document yields.

Split from store/entities_discover.py. Tokenizing every word of every body sentence is the
largest cost of discovery, so a token's flags (`lower`, `capitalised`) are computed once when
it is made and plain words skip the trimming rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.entities_cues import PARTICLES
from store.entities_match import fold
from store.models import Document, Sentence

_WORD = re.compile(r"[^\W_][\w'’.\-]*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+(?:[A-Z]\.?)?")
_TRAILING = frozenset(".'’-")
_POSSESSIVES = frozenset({"'s", "'S", "’s", "’S"})
_MODIFIER_SUFFIX = re.compile(r"-[a-z]{3,}$")
_PARTICLE_PREFIX = re.compile(r"^([a-z]{1,3})-[A-Z]")
_LOWER_WORD = re.compile(r"(?<![\w'’.-])([a-z][a-z'’-]*)")


class Tok:
    """One word of a sentence. `lower` and `capitalised` are computed once, when it is made:
    the rules read them many times per word."""

    __slots__ = ("capitalised", "covered", "end", "lower", "possessive", "start", "taken", "text")

    def __init__(self, start: int, end: int, text: str, possessive: bool = False) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.possessive = possessive
        self.covered: str | None = None  # key of the catalogue match covering it
        self.taken = False  # inside a quoted title already emitted
        self.lower = text.lower()
        self.capitalised = _capitalised(text)

    def take(self) -> None:
        """Mark the word as part of a quoted title: it no longer starts or extends a name."""
        self.taken = True
        self.capitalised = False


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


@dataclass(slots=True)
class DocFindings:
    found: list[Found] = field(default_factory=list)
    pending: list[Found] = field(default_factory=list)  # single words awaiting corpus evidence
    acronyms: dict[str, Found] = field(default_factory=dict)  # ACR -> the long form's mention


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Words with exact offsets; trailing punctuation off, a possessive 's noted and cut."""
    tokens: list[Tok] = []
    append = tokens.append
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if word[-1] in _TRAILING or word[-2:] in _POSSESSIVES:
            append(_trimmed(word, m.start(), m.end()))
        else:  # the common case: a plain word, nothing to cut
            append(Tok(m.start(), m.end(), word))
    return tokens


def _trimmed(word: str, s: int, e: int) -> Tok:
    """A word with trailing punctuation (kept in initials, "U.S.") or a possessive to cut."""
    while word and word[-1] in _TRAILING and not _INITIALS.fullmatch(word):
        word, e = word[:-1], e - 1
    if word[-2:] in _POSSESSIVES and len(word) > 2:
        return Tok(s, e - 2, word[:-2], True)
    return Tok(s, e, word)


def lower_vocabulary(document: Document, sentences: list[Sentence]) -> set[str]:
    """Words the document writes in lower case: capitalised only at a sentence start."""
    vocab: set[str] = set()
    text = fold(document.text)
    for sentence in sentences:
        vocab.update(_LOWER_WORD.findall(text[sentence.start:sentence.end]))
    return vocab
