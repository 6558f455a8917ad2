"""A document's `Source` record: the manifest's word first, then what the file says of itself,
then what its text shows; every field that was not given keeps the basis it was found on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store.corpus.doctype import infer_kind
from store.corpus.manifest import precision_of
from store.corpus.pubdate import infer_published
from store.corpus.read import RawDocument
from store.corpus.scan import display_name
from store.models import Passage, Source

_FIELDS = ("title", "author", "publisher", "url", "kind")


def describe(
    raw: RawDocument,
    entry: dict[str, Any] | None,
    passages: list[Passage],
    *,
    inferred_kind: tuple[str, str] | None = None,
    inferred_published: tuple[str, str, str] | None = None,
) -> Source:
    """The Source of `raw`, given its manifest entry (None when unlisted) and its passages.

    What the text shows (its kind, its publication date) is read here unless the caller read
    it already (`inferred_kind`, `inferred_published`: the build caches them per document)."""
    listed = entry is not None
    entry = entry or {}
    meta = raw.meta
    values: dict[str, str] = {}
    basis: dict[str, str] = {}
    for name in _FIELDS:
        if entry.get(name):
            values[name] = entry[name]
        elif getattr(meta, name):
            values[name] = getattr(meta, name)
            basis[name] = meta.basis.get(name, raw.format)
    if "title" not in values:
        values["title"] = Path(raw.file).stem
        basis["title"] = "file name"
    if "kind" not in values:
        kind, kind_basis = inferred_kind or infer_kind(raw.text, passages)
        values["kind"] = kind
        if kind != "unknown":
            basis["kind"] = kind_basis
    if listed:  # the manifest's date, or its silence, stands: "unknown" is a statement too
        published = entry.get("published", "unknown")
        precision, published_basis = (
            precision_of(published),
            entry.get("published_basis", "unknown"),
        )
    elif meta.published:
        published = meta.published
        precision, published_basis = (
            precision_of(published),
            meta.basis.get("published", raw.format),
        )
    else:
        published, precision, published_basis = inferred_published or infer_published(
            raw.text, passages
        )
    return Source(
        id=Path(raw.file).with_suffix("").as_posix(),
        file=raw.file,
        title=values["title"],
        author=values.get("author", "unknown"),
        publisher=values.get("publisher", "unknown"),
        kind=values["kind"],
        published=published,
        published_precision=precision,
        published_basis=published_basis,
        chars=len(raw.text),
        passages=len(passages),
        path=display_name(raw.path.resolve()),
        listed=listed,
        format=raw.format,
        url=values.get("url", ""),
        pages=tuple((p.label, p.start, p.end) for p in raw.pages),
        basis=tuple(sorted(basis.items())),
        note=raw.note,
    )
