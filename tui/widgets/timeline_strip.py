"""The timeline strip above the chronology: event density per decade, year or month.

Four lines: a caption (the bucket under the cursor, its events and clusters, the zoom), the
density bars (block characters), the marks (▲ the cursor, ◆ a bucket holding a cluster) and
the axis labels. Shapes and marks carry the meaning, so it reads the same with NO_COLOR; colour
only adds the accent. The state lives in `tui.model.timeline.Timeline`; this widget draws it
and says when the cursor moved to another event (`Moved`), which the list then highlights.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from tui.model.catalog import ChronoRow
from tui.model.timeline import Dated, Timeline


class TimelineStrip(Widget, can_focus=True):
    """Density of the chronology's events over time; ←/→ move the list, +/- zoom."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "step(-1)", "Earlier", show=False, id="dossier.timeline.earlier"),
        Binding("right,l", "step(1)", "Later", show=False, id="dossier.timeline.later"),
        Binding("plus,equals_sign", "zoom(1)", "Zoom in", show=False, id="dossier.timeline.in"),
        Binding("minus", "zoom(-1)", "Zoom out", show=False, id="dossier.timeline.out"),
    ]

    @dataclass
    class Moved(Message):
        """The cursor went to another bucket, whose first event is `event_id`."""

        event_id: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.timeline = Timeline()

    def show_rows(self, rows: list[ChronoRow]) -> None:
        """The chronology's rows as the list shows them (filtered or not)."""
        self.timeline.set_rows(
            [Dated(r.event.id, r.event.date_begin or "", len(r.files) > 1) for r in rows]
        )
        self.refresh()

    def follow(self, event_id: str) -> None:
        """The list moved to `event_id`: put the cursor on its bucket."""
        before = self.timeline.cursor
        if self.timeline.follow(event_id) and self.timeline.cursor != before:
            self.refresh()

    def action_step(self, n: int) -> None:
        moved = self.timeline.step(n)
        self.refresh()
        if moved is not None:
            self.post_message(self.Moved(moved))

    def action_zoom(self, direction: int) -> None:
        if self.timeline.zoom_in() if direction > 0 else self.timeline.zoom_out():
            self.refresh()

    def render(self) -> Content:
        width = max(1, self.size.width)
        lines = self.timeline.lines(width)
        caption = Content(self.timeline.caption()[:width]).stylize("$text-muted")
        bars = Content(lines.bars).stylize("$accent")
        if lines.cursor_at is not None:
            bars = bars.stylize("reverse", lines.cursor_at, lines.cursor_at + lines.cell)
        marks = Content(lines.marks)
        if lines.cursor_at is not None:
            marks = marks.stylize("bold", lines.cursor_at, lines.cursor_at + 1)
        labels = Content(lines.labels).stylize("$text-muted")
        return Content("\n").join([caption, bars, marks, labels])
