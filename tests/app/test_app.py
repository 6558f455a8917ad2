"""Pilot tests: every flow of the main screen, asserting on what the user sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import Input, Static

from tests.app.support import DOC_A, DOC_B, settle, span, write_small_store
from tui.app import DossierApp, make_app
from tui.screens.main import MainScreen
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.entity_list import EntityList
from tui.widgets.reader import Reader
from tui.widgets.results_list import ResultsList
from tui.widgets.source_list import SourceList

WIDE = (160, 48)


@pytest.fixture
def app(tmp_path: Path) -> DossierApp:
    return make_app(write_small_store(tmp_path / "store.json"))


def main(app: DossierApp) -> MainScreen:
    return app.main


async def search(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await pilot.press(*query)
    await pilot.press("enter")
    await settle(pilot)


async def test_panes_list_the_store(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert app.focused is screen.query_one(SourceList)
        assert screen.query_one(SourceList).option_count == 2
        chrono = screen.query_one(ChronologyList)
        prompts = [str(chrono.get_option_at_index(i).prompt) for i in range(chrono.option_count)]
        assert prompts[0].startswith("2011 ")
        assert prompts[1].startswith("2011–2012")
        assert prompts[2].startswith("2015 ")
        assert "2 sources" in prompts[3] and prompts[3].startswith("2015-10")
        assert prompts[4].startswith("2015-11")
        entities = screen.query_one(EntityList)
        names = [str(entities.get_option_at_index(i).prompt) for i in range(entities.option_count)]
        assert names[0] == "People" and names[1].startswith("Nursultan Nazarbayev")
        # the first source is previewed in the reader
        assert screen.query_one(Reader).doc.file == "a.txt"


async def test_each_list_reports_in_its_own_messages(app: DossierApp) -> None:
    posted: list[Message] = []
    async with app.run_test(size=WIDE, message_hook=posted.append) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # the second source, read
        await settle(pilot)
        await pilot.press("2", "j")  # the chronology's second event
        await search(pilot, "astana")
        await pilot.press("j", "enter")  # the second hit, read
        await settle(pilot)
        await pilot.press("3", *"aktobe", "enter")  # Enter in the filter chooses the entity
        await settle(pilot)
    assert SourceList.Highlighted("b.txt") in posted and SourceList.Chosen("b.txt") in posted
    assert ChronologyList.Highlighted("b1") in posted
    assert EntityList.Highlighted("aktobe") in posted and EntityList.Chosen("aktobe") in posted
    assert ResultsList.Highlighted(1) in posted and ResultsList.Chosen(1) in posted


async def test_search_enter_n_and_N_move_through_hits(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = main(app)
        await search(pilot, "astana")
        results = screen.query_one(ResultsList)
        assert app.focused is results
        assert results.option_count == 3
        await pilot.press("enter")
        await settle(pilot)
        reader = screen.query_one(Reader)
        assert app.focused is reader
        assert reader.doc.file == "b.txt"
        assert reader.highlighted("reader--hit-current") == [span(DOC_B, "Astana")]
        assert screen.query_one("#pane-reader").border_subtitle == "hit 1/3"
        await pilot.press("n")
        await settle(pilot)
        assert reader.doc.file == "a.txt"
        assert reader.highlighted("reader--hit-current") == [span(DOC_A, "Astana")]
        assert sorted(reader.highlighted("reader--hit")) == [
            span(DOC_A, "Astana"),
            span(DOC_A, "Astana", 1),
        ]
        assert screen.query_one("#pane-reader").border_subtitle == "hit 2/3"
        await pilot.press("n", "n")
        await settle(pilot)
        assert screen.query_one("#pane-reader").border_subtitle == "hit 1/3"
        await pilot.press("N")
        await settle(pilot)
        assert screen.query_one("#pane-reader").border_subtitle == "hit 3/3"
        assert reader.highlighted("reader--hit-current") == [span(DOC_A, "Astana", 1)]


async def test_results_are_visible_in_the_narrow_layout(app: DossierApp) -> None:
    """At 80x24 the panes are tabs: after a search the Results tab is current *and shown*."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main(app)
        await search(pilot, "astana")
        pane = screen.query_one("#pane-results")
        results = screen.query_one(ResultsList)
        assert screen.model.current_pane == "results"
        assert pane.display and pane.region.height > 2 and pane.region.width > 40
        assert results.region.height > 0 and results.option_count == 3
        for other in ("sources", "chronology", "entities", "reader"):
            assert screen.query_one(f"#pane-{other}").region.height == 0


