"""The per-document strategy (news or narrative, chosen from the text) and narrative time.

Every sentence is invented; expected values are written by hand."""

from __future__ import annotations

from store.timex import tag
from store.timex.calendar import parse_ref
from store.timex.scan import find_candidates_in
from store.timex.strategy import is_narrative
from store.timex.tagger import _select

HISTORY = (
    "The Harbour War began in 1841 when the river towns rose. In 1842 the rebels took Varn; "
    "by 1843 they held the coast. The treaty of 1844 failed, and fighting resumed in 1845. "
    "In 1846 a truce was signed, broken in 1847. The last fort fell in 1848. "
    "On 6 June the fleet sailed. The following spring the army crossed the river. "
    "By 1850 the war had ended."
)
NEWS = (
    "The council met on Friday and voted yesterday to close the old mill, built in 1901. "
    "Last week the mayor said the plan, first drafted in 1975, would cost less than "
    "it did in 1988. In March the works begin."
)


def _narrative(text: str, dct: str | None) -> bool:
    cands = _select(find_candidates_in(text, [(0, len(text))])[0])
    return is_narrative(cands, parse_ref(dct))


def test_a_history_reads_as_a_narrative_and_news_as_news() -> None:
    assert _narrative(HISTORY, "2009-12-19")
    assert not _narrative(NEWS, "2013-03-22")


def test_without_a_document_date_every_text_is_a_narrative() -> None:
    assert _narrative(NEWS, None)


def test_a_few_old_years_in_news_do_not_make_it_a_narrative() -> None:
    text = "Friday's vote ended a fight that began in 1953, 1957, 1984, 1995 and 2005. " * 2
    assert not _narrative(text + "Yesterday the mayor resigned.", "2013-03-22")


def test_a_narrative_resolves_yearless_dates_against_the_story() -> None:
    got = {t.text: t.value for t in tag(HISTORY, "2009-12-19")}
    assert got["6 June"] == "1848-06-06"  # the year the story reached, not the download year
    assert got["The following spring"] == "1849-SP"


def test_news_resolves_yearless_dates_against_the_document_date() -> None:
    got = {t.text: t.value for t in tag(NEWS, "2013-03-22")}
    assert got["yesterday"] == "2013-03-21"
    assert got["March"] == "2013-03"


def test_the_strategy_can_still_be_forced() -> None:
    got = {t.text: t.value for t in tag(HISTORY, "2009-12-19", narrative=False)}
    assert got["6 June"] == "2009-06-06"


# --- explicit dates the news-tuned rules missed -------------------------------------------------


def test_years_before_1900_in_running_text() -> None:
    got = dict((t.text, t.value) for t in tag("The canal opened in 1869 and closed by 1712.", None))
    assert got == {"1869": "1869", "1712": "1712"}


def test_years_before_the_common_era() -> None:
    text = (
        "The revolt broke out in 499 BC. In September 480 BC the fleet met; the following year "
        "the war moved north. By ca. 466 BC it was over. In the autumn of 481 BC envoys came. "
        "The 470s BC were calm; the 4th century BC was not."
    )
    got = {t.text: (t.value, t.mod, t.date_begin) for t in tag(text, "2009-12-19")}
    assert got["499 BC"] == ("BC0499", None, None)  # no Gregorian days before 1 AD
    assert got["September 480 BC"][0] == "BC0480-09"
    assert got["the following year"][0] == "BC0479"  # the narrative moves forward: 479 BC
    assert got["ca. 466 BC"][:2] == ("BC0466", "APPROX")
    assert got["the autumn of 481 BC"][0] == "BC0481-FA"
    assert got["The 470s BC"][0] == "BC047"
    assert got["the 4th century BC"][0] == "BC03"


def test_bc_needs_the_era_in_capitals_after_a_number() -> None:
    assert tag("The BC government met 480 delegates in the abc 12 bc room.", None) == []


