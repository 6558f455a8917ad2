"""Pilot tests for the entity and event views, the palette, the narrow layout and the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import ProgressBar, Static

from tests.app.support import DOC_A, DOC_B, settle, span, write_small_store
from tui.app import DossierApp, make_app
from tui.screens.entity import EntityScreen
from tui.screens.event import EventScreen
from tui.screens.main import MainScreen
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.plain_list import PlainList
from tui.widgets.reader import Reader

WIDE = (160, 48)
NARROW = (80, 24)


@pytest.fixture
def app(tmp_path: Path) -> DossierApp:
    return make_app(write_small_store(tmp_path / "store.json"))


def prompts(widget: PlainList) -> list[str]:
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


async def test_entity_view_lists_mentions_and_enter_reads_one(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("3", *"nazar", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        head = str(screen.query_one("#entity-head", Static).render())
        assert "Nursultan Nazarbayev" in head and "person" in head and "also: Nazarbayev" in head
        assert "President of Kazakhstan." in str(
            screen.query_one("#entity-description", Static).render()
        )
        mentions = prompts(screen.query_one("#entity-mentions", PlainList))
        assert len(mentions) == 2
        assert mentions[0].startswith("Kazakhstan Bans Islamic State\n")
        related = prompts(screen.query_one("#entity-related", PlainList))
        assert related[0].startswith("Aktobe")
        events = prompts(screen.query_one("#entity-events", PlainList))
        assert events[0].startswith("2011–2012") and events[1].startswith("2015-11")
        await pilot.press("j", "enter")  # the mention in b.txt
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        reader = main.query_one(Reader)
        assert app.focused is reader
        assert reader.doc.file == "b.txt"
        assert reader.highlighted("reader--event") == [span(DOC_B, "Nazarbayev")]


async def test_entity_view_related_opens_another_entity_and_escape_goes_back(
    app: DossierApp,
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("3", *"nazar", "enter")
        await settle(pilot)
        await pilot.press("tab", "enter")  # related: Aktobe
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.entity_id == "aktobe"
        await pilot.press("escape")
        assert isinstance(app.screen, EntityScreen) and app.screen.entity_id == "nazarbayev"
        await pilot.press("y")
        assert app.clipboard.startswith(
            '> "President Nursultan Nazarbayev welcomed the ruling in November 2015." — Joanna'
        )
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_event_view_shows_cluster_and_reads_the_other_source(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("2", "j")  # 2015-10, the ruling reported by both sources
        assert app.screen.query_one(ChronologyList).highlighted_id == "b1"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EventScreen)
        date = str(screen.query_one("#event-date", Static).render())
        assert date.startswith("2015-10  month precision (2015-10-01 to 2015-10-31)")
        assert "dated by October 2015" in date
        cluster = prompts(screen.query_one("#event-cluster", PlainList))
        assert cluster == [
            (
                "Kazakhstan Bans Islamic State · 2015-10-15\n"
                "The court in Astana ruled on October 15, 2015."
            )
        ]
        entities = prompts(screen.query_one("#event-entities", PlainList))
        assert [e.split()[0] for e in entities] == ["Astana", "Islamic"]
        await pilot.press("y")
        assert app.clipboard.startswith('> "An Astana court ruled in October 2015')
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert reader.doc.file == "a.txt"
        assert reader.highlighted("reader--event") == [
            span(DOC_A, "The court in Astana ruled on October 15, 2015.")
        ]


async def test_palette_opens_an_entity_by_alias_and_a_year(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"entity: nur-sultan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.entity_id == "astana"
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.press(*"date: 2015")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        assert main.model.current_pane == "chronology"
        assert main.query_one(ChronologyList).highlighted_id == "b1"


async def test_narrow_terminal_shows_one_pane_under_tabs(app: DossierApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        shown = [
            p
            for p in ("sources", "chronology", "entities", "reader")
            if screen.query_one(f"#pane-{p}").display
            and screen.query_one(f"#pane-{p}").region.width > 0
        ]
        assert shown == ["sources"]
        await pilot.press("tab")
        await pilot.pause()
        assert screen.query_one("#pane-chronology").region.width == 80
        assert screen.query_one("#pane-sources").region.width == 0
        # search still works, and the reader comes forward at the hit
        await pilot.press("slash", *"nazarbayev", "enter")
        await settle(pilot)
        assert screen.model.current_pane == "results"
        await pilot.press("enter")
        await settle(pilot)
        reader = screen.query_one(Reader)
        assert screen.query_one("#pane-reader").region.width == 80
        assert app.focused is reader
        assert reader.highlighted("reader--hit-current") == [span(DOC_A, "Nazarbayev")]
        await pilot.press("n")
        await settle(pilot)
        assert screen.query_one("#pane-reader").border_subtitle == "hit 2/2"


async def test_the_first_frame_comes_before_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import store.build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("A Title\n\nThe court ruled on 3 May 2015 in Astana.\n")
    (corpus / "two.txt").write_text("Another\n\nNothing happened.\n")
    # Hold the build until the test has seen the first frame, so a fast build cannot race it.
    release = threading.Event()
    real_ensure_built = store.build.ensure_built

    def held_build(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert release.wait(30), "the test never released the build"
        return real_ensure_built(*args, **kwargs)

    monkeypatch.setattr(store.build, "ensure_built", held_build)
    app = make_app(tmp_path / "store.json", corpus)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        # the build is still running: the screen is up with its loading line
        assert screen.query_one("#loading").display
        assert isinstance(screen.query_one("#loading-bar"), ProgressBar)
        assert not (tmp_path / "store.json").exists()
        release.set()
        await settle(pilot)
        assert not screen.query_one("#loading").display
        assert (tmp_path / "store.json").exists()
        assert app.catalog is not None and len(app.catalog.sources) == 2


async def test_a_pdf_shows_page_rules_and_y_cites_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.pdfmake import Page as PdfPage
    from tests.pdfmake import make_pdf
    from tests.unit.store.test_formats import report_pdf

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.pdf").write_bytes(report_pdf())
    (corpus / "scan.pdf").write_bytes(make_pdf([PdfPage(rectangle=True)]))
    app = make_app(tmp_path / "store.json", corpus)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_in_reader("report.pdf")
        await settle(pilot)
        reader = screen.query_one(Reader)
        assert reader.doc is not None and reader.doc.file == "report.pdf"
        rows = [reader.render_line(y).text for y in range(reader.size.height)]
        assert any("─── p. 2 " in row for row in rows)
        text = reader.doc.text.text
        page_two = text.index("In the summer the teams moved north")
        reader.go_to(page_two)
        await settle(pilot)
        assert str(screen.query_one("#pane-reader").border_title).endswith("p. 2")
        await pilot.press("4", "y")
        await settle(pilot)
        assert copied and copied[-1].endswith(", p. 2")
        screen.open_in_reader("scan.pdf")
        await settle(pilot)
        assert "no text layer: 1 page; needs OCR" in reader.render_line(0).text
