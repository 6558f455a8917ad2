"""End to end: `dossier` in a real terminal (tmux), driven by keystrokes, read off the screen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.app.support import DOC_A, DOC_B
from tests.paths import DATA

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
DOSSIER = Path(sys.executable).parent / "dossier"
STYLED = re.compile(r"((?:\x1b\[[0-9;]*m)+)Astana")


def sgr_params(escapes: str) -> set[str]:
    return {p for seq in re.findall(r"\x1b\[([0-9;]*)m", escapes) for p in seq.split(";")}


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_until(session: str, ok, what: str, timeout: float = 20.0, escapes: bool = False) -> str:  # type: ignore[no-untyped-def]
    """Poll the screen until `ok(screen)` holds (the app's own pace, not a fixed sleep)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", session)
        if ok(screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{what} never appeared; the screen was:\n{screen}")


def wait_for(session: str, needle: str, timeout: float = 20.0, escapes: bool = False) -> str:
    return wait_until(session, lambda screen: needle in screen, repr(needle), timeout, escapes)


TITLE = re.compile(r"╭─((?:\x1b\[[0-9;]*m)*) ([^\x1b]+?) (?:\x1b|─)")
PANE_TITLES = ("Sources", "Chronology", "Entities", "Results")


def reader_focused(screen: str) -> bool:
    """The focused pane's title is bold: here, the reader's (titled after its document)."""
    top = screen.splitlines()[0] if screen else ""
    return any(
        "1" in sgr_params(m.group(1)) and not m.group(2).startswith(PANE_TITLES)
        for m in TITLE.finditer(top)
    )


def current_hit_shown(screen: str) -> bool:
    """The current hit is bold, underlined reverse video; other hits reverse only."""
    styles = [sgr_params(m.group(1)) for m in STYLED.finditer(screen)]
    return any({"1", "4", "7"} <= params for params in styles) and any(
        "7" in params and "4" not in params for params in styles
    )


def start_app(corpus: Path, store: Path, size: tuple[int, int]) -> str:
    """`dossier` on `corpus` in a new detached tmux session of `size`; returns its name."""
    name = f"dossier-e2e-{uuid.uuid4().hex[:8]}"
    command = f"{DOSSIER} --corpus {corpus} --store {store}"
    # COLUMNS/LINES in the environment (a test runner may export 80x24) would override the
    # size tmux gives the pane, so they are removed for the app.
    tmux(
        "new-session",
        "-d",
        "-s",
        name,
        "-x",
        str(size[0]),
        "-y",
        str(size[1]),
        "env",
        "-u",
        "COLUMNS",
        "-u",
        "LINES",
        "TERM=xterm-256color",
        *command.split(),
    )
    return name


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC_A)
    (corpus / "b.txt").write_text(DOC_B)
    name = start_app(corpus, tmp_path / "store.json", (160, 48))
    tmux("set-option", "-t", name, "set-clipboard", "on")
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def test_search_open_next_and_copy_in_a_real_terminal(session: str) -> None:
    wait_for(session, "Sources (2)")
    tmux("send-keys", "-t", session, "/")
    wait_for(session, "search:")
    tmux("send-keys", "-t", session, "-l", "astana")
    tmux("send-keys", "-t", session, "Enter")
    wait_for(session, "Results · astana")
    tmux("send-keys", "-t", session, "Enter")
    wait_until(session, reader_focused, "the reader, focused", escapes=True)
    first = wait_for(session, "hit 1/")
    total = re.search(r"hit 1/(\d+)", first).group(1)  # type: ignore[union-attr]
    assert int(total) >= 2
    tmux("send-keys", "-t", session, "n")
    wait_for(session, f"hit 2/{total}")
    # the highlight reached the terminal as SGR attributes, around the word itself
    screen = wait_until(session, current_hit_shown, "the current hit", escapes=True)
    assert "The court in" in screen
    tmux("send-keys", "-t", session, "y")
    wait_for(session, "Copied quote")
    deadline = time.monotonic() + 10
    buffer = ""
    while time.monotonic() < deadline and not buffer.startswith('> "'):
        buffer = subprocess.run(
            ["tmux", "show-buffer"], capture_output=True, text=True, check=False
        ).stdout
        time.sleep(0.1)
    assert buffer.startswith('> "') and "Astana" in buffer and "—" in buffer
    tmux("send-keys", "-t", session, "q")


def clipboard(starting: str, timeout: float = 10.0) -> str:
    """The tmux buffer the app's OSC 52 copy set, once it starts with `starting`."""
    deadline = time.monotonic() + timeout
    buffer = ""
    while time.monotonic() < deadline and not buffer.startswith(starting):
        buffer = subprocess.run(
            ["tmux", "show-buffer"], capture_output=True, text=True, check=False
        ).stdout
        time.sleep(0.1)
    return buffer


def test_select_a_phrase_in_the_reader_and_copy_it_with_its_locator(session: str) -> None:
    """A writer's quote: a phrase picked word by word in visual mode, drawn selected on the
    screen, copied through OSC 52 with the paragraph it comes from."""
    wait_for(session, "Sources (2)")  # both undated: "Court Rulings in Central Asia" first
    tmux("send-keys", "-t", session, "Enter")  # read it
    wait_until(session, reader_focused, "the reader, focused", escapes=True)
    tmux("send-keys", "-t", session, "]")  # its second passage: the cursor on "An"
    tmux("send-keys", "-t", session, "l", "l", "v", "l", "l")  # "court ruled in"
    cursor_word = re.compile(r"\x1b\[7m(?:\x1b\[[0-9;]*m)*in(?:\x1b|\s)")  # reverse video
    screen = wait_until(
        session, lambda s: cursor_word.search(s) is not None, "the cursor's word", escapes=True
    )
    assert "An Astana" in screen
    tmux("send-keys", "-t", session, "y")
    wait_for(session, "Copied quote")
    buffer = clipboard('> "court ruled in"')
    assert buffer.rstrip() == '> "court ruled in" — *Court Rulings in Central Asia*, undated, ¶ 1'
    tmux("send-keys", "-t", session, "Escape", "Escape")  # drop the selection, leave the reader
    wait_until(session, lambda s: not reader_focused(s), "the reader left", escapes=True)
    tmux("send-keys", "-t", session, "q")


@pytest.fixture
def curation_session(tmp_path: Path):  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "curation", corpus)
    name = start_app(corpus, tmp_path / "store.json", (120, 40))
    yield name, corpus
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def entity_row(screen: str, name: str) -> int | None:
    """The mention count the entity list shows for `name`, or None if it is not listed."""
    match = re.search(re.escape(name) + r" +(\d+) +│", screen)
    return int(match.group(1)) if match else None


