"""Vague but dated statements as approximate events (store.events.vague and the build).

Every sentence is invented; expected spans are written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.build import build
from store.events.vague import approximate
from store.storage.db import Store
from store.timex import tag


def _approx(sentence: str, surface: str, dct: str | None) -> tuple[str, str, str, str] | None:
    [t] = [t for t in tag(sentence, dct) if t.text == surface]
    got = approximate(sentence, t, dct)
    if got is None:
        return None
    assert got.mod == "APPROX" and got.type == "DATE"
    return got.value, str(got.precision), str(got.date_begin), str(got.date_end)


@pytest.mark.parametrize(
    ("sentence", "surface", "dct", "expected"),
    [
        ("The mayor recently resigned.", "recently", "2015-11-03",
         ("2015-08/2015-11", "month", "2015-08-01", "2015-11-03")),
        ("The port is currently closed to ships.", "currently", "2015-11-03",
         ("2015-11", "month", "2015-11-01", "2015-11-03")),
        ("In the past year and a half, police made 40 arrests.", "the past year", "2016-06-20",
         ("2014-12/2016-06", "month", "2014-12-01", "2016-06-20")),
        ("Over the past months, fighters crossed the border.", "the past months", "2015-11",
         ("2015-08/2015-11", "month", "2015-08-01", "2015-11-30")),
        ("The rebels recently took the town.", "recently", "2016",
         ("2016", "year", "2016-01-01", "2016-12-31")),  # dated to the year: no finer
        ("In the last two years, prices doubled.", "the last two years", "2016",
         ("2014/2016", "year", "2014-01-01", "2016-12-31")),
    ],
)  # fmt: skip
def test_vague_statements_span_up_to_the_document_date(
    sentence: str, surface: str, dct: str, expected: tuple[str, str, str, str]
) -> None:
    assert _approx(sentence, surface, dct) == expected


def test_without_a_document_date_or_for_a_description_nothing_is_approximated() -> None:
    assert _approx("The mayor recently resigned.", "recently", None) is None
    assert (
        _approx("The drills, currently called Iron Gate, begin soon.", "currently", "2016-05-01")
        is None
    )
    assert _approx("For three years he led the party.", "three years", "2016-05-01") is None


def test_the_build_makes_approximate_events_only_where_nothing_is_dated(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "port.txt").write_text(
        "Harbour news\n\n"
        "The port authority recently banned night fishing in the bay. "
        "The ban was currently enforced by two patrol boats on 4 May 2015, officials said. "
        "Lately.\n",
        encoding="utf-8",
    )
    (corpus / "sources.yaml").write_text(
        "port.txt:\n  title: Harbour news\n  published: 2015-06-10\n", encoding="utf-8"
    )
    build(corpus, tmp_path / "store.json")
    with Store(tmp_path / "store.json") as store:
        events = {e.anchor_text: e for e in store.events("port.txt")}
    assert set(events) == {"recently", "4 May 2015"}  # "currently" yields to the explicit date
    recent = events["recently"]
    assert (recent.date, recent.mod, recent.precision) == ("2015-03/2015-06", "APPROX", "month")
    assert (recent.date_begin, recent.date_end) == ("2015-03-01", "2015-06-10")
