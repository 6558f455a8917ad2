"""Digests and cache keys: light enough to import on every command's staleness check."""

from __future__ import annotations

import hashlib
from pathlib import Path


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def parts_key(extractor: str, file: str, digest: str, catalogue: str, published: str | None) -> str:
    """What the parts of a document depend on; a cached result with another key is stale."""
    kind = Path(file).suffix.lower()
    raw = f"{extractor}\0{kind}\0{digest}\0{catalogue}\0{published or ''}"
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()
