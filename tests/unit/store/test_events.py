"""The chronology's text and clustering rules on their own, with hand-written expectations."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
import yaml

from store.build import build
from store.events.cluster import Profile, assign_clusters, same_happening, tokens
from store.events.text import (
    is_anaphor,
    is_citation_date,
    is_definite_modifier,
    split_clauses,
    summarize,
)
from store.models import Event
from store.storage.db import Store
from tests.paths import DATA


def _at(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def _cited(sentence: str, date: str) -> bool:
    return is_citation_date(sentence, 0, len(sentence), *_at(sentence, date))


def test_access_and_cited_dates_are_citation_metadata() -> None:
    assert _cited("The report (accessed 1 March 2019) says so.", "1 March 2019")
    assert _cited("Tengrinews. 2015 [cited 29 July 2015]. Available from: x", "29 July 2015")
    assert _cited("See the list, last visited on 3 May 2020.", "3 May 2020")
    assert _cited("Posted at https://example.org/news/2019/03/02/floods.html today.", "2019/03/02")


def test_author_year_citation_is_metadata_but_a_real_parenthesis_is_not() -> None:
    sentence = "Arrests were made in October of 2016 (Anon. 2016a; Anon. 2016d)."
    assert _cited(sentence, "2016a")
    assert not _cited(sentence, "October of 2016")
    assert not _cited("The ruling (issued in May 2015) was published.", "May 2015")


def test_reference_entry_in_the_body_is_metadata() -> None:
    line = "Anonymous (2016c) “Gunmen attack gun shops in Aktobe”, BBC, 5 June."
    assert _cited(line, "5 June")


def test_year_inside_a_short_quoted_name_names_rather_than_dates() -> None:
    assert _cited("the sixth, code-named “Peace Mission 2014” was held", "2014")
    assert not _cited('He said "the attack in 2014 changed everything for the city".', "2014")


def test_back_references() -> None:
    assert is_anaphor("On that day")
    assert is_anaphor("The same day")
    assert is_anaphor("that year")
    assert not is_anaphor("June 5")
    assert not is_anaphor("the next day")


def test_definite_modifier() -> None:
    text = "Aktobe Province, site of the June 5 atrocity, lies west. On June 5 gunmen came."
    assert is_definite_modifier(text, *_at(text, "June 5 atrocity")[:1], _at(text, "June 5")[1])
    second = text.index("June 5", text.index("On June"))
    assert not is_definite_modifier(text, second, second + 6)


def test_clause_split_at_the_last_comma_between_anchors() -> None:
    text = "On August 31, the NSC made public arrests, made between August 12 and 30, of 21 people."
    spans = split_clauses(
        text, 0, len(text), [_at(text, "August 31"), _at(text, "August 12 and 30")]
    )
    assert [text[s:e] for s, e in spans] == [
        "On August 31, the NSC made public arrests",
        "made between August 12 and 30, of 21 people.",
    ]


def test_clause_split_prefers_a_conjunction_and_keeps_order_of_anchors() -> None:
    text = "The levees were proposed in the spring of 2017, and work was planned from 2018 to 2020."
    spans = split_clauses(
        text, 0, len(text), [_at(text, "2018 to 2020"), _at(text, "the spring of 2017")]
    )
    assert [text[s:e] for s, e in spans] == [
        "work was planned from 2018 to 2020.",
        "The levees were proposed in the spring of 2017",
    ]


def test_no_boundary_keeps_the_whole_sentence_for_both_anchors() -> None:
    text = "Police made arrests in both August and October of 2016 (Anon. 2016a)."
    spans = split_clauses(text, 0, len(text), [_at(text, "August"), _at(text, "October of 2016")])
    assert spans == [(0, len(text)), (0, len(text))]


def test_a_fronted_phrase_is_not_a_clause_of_its_own() -> None:
    text = "Earlier this year, the office announced that since 2011 it had monitored sites."
    spans = split_clauses(
        text, 0, len(text), [_at(text, "Earlier this year"), _at(text, "since 2011")]
    )
    assert spans == [(0, len(text)), (0, len(text))]


def test_a_clause_opening_with_who_keeps_what_it_refers_to() -> None:
    text = (
        "During a visit in March, the minister -- who has led the ministry since 2012 -- "
        "promised new border posts."
    )
    spans = split_clauses(text, 0, len(text), [_at(text, "March"), _at(text, "since 2012")])
    assert [text[s:e] for s, e in spans] == [
        "During a visit in March, the minister",
        "the minister -- who has led the ministry since 2012 -- promised new border posts.",
    ]


def test_summary_drops_footnotes_markup_citations_and_dateline() -> None:
    assert summarize("Terrorism is the “plague” of the 21<sup>st</sup> century<sup>2</sup>.") == (
        "Terrorism is the “plague” of the 21st century."
    )
    assert (
        summarize("**Kazakhstan** *banned* a video [3] (Anon. 2016a).")
        == "Kazakhstan banned a video."
    )
    assert summarize("ASTANA -- ISIL instigated the massacre.") == "ISIL instigated the massacre."
    assert summarize("made between August 12 and 30") == "Made between August 12 and 30"


def test_summary_is_cut_at_a_word_with_an_ellipsis() -> None:
    long = "word " * 100
    cut = summarize(long, limit=40)
    assert cut.endswith("…") and len(cut) <= 40 and "wor…" not in cut


def test_tokens_read_number_words_as_digits_and_spot_names() -> None:
    words, names = tokens("Gunmen attacked a base in Aktobe, killing seven people in 2016.")
    assert {"gunmen", "attack", "base", "aktobe", "kill", "7", "people"} <= words
    assert "2016" not in words
    assert names == {"aktobe"}


def _p(key: str, file: str, begin: str, end: str, precision: str, text: str) -> Profile:
    words, names = tokens(text)
    return Profile(key, file, begin, end, precision, words, names)


ATTACK_A = "Militants launched an attack on military targets in Aktobe, resulting in seven deaths."
ATTACK_B = "Gunmen attacked two gun stores and a military base in Aktobe, killing seven."


def test_same_day_same_place_and_wording_is_one_happening() -> None:
    a = _p("a:1", "a.txt", "2016-06-05", "2016-06-05", "day", ATTACK_A)
    b = _p("b:9", "b.txt", "2016-06-05", "2016-06-05", "day", ATTACK_B)
    assert same_happening(a, b) >= 3
    assert assign_clusters([b, a]) == {"a:1": "a:1", "b:9": "a:1"}


def test_month_precision_or_a_series_stays_apart_from_a_day() -> None:
    day = _p("a:1", "a.txt", "2016-06-05", "2016-06-05", "day", ATTACK_A)
    month = _p("b:2", "b.txt", "2016-06-01", "2016-06-30", "month", ATTACK_B)
    series = _p("c:3", "c.txt", "2016-06-01", "2016-06-20", "day", ATTACK_B)
    assert same_happening(day, month) == 0
    assert same_happening(day, series) == 0
    assert assign_clusters([day, month, series]) == {"a:1": "a:1", "b:2": "b:2", "c:3": "c:3"}


def test_same_day_without_a_shared_name_stays_apart() -> None:
    a = _p(
        "a:1",
        "a.txt",
        "2016-06-05",
        "2016-06-05",
        "day",
        "Officials said seven people were killed in attack.",
    )
    b = _p(
        "b:1",
        "b.txt",
        "2016-06-05",
        "2016-06-05",
        "day",
        "Seven people were killed in an attack, officials said.",
    )
    assert same_happening(a, b) == 0


def test_different_days_or_same_file_never_cluster() -> None:
    a = _p("a:1", "a.txt", "2016-06-05", "2016-06-05", "day", ATTACK_A)
    later = _p("b:1", "b.txt", "2016-06-09", "2016-06-09", "day", ATTACK_A)
    twin = _p("a:50", "a.txt", "2016-06-05", "2016-06-05", "day", ATTACK_B)
    assert same_happening(a, later) == 0
    assert same_happening(a, twin) == 0


def test_a_cluster_takes_one_event_per_file() -> None:
    a = _p("a:1", "a.txt", "2016-06-05", "2016-06-05", "day", ATTACK_A)
    b1 = _p("b:1", "b.txt", "2016-06-05", "2016-06-05", "day", ATTACK_B)
    b2 = _p("b:80", "b.txt", "2016-06-05", "2016-06-05", "day", ATTACK_A)
    clusters = assign_clusters([a, b1, b2])
    assert clusters["a:1"] == "a:1"
    assert sorted(k for k, v in clusters.items() if v == "a:1") == ["a:1", "b:80"]
    assert clusters["b:1"] == "b:1"


# --- the build: hand-checked chronologies, clusters, exclusions --------------------------------


def _fixture(name: str) -> dict[str, Any]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _expected_span(text: str, entry: dict[str, Any]) -> tuple[int, int]:
    near = text.index(entry["near"])
    start = near + entry["near"].index(entry["anchor"])
    return start, start + len(entry["anchor"])


def _same_anchor(event: Event, span: tuple[int, int], text: str) -> bool:
    """Overlapping, and one inside the other ('August 12 and 30' in 'between August 12 and 30')."""
    a, b = span
    s, e = event.anchor_start, event.anchor_end
    return s < b and a < e and ((s <= a and b <= e) or (a <= s and e <= b))


def chronology_diff(text: str, events: list[Event], fixture: dict[str, Any]) -> list[str]:
    """Every difference between the build's events and the hand-checked ones, one line each."""
    problems: list[str] = []
    matched: set[str] = set()
    for entry in fixture["events"]:
        span = _expected_span(text, entry)
        hits = [e for e in events if _same_anchor(e, span, text)]
        label = f"{entry['anchor']!r} in '…{entry['near']}…'"
        if not hits:
            problems.append(f"missing   {label}: expected {entry['date']}")
            continue
        event = hits[0]
        matched.add(event.id)
        want = {k: str(entry[k]) for k in ("date", "precision", "begin", "end")}
        got = {
            "date": event.date,
            "precision": event.precision,
            "begin": event.date_begin,
            "end": event.date_end,
        }
        if "mod" in entry:
            want["mod"], got["mod"] = str(entry["mod"]), str(event.mod)
        wrong = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
        if wrong:
            problems.append(
                f"wrong     {label}: " + ", ".join(f"{k} {g} != {w}" for k, (g, w) in wrong.items())
            )
    for event in events:
        if event.id not in matched:
            problems.append(
                f"unexpected {event.anchor_text!r} -> {event.date} in '{event.quote[:70]}'"
            )
    for entry in fixture.get("not_events", []):
        span = _expected_span(text, entry)
        for event in events:
            if event.anchor_start < span[1] and span[0] < event.anchor_end:
                problems.append(
                    f"not-event {entry['anchor']!r} became {event.date} in '{event.quote[:70]}'"
                )
    return problems


