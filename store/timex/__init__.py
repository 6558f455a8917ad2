"""Temporal expressions: find them in English text and normalise them TIMEX3-style.

`tag(text, dct)` returns `Timex` records with exact offsets and TIMEX3 values. The parts:
`candidate` (the records), `rules/` (the patterns, one family a module), `scan` (runs the
rules only near their key words), `resolve` and `calendar` (values against a reference date),
`tagger` (selection, modifiers, ranges), `labels` (human labels for values). Imports
`store.lang` and `store.errors`; exports load lazily (the rules compile at import).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.timex.labels import date_label, one_date
    from store.timex.tagger import Timex, tag

__all__ = ["Timex", "date_label", "one_date", "tag"]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Timex": "store.timex.tagger",
        "tag": "store.timex.tagger",
        "date_label": "store.timex.labels",
        "one_date": "store.timex.labels",
    },
)
