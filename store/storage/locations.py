"""Where the bundled corpus and the stores live; light enough to import before the first frame."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def bundled_corpus() -> Path:
    """The seeds shipped with Dossier: the repository's `seeds/`, or the copy in the wheel."""
    package = Path(__file__).resolve().parent.parent  # store/
    repo_seeds = package.parent / "seeds"
    if repo_seeds.is_dir():
        return repo_seeds
    return package / "seeds"


def default_store_path(corpus_dir: Path) -> Path:
    """One store per corpus in the user's data directory (XDG_DATA_HOME), never in the corpus."""
    return _per_corpus(corpus_dir, "stores")


def default_userdata_path(corpus_dir: Path) -> Path:
    """One user-data file per corpus (notes, bookmarks, searches), beside but apart from the
    stores: deleting or rebuilding a store never touches it."""
    return _per_corpus(corpus_dir, "userdata")


def _per_corpus(corpus_dir: Path, folder: str) -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    resolved = Path(corpus_dir).resolve()
    digest = hashlib.blake2b(str(resolved).encode(), digest_size=6).hexdigest()
    slug = "".join(c if c.isalnum() else "-" for c in resolved.name)[:40] or "corpus"
    return Path(base) / "dossier" / folder / f"{slug}-{digest}.json"
