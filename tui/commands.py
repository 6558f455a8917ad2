"""Palette commands: "open: <title>", "entity: <any alias>", "date: <year>".

They read the catalog already in memory, so the palette answers as fast as the user types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from tui.model.catalog import event_year
from tui.model.controls import visible

if TYPE_CHECKING:
    from tui.app import DossierApp


DISCOVER_SOURCES = 30


class DossierCommands(Provider):
    """Open a source by title, an entity by any of its names, the chronology at a year."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        from tui.app import DossierApp

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
        yield from self._writing_commands(app)
        years = sorted({event_year(e) for e in catalog.events})
        for year in years:
            yield (
                f"date: {year}",
                partial(app.action_chronology_at, year),
                "Chronology at this year",
            )

    def _writing_commands(self, app: DossierApp) -> Iterator[tuple[str, Callable[[], None], str]]:
        """Notes, saved and recent searches, citation styles, starred and tagged chronology."""
        from tui.model.citer import CHOICES

        marks = app.main.model.marks
        yield (
            "notes: open the Notes pane",
            partial(app.action_pane, "notes"),
            "Bookmarks and notes, grouped by source, tag or date",
        )
        yield ("save search: the last query", app.action_save_search, "Save it under a name")
        for saved in marks.saved:
            yield (
                f"search: {visible(saved.name)}",
                partial(app.action_run_query, saved.query),
                f"Saved search: {visible(saved.query)}",
            )
        for recent in marks.history[:20]:
            yield (
                f"recent: {visible(recent.query)}",
                partial(app.action_run_query, recent.query),
                f"Ran {recent.when}",
            )
        for style in CHOICES:
            yield (
                f"citation: {style}",
                partial(app.action_cite_as, style),
                "How y and Y cite (saved in the config file)",
            )
        yield (
            "chronology: starred events",
            partial(app.action_chronology_only, "starred", ""),
            "Only the events you starred (f in the chronology toggles it)",
        )
        for tag in marks.tag_names:
            yield (
                f"chronology: tag {visible(tag)}",
                partial(app.action_chronology_only, "tag", tag),
                "Events with this tag",
            )
        yield (
            "export: the chronology or notes in view",
            app.main.action_export_view,
            "x: a Markdown file, in the directory Dossier started in",
        )

    async def discover(self) -> Hits:
        """What the palette lists before anything is typed: every command but the entities,
        and only the first `DISCOVER_SOURCES` sources (thousands of "open:" lines took the
        palette a second to show; typing still searches them all)."""
        sources = 0
        for text, callback, help_text in self._commands():
            if text.startswith("entity:"):
                continue
            if text.startswith("open:"):
                sources += 1
                if sources > DISCOVER_SOURCES:
                    continue
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
