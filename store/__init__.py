"""Dossier's data core: documents in, a store of sources, passages, events and entities out.

The pipeline (`build`) reads a corpus (`corpus`), cuts it into passages and sentences (`text`),
tags temporal expressions (`timex`), finds entities (`entities`) and dated events (`events`),
indexes passages for search (`search`), and writes everything to one store file (`storage`).
English words and cues live in `lang/en`. Records are the frozen dataclasses of `models`;
problems the user can act on are `errors.DossierError`s.

This package never imports textual, rich or `tui`, and only `storage.db` and
`storage.documents` import tinydb (import contracts in pyproject.toml and
tests/unit/test_layering.py check both). Importing it is cheap:
the names below load their modules on first use. (The functions `build` and `search` are not
exported here: their names are the modules `store.build` and `store.search`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.build import BuildReport, ensure_built, is_stale
    from store.entities import entity_details, find_entity
    from store.errors import (
        CorpusError,
        DossierError,
        ManifestError,
        QueryError,
        StoreCorrupt,
        StoreError,
        StoreTooNew,
    )
    from store.models import (
        BODY,
        BOILERPLATE,
        ENTITY_TYPES,
        FOOTNOTE,
        HEADING,
        Document,
        Entity,
        Event,
        Hit,
        Mention,
        Passage,
        Sentence,
        Source,
    )
    from store.search import SearchResults, load_index
    from store.storage import Store, bundled_corpus, default_store_path
    from store.timex import Timex, date_label, tag

__all__ = [
    "BODY",
    "BOILERPLATE",
    "ENTITY_TYPES",
    "FOOTNOTE",
    "HEADING",
    "BuildReport",
    "CorpusError",
    "Document",
    "DossierError",
    "Entity",
    "Event",
    "Hit",
    "ManifestError",
    "Mention",
    "Passage",
    "QueryError",
    "SearchResults",
    "Sentence",
    "Source",
    "Store",
    "StoreCorrupt",
    "StoreError",
    "StoreTooNew",
    "Timex",
    "bundled_corpus",
    "date_label",
    "default_store_path",
    "ensure_built",
    "entity_details",
    "find_entity",
    "is_stale",
    "load_index",
    "tag",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        **dict.fromkeys(("BuildReport", "ensure_built", "is_stale"), "store.build"),
        **dict.fromkeys(("entity_details", "find_entity"), "store.entities"),
        **dict.fromkeys(
            (
                "CorpusError",
                "DossierError",
                "ManifestError",
                "QueryError",
                "StoreCorrupt",
                "StoreError",
                "StoreTooNew",
            ),
            "store.errors",
        ),
        **dict.fromkeys(
            (
                "BODY",
                "BOILERPLATE",
                "ENTITY_TYPES",
                "FOOTNOTE",
                "HEADING",
                "Document",
                "Entity",
                "Event",
                "Hit",
                "Mention",
                "Passage",
                "Sentence",
                "Source",
            ),
            "store.models",
        ),
        **dict.fromkeys(("SearchResults", "load_index"), "store.search"),
        **dict.fromkeys(("Store", "bundled_corpus", "default_store_path"), "store.storage"),
        **dict.fromkeys(("Timex", "date_label", "tag"), "store.timex"),
    },
)
