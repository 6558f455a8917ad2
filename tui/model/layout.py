"""How wide each pane and each chronology column is, from the terminal's width; pure, so
the three designed sizes (80x24, 120x40, 200x60) are pinned by unit tests.

Below `NARROW` columns one pane shows at a time under a tab bar; from `NARROW` on, three
columns: Sources (over Entities), the Chronology (or Results, or Notes) and the Reader. The
chronology is the widest: it is the product's centrepiece, and its rows are one line each
(date, summary, source), so every cell it gets is more of the summary.
"""

from __future__ import annotations

from dataclasses import dataclass

NARROW = 120  # from this width on, the panes are side by side
SUMMARY_MIN = 24  # the source column gives way before the summary gets shorter than this
DATE_MAX = 15  # "2010–2014-09-17"; a longer label is cut with an ellipsis


@dataclass(frozen=True)
class PaneWidths:
    """The wide layout's columns in cells: Sources, the middle pane, and the Reader."""

    sources: int
    middle: int
    reader: int


def pane_widths(width: int) -> PaneWidths:
    """Sources a fifth of the screen (24 to 40 cells: a title and a line of facts), the
    middle pane 58% of the rest, the reader what remains."""
    sources = max(24, min(40, round(width * 0.2)))
    middle = round((width - sources) * 0.58)
    return PaneWidths(sources, middle, width - sources - middle)


@dataclass(frozen=True)
class ChronologyColumns:
    """Cells for a chronology row's date, summary and source, with one space between each."""

    date: int
    summary: int
    source: int


def chronology_columns(width: int, longest_date: int) -> ChronologyColumns:
    """Split a row of `width` cells: the date as wide as the longest label (up to DATE_MAX),
    the source a quarter of the row (10 to 28 cells, down to 8 to keep SUMMARY_MIN for the
    summary), the summary everything else. The three never add up to more than `width`."""
    date = max(4, min(DATE_MAX, longest_date))
    source = max(10, min(28, width // 4))
    summary = width - date - source - 2
    if summary < SUMMARY_MIN:
        source = max(8, source - (SUMMARY_MIN - summary))
        summary = width - date - source - 2
    return ChronologyColumns(date, max(1, summary), source)
