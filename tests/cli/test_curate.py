"""`dossier entity merge|split|rename|type|exclude|undo`: edits of entities.yaml, then a rebuild."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.paths import DATA
from tui.cli import main


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(DATA / "curation", folder)
    return folder


def dossier(capsys: pytest.CaptureFixture[str], corpus: Path, *argv: str) -> tuple[int, str, str]:
    store = corpus.parent / "store.json"
    code = main(["--corpus", str(corpus), "--store", str(store), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def entities(capsys: pytest.CaptureFixture[str], corpus: Path) -> dict[str, dict]:
    code, out, _ = dossier(capsys, corpus, "entities", "--json")
    assert code == 0
    return {e["name"]: e for e in json.loads(out)}


def test_merge_moves_the_names_and_the_counts_and_keeps_comments(capsys, corpus: Path) -> None:
    before = entities(capsys, corpus)
    assert "Oskany" in before and "Varnholt" in before
    varnholt = sum(before["Varnholt"]["mentions"].values())
    oskany = sum(before["Oskany"]["mentions"].values())
    code, out, _ = dossier(capsys, corpus, "entity", "merge", "Varnholt", "Oskany")
    assert code == 0
    assert "merged 'Oskany' into 'Varnholt'" in out
    after = entities(capsys, corpus)
    assert "Oskany" not in after
    assert "Oskany" in after["Varnholt"]["aliases"]
    assert sum(after["Varnholt"]["mentions"].values()) == varnholt + oskany
    text = (corpus / "entities.yaml").read_text(encoding="utf-8")
    for comment in (
        "# The catalogue for the curation tests: every comment here must survive an edit.",
        "- Breaking News   # page furniture",
        "description: An invented coastal militia.   # kept verbatim",
        "# ------------------------------------------------------------------ places",
    ):
        assert comment in text
    assert "aliases: [CDL]" in text  # a flow list the edit did not touch stays as it was


def test_split_rename_type_exclude_and_undo(capsys, corpus: Path) -> None:
    original = (corpus / "entities.yaml").read_text(encoding="utf-8")
    assert dossier(capsys, corpus, "entity", "split", "Northern Accord", "Accord")[0] == 0
    after = entities(capsys, corpus)
    assert "Accord" in after and "Accord" not in after["Northern Accord"]["aliases"]
    assert dossier(capsys, corpus, "entity", "rename", "Kestrel Wire", "Kestrel News")[0] == 0
    assert dossier(capsys, corpus, "entity", "type", "Kestrel News", "organisation")[0] == 0
    after = entities(capsys, corpus)
    assert after["Kestrel News"]["type"] == "organisation"
    assert "Kestrel Wire" in after["Kestrel News"]["aliases"]
    assert dossier(capsys, corpus, "entity", "exclude", "Oskany")[0] == 0
    assert "Oskany" not in entities(capsys, corpus)
    for _ in range(4):
        code, out, _ = dossier(capsys, corpus, "entity", "undo")
        assert code == 0 and out.startswith("undid:")
    assert (corpus / "entities.yaml").read_text(encoding="utf-8") == original
    code, _, err = dossier(capsys, corpus, "entity", "undo")
    assert code == 2 and "nothing to undo" in err


def test_bad_curation_is_a_message_not_a_traceback(capsys, corpus: Path) -> None:
    code, _, err = dossier(capsys, corpus, "entity", "merge", "Varnholt")
    assert code == 2 and "usage: dossier entity merge NAME OTHER" in err
    code, _, err = dossier(capsys, corpus, "entity", "split", "Varnholt", "Nowhere")
    assert code == 2 and "'Nowhere' is not an alias of 'Varnholt'" in err
    code, _, err = dossier(capsys, corpus, "entity", "type", "Varnholt", "planet")
    assert code == 2 and "unknown type 'planet'" in err
    code, _, err = dossier(capsys, corpus, "entity", "merge", "Varnholt", "Atlantis")
    assert code == 2 and "no entity named 'Atlantis'" in err


def test_the_bundled_corpus_is_never_edited(capsys, tmp_path: Path) -> None:
    code = main(["--store", str(tmp_path / "s.json"), "entity", "exclude", "Astana"])
    _, err = capsys.readouterr()
    assert code == 2 and "bundled corpus is not edited" in err