def test_hyphenated_quarters() -> None:
    got = {
        t.text: t.value
        for t in tag("Third-quarter profit rose; fourth-quarter sales fell.", "1989-11-02")
    }
    assert got == {"Third-quarter": "1989-Q3", "fourth-quarter": "1989-Q4"}


def test_a_yearless_day_just_after_the_document_date_is_the_coming_one() -> None:
    text = "The rights, which were issued last month, expire Nov. 21."
    assert {t.text: t.value for t in tag(text, "1989-11-02")}["Nov. 21"] == "1989-11-21"
    late = "Shares were sold on Dec. 28."  # written in January: the December just gone
    assert {t.text: t.value for t in tag(late, "1990-01-10")}["Dec. 28"] == "1989-12-28"


# --- date words: seasons alone, holidays, year-ago, "recent" ------------------------------------


def test_a_season_alone_takes_the_year_of_its_reference() -> None:
    news = {t.text: t.value for t in tag("Sales slowed during the summer.", "1991-10-02")}
    assert news == {"the summer": "1991-SU"}
    story = "In 1862 the siege began. That winter the city starved; in spring it fell."
    got = {t.text: t.value for t in tag(story, None)}
    assert got["That winter"] == "1862-WI"
    assert got["spring"] == "1862-SP"


def test_seasons_that_are_names_or_verbs_are_not_dates() -> None:
    text = "After the Arab Spring, prices fall; a spring-loaded summer-camp plan."
    assert [t.text for t in tag(text, "2012-05-01")] == []


def test_holidays() -> None:
    text = "They met on Christmas Eve 1914 and again at Easter 1916; New Year's Day was quiet."
    got = {t.text: t.value for t in tag(text, None)}
    assert got["Christmas Eve 1914"] == "1914-12-24"
    assert got["Easter 1916"] == "1916-04-23"  # a moving feast: computed for its year
    assert got["New Year's Day"] == "1916-01-01"  # the year the story is in


def test_year_ago_and_year_earlier() -> None:
    text = "Profit beat the year-ago figure and the year-earlier level."
    got = {t.text: t.value for t in tag(text, "1989-11-02")}
    assert got["year-ago"] == "1988"


def test_recent_before_a_noun_is_the_past() -> None:
    got = {t.text: t.value for t in tag("The recent rally lifted shares.", "1989-11-02")}
    assert got == {"recent": "PAST_REF"}


def test_set_adverbs_are_calendar_patterns() -> None:
    got = {
        t.text: (t.type, t.value)
        for t in tag("It reports daily, pays weekly, meets per month.", None)
    }
    assert got == {
        "daily": ("SET", "XXXX-XX-XX"),
        "weekly": ("SET", "XXXX-WXX"),
        "per month": ("SET", "XXXX-XX"),
    }


# --- extents, ago, durations, spurious -----------------------------------------------------------


def _got(text: str, dct: str | None = "2016-06-08") -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, dct)}


def test_and_a_half_belongs_to_the_duration() -> None:
    assert _got("The blast lasted a minute and a half.") == {
        "a minute and a half": ("DURATION", "PT1.5M")
    }


def test_vague_ago_is_the_past_and_still_points_before_the_writing() -> None:
    [t] = tag("Several years ago the plant closed.", "1998-03-02")
    assert (t.text, t.type, t.value) == ("Several years ago", "DATE", "PAST_REF")
    assert t.date_end == "1998-03-01" and t.date_begin is not None and t.date_begin < "1998"


def test_counted_later_and_earlier_are_dates_from_the_narrative() -> None:
    got = _got(
        "The rebels struck on 3 May 1921. Two days later the town fell; a day earlier a truce failed."
    )
    assert got["Two days later"] == ("DATE", "1921-05-05")
    assert got["a day earlier"] == ("DATE", "1921-05-04")


def test_spans_without_a_count() -> None:
    assert _got("We waited all day; it will take some time.") == {
        "all day": ("DURATION", "P1D"),
        "some time": ("DURATION", "PXX"),
    }


