"""The temporal tagger: every kind of expression, each resolution rule, ranges, modifiers,
durations, sets and the numbers that are not dates. Expected values are written by hand."""

from __future__ import annotations

import pytest

from store.errors import DossierError
from store.timex import Timex, tag
from tests.paths import SEEDS


def find(text: str, dct: str | None, surface: str, **kw: object) -> Timex:
    """The one timex whose text is `surface`."""
    hits = [t for t in tag(text, dct, **kw) if t.text == surface]  # type: ignore[arg-type]
    assert len(hits) == 1, [(t.text, t.value) for t in tag(text, dct, **kw)]  # type: ignore[arg-type]
    return hits[0]


def values(text: str, dct: str | None = "2016-06-05", **kw: object) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct, **kw)]  # type: ignore[arg-type]


# --- explicit dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision", "begin", "end"),
    [
        (
            "On June 5, 2016, militants attacked.",
            "June 5, 2016",
            "2016-06-05",
            "day",
            "2016-06-05",
            "2016-06-05",
        ),
        (
            "Published Wednesday, 17 September 2014 here.",
            "Wednesday, 17 September 2014",
            "2014-09-17",
            "day",
            "2014-09-17",
            "2014-09-17",
        ),
        (
            "It happened in December 2014 in Moscow.",
            "December 2014",
            "2014-12",
            "month",
            "2014-12-01",
            "2014-12-31",
        ),
        (
            "It rose in Oct. 2006 sharply.",
            "Oct. 2006",
            "2006-10",
            "month",
            "2006-10-01",
            "2006-10-31",
        ),
        (
            "Signed on July 10<sup>th</sup> 2015 by all.",
            "July 10<sup>th</sup> 2015",
            "2015-07-10",
            "day",
            "2015-07-10",
            "2015-07-10",
        ),
        (
            "Signed on 30<sup>th</sup> July 2015 by all.",
            "30<sup>th</sup> July 2015",
            "2015-07-30",
            "day",
            "2015-07-30",
            "2015-07-30",
        ),
        (
            "The 8th July 2015 donation.",
            "8th July 2015",
            "2015-07-08",
            "day",
            "2015-07-08",
            "2015-07-08",
        ),
        (
            "(09/17/2014 issue of the Analyst)",
            "09/17/2014",
            "2014-09-17",
            "day",
            "2014-09-17",
            "2014-09-17",
        ),
        (
            "in force from 01.02.2015 onwards",
            "01.02.2015",
            "2015-02-01",
            "day",
            "2015-02-01",
            "2015-02-01",
        ),
        (
            "Screenshot 2023-05-08 at noon",
            "2023-05-08",
            "2023-05-08",
            "day",
            "2023-05-08",
            "2023-05-08",
        ),
        ("Founded in 2007 to assist.", "2007", "2007", "year", "2007-01-01", "2007-12-31"),
        (
            "the summer of 2012 was hot",
            "the summer of 2012",
            "2012-SU",
            "season",
            "2012-06-01",
            "2012-08-31",
        ),
        (
            "profits in the first quarter of 2013 fell",
            "the first quarter of 2013",
            "2013-Q1",
            "quarter",
            "2013-01-01",
            "2013-03-31",
        ),
        (
            "the 20th century was violent",
            "the 20th century",
            "19",
            "century",
            "1900-01-01",
            "1999-12-31",
        ),
    ],
)
def test_explicit_dates(
    text: str, surface: str, value: str, precision: str, begin: str, end: str
) -> None:
    t = find(text, "2016-06-05", surface)
    assert (t.type, t.value, t.precision, t.date_begin, t.date_end) == (
        "DATE",
        value,
        precision,
        begin,
        end,
    )
    assert t.relative is False


def test_offsets_point_at_the_text() -> None:
    text = "Kazakhstan designated IS in November 2014, and again on June 4."
    got = tag(text, "2015-11-02")
    assert [(t.text, t.value) for t in got] == [
        ("November 2014", "2014-11"),
        ("June 4", "2015-06-04"),
    ]
    for t in got:
        assert text[t.start : t.end] == t.text