@pytest.mark.parametrize("name", ["chronology_002.yaml", "chronology_004.yaml"])
def test_build_reproduces_the_hand_checked_seed_chronology(built_store: Store, name: str) -> None:
    fixture = _fixture(name)
    text = built_store.text(fixture["file"])
    problems = chronology_diff(text, built_store.events(fixture["file"]), fixture)
    assert not problems, "chronology differs from the hand-checked one:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def floods_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The invented news story alone, with no manifest: its date comes from its dateline."""
    corpus = tmp_path_factory.mktemp("floods")
    shutil.copy(DATA / "events_floods.txt", corpus / "events_floods.txt")
    path = corpus.parent / "floods-store.json"
    build(corpus, path)
    store = Store(path).open()
    yield store
    store.close()


def test_test_document_gets_its_date_and_chronology(floods_store: Store) -> None:
    fixture = _fixture("chronology_floods.yaml")
    source = floods_store.source(fixture["file"])
    assert source is not None
    assert [source.published, source.published_precision] == [str(v) for v in fixture["published"]]
    text = floods_store.text(fixture["file"])
    events = floods_store.events(fixture["file"])
    problems = chronology_diff(text, events, fixture)
    assert not problems, "chronology differs from the hand-checked one:\n" + "\n".join(problems)
    for clause in fixture["clauses"]:
        (event,) = [e for e in events if e.anchor_text.endswith(clause["anchor"])]
        assert event.quote == clause["quote"]