def _footer(screen: str) -> str:
    lines = screen.rstrip("\n").splitlines()
    return lines[-1] if lines else ""


def test_merge_two_entities_in_a_real_terminal_and_see_the_counts_change(
    curation_session: tuple[str, Path],
) -> None:
    session, corpus = curation_session
    screen = wait_for(session, "Entities (6)", timeout=60)  # the first build
    varnholt, oskany = entity_row(screen, "Varnholt"), entity_row(screen, "Oskany")
    assert varnholt and oskany
    tmux("send-keys", "-t", session, "3")  # the entities pane, its filter line
    # Each key waits for the focus the one before it moves: the footer shows the filter line's
    # keys (no "Next hit") while it has the focus, the list's once Down leaves it. Typed ahead,
    # a letter could reach the widget that had the focus before.
    wait_until(session, lambda s: "Next hit" not in _footer(s), "the filter line focused")
    tmux("send-keys", "-t", session, "-l", "varn")
    wait_until(session, lambda s: entity_row(s, "Oskany") is None, "the filtered list")
    tmux("send-keys", "-t", session, "Down")
    wait_until(session, lambda s: "Next hit" in _footer(s), "the list focused")
    tmux("send-keys", "-t", session, "m")
    wait_for(session, "Merge 'Varnholt' with which entity?")
    tmux("send-keys", "-t", session, "-l", "osk")
    tmux("send-keys", "-t", session, "Enter")
    wait_for(session, "Merge 'Oskany' into 'Varnholt'?")
    tmux("send-keys", "-t", session, "y")
    screen = wait_for(session, "Entities (5)", timeout=60)  # written, rebuilt, read again
    assert entity_row(screen, "Varnholt") == varnholt + oskany
    assert "Oskany" in (corpus / "entities.yaml").read_text(encoding="utf-8")
    tmux("send-keys", "-t", session, "u")
    wait_for(session, "Undo the last edit")
    tmux("send-keys", "-t", session, "y")
    wait_for(session, "Entities (6)", timeout=60)
    tmux("send-keys", "-t", session, "q")
