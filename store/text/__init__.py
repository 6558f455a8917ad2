"""Text as Dossier cuts it: passages and sentences with exact offsets, passage kinds, folding.

`segment(file, text)` gives a document's passages (body, heading, footnote, boilerplate) and
sentences; every offset slices the original text. `fold` (the module) turns text into search
terms. Imports `store.models` and `store.lang` only; exports load lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.text.segment import passage_spans, segment

__all__ = ["passage_spans", "segment"]

__getattr__, __dir__ = lazy_exports(
    __name__, {"passage_spans": "store.text.segment", "segment": "store.text.segment"}
)
