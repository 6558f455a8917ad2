"""One build of a store at a time: an advisory lock on `<store>.lock`.

Two builds of the same store used to both run to the end, the last `os.replace` winning. The
lock makes the second wait (saying so) or, with `wait=False`, stop with a message. It is an
OS lock on an open file (flock on POSIX, msvcrt on Windows), so a killed build releases it at
once; the file itself stays, holding the pid of the last holder for the message.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from store.errors import StoreError
from store.storage.atomic import os_reason

POLL_SECONDS = 0.2


def lock_path(store_path: Path) -> Path:
    return Path(store_path).with_name(Path(store_path).name + ".lock")


@contextlib.contextmanager
def build_lock(
    store_path: Path,
    *,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
    activity: str = "build",
) -> Iterator[None]:
    """Hold the build lock of `store_path` for the `with` block.

    `waiting(message)` is called once if another build holds it and `wait` is True; with
    `wait=False` a held lock raises StoreError at once. `activity` names what holds the lock in
    the messages ("build" for a store; "write" for a user-data file, which uses the same lock).
    """
    path = lock_path(store_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot lock the file for a {activity} ({os_reason(exc)})"
        ) from None
    try:
        told = False
        while not _try_lock(fd):
            holder = _holder(fd)
            message = f"another {activity} of {store_path} is running{holder}"
            if not wait:
                raise StoreError(f"{message}; try again when it ends, or leave out --no-wait")
            if not told and waiting is not None:
                waiting(f"{message}; waiting for it to finish")
                told = True
            time.sleep(POLL_SECONDS)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, str(os.getpid()).encode())
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    with contextlib.suppress(OSError, ValueError):
        os.lseek(fd, 0, os.SEEK_SET)
        pid = int(os.read(fd, 32).decode().strip() or "0")
        if pid:
            return f" (pid {pid})"
    return ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
