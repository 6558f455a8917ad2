"""Pilot tests of the chronology's timeline strip: it draws the events' years, moving on it
moves the list, moving the list moves it, it zooms, and it reads without colour."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.support import settle, write_small_store
from tui.app import DossierApp, make_app
from tui.widgets.chronology_list import ChronologyList
from tui.widgets.timeline_strip import TimelineStrip

SIZES = [(80, 24), (160, 48)]


@pytest.fixture
def app(tmp_path: Path) -> DossierApp:
    return make_app(write_small_store(tmp_path / "store.json"))


def highlighted(app: DossierApp) -> str | None:
    chronology = app.main.query_one(ChronologyList)
    if chronology.highlighted is None:
        return None
    return chronology.get_option_at_index(chronology.highlighted).id


def strip_text(app: DossierApp) -> list[str]:
    return app.main.query_one(TimelineStrip).render().plain.splitlines()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_strip_draws_the_years_and_brackets_move_the_list(
    app: DossierApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("2")  # the chronology pane
        await settle(pilot)
        strip = app.main.query_one(TimelineStrip)
        assert strip.region.height == 4 and strip.region.width > 20  # on screen
        caption, _bars, marks, labels = strip_text(app)
        assert caption == "2011 · 1 event · zoom year"
        assert labels.lstrip().startswith("2011")
        assert "▲" in marks and "◆" in marks  # the cursor on 2011, the cluster in 2015
        assert highlighted(app) == "b2"
        await pilot.press("right_square_bracket")  # the next year with events: 2015
        await settle(pilot)
        assert strip_text(app)[0] == "2015 · 2 events · 1 cluster · zoom year"
        assert highlighted(app) == strip.timeline.current_event()
        assert highlighted(app) in ("a1", "b1")  # the cross-source ruling, 2015's first row
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert highlighted(app) == "b2"


async def test_moving_the_list_moves_the_strip(app: DossierApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("G")  # the last event: November 2015
        await settle(pilot)
        assert highlighted(app) == "a2"
        assert strip_text(app)[0].startswith("2015 ·")


async def test_zoom_between_decade_year_and_month(app: DossierApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "plus")
        await settle(pilot)
        assert strip_text(app)[0] == "2011-01 · 1 event · zoom month"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert strip_text(app)[0] == "2015-10 · 1 event · 1 cluster · zoom month"
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert strip_text(app)[0] == "2010s · 3 events · 1 cluster · zoom decade"
        await pilot.press("minus")  # no coarser zoom: nothing changes
        await settle(pilot)
        assert strip_text(app)[0].endswith("zoom decade")


async def test_a_focused_strip_takes_the_arrow_keys(app: DossierApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.click(TimelineStrip)
        await settle(pilot)
        assert isinstance(app.focused, TimelineStrip)
        await pilot.press("right")
        await settle(pilot)
        assert highlighted(app) in ("a1", "b1")
        await pilot.press("h")
        await settle(pilot)
        assert highlighted(app) == "b2"


async def test_no_color_keeps_the_strip_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(write_small_store(tmp_path / "store.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color
        await pilot.press("2")
        await settle(pilot)
        _caption, bars, marks, labels = strip_text(app)
        # shapes, not colours, carry it: heights for density, ▲ for the cursor, ◆ for clusters
        assert "█" in bars and "·" in bars
        assert marks.index("▲") < marks.index("◆")
        assert "2011" in labels and "2015" in labels
