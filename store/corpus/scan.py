"""Walk a corpus folder: which files are documents, with the facts a stat index keeps.

Only regular files with a document suffix count. What is not one is skipped with a warning,
never opened: FIFOs, sockets and devices (opening a FIFO blocks for ever), links whose target
lies outside the corpus folder (a corpus must not copy `/etc/passwd` into the store) unless
the user asks with `follow_links`, and links to directories (followed only with the same flag,
once per real directory, so a link cycle cannot loop). Hidden files and folders are skipped
silently. A file name that is not valid UTF-8 is kept under a name with U+FFFD in place of
the bad bytes, and said so.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from store.corpus.formats import SUFFIXES
from store.errors import CorpusError

DOCUMENT_SUFFIXES = SUFFIXES  # every suffix a format reader claims (store.corpus.formats)


@dataclass(frozen=True, slots=True)
class Entry:
    """One document file: its name in the corpus and what `os.stat` says of it."""

    file: str  # path relative to the corpus folder, forward slashes, valid Unicode
    location: str  # where it is read from (os.fsdecode'd); a Path only when one is asked for
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @property
    def path(self) -> Path:
        return Path(self.location)

    @property
    def signature(self) -> tuple[int, int, int, int]:
        """What changes when the file does (git's index keeps the same facts)."""
        return (self.size, self.mtime_ns, self.ctime_ns, self.inode)


@dataclass(slots=True)
class CorpusScan:
    entries: list[Entry]
    warnings: list[str]


def scan_corpus(corpus_dir: Path, *, follow_links: bool = False) -> CorpusScan:
    """Every document file under `corpus_dir`, sorted by name, and what was skipped and why."""
    corpus_dir = Path(corpus_dir)
    try:
        top = os.stat(corpus_dir)
    except FileNotFoundError:
        raise CorpusError(f"{display_name(corpus_dir)}: corpus directory does not exist") from None
    except OSError as exc:
        raise CorpusError(f"{display_name(corpus_dir)}: cannot open ({exc.strerror})") from None
    if not stat.S_ISDIR(top.st_mode):
        raise CorpusError(f"{display_name(corpus_dir)}: not a directory")
    root = corpus_dir.resolve()
    warnings: list[str] = []
    entries: list[Entry] = []
    seen_dirs = {(top.st_dev, top.st_ino)}
    # (folder, its name relative to the corpus with a trailing slash): names are built as
    # strings, as a walk of 10,000 files with a Path per file costs more than the stats
    stack: list[tuple[str, str]] = [(str(corpus_dir), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as listing:
                items = sorted(listing, key=lambda e: e.name, reverse=True)
        except OSError as exc:
            warnings.append(f"{display_name(folder)}: cannot list ({exc.strerror}); skipped")
            continue
        for item in items:
            name = item.name
            if name.startswith("."):
                continue
            link = item.is_symlink()
            if link and not follow_links and not _inside(Path(item.path), root):
                warnings.append(
                    f"{display_name(item.path)}: a link to "
                    f"{display_name(os.path.realpath(item.path))}, "
                    "outside the corpus folder; skipped (--follow-links reads it)"
                )
                continue
            document = name.lower().endswith(DOCUMENT_SUFFIXES)
            if not link and not document and not item.is_dir(follow_symlinks=False):
                continue  # neither a document nor a folder: not even a stat
            try:
                info = os.stat(item.path)  # follows the link: what would be read
            except OSError as exc:
                if document:
                    warnings.append(
                        f"{display_name(item.path)}: cannot read ({exc.strerror}); skipped"
                    )
                continue
            if stat.S_ISDIR(info.st_mode):
                if link and not follow_links:
                    continue  # a linked folder inside the corpus is read where it really is
                key = (info.st_dev, info.st_ino)
                if key not in seen_dirs:
                    seen_dirs.add(key)
                    stack.append((item.path, f"{prefix}{name}/"))
                continue
            if not document:
                continue
            if not stat.S_ISREG(info.st_mode):
                warnings.append(
                    f"{display_name(item.path)}: not a regular file "
                    f"({_file_kind(info.st_mode)}); skipped"
                )
                continue
            rel = prefix + name
            valid = valid_name(rel)
            if valid != rel:
                warnings.append(
                    f"{display_name(item.path)}: the file name is not valid UTF-8; "
                    f"listed as {valid!r}"
                )
            entries.append(
                Entry(
                    valid, item.path, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino
                )
            )
    entries.sort(key=lambda e: e.file)
    return CorpusScan(entries, warnings)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refusing (OSError) anything that turned out not to be a regular file,
    so a FIFO swapped in after the scan cannot block the build."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def valid_name(name: str) -> str:
    """`name` with any undecodable bytes (surrogate escapes from the file system) as U+FFFD."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="replace")
    return name


def display_name(path: object) -> str:
    """A path as text that can be printed and stored: valid Unicode, whatever its bytes."""
    return valid_name(os.fspath(path)) if isinstance(path, (str, os.PathLike)) else str(path)


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(root)
    except ValueError:
        return False
    return True


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"
