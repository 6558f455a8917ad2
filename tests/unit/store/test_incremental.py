"""Incremental builds equal full builds; the stat index sees every change; stores stay bound.

An incremental build reuses the previous store's per-document parts and redoes the
corpus-wide steps. Whatever happened to the corpus in between (a document added, edited,
renamed or removed, or an incremental build killed half-way), the store it leaves must be the
one a clean full build of the same folder makes: same sources, texts, passages, sentences,
events, entities, mentions and search answers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import store.pipeline.state as state_module
from store.build import build, ensure_built, is_stale
from store.errors import StoreError
from store.search import search
from store.storage.db import Store
from tests.cli.test_faults import kill_build_at

QUERIES = ("Almaty", "attack", "ministry", "border guards", "Tashkent OR Bishkek", "2015")
HOUR_NS = 3_600_000_000_000

REPORTS = {
    "zz_border.txt": (
        "# Border report\n\nOn 12 March 2016 border guards in Osh detained two men. "
        "The Ministry of Interior said the men had crossed from Tajikistan.\n\n"
        "A week later officials in Bishkek announced new checks.\n"
    ),
    "zz_almaty.md": (
        "# Almaty briefing\n\nIn June 2016 gunmen attacked two gun shops in Aktobe. "
        "President Nursultan Nazarbayev called it a terrorist attack.\n\n"
        "On 18 July 2016 a gunman attacked a police station in Almaty.\n"
    ),
}


def snapshot(path: Path) -> dict[str, Any]:
    """Everything a build decides about a corpus, with nothing that depends on when it ran."""
    with Store(path) as store:
        sources = sorted((s.file, repr(s)) for s in store.sources())
        per_file = {
            s.file: (
                store.text(s.file),
                [repr(p) for p in store.passages(s.file)],
                [repr(x) for x in store.sentences(s.file)],
                [repr(e) for e in store.events(s.file)],
                [repr(m) for m in store.mentions(s.file)],
            )
            for s in store.sources()
        }
        entities = sorted(repr(e) for e in store.entities())
        answers = {
            q: [(h.file, h.passage, h.start, h.end) for h in search(store, q, limit=None).hits]
            for q in QUERIES
        }
        counts = store.meta().get("counts")
    return {
        "sources": sources,
        "files": per_file,
        "entities": entities,
        "answers": answers,
        "counts": counts,
    }


def full_build_of(corpus: Path, tmp_path: Path, name: str) -> dict[str, Any]:
    fresh = tmp_path / f"full-{name}.json"
    report = build(corpus, fresh, force=True)
    assert report.built and report.extracted == report.counts["sources"]
    return snapshot(fresh)


def age(corpus: Path) -> None:
    """Every file an hour old: no longer 'racily clean', so the stat index may trust it."""
    old = time.time_ns() - HOUR_NS
    for path in corpus.iterdir():
        os.utime(path, ns=(old, old))


@pytest.fixture
def grown_corpus(corpus_copy: Path) -> Path:
    for name, text in REPORTS.items():
        (corpus_copy / name).write_text(text, encoding="utf-8")
    age(corpus_copy)
    return corpus_copy


def test_incremental_build_equals_full_build_after_each_kind_of_change(
    tmp_path: Path, grown_corpus: Path
) -> None:
    store = tmp_path / "inc.json"
    first = ensure_built(grown_corpus, store)
    assert first.built and first.extracted == first.counts["sources"]

    steps: list[tuple[str, Any, int]] = [
        (
            "add",
            lambda: (grown_corpus / "zz_new.txt").write_text(
                "# New report\n\nOn 4 May 2017 officials in Almaty announced arrests.\n"
            ),
            1,
        ),
        (
            "edit",
            lambda: (grown_corpus / "zz_border.txt").write_text(
                REPORTS["zz_border.txt"].replace("two men", "three men from Andijan")
            ),
            1,
        ),
        ("rename", lambda: (grown_corpus / "zz_almaty.md").rename(grown_corpus / "zz_aa.md"), 0),
        ("remove", lambda: (grown_corpus / "zz_new.txt").unlink(), 0),
    ]
    for name, change, extracted in steps:
        change()
        assert is_stale(grown_corpus, store), name
        report = ensure_built(grown_corpus, store)
        assert report.built, name
        assert report.extracted == extracted, (name, report.extracted)
        assert snapshot(store) == full_build_of(grown_corpus, tmp_path, name), name
        assert not is_stale(grown_corpus, store), name


@pytest.mark.parametrize(("target", "nth"), [("replace", 1), ("fsync", 2)])
def test_a_killed_incremental_build_is_finished_by_the_next(
    tmp_path: Path, grown_corpus: Path, target: str, nth: int
) -> None:
    store = tmp_path / "inc.json"
    ensure_built(grown_corpus, store)
    (grown_corpus / "zz_border.txt").write_text(REPORTS["zz_border.txt"] + "\nAn added line.\n")
    (grown_corpus / "zz_killed.txt").write_text("# Killed\n\nOn 2 May 2018 a bomb exploded.\n")
    killed = kill_build_at(target, nth, grown_corpus, store)
    assert killed.returncode == 9, (killed.stdout, killed.stderr)
    assert is_stale(grown_corpus, store)
    report = ensure_built(grown_corpus, store)
    assert report.built and report.extracted <= 2
    assert snapshot(store) == full_build_of(grown_corpus, tmp_path, "killed")


def reads_during_check(
    monkeypatch: pytest.MonkeyPatch, corpus: Path, store: Path
) -> tuple[bool, list[str]]:
    """Whether the store is stale, and which documents the check had to read to say so."""
    read: list[str] = []
    real = state_module.read_bytes

    def counting(path: Path) -> bytes:
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(state_module, "read_bytes", counting)
    try:
        return is_stale(corpus, store), read
    finally:
        monkeypatch.setattr(state_module, "read_bytes", real)


def test_an_unchanged_corpus_is_checked_without_reading_a_document(
    tmp_path: Path, grown_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "s.json"
    ensure_built(grown_corpus, store)
    stale, read = reads_during_check(monkeypatch, grown_corpus, store)
    assert (stale, read) == (False, [])
    (grown_corpus / "zz_border.txt").touch()  # new mtime, same bytes: read, found unchanged
    stale, read = reads_during_check(monkeypatch, grown_corpus, store)
    assert (stale, read) == (False, ["zz_border.txt"])


def test_a_change_that_keeps_the_size_is_noticed(tmp_path: Path, grown_corpus: Path) -> None:
    store = tmp_path / "s.json"
    ensure_built(grown_corpus, store)
    path = grown_corpus / "zz_border.txt"
    before = path.read_text()
    after = before.replace("Osh", "Ush")
    assert len(after.encode()) == len(before.encode()) and after != before
    path.write_text(after)
    assert is_stale(grown_corpus, store)
    assert ensure_built(grown_corpus, store).extracted == 1
    with Store(store) as opened:
        assert "Ush" in opened.text("zz_border.txt")


def test_a_change_that_keeps_size_and_mtime_is_noticed(tmp_path: Path, grown_corpus: Path) -> None:
    """An editor or `cp -p` can restore the old mtime; the ctime and inode still move."""
    store = tmp_path / "s.json"
    ensure_built(grown_corpus, store)
    path = grown_corpus / "zz_border.txt"
    info = path.stat()
    before = path.read_text()
    replacement = grown_corpus / "tmp-replacement"
    replacement.write_text(before.replace("Osh", "Ush"))
    os.replace(replacement, path)  # a new inode, as editors that save by rename make
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    assert is_stale(grown_corpus, store)
    ensure_built(grown_corpus, store)
    # the same once more in place (same inode), where only the ctime moves
    info = path.stat()
    with path.open("r+b") as handle:
        handle.write(b"# Bordes")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_ino == info.st_ino
    assert is_stale(grown_corpus, store)
    ensure_built(grown_corpus, store)
    with Store(store) as opened:
        assert opened.source("zz_border.txt").title == "Bordes report"


def test_a_change_within_the_scan_timestamp_is_noticed(
    tmp_path: Path, grown_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Racily clean: a file modified within RACY_NS of the scan that built the store could
    change again with the same stat facts (on a coarse-timestamp file system), so the next
    check reads and hashes it rather than trust its facts."""
    store = tmp_path / "s.json"
    path = grown_corpus / "zz_border.txt"
    now = time.time_ns()
    os.utime(path, ns=(now, now))
    ensure_built(grown_corpus, store)
    stale, read = reads_during_check(monkeypatch, grown_corpus, store)
    assert "zz_border.txt" in read and not stale  # within RACY_NS of the scan: always hashed


