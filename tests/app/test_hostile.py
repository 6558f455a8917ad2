"""A hostile document shows literally, does nothing, and opens fast even at 50,000 lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.support import settle, write_small_store
from tests.paths import DATA
from tui.app import DossierApp, make_app
from tui.widgets.reader import Reader
from tui.widgets.source_list import SourceList

HOSTILE = (DATA / "hostile" / "hostile.txt").read_bytes().decode()
BIG_LINES = 50_000


def big_hostile() -> str:
    """The hostile text followed by a 50,000-line body, still with no final newline."""
    body = "\n".join(f"line {i} [bold]x[/bold] \x1b[7m" for i in range(BIG_LINES))
    head, tail = HOSTILE.rsplit("\n\n", 1)
    return f"{head}\n\n{body}\n\n{tail}"


@pytest.fixture
def app(tmp_path: Path) -> DossierApp:
    extra = {"hostile.txt": HOSTILE, "big.txt": big_hostile()}
    return make_app(write_small_store(tmp_path / "store.json", extra))


def screen_text(reader: Reader) -> list[str]:
    return [reader.render_line(y).text for y in range(reader.size.height)]


def segments_text(reader: Reader) -> str:
    return "".join(seg.text for y in range(reader.size.height) for seg in reader.render_line(y))


async def open_source(pilot, app: DossierApp, file: str) -> Reader:  # type: ignore[no-untyped-def]
    app.main.open_in_reader(file, focus=True)
    await settle(pilot)
    reader = app.main.query_one(Reader)
    assert reader.doc.file == file
    return reader


async def test_markup_and_escapes_show_literally(app: DossierApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        reader = await open_source(pilot, app, "hostile.txt")
        joined = " ".join(line[2:].rstrip() for line in screen_text(reader))  # unwrapped
        assert (
            "Hostile [bold]not bold[/bold] and [@click=app.quit]click me[/] and [red]red[/red]"
            in joined
        )
        assert "\u241b[31mred?\u241b[0m clear screen \u241b[2J bell \u2407" in joined
        assert "OSC 52: \u241b]52;c;aGVsbG8=\u2407" in joined
        assert "\ufffd31m" in joined  # the C1 CSI
        assert "\u05e9\u05dc\u05d5\u05dd" in joined and "e\u0301" in joined
        assert "Tab     separated       columns" in joined
        # nothing that reaches the terminal carries a control character
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in segments_text(reader))
        # the control pictures are styled as such
        assert (HOSTILE.index("\x1b"), HOSTILE.index("\x1b") + 1) in reader.highlighted(
            "reader--control"
        )
        await pilot.press("G")
        assert "The last line has no newline" in "".join(screen_text(reader))
        # a click on the would-be link does nothing: the app is still running
        await pilot.click(Reader, offset=(30, 0))
        await pilot.pause()
        assert app.is_running


async def test_long_line_wraps_without_losing_a_character(app: DossierApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        reader = await open_source(pilot, app, "hostile.txt")
        long_line = next(line for line in HOSTILE.split("\n") if len(line) > 2000)
        doc = reader.doc
        number = doc.text.lines.index(long_line)
        rows = [r for r in doc.text.rows(reader.text_width) if r.line == number]
        assert len(rows) > 20
        assert all(r.b - r.a <= reader.text_width + 1 for r in rows)
        assert "".join(long_line[r.a : r.b] for r in rows) == long_line


async def test_hostile_title_shows_literally_in_the_sources_pane(app: DossierApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        sources = app.main.query_one(SourceList)
        titles = [str(sources.get_option_at_index(i).prompt) for i in range(sources.option_count)]
        assert any(t.startswith("Hostile [bold]not bold[") for t in titles)  # the pane cuts it


async def test_fifty_thousand_lines_open_and_reach_the_end(app: DossierApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = await open_source(pilot, app, "big.txt")
        assert reader.virtual_size.height > BIG_LINES
        assert screen_text(reader)[0].startswith("\u258c Hostile [bold]not bold[/bold]")
        await pilot.press("G")
        await pilot.pause()
        lines = screen_text(reader)
        assert any("The last line has no newline" in line for line in lines)
        assert any(f"line {BIG_LINES - 1} [bold]x[/bold]" in line for line in lines)
        # search hits in the big document are found and highlighted at their offsets
        await pilot.press("slash", *'"line 49999"', "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        start = big_hostile().index("line 49999 ")
        assert reader.highlighted("reader--hit-current") == [(start, start + len("line 49999"))]
        assert any("line 49999" in line for line in screen_text(reader))


async def test_a_title_with_markup_is_the_reader_title_literally_and_clicking_it_does_nothing(
    tmp_path: Path,
) -> None:
    """A document title holding Textual markup was parsed: [@click=app.quit] became a live
    link that quit the app, [bold] was consumed, an unbalanced [/] raised MarkupError."""
    title = "Click [@click=app.quit]here[/] or [bold]not [/] closed [/]"
    app = make_app(write_small_store(tmp_path / "store.json", {"t.txt": f"{title}\n\nBody."}))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.open_in_reader("t.txt", focus=True)
        await settle(pilot)
        pane = app.main.query_one("#pane-reader")
        region = pane.region
        screen_text = app.export_screenshot()
        assert "[@click=app.quit]here[/]" in screen_text.replace("&#160;", " ")
        await pilot.click(offset=(region.x + 12, region.y))  # on the title's "here"
        await pilot.pause()
        assert app.is_running
