"""End to end, as a writer works: search, star a hit, write a note, tag it, quit; edit the
document on disk; reopen (rebuild); find the note on the right passage; export the notes brief
and the chronology; read the files. In a real terminal (tmux), typed key by key."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.app.support import DOC_A, DOC_B
from tests.app.test_e2e_tmux import DOSSIER, TITLE, sgr_params, tmux, wait_for, wait_until

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _open(name: str, tmp_path: Path, corpus: Path) -> None:
    command = [
        "env", "-u", "COLUMNS", "-u", "LINES", "TERM=xterm-256color",
        f"DOSSIER_EXPORT_DIR={tmp_path / 'exports'}", f"XDG_CONFIG_HOME={tmp_path / 'config'}",
        str(DOSSIER), "--corpus", str(corpus), "--store", str(tmp_path / "store.json"),
        "--userdata", str(tmp_path / "notes.json"),
    ]  # fmt: skip
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", *command)


def focused(title: str):  # type: ignore[no-untyped-def]
    """Whether the focused pane (its title bold) is the one titled `title`."""

    def check(screen: str) -> bool:
        top = screen.splitlines()[0] if screen else ""
        return any(
            "1" in sgr_params(m.group(1)) and m.group(2).startswith(title)
            for m in TITLE.finditer(top)
        )

    return check


def _keys(name: str, *keys: str, literal: bool = False) -> None:
    tmux("send-keys", "-t", name, *(["-l"] if literal else []), *keys)


def _closed(name: str) -> None:
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def test_a_note_survives_an_edit_and_a_rebuild_and_exports(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC_A)
    (corpus / "b.txt").write_text(DOC_B)
    name = f"dossier-write-{uuid.uuid4().hex[:8]}"
    try:
        _open(name, tmp_path, corpus)
        wait_for(name, "Sources (2)", timeout=60)
        _keys(name, "/")
        wait_for(name, "search:")
        _keys(name, "astana", literal=True)
        _keys(name, "Enter")
        wait_for(name, "Results · astana")
        _keys(name, "b")
        wait_for(name, "Starred this hit")
        _keys(name, "a")
        wait_for(name, "A note on this hit")
        _keys(name, "Check this", literal=True)
        _keys(name, "C-s")
        wait_for(name, "Note saved")
        _keys(name, "t")
        wait_for(name, "Tags for")
        _keys(name, "courts", literal=True)
        _keys(name, "Enter")
        wait_for(name, "Tagged this hit: courts")
        _keys(name, "q")
    finally:
        _closed(name)

    [note] = json.loads((tmp_path / "notes.json").read_text())["notes"].values()
    file, quote = note["anchor"]["file"], note["anchor"]["exact"]
    path = corpus / file
    inserted = "Editor's note: this article was updated with a new first paragraph.\n\n"
    path.write_text(inserted + path.read_text())

    name = f"dossier-write-{uuid.uuid4().hex[:8]}"
    try:
        _open(name, tmp_path, corpus)
        wait_for(name, "Notes re-anchored", timeout=60)
        _keys(name, "6")
        screen = wait_for(name, "Check this")
        assert "#courts" in screen and "(moved)" in screen and "★" in screen, screen
        _keys(name, "Down", "Enter")
        wait_until(name, focused("Editor's note"), "the reader at the note", escapes=True)
        assert " ".join(quote.split()[:4]) in tmux("capture-pane", "-p", "-t", name)
        _keys(name, "6")
        wait_until(name, focused("Notes"), "the Notes pane", escapes=True)
        _keys(name, "Down")  # from the filter line into the list, where keys are keys
        time.sleep(0.3)
        _keys(name, "x")
        wait_for(name, "Exported the notes")
        _keys(name, "2")
        wait_for(name, "Chronology (")
        _keys(name, "x")
        wait_for(name, "Exported the chronology")
        _keys(name, "q")
    finally:
        _closed(name)

    [brief] = (tmp_path / "exports").glob("dossier-notes-*.md")
    text = brief.read_text()
    assert f'> "{" ".join(quote.split())}"' in text
    assert "Check this" in text and "tags: courts" in text
    [chronology] = (tmp_path / "exports").glob("dossier-chronology-*.md")
    assert chronology.read_text().startswith("# Chronology\n")
    # The note is on the same words in the edited document, as the command line reports it.
    out = subprocess.run(
        [str(DOSSIER), "notes", "--json", "--corpus", str(corpus), "--store",
         str(tmp_path / "store.json"), "--userdata", str(tmp_path / "notes.json")],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    [listed] = json.loads(out)
    now = path.read_text()
    assert listed["status"] == "moved"
    assert now[listed["start"] : listed["end"]] == quote == listed["quote"]
    assert listed["start"] == note["anchor"]["start"] + len(inserted)
