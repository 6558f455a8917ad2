"""The corpus: find and read documents, their manifest (`sources.yaml`) and publication dates.

`read_corpus(dir)` gives every readable document decoded (HTML reduced to text, offsets into
that text), the validated manifest and the warnings to show; `infer_published` reads a date
from a document's own text when the manifest gives none. Imports `store.models`,
`store.errors`, `store.lang` and `store.text`; exports load lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.lazy import lazy_exports

if TYPE_CHECKING:
    from store.corpus.decode import decode
    from store.corpus.html import html_to_text
    from store.corpus.manifest import (
        CATALOGUE_NAME,
        MANIFEST_FIELDS,
        MANIFEST_NAME,
        SOURCE_KINDS,
        load_manifest,
        precision_of,
    )
    from store.corpus.pubdate import infer_published
    from store.corpus.read import (
        CorpusRead,
        RawDocument,
        find_documents,
        guess_title,
        read_corpus,
        read_document,
    )
    from store.corpus.scan import DOCUMENT_SUFFIXES, Entry, scan_corpus

_EXPORTS = {
    "decode": "store.corpus.decode",
    **dict.fromkeys(("DOCUMENT_SUFFIXES", "Entry", "scan_corpus"), "store.corpus.scan"),
    "html_to_text": "store.corpus.html",
    "infer_published": "store.corpus.pubdate",
    **dict.fromkeys(
        ("CATALOGUE_NAME", "MANIFEST_FIELDS", "MANIFEST_NAME", "SOURCE_KINDS", "load_manifest",
         "precision_of"),
        "store.corpus.manifest",
    ),
    **dict.fromkeys(
        ("CorpusRead", "RawDocument", "find_documents",
         "guess_title", "read_corpus", "read_document"),
        "store.corpus.read",
    ),
}  # fmt: skip
__all__ = [
    "CATALOGUE_NAME",
    "DOCUMENT_SUFFIXES",
    "MANIFEST_FIELDS",
    "MANIFEST_NAME",
    "SOURCE_KINDS",
    "CorpusRead",
    "Entry",
    "RawDocument",
    "decode",
    "find_documents",
    "guess_title",
    "html_to_text",
    "infer_published",
    "load_manifest",
    "precision_of",
    "read_corpus",
    "read_document",
    "scan_corpus",
]
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
