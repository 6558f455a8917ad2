"""The timeline strip's state (tui.model.timeline): buckets, cursor, zoom and the drawn lines."""

from __future__ import annotations

import pytest

from tui.model.timeline import BLOCKS, CLUSTER, CURSOR, EMPTY, Dated, Timeline

ROWS = [
    Dated("a", "1994-03-02"),
    Dated("b", "1994-03-20", cluster=True),
    Dated("c", "1994-11-05"),
    Dated("d", "1997-06-01"),
    Dated("e", "2003-01-15"),
    Dated("f", "2003-01-16"),
    Dated("g", "2003-02-01"),
]


def test_year_buckets_span_the_corpus_gaps_included() -> None:
    t = Timeline(ROWS, "year")
    assert [b.key for b in t.buckets] == list(range(1994, 2004))
    assert [len(b.events) for b in t.buckets][:4] == [3, 0, 0, 1]
    assert t.buckets[0].clusters == 1
    assert t.current_event() == "a"


def test_moving_skips_empty_years_and_names_the_first_event_of_the_bucket() -> None:
    t = Timeline(ROWS, "year")
    assert t.step(1) == "d"  # 1995 and 1996 are empty
    assert t.step(1) == "e"
    assert t.step(1) is None  # the last year: the cursor stays
    assert t.current_event() == "e"
    assert t.step(-5) == "a"


def test_following_the_list_puts_the_cursor_on_that_events_bucket() -> None:
    t = Timeline(ROWS, "month")
    assert t.follow("g")
    assert t.caption() == "2003-02 · 1 event · zoom month"
    assert not t.follow("zzz")


def test_zoom_keeps_the_cursor_with_its_event() -> None:
    t = Timeline(ROWS, "month")
    t.follow("c")
    assert t.zoom_out() and t.zoom == "year"
    assert t.current_event() == "a"  # 1994's first event, the bucket of "c"
    assert t.zoom_out() and t.zoom == "decade"
    assert [b.key for b in t.buckets] == [199, 200]
    assert not t.zoom_out()
    assert t.zoom_in() and t.zoom_in() and not t.zoom_in()
    assert t.zoom == "month" and t.current_event() == "a"


def test_caption_counts_events_and_clusters() -> None:
    t = Timeline(ROWS, "year")
    assert t.caption() == "1994 · 3 events · 1 cluster · zoom year"
    assert Timeline([], "year").caption() == "no dated events"


def test_lines_draw_density_clusters_cursor_and_labels() -> None:
    t = Timeline(ROWS, "year")
    lines = t.lines(40)  # ten years, four cells each
    assert lines.cell == 4
    assert len(lines.bars) == len(lines.marks) == len(lines.labels) == 40
    assert lines.bars[:4] == BLOCKS[-1] * 4  # the fullest year is full height
    assert lines.bars[4] == EMPTY
    assert lines.bars[12:16] == BLOCKS[2] * 4  # one event of three: a third of the height
    assert lines.marks[0] == CURSOR and lines.cursor_at == 0
    t.step(1)
    assert t.lines(40).marks[0] == CLUSTER  # the cursor left: the cluster mark shows
    assert lines.labels.startswith("1994    1996    1998")  # a label needs a free cell after it


def test_a_long_span_shows_the_window_around_the_cursor() -> None:
    rows = [Dated(str(i), f"{1900 + i}-01-01") for i in range(0, 120, 3)]
    t = Timeline(rows, "year")
    t.follow("60")  # 1960
    lines = t.lines(30)
    assert lines.cell == 1 and lines.cursor_at == 15
    assert lines.marks[15] == CURSOR
    t.step(100)
    assert t.lines(30).cursor_at == 29  # the end of the span: the window stops at the edge


def test_new_rows_keep_the_cursor_on_its_event_or_start_over() -> None:
    t = Timeline(ROWS, "year")
    t.step(1)
    t.set_rows(ROWS[3:])
    assert t.current_event() == "d"
    t.set_rows(ROWS[:2])
    assert t.current_event() == "a"


def test_undated_rows_and_bad_zooms() -> None:
    t = Timeline([Dated("x", ""), Dated("y", "????")], "year")
    assert t.buckets == [] and t.step(1) is None and t.lines(10).cursor_at is None
    with pytest.raises(ValueError):
        Timeline(ROWS, "week")
