"""Pilot: the writing loop as a writer does it — search, star a hit, write a note, tag it, find
it in the Notes pane, open it in the reader, see the marks, export, and keep it across apps."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from store.userdata import UserData
from tests.app.support import settle, write_small_store
from tui.app import DossierApp, make_app
from tui.screens.note_editor import NoteEditor
from tui.screens.prompt import Prompt
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.entity_list import EntityList
from tui.widgets.notes_list import NotesList
from tui.widgets.reader import Reader

WIDE = (160, 48)


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("DOSSIER_EXPORT_DIR", str(tmp_path / "exports"))
    return write_small_store(tmp_path / "store.json"), tmp_path / "notes.json"


def _app(paths: tuple[Path, Path]) -> DossierApp:
    return make_app(paths[0], userdata=paths[1])


async def _search(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *query, "enter")
    await settle(pilot)


async def test_star_note_tag_a_hit_then_find_it_in_notes(paths: tuple[Path, Path]) -> None:
    app = _app(paths)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.main
        await _search(pilot, "aktobe")
        hit = screen.model.search.current
        assert hit is not None
        await pilot.press("b")
        await settle(pilot)
        data = UserData(paths[1])
        [mark] = data.bookmarks()
        assert (mark.anchor.file, mark.anchor.start, mark.anchor.end) == (
            hit.hit.file, hit.hit.start, hit.hit.end)  # fmt: skip
        assert mark.anchor.target == "hit"
        # a note: the editor opens on the hit's passage; typing and Ctrl+S save it
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).insert("Check the date\nwith a second source")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [note] = data.notes()
        assert note.text == "Check the date\nwith a second source"
        assert note.anchor.key == mark.anchor.key
        # a tag, with completion from the tags already used
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, Prompt)
        await pilot.press(*"aktobe, 2016", "enter")
        await settle(pilot)
        assert data.entry(note.id).tags == ("aktobe", "2016")
        # the Notes pane lists it (one entry: the starred note), filterable as you type
        await pilot.press("6")
        await settle(pilot)
        notes = screen.query_one(NotesList)
        texts = [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]
        assert any("★ Check the date #aktobe #2016" in t for t in texts), texts
        await pilot.press(*"second")
        await settle(pilot)
        assert notes.option_count == 2  # the group header and the note
        await pilot.press(*"zzz")
        await settle(pilot)
        assert "No note matches" in str(notes.get_option_at_index(0).prompt)
        for _ in range(3):
            await pilot.press("backspace")
        # Enter opens the reader at the passage, highlighted, with the gutter mark
        await pilot.press("down", "enter")
        await settle(pilot)
        reader = screen.query_one(Reader)
        assert app.focused is reader and reader.doc is not None
        assert reader.doc.file == note.anchor.file
        assert reader.event_span == (note.anchor.start, note.anchor.end)
        assert reader.gutter_mark(note.anchor.start, note.anchor.start + 1) == "\u270e"
        # Cancelling the editor keeps the note as it was
        await pilot.press("6")
        await pilot.press("down")
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one(TextArea).insert("DISCARD ")
        await pilot.press("escape")
        await settle(pilot)
        assert data.entry(note.id).text == "Check the date\nwith a second source"


async def test_starred_events_are_marked_filtered_and_exported(
    paths: tuple[Path, Path], tmp_path: Path
) -> None:
    app = _app(paths)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.main
        await pilot.press("2", "down")
        await settle(pilot)
        chrono = screen.query_one(ChronologyList)
        event_id = chrono.highlighted_id
        await pilot.press("b")
        await settle(pilot)
        assert event_id in screen.model.marks.starred_events()
        prompt = str(chrono.get_option_at_index(chrono.highlighted or 0).prompt)
        assert prompt.startswith("★ ")
        total = len(screen.model.chronology_rows())
        await pilot.press("f")  # in the chronology: only starred events
        await settle(pilot)
        assert len(screen.model.chronology_rows()) == 1 < total
        await pilot.press("x")
        await settle(pilot)
        [written] = (tmp_path / "exports").glob("dossier-chronology-*.md")
        text = written.read_text()
        assert text.startswith("# Chronology") and text.count("\n- **") == 1
        await pilot.press("f")
        await settle(pilot)
        assert len(screen.model.chronology_rows()) == total
        # an entity: starred in its list
        await pilot.press("3")
        await pilot.press("down")
        entities = screen.query_one(EntityList)
        await pilot.press("b")
        await settle(pilot)
        starred = screen.model.marks.starred_entities()
        assert entities.highlighted_id in starred
        prompt = str(entities.get_option_at_index(entities.highlighted or 0).prompt)
        assert prompt.startswith("★ ")


async def test_history_walks_with_up_and_down_and_is_shared(paths: tuple[Path, Path]) -> None:
    UserData(paths[1]).record_query("from the shell", "cli")
    app = _app(paths)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await _search(pilot, "aktobe")
        await _search(pilot, "almaty")
        await pilot.press("slash")
        field = app.main.query_one("#query", Input)
        field.value = "a draft"
        await pilot.press("up")
        assert field.value == "almaty"
        await pilot.press("up", "up")
        assert field.value == "from the shell"
        await pilot.press("down", "down", "down")
        assert field.value == "a draft"  # past the newest: what was being typed
        await pilot.press("escape")
    recent = [r.query for r in UserData(paths[1]).history()]
    assert recent[:3] == ["almaty", "aktobe", "from the shell"]


async def test_two_apps_on_one_file_keep_each_others_notes(paths: tuple[Path, Path]) -> None:
    first, second = _app(paths), _app(paths)
    async with first.run_test(size=WIDE) as one, second.run_test(size=WIDE) as two:
        await settle(one)
        await settle(two)
        await one.press("4", "b")  # the reader: star the current passage
        await settle(one)
        await two.press("4", "right_square_bracket", "b")  # the next one, in the other app
        await settle(two)
        await one.press("right_square_bracket", "right_square_bracket", "a")
        await settle(one)
        one.app.screen.query_one(TextArea).insert("from the first app")
        await one.press("ctrl+s")
        await settle(one)
    data = UserData(paths[1])
    assert len(data.bookmarks()) == 2 and [n.text for n in data.notes()] == ["from the first app"]


async def test_a_corrupt_userdata_file_turns_notes_off_and_is_kept(
    paths: tuple[Path, Path],
) -> None:
    paths[1].write_text("{broken")
    app = _app(paths)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.main.userdata is None
        await pilot.press("4", "b")
        await settle(pilot)
    assert paths[1].read_text() == "{broken"
