"""Is the store up to date? Answered from file metadata, reading only what may have changed.

The store keeps a stat index, as git's index does: for each document its size, mtime, ctime,
inode and content digest (the `files` table), and the same for the two manifests (in `meta`).
A file whose stat facts are unchanged is taken as unchanged without being read; one whose facts
differ is read and hashed, and is changed only if its digest differs. A file modified within
`RACY_NS` of the moment the build scanned it is "racily clean" (its change could share the
timestamp of the version read) and is always hashed. On an unchanged 10,000-document corpus
the check is a directory walk and a stat per file.

The fingerprint names the build's inputs: the extractor, the schema, every document's name and
digest, and the manifests' digests. It is the same whether a digest came from the stat index
or from reading the file, so an incremental build and a full build agree on it.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.corpus.names import CATALOGUE_NAME, MANIFEST_NAME
from store.corpus.scan import CorpusScan, Entry, read_bytes, scan_corpus
from store.pipeline.keys import content_digest

RACY_NS = 2_000_000_000  # coarsest common timestamp granularity (FAT: 2 s)
MANIFESTS = (MANIFEST_NAME, CATALOGUE_NAME)


@dataclass(slots=True)
class FileState:
    """A document as the check saw it: its stat facts, its digest and (if read) its bytes."""

    entry: Entry
    digest: str
    data: bytes | None = None  # read during the check: the build need not read it again
    changed: bool = False


@dataclass(slots=True)
class CorpusState:
    scan: CorpusScan
    files: list[FileState]
    manifests: dict[str, list[Any]]  # name -> [size, mtime_ns, ctime_ns, inode, digest] or []
    scanned_ns: int
    unreadable: list[str] = field(default_factory=list)

    def fingerprint(self, extractor: str, schema: int) -> str:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"extractor:{extractor};schema:{schema}".encode())
        for state in self.files:
            digest.update(state.entry.file.encode("utf-8") + b"\0" + state.digest.encode())
        for name in MANIFESTS:
            facts = self.manifests.get(name) or []
            digest.update(name.encode() + b"\0" + str(facts[-1] if facts else "").encode())
        return digest.hexdigest()

    def rows(self) -> list[dict[str, Any]]:
        """The stat index to store: one row per document."""
        return [
            {
                "file": s.entry.file,
                "size": s.entry.size,
                "mtime_ns": s.entry.mtime_ns,
                "ctime_ns": s.entry.ctime_ns,
                "inode": s.entry.inode,
                "digest": s.digest,
            }
            for s in self.files
        ]


def signature(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row.get("size"), row.get("mtime_ns"), row.get("ctime_ns"), row.get("inode"))


def trusted(facts: tuple[Any, ...], entry_sig: tuple[int, int, int, int], scanned_ns: int) -> bool:
    """Unchanged stat facts, and not modified so close to the scan that a change could hide."""
    return facts == entry_sig and entry_sig[1] < scanned_ns - RACY_NS


def read_state(
    corpus_dir: Path,
    known: dict[str, dict[str, Any]],
    known_manifests: dict[str, list[Any]],
    known_scan_ns: int,
    *,
    follow_links: bool = False,
) -> CorpusState:
    """The corpus now, compared with what the store last saw (`known`: its stat index)."""
    scanned_ns = time.time_ns()
    scan = scan_corpus(Path(corpus_dir), follow_links=follow_links)
    states: list[FileState] = []
    unreadable: list[str] = []
    for entry in scan.entries:
        row = known.get(entry.file)
        if row is not None and trusted(signature(row), entry.signature, known_scan_ns):
            states.append(FileState(entry, str(row["digest"])))
            continue
        try:
            data = read_bytes(entry.path)
        except OSError as exc:
            unreadable.append(f"{entry.path}: cannot read ({exc.strerror or exc}); skipped")
            continue
        digest = content_digest(data)
        changed = row is None or row.get("digest") != digest
        states.append(FileState(entry, digest, data, changed))
    manifests = {
        name: manifest_facts(Path(corpus_dir) / name, known_manifests.get(name), known_scan_ns)
        for name in MANIFESTS
    }
    return CorpusState(scan, states, manifests, scanned_ns, unreadable)


def manifest_facts(path: Path, known: list[Any] | None, known_scan_ns: int) -> list[Any]:
    """[size, mtime_ns, ctime_ns, inode, digest] of a manifest, [] when there is none."""
    try:
        info = path.stat()
    except OSError:
        return []
    sig = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    if known and trusted(tuple(known[:4]), sig, known_scan_ns):
        return list(known)
    try:
        digest = content_digest(path.read_bytes())
    except OSError:
        digest = "unreadable"
    return [*sig, digest]
