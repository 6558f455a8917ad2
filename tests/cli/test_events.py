"""`dossier events`: filters, sorting, the plain lines and the exact JSON shape."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from store.models import Event
from tui.cli import main
from tui.cli.events import date_label, date_window, sort_key

KEYS = {
    "id", "file", "date", "precision", "date_begin", "date_end", "mod", "anchor",
    "start", "end", "quote", "summary", "entities", "cluster", "page", "page_label",
}  # fmt: skip


def events_json(store: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["events", "--json", "--store", str(store), *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape_and_quotes(built_store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = events_json(built_store_path, capsys)
    assert events
    for e in events:
        assert set(e) == KEYS
        assert set(e["anchor"]) == {"text", "start", "end"}
        assert isinstance(e["entities"], list)
    from store.storage.db import Store

    with Store(built_store_path) as store:
        for e in events:
            text = store.text(e["file"])
            assert text[e["start"] : e["end"]] == e["quote"]
            assert text[e["anchor"]["start"] : e["anchor"]["end"]] == e["anchor"]["text"]
            if "/" in e["date"]:
                begin, end = e["date"].split("/")
                assert e["date_begin"].startswith(begin[:4]) and e["date_end"].startswith(end[:4])


def test_sorted_by_begin_then_finer_precision(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = events_json(built_store_path, capsys)
    order = ["time", "day", "week", "month", "season", "quarter", "year", "decade", "century"]
    keys = [(e["date_begin"], order.index(e["precision"])) for e in events]
    assert keys == sorted(keys)


def test_date_window_filters_by_overlap(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    june = events_json(built_store_path, capsys, "--from", "2016-06", "--to", "2016-06")
    assert june
    for e in june:
        assert e["date_end"] >= "2016-06-01" and e["date_begin"] <= "2016-06-30"
    assert {"2016-06-05", "2016-06-14"} <= {e["date_begin"] for e in june}
    day = events_json(built_store_path, capsys, "--from", "2016-06-05", "--to", "2016-06-05")
    assert {e["file"] for e in day if e["date_begin"] == "2016-06-05"} == {
        "002_e3382299f196536e.txt",
        "004_349fe4209c07a8ff.txt",
    }
    early = events_json(built_store_path, capsys, "--to", "2006")
    assert early and all(e["date_begin"] <= "2006-12-31" for e in early)


def test_source_filter(built_store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = events_json(built_store_path, capsys, "--source", "004_349fe4209c07a8ff")
    assert events and {e["file"] for e in events} == {"004_349fe4209c07a8ff.txt"}


def test_unknown_source_or_entity_exits_2(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--store", str(built_store_path), "--source", "nope.txt"]) == 2
    assert "no source 'nope.txt'" in capsys.readouterr().err
    assert main(["events", "--store", str(built_store_path), "--entity", "Atlantis Qwerty"]) == 2
    assert "no entity is called 'Atlantis Qwerty'" in capsys.readouterr().err


def test_entity_filter_matches_aliases_case_insensitively(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from store.storage.db import Store

    with Store(built_store_path) as store:
        mentioned = {i for e in store.events() for i in e.entities}
        entity = next((x for x in store.entities() if x.id in mentioned), None)
    assert entity is not None, "no event of the seeds mentions an entity"
    name = (entity.aliases or (entity.name,))[-1].upper()
    events = events_json(built_store_path, capsys, "--entity", name)
    assert events and all(entity.id in e["entities"] for e in events)


def test_bad_date_is_a_usage_error(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--store", str(built_store_path), "--from", "June 2016"])
    assert exit_info.value.code == 2
    assert "is not a date" in capsys.readouterr().err


def test_plain_output_shows_a_cluster_once_with_its_count(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "events",
                "--store",
                str(built_store_path),
                "--from",
                "2016-06-05",
                "--to",
                "2016-06-05",
            ]
        )
        == 0
    )
    lines = [x for x in capsys.readouterr().out.splitlines() if x.startswith("2016-06-05 ")]
    assert len(lines) == 1
    assert lines[0].endswith("(2 sources)")
    assert " | 002_e3382299f196536e.txt | " in lines[0]


def test_date_window_parsing() -> None:
    assert date_window("2016") == ("2016-01-01", "2016-12-31")
    assert date_window("2016-02") == ("2016-02-01", "2016-02-29")
    assert date_window("2015-02-28") == ("2015-02-28", "2015-02-28")
    for bad in ("2016-13", "2015-02-29", "16-01-01", "yesterday"):
        with pytest.raises(argparse.ArgumentTypeError):
            date_window(bad)


def _event(date: str, precision: str, begin: str, end: str, mod: str | None = None) -> Event:
    return Event("x:1", "x.txt", date, precision, begin, end, mod, "a", 0, 1, 0, 1, "a", "a")


def test_date_labels() -> None:
    assert date_label(_event("2011/2012", "year", "2011-01-01", "2012-12-31")) == "2011–2012"
    assert date_label(_event("2014-08", "month", "2014-08-01", "2014-08-31")) == "2014-08"
    assert (
        date_label(_event("2016-10", "month", "2016-10-01", "2016-10-31", "START"))
        == "early 2016-10"
    )
    assert (
        date_label(_event("2016-08-12/2016-08-30", "day", "2016-08-12", "2016-08-30"))
        == "2016-08-12–2016-08-30"
    )
    day = _event("2016-06-01", "day", "2016-06-01", "2016-06-01")
    month = _event("2016-06", "month", "2016-06-01", "2016-06-30")
    assert min([month, day], key=sort_key) is day
