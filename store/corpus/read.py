"""Find and read the documents of a corpus directory, and its `sources.yaml` manifest.

Offsets everywhere in Dossier point into the text this module returns: the file decoded as
UTF-8 (invalid bytes replaced, with a warning naming the byte offset), or, for HTML, the text
the standard-library parser reduces it to. A file the manifest does not list still works.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.corpus.html import html_to_text
from store.corpus.manifest import MANIFEST_NAME, load_manifest
from store.errors import CorpusError

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_BINARY_SNIFF = 8192


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


def find_documents(corpus_dir: Path) -> list[Path]:
    """Every document file under `corpus_dir`, sorted, skipping hidden entries."""
    if not corpus_dir.exists():
        raise CorpusError(f"{corpus_dir}: corpus directory does not exist")
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: not a directory")
    found: list[Path] = []
    for root, dirs, files in os.walk(corpus_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(DOCUMENT_SUFFIXES):
                continue
            found.append(Path(root) / name)
    return found


def read_corpus(corpus_dir: Path) -> CorpusRead:
    """Read every document and the manifest; unusable files become warnings, not failures."""
    corpus_dir = Path(corpus_dir)
    paths = find_documents(corpus_dir)
    warnings: list[str] = []
    documents: list[RawDocument] = []
    for path in paths:
        document = read_document(corpus_dir, path, warnings)
        if document is not None:
            documents.append(document)
    if not documents:
        raise CorpusError(
            f"{corpus_dir}: no readable documents (.txt, .md, .html) in the corpus directory"
        )
    manifest = load_manifest(corpus_dir / MANIFEST_NAME)
    known = {d.file for d in documents}
    for name in manifest:
        if name not in known:
            warnings.append(f"{corpus_dir / MANIFEST_NAME}: lists {name!r}, which is not in the corpus")
    return CorpusRead(documents, manifest, warnings)


def read_document(corpus_dir: Path, path: Path, warnings: list[str]) -> RawDocument | None:
    """Decode one file; None (with a warning) when it cannot be used."""
    rel = path.relative_to(corpus_dir).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        warnings.append(f"{path}: cannot read ({exc.strerror}); skipped")
        return None
    if _looks_binary(data):
        warnings.append(f"{path}: looks like a binary file, not text; skipped")
        return None
    text = decode(data, path, warnings)
    if path.suffix.lower() in (".html", ".htm"):
        text, title = html_to_text(text)
        return RawDocument(rel, path, text, data, title)
    return RawDocument(rel, path, text, data)


def _looks_binary(data: bytes) -> bool:
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.10


def decode(data: bytes, path: Path, warnings: list[str]) -> str:
    """UTF-8 (a BOM is dropped); invalid bytes are replaced and the first one is reported."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.append(
            f"{path}: not valid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}); "
            "decoded with replacement characters"
        )
        return data.decode("utf-8", errors="replace")


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
