"""MainModel without Pilot: pane order and Tab, Esc, what y and Y copy, f, previews, texts."""

from __future__ import annotations

import pytest

from store.models import Entity, Event, Hit, Passage, Source
from store.search import SearchResults
from tests.app.support import DOC_A, DOC_B, ENTITIES, events, span
from tui.model.catalog import Catalog
from tui.model.doctext import DocText
from tui.model.main import Back, ChronologyFilter, MainModel, Selection, shorten
from tui.model.reader_doc import MentionSpan, ReaderDoc
from tui.model.results import (
    ResultItem,
    make_item,
    no_results_text,
    result_items,
    sentence_of,
)

SOURCE_A = Source(
    "a",
    "a.txt",
    "Kazakhstan Bans Islamic State",
    "Joanna Lillis",
    "Eurasianet",
    "news",
    "2015-11-03",
    "day",
    "manifest",
)
SOURCE_B = Source(
    "b",
    "b.txt",
    "Court Rulings in Central Asia",
    "unknown",
    "RFE/RL",
    "analysis",
    "2016-01",
    "month",
    "manifest",
)
CITE_A = "Joanna Lillis, *Kazakhstan Bans Islamic State*, Eurasianet, 2015-11-03"
CITE_B = "*Court Rulings in Central Asia*, RFE/RL, 2016-01"
WIDTHS = {"wide": False, "narrow": True}


class _Store:
    """Just what Catalog.load reads."""

    def sources(self) -> list[Source]:
        return [SOURCE_A, SOURCE_B]

    def entities(self) -> list[Entity]:
        return list(ENTITIES)

    def events(self) -> list[Event]:
        return events()

    def mention_counts(self) -> dict[str, dict[str, int]]:
        return {"astana": {"a.txt": 2, "b.txt": 1}, "aktobe": {"b.txt": 1}}


def catalog() -> Catalog:
    return Catalog.load(_Store())  # type: ignore[arg-type]  # a stand-in with what load reads


def hit_item(file: str, text: str, words: str) -> ResultItem:
    start, end = span(text, words)
    passage_start = text.rfind("\n\n", 0, start) + 2
    passage_end = text.find("\n\n", end) if "\n\n" in text[end:] else len(text)
    hit = Hit(
        file, 1, passage_start, passage_end, 1.0, text[passage_start:passage_end], ((start, end),)
    )
    return make_item(
        hit,
        [(start - passage_start, end - passage_start)],
        text[passage_start:passage_end],
        file,
        "2015",
    )


def searched(model: MainModel, query: str = "astana") -> list[ResultItem]:
    items = [hit_item("b.txt", DOC_B, "Astana"), hit_item("a.txt", DOC_A, "Astana")]
    model.searched(query, items, len(items))
    return items


def model_in(pane: str, filter_by: ChronologyFilter | None = None) -> MainModel:
    model = MainModel(catalog=catalog(), filter_by=filter_by)
    model.enter(pane)
    return model


def doc_a() -> ReaderDoc:
    passages = [
        Passage("a.txt", i, s, e)
        for i, (s, e) in enumerate([(0, 29), span(DOC_A, DOC_A.split("\n\n")[1])])
    ]
    mentions = [
        MentionSpan(*span(DOC_A, "Astana"), "astana", "place"),
        MentionSpan(*span(DOC_A, "Kazakhstan"), "kazakhstan", "place"),
    ]
    return ReaderDoc("a.txt", SOURCE_A, DocText(DOC_A), passages, mentions)


# -- panes and Tab ----------------------------------------------------------------------------
def test_tab_order_leaves_results_out_until_a_search_then_puts_it_after_the_chronology() -> None:
    model = MainModel()
    assert model.pane_order() == ["sources", "chronology", "entities", "notes", "reader"]
    model.searched("zanzibar", [], 0)  # even a search that found nothing
    assert model.pane_order() == [
        "sources", "chronology", "results", "entities", "notes", "reader"
    ]  # fmt: skip