def test_nine_eleven_is_the_attack_date() -> None:
    t = find("the period after the 9/11 attacks", "2014-09-17", "9/11")
    assert (t.value, t.date_begin) == ("2001-09-11", "2001-09-11")


def test_decades_and_their_modifier() -> None:
    late = find("attacks in the late 1990's, countless examples", "2015-10", "the late 1990's")
    assert (late.value, late.mod, late.precision) == ("199", "END", "decade")
    # the late third of the decade, as documented in docs/timex.md
    assert (late.date_begin, late.date_end) == ("1997-01-01", "1999-12-31")
    plain = find("a low-priority area in the 1990s.", "2015-10", "the 1990s")
    assert (plain.value, plain.mod, plain.date_begin, plain.date_end) == (
        "199",
        None,
        "1990-01-01",
        "1999-12-31",
    )


# --- underspecified dates: year from the document date and tense -----------------------------


def test_month_and_day_take_the_document_year() -> None:
    t = find("On June 4, the deputy prosecutor said", "2014-09-17", "June 4")
    assert (t.value, t.relative) == ("2014-06-04", True)


def test_past_tense_month_after_the_dct_is_last_year() -> None:
    # news written in March 2013 about something that happened "in October": October 2012
    t = find("BP agreed to sell its stake in October for cash.", "2013-03-22", "October")
    assert t.value == "2012-10"


def test_future_tense_month_is_this_or_next_year() -> None:
    assert find("The book will be published in May.", "2013-03-22", "May").value == "2013-05"
    assert find("The talks will resume in February.", "2013-03-22", "February").value == ("2014-02")


def test_unresolvable_without_a_reference() -> None:
    t = find("the attack on June 4 shocked", None, "June 4")
    assert (t.value, t.date_begin, t.precision) == ("XXXX-06-04", None, None)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Russia's court followed suit in March, ruling", "March", "2015-03"),
        ("He said on Friday that", "Friday", "2015-11-06"),  # dct is a Friday: that day
        ("She died on Wednesday after", "Wednesday", "2015-11-04"),
        ("The match was postponed until Saturday", "Saturday", "2015-11-07"),
        ("A court ruled last Friday", "last Friday", "2015-10-30"),
        ("the vote next Monday", "next Monday", "2015-11-09"),
    ],
)
def test_weekdays_and_months_by_tense(text: str, surface: str, value: str) -> None:
    assert find(text, "2015-11-06", surface).value == value


def test_a_capitalised_name_is_not_a_month() -> None:
    assert values("Prime Minister Theresa May said so.", "2016-06-05") == []
    assert values("You may go.", "2016-06-05") == []


# --- relative expressions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "begin", "end"),
    [
        (
            "Last month, a court in Astana ruled",
            "Last month",
            "2015-10",
            "2015-10-01",
            "2015-10-31",
        ),
        ("it will rise this year", "this year", "2015", "2015-01-01", "2015-12-31"),
        ("It grew next year", "next year", "2016", "2016-01-01", "2016-12-31"),
        ("He left last summer", "last summer", "2015-SU", "2015-06-01", "2015-08-31"),
        ("It was said this week", "this week", "2015-W45", "2015-11-02", "2015-11-08"),
        ("He came yesterday", "yesterday", "2015-11-05", "2015-11-05", "2015-11-05"),
        ("resisted an order four years ago.", "four years ago", "2011", "2011-01-01", "2011-12-31"),
        ("lost his bid last May and", "last May", "2015-05", "2015-05-01", "2015-05-31"),
        (
            "visited earlier this month, Putin",
            "earlier this month",
            "2015-11",
            "2015-11-01",
            "2015-11-06",
        ),
    ],
)
def test_deictic_expressions_use_the_document_date(
    text: str, surface: str, value: str, begin: str, end: str
) -> None:
    t = find(text, "2015-11-06", surface)
    assert (t.value, t.date_begin, t.date_end, t.relative) == (value, begin, end, True)


def test_earlier_this_year_ends_at_the_reference_day() -> None:
    t = find("Earlier this year, the office announced", "2014-09-17", "Earlier this year")
    assert (t.value, t.date_begin, t.date_end) == ("2014", "2014-01-01", "2014-09-17")


