"""The ingest pipeline: corpus files -> per-document parts -> corpus-wide records -> the store.

`ensure_built` decides from the stat index whether anything changed (store/pipeline/state.py);
a build (store/pipeline/assemble.py) extracts only new and changed documents, in worker
processes when there are enough (store/pipeline/extract.py), reuses the stored parts of the
others, and runs the corpus-wide steps over all of them. Each file of the store is replaced
atomically, the TinyDB file last, so an interrupted build leaves the old store.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from store.errors import StoreCorrupt, StoreError, StoreOutdated
from store.pipeline.state import read_state
from store.storage.atomic import os_reason, remove_stale_temporaries
from store.storage.db import Store
from store.storage.docs import docs_path
from store.storage.layout import SCHEMA_VERSION
from store.storage.lock import build_lock

# Named in the store's meta; the fingerprint also hashes the extraction code itself
# (`extractor_digest`), so a code change rebuilds stores even when this is not bumped.
EXTRACTOR_VERSION = "4"

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as the build advances."""


@dataclass(slots=True)
class BuildReport:
    """What `ensure_built`/`build` did, for the CLI to report."""

    store_path: Path
    built: bool
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    extracted: int = 0  # documents extracted anew (the others were reused from the store)


# What the extractor is made of: its code and the word lists and data files shipped beside it.
# The bundled corpus copied into a wheel (`store/seeds`) is input, not extractor; user data and
# exports read a store but never change what a build extracts.
EXTRACTOR_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".json", ".txt", ".tsv"})
NOT_EXTRACTOR = frozenset({"seeds", "userdata", "export"})


def extractor_files(root: Path) -> list[Path]:
    """Every file under `root`, at any depth, whose bytes can change what a build extracts."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.suffix in EXTRACTOR_SUFFIXES
        and path.is_file()
        and "__pycache__" not in path.parts
        and path.relative_to(root).parts[0] not in NOT_EXTRACTOR
    )


@functools.cache
def extractor_digest() -> str:
    """A hash of the pipeline's own source: a store rebuilds whenever the code that made it
    changes, not only when someone remembers to bump EXTRACTOR_VERSION. Paths are hashed
    relative to the package, so a module moved into a sub-package changes the digest."""
    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=8)
    for path in extractor_files(root):
        relative = path.relative_to(root).as_posix()
        digest.update(relative.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def extractor_id() -> str:
    """The extractor as the store's meta and the cache keys name it."""
    return f"{EXTRACTOR_VERSION}:{extractor_digest()}"


def ensure_built(
    corpus_dir: Path,
    store: Store | Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
    follow_links: bool = False,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
    rebind: bool = False,
    workers: int | None = None,
) -> BuildReport:
    """Build when the store is missing, stale, corrupt or forced; otherwise do nothing.

    Staleness is decided from the stat index (store/pipeline/state.py): only files whose
    metadata changed are read. A build reuses the previous store's per-document parts for
    every unchanged document. A store remembers the corpus it was built from and is never
    rebuilt from another one unless `rebind` says so. A corrupt store is moved aside (kept for
    inspection) and rebuilt; one written by a newer schema raises StoreTooNew. One build of a
    store runs at a time: a second waits (`waiting` is told), then finds the store fresh; with
    `wait=False` it stops with a StoreError instead.
    """
    if not isinstance(store, Store):
        store = Store(Path(store))
    warnings: list[str] = []
    known = _known(store, warnings)
    _check_corpus(store.path, known.meta, corpus_dir, rebind)
    state = read_state(
        corpus_dir, known.files, known.manifests, known.scanned_ns, follow_links=follow_links
    )
    stamp = state.fingerprint(extractor_id(), SCHEMA_VERSION)
    if not force and known.fresh(stamp, store.path):
        return BuildReport(store.path, built=False, counts=known.counts, warnings=warnings)
    with build_lock(store.path, wait=wait, waiting=waiting):
        remove_stale_temporaries(store.path)
        if not force:  # another build may have finished while this one waited
            again = _known(store, warnings)
            if again.fresh(stamp, store.path):
                return BuildReport(store.path, built=False, counts=again.counts, warnings=warnings)
        store.forget_parse()
        started = time.perf_counter()
        from store.pipeline.assemble import run_build  # the stages: only when a build runs

        outcome = run_build(
            state, Path(corpus_dir), store.path, stamp, extractor_id(),
            old_meta=known.meta, progress=progress, workers=workers,
        )  # fmt: skip
    return BuildReport(
        store.path,
        built=True,
        counts=outcome.counts,
        seconds=time.perf_counter() - started,
        warnings=warnings + outcome.warnings,
        extracted=outcome.extracted,
    )