@pytest.mark.parametrize("narrow", WIDTHS.values(), ids=WIDTHS.keys())
def test_tab_and_shift_tab_cycle_the_same_way_wide_or_narrow(narrow: bool) -> None:
    model = MainModel()
    seen = []
    for _ in range(5):
        model.enter(model.cycled(+1))
        seen.append(model.current_pane)
    assert seen == ["chronology", "entities", "notes", "reader", "sources"]
    assert model.cycled(-1) == "reader"  # Shift+Tab wraps backwards
    searched(model)
    model.enter("chronology")
    assert model.cycled(+1) == "results" and model.cycled(-1) == "sources"
    model.enter("results")
    assert model.cycled(+1) == "entities"
    # only the wide layout puts Results in the middle column, until the chronology is back
    assert model.results_in_middle(narrow) is not narrow
    model.enter("entities")
    assert model.results_in_middle(narrow) is not narrow  # the middle keeps what it showed
    model.enter("chronology")
    assert not model.results_in_middle(narrow)


def test_a_pane_that_left_the_order_cycles_from_the_first() -> None:
    model = MainModel(current_pane="results")  # no search: Results is not in the order
    assert model.cycled(+1) == "chronology"


def test_number_keys_reach_results_only_after_a_search() -> None:
    model = MainModel()
    assert not model.can_show("results") and model.can_show("reader")
    searched(model)
    assert model.can_show("results")


def test_entering_a_pane_reports_a_change_and_remembers_where_the_reader_came_from() -> None:
    model = MainModel()
    assert model.enter("sources") is False
    assert model.enter("entities") is True
    assert model.enter("reader") is True and model.return_pane == "entities"
    assert model.enter("reader") is False and model.return_pane == "entities"


# -- Esc ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("pane", ["sources", "chronology", "results", "entities", "reader"])
def test_escape_closes_the_query_line_first_whatever_the_pane(pane: str) -> None:
    model = model_in(pane, filter_by=ChronologyFilter("source", "a.txt", "A"))
    model.open_query()
    assert model.back() == Back("close_query")
    assert model.close_query() == pane and not model.searching
    assert model.filter_by is not None  # untouched


@pytest.mark.parametrize("before", ["sources", "chronology", "results", "entities"])
def test_escape_in_the_reader_returns_to_the_pane_it_came_from(before: str) -> None:
    model = model_in(before)
    model.enter("reader")
    assert model.back() == Back("pane", before)


def test_escape_in_the_reader_goes_to_sources_when_it_never_came_from_elsewhere() -> None:
    assert MainModel(current_pane="reader", return_pane="reader").back() == Back("pane", "sources")
    assert MainModel(current_pane="reader").back() == Back("pane", "sources")


def test_escape_in_results_goes_to_the_chronology_and_keeps_the_filter() -> None:
    chosen = ChronologyFilter("entity", "astana", "Astana")
    model = model_in("results", filter_by=chosen)
    assert model.back() == Back("pane", "chronology")
    assert model.filter_by == chosen


def test_escape_in_results_closes_them_so_no_hit_is_current_and_the_counter_clears() -> None:
    model = model_in("results")
    searched(model)
    model.search.go(1)
    assert model.reader_subtitle("a.txt") == "hit 2/2"
    assert model.back() == Back("pane", "chronology")
    assert model.search.current is None and model.reader_subtitle("a.txt") == ""
    assert model.search.items  # kept: n starts again from the first hit
    assert model.search.step(+1) is model.search.items[0]


@pytest.mark.parametrize("pane", ["sources", "chronology", "entities"])
def test_escape_elsewhere_clears_the_filter_and_then_does_nothing(pane: str) -> None:
    model = model_in(pane, filter_by=ChronologyFilter("entity", "astana", "Astana"))
    assert model.back() == Back("clear_filter") and model.filter_by is None
    assert model.back() is None


def test_the_query_line_returns_to_where_it_was_first_opened() -> None:
    model = model_in("entities")
    model.open_query()
    model.enter("results")  # a search moved the panes meanwhile
    model.open_query()  # `/` again while the line is open
    assert model.close_query() == "entities"


