"""Lone words: what becomes of a single capitalised word no rule could type.

Discovery keeps such a word as a tentative entity so coreference can join it to a name
(a surname, an acronym spelled out elsewhere). One that joined nothing is kept when the
corpus gives evidence, and dropped otherwise:
- the bundled gazetteer knows it as a smaller place (a town, a US state): a place;
- it stands in a list or chain with names of a known type ("Osh, Kyrgyzstan"; "Uzbekistan,
  Tajikistan and Turkmenistan"): that type, the list's evidence;
- it recurs capitalised inside sentences and is no common English word: a name of unknown
  type (other).
A common English word ("Ladies", "Debate") or a word seen only at sentence starts is dropped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping

from store.entities.catalogue import form_key
from store.entities.world import demonyms
from store.lang.en import (
    DEMONYM_PLURALS,
    ORG_CUES,
    OTHER_CUES,
    PEOPLES,
    PLACE_CUES,
    PLACE_PREPOSITIONS,
    STOPWORDS,
    TITLE_MODIFIERS,
    title_head,
)
from store.lang.en.lexicon import COMMON_WORDS
from store.models import Mention

__all__ = ["judge_lone_words", "junk_name"]

_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & "})


def judge_lone_words(
    mentions: list[Mention],
    tentative: set[str],
    texts: Mapping[str, str],
    type_of: Callable[[str], str],
    weak_places: Mapping[str, str],
) -> tuple[set[str], dict[str, tuple[str, str]]]:
    """Keys of tentative entities to drop, and (type, reason) for the ones kept."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.file, m.sentence_start)].append(m)
        if m.entity in tentative:
            by_key[m.entity].append(m)
    drop: set[str] = set()
    kept: dict[str, tuple[str, str]] = {}
    for key, ms in by_key.items():
        surface = ms[0].surface
        if (surface.isupper() and len(surface) > 4) or _people(surface):
            drop.add(key)  # "NEVER" in a shouted line; "Kazakh", "Sunni"
            continue
        place = form_key(surface) in weak_places
        if place and (
            not _common(surface) or any(_after_preposition(texts[m.file], m) for m in ms)
        ):
            kept[key] = ("place", "gazetteer")  # "Garland" after "from", "Oskany"
            continue
        if _common(surface):
            drop.add(key)  # "Ladies", "Debate"; "Mission", "Independence" with no "in"
            continue
        inside = [m for m in ms if _inside(texts[m.file], m)]
        if not inside:
            drop.add(key)
            continue
        votes: Counter[str] = Counter()
        for m in ms:
            for other in _neighbours(texts[m.file], m, by_sentence[(m.file, m.sentence_start)]):
                if other.entity not in tentative:
                    kind = type_of(other.entity)
                    if kind != "other":
                        votes[kind] += 1
        if votes:
            kept[key] = (votes.most_common(1)[0][0], "list with known names")
        elif len(inside) >= 2:
            kept[key] = ("other", "recurs capitalised")
        else:
            drop.add(key)
    return drop, kept


def _people(word: str) -> bool:
    lower = word.lower()
    return lower in demonyms() or lower in PEOPLES


def _common(word: str) -> bool:
    lower = word.lower()
    if lower.endswith("men") and lower[:-3] + "man" in COMMON_WORDS:
        return True  # "Gentlemen"
    if lower.endswith("ies") and lower[:-3] + "y" in COMMON_WORDS:
        return True
    return lower in COMMON_WORDS or (lower.endswith("s") and lower[:-1] in COMMON_WORDS)


def junk_name(name: str, kind: str, reason: str) -> bool:
    """A discovered name that is no name: a common English word on its own ("Ladies",
    "Debate": unless a title named it), a bare hyphenated title ("Secretary-General"), a
    contraction ("I've"), two sentences glued by a missing space ("Almaty.The"), or, typed
    other with no cue word, a phrase of common words in title case ("Economic Freedom",
    "Dear Colleagues")."""
    if _GLUED.search(name) or _CONTRACTION.fullmatch(name):
        return True
    words = name.split()
    bare = [w.lower().replace(".", "") for w in words]
    if all(b in _HONORIFICS or title_head(b) for b in bare):
        return True  # "H.E. Mr", "Deputy PM"
    if len(words) == 1 and (_people(name) or name.lower().endswith(DEMONYM_PLURALS)):
        return True  # "African", "Kashmiri", "Libyans"
    if len(words) == 1:
        if name.isupper() and len(name) <= 5:
            return False  # an acronym
        parts = name.lower().split("-")
        if len(parts) > 1 and all(title_head(p) or p in TITLE_MODIFIERS for p in parts):
            return True
        return _common(name) and reason != "title"
    if kind == "other" and reason != "cue word":
        lower = [w.lower() for w in words]
        return _CUES.isdisjoint(lower) and all(
            _common(w) or w in STOPWORDS or _ORDINAL.fullmatch(w) for w in lower
        )  # "Dear Colleagues", "78th Session"
    return False


_CUES = ORG_CUES | PLACE_CUES | OTHER_CUES
_HONORIFICS = frozenset({"he", "mr", "mrs", "ms", "dr", "sir", "his", "her", "your", "excellency"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_GLUED = re.compile(r"[a-z]{2}\.[A-Z][a-z]")
_CONTRACTION = re.compile(r"[A-Za-z]+['’](?:ve|ll|re|m|d|s|t)")


def _after_preposition(text: str, m: Mention) -> bool:
    """ "in Garland", "from Garland": a place preposition right before the word."""
    before = text[max(m.sentence_start, m.start - 12) : m.start].split()
    return bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS


_PLACE_PREPOSITIONS = PLACE_PREPOSITIONS | {"to", "at", "into", "via"}


def _inside(text: str, m: Mention) -> bool:
    """Not the sentence's first word: something with a letter stands before it."""
    return any(ch.isalpha() for ch in text[m.sentence_start : m.start])


def _neighbours(text: str, m: Mention, sentence: list[Mention]) -> list[Mention]:
    out = []
    for other in sentence:
        if other is m:
            continue
        if (other.end <= m.start and text[other.end : m.start] in _LIST_GAPS) or (
            other.start >= m.end and text[m.end : other.start] in _LIST_GAPS
        ):
            out.append(other)
    return out
