"""An OptionList with vim keys whose rows are redrawn to fit the width (one line each).

Each list reports in its own words: the generic `OptionList` events stop here and the list
posts its nested `Highlighted` / `Chosen` messages instead, so the main screen has one handler
per list and message instead of OptionList handlers matched by DOM id (a detail view with
several PlainLists still tells them apart by id, through `PlainList.Chosen.control`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, overload

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
        self._all: Sequence[Option] = []  # every row; the first `_shown` are options
        self._shown = 0

    PAGE = 500  # options handed to the OptionList at a time (a long list comes in pages)

    def rows(self, width: int) -> Sequence[Option]:
        """The options at `width` cells; subclasses lay their columns out here (a `LazyRows`
        when there may be thousands: only the rows laid out are ever built)."""
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
        self.extend_to(event.option_index)  # near the last row laid out: the next page
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
        self._all = self.rows(width)
        wanted = self._position(current)
        self._shown = min(len(self._all), max(self.PAGE, (wanted or 0) + self.PAGE))
        self.set_options([self._all[i] for i in range(self._shown)])
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

    def _position(self, option_id: str | None) -> int | None:
        """Where `option_id` is among all the rows, laid out or not."""
        if option_id is None:
            return None
        if isinstance(self._all, LazyRows):
            return self._all.index_of(option_id)
        return next((i for i, o in enumerate(self._all) if o.id == option_id), None)

    def extend_to(self, index: int) -> None:
        """Lay out the rows up to `index` and a page beyond (the cursor or a jump nears it)."""
        if index < self._shown - self.PAGE // 4 or self._shown >= len(self._all):
            return
        end = min(len(self._all), max(index + 1, self._shown) + self.PAGE)
        self.add_options([self._all[i] for i in range(self._shown, end)])
        self._shown = end

    def reveal(self, option_id: str) -> int | None:
        """The option index of `option_id`, its row laid out first; None if it is not listed."""
        position = self._position(option_id)
        if position is not None:
            self.extend_to(position)
        return position

    def action_last(self) -> None:
        self.extend_to(len(self._all) - 1)
        super().action_last()

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


class LazyRows(Sequence[Option]):
    """`count` rows whose options are built by `build(i)` only when asked for (and kept);
    `ids` gives every row's id up front, so a row is found without building the others."""

    def __init__(self, ids: list[str], build: Callable[[int], Option]) -> None:
        self.ids = ids
        self.build = build
        self._built: dict[int, Option] = {}
        self._where: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> Option: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Option]: ...
    def __getitem__(self, i: int | slice) -> Option | Sequence[Option]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        option = self._built.get(i)
        if option is None:
            option = self._built[i] = self.build(i)
        return option

    def index_of(self, option_id: str) -> int | None:
        if self._where is None:
            self._where = {key: i for i, key in enumerate(self.ids)}
        return self._where.get(option_id)