# -- what y and Y copy --------------------------------------------------------------------------
def test_y_in_the_reader_quotes_the_current_passage_and_Y_cites_its_source() -> None:
    model = model_in("reader")
    passage = "The court in Astana ruled on October 15, 2015."
    chosen = Selection(source="b.txt", passage=(passage, "a.txt"), document="a.txt")
    assert model.quote_for(chosen) == f'> "{passage}" — {CITE_A}'
    assert model.citation_for(chosen) == CITE_A
    numbered = Selection(passage=(passage, "a.txt"), passage_start=70, passage_index=1)
    assert model.quote_for(numbered) == f'> "{passage}" — {CITE_A}, ¶ 1'
    assert model.citation_for(numbered) == f"{CITE_A}, ¶ 1"
    # no passage under the cursor: no quote, but the document is still citable
    assert model.quote_for(Selection(document="a.txt")) is None
    assert model.citation_for(Selection(document="a.txt")) == CITE_A


def test_y_in_results_quotes_the_current_hit_once_one_is_current() -> None:
    model = model_in("results")
    items = searched(model)
    chosen = Selection(source="a.txt", document="a.txt")
    assert model.quote_for(chosen) is None  # no hit current yet (index -1)
    assert model.citation_for(chosen) == CITE_A  # falls back to the reader's document
    model.search.go(0)
    assert model.quote_for(chosen) == f'> "{items[0].passage_text}" — {CITE_B}, ¶ 1'
    assert model.citation_for(chosen) == f"{CITE_B}, ¶ 1"  # the hit's source, not the reader's


def test_y_in_results_quotes_the_sentence_holding_the_hit_not_its_passage() -> None:
    model = model_in("results")
    passage = DOC_A.split("\n\n")[1]  # two sentences; the hit is in the second
    start = DOC_A.index(passage)
    hit = Hit("a.txt", 1, start, start + len(passage), 1.0, passage, (span(DOC_A, "Astana"),))
    sentences = [(start, DOC_A.index(" The court")), (DOC_A.index("The court"), hit.end)]
    item = make_item(hit, [], passage, "a.txt", "2015", sentence_of(hit, sentences))
    model.searched("astana", [item], 1)
    model.search.go(0)
    quote = model.quote_for(Selection())
    assert quote == f'> "The court in Astana ruled on October 15, 2015." — {CITE_A}, ¶ 1'
    assert DOC_A[slice(*item.quote)] == "The court in Astana ruled on October 15, 2015."
    whole = sentence_of(hit, [(0, len(DOC_A))])  # a "sentence" beyond the passage: the passage
    assert whole == (hit.start, hit.end)


def test_y_in_the_chronology_quotes_the_highlighted_event_sentence() -> None:
    model = model_in("chronology")
    chosen = Selection(event="b2", document="a.txt")
    sentence = "Attacks in Aktobe and Almaty took place in 2011 and 2012, according to Nazarbayev."
    assert model.quote_for(chosen) == f'> "{sentence}" — {CITE_B}'
    assert model.citation_for(chosen) == CITE_B
    assert model.quote_for(Selection(event="no-such-event")) is None


def test_Y_in_sources_cites_the_highlighted_source_not_the_document_read() -> None:
    model = model_in("sources")
    chosen = Selection(source="b.txt", document="a.txt", passage=("x", "a.txt"))
    assert model.quote_for(chosen) is None  # y quotes nothing from the list of sources
    assert model.citation_for(chosen) == CITE_B
    assert model.citation_for(Selection(document="a.txt")) == CITE_A


def test_y_in_entities_quotes_nothing_and_Y_cites_the_document_read() -> None:
    model = model_in("entities")
    chosen = Selection(entity="astana", document="b.txt", passage=("x", "b.txt"))
    assert model.quote_for(chosen) is None
    assert model.citation_for(chosen) == CITE_B
    assert model.citation_for(Selection(entity="astana")) is None


def test_nothing_is_copied_for_a_file_the_catalog_does_not_know_or_before_it_is_read() -> None:
    model = model_in("reader")
    assert model.quote_for(Selection(passage=("x", "gone.txt"), document="gone.txt")) is None
    assert model.citation_for(Selection(document="gone.txt")) is None
    empty = MainModel(current_pane="reader")
    assert empty.quote_for(Selection(passage=("x", "a.txt"), document="a.txt")) is None
    assert empty.citation_for(Selection(document="a.txt")) is None