def test_at_the_time_of_writing_is_the_reference_date() -> None:
    t = find("At the time of writing, barely six months", "2015-10", "At the time of writing")
    assert (t.value, t.date_begin, t.date_end, t.relative) == (
        "2015-10",
        "2015-10-01",
        "2015-10-31",
        True,
    )


def test_refs() -> None:
    got = values("Now it is here; recently it grew; in the past it did not; in the future.")
    assert got == [
        ("Now", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("the future", "FUTURE_REF"),
    ]


def test_anaphoric_expressions_follow_the_narrative() -> None:
    text = (
        "On June 5, 2016, militants attacked gun shops. A month later, on July 18, a lone "
        "actor struck. The following year the law changed. That day was quiet."
    )
    got = dict(values(text, "2016-12-01"))
    assert got["A month later"] == "2016-07"
    assert got["July 18"] == "2016-07-18"
    assert got["The following year"] == "2017"
    assert got["That day"] == "2017-XX-XX"  # the narrative is at year precision by then


def test_two_months_later_counts_from_the_last_explicit_date() -> None:
    text = "In June 2012, officials met in Ashgabat. Two months later, drills began."
    assert dict(values(text, "2014-09-17"))["Two months later"] == "2012-08"


def test_a_modifier_year_does_not_move_the_narrative() -> None:
    text = (
        "On June 5, 2016, men attacked, the worst since a 2011 suicide bombing. "
        "A month later, police struck."
    )
    assert dict(values(text, "2016-12-01"))["A month later"] == "2016-07"


def test_news_versus_narrative_strategy() -> None:
    text = "In March 2009 the plant closed. Last month it reopened."
    assert dict(values(text, "2013-03-22"))["Last month"] == "2013-02"
    assert dict(values(text, "2013-03-22", narrative=True))["Last month"] == "2009-02"


def test_without_document_date_the_narrative_is_the_reference() -> None:
    text = "The attack came on 5 June 2016. On June 20 the minister spoke."
    assert dict(values(text, None))["June 20"] == "2016-06-20"


def test_days_before_points_at_the_days_before_the_narrative() -> None:
    text = "Russia timed it to the November 2 visit. Days before Kerry's tour, Russia said."
    t = find(text, "2015-11", "Days")
    assert (t.type, t.value, t.mod) == ("DURATION", "PXD", "BEFORE")
    assert (t.date_begin, t.date_end) == ("2015-10-24", "2015-11-01")


def test_the_end_of_the_year_is_the_narrative_year() -> None:
    text = "The season started in early December and peaked by the end of the year."
    got = {t.text: t for t in tag(text, "2013-03-22")}
    assert (got["early December"].value, got["early December"].mod) == ("2012-12", "START")
    end = got["the end of the year"]
    assert (end.value, end.mod, end.date_begin, end.date_end) == (
        "2012",
        "END",
        "2012-09-01",
        "2012-12-31",
    )


# --- modifiers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod", "begin", "end"),
    [
        (
            "In mid-August, officers detained",
            "mid-August",
            "2014-08",
            "MID",
            "2014-08-11",
            "2014-08-20",
        ),
        (
            "in early October the chairman met",
            "early October",
            "2013-10",
            "START",
            "2013-10-01",
            "2013-10-10",
        ),  # past tense, after the dct's month: last year's October
        ("surgery in early 2011.", "early 2011", "2011", "START", "2011-01-01", "2011-04-30"),
        ("by late 2013 it was over", "late 2013", "2013", "END", "2013-09-01", "2013-12-31"),
        (
            "missing off the beach late last July by",
            "late last July",
            "2014-07",
            "END",
            "2014-07-21",
            "2014-07-31",
        ),
    ],
)
def test_date_modifiers(
    text: str, surface: str, value: str, mod: str, begin: str, end: str
) -> None:
    t = find(text, "2014-09-17", surface)
    assert (t.value, t.mod, t.date_begin, t.date_end) == (value, mod, begin, end)