def test_a_store_is_never_rebuilt_from_a_foreign_corpus(tmp_path: Path, grown_corpus: Path) -> None:
    store = tmp_path / "s.json"
    ensure_built(grown_corpus, store)
    before = store.read_bytes()
    other = tmp_path / "other"
    other.mkdir()
    (other / "one.txt").write_text("# One\n\nOn 1 May 2019 nothing happened.\n")
    with pytest.raises(StoreError, match="was built from"):
        ensure_built(other, store)
    assert store.read_bytes() == before
    rebound = ensure_built(other, store, rebind=True)
    assert rebound.built and rebound.counts["sources"] == 1


def dossier(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )  # fmt: skip


def test_the_command_line_keeps_a_store_on_its_own_corpus(
    tmp_path: Path, grown_corpus: Path
) -> None:
    """`--store X` alone uses X's corpus (never the bundled one); another `--corpus` is refused
    with exit 2 and the store kept, unless `--rebuild` asks for it."""
    store = tmp_path / "s.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOSSIER_")}
    built = dossier("build", "--corpus", str(grown_corpus), "--store", str(store), env=env)
    assert built.returncode == 0, built.stderr
    own = dossier("search", "--store", str(store), "--json", "Bishkek", env=env)
    assert own.returncode == 0, own.stderr
    assert "zz_border.txt" in own.stdout
    before = store.read_bytes()
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(grown_corpus / "zz_almaty.md", other / "only.md")
    refused = dossier("search", "--store", str(store), "--corpus", str(other), "gunman", env=env)
    assert refused.returncode == 2
    assert "was built from" in refused.stderr and "Traceback" not in refused.stderr
    assert store.read_bytes() == before
    rebuilt = dossier(
        "search", "--store", str(store), "--corpus", str(other), "--rebuild", "--json", "gunman",
        env=env,
    )  # fmt: skip
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "only.md" in rebuilt.stdout and "zz_border.txt" not in rebuilt.stdout


