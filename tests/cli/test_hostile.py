"""Hostile and careless input: each case gives a message and the right exit code, never a
traceback, never a hang (every run is under a timeout), and never loses the previous store."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from store.errors import StoreError
from tests.cli.test_main import run_cli

POSIX = sys.platform != "win32"
DOC = "Kazakhstan's police detained two men in Aktobe on 5 June 2016, officials said.\n"


def corpus(tmp_path: Path, files: dict[str, str | bytes] | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, body in {"a.txt": DOC, **(files or {})}.items():
        data = body.encode("utf-8") if isinstance(body, str) else body
        (folder / name).write_bytes(data)
    return folder


def assert_clean(code: int, err: str, expected_code: int) -> None:
    assert "Traceback" not in err, err
    assert code == expected_code, err


def listed(store: Path, corpus_dir: Path) -> set[str]:
    code, out, err = run_cli("sources", "--json", store=store, corpus=corpus_dir)
    assert_clean(code, err, 0)
    return {s["file"] for s in json.loads(out)}


# -- the file system ------------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_not_opened(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    os.mkfifo(folder / "x.txt")
    code, _, err = run_cli("build", store=tmp_path / "s.json", corpus=folder)
    assert_clean(code, err, 0)
    assert "x.txt: not a regular file (a FIFO); skipped" in err


@pytest.mark.skipif(not POSIX, reason="symlinks need privileges on Windows")
def test_a_link_out_of_the_corpus_is_skipped_unless_asked(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("The secret plan was agreed in Almaty on 3 May 2015.\n", encoding="utf-8")
    folder = corpus(tmp_path)
    (folder / "secret.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    store = tmp_path / "s.json"
    code, _, err = run_cli("build", store=store, corpus=folder)
    assert_clean(code, err, 0)
    assert "secret.txt: a link to" in err and "outside the corpus folder; skipped" in err
    assert listed(store, folder) == {"a.txt", "inside.txt"}
    code, _, err = run_cli("build", "--follow-links", store=store, corpus=folder)
    assert_clean(code, err, 0)
    code, out, _ = run_cli("sources", "--json", "--follow-links", store=store, corpus=folder)
    assert {s["file"] for s in json.loads(out)} == {"a.txt", "inside.txt", "secret.txt"}


@pytest.mark.skipif(not POSIX, reason="undecodable names are a POSIX matter")
def test_a_file_name_that_is_not_utf8_is_listed_with_a_replacement(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "wb") as handle:
        handle.write(b"A report on Osh, written in 2014.\n")
    store = tmp_path / "s.json"
    code, _, err = run_cli("build", store=store, corpus=folder)
    assert_clean(code, err, 0)
    assert "not valid UTF-8" in err
    assert "bad\ufffdname.txt" in listed(store, folder)


@pytest.mark.parametrize(
    ("codec", "bom"), [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", None)]
)
def test_text_with_a_byte_order_mark_is_decoded(
    tmp_path: Path, codec: str, bom: bytes | None
) -> None:
    text = "Tajik officials met in Dushanbe on 2 March 2016."
    data = (bom or b"\xff\xfe\x00\x00") + text.encode(codec)
    folder = corpus(tmp_path, {"wide.txt": data})
    store = tmp_path / "s.json"
    code, out, err = run_cli("show", "wide.txt", store=store, corpus=folder)
    assert_clean(code, err, 0)
    assert text in out
    assert "binary" not in err


def test_hundreds_of_thousands_of_warnings_are_summarised(tmp_path: Path) -> None:
    entries = "".join(f"missing-{i}.txt:\n  title: Gone {i}\n" for i in range(20_000))
    folder = corpus(tmp_path, {"sources.yaml": entries})
    started = time.monotonic()
    code, _, err = run_cli("build", store=tmp_path / "s.json", corpus=folder)
    assert_clean(code, err, 0)
    lines = err.strip().splitlines()
    assert len(lines) <= 32
    assert lines[-1] == "dossier: … and 19,970 more warnings"
    assert time.monotonic() - started < 60


def dated_lines(n: int) -> str:
    """n lines, each a date and a name and no final punctuation (a log, a table, a dump)."""
    months = ("January", "March", "May", "July", "September", "November")
    names = ("Karimov", "Nazarbayev", "Tokayev", "Rahmon")
    return "".join(
        f"{1 + i % 28} {months[i % 6]} {1990 + i % 30} President {names[i % 4]} said\n"
        for i in range(n)
    )


@pytest.mark.parametrize(
    "lines", [5_000, pytest.param(50_000, marks=pytest.mark.slow)], ids=["5k", "50k"]
)
def test_a_long_document_of_dated_lines_builds_in_linear_time(tmp_path: Path, lines: int) -> None:
    """Every line is an event; the document once took 34 s at 5,000 lines and 10 GB at 50,000
    (benchmarks/bench_hostile.py measures time and memory; here it must simply finish)."""
    folder = corpus(tmp_path, {"log.txt": dated_lines(lines)})
    code, out, err = run_cli("build", store=tmp_path / "s.json", corpus=folder)
    assert_clean(code, err, 0)
    assert f"{lines + 1} events" in out


# -- manifests ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["sources.yaml", "entities.yaml"])
@pytest.mark.parametrize("depth", [200, 5000])
def test_deeply_nested_yaml_is_a_message(tmp_path: Path, name: str, depth: int) -> None:
    nested = "a.txt: " + "[" * depth + "]" * depth + "\n"
    folder = corpus(tmp_path, {name: nested})
    store = tmp_path / "s.json"
    code, _, err = run_cli("build", store=store, corpus=folder)
    assert_clean(code, err, 2)
    assert f"{name}:" in err
    assert not store.exists()


# -- the store ------------------------------------------------------------------------------
def built(tmp_path: Path) -> tuple[Path, Path]:
    folder = corpus(tmp_path)
    store = tmp_path / "s.json"
    code, _, err = run_cli("build", store=store, corpus=folder)
    assert_clean(code, err, 0)
    return folder, store


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: {**t, "meta": {"1": 42}},
        lambda t: {**t, "meta": {"1": ["schema", 2]}},
        lambda t: {**t, "meta": 7},
        lambda t: {**t, "entities": [1, 2, 3]},
        lambda t: {**t, "sources": {"1": "not a row"}},
        lambda t: {**t, "sources": {"1": {"title": "no file"}}},
    ],
    ids=["meta-number", "meta-list", "meta-table", "table-list", "row-string", "row-missing"],
)
def test_a_hand_damaged_store_is_moved_aside_and_rebuilt(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    folder, store = built(tmp_path)
    tables = orjson.loads(store.read_bytes())
    store.write_bytes(orjson.dumps(damage(tables)))
    code, out, err = run_cli("search", "Aktobe", store=store, corpus=folder)
    assert_clean(code, err, 0)
    assert "rebuilding from the corpus" in err
    assert "Aktobe" in out
    assert list(tmp_path.glob("s.json.corrupt-*"))


def test_damage_found_while_reading_is_a_message_naming_the_cure(tmp_path: Path) -> None:
    """Damage inside a document's blob shows only when it is decoded: then the command stops
    with exit 2 and says how to rebuild, never a traceback."""
    from store.storage.docs import docs_path, rows_key

    folder, store = built(tmp_path)
    meta = orjson.loads(store.read_bytes())["meta"]["1"]
    sidecar = docs_path(store, meta)
    data = bytearray(sidecar.read_bytes())
    from store.storage.blobs import BlobFile

    blobs = BlobFile(sidecar)
    offset, length = blobs.entries[rows_key("passages", "a.txt")]
    blobs.close()
    data[offset : offset + length] = b"{" * length  # the passages of a.txt, no longer JSON
    before = sidecar.stat()
    sidecar.write_bytes(bytes(data))
    os.utime(sidecar, ns=(before.st_atime_ns, before.st_mtime_ns))  # damage that stat cannot see
    code, _, err = run_cli("show", "a.txt", store=store, corpus=folder)
    assert_clean(code, err, 2)
    assert "rows are damaged" in err and "dossier build --force" in err


def test_a_store_whose_documents_went_missing_is_rebuilt(tmp_path: Path) -> None:
    folder, store = built(tmp_path)
    for sidecar in tmp_path.glob("s.json.docs.*"):
        sidecar.unlink()
    code, out, err = run_cli("search", "Aktobe", store=store, corpus=folder)
    assert_clean(code, err, 0)
    assert "Aktobe" in out


@pytest.mark.parametrize("array", ["post_off", "post_pid", "pos", "p_file", "file_first", "ev_pid"])
def test_a_damaged_index_is_rebuilt_from_the_store(tmp_path: Path, array: str) -> None:
    import struct

    folder, store = built(tmp_path)
    index = store.with_name(store.name + ".index")
    data = bytearray(index.read_bytes())
    (length,) = struct.unpack("<Q", data[8:16])
    start, size = orjson.loads(data[16 : 16 + length])["offsets"][array]
    data[start : start + min(size, 8)] = b"\xff" * min(size, 8)  # header intact, one array damaged
    index.write_bytes(bytes(data))
    code, out, err = run_cli("search", "Aktobe", store=store, corpus=folder)
    assert_clean(code, err, 0)
    assert "Aktobe" in out
    assert index.read_bytes() != bytes(data)  # rebuilt and written back


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_store_folder_is_a_message(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run_cli("build", store=locked / "s.json", corpus=folder)
    finally:
        locked.chmod(0o700)
    assert_clean(code, err, 2)
    assert "cannot" in err


def test_a_store_folder_that_refuses_writes_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a read-only folder does to a build (simulated: root may write anywhere)."""
    import store.storage.atomic as atomic
    from tui.cli import main

    folder = corpus(tmp_path)

    def refused(path: Path, *args: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(atomic, "_write", refused)
    code = main(["build", "--corpus", str(folder), "--store", str(tmp_path / "s.json")])
    err = capsys.readouterr().err
    assert_clean(code, err, 2)
    assert "cannot write (Permission denied)" in err


def test_a_corrupt_store_that_cannot_be_moved_aside_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from tui.cli import main

    folder, store = built(tmp_path)
    store.write_bytes(b"{not json")

    def refused(*args: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(shutil, "move", refused)
    code = main(["sources", "--corpus", str(folder), "--store", str(store)])
    err = capsys.readouterr().err
    assert_clean(code, err, 2)
    assert "cannot be moved aside" in err and "Permission denied" in err
    assert store.read_bytes() == b"{not json"  # kept as it was for the user to look at


def test_a_full_disk_is_a_message_and_keeps_the_old_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import store.storage.atomic as atomic
    from store.build import build

    folder, store = built(tmp_path)
    before = store.read_bytes()
    (folder / "b.txt").write_text("A second document, from 2017.\n", encoding="utf-8")

    def full(path: Path, *args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write", full)
    with pytest.raises(StoreError, match="No space left on device"):
        build(folder, store)
    assert store.read_bytes() == before


# -- queries --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("(" * 300 + "aktobe" + ")" * 300, "parentheses nested more than 32 deep"),
        ("aktobe " * 6000, "the query is too long"),
        (" OR ".join(f"w{i}" for i in range(200)), "the query has more than 128 terms"),
    ],
    ids=["deep", "long", "wide"],
)
def test_oversized_queries_are_refused_quickly(
    built_store_path: Path, query: str, message: str
) -> None:
    started = time.monotonic()
    code, _, err = run_cli("search", query, store=built_store_path)
    assert_clean(code, err, 2)
    assert message in err
    assert len(err) < 2000  # a window around the problem, not the whole query
    assert time.monotonic() - started < 20


# -- concurrency and leftovers --------------------------------------------------------------
@pytest.mark.skipif(not POSIX, reason="uses flock")
def test_a_second_build_waits_or_stops_with_no_wait(tmp_path: Path) -> None:
    from store.storage.lock import build_lock

    folder = corpus(tmp_path)
    store = tmp_path / "s.json"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from store.storage.lock import build_lock\n"
         f"with build_lock(Path({str(store)!r})):\n    print('held', flush=True); time.sleep(3)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code, _, err = run_cli("build", "--no-wait", store=store, corpus=folder)
        assert_clean(code, err, 2)
        assert "another build of" in err and "--no-wait" in err
        code, _, err = run_cli("build", store=store, corpus=folder)
        assert_clean(code, err, 0)
        assert "waiting for it to finish" in err
    finally:
        holder.wait(timeout=30)
    with build_lock(store, wait=False):
        pass  # released by a process that ended


def test_temporary_files_a_killed_build_left_are_removed(tmp_path: Path) -> None:
    folder, store = built(tmp_path)
    for leftover in (f".{store.name}.abc123.tmp", f".{store.name}.index.def456.tmp"):
        (tmp_path / leftover).write_bytes(b"x" * 1000)
    code, _, err = run_cli("build", "--force", store=store, corpus=folder)
    assert_clean(code, err, 0)
    assert not list(tmp_path.glob(".*.tmp"))