def test_before_after_and_approximate_modifiers() -> None:
    assert find("threats of the post-2014 scenario", "2015-10", "2014").mod == "AFTER"
    assert find("It was built before 2010 in", "2015-10", "2010").mod == "BEFORE"
    almost = find("a post he had held for almost seven years.", "2013-03-21", "almost seven years")
    assert (almost.value, almost.mod) == ("P7Y", "LESS_THAN")
    more = find("just over a week before the start", "2013-03-22", "a week")
    assert (more.value, more.mod) == ("P1W", "MORE_THAN")
    about = find("It started about six years ago.", "2013-03-21", "about six years ago")
    assert (about.value, about.mod) == ("2007", "APPROX")


# --- ranges ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "begin", "end", "parts"),
    [
        (
            "for the period January-April 2014, 57 cases",
            "January-April 2014",
            "2014-01/2014-04",
            "2014-01-01",
            "2014-04-30",
            [("January", "2014-01"), ("April 2014", "2014-04")],
        ),
        (
            "said that between January and September 2012, sites",
            "between January and September 2012",
            "2012-01/2012-09",
            "2012-01-01",
            "2012-09-30",
            [("January", "2012-01"), ("September 2012", "2012-09")],
        ),
        (
            "On February 11-12, 2014, the heads",
            "February 11-12, 2014",
            "2014-02-11/2014-02-12",
            "2014-02-11",
            "2014-02-12",
            [("February 11", "2014-02-11"), ("12, 2014", "2014-02-12")],
        ),
        (
            "in Inner Mongolia on August 24-29 2014.",
            "August 24-29 2014",
            "2014-08-24/2014-08-29",
            "2014-08-24",
            "2014-08-29",
            [("August 24", "2014-08-24"), ("29 2014", "2014-08-29")],
        ),
        (
            "a series of incidents in 2011 - 2012 shook",
            "2011 - 2012",
            "2011/2012",
            "2011-01-01",
            "2012-12-31",
            [("2011", "2011"), ("2012", "2012")],
        ),
        (
            "for the 2011/2012 season",
            "2011/2012",
            "2011/2012",
            "2011-01-01",
            "2012-12-31",
            [("2011", "2011"), ("2012", "2012")],
        ),
        (
            "incidents between 2011 and 2012 rose",
            "between 2011 and 2012",
            "2011/2012",
            "2011-01-01",
            "2012-12-31",
            [("2011", "2011"), ("2012", "2012")],
        ),
        (
            "a plan from 2013 to 2017 for",
            "from 2013 to 2017",
            "2013/2017",
            "2013-01-01",
            "2017-12-31",
            [("2013", "2013"), ("2017", "2017")],
        ),
        (
            "the expedition of 1957-58 crossed",
            "1957-58",
            "1957/1958",
            "1957-01-01",
            "1958-12-31",
            [("1957", "1957"), ("58", "1958")],
        ),
    ],
)
def test_ranges_keep_both_ends(
    text: str, surface: str, value: str, begin: str, end: str, parts: list[tuple[str, str]]
) -> None:
    t = find(text, "2014-09-17", surface)
    assert (t.type, t.value, t.date_begin, t.date_end) == ("DATE", value, begin, end)
    assert [(p.text, p.value) for p in t.parts] == parts


def test_between_days_of_one_month() -> None:
    t = find(
        "arrests, made between August 12 and 30, of 21 people", "2016", "between August 12 and 30"
    )
    assert (t.value, t.date_begin, t.date_end) == (
        "2016-08-12/2016-08-30",
        "2016-08-12",
        "2016-08-30",
    )
    assert [p.text for p in t.parts] == ["August 12", "30"]


def test_since_runs_to_the_reference_date() -> None:
    t = find("it had since 2011 closed sites", "2014-09-17", "since 2011")
    assert (t.value, t.date_begin, t.date_end) == ("2011/2014-09-17", "2011-01-01", "2014-09-17")
    assert [(p.text, p.value) for p in t.parts] == [("2011", "2011")]


