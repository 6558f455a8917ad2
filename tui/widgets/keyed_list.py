"""An OptionList with vim keys whose rows are redrawn to fit the width (one line each).

Each list reports in its own words: the generic `OptionList` events stop here and the list
posts its nested `Highlighted` / `Chosen` messages instead, so the main screen has one handler
per list and message instead of OptionList handlers matched by DOM id (a detail view with
several PlainLists still tells them apart by id, through `PlainList.Chosen.control`).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist


class KeyedList(OptionList):
    """Base of the pane lists: j/k/g/G, and `rows(width)` rebuilt when the width changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="dossier.list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="dossier.list.up"),
        Binding("g", "first", "First", show=False, id="dossier.list.first"),
        Binding("G", "last", "Last", show=False, id="dossier.list.last"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._drawn_width = 0

    def rows(self, width: int) -> list[Option]:
        """The options at `width` cells; subclasses lay their columns out here."""
        return []

    def highlight_message(self, key: str) -> Message | None:
        """What the list posts when the row `key` is highlighted; None posts nothing."""
        return None

    def choice_message(self, key: str) -> Message | None:
        """What the list posts when the row `key` is chosen (Enter, a click); None: nothing."""
        return None

    @on(OptionList.OptionHighlighted)
    def _report_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        message = None if event.option_id is None else self.highlight_message(event.option_id)
        if message is not None:
            self.post_message(message)

    @on(OptionList.OptionSelected)
    def _report_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        message = None if event.option_id is None else self.choice_message(event.option_id)
        if message is not None:
            self.post_message(message)

    def redraw(self, keep: str | None = None) -> None:
        """Rebuild the options, keeping the highlighted id (or `keep`) highlighted and, when it
        stays on screen, the same top row (a resize must not undo a jump that put a row on top)."""
        width = max(8, self.row_width())
        top = int(self.scroll_y)
        self._drawn_width = self.row_width()
        current = keep
        if current is None and self.highlighted is not None and self.option_count:
            current = self.get_option_at_index(self.highlighted).id
        self.set_options(self.rows(width))
        index = self._index_of(current)
        if index is None:
            index = next(
                (i for i in range(self.option_count) if not self.get_option_at_index(i).disabled),
                None,
            )
        self.highlighted = index
        if index is not None and top:
            line = self._index_to_line.get(index)
            if line is not None and top <= line < top + self.scrollable_content_region.height:
                self.scroll_to(y=top, animate=False, immediate=True)

    def _index_of(self, option_id: str | None) -> int | None:
        if option_id is None:
            return None
        try:
            return self.get_option_index(option_id)
        except OptionDoesNotExist:  # the id was filtered out
            return None

    def row_width(self) -> int:
        """Cells a row's text may take: the content region less the options' own padding
        (a row laid out to the full region would wrap onto a second line)."""
        region = self.scrollable_content_region.width or self.size.width or 60
        padding = self.get_component_styles("option-list--option").padding.width
        return region - padding - self._get_left_gutter_width()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width and self.row_width() != self._drawn_width:
            self.redraw()

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id


def fit(text: str, width: int) -> Content:
    """Plain text cut to `width` cells with an ellipsis; never parsed as markup."""
    return Content(text).truncate(max(1, width), ellipsis=True, pad=True)
