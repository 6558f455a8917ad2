"""Pane and chronology column widths at the three designed sizes, and any width between."""

from __future__ import annotations

import pytest

from tui.model.layout import DATE_MAX, NARROW, SUMMARY_MIN, chronology_columns, pane_widths


@pytest.mark.parametrize("width", [NARROW, 140, 160, 200, 300])
def test_wide_panes_fill_the_screen_and_the_chronology_is_the_widest(width: int) -> None:
    panes = pane_widths(width)
    assert panes.sources + panes.middle + panes.reader == width
    assert panes.middle > panes.sources and panes.middle > panes.reader
    assert 24 <= panes.sources <= 40


def test_at_120_columns_the_chronology_gets_more_than_half_of_what_sources_leave() -> None:
    panes = pane_widths(120)
    assert (panes.sources, panes.middle, panes.reader) == (24, 56, 40)


@pytest.mark.parametrize("width", range(30, 200, 7))
@pytest.mark.parametrize("longest", [4, 10, 12, 20])
def test_a_chronology_row_never_overflows_and_keeps_a_readable_summary(
    width: int, longest: int
) -> None:
    cols = chronology_columns(width, longest)
    assert cols.date + cols.summary + cols.source + 2 <= width
    assert cols.date == max(4, min(DATE_MAX, longest))  # dates are never cut below the max
    if width >= DATE_MAX + 8 + 2 + SUMMARY_MIN:
        assert cols.summary >= SUMMARY_MIN
        assert cols.source >= 8


def test_the_summary_takes_every_cell_the_other_columns_leave() -> None:
    narrow = chronology_columns(74, 12)  # an 80-column terminal, tabs
    wide = chronology_columns(90, 12)  # the middle pane at 200 columns
    assert narrow.summary >= 40 and wide.summary > narrow.summary
    assert wide.date + wide.summary + wide.source + 2 == 90