def test_coordinated_months_are_two_dates_not_a_range() -> None:
    got = values("attacks in both August and October of 2016 (Anon)", "2016")
    assert got == [("August", "2016-08"), ("October of 2016", "2016-10")]


# --- durations and sets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("In the 23 years since independence", "the 23 years", "P23Y"),
        ("The experimental three-week course", "three-week", "P3W"),
        ("two six-year terms in office", "six-year", "P6Y"),
        ("crimes over the past several years were", "the past several years", "PXY"),
        ("nine arrests over the next few days.", "the next few days", "PXD"),
        ("Over the past months, Kazakhstan", "the past months", "PXM"),
        ("in recent weeks he was", "recent weeks", "PXW"),
        ("blocked for years. But", "years", "PXY"),
        ("sentenced to 90 days in jail", "90 days", "P90D"),
        ("sworn in for a mere 24 hours", "a mere 24 hours", "PT24H"),
        ("finishing in 3:07:35. That", "3:07:35", "PT3H7M35S"),
        ("over the next decade. China", "the next decade", "P10Y"),
    ],
)
def test_durations(text: str, surface: str, value: str) -> None:
    t = find(text, "2016-06-05", surface)
    assert (t.type, t.value, t.precision, t.date_begin) == ("DURATION", value, None, None)


def test_durations_in_a_pair_share_the_unit() -> None:
    assert values("could take between 12 and 18 months to complete") == [
        ("12", "P12M"),
        ("18 months", "P18M"),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It meets every year in", "every year", "P1Y"),
        ("It meets every three years in", "every three years", "P3Y"),
        ("The Analyst is a biweekly publication", "biweekly", "P2W"),
        ("dispenses billions of dollars annually throughout", "annually", "XXXX"),
        ("she checked for smog every morning after", "every morning", "XXXX-XX-XXTMO"),
        ("they meet twice a year in", "twice a year", "P1Y"),
        ("Protests on Fridays are common", "Fridays", "XXXX-WXX-5"),
    ],
)
def test_sets(text: str, surface: str, value: str) -> None:
    t = find(text, "2016-06-05", surface)
    assert (t.type, t.value) == ("SET", value)


def test_a_newspaper_name_is_not_a_set() -> None:
    assert values("as the Daily Mail reported") == []


# --- times ---------------------------------------------------------------------------------------


def test_times_of_day() -> None:
    t = find("postponed until 15:00 GMT Saturday due to snow", "2013-03-22", "15:00 GMT Saturday")
    assert (t.type, t.value, t.date_begin) == ("TIME", "2013-03-23T15:00", "2013-03-23")
    t = find("Before departing on Friday afternoon, he said", "2013-03-22", "Friday afternoon")
    assert (t.type, t.value) == ("TIME", "2013-03-22TAF")


# --- numbers that are not dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Some 150,000 people marched.",
        "The deal was worth €1.14bn in total.",
        "Article 233 of the criminal code applies.",
        "The army sent 7,000 troops.",
        "He scored 2015 points in his career.",
        "Room 1999 was locked.",
        "the 15th Shanghai summit met",
        "Peace Mission 2014 was the first",
        "The population rose by 2000 people.",
        "They paid for 2000 tonnes of grain.",
        "a crowd of about 2000 people gathered",
        "See www.example.com/2015/07/nazarbayev-attends for more.",
        "http://gov.kz/j/ct/rls/crt/2014/239408",
        "a ratio of 3/4 of the vote",
    ],
)
def test_bare_numbers_are_not_dates(text: str) -> None:
    assert values(text) == []


def test_ordinal_day_alone_takes_the_reference_month() -> None:
    t = find("The decision came on the 10th, officials said.", "2016-06-25", "the 10th")
    assert (t.value, t.relative) == ("2016-06-10", True)


# --- spans, errors ---------------------------------------------------------------------------------


def test_spans_restrict_tagging_but_keep_offsets() -> None:
    text = "Header 1 June 2015.\nBody: the court ruled on 5 June 2016.\n[cited 29 July 2015]"
    body = (text.index("Body"), text.index("\n[cited"))
    got = tag(text, "2016-07-01", spans=[body])
    assert [(t.text, t.value) for t in got] == [("5 June 2016", "2016-06-05")]
    assert text[got[0].start : got[0].end] == "5 June 2016"