def test_noon_and_midnight_with_a_weekday() -> None:
    got = _got("Talks broke off at noon Thursday. Midnight Friday was the deadline.", "1998-02-13")
    assert got["noon Thursday"] == ("TIME", "1998-02-12T12:00")
    assert got["Midnight Friday"] == ("TIME", "1998-02-13T24:00")


def test_a_fraction_is_no_duration() -> None:
    assert _got("About three-quarters of the voters agreed.") == {}


def test_a_narrative_month_far_behind_the_story_is_the_next_year() -> None:
    got = _got(
        "The siege began in December 1941. In January the city fell; in November it was retaken.",
        None,
    )
    assert got["January"] == ("DATE", "1942-01")
    assert got["November"] == ("DATE", "1942-11")


def test_since_runs_to_the_writers_present_in_a_narrative_too() -> None:
    [since] = [
        t
        for t in tag(HISTORY + " Since 1845 the coast has been quiet.", "2009-12-19")
        if t.text == "Since 1845"
    ]
    assert since.value == "1845/2009-12-19"  # not to 1850, where the story stopped
    assert (since.date_begin, since.date_end) == ("1845-01-01", "2009-12-19")


def test_the_fall_of_a_city_and_holiday_names_are_not_dates() -> None:
    text = "After the fall of Varn, the Easter Rising began; in the fall the rebels left."
    assert [(t.text, t.value) for t in tag(text, "1916-12-01")] == [("the fall", "1916-FA")]


def test_years_spelt_out_as_transcripts_spell_them() -> None:
    text = "In nineteen ninety-six it closed, in January nineteen ninety-seven it reopened, by the year two thousand it was gone; two thousand people came."
    got = [(t.text, t.value) for t in tag(text, "1998-03-02")]
    assert got == [
        ("nineteen ninety-six", "1996"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the year two thousand", "2000"),
    ]


def test_the_latest_quarter_is_the_last_one_completed() -> None:
    got = {t.text: t.value for t in tag("Profit rose in the latest quarter.", "1989-11-02")}
    assert got == {"the latest quarter": "1989-Q3"}


def test_bc_ranges_write_the_era_once() -> None:
    text = (
        "The revolt lasted from 499 to 493 BC; the war (499-493 BC) ended between 480 and 479 BC."
    )
    got = {t.text: [p.value for p in t.parts] for t in tag(text, None)}
    assert got == {
        "from 499 to 493 BC": ["BC0499", "BC0493"],
        "499-493 BC": ["BC0499", "BC0493"],
        "between 480 and 479 BC": ["BC0480", "BC0479"],
    }


def test_a_year_heading_a_line_is_a_year() -> None:
    text = "The surge\n2007: The troops arrive\n## 1944 - The landings\nRoom 2000 - keep out"
    assert [(t.text, t.value) for t in tag(text, None)] == [("2007", "2007"), ("1944", "1944")]


def test_the_windowed_scan_finds_what_a_full_scan_finds_for_the_new_phrases() -> None:
    from store.timex.scan import find_candidates

    text = (
        "Is the word reliable these days? Violence grew over the following days. By the year "
        "two thousand and in September nineteen ninety-nine, the summer was hot; all day long "
        "for some time, recently, 480-479 BC, Christmas 1914, the latest quarter, year-ago."
    )

    def key(c: object) -> tuple[object, ...]:
        return (c.start, c.end, c.type, c.value)  # type: ignore[attr-defined]

    fast = sorted(map(key, find_candidates(text, 0, len(text))))
    slow = sorted(map(key, find_candidates(text, 0, len(text), full=True)))
    assert fast == slow


def test_a_clock_time_takes_the_day_that_follows_it() -> None:
    text = "The convoy left in 1998. At 5:34 AM local time on March 20, 2003 the crossing began."
    got = {t.text: t.value for t in tag(text, "2009-12-19")}
    assert got["5:34 AM local time"] == "2003-03-20T05:34"  # not a time of a 1998 day
    assert {t.text: t.value for t in tag("At 8 pm the gates closed.", "2009-12-19")} == {
        "8 pm": "2009-12-19T20"
    }
