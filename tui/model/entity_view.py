"""What the entity view shows, read from the store in the view's worker."""

from __future__ import annotations

from dataclasses import dataclass

from store.entities.details import entity_details
from store.models import Entity, Event
from store.storage.db import Store
from tui.model.catalog import Catalog


@dataclass(frozen=True, slots=True)
class MentionInContext:
    file: str
    start: int
    end: int
    surface: str
    before: str
    after: str
    sentence: str


@dataclass(slots=True)
class EntityView:
    entity: Entity
    per_source: list[tuple[str, int]]
    mentions: list[MentionInContext]
    related: list[tuple[Entity, int]]
    events: list[Event]


def load_entity_view(store: Store, catalog: Catalog, entity_id: str) -> EntityView:
    """Mentions in context, counts per source, entities sharing its sentences, its events:
    `store.entities.details.entity_details`, shaped for the screen."""
    details = entity_details(store, entity_id)
    mentions = [
        MentionInContext(
            k.file,
            k.start,
            k.end,
            k.surface,
            k.left,
            k.right,
            store.text(k.file)[k.sentence_start : k.sentence_end],
        )
        for k in details.contexts
    ]
    per_source = sorted(details.mention_counts.items(), key=lambda item: -item[1])
    related = [(other, n) for other, n in details.related[:20] if other.id in catalog.by_entity]
    return EntityView(details.entity, per_source, mentions, related, list(details.events))