@dataclass(slots=True)
class _Known:
    """What the store on disk says of the corpus it was built from."""

    meta: dict[str, Any] | None
    files: dict[str, dict[str, Any]]

    @property
    def manifests(self) -> dict[str, list[Any]]:
        return dict((self.meta or {}).get("manifests") or {})

    @property
    def scanned_ns(self) -> int:
        return int((self.meta or {}).get("scanned_ns") or 0)

    @property
    def counts(self) -> dict[str, int]:
        return dict((self.meta or {}).get("counts") or {})

    def fresh(self, stamp: str, store_path: Path) -> bool:
        """Same inputs, and the documents sidecar is the one this store wrote."""
        if self.meta is None or self.meta.get("fingerprint") != stamp:
            return False
        docs = self.meta.get("docs")
        if not isinstance(docs, dict):
            return False
        try:
            info = docs_path(store_path, self.meta).stat()
        except OSError:
            return False
        return [info.st_size, info.st_mtime_ns] == [docs.get("size"), docs.get("mtime_ns")]


def _known(store: Store, warnings: list[str]) -> _Known:
    """The store's meta row and stat index; a corrupt store is moved aside (with a warning) and
    an outdated one is simply rebuilt."""
    try:
        state = store.read_state()
    except StoreOutdated:
        return _Known(None, {})
    except StoreCorrupt as exc:
        kept = _move_aside(store.path)
        warnings.append(f"{exc}; kept it as {kept} and rebuilding from the corpus")
        return _Known(None, {})
    if state is None:
        return _Known(None, {})
    meta, files = state
    return _Known(meta, {row["file"]: row for row in files if isinstance(row.get("file"), str)})


def _check_corpus(
    store_path: Path, meta: dict[str, Any] | None, corpus_dir: Path, rebind: bool
) -> None:
    """A store is bound to the corpus it was built from: never rebuilt from another unasked."""
    if meta is None or rebind:
        return
    built_from = meta.get("corpus")
    if built_from and built_from != str(Path(corpus_dir).resolve()):
        raise StoreError(
            f"{store_path} was built from {built_from}, not {Path(corpus_dir).resolve()}. "
            "Leave out --corpus to use the store's own corpus, add --rebuild to rebuild it from "
            "this one, or choose another --store."
        )


def build(
    corpus_dir: Path,
    store: Store | Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
    rebind: bool = False,
    workers: int | None = None,
) -> BuildReport:
    """`dossier build`: the same as ensure_built, named for what the user asked."""
    return ensure_built(
        corpus_dir, store, force=force, progress=progress, rebind=rebind, workers=workers
    )


def is_stale(corpus_dir: Path, store_path: Path) -> bool:
    """True when opening the store needs a build first (missing, changed corpus, corrupt)."""
    store = Store(Path(store_path))
    try:
        state = store.read_state()
    except StoreCorrupt:
        return True
    if state is None:
        return True
    meta, rows = state
    known = _Known(meta, {row["file"]: row for row in rows if isinstance(row.get("file"), str)})
    corpus = read_state(corpus_dir, known.files, known.manifests, known.scanned_ns)
    return not known.fresh(corpus.fingerprint(extractor_id(), SCHEMA_VERSION), store.path)


def _move_aside(store_path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = store_path.with_name(f"{store_path.name}.corrupt-{stamp}")
    try:
        shutil.move(store_path, kept)
    except OSError as exc:
        raise StoreError(
            f"{store_path}: the store is damaged and cannot be moved aside to rebuild it "
            f"({os_reason(exc)}); move or delete it, or point --store at another file"
        ) from None
    return kept
