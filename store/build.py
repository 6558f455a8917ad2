"""The ingest pipeline: corpus files -> segmented documents -> extracted records -> the store.

A build is skipped when the store's fingerprint (corpus bytes, manifests, extraction code)
matches; it is written in one atomic replace, so an interrupted build leaves the old store.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from store.corpus import (
    CATALOGUE_NAME,
    MANIFEST_NAME,
    CorpusRead,
    RawDocument,
    read_corpus,
)
from store.errors import StoreCorrupt, StoreError
from store.models import Document, Source
from store.storage import db
from store.storage.atomic import os_reason, remove_stale_temporaries
from store.storage.db import Store
from store.storage.lock import build_lock
from store.text.segment import segment

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


# What the extractor is made of: its code and the word lists and data files shipped beside it.
# The bundled corpus copied into a wheel (`store/seeds`) is input, not extractor.
EXTRACTOR_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".json", ".txt", ".tsv"})


def extractor_files(root: Path) -> list[Path]:
    """Every file under `root`, at any depth, whose bytes can change what a build extracts."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.suffix in EXTRACTOR_SUFFIXES
        and path.is_file()
        and "__pycache__" not in path.parts
        and path.relative_to(root).parts[0] != "seeds"
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


def fingerprint(corpus: CorpusRead, corpus_dir: Path) -> str:
    """Hash of every document's bytes and name, the manifests and the extractor's code."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(
        f"extractor:{EXTRACTOR_VERSION}:{extractor_digest()};schema:{db.SCHEMA_VERSION}".encode()
    )
    for document in sorted(corpus.documents, key=lambda d: d.file):
        digest.update(document.file.encode() + b"\0")
        digest.update(hashlib.blake2b(document.data, digest_size=16).digest())
    for name in (MANIFEST_NAME, CATALOGUE_NAME):
        path = Path(corpus_dir) / name
        digest.update(name.encode() + b"\0")
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_built(
    corpus_dir: Path,
    store: Store | Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
    follow_links: bool = False,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build when the store is missing, stale, corrupt or forced; otherwise do nothing.

    Given a `Store` (not yet opened), the parse made to read its meta is kept for its `open`.
    A corrupt store is moved aside (kept for inspection) and rebuilt from the corpus; a store
    written by a newer schema raises StoreTooNew rather than being overwritten. One build of a
    store runs at a time: a second waits for the first (`waiting` is told), then finds the
    store fresh; with `wait=False` it stops with a StoreError instead.
    """
    if not isinstance(store, Store):
        store = Store(Path(store))
    store_path = store.path
    corpus = read_corpus(Path(corpus_dir), follow_links=follow_links)
    stamp = fingerprint(corpus, corpus_dir)
    warnings = list(corpus.warnings)
    meta = _fresh_meta(store, warnings)
    if not force and meta is not None and meta.get("fingerprint") == stamp:
        return BuildReport(
            store_path, built=False, counts=meta.get("counts", {}), warnings=warnings
        )
    with build_lock(store_path, wait=wait, waiting=waiting):
        remove_stale_temporaries(store_path)
        if not force:  # another build may have finished while this one waited
            meta = _fresh_meta(store, warnings)
            if meta is not None and meta.get("fingerprint") == stamp:
                return BuildReport(
                    store_path, built=False, counts=meta.get("counts", {}), warnings=warnings
                )
        store.forget_parse()
        report = _build(corpus, Path(corpus_dir), store_path, stamp, progress)
    report.warnings[:0] = warnings
    return report


def _fresh_meta(store: Store, warnings: list[str]) -> dict[str, Any] | None:
    """The store's meta row; a corrupt store is moved aside (with a warning) and gives None."""
    try:
        return store.read_meta()
    except StoreCorrupt as exc:
        kept = _move_aside(store.path)
        warnings.append(f"{exc}; kept it as {kept} and rebuilding from the corpus")
        return None


def build(
    corpus_dir: Path,
    store: Store | Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    """`dossier build`: the same as ensure_built, named for what the user asked."""
    return ensure_built(corpus_dir, store, force=force, progress=progress)


def is_stale(corpus_dir: Path, store_path: Path) -> bool:
    """True when opening the store needs a build first (missing, changed corpus, corrupt)."""
    try:
        meta = db.read_meta(store_path)
    except StoreCorrupt:
        return True
    if meta is None:
        return True
    corpus = read_corpus(Path(corpus_dir))
    return meta.get("fingerprint") != fingerprint(corpus, corpus_dir)


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


def _build(
    corpus: CorpusRead, corpus_dir: Path, store_path: Path, stamp: str, progress: Progress | None
) -> BuildReport:
    started = time.perf_counter()
    tick = progress or (lambda stage, done, total: None)
    total = len(corpus.documents)

    documents: list[Document] = []
    for i, raw in enumerate(corpus.documents):
        page_starts = [page.start for page in raw.pages]
        passages, sentences = segment(raw.file, raw.text, raw.regions, page_starts)
        documents.append(Document(raw.file, raw.text, tuple(passages), tuple(sentences)))
        tick("segment", i + 1, total)

    sources = [
        _source_for(raw, doc, corpus) for raw, doc in zip(corpus.documents, documents, strict=True)
    ]
    tick("sources", total, total)

    # entities stage
    from store.entities import extract_entities, load_catalogue

    catalogue = load_catalogue(Path(corpus_dir) / CATALOGUE_NAME)
    entities, mentions = extract_entities(documents, catalogue)
    tick("entities", total, total)

    # events stage
    from store.events import extract_events

    events = extract_events(documents, sources, entities, mentions)
    tick("events", total, total)

    # search index stage (imported here: numpy is only needed when building or searching)
    from store.search import write_index

    tick("index", 0, 1)
    write_index(store_path, documents, sources, entities, mentions, events, stamp)
    tick("index", 1, 1)

    tables = {
        "sources": [s.to_row() for s in sources],
        "texts": [{"file": d.file, "text": d.text} for d in documents],
        "passages": [p.to_row() for d in documents for p in d.passages],
        "sentences": [s.to_row() for d in documents for s in d.sentences],
        "entities": [e.to_row() for e in entities],
        "mentions": [m.to_row() for m in mentions],
        "events": [e.to_row() for e in events],
    }
    counts = {name: len(rows) for name, rows in tables.items() if name != "texts"}
    counts["documents"] = len(documents)
    counts["bytes"] = sum(len(raw.data) for raw in corpus.documents)
    meta = {
        "fingerprint": stamp,
        "extractor": f"{EXTRACTOR_VERSION}:{extractor_digest()}",
        "corpus": str(corpus_dir.resolve()),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "counts": counts,
    }
    tick("write", 0, 1)
    db.write_store(store_path, tables, meta)
    tick("write", 1, 1)
    seconds = time.perf_counter() - started
    return BuildReport(store_path, built=True, counts=counts, seconds=seconds)


def _source_for(raw: RawDocument, document: Document, corpus: CorpusRead) -> Source:
    """Manifest metadata when the file is listed, else what the file and its text say."""
    from store.corpus.describe import describe

    return describe(raw, corpus.manifest.get(raw.file), list(document.passages))
