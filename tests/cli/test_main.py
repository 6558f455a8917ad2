"""Print mode: sources, show, build, and the messages and exit codes for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

EXPECTED_DATES = {
    # Read by hand from each document, at the precision its text supports.
    "000_57b7575e539b8255.txt": ("2015-11", "month"),
    "001_c13928596fe0fd3f.txt": ("2014-09-17", "day"),
    "002_e3382299f196536e.txt": ("2016", "year"),
    "003_290b001818848b61.txt": ("2015-10", "month"),
    "004_349fe4209c07a8ff.txt": (None, None),  # nothing states it: null to a script
}


def run_cli(
    *args: str, store: Path | None = None, corpus: Path | None = None
) -> tuple[int, str, str]:
    """Run `dossier` in a subprocess, as a user would from a shell (stdout is a pipe)."""
    argv = [sys.executable, "-m", "tui", *args]
    if corpus is not None:
        argv += ["--corpus", str(corpus)]
    if store is not None:
        argv += ["--store", str(store)]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    return proc.returncode, proc.stdout, proc.stderr


def test_sources_json_lists_the_seeds_with_honest_dates(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sources", "--json", "--store", str(built_store_path)]) == 0
    sources = json.loads(capsys.readouterr().out)
    assert {
        s["file"]: (s["published"], s["published_precision"]) for s in sources
    } == EXPECTED_DATES
    keys = {
        "id",
        "file",
        "title",
        "author",
        "publisher",
        "kind",
        "published",
        "published_precision",
        "published_basis",
        "chars",
        "passages",
        "format",
        "url",
        "note",
        "pages",
        "basis",
    }
    for source in sources:
        assert set(source) == keys
        assert source["kind"] in ("news", "analysis", "report", "blog")
        assert source["chars"] > 1000 and source["passages"] > 5
        assert "unknown" not in (source["author"], source["publisher"], source["published"])


def test_an_undated_source_reads_undated_in_text_and_null_in_json(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One word for "no date" on the command line (the app's word too), null in JSON."""
    assert main(["sources", "--store", str(built_store_path)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("004_"))
    assert "undated" in line.split() and "unknown" not in line
    assert main(["show", "004_349fe4209c07a8ff", "--json", "--store", str(built_store_path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["published"] is None
    assert main(["show", "004_349fe4209c07a8ff", "--store", str(built_store_path)]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("(004_349fe4209c07a8ff.txt, undated)")


def test_show_prints_passage_numbers_and_one_passage(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "002_e3382299f196536e", "--store", str(built_store_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Arrests of radicals")
    lines = out.splitlines()
    assert lines[1] == "[0 heading]"
    assert (
        lines[2]
        == "    Arrests of radicals in Kazakhstan indicates growth in ISIS popularity in Central\xa0Asia"
    )
    assert "[3]" in lines  # a body passage carries its number alone
    assert (
        main(["show", "002_e3382299f196536e.txt", "-p", "4", "--store", str(built_store_path)]) == 0
    )
    one = capsys.readouterr().out
    assert one.splitlines()[0].startswith("# 002_e3382299f196536e.txt passage 4")


def test_show_unknown_file_and_passage(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "nope.txt", "--store", str(built_store_path)]) == 2
    assert "no document 'nope.txt'" in capsys.readouterr().err
    assert (
        main(["show", "001_c13928596fe0fd3f.txt", "-p", "9999", "--store", str(built_store_path)])
        == 2
    )
    assert "there is no passage 9999" in capsys.readouterr().err


def test_every_command_has_help_with_an_example() -> None:
    from tui.cli import make_parser

    parser = make_parser()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    for name, sub in actions[0].choices.items():
        text = sub.format_help()
        assert "example" in text and f"dossier {name}" in text, name


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "does not exist"),
        ("empty", "no readable documents"),
        ("bad_yaml", "sources.yaml:3:1: malformed YAML"),
    ],
)
def test_bad_corpus_gives_message_and_exit_2(tmp_path: Path, setup: str, expected: str) -> None:
    corpus = tmp_path / "corpus"
    if setup != "missing":
        corpus.mkdir()
    if setup == "bad_yaml":
        (corpus / "a.txt").write_text("Some text.\n")
        (corpus / "sources.yaml").write_text("a.txt:\n  title: [oops\n")
    code, _out, err = run_cli("sources", corpus=corpus, store=tmp_path / "s.json")
    assert code == 2
    assert expected in err
    if setup == "bad_yaml":
        assert "started at line 2, column 10" in err
    assert "Traceback" not in err
    assert not (tmp_path / "s.json").exists()


def test_bad_manifest_leaves_previous_store_intact(tmp_path: Path, corpus_copy: Path) -> None:
    store = tmp_path / "s.json"
    assert run_cli("build", corpus=corpus_copy, store=store)[0] == 0
    before = store.read_bytes()
    (corpus_copy / "sources.yaml").write_text("000_57b7575e539b8255.txt:\n  kind: novel\n")
    code, _, err = run_cli("build", corpus=corpus_copy, store=store)
    assert code == 2 and "kind 'novel'" in err and "Traceback" not in err
    assert store.read_bytes() == before


def test_warnings_for_bad_bytes_and_binary_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "latin.txt").write_bytes(b"Report\n\nCaf\xe9 owners met on 3 May 2019.\n")
    (corpus / "blob.txt").write_bytes(bytes(range(256)) * 4)
    code, out, err = run_cli("sources", corpus=corpus, store=tmp_path / "s.json")
    assert code == 0
    assert "latin.txt: not valid UTF-8 at byte 11" in err
    assert "blob.txt: looks like a binary file" in err
    assert "latin.txt" in out and "blob.txt" not in out


def test_corrupt_store_is_rebuilt_with_a_message(tmp_path: Path, corpus_copy: Path) -> None:
    store = tmp_path / "s.json"
    assert run_cli("build", corpus=corpus_copy, store=store)[0] == 0
    store.write_text('{"sources": {"1": ')
    code, _out, err = run_cli("sources", corpus=corpus_copy, store=store)
    assert code == 0
    assert "not valid JSON" in err and "rebuilding" in err
    assert len(list(tmp_path.glob("s.json.corrupt-*"))) == 1


def test_newer_store_gives_exit_2(tmp_path: Path, corpus_copy: Path) -> None:
    store = tmp_path / "s.json"
    store.write_text('{"meta": {"1": {"schema": 99}}}')
    code, _, err = run_cli("sources", corpus=corpus_copy, store=store)
    assert code == 2 and "newer Dossier" in err and "Traceback" not in err


def test_unlisted_file_gets_title_and_date_from_its_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brief.md").write_text(
        "# Border Talks Resume\n\nPublished: 12 March 2021\n\nDelegates met in Vienna on Monday.\n"
    )
    code, out, err = run_cli("sources", "--json", corpus=corpus, store=tmp_path / "s.json")
    assert code == 0, err
    (source,) = json.loads(out)
    assert source["title"] == "Border Talks Resume"
    assert (source["published"], source["published_precision"]) == ("2021-03-12", "day")


def test_document_text_is_shown_literally_and_escapes_do_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(
        "Title [bold]x[/bold]\n\nBody \x1b]52;c;aGk=\x07 and [@click=app.quit]q[/].\n"
    )
    code, out, _ = run_cli("show", "hostile", corpus=corpus, store=tmp_path / "s.json")
    assert code == 0
    assert "[bold]x[/bold]" in out and "[@click=app.quit]q[/]" in out
    from tui.cli.common import safe_for_terminal

    shown = safe_for_terminal("a\x1b]52;c;aGk=\x07b\tc\n")
    assert "\x1b" not in shown and "\x07" not in shown and shown == "a␛]52;c;aGk=␇b\tc\n"
