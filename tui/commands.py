"""Palette commands: "open: <title>", "entity: <any alias>", "date: <year>".

They read the catalog already in memory, so the palette answers as fast as the user types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from tui.model.catalog import event_year
from tui.model.controls import visible


class DossierCommands(Provider):
    """Open a source by title, an entity by any of its names, the chronology at a year."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        from tui.app import DossierApp  # not at the top: tui.app imports this module

        app = self.app
        assert isinstance(app, DossierApp)
        catalog = app.catalog
        if catalog is None:
            return
        for source in catalog.sources:
            yield (
                f"open: {visible(source.title)}",
                partial(app.action_open_source, source.file),
                f"Read {source.file}",
            )
        for entity in catalog.entities:
            for name in dict.fromkeys((entity.name, *entity.aliases)):
                help_text = entity.type if name == entity.name else f"{entity.name} ({entity.type})"
                yield (
                    f"entity: {visible(name)}",
                    partial(app.action_open_entity, entity.id),
                    help_text,
                )
        years = sorted({event_year(e) for e in catalog.events})
        for year in years:
            yield (
                f"date: {year}",
                partial(app.action_chronology_at, year),
                "Chronology at this year",
            )

    async def discover(self) -> Hits:
        for text, callback, help_text in self._commands():
            if not text.startswith("entity:"):
                yield DiscoveryHit(Content(text), callback, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(escape(text)),
                    callback,
                    text=text,
                    help=escape(help_text),
                )
