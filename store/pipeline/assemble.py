"""One build: reuse or extract each document's parts, run the corpus-wide steps, write.

Documents whose parts the previous store holds for the same key (same bytes, name, catalogue
and manifest date, same extractor) are not read again; the others are extracted, in a process
pool when there are enough. Then what only the whole corpus can tell: sources, entities,
events and clusters, the index. The result equals a clean build of the same corpus: the cache
only saves work, the corpus-wide steps always run over every document.

Writing order is the commit protocol: the documents sidecar, the index, then the TinyDB file,
each atomically; all three carry the build's fingerprint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from store.corpus.describe import describe
from store.corpus.manifest import CATALOGUE_NAME, MANIFEST_NAME, load_manifest
from store.corpus.read import RawDocument
from store.corpus.scan import display_name, read_bytes
from store.entities.catalogue import load_catalogue
from store.entities.extract import settle_entities
from store.errors import CorpusError
from store.events.extract import settle_events
from store.models import Source
from store.pipeline.extract import Job, default_jobs, extract_all
from store.pipeline.keys import parts_key
from store.pipeline.parts import DocumentParts, decode
from store.pipeline.state import CorpusState
from store.search.engine import write_index_for
from store.storage.blobs import BlobFile, BlobsUnusable
from store.storage.docs import DocsWriter, docs_path, remove_other_sidecars, text_key
from store.storage.docs import parts_key as parts_blob
from store.storage.layout import entity_mention_rows, write_tables

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class Outcome:
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)
    extracted: int = 0  # documents read and extracted (the others came from the cache)


def run_build(
    state: CorpusState,
    corpus_dir: Path,
    store_path: Path,
    stamp: str,
    extractor: str,
    *,
    old_meta: dict[str, Any] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Outcome:
    tick = progress or (lambda stage, done, total: None)
    warnings = list(state.scan.warnings) + list(state.unreadable)
    manifest = load_manifest(Path(corpus_dir) / MANIFEST_NAME)
    catalogue = load_catalogue(Path(corpus_dir) / CATALOGUE_NAME)
    catalogue_digest = str((state.manifests.get(CATALOGUE_NAME) or ["none"])[-1])
    old = _old_docs(store_path, old_meta)
    by_key = {k: f for f, k in (old.trailer.get("parts", {}) if old else {}).items()}
    total = len(state.files)

    # 1. Each document's parts: from the previous store when the key matches, else extracted.
    # Each one's text and parts go into the new sidecar as soon as they are known; only the
    # decoded parts stay in memory for the corpus-wide steps.
    writer = DocsWriter(store_path, stamp)
    keys: dict[str, str] = {}
    decoded: dict[str, DocumentParts] = {}
    jobs: list[Job] = []
    try:
        for i, fs in enumerate(state.files):
            file = fs.entry.file
            published = _manifest_date(manifest.get(file))
            key = keys[file] = parts_key(extractor, file, fs.digest, catalogue_digest, published)
            cached = _cached(old, file, key, by_key)
            if cached is not None:
                text, data = cached
                decoded[file] = decode(file, text, data)
                writer.add_parts(file, text, data, key)
            else:
                raw = fs.data if fs.data is not None else _read(fs.entry.path, warnings)
                fs.data = None  # the job holds it now, and lets go of it once extracted
                if raw is not None:
                    jobs.append(Job(file, display_name(fs.entry.path), raw, published))
            tick("read", i + 1, total)
        if old is not None:
            old.close()
        for done, result in enumerate(extract_all(jobs, catalogue, workers or default_jobs())):
            warnings.extend(result.warnings)
            if result.text is not None:
                decoded[result.file] = decode(result.file, result.text, result.parts)
                writer.add_parts(result.file, result.text, result.parts, keys[result.file])
            tick("extract", done + 1, len(jobs))
        extracted = len(jobs)
        jobs.clear()
    except BaseException:
        writer.abort()
        raise
    parts = [decoded[fs.entry.file] for fs in state.files if fs.entry.file in decoded]
    decoded.clear()
    present = {p.document.file for p in parts}
    for name in (name for name in manifest if name not in present):
        warnings.append(
            f"{display_name(Path(corpus_dir) / MANIFEST_NAME)}: lists {name!r}, which is not in "
            "the corpus"
        )
    if not parts:
        writer.abort()
        raise CorpusError(
            f"{display_name(corpus_dir)}: no readable documents (.txt, .md, .html) in the corpus "
            "directory"
        )

    # 2. The corpus-wide steps.
    documents = [p.document for p in parts]
    paths = {fs.entry.file: fs.entry.path for fs in state.files}
    sizes = {fs.entry.file: fs.entry.size for fs in state.files}
    sources = [_source_for(p, manifest.get(p.document.file), paths[p.document.file]) for p in parts]
    tick("sources", 1, 1)
    entities, mentions = settle_entities(documents, [p.entities for p in parts], catalogue)
    tick("entities", 1, 1)
    events = settle_events(documents, [p.events for p in parts], sources, mentions)
    tick("events", 1, 1)
    tick("index", 0, 1)
    write_index_for(
        store_path, [d.file for d in documents], [p.terms for p in parts], sources, entities,
        mentions, events, stamp,
    )  # fmt: skip
    tick("index", 1, 1)

    # 3. The documents sidecar, then the TinyDB file.
    tick("write", 0, 1)
    by_file_mentions: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_file_mentions.setdefault(m.file, []).append(m.to_row())
    by_file_events: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        by_file_events.setdefault(e.file, []).append(e.to_row())
    try:
        for p in parts:
            doc = p.document
            writer.add_rows(
                doc.file,
                {
                    "passages": [x.to_row() for x in doc.passages],
                    "sentences": [x.to_row() for x in doc.sentences],
                    "mentions": by_file_mentions.get(doc.file, []),
                    "events": by_file_events.get(doc.file, []),
                },
            )
        writer.add_counts(entity_mention_rows(mentions))
        docs = writer.commit()
    except BaseException:
        writer.abort()
        raise
    counts = {
        "sources": len(sources),
        "passages": sum(len(d.passages) for d in documents),
        "sentences": sum(len(d.sentences) for d in documents),
        "entities": len(entities),
        "mentions": len(mentions),
        "events": len(events),
        "documents": len(documents),
        "bytes": sum(sizes[d.file] for d in documents),
    }
    tables = {
        "sources": [s.to_row() for s in sources],
        "entities": [e.to_row() for e in entities],
        "files": state.rows(),
    }
    meta = {
        "fingerprint": stamp,
        "extractor": extractor,
        "corpus": str(Path(corpus_dir).resolve()),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "scanned_ns": state.scanned_ns,
        "manifests": state.manifests,
        "docs": docs,
        "counts": counts,
    }
    write_tables(store_path, tables, meta)
    remove_other_sidecars(store_path, docs["name"])
    tick("write", 1, 1)
    return Outcome(counts, warnings, extracted)


def _old_docs(store_path: Path, meta: dict[str, Any] | None) -> BlobFile | None:
    """The previous build's sidecar, whose parts this build may reuse."""
    if meta is None:
        return None
    try:
        return BlobFile(docs_path(store_path, meta))
    except BlobsUnusable:
        return None