async def test_y_copies_the_hit_passage_as_a_quote_and_Y_the_citation(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search(pilot, "astana")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == (
            '> "An Astana court ruled in October 2015 that the Islamic State is a terrorist '
            'group." — *Court Rulings in Central Asia*, RFE/RL, 2016-01, ¶ 1'
        )
        await pilot.press("Y")
        assert app.clipboard == "*Court Rulings in Central Asia*, RFE/RL, 2016-01, ¶ 1"


async def test_an_empty_result_says_so_and_suggests(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search(pilot, "zanzibar")
        empty = main(app).query_one("#results-empty", Static)
        assert empty.display
        text = str(empty.render())
        assert "No passage matches 'zanzibar'" in text
        assert "zanzibar~" in text
        await pilot.press("n")  # nothing to step through: a warning, no crash
        await settle(pilot)
        screen = main(app)
        assert screen.model.search.index == -1 and screen.model.search.counter == ""
        assert screen.query_one(Reader).highlighted("reader--hit-current") == []
        assert app.is_running


async def test_a_malformed_query_points_at_the_problem(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search(pilot, '"unclosed')
        screen = main(app)
        assert screen.has_class("-searching")
        error = str(screen.query_one("#query-error", Static).render())
        assert "column 1" in error and error.splitlines()[1:3] == ['"unclosed', "^"]
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert not screen.has_class("-searching")


async def test_chronology_selection_highlights_the_event_sentence(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("tab")
        assert app.focused is screen.query_one(ChronologyList)
        await settle(pilot)
        reader = screen.query_one(Reader)
        sentence = (
            "Attacks in Aktobe and Almaty took place in 2011 and 2012, according to Nazarbayev."
        )
        assert reader.doc.file == "b.txt"
        assert reader.highlighted("reader--event") == [span(DOC_B, sentence)]
        await pilot.press("j")
        await settle(pilot)
        assert reader.highlighted("reader--event") == [
            span(
                DOC_B,
                "An Astana court ruled in October 2015 that the Islamic State is a terrorist group.",
            )
        ]
        await pilot.press("y")
        assert app.clipboard.startswith('> "An Astana court ruled in October 2015')


async def test_entities_filter_as_you_type_and_highlight_mentions(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("3")  # the entities pane
        assert app.focused is screen.query_one("#entity-filter")
        await pilot.press(*"nur-s")
        entities = screen.query_one(EntityList)
        visible = [
            str(entities.get_option_at_index(i).prompt) for i in range(entities.option_count)
        ]
        assert visible[0] == "Places" and visible[1].startswith("Astana")
        assert len(visible) == 2
        reader = screen.query_one(Reader)
        await settle(pilot)
        assert sorted(reader.highlighted("reader--mention")) == [
            span(DOC_A, "Astana"),
            span(DOC_A, "Astana", 1),
        ]


async def test_e_colours_every_mention_by_type(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        reader = main(app).query_one(Reader)
        assert reader.highlighted("reader--person") == []
        await pilot.press("e")
        assert reader.highlighted("reader--person") == [span(DOC_A, "Nursultan Nazarbayev")]
        assert span(DOC_A, "Islamic State") in reader.highlighted("reader--organisation")
        await pilot.press("e")
        assert reader.highlighted("reader--person") == []


async def test_f_filters_the_chronology_by_entity_and_by_source(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = main(app)
        chrono = screen.query_one(ChronologyList)
        await pilot.press("f")  # sources pane: the first source, a.txt
        assert [r.event.id for r in chrono.entries] == ["b1", "a2"]  # cluster b1+a1, then a2
        await pilot.press("f")
        assert len(chrono.entries) == 3
        await pilot.press("3", *"aktobe")
        await pilot.press("down")  # into the list: "Aktobe"
        await pilot.press("f")
        assert [r.event.id for r in chrono.entries] == ["b2"]
        assert "Aktobe (1)" in str(screen.query_one("#pane-chronology").border_title)


async def test_tab_cycles_panes_and_escape_returns_from_the_reader(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = main(app)
        seen = []
        for _ in range(5):
            await pilot.press("tab")
            seen.append(screen.model.current_pane)
        assert seen == ["chronology", "entities", "notes", "reader", "sources"]
        await pilot.press("shift+tab")
        assert screen.model.current_pane == "reader"
        await pilot.press("escape")
        assert screen.model.current_pane == "sources"


async def test_reader_y_copies_the_sentence_under_the_cursor(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # read the first source
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == (
            '> "Kazakhstan Bans Islamic State" — Joanna Lillis, *Kazakhstan Bans Islamic State*, '
            "Eurasianet, 2015-11-03, ¶ 0"
        )
        await pilot.press("right_square_bracket", "right_square_bracket", "y")
        assert app.clipboard.startswith(
            '> "President Nursultan Nazarbayev welcomed the ruling in November 2015." — Joanna'
        )
        await pilot.press("left_square_bracket", "y")  # a passage of two sentences: the first
        assert app.clipboard.startswith(
            '> "Kazakhstan has designated the Islamic State as a terrorist organization." — J'
        )
        await pilot.press("G")
        await pilot.press("y")
        assert app.clipboard.startswith('> "Subscribe to our newsletter for more news." — Joanna')


async def test_help_lists_every_key(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text", Static).render())
        for key in (
            "/",
            "n",
            "N",
            "y",
            "Y",
            "f",
            "e",
            "tab",
            "shift+tab",
            "esc",
            "g",
            "G",
            "j",
            "k",
            "q",
            "?",
            "ctrl+p",
            "enter",
        ):
            assert f"  {key} " in text or f"  {key}," in text or f" {key} /" in text, key
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_help_shows_keys_as_typed_apart_from_their_descriptions(app: DossierApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        lines = str(app.screen.query_one("#help-text", Static).render()).splitlines()
        assert "square_bracket" not in "\n".join(lines)
        rows = {line.split()[0]: line for line in lines if line.startswith("  ") and line.strip()}
        assert rows["]"].startswith("  ]  ") and "Next passage" in rows["]"]
        assert rows["["].startswith("  [  ") and "Previous passage" in rows["["]
        for line in lines:  # a key column, at least one space, then the description
            if line.startswith("  ") and line.strip():
                assert line[2:19].rstrip() == line[2:19].strip() and line[19] == " ", line


async def test_no_color_keeps_highlights_visible_without_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(write_small_store(tmp_path / "store.json"))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.no_color
        await search(pilot, "astana")
        await pilot.press("enter")
        await settle(pilot)
        reader = main(app).query_one(Reader)
        style = reader.get_component_rich_style("reader--hit-current")
        assert style.reverse and style.bold and style.underline