def test_the_check_reads_the_state_file_only_while_it_matches_the_store(
    tmp_path: Path, grown_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import store.storage.db as db

    store = tmp_path / "s.json"
    ensure_built(grown_corpus, store)
    state = Path(f"{store}.state")
    parsed: list[Path] = []
    real = db.OrjsonStorage.read

    def counting(self: db.OrjsonStorage) -> Any:
        parsed.append(self.path)
        return real(self)

    monkeypatch.setattr(db.OrjsonStorage, "read", counting)
    assert not is_stale(grown_corpus, store) and parsed == []  # the state file answered
    # an older store put back (a backup restored) no longer carries the state file's stamp
    older = tmp_path / "older.json"
    ensure_built(grown_corpus, older)
    (grown_corpus / "zz_new.txt").write_text("# New\n\nOn 2 June 2017 a report came out.\n")
    ensure_built(grown_corpus, store)
    shutil.copy(older, store)
    parsed.clear()
    assert is_stale(grown_corpus, store) and parsed == [store]  # the store itself decided
    state.write_bytes(b"{not json")
    parsed.clear()
    assert is_stale(grown_corpus, store) and parsed == [store]
    ensure_built(grown_corpus, store)  # the next build writes it afresh
    parsed.clear()
    assert not is_stale(grown_corpus, store) and parsed == []
