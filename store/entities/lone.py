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

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping

from store.entities.catalogue import form_key
from store.lang.en.lexicon import COMMON_WORDS
from store.models import Mention

__all__ = ["judge_lone_words"]

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
        if form_key(surface) in weak_places:
            kept[key] = ("place", "gazetteer")
            continue
        if surface.lower() in COMMON_WORDS or surface.lower().rstrip("s") in COMMON_WORDS:
            drop.add(key)
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
