"""Pilot tests: correcting entities from the app (merge, split, exclude, undo, rename, type).

Each key opens a choice where one is needed and always a confirm; the edit is written to the
corpus's entities.yaml (comments kept) and the store rebuilt, so the lists change on screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.app.support import settle
from tests.paths import DATA
from tui.app import DossierApp, make_app
from tui.screens.curation import AskScreen, ChooseScreen, ConfirmScreen
from tui.screens.entity import EntityScreen
from tui.widgets.entity_list import EntityList

WIDE = (160, 48)
COMMENT = "description: An invented coastal militia.   # kept verbatim"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(DATA / "curation", folder)
    return folder


@pytest.fixture
def app(tmp_path: Path, corpus: Path) -> DossierApp:
    return make_app(tmp_path / "store.json", corpus)


def names(app: DossierApp) -> dict[str, str]:
    assert app.catalog is not None
    return {e.name: e.id for e in app.catalog.entities}


def count(app: DossierApp, name: str) -> int:
    assert app.catalog is not None
    return app.catalog.mention_counts[names(app)[name]]


async def on_entity(pilot, app: DossierApp, name: str) -> EntityList:  # type: ignore[no-untyped-def]
    await settle(pilot)
    listing = app.main.query_one(EntityList)
    listing.focus()
    listing.highlighted = next(i for i, o in enumerate(listing.options) if o.id == names(app)[name])
    await pilot.pause()
    return listing


async def test_merge_chooses_the_other_entity_confirms_and_the_counts_change(
    app: DossierApp, corpus: Path
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await on_entity(pilot, app, "Varnholt")
        varnholt, oskany = count(app, "Varnholt"), count(app, "Oskany")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press(*"oskany", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert "Oskany" not in names(app)
        assert count(app, "Varnholt") == varnholt + oskany
        text = (corpus / "entities.yaml").read_text(encoding="utf-8")
        assert COMMENT in text and "Oskany" in text


async def test_a_confirm_answered_no_changes_nothing(app: DossierApp, corpus: Path) -> None:
    before = (corpus / "entities.yaml").read_text(encoding="utf-8")
    async with app.run_test(size=WIDE) as pilot:
        await on_entity(pilot, app, "Oskany")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert "Oskany" in names(app)
    assert (corpus / "entities.yaml").read_text(encoding="utf-8") == before


async def test_exclude_then_undo(app: DossierApp, corpus: Path) -> None:
    before = (corpus / "entities.yaml").read_text(encoding="utf-8")
    async with app.run_test(size=WIDE) as pilot:
        await on_entity(pilot, app, "Oskany")
        await pilot.press("x", "y")
        await settle(pilot)
        assert "Oskany" not in names(app)
        assert "- Oskany" in (corpus / "entities.yaml").read_text(encoding="utf-8")
        await on_entity(pilot, app, "Varnholt")
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert "Oskany" in names(app)
    assert (corpus / "entities.yaml").read_text(encoding="utf-8") == before


async def test_split_an_alias_off_from_the_entity_view(app: DossierApp, corpus: Path) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await on_entity(pilot, app, "Northern Accord")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("enter", "y")  # the first (only) alias, "Accord"
        await settle(pilot)
        assert not isinstance(app.screen, EntityScreen)  # back on the main screen, rebuilt
        assert "Accord" in names(app)
        assert app.catalog is not None
        accord = next(e for e in app.catalog.entities if e.name == "Northern Accord")
        assert "Accord" not in accord.aliases
        assert COMMENT in (corpus / "entities.yaml").read_text(encoding="utf-8")


async def test_rename_and_change_type(app: DossierApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await on_entity(pilot, app, "Kestrel Wire")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("end", *(["backspace"] * 4), *"News", "enter", "y")
        await settle(pilot)
        assert "Kestrel News" in names(app) and "Kestrel Wire" not in names(app)
        await on_entity(pilot, app, "Kestrel News")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"organisation", "enter", "y")
        await settle(pilot)
        assert app.catalog is not None
        kestrel = next(e for e in app.catalog.entities if e.name == "Kestrel News")
        assert kestrel.type == "organisation"


async def test_without_a_corpus_folder_curation_says_why_not(tmp_path: Path) -> None:
    from tests.app.support import write_small_store

    app = make_app(write_small_store(tmp_path / "store.json"))
    async with app.run_test(size=WIDE) as pilot:
        await on_entity(pilot, app, "Aktobe")
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert any("--corpus" in str(n.message) for n in app._notifications)