def _cached(
    old: BlobFile | None, file: str, key: str, by_key: dict[str, str]
) -> tuple[str, bytes] | None:
    """The previous build's text and parts for this key: under the same name, or under the
    name the document had before it was renamed or copied (the key names its content)."""
    if old is None:
        return None
    if old.trailer.get("parts", {}).get(file) != key:
        file = by_key.get(key, "")
        if not file:
            return None
    text, data = old.get(text_key(file)), old.get(parts_blob(file))
    if text is None or data is None:
        return None
    return bytes(text).decode("utf-8", "surrogatepass"), bytes(data)


def _read(path: Path, warnings: list[str]) -> bytes | None:
    try:
        return read_bytes(path)
    except OSError as exc:
        warnings.append(f"{display_name(path)}: cannot read ({exc.strerror or exc}); skipped")
        return None


def _manifest_date(entry: dict[str, Any] | None) -> str | None:
    if entry is None:
        return None
    published = entry.get("published", "unknown")
    return None if published == "unknown" else published


def _source_for(parts: DocumentParts, entry: dict[str, Any] | None, path: Path) -> Source:
    """Manifest metadata when the file is listed, else what the file and its text say."""
    doc, facts = parts.document, parts.facts
    raw = RawDocument(
        doc.file, path, doc.text, b"", facts.format, facts.pages, (), facts.meta, facts.note
    )
    return describe(
        raw,
        entry,
        list(doc.passages),
        inferred_kind=facts.kind,
        inferred_published=facts.inferred,
    )
