"""Publication dates read from the text: each rule, with the value and basis written by hand."""

from __future__ import annotations

import pytest

from store.corpus.pubdate import find_dates, infer_published
from store.models import BODY, BOILERPLATE, Passage
from tests.paths import SEEDS


def test_weekday_date_line_under_title() -> None:
    text = "Wednesday, 17 September 2014\n\nHow Real is the Threat?\n\nBy A. Writer\n\nBody text."
    value, precision, basis = infer_published(text, [])
    assert (value, precision) == ("2014-09-17", "day")
    assert "Wednesday, 17 September 2014" in basis


def test_bold_month_line_gives_month_precision() -> None:
    text = "# A Paper\n\n **COUNCIL**  \nON AFFAIRS\n\n**October 2015**\n\n## Contents\n\nText in 2013."
    assert infer_published(text, [])[:2] == ("2015-10", "month")


def test_published_label_wins_over_a_date_line() -> None:
    text = "Title\n\nMonday, 3 March 2014\n\nPublished: June 5, 2016\n\nBody."
    value, precision, basis = infer_published(text, [])
    assert (value, precision) == ("2016-06-05", "day")
    assert basis == "labelled line 'Published: June 5, 2016'"


def test_posted_on_label_at_the_end() -> None:
    body = "A long body paragraph that mentions 2011 only as history. " * 40
    text = f"Title\n\n{body}\n\nPosted on 12 March 2015 by admin\n"
    assert infer_published(text, [])[:2] == ("2015-03-12", "day")


def test_updated_is_used_only_without_published() -> None:
    text = "Title\n\nUpdated: 2016-07-02\n\nPublished: 2016-07-01\n\nBody."
    assert infer_published(text, [])[0] == "2016-07-01"
    assert infer_published("Title\n\nUpdated: 2016-07-02\n\nBody.", [])[0] == "2016-07-02"


def test_issue_note_in_byline_reads_month_first() -> None:
    text = "A Title\n\nBy John Smith (09/17/2014 issue of the Analyst)\n\nIn 2011 a group emerged."
    value, precision, basis = infer_published(text, [])
    assert (value, precision) == ("2014-09-17", "day")
    assert basis == "byline 'By John Smith (09/17/2014 issue of the Analyst)'"


def test_news_dateline_with_year() -> None:
    text = "Blast in capital\n\nASTANA, June 5, 2016 (Reuters) -- Gunmen attacked a shop."
    value, precision, basis = infer_published(text, [])
    assert (value, precision) == ("2016-06-05", "day")
    assert basis.startswith("dateline 'ASTANA, June 5, 2016 (Reuters)")


def test_news_dateline_without_year_takes_the_latest_year_and_says_so() -> None:
    text = (
        "Blast in capital\n\nASTANA, June 5 (Reuters) -- Gunmen attacked a shop. It was the worst "
        "attack since a bombing in October 2015, police said."
    )
    value, precision, basis = infer_published(text, [])
    assert (value, precision) == ("2015-06-05", "day")
    assert "year from the latest date in the text 'October 2015'" in basis


def test_dateline_without_any_year_in_the_text_is_unknown() -> None:
    text = "Blast\n\nASTANA, June 5 (Reuters) -- Gunmen attacked a shop, police said."
    assert infer_published(text, [])[:2] == ("unknown", "unknown")


def test_this_year_cue_beside_the_latest_date_gives_the_year() -> None:
    text = (
        "Report\n\nPolice made arrests in August and October of 2016. Attacks earlier this year "
        "worried officials.\n\nIn 2011 a suicide bombing shook the city."
    )
    value, precision, basis = infer_published(text, [])
    assert (value, precision) == ("2016", "year")
    assert basis == "latest date in the text 'October of 2016' with 'earlier this year' beside it"


def test_future_plans_do_not_count_as_the_latest_date() -> None:
    text = (
        "Report\n\nArrests were made in March 2016, and this year has been tense. The army plans "
        "to host drills in October 2017."
    )
    assert infer_published(text, [])[:2] == ("2016", "year")


def test_cue_far_from_the_year_gives_unknown_with_a_lower_bound() -> None:
    text = (
        "Report\n\nA court ruled in December 2014.\n\nLast month, another court blocked a site. "
        "Earlier this month the president visited."
    )
    value, precision, basis = infer_published(text, [])
    assert (value, precision) == ("unknown", "unknown")
    assert (
        basis == "no dateline; the latest date in the text, 'December 2014', is only a lower bound"
    )


def test_no_date_at_all_is_unknown() -> None:
    assert infer_published("Title\n\nNothing dated here at all.", []) == ("unknown",) * 3


def test_boilerplate_passages_are_not_read_for_body_dates() -> None:
    body = "Officials met in May 2015 and this year has seen more arrests."
    side = "Staff Publications: Kazakhstan's Crisis, March 30, 2023."
    text = f"Title\n\n{body}\n\n{side}"
    passages = [
        Passage("x.txt", 0, 0, 5, "heading"),
        Passage("x.txt", 1, 7, 7 + len(body), BODY),
        Passage("x.txt", 2, 9 + len(body), len(text), BOILERPLATE),
    ]
    assert infer_published(text, passages)[:2] == ("2015", "year")


def test_find_dates_forms_and_offsets() -> None:
    text = "On 5th June 2016, Oct. 2006, June 5, 2016 and 2016-06-05; also 17.09.2014 and in 2013."
    found = [(d.text, d.value, d.precision) for d in find_dates(text)]
    assert found == [
        ("5th June 2016", "2016-06-05", "day"),
        ("Oct. 2006", "2006-10", "month"),
        ("June 5, 2016", "2016-06-05", "day"),
        ("2016-06-05", "2016-06-05", "day"),
        ("17.09.2014", "2014-09-17", "day"),
        ("2013", "2013", "year"),
    ]
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text


def test_impossible_dates_and_citation_years_are_ignored() -> None:
    assert find_dates("January 34, 2022 and (Anon. 2016a) and 1,800 sites") == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("001_c13928596fe0fd3f.txt", ("2014-09-17", "day")),
        ("002_e3382299f196536e.txt", ("2016", "year")),
        ("003_290b001818848b61.txt", ("2015-10", "month")),
        ("000_57b7575e539b8255.txt", ("unknown", "unknown")),
        ("004_349fe4209c07a8ff.txt", ("unknown", "unknown")),
    ],
)
def test_seed_documents(name: str, expected: tuple[str, str]) -> None:
    """Read by hand: 001 has a dateline, 003 a bold month, 002 only 'this year' beside 2016;
    000 and 004 never name the year they were written in."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert infer_published(text, [])[:2] == expected
