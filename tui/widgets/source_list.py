"""Sources: title, then date, publisher and what was found in each; one entry per document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from tui.model.catalog import Catalog
from tui.model.citation import published_label
from tui.model.controls import visible
from tui.widgets.keyed_list import KeyedList, LazyRows, fit


class SourceList(KeyedList):
    """Options keyed by file name, so a selection gives back the document, not a copy."""

    @dataclass
    class Highlighted(Message):
        """The cursor is on the source of `file` (the reader previews it)."""

        file: str

    @dataclass
    class Chosen(Message):
        """Enter or a click on the source of `file` (the reader opens it)."""

        file: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.catalog: Catalog | None = None

    def highlight_message(self, key: str) -> Message:
        return self.Highlighted(key)

    def choice_message(self, key: str) -> Message:
        return self.Chosen(key)

    def show_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.redraw()

    def rows(self, width: int) -> Sequence[Option]:
        """One option a source, built as it is laid out (thousands of sources are common)."""
        cat = self.catalog
        if cat is None:
            return []
        ordered = sorted(cat.sources, key=lambda s: (s.published, s.title))

        def build(i: int) -> Option:
            s = ordered[i]
            publisher = visible(s.publisher) if s.publisher != "unknown" else "—"
            facts = (
                f"{published_label(s)} · {publisher} · "
                f"{cat.source_events[s.file]} events · "
                f"{cat.source_mentions[s.file]} mentions"
            )
            return Option(
                Content.assemble(
                    fit(visible(s.title), width).stylize("bold"),
                    "\n",
                    fit(facts, width).stylize("$text-muted"),
                ),
                id=s.file,
            )

        return LazyRows([s.file for s in ordered], build)
