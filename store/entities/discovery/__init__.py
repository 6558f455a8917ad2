"""Discovery: names the catalogue lacks, found from how English text names things.

`tokens` splits a sentence into words with their offsets; `rules` (titles, appositions,
speech), `acronyms` (definitions) and `runs` (typing a run of capitalised words) are the rule
sets, layered as mixins that each declare what they read; `sentence` applies them to every
body sentence of a document (`discover`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.entities.discovery.sentence import discover
    from store.entities.discovery.tokens import DocFindings, Found, Words, lower_vocabulary

__all__ = ["DocFindings", "Found", "Words", "discover", "lower_vocabulary"]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "discover": "store.entities.discovery.sentence",
        **dict.fromkeys(
            ("DocFindings", "Found", "Words", "lower_vocabulary"), "store.entities.discovery.tokens"
        ),
    },
)
