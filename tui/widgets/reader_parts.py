"""The reader's parts that are not drawing: its keys, and the highlight layers it bisects.

Kept apart so `tui/widgets/reader.py` stays about drawing and scrolling.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from textual.binding import Binding, BindingType

Span = tuple[int, int]

READER_KEYS: list[BindingType] = [
    Binding("j", "scroll_down", "Down", show=False, id="dossier.reader.down"),
    Binding("k", "scroll_up", "Up", show=False, id="dossier.reader.up"),
    Binding("g", "top", "Top", show=False, id="dossier.reader.top"),
    Binding("G", "bottom", "Bottom", show=False, id="dossier.reader.bottom"),
    Binding(
        "right_square_bracket",
        "passage(1)",
        "Next passage",
        show=False,
        tooltip="Next passage: the cursor to its first word",
        id="dossier.reader.next_passage",
    ),
    Binding(
        "left_square_bracket",
        "passage(-1)",
        "Previous passage",
        show=False,
        tooltip="Previous passage: the cursor to its first word",
        id="dossier.reader.prev_passage",
    ),
    Binding("space", "page_down", "Page down", show=False, id="dossier.reader.page"),
    Binding(
        "l", "word(1)", "Next word", show=False, tooltip="Next word (the cursor)",
        id="dossier.reader.next_word",
    ),
    Binding("h", "word(-1)", "Previous word", show=False, id="dossier.reader.prev_word"),
    Binding(
        "right_parenthesis", "sentence(1)", "Next sentence", show=False,
        tooltip="Next sentence (the one y copies)", id="dossier.reader.next_sentence",
    ),
    Binding(
        "left_parenthesis", "sentence(-1)", "Previous sentence", show=False,
        tooltip="Previous sentence (again: the one before)", id="dossier.reader.prev_sentence",
    ),
    Binding(
        "v", "visual", "Select", show=False,
        tooltip="Start a selection at the cursor: h l ( ) ] [ extend it, y copies it, v or "
        "esc drops it", id="dossier.reader.visual",
    ),
    Binding(
        "escape", "cancel_selection", "Drop the selection", show=False,
        id="dossier.reader.cancel",
    ),
]  # fmt: skip


class Layer:
    """Sorted ranges with one style; finds those touching a row by bisecting on starts."""

    def __init__(self, style: str, spans: Iterable[Span]) -> None:
        self.style = style
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def touching(self, start: int, end: int) -> Iterable[Span]:
        i = bisect_left(self.starts, start - self.longest)
        j = bisect_left(self.starts, end)
        for s, e in self.spans[i:j]:
            if e > start:
                yield s, e