def test_back_reference_attaches_instead_of_making_an_event(floods_store: Store) -> None:
    events = floods_store.events("events_floods.txt")
    assert not [e for e in events if "On that day" in e.quote]
    assert len([e for e in events if e.date == "2019-03-02"]) == 1


def test_every_event_slices_back_to_its_quote_and_anchor(built_store: Store) -> None:
    events = built_store.events()
    assert len(events) > 30
    ids = {e.id for e in events}
    assert len(ids) == len(events)
    for e in events:
        text = built_store.text(e.file)
        assert text[e.start : e.end] == e.quote
        assert text[e.anchor_start : e.anchor_end] == e.anchor_text
        assert e.start <= e.anchor_start and e.anchor_end <= e.end
        assert e.date_begin <= e.date_end and len(e.date_begin) == 10
        assert e.cluster in ids
        assert "<sup>" not in e.summary and "**" not in e.summary


def test_aktobe_attack_is_one_cluster_with_two_sources(built_store: Store) -> None:
    day = [e for e in built_store.events() if e.date_begin == e.date_end == "2016-06-05"]
    assert {e.file for e in day} == {"002_e3382299f196536e.txt", "004_349fe4209c07a8ff.txt"}
    assert len({e.cluster for e in day}) == 1
    members = [e for e in built_store.events() if e.cluster == day[0].cluster]
    assert sorted(e.file for e in members) == [
        "002_e3382299f196536e.txt",
        "004_349fe4209c07a8ff.txt",
    ]


