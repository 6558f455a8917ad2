"""Pilot tests of the reading loop's consistency: the reader, the counter and the results
agree; the palette's year jump; dates read as dates (never TIMEX placeholders)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content

from tests.app.support import DOC_A, settle, span, write_small_store
from tui.app import DossierApp, make_app
from tui.model.catalog import date_label, event_year
from tui.model.layout import DATE_MAX
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.reader import Reader
from tui.widgets.source_list import SourceList

SIZES = [(80, 24), (120, 40), (200, 60)]
at_every_size = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


@pytest.fixture
def app(tmp_path: Path) -> DossierApp:
    return make_app(write_small_store(tmp_path / "store.json"), watch=False)


async def search(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *query, "enter")
    await settle(pilot)


@at_every_size
async def test_the_reader_follows_the_first_hit_of_every_search(
    app: DossierApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.main
        reader = screen.query_one(Reader)
        await search(pilot, "aktobe")  # only in b.txt
        assert reader.doc is not None and reader.doc.file == "b.txt"
        assert screen.query_one("#pane-reader").border_subtitle == "hit 1/1"
        await search(pilot, "welcomed")  # only in a.txt; the results cursor stays on row 0
        assert reader.doc.file == "a.txt"
        assert screen.query_one("#pane-reader").border_subtitle == "hit 1/1"
        assert reader.highlighted("reader--hit-current")


@at_every_size
async def test_escape_closes_the_results_and_the_counter_with_them(
    app: DossierApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.main
        await search(pilot, "astana")
        await pilot.press("j", "j")
        await settle(pilot)
        assert screen.query_one("#pane-reader").border_subtitle == "hit 3/3"
        await pilot.press("escape")
        await settle(pilot)
        assert screen.model.current_pane == "chronology"
        assert screen.query_one("#pane-reader").border_subtitle == ""
        assert screen.query_one(Reader).highlighted("reader--hit-current") == []
        await pilot.press("n")  # the results are kept: n starts again at the first hit
        await settle(pilot)
        assert screen.query_one("#pane-reader").border_subtitle == "hit 1/3"


@at_every_size
async def test_the_counter_names_a_hit_only_while_the_reader_shows_it(
    app: DossierApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.main
        await search(pilot, "aktobe")  # b.txt
        await pilot.press("1")  # sources: the reader previews a.txt, which has no hit
        await settle(pilot)
        assert screen.query_one(Reader).doc.file == "a.txt"
        assert screen.query_one("#pane-reader").border_subtitle == ""


async def test_palette_year_jump_puts_the_year_on_top_and_says_it_cleared_the_filter(
    built_store_path: Path,
) -> None:
    app = make_app(built_store_path, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.main
        await pilot.press("f")  # filter the chronology by the first source
        await settle(pilot)
        assert screen.model.filter_by is not None
        catalog = screen.model.catalog
        assert catalog is not None
        chrono = screen.query_one(ChronologyList)
        years = sorted({event_year(e) for e in catalog.events})
        app.action_chronology_at(years[0])  # unfiltered now, so every header exists
        await settle(pilot)
        height = chrono.scrollable_content_region.height
        count = chrono.option_count
        year = next(  # a year far enough down that its header can scroll to the top
            y for y in years if height <= chrono.get_option_index(f"year:{y}") <= count - height
        )
        app.clear_notifications()
        await pilot.press("1", "f")  # a filter again, then the palette's "date: YEAR"
        await settle(pilot)
        app.action_chronology_at(year)
        await settle(pilot)
        await pilot.pause()
        assert screen.model.filter_by is None
        assert any("Filter cleared" in str(n.message) for n in app._notifications)
        header = chrono.get_option_index(f"year:{year}")
        assert int(chrono.scroll_offset.y) == header  # the year's header is the top row
        assert chrono.highlighted == header + 1  # on its first event
        assert app.focused is chrono


@at_every_size
async def test_dates_read_as_dates_and_undated_says_so(
    built_store_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(built_store_path, watch=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        chrono = app.main.query_one(ChronologyList)
        prompts = [str(chrono.get_option_at_index(i).prompt) for i in range(chrono.option_count)]
        assert prompts and not any("XX" in p for p in prompts)
        sources = app.main.query_one(SourceList)
        facts = [str(sources.get_option_at_index(i).prompt) for i in range(sources.option_count)]
        assert any("undated" in f for f in facts)
        assert not any("n.d." in f or "unknown" in f for f in facts)


@at_every_size
async def test_each_chronology_row_is_one_line_of_date_summary_and_source(
    built_store_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(built_store_path, watch=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.main
        chrono = screen.query_one(ChronologyList)
        catalog = screen.model.catalog
        assert catalog is not None
        width = chrono.row_width()
        for row in chrono.entries:
            prompt = chrono.get_option(row.event.id).prompt
            assert isinstance(prompt, Content)
            text = prompt.plain
            assert prompt.cell_length <= width and "\n" not in text
            date = date_label(row.event)
            assert text.startswith(date[: min(len(date), DATE_MAX - 1)])
            source = "sources" if len(row.files) > 1 else catalog.source_title(row.files[0])[:6]
            assert source in text
            summary = text[len(date) :].strip()
            assert len(summary.split()) >= 4  # words, never a seven-character stub
        assert chrono._lines and all(line == 0 for _, line in chrono._lines)  # nothing wraps
        if size[0] >= 120:
            sources = screen.query_one("#pane-sources").size.width
            assert screen.query_one("#pane-chronology").size.width > sources


# -- selection in the reader ----------------------------------------------------------------------
CITE_A = "Joanna Lillis, *Kazakhstan Bans Islamic State*, Eurasianet, 2015-11-03"


@at_every_size
async def test_visual_mode_selects_a_phrase_by_words_and_y_copies_it_with_its_locator(
    app: DossierApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "right_square_bracket")  # the reader, second passage
        await settle(pilot)
        reader = app.main.query_one(Reader)
        await pilot.press("l", "l", "l", "v", "l")  # from "the" through "Islamic"
        start, end = span(DOC_A, "the Islamic")
        assert reader.highlighted("reader--selection") == [(start, end)]
        assert reader.highlighted("reader--cursor") == [span(DOC_A, "Islamic", 1)]
        await pilot.press("l", "y")
        assert app.clipboard == f'> "the Islamic State" — {CITE_A}, ¶ 1'
        assert app.main.selection().passage_start == start  # exact offsets, for a note
        await pilot.press("escape")  # drops the selection, stays in the reader
        assert app.main.model.current_pane == "reader"
        first = "Kazakhstan has designated the Islamic State as a terrorist organization."
        assert reader.highlighted("reader--selection") == [span(DOC_A, first)]
        await pilot.press("y")  # nothing selected: the sentence under the cursor
        assert app.clipboard == (
            '> "Kazakhstan has designated the Islamic State as a terrorist organization." — '
            f"{CITE_A}, ¶ 1"
        )
        await pilot.press("escape")  # now Esc means back
        assert app.main.model.current_pane != "reader"


@at_every_size
async def test_sentence_keys_move_the_quote_a_sentence_at_a_time(
    app: DossierApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "right_square_bracket", "right_parenthesis", "y")
        await settle(pilot)
        assert app.clipboard.startswith('> "The court in Astana ruled on October 15, 2015." — ')
        await pilot.press("right_parenthesis", "y")  # into the next passage
        assert app.clipboard == (
            '> "President Nursultan Nazarbayev welcomed the ruling in November 2015." — '
            f"{CITE_A}, ¶ 2"
        )
        await pilot.press("left_parenthesis", "v", "right_parenthesis", "y")  # two sentences
        assert app.clipboard == (
            '> "The court in Astana ruled on October 15, 2015. President Nursultan Nazarbayev '
            f'welcomed the ruling in November 2015." — {CITE_A}, ¶ 1'
        )


async def test_a_bookmark_in_the_reader_anchors_to_the_selection(
    tmp_path: Path,
) -> None:
    from store.userdata.data import UserData

    notes = tmp_path / "notes.json"
    app = make_app(write_small_store(tmp_path / "store.json"), userdata=notes, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "right_square_bracket", "v", "l", "b")
        await settle(pilot)
        [mark] = UserData(notes).bookmarks()
        start, end = span(DOC_A, "Kazakhstan has")
        assert (mark.anchor.file, mark.anchor.start, mark.anchor.end) == ("a.txt", start, end)
        assert mark.anchor.exact == "Kazakhstan has"


async def test_results_come_a_page_at_a_time_and_n_reaches_past_the_first(tmp_path: Path) -> None:
    from tui.widgets.results_list import ResultsList

    many = "\n\n".join(f"Zebra sighting number {i} near the river." for i in range(150))
    path = write_small_store(tmp_path / "store.json", extra={"zebras.txt": many})
    app = make_app(path, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "zebra")
        results = app.main.query_one(ResultsList)
        assert len(results.items) == 150 and results.option_count == ResultsList.PAGE
        await pilot.press("N")  # from the first hit back to the last: its row is laid out
        await settle(pilot)
        assert results.option_count == 150 and results.highlighted == 149
        assert app.main.query_one("#pane-reader").border_subtitle == "hit 150/150"
        reader = app.main.query_one(Reader)
        last = many.index("Zebra sighting number 149")
        assert reader.highlighted("reader--hit-current") == [(last, last + len("Zebra"))]


async def test_y_in_results_copies_the_sentence_holding_the_hit(app: DossierApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "astana")
        await pilot.press("j")  # the hit in a.txt's two-sentence passage
        await settle(pilot)
        await pilot.press("y")
        assert (
            app.clipboard == f'> "The court in Astana ruled on October 15, 2015." — {CITE_A}, ¶ 1'
        )


async def test_a_slow_document_load_does_not_pull_the_user_back_into_the_reader(
    app: DossierApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.main
        assert "b.txt" not in screen.docs  # its load goes through the reader worker
        screen.open_in_reader("b.txt", 0, focus=True)  # Enter on a hit, say...
        screen.focus_pane("entities")  # ...and the user moves on before it is read
        await settle(pilot)
        assert screen.query_one(Reader).doc.file == "b.txt"  # shown, but not focused
        assert screen.model.current_pane == "entities"
        assert app.focused is screen.query_one("#entity-filter")


async def test_the_palette_lists_a_few_sources_at_first_and_finds_any_by_typing(
    tmp_path: Path,
) -> None:
    from textual.command import CommandList, CommandPalette

    from tui.commands import DISCOVER_SOURCES

    extra = {f"doc{i:02}.txt": f"Report number {i:02}\n\nSome text." for i in range(45)}
    app = make_app(write_small_store(tmp_path / "store.json", extra=extra), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        listing = app.screen.query_one(CommandList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert 0 < sum(p.startswith("open:") for p in prompts) <= DISCOVER_SOURCES
        assert any(p.startswith("date: 2015") for p in prompts)
        await pilot.press(*"number 44")
        await pilot.pause(0.5)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any("Report number 44" in p for p in prompts)
