"""The reader: the original text, verbatim, with highlights from exact offsets (Line API).

Only the rows on screen are ever styled, so a 50,000-line document opens and scrolls as fast
as a short one. Text reaches the terminal through `rich.text.Text` built from plain strings,
never markup, with control characters already turned into visible pictures by `DocText`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.models import BOILERPLATE, FOOTNOTE, HEADING, Passage
from tui.model.controls import visible
from tui.model.reader_doc import ReaderDoc
from tui.model.text_cursor import TextCursor
from tui.widgets.reader_parts import READER_KEYS, Layer, Span

GUTTER = 2


class Reader(ScrollView, can_focus=True):
    """Scrollable original text; the screen sets the document and the highlight ranges."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--dim",
        "reader--heading",
        "reader--control",
        "reader--hit",
        "reader--hit-current",
        "reader--event",
        "reader--mention",
        "reader--gutter",
        "reader--noted",
        "reader--page",
        "reader--selection",
        "reader--cursor",
        "reader--person",
        "reader--organisation",
        "reader--place",
        "reader--other",
    }
    BINDINGS: ClassVar[list[BindingType]] = READER_KEYS

    class CursorMoved(Message):
        """The current passage changed (the screen shows it in the title and copies it)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.doc: ReaderDoc | None = None
        self.cursor = 0
        self.hits: list[Span] = []
        self.current_hit: list[Span] = []
        self.event_span: Span | None = None
        self.entity_spans: list[Span] = []
        self.show_entities = False
        self._layers: list[Layer] = []
        self._pending: int | None = None
        self._passage: Passage | None = None
        # The gutter's second column: noted (✎) and bookmarked (★) passages.
        self._noted = Layer("reader--noted", [])
        self._starred = Layer("reader--noted", [])
        # The word cursor and what `y` copies; drawn once a word, sentence or `v` key is used.
        self.text_cursor = TextCursor("", [])
        self.selecting = False
        self._selection_layers: list[Layer] = []

    # -- state set by the screen --------------------------------------------------------------
    def show(self, doc: ReaderDoc, offset: int | None = None) -> None:
        """Display `doc`, keeping highlights the screen sets next; scroll to `offset`."""
        if doc is not self.doc:
            self.doc = doc
            self.hits, self.current_hit, self.entity_spans = [], [], []
            self.event_span = None
            self.text_cursor = TextCursor(doc.text.text, doc.sentences)
        self.selecting = False
        self.text_cursor.cancel()  # a jump (a hit, an event) starts afresh
        self._relayout()
        self.go_to(offset if offset is not None else 0, center=offset is not None)

    def set_highlights(
        self,
        *,
        hits: list[Span] | None = None,
        current_hit: list[Span] | None = None,
        event_span: Span | Literal[False] | None = False,
        entity_spans: list[Span] | None = None,
        show_entities: bool | None = None,
    ) -> None:
        """Replace some highlight layers; arguments left out keep their value."""
        if hits is not None:
            self.hits = hits
        if current_hit is not None:
            self.current_hit = current_hit
        if event_span is not False:
            self.event_span = event_span
        if entity_spans is not None:
            self.entity_spans = entity_spans
        if show_entities is not None:
            self.show_entities = show_entities
        self._build_layers()
        self.refresh()

    def set_marks(self, noted: list[Span], starred: list[Span]) -> None:
        """The spans that have a note or a bookmark: marked in the gutter beside their rows."""
        self._noted = Layer("reader--noted", noted)
        self._starred = Layer("reader--noted", starred)
        self.refresh()

    def gutter_mark(self, start: int, end: int) -> str:
        """ "✎" beside a row of a noted span, "★" beside a bookmarked one, else " "."""
        if any(True for _ in self._noted.touching(start, end + 1)):
            return "\u270e"
        if any(True for _ in self._starred.touching(start, end + 1)):
            return "\u2605"
        return " "

    def highlighted(self, style: str) -> list[Span]:
        """Ranges currently drawn with component style `style` (what tests assert on)."""
        layers = (*self._layers, *self._selection_layers)
        return [s for layer in layers if layer.style == style for s in layer.spans]

    @property
    def current_passage(self) -> Passage | None:
        return self._passage

    def quote_span(self) -> tuple[int, int] | None:
        """What `y` copies and a note anchors to: the selection, else the sentence under the
        cursor; exact offsets into the document's text."""
        return self.text_cursor.span() if self.doc is not None else None

    # -- scrolling ----------------------------------------------------------------------------
    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER)

    def go_to(self, offset: int, *, center: bool = True) -> None:
        """Put document offset `offset` on screen (a third of the way down) and make it current."""
        self.cursor = offset
        if not self.text_cursor.visual:
            self.text_cursor.place(offset)
        self._update_passage()
        self._update_selection()
        if self.doc is None:
            return
        if self.size.height == 0 or self.scrollable_content_region.width <= GUTTER:
            self._pending = offset  # hidden: scroll once laid out
            return
        row = self.doc.text.row_of(offset, self.text_width)
        top = max(0, row - self.size.height // 3) if center else row
        self.scroll_to(y=top, animate=False, immediate=True)

    def action_top(self) -> None:
        self.go_to(0, center=False)

    def action_bottom(self) -> None:
        if self.doc is not None:
            last = self.doc.passages[-1].start if self.doc.passages else self.doc.text.length
            self.go_to(last, center=False)
            self.scroll_end(animate=False, immediate=True)

    def action_passage(self, step: int) -> None:
        """Move the current passage (the gutter mark) and keep it on screen."""
        doc = self.doc
        if doc is None or not doc.passages:
            return
        current = doc.passage_at(self.cursor)
        index = doc.passages.index(current) if current in doc.passages else 0
        index = max(0, min(len(doc.passages) - 1, index + step))
        self.text_cursor.place(doc.passages[index].start)  # in visual mode: extends it
        self._cursor_moved(doc.passages[index].start)

    def action_word(self, step: int) -> None:
        """Move the word cursor (and, in visual mode, the selection's end)."""
        self._selection_key(lambda: self.text_cursor.move_word(step))

    def action_sentence(self, step: int) -> None:
        self._selection_key(lambda: self.text_cursor.move_sentence(step))

    def action_visual(self) -> None:
        self._selection_key(self.text_cursor.toggle_visual)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc drops a selection; without one it is the screen's "back"."""
        return self.text_cursor.visual if action == "cancel_selection" else True

    def action_cancel_selection(self) -> None:
        self.text_cursor.cancel()
        self._update_selection()
        self.refresh()

    def _selection_key(self, move: Callable[[], None]) -> None:
        if self.doc is None:
            return
        move()
        self.selecting = True  # from now on the cursor and what y copies are drawn
        self._cursor_moved(self.text_cursor.cursor)

    def _cursor_moved(self, target: int) -> None:
        """The cursor is at `target`: current passage, selection drawn, its row on screen."""
        doc = self.doc
        if doc is None:
            return
        row = doc.text.row_of(target, self.text_width)
        self.cursor = target
        self._update_passage()
        self._update_selection()
        if not int(self.scroll_offset.y) <= row < int(self.scroll_offset.y) + self.size.height:
            self.scroll_to(y=max(0, row - self.size.height // 3), animate=False, immediate=True)
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self.doc is None or self._pending is not None:
            return
        rows = self.doc.text.rows(self.text_width)
        if not rows:
            return
        cursor_row = self.doc.text.row_of(self.cursor, self.text_width)
        top = int(new)
        if not top <= cursor_row < top + self.size.height:
            self.cursor = self.doc.text.row_span(rows[min(top, len(rows) - 1)])[0]
            if not self.text_cursor.visual:  # a selection stays where it was made
                self.text_cursor.place(self.cursor)
            self._update_passage()
            self._update_selection()
            self.refresh()

    def on_resize(self) -> None:
        self._relayout()
        target = self._pending if self._pending is not None else self.cursor
        self._pending = None
        if self.doc is not None and self.size.height:
            self.go_to(target)

    def _relayout(self) -> None:
        rows = len(self.doc.text.rows(self.text_width)) if self.doc else 0
        self.virtual_size = Size(self.scrollable_content_region.width, rows)
        self._build_layers()
        self.refresh()

    def _update_passage(self) -> None:
        passage = self.doc.passage_at(self.cursor) if self.doc else None
        if passage != self._passage:
            self._passage = passage
            self.post_message(self.CursorMoved())

    def _update_selection(self) -> None:
        """The selection layers: what `y` copies, and the cursor's word (once shown)."""
        if not self.selecting or self.doc is None:
            self._selection_layers = []
            return
        self._selection_layers = [
            Layer("reader--selection", [self.text_cursor.span()]),
            Layer("reader--cursor", [self.text_cursor.word()]),
        ]

    # -- drawing ------------------------------------------------------------------------------
    def _build_layers(self) -> None:
        doc = self.doc
        if doc is None:
            self._layers = []
            return
        dim = [(p.start, p.end) for p in doc.passages if p.kind in (FOOTNOTE, BOILERPLATE)]
        heading = [(p.start, p.end) for p in doc.passages if p.kind == HEADING]
        layers = [
            Layer("reader--dim", dim),
            Layer("reader--heading", heading),
            Layer("reader--control", ((o, o + 1) for o in doc.text.controls)),
        ]
        if self.show_entities:
            by_type: dict[str, list[Span]] = {}
            for m in doc.mentions:
                kind = m.type if m.type in ("person", "organisation", "place") else "other"
                by_type.setdefault(kind, []).append((m.start, m.end))
            layers += [Layer(f"reader--{kind}", spans) for kind, spans in by_type.items()]
        layers.append(Layer("reader--mention", self.entity_spans))
        layers.append(Layer("reader--event", [self.event_span] if self.event_span else []))
        layers.append(Layer("reader--hit", self.hits))
        layers.append(Layer("reader--hit-current", self.current_hit))
        self._layers = [layer for layer in layers if layer.spans]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        doc = self.doc
        index = int(self.scroll_offset.y) + y
        if doc is None:
            return Strip.blank(width, base)
        rows = doc.text.rows(self.text_width)
        if not doc.text.text.strip() and index == 0 and doc.source and doc.source.note:
            # A document with no text (a scan): say why, instead of an empty pane.
            note = Text(f"({visible(doc.source.note)})", style=base, no_wrap=True, end="")
            note.stylize(self.get_component_rich_style("reader--dim"))
            segments = Segment.apply_style(
                [Segment(" " * GUTTER, base), *note.render(self.app.console)], base
            )
            return Strip(segments).crop_extend(0, width, base)
        if index >= len(rows):
            return Strip.blank(width, base)
        row = rows[index]
        labels = doc.page_breaks.get(row.line) if row.a == 0 else None
        if labels:
            return self._page_rule(labels, width)
        start, end = doc.text.row_span(row)
        text = Text(doc.text.lines[row.line][row.a : row.b], style=base, no_wrap=True, end="")
        for layer in (*self._layers, *self._selection_layers):
            style = self.get_component_rich_style(layer.style)
            for s, e in layer.touching(start, end):
                a = doc.text.column(row.line, max(s, start)) - row.a
                b = doc.text.column(row.line, min(e, end)) - row.a
                if s < start:
                    a = 0
                text.stylize(style, max(0, a), max(0, b))
        passage = self._passage
        in_passage = passage is not None and passage.start < end + 1 and start < passage.end
        mark = "\u258c" if in_passage else " "
        sign = self.gutter_mark(start, end)
        if sign == " ":
            gutter = Segment(mark + " ", base + self.get_component_rich_style("reader--gutter"))
            marks = [gutter]
        else:
            noted = Segment(sign, base + self.get_component_rich_style("reader--noted"))
            marks = [Segment(mark, base + self.get_component_rich_style("reader--gutter")), noted]
        # every segment gets a style: Textual's NO_COLOR filter cannot take a bare one
        segments = Segment.apply_style([*marks, *text.render(self.app.console)], base)
        return Strip(segments).crop_extend(0, width, base)

    def _page_rule(self, labels: list[str], width: int) -> Strip:
        """A dim rule in place of the blank line where a page begins: "── p. 17 ──"."""
        style = self.rich_style + self.get_component_rich_style("reader--page")
        names = " · ".join(f"p. {visible(label)}" for label in labels)
        body = f"{'─' * 3} {names} "
        rule = body + "─" * max(0, self.text_width - cell_len(body))
        segments = [Segment(" " * GUTTER, self.rich_style), Segment(rule, style)]
        return Strip(segments).crop_extend(0, width, self.rich_style)
