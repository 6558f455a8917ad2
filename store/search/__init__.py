"""Search: one query language over every passage, for the CLI and the app alike.

`query` parses the language into a tree; `index` builds the positional index at build time and
`sidecar` writes and maps it (`<store>.index`); `evaluate` runs a tree against the index
(BM25, filters, prefixes, fuzzy terms); `highlight` turns matches into exact offsets and
snippets; `engine` holds the entry points (`write_index`, `load_index`, `search`). Imports
`store.models`, `store.errors`, `store.text` and `store.storage`; exports load lazily, so
numpy is imported only by a command that searches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.search.engine import SearchResults, load_index, search, write_index
    from store.search.query import parse

__all__ = ["SearchResults", "load_index", "parse", "search", "write_index"]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        **dict.fromkeys(
            ("SearchResults", "load_index", "search", "write_index"), "store.search.engine"
        ),
        "parse": "store.search.query",
    },
)
