"""What each curation key asks and confirms: plain decisions, tested without Textual.

A curation edit (store/entities/curate.py) is one key in the entity list or the entity view,
then a choice where one is needed (the entity to merge into, the alias to split off, the new
name or type), then a confirm. `Request` is what the user chose; `confirm_text` is the
question the confirm asks; `apply` runs the edit on a Curator.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.entities.curate import Curator
from store.models import ENTITY_TYPES, Entity

VERBS = ("merge", "split", "rename", "type", "exclude", "undo")


@dataclass(frozen=True, slots=True)
class Request:
    verb: str
    entity: Entity | None  # None for undo
    value: str = ""  # merge: the other entity's id; split: the alias; rename: the new name ...
    other: Entity | None = None  # merge: the entity whose names join `entity`'s


def choices(verb: str, entity: Entity, entities: list[Entity]) -> list[tuple[str, str]]:
    """(value, label) the user picks from before the confirm; empty when nothing to pick."""
    if verb == "merge":
        return [(e.id, f"{e.name} ({e.type})") for e in entities if e.id != entity.id]
    if verb == "split":
        return [(a, a) for a in entity.aliases]
    if verb == "type":
        return [(t, t) for t in ENTITY_TYPES if t != entity.type]
    return []


def prompt(verb: str, entity: Entity | None) -> str:
    name = entity.name if entity else ""
    return {
        "merge": f"Merge {name!r} with which entity? (its names join {name!r})",
        "split": f"Which alias of {name!r} becomes an entity of its own?",
        "rename": f"New name for {name!r} (the old one stays an alias)",
        "type": f"New type for {name!r}",
    }.get(verb, "")


def confirm_text(request: Request, undo_what: str = "") -> str:
    entity = request.entity
    name = entity.name if entity else ""
    if request.verb == "merge" and request.other is not None:
        return f"Merge {request.other.name!r} into {name!r}? Its names become aliases of {name!r}."
    if request.verb == "split":
        return f"Split {request.value!r} off {name!r} as an entity of its own?"
    if request.verb == "rename":
        return f"Rename {name!r} to {request.value!r}?"
    if request.verb == "type":
        return f"Make {name!r} of type {request.value}?"
    if request.verb == "exclude":
        return f"Exclude {name!r}? It will no longer be an entity."
    return f"Undo the last edit ({undo_what})?" if undo_what else "Undo the last edit?"


def apply(curator: Curator, request: Request) -> str:
    """Run the edit; returns what it did, in words."""
    entity = request.entity
    if request.verb == "undo":
        return curator.undo()
    assert entity is not None
    if request.verb == "merge":
        assert request.other is not None
        return curator.merge(entity, request.other)
    if request.verb == "split":
        return curator.split(entity, request.value)
    if request.verb == "rename":
        return curator.rename(entity, request.value)
    if request.verb == "type":
        return curator.set_type(entity, request.value)
    return curator.exclude(entity.name)
