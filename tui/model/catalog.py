"""Everything the main screen lists, read from the store once in a worker.

The panes, the palette and the filters work from this in-memory snapshot, so moving through
lists never touches the store; only opening a document's text does (in the reader worker).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from store.models import Entity, Event, Source
from store.storage.db import Store
from store.timex.labels import date_label as label_of


def date_label(event: Event) -> str:
    """`2014-08-12`, `2014-08`, `2014`, `2011–2012`, `summer 2015`, `before 2014`."""
    return label_of(event.date, event.mod)


def event_year(event: Event) -> str:
    return (event.date_begin or event.date)[:4] or "????"


@dataclass(frozen=True, slots=True)
class ChronoRow:
    """One line of the chronology: an event, or a cluster of events from several sources."""

    event: Event
    members: tuple[Event, ...]

    @property
    def files(self) -> list[str]:
        return sorted({m.file for m in self.members})


@dataclass(slots=True)
class Catalog:
    sources: list[Source] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    by_file: dict[str, Source] = field(default_factory=dict)
    by_entity: dict[str, Entity] = field(default_factory=dict)
    by_event: dict[str, Event] = field(default_factory=dict)
    clusters: dict[str, list[Event]] = field(default_factory=dict)
    mention_counts: Counter[str] = field(default_factory=Counter)
    source_mentions: Counter[str] = field(default_factory=Counter)
    source_events: Counter[str] = field(default_factory=Counter)
    # chronology() answers by (entity, file): the catalog never changes once read
    _chronologies: dict[tuple[str | None, str | None], list[ChronoRow]] = field(
        default_factory=dict
    )

    @classmethod
    def load(cls, store: Store) -> Catalog:
        """Read the lists the panes show; runs in a thread worker."""
        cat = cls(sources=store.sources(), entities=store.entities())
        cat.events = sorted(
            store.events(), key=lambda e: (e.date_begin, e.date_end, e.file, e.start)
        )
        cat.by_file = {s.file: s for s in cat.sources}
        cat.by_entity = {e.id: e for e in cat.entities}
        cat.by_event = {e.id: e for e in cat.events}
        clusters: dict[str, list[Event]] = defaultdict(list)
        for event in cat.events:
            clusters[event.cluster or event.id].append(event)
            cat.source_events[event.file] += 1
        cat.clusters = dict(clusters)
        for entity_id, per_file in store.mention_counts().items():
            for file, count in per_file.items():
                cat.mention_counts[entity_id] += count
                cat.source_mentions[file] += count
        cat.chronology()  # grouped here, in the worker, not when the pane first shows it
        return cat

    def cluster_of(self, event: Event) -> list[Event]:
        return self.clusters.get(event.cluster or event.id, [event])

    def chronology(self, entity: str | None = None, file: str | None = None) -> list[ChronoRow]:
        """One row per cluster in date order, optionally only those touching an entity/source
        (remembered: a 10,000-document corpus takes half a second to group)."""
        key = (entity, file)
        if key not in self._chronologies:
            self._chronologies[key] = self._group(entity, file)
        return list(self._chronologies[key])

    def _group(self, entity: str | None, file: str | None) -> list[ChronoRow]:
        rows: list[ChronoRow] = []
        seen: set[str] = set()
        for event in self.events:
            key = event.cluster or event.id
            if key in seen:
                continue
            members = tuple(self.cluster_of(event))
            if entity is not None and not any(entity in m.entities for m in members):
                continue
            if file is not None and not any(m.file == file for m in members):
                continue
            seen.add(key)
            rows.append(ChronoRow(event, members))
        return rows

    def source_title(self, file: str) -> str:
        source = self.by_file.get(file)
        return source.title if source else file
