"""Discovery: names the catalogue lacks, found from how English text names things.

A capitalised span becomes an entity only with evidence of what it is: a title before it
("Interior Minister Kalmukhanbet Kassymov", "NSC chairman Nurtay Abykayev"), a speech verb or
a byline (a person), an organisation cue word (Committee, Ministry, Court...), a place cue
("city of X", "X Province", "X-based", "in X" followed by a function word), an acronym
definition ("National Security Committee (NSC)"), or an apposition ("X, leader of Y", which
also gives the description). Sentence openers, months, labels ("BACKGROUND:") and adjective
phrases ("Central Asian states") are dropped. Single words with no cue are left pending: the
corpus-level step links them to a person's surname or a defined acronym, or drops them.
"""

from __future__ import annotations

import bisect
import re
from itertools import compress

from store.entities.discovery.runs import (
    ANY_CUE,
    BASED_SUFFIX,
    CONNECTORS,
    CONNECTORS_OR_PARTICLES,
    OF_FOR_ON,
    RunRules,
)
from store.entities.discovery.tokens import DocFindings, Words
from store.lang.en import (
    ADJECTIVE_ENDINGS,
    ORG_CUES,
    OTHER_CUES,
    PARTICLES,
    PLACE_CUES,
    STOPWORDS,
    TITLE_HEADS,
    calendar_word,
)
from store.models import Document, Sentence

__all__ = ["discover"]

_QUOTED = re.compile(r"([“‘\"])\*{0,2}([^“”‘’\"*]{2,160}?)\*{0,2}(?:[”’\"])(?!\w)")
# A name may run across a soft line break (hard-wrapped text, PDF and OCR copies):
# "Special Investment\nFacilitation Council"; a blank line ends the passage anyway.
_SPACES = re.compile(r"[ ]+|[ ]*\r?\n[ ]*")
_SPACES_OR_HYPHEN = re.compile(r"[ ]+|[ ]*\r?\n[ ]*|-")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_JOINERS = PARTICLES | {"of", "for", "on", "and", "&"}
_STRONG_CUES = ORG_CUES | PLACE_CUES
_CUE_OR_TITLE = ANY_CUE | TITLE_HEADS
_QUOTE_MARKS = re.compile('[“‘"]')


def discover(
    document: Document,
    sentences: list[Sentence],
    covered: list[tuple[int, int, str]],
    lower_vocab: set[str],
) -> DocFindings:
    """Candidate names in a document's body sentences outside the catalogue's matches."""
    text = document.text
    findings = DocFindings()
    covers = sorted(covered)
    cover_ends = [c[1] for c in covers]
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        if text[start:end].islower():
            continue  # no capital, no name: nothing below fires without one
        if _table_row(text, start, end):
            continue  # table furniture: header cells and cells are no running text
        words = Words(text, start, end)
        if covers:
            words.cover(covers, bisect.bisect_right(cover_ends, start))
        _Sentence(text, sentence, words, lower_vocab, findings).run()
    return findings


def _table_row(text: str, start: int, end: int) -> bool:
    """A row of a table (`| a | b |`, tab-separated cells): discovery reads no names in it; a
    catalogue name there is still matched."""
    rows = text[start:end].strip().splitlines()
    # every line a row: "| a | b |" (an OCR'd "|" for "I" is no table), or tab-separated cells
    return bool(rows) and all(
        (r.strip().startswith("|") and r.strip().endswith("|") and r.count("|") >= 3)
        or r.strip("\t").count("\t") >= 1
        for r in rows
    )


