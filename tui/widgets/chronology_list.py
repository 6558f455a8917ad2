"""The chronology: events by date, grouped under year headers with a count bar."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from tui.model.catalog import Catalog, ChronoRow, date_label, event_year
from tui.model.controls import visible
from tui.model.layout import chronology_columns
from tui.widgets.keyed_list import KeyedList, LazyRows, fit

BAR_W = 20


def one_line(text: str) -> str:
    """A summary on one row: its line breaks and runs of spaces become single spaces."""
    return " ".join(text.split())


class ChronologyList(KeyedList):
    """Date | summary | sources; a cluster from several sources says "n sources"."""

    @dataclass
    class Highlighted(Message):
        """The cursor is on the event `event_id` (the reader shows its sentence)."""

        event_id: str

    @dataclass
    class Chosen(Message):
        """Enter or a click on the event `event_id` (its event view opens)."""

        event_id: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.catalog: Catalog | None = None
        self.entries: list[ChronoRow] = []
        self.starred: set[str] = set()  # event ids the user bookmarked: marked ★

    def highlight_message(self, key: str) -> Message:
        return self.Highlighted(key)

    def choice_message(self, key: str) -> Message:
        return self.Chosen(key)

    def show_rows(self, catalog: Catalog, entries: list[ChronoRow]) -> None:
        self.catalog, self.entries = catalog, entries
        self.redraw()

    def show_stars(self, starred: set[str]) -> None:
        if starred != self.starred:
            self.starred = starred
            self.redraw()

    def rows(self, width: int) -> Sequence[Option]:
        """Year headers and events, built only as they are laid out (a 10,000-document
        corpus has over 100,000 rows: building them all took seconds of the UI thread)."""
        catalog = self.catalog
        if catalog is None:
            return []
        per_year = Counter(event_year(r.event) for r in self.entries)
        most = max(per_year.values(), default=1)
        slots: list[str | ChronoRow] = []  # a year (its header) or a row
        ids: list[str] = []
        year = None
        longest = 4
        for row in self.entries:
            this_year = event_year(row.event)
            if this_year != year:
                year = this_year
                slots.append(year)
                ids.append(f"year:{year}")
            slots.append(row)
            ids.append(row.event.id)
            longest = max(longest, len(date_label(row.event)))
        cols = chronology_columns(width, longest + (2 if self.starred else 0))

        def build(i: int) -> Option:
            slot = slots[i]
            if isinstance(slot, str):
                count = per_year[slot]
                bar = "\u2587" * max(1, round(BAR_W * count / most))
                header = Content.assemble((f"{slot} ", "bold"), (bar, "$accent"), f" {count}")
                return Option(header, id=ids[i], disabled=True)
            files = slot.files
            where = (
                f"{len(files)} sources"
                if len(files) > 1
                else visible(catalog.source_title(files[0]))
            )
            star = any(e.id in self.starred for e in slot.members)
            prompt = Content.assemble(
                fit(("★ " if star else "") + date_label(slot.event), cols.date),
                " ",
                fit(visible(one_line(slot.event.summary or slot.event.quote)), cols.summary),
                " ",
                fit(where, cols.source).stylize("$text-muted"),
            )
            return Option(prompt, id=ids[i])

        return LazyRows(ids, build)

    def jump_to_year(self, year: str) -> bool:
        """Highlight the first event of `year` with its year header at the top of the pane
        (palette "date: 2015"); False if none."""
        for row in self.entries:
            if event_year(row.event) == year:
                self.highlighted = self.reveal(row.event.id)
                self._header_to_top(f"year:{year}")
                self.call_after_refresh(self._header_to_top, f"year:{year}")  # once laid out
                return True
        return False

    def _header_to_top(self, header: str) -> None:
        index = self._index_of(header)
        line = self._index_to_line.get(index) if index is not None else None
        if line is not None:
            self.scroll_to(y=line, animate=False, immediate=True)
