"""`dossier show --json` and `--all --json`: metadata, pages, passages that slice back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.store.test_formats import PAGE, report_pdf
from tui.cli import main


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.pdf").write_bytes(report_pdf())
    (corpus / "page.html").write_text(PAGE)
    (corpus / "plain.txt").write_text("A plain note.\n\nIts second paragraph.\n")
    return corpus


def show(capsys: pytest.CaptureFixture[str], corpus: Path, tmp: Path, *args: str) -> list[dict]:
    assert (
        main(["show", *args, "--json", "--corpus", str(corpus), "--store", str(tmp / "s.json")])
        == 0
    )
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_show_json_of_a_pdf_has_pages_and_passages_that_slice_back(
    mixed_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [doc] = show(capsys, mixed_corpus, tmp_path, "report.pdf")
    assert set(doc) == {
        "file", "title", "author", "publisher", "published", "kind", "url", "pages", "passages"
    }  # fmt: skip
    assert doc["file"] == "report.pdf" and doc["title"] == "Border Monitoring Mission"
    assert [p["label"] for p in doc["pages"]] == ["1", "2", "3"]
    pages = doc["pages"]
    for passage in doc["passages"]:
        assert set(passage) == {"index", "kind", "start", "end", "page", "text"}
        page = pages[passage["page"] - 1]
        assert page["start"] <= passage["start"] < passage["end"] <= page["end"]
        assert len(passage["text"]) == passage["end"] - passage["start"]
    kinds = {p["text"]: p["kind"] for p in doc["passages"]}
    assert kinds["Page 2 of 3"] == "boilerplate"


def test_show_all_json_is_one_object_per_document(
    mixed_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = show(capsys, mixed_corpus, tmp_path, "--all")
    assert [d["file"] for d in docs] == ["page.html", "plain.txt", "report.pdf"]
    web, plain, _ = docs
    assert web["pages"] is None and web["url"].startswith("https://www.example.org/")
    assert web["published"] == "2023-03-09"
    assert plain["passages"][1]["text"] == "Its second paragraph."
    assert plain["url"] is None


def test_show_needs_a_file_or_all(tmp_path: Path, mixed_corpus: Path) -> None:
    args = ["--corpus", str(mixed_corpus), "--store", str(tmp_path / "s.json")]
    assert main(["show", *args]) == 2
    assert main(["show", "plain.txt", "--all", *args]) == 2


def test_search_and_events_json_give_the_page(
    mixed_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--corpus", str(mixed_corpus), "--store", str(tmp_path / "s.json")]
    assert main(["search", "abandoned winter", "--json", *args]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert [(r["file"], r["page"], r["page_label"]) for r in results] == [("report.pdf", 2, "2")]
    assert main(["events", "--json", *args]) == 0
    events = json.loads(capsys.readouterr().out)
    pdf = [e for e in events if e["file"] == "report.pdf"]
    assert pdf and all(e["page"] in (1, 2, 3) and e["page_label"] == str(e["page"]) for e in pdf)
    assert all(e["page"] is None for e in events if e["file"] != "report.pdf")
