"""Per-document extraction: bytes in, `DocumentParts` out; in worker processes when it pays.

Everything here is pure in one document (its bytes and name), the catalogue and the reference
date the manifest gives it, which is what lets the build run it in a process pool and reuse
its result while those are unchanged (`parts_key`). Each worker builds the catalogue matcher
once, in its initializer.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from store.corpus.doctype import infer_kind
from store.corpus.formats import FormatError, reader_for
from store.corpus.pubdate import UNKNOWN, infer_published
from store.entities.catalogue import Catalogue
from store.entities.extract import document_entities, matcher_for
from store.entities.match import Matcher
from store.events.extract import document_events
from store.models import Document
from store.pipeline.parts import DocumentParts, Facts, encode
from store.search.indexing import document_terms
from store.text.segment import segment

# Below this many documents to extract, a pool costs more than it saves.
POOL_THRESHOLD = 24
CHUNK = 8


@dataclass(frozen=True, slots=True)
class Job:
    """One document to extract: what a worker needs, and nothing it could not pickle."""

    file: str
    path: str
    data: bytes
    published: str | None  # the manifest's date, when it gives one


@dataclass(slots=True)
class Extracted:
    file: str
    text: str | None  # None: the file cannot be used (the warning says why)
    parts: bytes
    warnings: list[str]


def extract(job: Job, matcher: Matcher) -> Extracted:
    """Read (the format's reader), segment and extract one document."""
    warnings: list[str] = []
    module = reader_for(job.file, job.data)
    try:
        reading = module.read(job.data, job.path, warnings)
    except FormatError as exc:
        warnings.append(f"{job.path}: {exc}; skipped")
        return Extracted(job.file, None, b"", warnings)
    text = reading.text
    page_starts = [page.start for page in reading.pages]
    passages, sentences = segment(job.file, text, reading.regions, page_starts)
    document = Document(job.file, text, tuple(passages), tuple(sentences))
    # The date read from the text is needed only when neither the manifest nor the file gives
    # one (it is then the source's date and the reference date): the manifest's date is part
    # of the cache key.
    given = job.published or reading.meta.published
    inferred = UNKNOWN if given else infer_published(text, passages)
    dct = given or (None if inferred[0] == "unknown" else inferred[0])
    parts = DocumentParts(
        document,
        Facts(
            reading.format,
            tuple(reading.pages),
            reading.meta,
            reading.note,
            inferred,
            infer_kind(text, passages),
        ),
        dct,
        document_entities(document, matcher),
        document_events(document, dct),
        document_terms(document),
    )
    return Extracted(job.file, text, encode(parts), warnings)


_WORKER_MATCHER: Matcher | None = None


def _start_worker(catalogue: Catalogue) -> None:
    global _WORKER_MATCHER
    _WORKER_MATCHER = matcher_for(catalogue)


def _run(job: Job) -> Extracted:
    assert _WORKER_MATCHER is not None, "the pool initializer builds the matcher"
    return extract(job, _WORKER_MATCHER)


def default_jobs() -> int:
    """Worker processes: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def extract_all(jobs: list[Job], catalogue: Catalogue, workers: int) -> Iterator[Extracted]:
    """Every job's result, in the jobs' order: in a process pool of `workers` when there are
    enough documents to pay for it, else in this process."""
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        matcher = matcher_for(catalogue)
        for job in jobs:
            yield extract(job, matcher)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(catalogue,)
    ) as pool:
        yield from pool.map(_run, jobs, chunksize=CHUNK)
