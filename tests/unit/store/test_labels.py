"""Date labels: what a person reads for a TIMEX value, never its X placeholders."""

from __future__ import annotations

import pytest

from store.timex.labels import UNDATED, date_label, one_date, published_label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("2015-10-XX", "Oct 2015"),  # a day of October 2015, which one unknown
        ("2015-XX-XX", "2015"),
        ("2015-XX", "2015"),
        ("XXXX-06-04", "4 Jun"),  # no year known
        ("XXXX-06", "Jun"),
        ("XXXX-XX-XX", UNDATED),
        ("XXXX", UNDATED),
        ("199X", "1990s"),
        ("2014-08-12", "2014-08-12"),  # exact values keep their sortable ISO form
        ("2014-08", "2014-08"),
    ],
)
def test_one_date_never_shows_placeholders(value: str, label: str) -> None:
    assert one_date(value) == label


def test_a_range_with_unknown_days_reads_as_months() -> None:
    assert date_label("2015-10-XX/2015-12-XX") == "Oct 2015–Dec 2015"
    assert date_label("2015-10-XX", "START") == "early Oct 2015"


def test_published_label_has_one_word_for_no_date() -> None:
    assert published_label("unknown") == published_label(None) == published_label("") == "undated"
    assert published_label("2015-11") == "2015-11"
