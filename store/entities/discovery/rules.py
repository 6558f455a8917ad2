"""Person and place rules of discovery: titles, speakers, appositions, "in X".

A mixin for the per-sentence rule set in store/entities_discover.py, split out to keep each
file readable; it reads `self.tokens`, `self.text`, `self.sentence` and calls `self.emit`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from store.entities.discovery.tokens import INITIALS, Found
from store.entities.match import is_acronym
from store.lang.en import (
    ADJECTIVE_ENDINGS,
    AFTER_PLACE,
    COMPASS,
    DEMONYM_PLURALS,
    DETERMINERS,
    FINITE_VERBS,
    ORG_ADJECTIVES,
    ORG_CUES,
    ORG_NOUNS,
    ORG_NOUNS_AFTER,
    PERSON_NOUNS,
    PERSON_PARTICLES_FIRST,
    PERSON_PARTICLES_INSIDE,
    PLACE_CUES,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    calendar_word,
    title_head,
)
from store.lang.en.lexicon import COMMON_WORDS

if TYPE_CHECKING:
    from store.entities.discovery.tokens import DocFindings, Words
    from store.models import Sentence

_CLAUSE_VERBS = FINITE_VERBS | SPEECH_VERBS  # in an apposition, they make it a clause
_APPOSITION = re.compile(r", ((?:[\w'’/\-]+ ){0,14}[\w'’/\-]+)(?= ?[,;(]| ?\.(?:\s|$)|$)")
_APPOSITION_STARTS = frozenset({"a", "an", "the"}) | TITLE_WORDS
_SPACE_GAPS = frozenset({" ", "'s ", "’s ", "' ", "’ "})
_APPOSITION_CLOSES = frozenset(",.;)")
_ORG_AFTER = re.compile(r"(?: \([^()]{1,40}\))?((?: [a-z][a-z\-]*){0,2}) ([a-z]+)\b")
_WHO_AFTER = re.compile(r",? who\b")


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sheikh", "sheik"})  # "Mr. Philemon Yang"


def _plain_word(word: str) -> bool:
    return word in COMMON_WORDS or _plural_common(word)


def _plural_common(word: str) -> bool:
    """ "affairs", "ladies", "gentlemen": the plural of an English common noun."""
    if word.endswith("ies") and word[:-3] + "y" in COMMON_WORDS:
        return True
    if word.endswith("men") and word[:-3] + "man" in COMMON_WORDS:
        return True
    return word.endswith("s") and (word[:-1] in COMMON_WORDS or word[:-2] in COMMON_WORDS)


class SentenceRules:
    """Rules that decide whether a capitalised run names a person or a place."""

    text: str
    sentence: Sentence
    w: Words
    out: DocFindings

    emit: Callable[..., Found]  # provided by the rule set that uses this mixin

    def title_split(self, a: int, b: int, span_first: int) -> Found | None:
        """'Interior Minister Kalmukhanbet Kassymov' -> the person, titled 'Interior Minister'."""
        w = self.w
        lower, starts, ends = w.lower, w.start, w.end
        for i in range(b - 1, a - 1, -1):
            if not title_head(lower[i]):
                continue
            rest = i + 1
            if lower[rest] == "of" and rest + 1 < b:
                rest += 2  # "Secretary of State John Kerry"
            if (
                rest == b
                and _plain_word(lower[b])
                and (lower[rest - 1] == "of" or (i > 0 and lower[i - 1] in DETERMINERS))
            ):
                return None  # "Minister of Foreign Affairs", "the General Debate"
            if self.personal_name(rest, b):
                title_start = starts[span_first]
                if w.covered[span_first] is None and span_first < a:
                    title_start = starts[a]
                title = self.text[title_start : ends[rest - 1]]
                if rest == b:  # "President Karimov": may be the surname of a fuller name
                    found = Found(starts[b], ends[b], w.text[b], "person", title, self.sentence)
                    self.out.pending.append(found)
                    return found
                return self.emit(starts[rest], ends[b], "person", title, last=b)
            return None
        before = a - 1
        if (
            a > 0
            and lower[before] in TITLE_HEADS
            and (not w.capitalised[before] or lower[before] in _HONORIFICS)
            and self.personal_name(a, b)
        ):
            caps = w.capitalised
            k = a - 1
            while k - 1 >= 0 and (caps[k - 1] or lower[k - 1] in TITLE_MODIFIERS) and a - k < 3:
                k -= 1
            title = self.text[starts[k] : ends[before]]
            return self.emit(starts[a], ends[b], "person", title, last=b)
        return None

    def title_before_comma(self, a: int, b: int) -> str:
        """'the President of Uzbekistan, Islam Karimov,' -> 'President of Uzbekistan'."""
        w = self.w
        if a < 2 or w.gap[a - 1] != ", " or not self.personal_name(a, b):
            return ""
        lower, caps = w.lower, w.capitalised
        for k in range(a - 1, max(-1, a - 8), -1):
            if title_head(lower[k]):
                if not caps[k] or any(
                    not (caps[t] or lower[t] in ("of", "the", "for")) or w.text[t][:1].isdigit()
                    for t in range(k + 1, a)
                ):
                    return ""
                while k > 0 and lower[k - 1] in TITLE_MODIFIERS and caps[k - 1]:
                    k -= 1
                return self.text[w.start[k] : w.end[a - 1]]
        return ""

    def personal_name(self, a: int, b: int) -> bool:
        """1-4 capitalised words with no cue word: the shape of a personal name."""
        if not 0 <= b - a <= 3:
            return False
        w = self.w
        caps, lower, words = w.capitalised, w.lower, w.text
        if a == b and _plural_common(lower[a]):
            return False  # "Affairs", "Ladies", "Colleagues": plural nouns, no surnames
        for i in range(a, b + 1):
            word = lower[i]
            if not caps[i] or word in ORG_CUES or word in PLACE_CUES or word[:1].isdigit():
                return False
            if word in STOPWORDS or word in TITLE_HEADS:
                return False
            if is_acronym(words[i]) and not INITIALS.fullmatch(words[i]):
                return False
        return True

    def speaker(self, a: int, b: int) -> bool:
        """'Kadyrbayev told', 'says Bruce Pannier', 'By Alexander Bogatik': a person."""
        w = self.w
        lower = w.lower
        if not self.personal_name(a, b) or (a > 0 and lower[a - 1] == "the"):
            return False
        if b + 1 < w.n and lower[b + 1] in SPEECH_VERBS and w.gap[b] == " ":
            return True
        if a > 0 and lower[a - 1] in SPEECH_VERBS and b > a:
            return True
        return a == 1 and w.text[0] == "By" and b > a

    def apposition(self, b: int) -> str:
        """'X, leader of an NGO in Shymkent,' -> 'leader of an NGO in Shymkent'."""
        end = self.w.end[b]
        if self.w.possessive[b] or self.text[end : end + 2] != ", ":
            return ""
        tail = self.text[end : self.sentence.end]
        m = _APPOSITION.match(tail)
        if not m:
            return ""
        phrase = m.group(1)
        lowered = set(phrase.lower().split())
        if (
            not _CLAUSE_VERBS.isdisjoint(lowered)
            or any(calendar_word(w) for w in lowered)
            or re.search(r"\d", phrase)
        ):
            return ""  # a clause ("the region is on the alert", "a court June 22 sentenced")
        first = phrase.split()[0].lower()
        if first not in _APPOSITION_STARTS or (
            phrase.split()[0][:1].isupper() and first not in TITLE_WORDS
        ):
            return ""
        return phrase

    @staticmethod
    def personal(description: str) -> bool:
        words = [w.lower() for w in description.split()[:3]]
        return any(w in TITLE_HEADS for w in words)

    def place_after_preposition(self, a: int, b: int) -> bool:
        """'in Syria.', 'in Almaty to discuss': a place; 'in Kazakh mosques' is not."""
        w = self.w
        lower = w.lower
        if a == 0 or b - a > 2 or lower[a - 1] not in PLACE_PREPOSITIONS:
            return False
        if (
            lower[a - 1] == "to"
            and a >= 2
            and lower[a - 2]
            in (
                "according",
                "due",
                "thanks",
                "prior",
                "told",
                "said",
                "reported",
                "spoke",
                "talked",
            )
        ):
            return False
        if any(is_acronym(x) for x in w.text[a : b + 1]):
            return False
        if w.gap[a - 1] != " ":
            return False
        after_text = self.text[w.end[b] : self.sentence.end]
        if w.possessive[b]:
            return False
        if not after_text.strip() or after_text[:1] in ",.;:)!?\"”'’-":
            return True
        nxt = b + 1
        return (
            nxt < w.n
            and (lower[nxt] in AFTER_PLACE or w.capitalised[nxt])
            and after_text.startswith(" ")
        )

    # -- what the words around a name call it ---------------------------------------------
    def noun_kind(self, k: int, limit: int) -> str | None:
        """The kind named by the head noun among words k..limit: 'an ISIL leader' -> person,
        'a Dunmere-based charity' -> organisation, 'a militant group' -> organisation."""
        w = self.w
        lower, gaps = w.lower, w.gap
        for i in range(k, min(limit, w.n - 1) + 1):
            word = lower[i]
            nxt = lower[i + 1] if i + 1 < w.n and gaps[i] == " " else ""
            kind = _noun_kind(word)
            if kind and not _noun_kind(nxt):
                return kind
            if not kind and word in STOPWORDS and word not in DETERMINERS:
                return None
            if gaps[i] not in _SPACE_GAPS:
                return None
        return None

    def apposition_kind(self, a: int, b: int) -> str | None:
        """'X, an ISIL leader based in Syria' or 'The head of Russia's FSB, X,': the role noun
        of the apposition says what X is."""
        w = self.w
        if b + 1 < w.n and w.gap[b] == ", " and not w.possessive[b]:
            kind = self.noun_kind(b + 1, b + 4)
            if kind:
                return kind
        if a < 2 or not w.gap[a - 1].endswith(", ") or w.gap[a - 1] not in (", ", "), "):
            return None
        close = self.text[w.end[b] : w.end[b] + 1]
        if close and close not in _APPOSITION_CLOSES:
            return None
        first = a - 1
        while first > 0 and "," not in w.gap[first - 1] and ";" not in w.gap[first - 1]:
            first -= 1
        if w.lower[first] not in DETERMINERS:
            return None
        return self.noun_kind(first + 1, first + 4)

    def organisation_after(self, end: int) -> bool:
        """'the Islamic State (IS) group', 'Kazakh FSB officers': the noun after names a body."""
        m = _ORG_AFTER.match(self.text, end, self.sentence.end)
        if not m or m.group(2) not in ORG_NOUNS_AFTER:
            return False
        return all(x in ORG_ADJECTIVES for x in m.group(1).split())

    def who_after(self, end: int) -> bool:
        """'Abu Aisha, who lives in Mosul': a person."""
        return _WHO_AFTER.match(self.text, end, self.sentence.end) is not None

    def region(self, words: list[str], vocab: set[str]) -> bool:
        """'Middle East', 'West Kazakhstan', 'Inner Mongolia': a compass word and a name."""
        if len(words) != 2 or words[0] not in COMPASS:
            return False
        second = words[1]
        return second in COMPASS or (
            second not in vocab and not second.endswith(ADJECTIVE_ENDINGS + DEMONYM_PLURALS)
        )

    @staticmethod
    def particle_name(words: list[str]) -> bool:
        """'Abu Muhammad al-Adnani', 'Osama bin Laden': Arabic-style personal names."""
        if len(words) >= 2 and words[0] in PERSON_PARTICLES_FIRST:
            return True
        return not PERSON_PARTICLES_INSIDE.isdisjoint(words[1:-1])


def _noun_kind(word: str) -> str | None:
    if word in PERSON_NOUNS:
        return "person"
    if word in ORG_NOUNS:
        return "organisation"
    if word in PLACE_NOUNS:
        return "place"
    return None
