"""DocText: the display form of a document keeps offsets exact and makes controls visible."""

from __future__ import annotations

from tui.model.controls import control_offsets, show_controls, visible
from tui.model.doctext import DocText, wrap_points


def test_controls_become_one_visible_character_each() -> None:
    doc = DocText("a\x1b[31mb\x07c\x9bd")
    assert doc.lines == ["a\u241b[31mb\u2407c\ufffdd"]
    assert len(doc.lines[0]) == len(doc.text)
    assert doc.controls == [1, 7, 9]


def test_crlf_keeps_offsets_and_shows_no_cr_but_a_lone_cr_shows() -> None:
    doc = DocText("one\r\ntwo\rthree")
    assert doc.lines == ["one ", "two\u240dthree"]
    assert doc.line_starts == [0, 5]
    assert control_offsets(doc.text) == [8]


def test_tabs_expand_and_map_offsets_to_columns() -> None:
    doc = DocText("ab\tc\nx")
    assert doc.lines[0] == "ab      c"
    assert doc.column(0, 3) == 8  # "c"
    assert doc.column(1, 5) == 0


def test_word_wrap_breaks_after_spaces_and_hard_breaks_long_words() -> None:
    assert wrap_points("hello world foo bar", 11) == [0, 12]
    assert wrap_points("abcdefghijklmnop", 5) == [0, 5, 10, 15]
    assert wrap_points("short", 80) == [0]


def test_wrap_counts_cells_and_keeps_combining_marks_with_their_letter() -> None:
    # four wide characters are eight cells: three rows of at most three cells each
    assert wrap_points("\u6771\u4eac\u6771\u4eac", 3) == [0, 1, 2, 3]
    assert wrap_points("abe\u0301cd", 3) == [0, 4]


def test_row_of_finds_the_wrapped_row_of_an_offset() -> None:
    doc = DocText("first line\nhello world foo bar")
    assert doc.row_of(0, 11) == 0
    assert doc.row_of(11 + 12, 11) == 2  # "foo" on the second row of line 2
    assert [doc.row_span(r) for r in doc.rows(11)] == [(0, 10), (11, 23), (23, 30)]


def test_visible_flattens_newlines_and_shows_escapes() -> None:
    assert visible("a\nb\r\nc\td\x1b") == "a b c d\u241b"


def test_show_controls_is_one_for_one_and_keeps_newlines_and_tabs() -> None:
    assert (
        show_controls("a\x1b]52;c;x\x07\tb\r\nc\u2028d\x85")
        == "a\u241b]52;c;x\u2407\tb\u240d\nc\u2424d\ufffd"
    )
    assert show_controls("plain") == "plain"


def test_page_breaks_take_the_blank_line_before_each_page() -> None:
    from tui.model.reader_doc import page_breaks

    text = "Page one text.\n\nPage two text.\n\nPage four text.\n"
    pages = (("1", 0, 14), ("2", 16, 30), ("3", 32, 32), ("4", 32, 47))
    doc = DocText(text)
    assert page_breaks(doc, pages) == {1: ["2"], 3: ["3", "4"]}
    assert page_breaks(doc, ()) == {}
