"""Entities: people, organisations, places and other named things, with their aliases merged.

`load_catalogue` reads the user's `entities.yaml`; `extract_entities` matches its names in
every document (`match`), discovers the names it lacks (`discovery/`) and merges them into
entities and mentions at exact offsets (`extract`); `details` answers "everything about one
entity" for the CLI and the app. Imports `store.models`, `store.errors`, `store.lang` and, for
`details` only, `store.storage`. Exports load lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.entities.catalogue import Alias, Catalogue, CatalogueEntry, load_catalogue
    from store.entities.details import (
        EntityDetails,
        KwicLine,
        entity_details,
        entity_json,
        find_entity,
        mention_counts,
    )
    from store.entities.extract import extract_entities, matcher_for

__all__ = [
    "Alias",
    "Catalogue",
    "CatalogueEntry",
    "EntityDetails",
    "KwicLine",
    "entity_details",
    "entity_json",
    "extract_entities",
    "find_entity",
    "load_catalogue",
    "matcher_for",
    "mention_counts",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        **dict.fromkeys(
            ("Alias", "Catalogue", "CatalogueEntry", "load_catalogue"), "store.entities.catalogue"
        ),
        **dict.fromkeys(
            (
                "EntityDetails",
                "KwicLine",
                "entity_details",
                "entity_json",
                "find_entity",
                "mention_counts",
            ),
            "store.entities.details",
        ),
        **dict.fromkeys(("extract_entities", "matcher_for"), "store.entities.extract"),
    },
)
