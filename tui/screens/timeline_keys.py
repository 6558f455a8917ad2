"""The main screen's keys for the chronology's timeline strip, kept apart from main.py.

From the chronology list, `[` and `]` move the strip's cursor to the previous or next period
holding events (the list follows), `+` and `-` zoom between decade, year and month; the strip
itself, when focused (a click), also takes ←/→ and +/-. Moving the list moves the strip's
cursor (`follow`), so the two always show the same place.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.widgets.chronology_list import ChronologyList
from tui.widgets.timeline_strip import TimelineStrip

TIMELINE_BINDINGS: list[BindingType] = [
    Binding(
        "left_square_bracket",
        "timeline_step(-1)",
        "Earlier period",
        show=False,
        tooltip="Chronology: the previous decade, year or month with events",
        id="dossier.timeline_earlier",
    ),
    Binding(
        "right_square_bracket",
        "timeline_step(1)",
        "Later period",
        show=False,
        tooltip="Chronology: the next decade, year or month with events",
        id="dossier.timeline_later",
    ),
    Binding(
        "plus",
        "timeline_zoom(1)",
        "Zoom in",
        show=False,
        tooltip="Chronology: timeline by decade, year, month",
        id="dossier.timeline_in",
    ),
    Binding(
        "minus",
        "timeline_zoom(-1)",
        "Zoom out",
        show=False,
        tooltip="Chronology: timeline by month, year, decade",
        id="dossier.timeline_out",
    ),
]


class TimelineKeys(Screen[None]):
    """The actions behind TIMELINE_BINDINGS and the strip-to-list link."""

    def _strip(self) -> TimelineStrip:
        return self.query_one(TimelineStrip)

    def action_timeline_step(self, n: int) -> None:
        self._strip().action_step(n)

    def action_timeline_zoom(self, direction: int) -> None:
        self._strip().action_zoom(direction)

    @on(TimelineStrip.Moved)
    def move_chronology_to_period(self, message: TimelineStrip.Moved) -> None:
        chronology = self.query_one(ChronologyList)
        try:
            chronology.highlighted = chronology.get_option_index(message.event_id)
        except LookupError:
            return
        chronology.scroll_to_highlight(top=True)

    @on(ChronologyList.Highlighted)
    def move_timeline_to_event(self, message: ChronologyList.Highlighted) -> None:
        self._strip().follow(message.event_id)
