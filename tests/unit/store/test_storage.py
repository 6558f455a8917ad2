"""The store: round trips, atomic replacement, corrupt and too-new files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store.errors import StoreCorrupt, StoreError, StoreTooNew
from store.models import Document, Entity, Passage, Source
from store.storage.db import Store, read_meta
from store.storage.layout import SCHEMA_VERSION, write_store
from tests.paths import REPO


def _write_small(path: Path, title: str = "One", fingerprint: str = "x") -> None:
    text = "Alpha beta.\n\nGamma delta."
    write_store(
        path,
        {
            "sources": [Source(id="a", file="a.txt", title=title, chars=len(text)).to_row()],
            "texts": [{"file": "a.txt", "text": text}],
            "passages": [
                Passage("a.txt", 0, 0, 11).to_row(),
                Passage("a.txt", 1, 13, 25, "heading").to_row(),
            ],
            "entities": [Entity("e1", "Alpha", "person", ("Alpha", "A.")).to_row()],
        },
        {"fingerprint": fingerprint},
    )


def test_round_trip_returns_dataclasses(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    _write_small(path)
    with Store(path) as store:
        assert store.meta()["schema"] == SCHEMA_VERSION
        assert [s.title for s in store.sources()] == ["One"]
        assert store.source("a") == store.source("a.txt")
        passages = store.passages("a.txt")
        assert [(p.index, p.kind) for p in passages] == [(0, "body"), (1, "heading")]
        assert store.text("a.txt")[passages[1].start : passages[1].end] == "Gamma delta."
        assert store.entities()[0].aliases == ("Alpha", "A.")
        assert store.passages("missing.txt") == []
        with pytest.raises(StoreError):
            store.text("missing.txt")


def test_file_is_tinydb_json_layout_and_names_its_documents_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    _write_small(path)
    data = json.loads(path.read_text())
    assert set(data) >= {"sources", "entities", "meta"}
    assert "texts" not in data and "passages" not in data  # per document: in the sidecar
    assert data["sources"]["1"]["file"] == "a.txt"
    sidecar = tmp_path / data["meta"]["1"]["docs"]["name"]
    assert sidecar.exists() and sidecar.name.startswith("s.json.docs.")


def test_a_new_build_replaces_the_sidecar_and_removes_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    _write_small(path, title="Old")
    first = set(tmp_path.glob("s.json.docs.*"))
    _write_small(path, title="New", fingerprint="other")
    second = set(tmp_path.glob("s.json.docs.*"))
    assert len(first) == len(second) == 1 and first != second
    with Store(path) as store:
        assert store.sources()[0].title == "New"


def test_corrupt_and_truncated_stores_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    _write_small(path)
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(StoreCorrupt, match="not valid JSON"):
        read_meta(path)
    path.write_text('{"sources": {}}')
    with pytest.raises(StoreCorrupt, match="no meta table"):
        Store(path).open()
    path.write_text("")
    with pytest.raises(StoreCorrupt, match="empty"):
        read_meta(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"meta": {"1": {"schema": SCHEMA_VERSION + 1}}}))
    with pytest.raises(StoreTooNew, match="newer Dossier"):
        read_meta(path)


@pytest.mark.parametrize("die_in", ["os.fsync", "os.replace"])
def test_write_killed_half_way_leaves_previous_store(tmp_path: Path, die_in: str) -> None:
    """A process killed while writing (before or at the rename) leaves the old file intact."""
    path = tmp_path / "s.json"
    _write_small(path, title="Old")
    before = path.read_bytes()
    _module, name = die_in.split(".")
    code = (
        "import os, sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from tests.unit.store.test_storage import _write_small\n"
        f"setattr(os, {name!r}, lambda *a, **k: os._exit(9))\n"
        f"_write_small(__import__('pathlib').Path({str(path)!r}), title='New')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert proc.returncode == 9
    assert path.read_bytes() == before
    with Store(path) as store:
        assert store.sources()[0].title == "Old"


def test_packed_tables_round_trip_per_file_and_per_entity(tmp_path: Path) -> None:
    from store.models import Mention, Sentence

    texts = {"a.txt": "Ann met Bob. Bob left.", "b.txt": "Bob stayed."}
    mentions = [
        Mention("ann", "a.txt", 0, 3, "Ann", 0, 12),
        Mention("bob", "a.txt", 8, 11, "Bob", 0, 12),
        Mention("bob", "a.txt", 13, 16, "Bob", 13, 22),
        Mention("bob", "b.txt", 0, 3, "Bob", 0, 11),
    ]
    sentences = [
        Sentence("a.txt", 0, 0, 0, 12),
        Sentence("a.txt", 0, 1, 13, 22),
        Sentence("b.txt", 0, 0, 0, 11),
    ]
    path = tmp_path / "s.json"
    write_store(
        path,
        {
            "texts": [{"file": f, "text": t} for f, t in texts.items()],
            "sentences": [s.to_row() for s in sentences],
            "mentions": [m.to_row() for m in mentions],
        },
        {"fingerprint": "x"},
    )
    from store.storage.blobs import BlobFile
    from store.storage.docs import docs_path, rows_key

    sidecar = BlobFile(docs_path(path, read_meta(path) or {}))
    assert json.loads(bytes(sidecar.get(rows_key("mentions", "a.txt")) or b"")) == {
        "entity": ["ann", "bob", "bob"],
        "start": [0, 8, 13],
        "end": [3, 11, 16],
        "sentence_start": [0, 0, 13],
        "sentence_end": [12, 12, 22],
    }
    sidecar.close()
    with Store(path) as store:
        assert store.mentions() == mentions
        assert store.mentions("b.txt") == mentions[3:]
        assert store.mentions(entity="bob") == mentions[1:]
        assert store.mentions("a.txt", entity="bob") == mentions[1:3]
        assert store.mentions(entity="nobody") == []
        assert store.sentences("a.txt") == sentences[:2]
        assert store.mention_counts() == {"ann": {"a.txt": 1}, "bob": {"a.txt": 2, "b.txt": 1}}
        assert store.rows("mentions")[1] == mentions[1].to_row()


def test_events_round_trip_with_derived_quote_and_anchor(tmp_path: Path, seeds_dir: Path) -> None:
    """The per-document blobs give back exactly the records the build made, derived fields
    (quote, anchor text, surface) included, and store no quote of their own."""
    from store.build import build
    from store.entities import extract_entities, load_catalogue
    from store.events import extract_events
    from store.storage.blobs import BlobFile
    from store.storage.docs import docs_path, rows_key

    path = tmp_path / "s.json"
    build(seeds_dir, path)
    with Store(path) as opened:
        documents = [
            Document(s.file, opened.text(s.file), tuple(opened.passages(s.file)),
                     tuple(opened.sentences(s.file)))
            for s in opened.sources()
        ]  # fmt: skip
        entities, mentions = extract_entities(
            documents, load_catalogue(seeds_dir / "entities.yaml")
        )
        events = extract_events(documents, opened.sources(), entities, mentions)
        assert events and mentions
        assert sorted(opened.events(), key=lambda e: e.id) == sorted(events, key=lambda e: e.id)
        assert opened.mentions() == sorted(mentions, key=lambda m: (m.file, m.start))
        meta = opened.meta()
    sidecar = BlobFile(docs_path(path, meta))
    for source in {e.file for e in events}:
        assert "quote" not in json.loads(bytes(sidecar.get(rows_key("events", source)) or b""))
    sidecar.close()


def test_tinydb_itself_reads_the_store(built_store_path: Path) -> None:
    """The file is a TinyDB database: its query API works on it, for users who script."""
    from tinydb import Query, TinyDB

    from store.storage.db import OrjsonStorage

    db = TinyDB(built_store_path, storage=OrjsonStorage, access_mode="rb")
    try:
        found = db.table("sources").search(Query().published == "2014-09-17")
        assert [row["file"] for row in found] == ["001_c13928596fe0fd3f.txt"]
        assert db.table("meta").all()[0]["schema"] == SCHEMA_VERSION
    finally:
        db.close()
