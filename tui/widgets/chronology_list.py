"""The chronology: events by date, grouped under year headers with a count bar."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from tui.model.catalog import Catalog, ChronoRow, date_label, event_year
from tui.model.controls import visible
from tui.model.layout import chronology_columns
from tui.widgets.keyed_list import KeyedList, fit

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

    def rows(self, width: int) -> list[Option]:
        if self.catalog is None:
            return []
        per_year = Counter(event_year(r.event) for r in self.entries)
        most = max(per_year.values(), default=1)
        options: list[Option] = []
        year = None
        labels = {r.event.id: date_label(r.event) for r in self.entries}
        stars = 2 if self.starred else 0
        cols = chronology_columns(width, max(map(len, labels.values()), default=4) + stars)
        for row in self.entries:
            this_year = event_year(row.event)
            if this_year != year:
                year = this_year
                count = per_year[year]
                bar = "\u2587" * max(1, round(BAR_W * count / most))
                header = Content.assemble((f"{year} ", "bold"), (bar, "$accent"), f" {count}")
                options.append(Option(header, id=f"year:{year}", disabled=True))
            files = row.files
            if len(files) > 1:
                where = f"{len(files)} sources"
            else:
                where = visible(self.catalog.source_title(files[0]))
            star = any(e.id in self.starred for e in row.members)
            prompt = Content.assemble(
                fit(("★ " if star else "") + labels[row.event.id], cols.date),
                " ",
                fit(visible(one_line(row.event.summary or row.event.quote)), cols.summary),
                " ",
                fit(where, cols.source).stylize("$text-muted"),
            )
            options.append(Option(prompt, id=row.event.id))
        return options

    def jump_to_year(self, year: str) -> bool:
        """Highlight the first event of `year` with its year header at the top of the pane
        (palette "date: 2015"); False if none."""
        for row in self.entries:
            if event_year(row.event) == year:
                self.highlighted = self.get_option_index(row.event.id)
                self._header_to_top(f"year:{year}")
                self.call_after_refresh(self._header_to_top, f"year:{year}")  # once laid out
                return True
        return False

    def _header_to_top(self, header: str) -> None:
        line = self._index_to_line.get(self.get_option_index(header))
        if line is not None:
            self.scroll_to(y=line, animate=False, immediate=True)
