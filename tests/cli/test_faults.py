"""A build killed at any write step leaves a store that works: the old one or the new one,
never a mix that answers wrongly (an old store beside a new index is caught by the
fingerprint and the index rebuilt), and never a lost store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from store.search import search
from store.storage import Store

KILL_AT = """\
import os, sys
from pathlib import Path
target, nth = sys.argv[1], int(sys.argv[2])
real = getattr(os, target)
calls = 0
def dying(*args, **kwargs):
    global calls
    calls += 1
    if calls == nth:
        os._exit(9)
    return real(*args, **kwargs)
setattr(os, target, dying)
from store.build import build
build(Path(sys.argv[3]), Path(sys.argv[4]))
print("finished", calls)
"""
NEW_DOC = "# A new report\n\nOn 4 May 2017 officials in Almaty announced arrests.\n"


def kill_build_at(
    target: str, nth: int, corpus: Path, store: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", KILL_AT, target, str(nth), str(corpus), str(store)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def store_files(store: Path) -> dict[Path, bytes]:
    """Every file of the store (its lock aside) and its bytes."""
    return {
        p: p.read_bytes()
        for p in store.parent.glob(store.name + "*")
        if not p.name.endswith(".lock") and p.is_file()
    }


def state_of(store_path: Path) -> tuple[set[str], bool]:
    """The store's titles as it is on disk, and whether a search agrees with its passages."""
    with Store(store_path) as store:
        titles = {s.title for s in store.sources()}
        hits = search(store, "Almaty", limit=None).hits
        consistent = all(
            store.text(h.file)[h.start : h.end] == store.text(h.file)[p.start : p.end]
            for h in hits
            for p in store.passages(h.file)
            if p.index == h.passage
        )
        new_found = any(h.file == "zz_new.txt" for h in hits)
    return titles, consistent and (new_found == ("A new report" in titles))


@pytest.mark.parametrize("target", ["fsync", "replace"])
def test_a_build_killed_at_each_write_step_leaves_a_working_store(
    tmp_path: Path, corpus_copy: Path, target: str
) -> None:
    from store.build import build

    store = tmp_path / "s.json"
    build(corpus_copy, store)
    old_titles, _ = state_of(store)
    saved = store_files(store)
    assert len(saved) == 4  # the TinyDB file, the documents sidecar, the index, the state file
    (corpus_copy / "zz_new.txt").write_text(NEW_DOC, encoding="utf-8")
    counted = kill_build_at(target, 0, corpus_copy, tmp_path / "count.json")
    assert counted.returncode == 0, counted.stderr
    calls = int(counted.stdout.split()[-1])
    assert calls >= 2  # the index and the store are each written
    for nth in range(1, calls + 1):
        for path in store_files(store):
            path.unlink()
        for path, data in saved.items():
            path.write_bytes(data)
        killed = kill_build_at(target, nth, corpus_copy, store)
        assert killed.returncode == 9, (nth, killed.stdout, killed.stderr)
        assert store.exists(), f"killed at {target} #{nth}: the store is gone"
        titles, consistent = state_of(store)
        assert titles in (old_titles, old_titles | {"A new report"}), nth
        assert consistent, f"killed at {target} #{nth}: search disagrees with the store"
        leftovers = list(tmp_path.glob(".*.tmp"))
        build(corpus_copy, store)  # the next build finishes the job and sweeps what was left
        assert "A new report" in state_of(store)[0]
        assert not [p for p in leftovers if p.exists()]
