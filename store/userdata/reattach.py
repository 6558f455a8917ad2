"""Re-anchoring every anchor against a (re)built store: texts, events and entities.

Pure over what it is given (the store's texts, events and entities): `reattach` returns the
anchor as it should now be stored. Text anchors go through `locate`; a file that is gone is
looked for by its exact quote in the other documents (a renamed file). An event anchor
re-attaches to the event with its date and quote (the same id when it still holds them), else
an event of the same date over the place its quote is found now, else one with the same quote;
an entity anchor to the entity of that id and name, else one whose name or aliases share a
name with the old ones. What cannot be found is `orphaned`, and keeps its old quote.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from store.models import Entity, Event
from store.userdata.anchor import (
    ANCHORED,
    MOVED,
    ORPHANED,
    Anchor,
    EntityRef,
    EventRef,
    moved_to,
    text_hash,
)
from store.userdata.locate import reanchor


class Corpus:
    """What re-anchoring reads from a store. Events and entities are asked for (and indexed)
    only when an anchor on one needs them: text notes alone never load the chronology."""

    def __init__(
        self,
        texts: Callable[[str], str | None],
        files: list[str],
        events: Callable[[], list[Event]],
        entities: Callable[[], list[Entity]],
    ) -> None:
        self.texts, self.files = texts, files
        self._load_events, self._load_entities = events, entities
        self._hashes: dict[str, str] = {}
        self._events: list[Event] | None = None
        self._entities: list[Entity] | None = None
        self._events_by_id: dict[str, Event] = {}

    @property
    def events(self) -> list[Event]:
        if self._events is None:
            self._events = self._load_events()
            self._events_by_id = {e.id: e for e in self._events}
        return self._events

    @property
    def entities(self) -> list[Entity]:
        if self._entities is None:
            self._entities = self._load_entities()
        return self._entities

    def text_hash(self, file: str) -> str | None:
        if file not in self._hashes:
            text = self.texts(file)
            if text is None:
                return None
            self._hashes[file] = text_hash(text)
        return self._hashes[file]

    def event(self, event_id: str) -> Event | None:
        self.events  # noqa: B018  (loads and indexes them)
        return self._events_by_id.get(event_id)


def reattach(anchor: Anchor, corpus: Corpus) -> Anchor:
    """The anchor found again in `corpus`; the same object when nothing changed."""
    if anchor.entity is not None:
        return _entity(anchor, corpus)
    if anchor.event is not None:
        return _event(anchor, corpus)
    return _text(anchor, corpus)


def _text(anchor: Anchor, corpus: Corpus) -> Anchor:
    if anchor.file is None:
        return anchor
    if corpus.text_hash(anchor.file) == anchor.hash and anchor.status != ORPHANED:
        return anchor  # the fast path: the document is unchanged
    text = corpus.texts(anchor.file)
    if text is not None:
        return reanchor(anchor, text)
    for other in corpus.files:  # the file is gone: a renamed copy still holds the quote?
        candidate = corpus.texts(other) or ""
        if anchor.exact and anchor.exact in candidate:
            found = reanchor(dataclasses.replace(anchor, file=other, hash=""), candidate)
            if found.status != ORPHANED:
                return dataclasses.replace(found, status=MOVED)
    return _orphan(anchor)


def _orphan(anchor: Anchor) -> Anchor:
    return anchor if anchor.status == ORPHANED else dataclasses.replace(anchor, status=ORPHANED)


def _event(anchor: Anchor, corpus: Corpus) -> Anchor:
    ref = anchor.event
    assert ref is not None
    same = corpus.event(ref.id)
    if same is not None and same.date == ref.date and same.quote == ref.quote:
        if corpus.text_hash(same.file) == anchor.hash and anchor.status != ORPHANED:
            return anchor
        return _on_event(anchor, same, corpus, ANCHORED if same.start == anchor.start else MOVED)
    located = _text(anchor, corpus)
    exact = [e for e in corpus.events if e.date == ref.date and e.quote == ref.quote]
    if exact:
        best = min(exact, key=lambda e: (e.file != located.file, abs(e.start - located.start)))
        return _on_event(anchor, best, corpus, MOVED)
    if located.status != ORPHANED:
        over = [
            e
            for e in corpus.events
            if e.file == located.file
            and e.date == ref.date
            and e.start < located.end
            and located.start < e.end
        ]
        if over:
            best = min(over, key=lambda e: abs(e.start - located.start))
            return _on_event(anchor, best, corpus, located.status)
    quoted = [e for e in corpus.events if e.quote == ref.quote]
    if quoted:
        best = min(quoted, key=lambda e: (e.file != located.file, abs(e.start - located.start)))
        return _on_event(anchor, best, corpus, MOVED)
    return _orphan(anchor)


def _on_event(anchor: Anchor, event: Event, corpus: Corpus, status: str) -> Anchor:
    text = corpus.texts(event.file) or ""
    moved = moved_to(anchor, text, event.start, event.end, status)
    return dataclasses.replace(
        moved, file=event.file, event=EventRef(event.id, event.date, event.quote)
    )


def _entity(anchor: Anchor, corpus: Corpus) -> Anchor:
    ref = anchor.entity
    assert ref is not None
    by_id = next((e for e in corpus.entities if e.id == ref.id), None)
    if by_id is not None and by_id.name == ref.name:
        if anchor.status == ORPHANED:
            return dataclasses.replace(anchor, status=ANCHORED)
        return anchor
    old = {n.casefold() for n in (ref.name, *ref.aliases)}
    best: tuple[int, Entity] | None = None
    for entity in corpus.entities:
        names = [entity.name, *entity.aliases]
        rank = 0 if entity.name.casefold() == ref.name.casefold() else 1
        if rank == 1 and not old & {n.casefold() for n in names}:
            continue
        if best is None or rank < best[0]:
            best = (rank, entity)
    if best is None:
        return _orphan(anchor)
    entity = best[1]
    return dataclasses.replace(
        anchor,
        exact=entity.name,
        status=MOVED,
        entity=EntityRef(entity.id, entity.name, tuple(entity.aliases)),
    )
