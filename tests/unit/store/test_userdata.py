"""The user-data file: real TinyDB tables, refused when damaged, shared safely, never rebuilt."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from pathlib import Path

import pytest

from store.errors import DataFileCorrupt, DataFileTooNew
from store.storage.db import Store
from store.userdata import UserData, UserDataError, make_anchor
from store.userdata.anchor import MOVED, ORPHANED
from store.userdata.data import HISTORY_CAP, SCHEMA_VERSION


def _anchor(text: str = "Alpha beta gamma delta.", start: int = 6, end: int = 16):  # type: ignore[no-untyped-def]
    return make_anchor("selection", "a.txt", text, start, end)


def test_tables_are_real_tinydb_tables(tmp_path: Path) -> None:
    from tinydb import TinyDB

    path = tmp_path / "u.json"
    data = UserData(path)
    note = data.add_note(_anchor(), "first note", tags=["kz", "#attack"])
    data.bookmark(_anchor(start=0, end=5))
    data.record_query("aktobe", "cli")
    data.save_search("attacks", "aktobe attack")
    with TinyDB(path, access_mode="r") as db:
        assert set(db.tables()) >= {"bookmarks", "notes", "tags", "searches", "history", "meta"}
        assert db.table("notes").all()[0]["id"] == note.id
        assert {r["tag"] for r in db.table("tags").all()} == {"kz", "attack"}
        assert db.table("meta").all()[0]["schema"] == SCHEMA_VERSION


def test_entries_join_notes_bookmarks_and_tags(tmp_path: Path) -> None:
    data = UserData(tmp_path / "u.json")
    anchor = _anchor()
    note = data.add_note(anchor, "why it matters", tags=["a"])
    mark = data.bookmark(anchor)
    data.tag(mark.id, ["b"])
    other = data.bookmark(_anchor(start=0, end=5))
    entries = {e.id: e for e in data.entries()}
    assert set(entries) == {note.id, other.id}  # the starred note is one entry, not two
    assert entries[note.id].starred and entries[note.id].tags == ("a", "b")
    assert entries[other.id].kind == "bookmark" and entries[other.id].text == ""
    assert [e.id for e in data.entries(tag="b")] == [note.id]
    assert data.toggle_bookmark(anchor) is False
    assert not data.entry(note.id).starred and data.entry(note.id).tags == ("a",)
    data.edit_note(note.id, "changed")
    assert data.entry(note.id).text == "changed"
    data.delete(note.id)
    with pytest.raises(UserDataError):
        data.entry(note.id)
    with pytest.raises(UserDataError):
        data.tag("n00000000", ["x"])
    assert data.tag_names() == []  # tags went with their items


def test_history_is_deduplicated_newest_first_and_capped(tmp_path: Path) -> None:
    data = UserData(tmp_path / "u.json")
    for i in range(HISTORY_CAP + 5):
        data.record_query(f"q{i}", "cli")
    data.record_query("  q10   ", "app")
    recent = data.history()
    assert len(recent) == HISTORY_CAP
    assert "q0" not in {r.query for r in recent}  # the oldest fell off the end
    assert recent[0].query == "q10" and recent[0].count == 2 and recent[0].origin == "app"
    assert len({r.query for r in recent}) == len(recent)
    data.save_search("kz", "kazakhstan")
    data.save_search("kz", "kazakhstan -russia")
    assert [(s.name, s.query) for s in data.saved()] == [("kz", "kazakhstan -russia")]
    assert data.saved_query("kz") == "kazakhstan -russia"
    with pytest.raises(UserDataError, match="saved: kz"):
        data.saved_query("nope")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "not a TinyDB file"),
        (b'{"meta": {"1": {"schema": 2}}, "sources": {}}', "not a Dossier user data file"),
    ],
)
def test_a_corrupt_file_is_refused_and_kept(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "u.json"
    path.write_bytes(content)
    data = UserData(path)
    with pytest.raises(DataFileCorrupt, match=message):
        data.check()
    with pytest.raises(DataFileCorrupt):
        data.add_note(_anchor(), "lost?")
    assert path.read_bytes() == content  # never overwritten


def test_a_newer_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    UserData(path).add_note(_anchor(), "n")
    raw = json.loads(path.read_text())
    raw["meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(raw))
    before = path.read_bytes()
    with pytest.raises(DataFileTooNew, match="newer Dossier"):
        UserData(path).bookmark(_anchor())
    assert path.read_bytes() == before


def test_the_store_given_as_user_data_is_refused(built_store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store.json"
    shutil.copy(built_store_path, copy)
    before = copy.read_bytes()
    with pytest.raises(DataFileCorrupt, match="not a Dossier user data file"):
        UserData(copy).add_note(_anchor(), "n")
    assert copy.read_bytes() == before


def test_two_instances_on_one_file_keep_each_others_writes(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    first, second = UserData(path), UserData(path)
    first.tables(), second.tables()  # both have read the (empty) file
    a = first.add_note(_anchor(), "from the first")
    b = second.add_note(_anchor(start=0, end=5), "from the second")
    first.record_query("one", "app")
    second.save_search("s", "two")
    assert {e.id for e in first.entries()} == {a.id, b.id}
    assert {e.id for e in second.entries()} == {a.id, b.id}
    assert [s.name for s in first.saved()] == ["s"]
    assert [r.query for r in second.history()] == ["one"]


def _write_notes(path: str, who: str, count: int) -> None:
    data = UserData(Path(path))
    for i in range(count):
        data.add_note(_anchor(), f"{who}-{i}")


def test_concurrent_processes_lose_no_note(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_write_notes, args=(str(path), who, 15)) for who in ("a", "b", "c")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    texts = {n.text for n in UserData(path).notes()}
    assert texts == {f"{who}-{i}" for who in "abc" for i in range(15)}
    assert len({n.id for n in UserData(path).notes()}) == 45


def _note_on_passage(data: UserData, store: Store, file: str, index: int) -> str:
    passage = store.passages(file)[index]
    text = store.text(file)
    anchor = make_anchor("passage", file, text, passage.start, passage.end)
    return data.add_note(anchor, f"note on passage {index}").id


def _rebuild(corpus: Path, store_path: Path, *, force: bool = False) -> Store:
    from store.build import build

    build(corpus, store_path, force=force)
    return Store(store_path).open()


def test_user_data_survives_force_rebuild_deleted_store_and_new_extractor(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_path = tmp_path / "store.json"
    store = _rebuild(corpus_copy, store_path)
    data = UserData(tmp_path / "u.json")
    file = store.sources()[1].file
    _note_on_passage(data, store, file, 3)
    data.bookmark(make_anchor("passage", file, store.text(file), 0, 10))
    data.save_search("s", "aktobe")
    before = data.path.read_bytes()
    for step in ("force", "delete", "extractor"):
        if step == "delete":
            store_path.unlink()
        if step == "extractor":
            monkeypatch.setattr("store.build.EXTRACTOR_VERSION", "changed-for-test")
        store = _rebuild(corpus_copy, store_path, force=step == "force")
        report = data.reanchor(store)
        assert report.checked == 2 and report.changed == 0, step
        assert data.path.read_bytes() == before, step


def test_an_edited_document_reanchors_after_the_rebuild(corpus_copy: Path, tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    store = _rebuild(corpus_copy, store_path)
    data = UserData(tmp_path / "u.json")
    file = store.sources()[2].file
    body = [p for p in store.passages(file) if p.kind == "body"]
    kept, doomed = body[2], body[4]
    text = store.text(file)
    kept_id = _note_on_passage(data, store, file, kept.index)
    doomed_id = _note_on_passage(data, store, file, doomed.index)
    quote = text[kept.start : kept.end]
    edited = (
        text[: body[0].start]
        + "A paragraph the writer inserted at the top.\n\n"
        + text[body[0].start : doomed.start]
        + text[doomed.end :]
    )
    (corpus_copy / file).write_text(edited, encoding="utf-8")
    store = _rebuild(corpus_copy, store_path)
    report = data.reanchor(store)
    assert report.statuses[MOVED] == 1 and report.statuses[ORPHANED] == 1
    moved = data.entry(kept_id)
    new_text = store.text(file)
    assert new_text[moved.anchor.start : moved.anchor.end] == quote
    assert moved.anchor.status == MOVED
    orphan = data.entry(doomed_id)
    assert orphan.anchor.status == ORPHANED
    assert [e.id for e in data.entries(orphaned=True)] == [doomed_id]  # listed, not deleted
