"""A document's text prepared for the reader: made safe to display, split, wrapped, mapped.

The reader shows the original text verbatim, so every highlight is an exact character range of
`store.text(file)`. To keep that mapping trivial the display text has the same length as the
original wherever possible: each control character becomes one visible "control picture"
(ESC -> U+241B), a CR before LF becomes an invisible space. Only tabs change width; the few
lines holding tabs carry an index map. Nothing here imports Textual, so it is cheap to test.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

from tui.model.controls import control_offsets, show_controls

TAB_SIZE = 8

# Characters known to take exactly one cell: a line made only of these is as wide as it is long
# (Latin, Greek, Cyrillic letters, punctuation, symbols, control pictures, box drawing).
_SINGLE_CELL = re.compile(
    "[\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e"
    "\u20a0-\u20bf\u2100-\u23ff\u2400-\u243f\u2500-\u25ff]*"
)


def single_cell(line: str) -> bool:
    return line.isascii() or _SINGLE_CELL.fullmatch(line) is not None


def _cells(ch: str) -> int:
    return get_character_cell_size(ch)


def wrap_points(line: str, width: int) -> list[int]:
    """Start indices of the rows `line` wraps into at `width` cells (always starts with 0).

    Greedy word wrap: break after the last space that fits, or hard-break a word longer than
    the row. Zero-width characters (combining marks) stay with the character before them.
    """
    width = max(1, width)
    ascii_only = single_cell(line)  # widths are all 1: count characters
    if len(line) <= width and ascii_only:
        return [0]
    points = [0]
    pos = 0
    n = len(line)
    while True:
        if ascii_only:
            if n - pos <= width:
                return points
            j = pos + width  # first index that does not fit
        else:
            cells = 0
            j = pos
            while j < n:
                w = _cells(line[j])
                if cells + w > width:
                    break
                cells += w
                j += 1
            if j >= n:
                return points
            if j == pos:  # a single character wider than the row
                j = pos + 1
        if line[j] == " ":
            cut = j + 1  # the space past the edge ends this row (it is cropped, unseen)
        else:
            space = line.rfind(" ", pos, j)
            cut = space + 1 if space >= pos else j
        while cut < n and not ascii_only and _cells(line[cut]) == 0:
            cut += 1
        if cut >= n:
            return points
        points.append(cut)
        pos = cut


@dataclass(frozen=True, slots=True)
class Row:
    """One screen row of the reader: display line `line`, characters `[a, b)` of it."""

    line: int
    a: int
    b: int


class DocText:
    """The display form of one document: safe lines, their offsets, and wraps per width."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        # CRLF: the CR becomes a trailing space
        safe = show_controls(text).replace("\u240d\n", " \n")
        raw_lines = safe.split("\n")
        self.line_starts: list[int] = []
        offset = 0
        for raw in raw_lines:
            self.line_starts.append(offset)
            offset += len(raw) + 1
        self.lines: list[str] = raw_lines
        # line number -> display index of each original character (plus one past the end)
        self.tab_maps: dict[int, list[int]] = {}
        if "\t" in safe:
            for number, raw in enumerate(raw_lines):
                if "\t" in raw:
                    self.lines[number], self.tab_maps[number] = _expand_tabs(raw)
        self.controls = control_offsets(text)
        self._wraps: dict[int, tuple[list[Row], list[int]]] = {}

    # -- offsets ----------------------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        """The display line holding document offset `offset`."""
        return max(0, bisect_right(self.line_starts, offset) - 1)

    def column(self, line: int, offset: int) -> int:
        """Display index in `line` of document offset `offset` (clamped to the line)."""
        index = offset - self.line_starts[line]
        tab_map = self.tab_maps.get(line)
        if tab_map is None:
            return max(0, min(index, len(self.lines[line])))
        return tab_map[max(0, min(index, len(tab_map) - 1))]

    def row_span(self, row: Row) -> tuple[int, int]:
        """Document offsets `[start, end)` a row shows (approximate inside expanded tabs)."""
        start = self.line_starts[row.line]
        tab_map = self.tab_maps.get(row.line)
        if tab_map is None:
            return start + row.a, start + row.b
        return start + bisect_right(tab_map, row.a) - 1, start + bisect_right(tab_map, row.b - 1)

    # -- wrapping ---------------------------------------------------------------------------
    def rows(self, width: int) -> list[Row]:
        return self._wrapped(width)[0]

    def row_of(self, offset: int, width: int) -> int:
        """The row index showing document offset `offset` at `width`."""
        rows, first_row = self._wrapped(width)
        line = self.line_of(offset)
        col = self.column(line, offset)
        row = first_row[line]
        while row + 1 < len(rows) and rows[row + 1].line == line and rows[row + 1].a <= col:
            row += 1
        return row

    def _wrapped(self, width: int) -> tuple[list[Row], list[int]]:
        cached = self._wraps.get(width)
        if cached is None:
            rows: list[Row] = []
            first_row: list[int] = []
            for number, line in enumerate(self.lines):
                first_row.append(len(rows))
                if len(line) <= width and (single_cell(line) or cell_len(line) <= width):
                    rows.append(Row(number, 0, len(line)))
                    continue
                points = wrap_points(line, width)
                ends = [*points[1:], len(line)]
                rows.extend(Row(number, a, b) for a, b in zip(points, ends, strict=True))
            if len(self._wraps) > 4:
                self._wraps.clear()
            cached = self._wraps[width] = (rows, first_row)
        return cached


def _expand_tabs(line: str) -> tuple[str, list[int]]:
    """Expand tabs to the next multiple of TAB_SIZE cells; return the text and index map."""
    out: list[str] = []
    index_map: list[int] = []
    col = 0  # cells
    pos = 0  # display characters
    for ch in line:
        index_map.append(pos)
        if ch == "\t":
            spaces = TAB_SIZE - col % TAB_SIZE
            out.append(" " * spaces)
            col += spaces
            pos += spaces
        else:
            out.append(ch)
            col += _cells(ch)
            pos += 1
    index_map.append(pos)
    return "".join(out), index_map
