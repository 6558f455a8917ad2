"""Snapshots of the chronology's timeline strip at 80x24 and 160x48: by year with the cursor on
the cross-source cluster's year, and by decade. Update with `--snapshot-update` after checking
the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.app.support import settle as settle_workers
from tests.app.support import write_small_store
from tui.app import make_app

SIZES = [(80, 24), (160, 48)]


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda _self: None)


def press_then_settle(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle_workers(pilot)
        for key in keys:
            await pilot.press(key)
            await settle_workers(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_timeline_by_year_on_the_cluster(
    snap_compare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(write_small_store(tmp_path / "store.json"))
    keys = ("2", "right_square_bracket")
    assert snap_compare(app, terminal_size=size, run_before=press_then_settle(*keys))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_timeline_by_decade(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(write_small_store(tmp_path / "store.json"))
    keys = ("2", "minus")
    assert snap_compare(app, terminal_size=size, run_before=press_then_settle(*keys))