class _Sentence(RunRules):
    """The rules applied to one sentence's words."""

    def __init__(
        self, text: str, sentence: Sentence, words: Words, vocab: set[str], out: DocFindings
    ) -> None:
        self.text, self.sentence, self.w, self.vocab, self.out = text, sentence, words, vocab, out

    def run(self) -> None:
        w = self.w
        body = self.text[self.sentence.start : self.sentence.end]
        if _QUOTE_MARKS.search(body):
            self.quoted_titles(body)
        if "-based" in body:
            for i in range(w.n):
                based = BASED_SUFFIX.match(w.text[i])
                if (
                    based
                    and based.group(1)[:1].isupper()
                    and w.covered[i] is None
                    and not based.group(1).lower().endswith(ADJECTIVE_ENDINGS)
                ):
                    self.emit(w.start[i], w.start[i] + len(based.group(1)), "place", "")
        for first, last in self.spans():
            self.span(first, last)

    def quoted_titles(self, body: str) -> None:
        """'“Combat Brotherhood”', '‘On Amendments to ...’': a quoted title is one named thing."""
        w = self.w
        for m in _QUOTED.finditer(body):
            inner = m.group(2)
            words = _LONG_WORD.findall(inner)
            if not 1 <= len(words) <= 25 or not inner[:1].isupper():
                continue
            long_words = [x for x in words if len(x) >= 4]
            capitalised = sum(1 for x in long_words if x[:1].isupper())
            if not (inner.startswith("On ") and len(words) >= 4) and capitalised < max(
                1, 0.6 * len(long_words)
            ):
                continue
            if len(words) == 1 and not inner.startswith("On "):
                continue
            start = self.sentence.start + m.start(2)
            end = start + len(inner)
            first = bisect.bisect_left(w.start, start)
            last = first
            while last < w.n and w.end[last] <= end:
                last += 1
            inside = range(first, last)
            if not inside or any(w.covered[i] for i in inside):
                continue
            for i in inside:
                w.capitalised[i] = False  # part of the title: no longer starts or extends a name
            if self.scare_quotes(words):
                continue
            found = self.emit(start, end, "other", "")
            if body[m.end() : m.end() + 2] == " (":  # '"Islamic State of ..." (ISIL)'
                self.acronym_definition(
                    first, last - 1, found=found, end=self.sentence.start + m.end()
                )

    def scare_quotes(self, words: list[str]) -> bool:
        """'the "Afghan Problem"': two words ending in a common noun (one the document also
        writes in lower case) with no cue word are a phrase in scare quotes, not a title."""
        if len(words) != 2:
            return False
        last = words[1].lower()
        return last in self.vocab and last not in ANY_CUE and words[0].lower() not in ANY_CUE

    def spans(self) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words, joined by particles and guarded connectors."""
        w = self.w
        caps, gaps, possessive, lower, n = w.capitalised, w.gap, w.possessive, w.lower, w.n
        spans: list[tuple[int, int]] = []
        after = -1
        for first in compress(range(n), caps):
            if first <= after:
                continue
            j = first
            while j + 1 < n and not possessive[j]:
                g = gaps[j]
                if g != " " and not _SPACES_OR_HYPHEN.fullmatch(g):
                    break
                if caps[j + 1]:
                    j += 1
                    continue
                if lower[j + 1] not in _JOINERS:
                    break  # connector_end would refuse: no particle or connector follows
                k = self.connector_end(first, j)
                if k is None:
                    break
                j = k
            spans.append((first, j))
            after = j
        return spans

    def connector_end(self, first: int, j: int) -> int | None:
        """Index of the capitalised word a connector run after word j leads to, if allowed."""
        w = self.w
        caps, lower, gaps, n = w.capitalised, w.lower, w.gap, w.n
        k = j + 1
        words = []
        while k < n and not caps[k] and k - j <= 2:
            words.append(lower[k])
            if not _SPACES.fullmatch(gaps[k - 1]):
                return None
            k += 1
        if k >= n or not words or not caps[k]:
            return None
        if not _SPACES.fullmatch(gaps[k - 1]):
            return None
        if all(x in PARTICLES for x in words):
            return k
        so_far = lower[first : j + 1]
        cued = not _CUE_OR_TITLE.isdisjoint(so_far)
        if words in (["of"], ["for"], ["on"], ["of", "the"], ["for", "the"], ["on", "the"]):
            return k if cued else None
        if words in (["and"], ["&"]):
            has_of = any(x in ("of", "for") for x in so_far)
            return k if cued and has_of else None
        return None

    # -- one span ------------------------------------------------------------------------
    def span(self, first: int, last: int) -> None:
        w = self.w
        lower = w.lower
        # A label in capitals ("BACKGROUND: ...") is furniture.
        if w.text[first].isupper() and self.text[w.end[first] : w.end[first] + 1] == ":":
            first += 1
        while first <= last and (lower[first] in STOPWORDS or (first == 0 and self.opener(0))):
            if lower[first] in STOPWORDS and self.acronym_word(first):
                break  # "IS" the group, not "is": capitals in a sentence that is not shouted
            first += 1
        while first <= last and (lower[first] in CONNECTORS or lower[first] in PARTICLES):
            first += 1
        while last >= first and lower[last] in CONNECTORS_OR_PARTICLES:
            last -= 1
        if first > last:
            return
        # Months and weekdays split a span and never belong to a name.
        pieces, start = [], first
        for i in range(first, last + 1):
            if calendar_word(lower[i]):
                if i > start:
                    pieces.append((start, i - 1))
                start = i + 1
        if start <= last:
            pieces.append((start, last))
        for a, b in pieces:
            self.piece(a, b)

    def acronym_word(self, i: int) -> bool:
        """An all-capitals word ("IS", "US") in a sentence written in mixed case."""
        word = self.w.text[i]
        return (
            len(word) >= 2
            and word.isupper()
            and word.isalpha()
            and not self.text[self.sentence.start : self.sentence.end].isupper()
        )

    def opener(self, i: int) -> bool:
        """A capitalised word that is capitalised only because a sentence or quote starts."""
        lower = self.w.lower[i]
        if lower in STOPWORDS:
            return True
        if i != 0:
            return False
        return lower in self.vocab or lower.endswith(("ly", "ed", "ing"))

    def piece(self, a: int, b: int) -> None:
        cover = self.w.covered
        covered = cover[a : b + 1]
        if all(covered):
            self.acronym_definition(a, b, target=covered[-1])
            return
        uncovered = [x for x, c in zip(self.w.lower[a : b + 1], covered, strict=True) if not c]
        if covered[-1] is None and any(covered) and not _STRONG_CUES.isdisjoint(uncovered):
            self.segment(a, b, a, fragment=False)  # a longer cued name wins over the place in it
            return
        if self.institution_of_place(a, b, covered, uncovered):
            self.segment(a, b, a, fragment=False)
            return
        i = a
        while i <= b:
            if cover[i]:
                j = i
                while j + 1 <= b and cover[j + 1] == cover[i]:
                    j += 1
                i = j + 1
                continue
            j = i
            while j + 1 <= b and not cover[j + 1]:
                j += 1
            if not (j < b and self.cut_title(i, j)):
                self.segment(i, j, a, fragment=any(covered))
            i = j + 1

    def institution_of_place(
        self, a: int, b: int, covered: list[str | None], uncovered: list[str]
    ) -> bool:
        """'Communist Party of Nepal', 'Armed Forces of Ukraine': a cued head, 'of' (the) and a
        catalogue name that ends the span are one organisation; the place inside it is no
        mention of its own."""
        if covered[0] is not None or covered[-1] is None or ORG_CUES.isdisjoint(uncovered):
            return False
        lower = self.w.lower
        k = next(i for i in range(a, b + 1) if covered[i - a] is not None)
        if not all(c is not None for c in covered[k - a :]) or len(set(covered[k - a :])) != 1:
            return False
        return lower[k - 1] == "of" or (
            lower[k - 1] == "the" and k - 2 >= a and lower[k - 2] == "of"
        )

    def cut_title(self, i: int, j: int) -> bool:
        """'Joint Plan of Action for the Implementation of' + a catalogue name: the head of a
        title that goes on through the name, not a name of its own. (An institution keeps its
        name: 'Ministry of Defence of' + 'Kazakhstan'.)"""
        lower = self.w.lower
        if lower[j] not in CONNECTORS:
            return False
        head = lower[i : j + 1]
        head = head[: next((k for k, x in enumerate(head) if x in OF_FOR_ON), len(head))]
        return not OTHER_CUES.isdisjoint(head)
