"""Events: every dated statement of the body text, normalised and clustered across sources.

`extract` tags each body sentence (`store.timex`), keeps the dated statements as events with
their quote, anchor and entities, and lends years across documents; `text` knows what is not
an event (citations, access dates, reference lists) and writes summaries; `cluster` joins the
reports of one happening from several documents. Imports `store.models`, `store.lang`,
`store.text`, `store.timex` and `store.corpus` (publication dates); exports load lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.events.extract import extract_events

__all__ = ["extract_events"]

__getattr__, __dir__ = lazy_exports(__name__, {"extract_events": "store.events.extract"})
