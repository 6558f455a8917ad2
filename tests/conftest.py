"""Shared fixtures: the bundled corpus, and one store built from it for the whole session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from store.storage.db import Store
from store.storage.locations import bundled_corpus


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return bundled_corpus()


@pytest.fixture(scope="session")
def built_store_path(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seeds built once into a temporary store file (never the user's data directory)."""
    from store.build import build

    path = tmp_path_factory.mktemp("store") / "seeds.json"
    build(seeds_dir, path)
    return path


@pytest.fixture(scope="session")
def built_store(built_store_path: Path) -> Store:
    store = Store(built_store_path).open()
    yield store
    store.close()


@pytest.fixture
def corpus_copy(tmp_path: Path, seeds_dir: Path) -> Path:
    """A writable copy of the bundled corpus, for tests that change it."""
    target = tmp_path / "corpus"
    shutil.copytree(seeds_dir, target)
    return target


@pytest.fixture(autouse=True)
def _isolated_data_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test writes a store into the real user's data directory."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "xdg-data"))
    monkeypatch.delenv("DOSSIER_CORPUS", raising=False)
    monkeypatch.delenv("DOSSIER_STORE", raising=False)
    monkeypatch.delenv("DOSSIER_USERDATA", raising=False)
    monkeypatch.delenv("DOSSIER_CITATION", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "xdg-config"))