# -- the chronology filter ----------------------------------------------------------------------
def test_f_on_a_source_filters_by_it_again_clears_and_on_another_switches() -> None:
    model = model_in("sources")
    on_a = model.toggle_filter(Selection(source="a.txt"))
    assert on_a == ChronologyFilter("source", "a.txt", "Kazakhstan Bans Islamic State")
    assert [r.event.id for r in model.chronology_rows()] == ["b1", "a2"]
    assert model.chronology_title(2) == "Chronology · Kazakhstan Bans Islamic State (2)"
    assert model.toggle_filter(Selection(source="a.txt")) is None
    assert len(model.chronology_rows()) == 3 and model.chronology_title(3) == "Chronology (3)"
    model.toggle_filter(Selection(source="a.txt"))
    assert model.toggle_filter(Selection(source="b.txt")) == ChronologyFilter(
        "source", "b.txt", "Court Rulings in Central Asia"
    )


def test_f_on_an_entity_filters_by_it_and_on_nothing_clears() -> None:
    model = model_in("entities")
    assert model.toggle_filter(Selection(entity="aktobe")) == ChronologyFilter(
        "entity", "aktobe", "Aktobe"
    )
    assert [r.event.id for r in model.chronology_rows()] == ["b2"]
    assert model.toggle_filter(Selection(entity=None)) is None  # "No entity matches"
    assert model.filter_by is None


def test_f_elsewhere_only_clears_and_is_greyed_out_without_a_filter() -> None:
    model = model_in("reader")
    assert not model.can_run("filter")
    assert model.toggle_filter(Selection(source="a.txt", entity="astana")) is None
    model.filter_by = ChronologyFilter("entity", "astana", "Astana")
    assert model.can_run("filter")
    assert model.toggle_filter(Selection(source="a.txt")) is None and model.filter_by is None
    for pane in ("sources", "entities", "chronology"):
        assert model_in(pane).can_run("filter")


def test_f_in_the_chronology_keeps_starred_events_then_clears() -> None:
    from tui.model.notes import Marks

    model = model_in("chronology")
    assert model.catalog is not None
    all_rows = model.chronology_rows()
    event = all_rows[1].event
    model.marks = Marks(starred={("event", event.id)})
    chosen = model.toggle_filter(Selection())
    assert chosen is not None and chosen.kind == "starred"
    assert [r.event.id for r in model.chronology_rows()] == [event.id]
    assert model.toggle_filter(Selection()) is None
    assert len(model.chronology_rows()) == len(all_rows)


def test_n_and_N_are_greyed_out_until_a_search_finds_something() -> None:
    model = MainModel()
    assert not model.can_run("next_hit") and not model.can_run("prev_hit")
    model.searched("zanzibar", [], 0)
    assert not model.can_run("next_hit")
    searched(model)
    assert model.can_run("next_hit") and model.can_run("prev_hit") and model.can_run("copy")


# -- what the reader shows ----------------------------------------------------------------------
def test_each_list_previews_only_while_its_pane_is_current() -> None:
    model = model_in("sources")
    items = searched(model)
    assert model.preview_source("b.txt") is not None
    assert model.preview_event("b2") is None and model.selected_event is None
    assert model.preview_hit(1) is None and model.search.index == -1
    assert model.preview_entity("astana") is False and model.selected_entity is None
    model.enter("results")
    where = model.preview_hit(1)
    assert where is not None and (where.file, where.offset) == ("a.txt", items[1].offset)
    assert model.search.index == 1
    assert model.preview_hit(-1) is None and model.preview_hit(2) is None


def test_an_event_preview_marks_its_sentence_and_drops_a_detail_views_jump() -> None:
    model = model_in("chronology")
    model.jump(("a.txt", 0, 10))
    where = model.preview_event("b2")
    assert where is not None and where.file == "b.txt" and model.jump_target is None
    assert model.selected_event is not None and model.selected_event.id == "b2"
    assert model.preview_event("year:2015") is None  # a year header is not an event


