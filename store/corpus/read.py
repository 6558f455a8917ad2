"""Find and read the documents of a corpus directory, and its `sources.yaml` manifest.

Offsets everywhere in Dossier point into the text this module returns: what the file's format
reader (`store.corpus.formats`: text, Markdown, HTML, PDF, DOCX, EPUB) makes of its bytes. A
file the manifest does not list still works: its reader's metadata stand in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.corpus.formats import FormatError, Metadata, PageSpan, Region, reader_for
from store.corpus.manifest import MANIFEST_NAME, load_manifest
from store.corpus.scan import Entry, display_name, read_bytes, scan_corpus
from store.errors import CorpusError


@dataclass(slots=True)
class RawDocument:
    """A decoded document before segmentation."""

    file: str  # path relative to the corpus directory, with forward slashes
    path: Path
    text: str
    data: bytes  # the bytes read, for the fingerprint
    format: str = "text"
    pages: tuple[PageSpan, ...] = ()
    regions: tuple[Region, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    note: str = ""  # what the reader warns of ("no text layer: 3 pages; needs OCR")


@dataclass(slots=True)
class CorpusRead:
    """What reading a corpus produced: the documents, the manifest, and warnings to show."""

    documents: list[RawDocument]
    manifest: dict[str, dict[str, Any]]
    warnings: list[str] = field(default_factory=list)


def find_documents(corpus_dir: Path, *, follow_links: bool = False) -> list[Path]:
    """Every document file under `corpus_dir`, in corpus order (store.corpus.scan)."""
    return [entry.path for entry in scan_corpus(corpus_dir, follow_links=follow_links).entries]


def read_corpus(corpus_dir: Path, *, follow_links: bool = False) -> CorpusRead:
    """Read every document and the manifest; unusable files become warnings, not failures."""
    corpus_dir = Path(corpus_dir)
    scan = scan_corpus(corpus_dir, follow_links=follow_links)
    warnings = list(scan.warnings)
    documents: list[RawDocument] = []
    for entry in scan.entries:
        document = read_document(entry, warnings)
        if document is not None:
            documents.append(document)
    if not documents:
        raise CorpusError(
            f"{display_name(corpus_dir)}: no readable documents (.txt, .md, .html, .pdf, .docx, "
            ".epub) in the corpus directory"
        )
    manifest = load_manifest(corpus_dir / MANIFEST_NAME)
    known = {d.file for d in documents}
    for name in manifest:
        if name not in known:
            warnings.append(
                f"{display_name(corpus_dir / MANIFEST_NAME)}: lists {name!r}, which is not in the "
                "corpus"
            )
    return CorpusRead(documents, manifest, warnings)


def read_document(entry: Entry, warnings: list[str]) -> RawDocument | None:
    """Decode one file; None (with a warning) when it cannot be used."""
    where = display_name(entry.path)
    try:
        data = read_bytes(entry.path)
    except OSError as exc:
        warnings.append(f"{where}: cannot read ({exc.strerror}); skipped")
        return None
    module = reader_for(entry.file, data)
    try:
        reading = module.read(data, where, warnings)
    except FormatError as exc:
        warnings.append(f"{where}: {exc}; skipped")
        return None
    return RawDocument(
        entry.file,
        entry.path,
        reading.text,
        data,
        reading.format,
        reading.pages,
        reading.regions,
        reading.meta,
        reading.note,
    )


def guess_title(document: RawDocument) -> str:
    """A title for a file the manifest does not list: what its format says, else its name."""
    return document.meta.title or Path(document.file).stem
