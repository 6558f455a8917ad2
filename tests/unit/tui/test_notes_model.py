"""The Notes pane's layout and the marks the other panes draw, without Pilot."""

from __future__ import annotations

from store.models import Source
from store.userdata.anchor import EventRef, make_anchor
from store.userdata.records import Entry
from tui.model.notes import Marks, entry_line, notes_rows

TEXT = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota."
SOURCES = {"a.txt": Source("a", "a.txt", "First Source"), "b.txt": Source("b", "b.txt", "Second")}


def entry(eid: str, file: str, start: int, end: int, text: str = "", tags: tuple[str, ...] = (),
          starred: bool = False, updated: str = "2026-01-01T00:00:00+00:00") -> Entry:  # fmt: skip
    anchor = make_anchor("passage", file, TEXT, start, end)
    kind = "note" if text else "bookmark"
    return Entry(eid, kind, anchor, text, tags, starred or kind == "bookmark", updated, updated)


def marks() -> Marks:
    return Marks(
        entries=[
            entry("n2", "a.txt", 18, 37, "second, later in the text", ("kz",),
                  updated="2026-01-03T00:00:00+00:00"),
            entry("n1", "a.txt", 0, 17, "first note", ("kz", "court")),
            entry("b1", "b.txt", 38, 53, updated="2026-01-02T00:00:00+00:00"),
        ],
        starred={("text", "b.txt", "38", "53")},
    )  # fmt: skip


def test_by_source_groups_in_reading_order() -> None:
    rows = notes_rows(marks(), SOURCES)
    assert [r.text for r in rows if r.entry is None] == ["First Source", "Second"]
    ids = [r.entry.id for r in rows if r.entry is not None]
    assert ids == ["n1", "n2", "b1"]  # within a source, by place in the text
    assert len({r.id for r in rows}) == len(rows)


def test_by_tag_lists_an_entry_under_each_tag_and_untagged_ones_apart() -> None:
    rows = notes_rows(marks(), SOURCES, group="tag")
    headers = [r.text for r in rows if r.entry is None]
    assert headers == ["(untagged)", "court", "kz"]
    assert len({r.id for r in rows}) == len(rows)  # n1 twice, under two ids


def test_by_date_newest_day_first_and_typing_filters() -> None:
    rows = notes_rows(marks(), SOURCES, group="date")
    assert [r.text for r in rows if r.entry is None] == ["2026-01-03", "2026-01-02", "2026-01-01"]
    kept = notes_rows(marks(), SOURCES, query="LATER kz")
    assert [r.entry.id for r in kept if r.entry is not None] == ["n2"]
    by_title = notes_rows(marks(), SOURCES, query="second iota")  # the title and the quote
    assert [r.entry.id for r in by_title if r.entry is not None] == ["b1"]
    assert notes_rows(marks(), SOURCES, query="nothing-like-this") == []


def test_lines_and_marks() -> None:
    m = marks()
    assert entry_line(m.entries[1]) == "first note #kz #court"
    assert entry_line(m.entries[2]).startswith("★ Eta theta iota.")
    noted, starred = m.spans_in("a.txt")
    assert sorted(noted) == [(0, 17), (18, 37)] and starred == []
    assert m.spans_in("b.txt") == ([], [(38, 53)])
    event = make_anchor("event", "a.txt", TEXT, 0, 17, event=EventRef("a.txt#e1", "2016", "x"))
    m.entries.append(Entry("n3", "note", event, "on an event", ("kz",), False, "", ""))
    assert m.events_tagged("kz") == {"a.txt#e1"} and m.noted_events() == {"a.txt#e1"}
    assert m.note_on(event.key) is not None and m.note_on(("event", "other")) is None