def test_previews_wait_for_the_catalog_but_hits_do_not() -> None:
    model = MainModel()
    assert model.preview_source("a.txt") is None
    model.enter("results")
    searched(model)
    assert model.preview_hit(0) is not None
    model.enter("entities")
    assert model.preview_entity("astana") is False


def test_highlights_put_each_mark_in_its_own_document() -> None:
    doc = doc_a()
    model = model_in("entities")
    searched(model)
    model.preview_entity("astana")
    marks = model.highlights(doc)
    assert marks.hits == [span(DOC_A, "Astana")] and marks.current_hit == []
    assert marks.entity_spans == [span(DOC_A, "Astana")] and marks.event_span is None
    model.search.go(1)  # the hit in a.txt is current
    assert model.highlights(doc).current_hit == [span(DOC_A, "Astana")]
    model.enter("chronology")
    model.preview_event("b2")  # an event of b.txt: nothing to mark in a.txt
    assert model.highlights(doc).event_span is None
    model.preview_event("a2")
    a2 = next(e for e in events() if e.id == "a2")
    assert model.highlights(doc).event_span == (a2.start, a2.end)
    model.jump(("a.txt", 5, 9))  # a detail view's place wins over the chronology
    assert model.highlights(doc).event_span == (5, 9)
    model.show_entities = True
    assert model.highlights(doc).show_entities


def test_titles_say_the_document_the_hit_counter_and_the_query() -> None:
    model = MainModel()
    doc = doc_a()
    assert model.reader_title(doc) == "Kazakhstan Bans Islamic State · 2015-11-03"
    assert model.reader_subtitle("a.txt") == ""
    searched(model, "astana\x1b")
    model.search.go(1)
    model.show_entities = True
    assert model.reader_subtitle("a.txt") == "hit 2/2 · entities shown"
    # the counter names the current hit only while the reader shows its document
    assert model.reader_subtitle("b.txt") == "entities shown"
    assert model.results_title() == "Results · astana\u241b"
    untitled = ReaderDoc("x.txt", None, DocText(""), [], [])
    assert model.reader_title(untitled) == "x.txt · undated"


# -- what an empty search says ------------------------------------------------------------------
def test_results_placeholder_is_empty_when_something_matched() -> None:
    model = MainModel()
    searched(model)
    assert model.results_placeholder() == ""


def test_no_results_suggests_what_the_query_could_drop() -> None:
    model = MainModel()
    model.searched('"court ruling" source:a -astana', [], 0)
    text = model.results_placeholder()
    assert text.startswith("No passage matches '\"court ruling\" source:a -astana'.\n\nTry:\n")
    tips = text.split("Try:\n")[1].splitlines()
    assert tips == [
        "  • fewer words: every word must match (or join them with OR)",
        "  • a fuzzy or prefix form: court~  or  cour*",
        "  • removing filters such as source:, entity:, type:, date:, kind:",
        "  • dropping the quotes, so the words need not be adjacent",
        "  • another spelling, or another of the name's aliases",
    ]


def test_no_results_for_one_odd_word_suggests_only_a_spelling_and_shows_controls() -> None:
    text = no_results_text("12\x1b")
    assert "12\u241b" in text and "\x1b" not in text
    assert text.endswith("Try:\n  • another spelling, or another of the name's aliases")


# -- the search worker's items and the notification text ----------------------------------------
def test_result_items_use_the_titles_the_search_returned() -> None:
    hit = hit_item("b.txt", DOC_B, "Astana").hit
    results = SearchResults(
        "astana",
        1,
        [hit],
        ((hit.start, 0, hit.end - hit.start),),
        titles={"b.txt": "Court Rulings (as the search saw it)"},
    )
    [item] = result_items(results, {"b.txt": DOC_B}.__getitem__, {"b.txt": "2016-01"})
    assert item.title == "Court Rulings (as the search saw it)" and item.date == "2016-01"
    assert item.passage_text == DOC_B[hit.start : hit.end]
    assert [item.snippet[s:e] for s, e in item.spans] == ["Astana"]


def test_shorten_keeps_short_text_and_cuts_long_text_with_an_ellipsis() -> None:
    assert shorten("abc") == "abc"
    assert shorten("x" * 200) == "x" * 159 + "…" and len(shorten("x" * 161)) == 160
