"""Snapshots of what users see, at the three designed sizes 80x24, 120x40 and 200x60: main screen, reader with hits, entity
view, help. Update with `pytest tests/app/test_snapshots.py --snapshot-update` after checking
the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.app.support import settle as settle_workers
from tests.app.support import write_small_store
from tui.app import make_app

SIZES = [(80, 24), (120, 40), (200, 60)]


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freeze every Input's cursor in the visible state."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda _self: None)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return write_small_store(tmp_path / "store.json")


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle_workers(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


def press_then_settle(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(store_path), terminal_size=size, run_before=press_then_settle())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reader_with_hits(snap_compare, store_path: Path, size: tuple[int, int]) -> None:
    keys = ["slash", *"astana", "enter", "enter", "n"]
    assert snap_compare(
        make_app(store_path), terminal_size=size, run_before=press_then_settle(*keys)
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_entity_view(snap_compare, store_path: Path, size: tuple[int, int]) -> None:
    keys = ["3", *"nazar", "enter"]
    assert snap_compare(
        make_app(store_path), terminal_size=size, run_before=press_then_settle(*keys)
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, store_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(
        make_app(store_path), terminal_size=size, run_before=press_then_settle("question_mark")
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reader_selection(snap_compare, store_path: Path, size: tuple[int, int]) -> None:
    """A phrase selected in visual mode: shaded, the cursor's word in reverse video."""
    keys = ["enter", "right_square_bracket", "l", "l", "l", "v", "l", "l"]
    assert snap_compare(
        make_app(store_path), terminal_size=size, run_before=press_then_settle(*keys)
    )
