"""A document must never drive the terminal: every command, run in a real pseudo-terminal (so
colours are on and Dossier believes a person reads), writes no byte sequence that came from a
file. Checked on the bytes the terminal receives, not on a rendered screen."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

OSC52 = "\x1b]52;c;aGVsbG8=\x07"  # write "hello" to the terminal's clipboard
PAYLOADS = (
    OSC52,
    "\x1b[2J",  # clear the screen
    "\x1b]0;pwned\x07",  # set the window title
    "\u202eevil\u202c",  # right-to-left override
    "zero\u200bwidth\ufeff",
    "\x9b31m",  # C1 CSI
    "\x07",
)
HOSTILE_TEXT = (
    "# Hostile [bold]title[/bold] [@click=app.quit]x[/] " + OSC52 + "\n\n"
    "On 5 June 2016 Karimov said in Aktobe: " + "".join(PAYLOADS) + " end.\n\n"
    "The Interior Minister Kalmukhanbet Kassymov spoke about Aktobe on 6 June 2016.\n"
)
MANIFEST = (
    "doc.txt:\n"
    '  title: "Manifest [bold]title\\e]52;c;aGVsbG8=\\a \\u202e"\n'
    '  author: "\\e[2JAuthor"\n'
    "  published: 2016-06-07\n"
)
# What Dossier itself may send: colours (SGR) and nothing else.
ALLOWED_ESCAPE = re.compile(rb"\x1b\[[0-9;]*m")
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f\u061c\u200b-\u200f"
                                  "\u202a-\u202e\u2060\u2066-\u2069\ufeff]")  # fmt: skip


def hostile_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "doc.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "sources.yaml").write_text(MANIFEST, encoding="utf-8")
    # a binary file whose name carries the clipboard sequence: its warning names it
    (folder / f"bin{OSC52}.txt").write_bytes(bytes(range(256)) * 4)
    return folder


def run_in_pty(*args: str) -> bytes:
    """The bytes `dossier ARGS` writes to a terminal (stdout and stderr both)."""
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", *args],
        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            out.extend(chunk)
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    os.close(master)
    return bytes(out)


def problems(raw: bytes) -> list[str]:
    found = []
    stripped = ALLOWED_ESCAPE.sub(b"", raw)
    if b"\x1b" in stripped:
        at = stripped.index(b"\x1b")
        found.append(f"escape sequence {stripped[at : at + 12]!r}")
    if b"\x07" in raw:
        found.append("BEL")
    text = stripped.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "")
    for match in FORBIDDEN_CHARACTERS.finditer(text):
        found.append(f"U+{ord(match.group()):04X} at {match.start()}")
    return found


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("inject")
    return ["--corpus", str(hostile_corpus(tmp)), "--store", str(tmp / "s.json")]


@pytest.mark.parametrize(
    "command",
    [
        ["build", "--force"],
        ["sources"],
        ["show", "doc.txt"],
        ["show", "doc.txt", "--passage", "1"],
        ["show", "doc.txt", "--passage", "99"],
        ["show", f"missing{OSC52}.txt"],
        ["search", "Aktobe"],
        ["search", f"({OSC52}"],
        ["events"],
        ["entities"],
        ["entity", "Aktobe"],
        ["entity", f"nobody{OSC52}"],
        ["sources", "--json"],
        ["events", "--json"],
    ],
    ids=lambda c: " ".join(c)[:30],
)
def test_no_byte_from_a_file_reaches_the_terminal(setup: list[str], command: list[str]) -> None:
    raw = run_in_pty(*command, *setup)
    assert b"Traceback" not in raw, raw.decode(errors="replace")
    assert problems(raw) == [], raw.decode(errors="replace")


def test_the_check_itself_catches_a_leak() -> None:
    """The detector is not vacuous: raw payloads are found, Dossier's colours are not."""
    assert problems(b"\x1b[1mbold\x1b[0m plain") == []
    for payload in PAYLOADS:
        assert problems(payload.encode()), payload
