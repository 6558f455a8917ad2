"""What the entity view shows, read from the store in the view's worker."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from store.db import Store
from store.models import Entity, Event
from tui.catalog import Catalog

CONTEXT = 60


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
    """Mentions in context, counts per source, entities sharing its sentences, its events."""
    entity = catalog.by_entity[entity_id]
    all_mentions = store.mentions()
    own = sorted((m for m in all_mentions if m.entity == entity_id),
                 key=lambda m: (m.file, m.start))
    sentences = {(m.file, m.sentence_start) for m in own}
    shared: Counter[str] = Counter()
    seen: set[tuple[str, str, int]] = set()
    for m in all_mentions:
        key = (m.entity, m.file, m.sentence_start)
        if m.entity != entity_id and (m.file, m.sentence_start) in sentences and key not in seen:
            seen.add(key)
            shared[m.entity] += 1
    contexts = []
    for m in own:
        text = store.text(m.file)
        contexts.append(MentionInContext(
            m.file, m.start, m.end, text[m.start:m.end],
            text[max(0, m.start - CONTEXT):m.start], text[m.end:m.end + CONTEXT],
            text[m.sentence_start:m.sentence_end]))
    per_source = Counter(m.file for m in own).most_common()
    related = [(catalog.by_entity[i], n) for i, n in shared.most_common(20)
               if i in catalog.by_entity]
    events = [e for e in catalog.events if entity_id in e.entities]
    return EntityView(entity, per_source, contexts, related, events)
