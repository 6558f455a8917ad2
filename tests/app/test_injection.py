"""The app never sends a file's bytes to the terminal as control: run the real app in a
pseudo-terminal on a hostile corpus, walk every pane, and check the bytes it wrote."""

from __future__ import annotations

import os
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_injection import hostile_corpus

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

# Sequences and characters from the documents that must never reach the terminal raw. (The
# app itself clears the screen and moves the cursor, so plain CSI sequences are not evidence.)
LEAKS = {
    "OSC 52 clipboard write": b"\x1b]52;c;aGVsbG8=",
    "window title": b"\x1b]0;pwned",
    "right-to-left override": "\u202e".encode(),
    "zero-width space": "\u200b".encode(),
    "byte-order mark": "\ufeff".encode(),
    "C1 CSI": "\u009b".encode(),
}


def drive(args: list[str], keys: list[str], settle: float) -> bytes:
    master, slave = os.openpty()
    import fcntl
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", *args], stdin=slave, stdout=slave, stderr=slave,
        env=env, close_fds=True, start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    out = bytearray()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    out.extend(os.read(master, 65536))
                except OSError:
                    return

    try:
        pump(settle)
        for key in keys:
            os.write(master, key.encode())
            pump(0.6)
        os.write(master, b"q")
        pump(1.5)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        os.close(master)
    return bytes(out)


def test_walking_every_pane_leaks_nothing(tmp_path: Path) -> None:
    folder = hostile_corpus(tmp_path)
    args = ["--corpus", str(folder), "--store", str(tmp_path / "s.json")]
    subprocess.run([sys.executable, "-m", "tui", "build", *args], check=True, capture_output=True)
    keys = ["2", "j", "3", "j", "4", "j", "e", "1", "\r", "\x1b", "/", "Aktobe", "\r", "n", "?",
            "\x1b", "\x10", "\x1b"]  # fmt: skip
    raw = drive(args, keys, settle=5.0)
    assert len(raw) > 2000, "the app drew nothing"
    assert b"Hostile" in raw  # the document was shown...
    leaked = [name for name, needle in LEAKS.items() if needle in raw]
    assert leaked == []  # ...and none of its payloads went through
