"""`dossier note`, `notes`, `searches`, `search --saved` and the exports, as scripts use them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from store.storage.db import Store
from tests.paths import REPO
from tui.cli import main


@pytest.fixture
def where(tmp_path: Path, built_store_path: Path) -> list[str]:
    """A private user-data file beside the session's store."""
    return ["--store", str(built_store_path), "--userdata", str(tmp_path / "notes.json")]


def cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_note_add_by_passage_lists_in_the_documented_shape(
    where: list[str], built_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    file = built_store.sources()[2].file
    passage = built_store.passages(file)[4]
    code, out, _ = cli(
        ["note", "add", file, "--passage", "4", "--text", "Check it", "--tag", "kz", *where], capsys
    )
    assert code == 0
    made = json.loads(out)
    code, out, _ = cli(["notes", "--json", *where], capsys)
    [listed] = json.loads(out)
    assert listed["id"] == made["id"]
    keys = {
        "id",
        "file",
        "start",
        "end",
        "quote",
        "text",
        "tags",
        "starred",
        "status",
        "created",
        "updated",
    }
    assert keys <= set(listed)
    assert (listed["start"], listed["end"]) == (passage.start, passage.end)
    assert listed["quote"] == built_store.text(file)[passage.start : passage.end]
    assert listed["status"] == "anchored" and listed["tags"] == ["kz"]
    assert listed["passage"] == 4 and listed["starred"] is False


def test_spans_stars_tags_and_bad_input(
    where: list[str], built_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    file = built_store.sources()[0].file
    code, out, _ = cli(
        ["note", "add", file, "--start", "10", "--end", "40", "--star", *where], capsys
    )
    mark = json.loads(out)
    assert code == 0 and mark["kind"] == "bookmark" and mark["starred"]
    assert mark["quote"] == built_store.text(file)[10:40]
    assert cli(["note", "tag", mark["id"], "later", *where], capsys)[0] == 0
    _, out, _ = cli(["notes", "--tag", "later", "--json", *where], capsys)
    assert [e["id"] for e in json.loads(out)] == [mark["id"]]
    for bad in (
        ["--passage", "9999", "--text", "x"],
        ["--start", "50", "--end", "10", "--text", "x"],
        ["--text", "x"],
        ["--passage", "1"],
    ):
        code, _, err = cli(["note", "add", file, *bad, *where], capsys)
        assert code == 2 and "Traceback" not in err and err.startswith("dossier: ")
    code, _, err = cli(["note", "edit", "n00000000", "--text", "x", *where], capsys)
    assert code == 2 and "no note" in err


def test_a_corrupt_userdata_file_is_refused_and_kept(
    tmp_path: Path,
    built_store_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"notes": {"1": ')
    monkeypatch.setenv("DOSSIER_USERDATA", str(bad))
    code, _, err = cli(["notes", "--store", str(built_store_path)], capsys)
    assert code == 2 and "not valid JSON" in err and str(bad) in err
    code, _, err = cli(
        [
            "note",
            "add",
            "000_57b7575e539b8255",
            "--passage",
            "1",
            "--text",
            "x",
            "--store",
            str(built_store_path),
        ],
        capsys,
    )
    assert code == 2
    # A search still runs; only its history is lost, with a warning.
    code, out, err = cli(["search", "aktobe", "--store", str(built_store_path)], capsys)
    assert code == 0 and "passage" in out and "not in the history" in err
    assert bad.read_text() == '{"notes": {"1": '


def test_saved_searches_and_history(where: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(
        ["search", "aktobe", "attack", "--save", "aktobe", "--count", *where], capsys
    )
    assert code == 0 and "saved" in err
    cli(["search", "nazarbaev~", "--count", *where], capsys)
    code, saved_out, _ = cli(["search", "--saved", "aktobe", "--json", *where], capsys)
    assert json.loads(saved_out)["query"] == "aktobe attack"
    _, out, _ = cli(["searches", "--json", *where], capsys)
    listing = json.loads(out)
    assert [s["name"] for s in listing["saved"]] == ["aktobe"]
    recent = [r["query"] for r in listing["recent"]]
    assert recent == ["aktobe attack", "nazarbaev~"]  # deduplicated, newest first
    assert listing["recent"][0]["count"] == 2 and listing["recent"][0]["when"]
    code, _, err = cli(["search", "--saved", "nope", *where], capsys)
    assert code == 2 and "no saved search" in err


def test_chronology_csv_has_one_row_per_event(
    where: list[str], built_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(["export", "chronology", "--format", "csv", *where], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(built_store.events())
    assert {r["id"] for r in rows} == {e.id for e in built_store.events()}
    first = rows[0]
    assert first["date"] and first["precision"] and first["citation"] and first["sources"]
    # Same filters as `dossier events`.
    code, out, _ = cli(
        [
            "export",
            "chronology",
            "--format",
            "json",
            "--from",
            "2016-06",
            "--to",
            "2016-06",
            *where,
        ],
        capsys,
    )
    dates = [r["date_begin"] for r in json.loads(out)]
    assert dates and all(d <= "2016-06-30" for d in dates)


def test_starred_chronology_and_the_markdown_list(
    where: list[str], built_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from store.userdata import EventRef, UserData, make_anchor

    event = built_store.events()[3]
    data = UserData(Path(where[-1]))
    text = built_store.text(event.file)
    data.bookmark(
        make_anchor(
            "event",
            event.file,
            text,
            event.start,
            event.end,
            event=EventRef(event.id, event.date, event.quote),
        )
    )
    out_file = tmp_path / "starred.md"
    code, _, err = cli(
        ["export", "chronology", "--format", "md", "--starred", "-o", str(out_file), *where], capsys
    )
    assert code == 0 and str(out_file) in err
    written = out_file.read_text()
    assert written.startswith("# Chronology")
    assert written.count("\n- **") == 1 and " ".join(event.quote.split()) in written


def test_csl_json_validates_against_the_schema_and_renders_in_citeproc(
    where: list[str], built_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    import jsonschema

    from store.export.csl import Renderer

    code, out, _ = cli(["export", "sources", "--format", "csl-json", *where], capsys)
    assert code == 0
    items = json.loads(out)
    schema = json.loads((REPO / "tests" / "data" / "csl" / "csl-data.json").read_text())
    jsonschema.validate(items, schema)
    assert len(items) == len(built_store.sources())
    assert len({i["id"] for i in items}) == len(items)
    for style in ("chicago-author-date", "apa"):
        renderer = Renderer(style, items)
        references = renderer.references()
        assert len(references) == len(items)
        for item in items:
            # Every entry is rendered (styles re-case titles, so compare case-folded).
            last_word = item["title"].split()[-1].strip("?").casefold()
            assert last_word in " ".join(references).casefold()
            cited = renderer.cite(item["id"], 4)
            assert cited.startswith("(") and "para. 4" in cited


def test_bibtex_and_ris_share_the_keys(
    where: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, csl_out, _ = cli(["export", "sources", "--format", "csl-json", *where], capsys)
    keys = [i["id"] for i in json.loads(csl_out)]
    _, bib, _ = cli(["export", "sources", "--format", "bibtex", *where], capsys)
    _, ris, _ = cli(["export", "sources", "--format", "ris", *where], capsys)
    for key in keys:
        assert f"{{{key}," in bib and f"ID  - {key}\n" in ris
    assert bib.count("@") == len(keys) and ris.count("ER  - ") == len(keys)
    _, pandoc, _ = cli(
        ["export", "chronology", "--format", "csv", "--citation", "pandoc", *where], capsys
    )
    cited = {r["citation"].split(",")[0].strip("[@]") for r in csv.DictReader(io.StringIO(pandoc))}
    assert cited <= set(keys)


def test_entities_export(
    where: list[str], built_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(["export", "entities", "--format", "csv", *where], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(built_store.entities())
    isis = next(r for r in rows if "ISIL" in r["aliases"].split("; "))
    assert int(isis["mentions"]) > 0 and int(isis["documents"]) >= 1
    code, _, err = cli(["export", "entities", "--format", "md", *where], capsys)
    assert code == 2 and "csv, json" in err


def test_an_edited_document_keeps_its_note_on_the_right_passage(
    corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = [
        "--corpus",
        str(corpus_copy),
        "--store",
        str(tmp_path / "s.json"),
        "--userdata",
        str(tmp_path / "u.json"),
    ]
    file = "002_e3382299f196536e.txt"
    cli(["build", *base], capsys)
    _, out, _ = cli(["note", "add", file, "--passage", "5", "--text", "keep", *base], capsys)
    quote = json.loads(out)["quote"]
    path = corpus_copy / file
    text = path.read_text(encoding="utf-8")
    first_break = text.index("\n\n")
    path.write_text(
        text[:first_break] + "\n\nAn inserted paragraph, new today." + text[first_break:],
        encoding="utf-8",
    )
    code, out, _ = cli(["build", *base], capsys)
    assert code == 0 and "1 moved" in out
    _, out, _ = cli(["notes", "--json", *base], capsys)
    [note] = json.loads(out)
    assert note["status"] == "moved" and note["quote"] == quote and note["passage"] == 6
    with Store(tmp_path / "s.json") as store:
        assert store.text(file)[note["start"] : note["end"]] == quote
