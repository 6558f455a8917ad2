"""Watching a corpus folder: the documents and manifests that changed, as they change.

File events come from the operating system through `watchfiles` (inotify, FSEvents,
ReadDirectoryChangesW), debounced so that an editor's save-rename-delete dance or a copied
folder of 200 files arrives as one batch. Only what a build reads is reported: documents with a
known suffix and the two manifests, never hidden files or folders. What changed is then
settled by the stat index, as for any build: a batch of events is only a reason to look.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from store.corpus.formats import SUFFIXES
from store.corpus.names import CATALOGUE_NAME, MANIFEST_NAME

DEBOUNCE_MS = 800
IDLE_MS = 500


def relevant(path: Path, corpus_dir: Path) -> bool:
    """Whether a changed path can change the store: a document or a manifest, not hidden."""
    try:
        parts = path.relative_to(corpus_dir).parts
    except ValueError:
        return False
    if not parts or any(p.startswith(".") for p in parts):
        return False
    name = parts[-1]
    return name in (MANIFEST_NAME, CATALOGUE_NAME) or name.lower().endswith(SUFFIXES)


def changes(corpus_dir: Path, stop: threading.Event, *, idle: bool = False) -> Iterator[list[str]]:
    """Batches of changed paths (relative to the corpus), until `stop` is set.

    With `idle=True` an empty batch comes every half second of quiet, so a caller in a worker
    thread can notice it was cancelled without waiting for the next change."""
    from watchfiles import watch  # a compiled extension: loaded only by those who watch

    root = Path(corpus_dir).resolve()
    for batch in watch(
        root,
        stop_event=stop,
        debounce=DEBOUNCE_MS,
        raise_interrupt=False,
        rust_timeout=IDLE_MS,
        yield_on_timeout=True,
    ):
        paths = sorted(
            Path(p).relative_to(root).as_posix() for _, p in batch if relevant(Path(p), root)
        )
        if paths or idle:
            yield paths