def test_a_series_and_month_events_stay_out_of_the_attack_cluster(built_store: Store) -> None:
    aktobe = next(e for e in built_store.events() if e.date_begin == e.date_end == "2016-06-05")
    for e in built_store.events():
        if e.cluster == aktobe.cluster:
            assert e.precision == "day"
    lonely = [e for e in built_store.events() if e.precision != "day"]
    assert lonely and all(e.cluster == e.id for e in lonely)


def test_no_citation_sidebar_or_footnote_date_is_an_event(built_store: Store) -> None:
    events = built_store.events()
    # "[cited 29 July 2015]" in 003's footnotes; 001's sidebar of 2021-2023 publications.
    assert not [e for e in events if e.date_begin == "2015-07-29"]
    assert not [e for e in events if e.date_begin >= "2021-01-01"]
    kinds = {(p.file, p.index): p.kind for p in built_store.passages()}
    for e in events:
        sentence = next(
            s for s in built_store.sentences(e.file) if s.start <= e.anchor_start < s.end
        )
        assert kinds[(e.file, sentence.passage)] == "body"


FLOOD_DAY = "The Varna dam on the Oskol river burst, flooding Dravik and Lenno and killing twelve."
FLOOD_MONTH = (
    "In May the Varna dam burst on the Oskol, flooding Dravik; twelve died, Lenno was cut off."
)


def test_a_month_event_joins_the_day_it_holds_on_strong_evidence() -> None:
    day = _p("a:1", "a.txt", "2019-05-14", "2019-05-14", "day", FLOOD_DAY)
    month = _p("b:7", "b.txt", "2019-05-01", "2019-05-31", "month", FLOOD_MONTH)
    assert same_happening(day, month) >= 5
    assert assign_clusters([day, month]) == {"a:1": "a:1", "b:7": "a:1"}
    other_month = _p("b:8", "b.txt", "2019-06-01", "2019-06-30", "month", FLOOD_MONTH)
    assert same_happening(day, other_month) == 0  # June does not hold May 14
    year = _p("b:9", "b.txt", "2019-01-01", "2019-12-31", "year", FLOOD_MONTH)
    assert same_happening(day, year) == 0  # a year is too coarse to say it is the same


def test_a_series_in_a_month_stays_apart_from_one_happening_in_it() -> None:
    day = _p("a:1", "a.txt", "2019-05-14", "2019-05-14", "day", FLOOD_DAY)
    wave = _p(
        "b:7", "b.txt", "2019-05-01", "2019-05-31", "month",
        "In May a wave of floods hit Dravik and Lenno on the Oskol after the Varna dam burst; twelve died.",
    )  # fmt: skip
    assert same_happening(day, wave) == 0
