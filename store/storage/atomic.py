"""Atomic file replacement: a write killed half way leaves the previous file as it was."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from store.errors import StoreError

TEMP_SUFFIX = ".tmp"


def write_bytes_atomic(
    path: Path, data: bytes, before_replace: Callable[[Path], None] | None = None
) -> None:
    """Write to a temporary file in the same directory, fsync it, then `os.replace` it in.

    Any OS failure (a full disk, a read-only or missing folder, no permission) leaves the
    previous file as it was, removes the temporary file and becomes a StoreError that names
    the file and the reason: the one place where writing becomes a message, not a traceback.
    `before_replace` is given the written temporary file just before it replaces `path`.
    """
    try:
        _write(path, data, before_replace)
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot write ({os_reason(exc)}); the previous file is kept"
        ) from None


def os_reason(exc: OSError) -> str:
    """What went wrong, in words: "No space left on device", "Permission denied"."""
    return exc.strerror or str(exc)


def _write(path: Path, data: bytes, before_replace: Callable[[Path], None] | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_directory(path.parent)


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete the temporary files a killed write of `path` (or of its sidecars) left behind.

    Only safe while holding the build lock of `path`: then nobody else is writing them.
    """
    removed: list[Path] = []
    for leftover in path.parent.glob(f".{path.name}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def fsync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
