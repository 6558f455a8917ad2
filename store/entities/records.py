"""The records the entities stage keeps while it reads the corpus (shared by extract.py and
corpus_steps.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from store.models import Sentence

__all__ = ["TYPE_PRIORITY", "EntityHit", "Info"]

TYPE_PRIORITY = ("person", "organisation", "place", "other")


@dataclass(slots=True)
class Info:
    """An entity while the corpus is read: catalogue or discovered, keyed internally."""

    name: str
    type: str | None
    description: str = ""
    discovered: bool = False
    generic: bool = False
    aliases: dict[str, None] = field(default_factory=dict)
    types: Counter[str] = field(default_factory=Counter)
    weak: Counter[str] = field(default_factory=Counter)  # default guesses, used when types is empty
    catalogue_id: str | None = None
    source: str = "discovered"  # catalogue | base | discovered
    reasons: dict[str, str] = field(default_factory=dict)  # type -> the first evidence for it
    evidence: list[str] = field(default_factory=list)  # why names were merged, or kept apart
    base_forms: frozenset[str] = frozenset()  # a base entry's own aliases
    tentative: bool = False  # a lone word with no evidence: kept only if coreference or
    # the corpus gives some (`_Extraction.settle`)


@dataclass(slots=True)
class EntityHit:
    start: int
    end: int
    key: str
    sentence: Sentence
