"""What the entity view and `dossier entity` show: lookup by any alias, and one entity's details.

Everything here reads a built Store; nothing is stored twice. Co-occurrence is counted per
sentence (two entities mentioned in the same sentence), which is what a writer means by
"comes up with".
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from store.entities.catalogue import form_key
from store.errors import DossierError
from store.models import Entity, Event, Mention
from store.storage.db import Store

CONTEXT_CHARS = 60
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class KwicLine:
    """A mention in context: `left + surface + right` is the text around offsets start..end."""

    file: str
    start: int
    end: int
    left: str
    surface: str
    right: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class EntityDetails:
    entity: Entity
    mention_counts: dict[str, int]  # file -> mentions, in source order
    first: Mention | None
    last: Mention | None
    contexts: tuple[KwicLine, ...]
    related: tuple[tuple[Entity, int], ...]  # co-occurring entities, most sentences first
    events: tuple[Event, ...]

    def to_json(self) -> dict[str, Any]:
        """The shape `dossier entity --json` prints."""
        return {
            **entity_json(self.entity, self.mention_counts),
            "first": _mention_json(self.first),
            "last": _mention_json(self.last),
            "mentions_in_context": [
                {
                    "file": k.file,
                    "start": k.start,
                    "end": k.end,
                    "left": k.left,
                    "surface": k.surface,
                    "right": k.right,
                    "sentence": {"start": k.sentence_start, "end": k.sentence_end},
                }
                for k in self.contexts
            ],
            "related": [
                {"id": e.id, "name": e.name, "type": e.type, "sentences": n}
                for e, n in self.related
            ],
            "events": [e.to_json() for e in self.events],
        }


def entity_json(entity: Entity, counts: dict[str, int]) -> dict[str, Any]:
    """The shape of one item of `dossier entities --json`."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "description": entity.description,
        "mentions": dict(counts),
        "discovered": entity.discovered,
        "source": entity.source,
        "type_reason": entity.reason,
        "evidence": list(entity.evidence),
    }


def _mention_json(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"file": m.file, "start": m.start, "end": m.end, "surface": m.surface}


def mention_counts(store: Store) -> dict[str, dict[str, int]]:
    """entity id -> {file: count}, files in source order."""
    order = {s.file: i for i, s in enumerate(store.sources())}
    return {
        k: dict(sorted(c.items(), key=lambda kv: (order.get(kv[0], 1 << 30), kv[0])))
        for k, c in store.mention_counts().items()
    }


def find_entity(store: Store, name: str) -> Entity:
    """The entity with this id, name or alias (case and possessive ignored), or a DossierError
    suggesting the closest names."""
    entities = store.entities()
    wanted = form_key(name)
    for entity in entities:
        if entity.id == name or wanted in {form_key(f) for f in (entity.name, *entity.aliases)}:
            return entity
    names: dict[str, str] = {}
    for entity in entities:
        for form in (entity.name, *entity.aliases):
            names.setdefault(form.casefold(), entity.name)
    close = difflib.get_close_matches(name.casefold(), list(names), n=5, cutoff=0.6)
    suggestions = list(dict.fromkeys(names[c] for c in close))
    hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    raise DossierError(f"no entity named {name!r}{hint}")


def entity_details(
    store: Store, entity_id: str, context_chars: int = CONTEXT_CHARS
) -> EntityDetails:
    """Counts, first/last appearance, mentions in context, co-occurring entities, events."""
    by_id = {e.id: e for e in store.entities()}
    entity = by_id.get(entity_id)
    if entity is None:
        raise DossierError(f"no entity with id {entity_id!r}")
    sources = store.sources()
    order = {s.file: i for i, s in enumerate(sources)}
    dated = {s.file: s.published for s in sources}
    own = store.mentions(entity=entity_id)
    own.sort(key=lambda m: (order.get(m.file, 1 << 30), m.start))
    ordered_counts = dict(Counter(m.file for m in own))  # `own` is in source order already

    def when(m: Mention) -> tuple[bool, str, str, int]:
        date = dated.get(m.file, "unknown")
        return (date == "unknown", date, m.file, m.start)

    chronological = sorted(own, key=when)
    contexts = tuple(_kwic(store.text(m.file), m, context_chars) for m in own)
    sentences = {(m.file, m.sentence_start) for m in own}
    together: Counter[str] = Counter()
    seen: set[tuple[str, str, int]] = set()
    neighbours = (m for f in {m.file for m in own} for m in store.mentions(f))
    for m in neighbours:
        key = (m.entity, m.file, m.sentence_start)
        if m.entity != entity_id and (m.file, m.sentence_start) in sentences and key not in seen:
            seen.add(key)
            together[m.entity] += 1
    related = tuple(
        (by_id[k], n)
        for k, n in sorted(together.items(), key=lambda kv: (-kv[1], by_id[kv[0]].name.casefold()))
        if k in by_id
    )
    events = tuple(
        sorted(
            (e for e in store.events() if entity_id in e.entities),
            key=lambda e: (e.date_begin, e.date_end, e.file, e.start),
        )
    )
    return EntityDetails(
        entity,
        ordered_counts,
        chronological[0] if chronological else None,
        chronological[-1] if chronological else None,
        contexts,
        related,
        events,
    )


def _kwic(text: str, m: Mention, width: int) -> KwicLine:
    """Keyword in context inside the mention's sentence, whitespace folded for one line."""
    left = text[max(m.sentence_start, m.start - width) : m.start]
    right = text[m.end : min(m.sentence_end, m.end + width)]
    return KwicLine(
        m.file,
        m.start,
        m.end,
        _WHITESPACE.sub(" ", left),
        m.surface,
        _WHITESPACE.sub(" ", right),
        m.sentence_start,
        m.sentence_end,
    )
