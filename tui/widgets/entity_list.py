"""Entities grouped by type with mention counts, filtered by what the user types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from store.models import ENTITY_TYPES, Entity
from tui.model.catalog import Catalog
from tui.model.controls import visible
from tui.widgets.keyed_list import KeyedList, fit

TYPE_TITLES = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "other": "Other",
}


def matches(entity: Entity, needle: str) -> bool:
    """Case-insensitive substring of the name or any alias."""
    needle = needle.casefold().strip()
    return not needle or any(needle in n.casefold() for n in (entity.name, *entity.aliases))


# Curation keys: (key, verb, description, tooltip); the same keys work in the entity view.
CURATION_KEYS = (
    ("m", "merge", "Merge", "Merge this entity with another: its names join this one"),
    ("s", "split", "Split", "Split an alias off this entity as an entity of its own"),
    ("r", "rename", "Rename", "Rename this entity (the old name stays an alias)"),
    ("t", "type", "Type", "Change this entity's type"),
    ("x", "exclude", "Exclude", "Exclude this name: a false positive, never an entity"),
    ("u", "undo", "Undo", "Undo the last edit of entities.yaml"),
)


def curation_bindings(prefix: str) -> list[BindingType]:
    return [
        Binding(key, f"curate('{verb}')", label, show=False, tooltip=tip, id=f"{prefix}.{verb}")
        for key, verb, label, tip in CURATION_KEYS
    ]


class EntityList(KeyedList):
    """Entities by type; m s r t x u correct them (written to entities.yaml, then rebuilt)."""

    BINDINGS: ClassVar[list[BindingType]] = curation_bindings("dossier.entities")

    @dataclass
    class CurationAsked(Message):
        """A curation key on the entity `entity_id` (None: the list is empty)."""

        verb: str
        entity_id: str | None

    @dataclass
    class Highlighted(Message):
        """The cursor is on the entity `entity_id` (the reader marks its mentions)."""

        entity_id: str

    @dataclass
    class Chosen(Message):
        """Enter or a click on the entity `entity_id` (its entity view opens)."""

        entity_id: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.catalog: Catalog | None = None
        self.needle = ""
        self.starred: set[str] = set()  # entity ids the user bookmarked: marked ★

    def action_curate(self, verb: str) -> None:
        self.post_message(self.CurationAsked(verb, self.highlighted_id))

    def highlight_message(self, key: str) -> Message:
        return self.Highlighted(key)

    def choice_message(self, key: str) -> Message:
        return self.Chosen(key)

    def show_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.redraw()

    def show_stars(self, starred: set[str]) -> None:
        if starred != self.starred:
            self.starred = starred
            self.redraw()

    def filter(self, needle: str) -> None:
        self.needle = needle
        self.redraw()

    def visible_entities(self) -> list[Entity]:
        if self.catalog is None:
            return []
        counts = self.catalog.mention_counts
        kept = [e for e in self.catalog.entities if matches(e, self.needle)]
        order = {t: i for i, t in enumerate(ENTITY_TYPES)}
        return sorted(kept, key=lambda e: (order.get(e.type, 99), -counts[e.id], e.name.casefold()))

    def rows(self, width: int) -> list[Option]:
        if self.catalog is None:
            return []
        options: list[Option] = []
        kind = None
        for entity in self.visible_entities():
            if entity.type != kind:
                kind = entity.type
                title = TYPE_TITLES.get(kind, kind.title())
                options.append(
                    Option(Content.styled(title, "bold $accent"), id=f"type:{kind}", disabled=True)
                )
            count = str(self.catalog.mention_counts[entity.id])
            options.append(
                Option(
                    Content.assemble(
                        fit(
                            ("★ " if entity.id in self.starred else "") + visible(entity.name),
                            width - len(count) - 2,
                        ),
                        " ",
                        Content.styled(count, "$text-muted"),
                    ),
                    id=entity.id,
                )
            )
        if not options:
            options.append(Option(Content(f"No entity matches {self.needle!r}"), disabled=True))
        return options
