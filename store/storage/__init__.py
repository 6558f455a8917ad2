"""Where derived data lives and how it is written: the store, atomic writes, file locations.

`db` (the derived store) and `documents` (user-data files, edited in locked transactions) are
the only modules in Dossier that import tinydb (an import contract checks it). This
package imports only `store.models` and `store.errors`; every stage above it reads and writes
through `Store` and `write_store`. Exports load lazily: `store.storage.locations` is imported
before the app's first frame and must not pull in TinyDB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.storage.atomic import write_bytes_atomic
    from store.storage.db import Store, read_meta
    from store.storage.layout import SCHEMA_VERSION, write_store
    from store.storage.locations import bundled_corpus, default_store_path

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "bundled_corpus",
    "default_store_path",
    "read_meta",
    "write_bytes_atomic",
    "write_store",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "SCHEMA_VERSION": "store.storage.layout",
        "Store": "store.storage.db",
        "read_meta": "store.storage.db",
        "write_store": "store.storage.layout",
        "write_bytes_atomic": "store.storage.atomic",
        "bundled_corpus": "store.storage.locations",
        "default_store_path": "store.storage.locations",
    },
)
