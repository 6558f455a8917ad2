"""Person and place rules of discovery: titles, speakers, appositions, "in X".

A mixin for the per-sentence rule set in store/entities_discover.py, split out to keep each
file readable; it reads `self.tokens`, `self.text`, `self.sentence` and calls `self.emit`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from store.entities_cues import (
    AFTER_PLACE,
    MONTH_ABBREVIATIONS,
    ORG_CUES,
    PLACE_CUES,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from store.entities_match import MONTHS, WEEKDAYS, is_acronym
from store.entities_tokens import Found

if TYPE_CHECKING:
    from store.entities_tokens import DocFindings, Tok
    from store.models import Sentence

_INITIALS = re.compile(r"(?:[A-Z]\.)+(?:[A-Z]\.?)?")
_FINITE_VERBS = frozenset("is are was were has have had will would can could should may might "
                          "must shall does did do".split())
_APPOSITION_STARTS = frozenset({"a", "an", "the"}) | TITLE_HEADS | TITLE_MODIFIERS
_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "throughout", "across", "from", "outside", "inside"}
)


def _calendar(word: str) -> bool:
    word = word.rsplit("-", 1)[-1]
    return word in MONTHS or word in WEEKDAYS or word in MONTH_ABBREVIATIONS


class SentenceRules:
    """Rules that decide whether a capitalised run names a person or a place."""

    text: str
    sentence: Sentence
    tokens: list[Tok]
    out: DocFindings

    emit: Callable[..., Found]  # provided by the rule set that uses this mixin

    def title_split(self, a: int, b: int, span_first: int) -> Found | None:
        """'Interior Minister Kalmukhanbet Kassymov' -> the person, titled 'Interior Minister'."""
        toks = self.tokens
        for i in range(b - 1, a - 1, -1):
            if toks[i].lower not in TITLE_HEADS and toks[i].lower.rstrip("s") not in TITLE_HEADS:
                continue
            rest = i + 1
            if toks[rest].lower == "of" and rest + 1 < b:
                rest += 2  # "Secretary of State John Kerry"
            if self.personal_name(rest, b):
                title_start = toks[span_first].start
                if toks[span_first].covered is None and span_first < a:
                    title_start = toks[a].start
                title = self.text[title_start:toks[rest - 1].end]
                if rest == b:  # "President Karimov": may be the surname of a fuller name
                    found = Found(toks[b].start, toks[b].end, toks[b].text, "person", title,
                                  self.sentence)
                    self.out.pending.append(found)
                    return found
                return self.emit(toks[rest].start, toks[b].end, "person", title, last=b)
            return None
        before = toks[a - 1] if a > 0 else None
        if before is not None and before.lower in TITLE_HEADS and not before.capitalised \
                and self.personal_name(a, b):
            k = a - 1
            while k - 1 >= 0 and (toks[k - 1].capitalised or toks[k - 1].lower in TITLE_MODIFIERS) \
                    and a - k < 3:
                k -= 1
            title = self.text[toks[k].start:before.end]
            return self.emit(toks[a].start, toks[b].end, "person", title, last=b)
        return None

    def title_before_comma(self, a: int, b: int) -> str:
        """'the President of Uzbekistan, Islam Karimov,' -> 'President of Uzbekistan'."""
        toks = self.tokens
        if a < 2 or not self.personal_name(a, b) or self.text[toks[a - 1].end:toks[a].start] != ", ":
            return ""
        for k in range(a - 1, max(-1, a - 8), -1):
            if toks[k].lower.rstrip("s") in TITLE_HEADS or toks[k].lower in TITLE_HEADS:
                between = toks[k + 1:a]
                if not toks[k].capitalised or any(
                        not (t.capitalised or t.lower in ("of", "the", "for")) or
                        t.text[:1].isdigit() for t in between):
                    return ""
                while k > 0 and toks[k - 1].lower in TITLE_MODIFIERS and toks[k - 1].capitalised:
                    k -= 1
                return self.text[toks[k].start:toks[a - 1].end]
        return ""

    def personal_name(self, a: int, b: int) -> bool:
        """1-4 capitalised words with no cue word: the shape of a personal name."""
        if not 0 <= b - a <= 3:
            return False
        for tok in self.tokens[a:b + 1]:
            if not tok.capitalised or tok.lower in ORG_CUES or tok.lower in PLACE_CUES:
                return False
            if tok.lower in STOPWORDS or tok.lower in TITLE_HEADS:
                return False
            if is_acronym(tok.text) and not _INITIALS.fullmatch(tok.text):
                return False
        return True

    def speaker(self, a: int, b: int) -> bool:
        """'Kadyrbayev told', 'says Bruce Pannier', 'By Alexander Bogatik': a person."""
        toks = self.tokens
        if not self.personal_name(a, b) or (a > 0 and toks[a - 1].lower == "the"):
            return False
        after = toks[b + 1] if b + 1 < len(toks) else None
        if after is not None and after.lower in SPEECH_VERBS and \
                self.text[toks[b].end:after.start] == " ":
            return True
        before = toks[a - 1] if a > 0 else None
        if before is not None and before.lower in SPEECH_VERBS and b > a:
            return True
        return a == 1 and before is not None and before.text == "By" and b > a

    def apposition(self, b: int) -> str:
        """'X, leader of an NGO in Shymkent,' -> 'leader of an NGO in Shymkent'."""
        tail = self.text[self.tokens[b].end:self.sentence.end]
        if self.tokens[b].possessive:
            return ""
        m = re.match(r", ((?:[\w'’/\-]+ ){0,14}[\w'’/\-]+)(?= ?[,;(]| ?\.(?:\s|$)|$)", tail)
        if not m:
            return ""
        phrase = m.group(1)
        lowered = set(phrase.lower().split())
        if lowered & (_FINITE_VERBS | SPEECH_VERBS) or any(_calendar(w) for w in lowered) or \
                re.search(r"\d", phrase):
            return ""  # a clause ("the region is on the alert", "a court June 22 sentenced")
        first = phrase.split()[0].lower()
        if first not in _APPOSITION_STARTS or phrase.split()[0][:1].isupper() and first not in \
                TITLE_HEADS | TITLE_MODIFIERS:
            return ""
        return phrase

    @staticmethod
    def personal(description: str) -> bool:
        words = [w.lower() for w in description.split()[:3]]
        return any(w in TITLE_HEADS for w in words)

    def place_after_preposition(self, a: int, b: int) -> bool:
        """'in Syria.', 'in Almaty to discuss': a place; 'in Kazakh mosques' is not."""
        toks = self.tokens
        if a == 0 or b - a > 2 or toks[a - 1].lower not in _PLACE_PREPOSITIONS:
            return False
        if toks[a - 1].lower == "to" and a >= 2 and toks[a - 2].lower in (
                "according", "due", "thanks", "prior", "told", "said", "reported", "spoke", "talked"):
            return False
        if any(is_acronym(t.text) for t in toks[a:b + 1]):
            return False
        if not re.fullmatch(r" ", self.text[toks[a - 1].end:toks[a].start]):
            return False
        after_text = self.text[toks[b].end:self.sentence.end]
        if toks[b].possessive:
            return False
        if not after_text.strip() or after_text[:1] in ",.;:)!?\"”'’-":
            return True
        nxt = toks[b + 1] if b + 1 < len(toks) else None
        return nxt is not None and (nxt.lower in AFTER_PLACE or nxt.capitalised) and \
            after_text.startswith(" ")
