"""The app watches its corpus: a document added while it is open shows without a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.app.support import settle
from tui.app import make_app
from tui.screens.main import MainScreen
from tui.widgets.source_list import SourceList

WIDE = (120, 40)


async def _until(condition, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds * 10)):
        if condition():
            return True
        await asyncio.sleep(0.1)
    return condition()


async def test_a_document_added_while_open_is_built_and_shown(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("A Title\n\nThe court ruled on 3 May 2015 in Astana.\n")
    app = make_app(tmp_path / "store.json", corpus)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert app.catalog is not None and len(app.catalog.sources) == 1
        old_store = screen.store
        await asyncio.sleep(0.3)  # the watcher is up
        (corpus / "two.txt").write_text("Second Title\n\nOn 4 June 2016 the talks resumed.\n")
        (corpus / "notes.bin").write_bytes(b"\x00")  # not a document: no rebuild for this alone
        assert await _until(lambda: app.catalog is not None and len(app.catalog.sources) == 2)
        await pilot.pause()
        assert screen.store is not old_store
        titles = [s.title for s in app.catalog.sources]
        assert "Second Title" in titles
        assert screen.query_one(SourceList).option_count == 2


async def test_no_watch_leaves_the_open_store_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("A Title\n\nNothing happened.\n")
    app = make_app(tmp_path / "store.json", corpus, watch=False)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert not [w for w in app.workers if w.group == "watch"]
        (corpus / "two.txt").write_text("Second\n\nNothing either.\n")
        await asyncio.sleep(2.0)
        await pilot.pause()
        assert app.catalog is not None and len(app.catalog.sources) == 1