def test_bad_document_date_is_a_dossier_error() -> None:
    with pytest.raises(DossierError, match="2016-13-01"):
        tag("in May", "2016-13-01")
    with pytest.raises(DossierError, match="June 2016"):
        tag("in May", "June 2016")


def test_timex_is_frozen() -> None:
    t = tag("in 2014 and", None)[0]
    with pytest.raises(AttributeError):
        t.value = "2015"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "surface", "value", "begin", "end"),
    [
        (
            "a summit in the current century that",
            "the current century",
            "20",
            "2000-01-01",
            "2099-12-31",
        ),
        ("attacks in the nineties were", "the nineties", "199", "1990-01-01", "1999-12-31"),
        ("the early 1990s saw", "the early 1990s", "199", "1990-01-01", "1992-12-31"),
        ("results for Q1 2013 were", "Q1 2013", "2013-Q1", "2013-01-01", "2013-03-31"),
        (
            "in the second half of last year prices",
            "the second half of last year",
            "2014-H2",
            "2014-07-01",
            "2014-12-31",
        ),
    ],
)
def test_coarse_periods(text: str, surface: str, value: str, begin: str, end: str) -> None:
    t = find(text, "2015-07-30", surface)
    assert (t.value, t.date_begin, t.date_end) == (value, begin, end)


def test_windowed_scan_finds_what_a_full_scan_finds() -> None:
    """The speed-up (patterns run only near their key words) must not change any match."""

    from store.timex.scan import find_candidates

    seeds = SEEDS
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    assert texts, f"no seed documents in {seeds}"
    texts.append(
        "On Wednesday, the 17th - 18th of September, 2014, and between 12 and 18 "
        "months later, at 3:05 p.m. local time on Friday, the twenty-first century, "
        "the past several years, every other week, twice a year, the late 1990's."
    )
    for text in texts:

        def key(c: object) -> tuple[object, ...]:
            return (c.start, c.end, c.type, c.kind, repr((c.value, c.y, c.m, c.d)))  # type: ignore[attr-defined]

        fast = sorted(map(key, find_candidates(text, 0, len(text))))
        slow = sorted(map(key, find_candidates(text, 0, len(text), full=True)))
        assert slow, "every text compared holds dates: two empty scans would prove nothing"
        assert fast == slow


def test_a_month_with_a_day_after_a_place_name_is_a_date() -> None:
    t = find("met the premier in Aktobe June 15, and", "2016-07-01", "June 15")
    assert t.value == "2016-06-15"


def test_a_year_within_a_period_word() -> None:
    assert find("growth is being observed within 2016 in", "2016", "2016").value == "2016"


def test_since_without_any_reference_leaves_the_days_unknown() -> None:
    t = find("They have gone to Syria since 2011.", None, "since 2011")
    assert (t.value, t.date_begin, t.date_end) == ("2011/PRESENT_REF", None, None)
    assert t.parts[0].date_begin == "2011-01-01"


def test_a_backwards_year_pair_is_not_a_range() -> None:
    assert values("a plan from 2017 to 2013 for", "2016") == [("2017", "2017")]
    t = find("from 5 June 2016 to 3 June 2016", "2016", "from 5 June 2016 to 3 June 2016")
    assert (t.date_begin, t.date_end) == ("2016-06-03", "2016-06-05")


def test_dates_inside_urls_of_any_country_domain_are_not_tagged() -> None:
    """No list of favoured domains: a two-letter country ending is a domain like any other."""
    text = "See lemonde.fr/archive/2016-06-05-story and kyivpost.ua/news/2014-08-01 for the June 2016 report."
    values = [t.value for t in tag(text, "2016-07-01")]
    assert values == ["2016-06"]


def test_a_named_place_time_zone_after_a_clock_time() -> None:
    found = tag("The blast came at 10:30 Kyiv time on 5 May 2014.", "2014-05-06")
    assert [t.text for t in found][:1] == ["10:30 Kyiv time"]
