"""Find and read the documents of a corpus directory, and its `sources.yaml` manifest.

Offsets everywhere in Dossier point into the text this module returns: the file decoded as
UTF-8 (invalid bytes replaced, with a warning naming the byte offset), or, for HTML, the text
the standard-library parser reduces it to. A file the manifest does not list still works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.corpus.decode import decode, looks_binary
from store.corpus.html import html_to_text
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
    html_title: str | None = None


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
            f"{display_name(corpus_dir)}: no readable documents (.txt, .md, .html) in the corpus "
            "directory"
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
    if looks_binary(data):
        warnings.append(f"{where}: looks like a binary file, not text; skipped")
        return None
    text = decode(data, where, warnings)
    if entry.path.suffix.lower() in (".html", ".htm"):
        text, title = html_to_text(text)
        return RawDocument(entry.file, entry.path, text, data, title)
    return RawDocument(entry.file, entry.path, text, data)


def guess_title(document: RawDocument) -> str:
    """A title for a file the manifest does not list: HTML title, first heading, or first line."""
    if document.html_title:
        return document.html_title
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    for line in lines[:40]:
        if line.startswith("#"):
            title = line.lstrip("#").strip().strip("*_ ").strip()
            if title:
                return title[:200]
    if lines:
        return lines[0].strip("*_# ")[:200] or Path(document.file).stem
    return Path(document.file).stem
