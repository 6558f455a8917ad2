"""The build: fingerprints, rebuilds, corrupt stores and offsets that slice back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import store.build as pipeline
from store.build import build, ensure_built, is_stale
from store.errors import StoreTooNew
from store.storage.db import Store
from store.storage.locations import default_store_path


def test_every_passage_and_sentence_slices_back(built_store: Store) -> None:
    for source in built_store.sources():
        text = built_store.text(source.file)
        passages = built_store.passages(source.file)
        assert passages and source.passages == len(passages)
        for passage in passages:
            chunk = text[passage.start : passage.end]
            assert chunk and chunk == chunk.strip()
        for sentence in built_store.sentences(source.file):
            passage = passages[sentence.passage]
            assert passage.start <= sentence.start < sentence.end <= passage.end
            assert text[sentence.start : sentence.end].strip()


def test_stored_text_is_the_file(built_store: Store, seeds_dir: Path) -> None:
    for source in built_store.sources():
        assert built_store.text(source.file) == (seeds_dir / source.file).read_text("utf-8")


def test_unchanged_corpus_is_not_rebuilt_and_a_changed_one_is(
    tmp_path: Path, corpus_copy: Path
) -> None:
    store = tmp_path / "s.json"
    first = ensure_built(corpus_copy, store)
    assert first.built
    stamp = store.stat().st_mtime_ns
    again = ensure_built(corpus_copy, store)
    assert not again.built and store.stat().st_mtime_ns == stamp
    assert not is_stale(corpus_copy, store)
    (corpus_copy / "new.txt").write_text("Fresh Report\n\nOn 3 March 2020 something happened.\n")
    assert is_stale(corpus_copy, store)
    third = ensure_built(corpus_copy, store)
    assert third.built
    with Store(store) as opened:
        assert opened.source("new.txt").title == "Fresh Report"
    manifest = corpus_copy / "sources.yaml"
    manifest.write_text(manifest.read_text().replace("Caravanserai", "Caravanserai News"))
    assert ensure_built(corpus_copy, store).built
    assert build(corpus_copy, store, force=True).built


def test_corrupt_store_is_kept_aside_and_rebuilt(tmp_path: Path, corpus_copy: Path) -> None:
    store = tmp_path / "s.json"
    ensure_built(corpus_copy, store)
    store.write_bytes(store.read_bytes()[:1000])
    report = ensure_built(corpus_copy, store)
    assert report.built
    kept = list(tmp_path.glob("s.json.corrupt-*"))
    assert len(kept) == 1 and len(kept[0].read_bytes()) == 1000
    assert any("kept it as" in w for w in report.warnings)
    with Store(store) as opened:
        assert len(opened.sources()) == 5


def test_newer_store_is_not_overwritten(tmp_path: Path, corpus_copy: Path) -> None:
    store = tmp_path / "s.json"
    store.write_text('{"meta": {"1": {"schema": 999}}}')
    with pytest.raises(StoreTooNew):
        ensure_built(corpus_copy, store)
    assert store.read_text() == '{"meta": {"1": {"schema": 999}}}'


def test_build_killed_mid_write_leaves_the_old_store(tmp_path: Path, corpus_copy: Path) -> None:
    store = tmp_path / "s.json"
    ensure_built(corpus_copy, store)
    before = store.read_bytes()
    (corpus_copy / "extra.txt").write_text("Another document.\n")
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from store.build import ensure_built\n"
        "os.replace = lambda *a, **k: os._exit(9)\n"
        f"ensure_built(Path({str(corpus_copy)!r}), Path({str(store)!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 9, proc.stderr
    assert store.read_bytes() == before


def test_default_store_lives_in_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    path = default_store_path(seeds_dir)
    assert path.parent == tmp_path / "dossier" / "stores"
    assert path != default_store_path(tmp_path)


def test_a_change_to_the_extraction_code_makes_the_store_stale(
    tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    ensure_built(corpus_copy, path)
    assert not is_stale(corpus_copy, path)
    monkeypatch.setattr(pipeline, "extractor_digest", lambda: "code-changed")
    assert is_stale(corpus_copy, path)


def test_extractor_files_cover_nested_packages_and_data_but_not_the_seeds(tmp_path: Path) -> None:
    (tmp_path / "timex" / "rules").mkdir(parents=True)
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "__pycache__").mkdir()
    for name in (
        "build.py",
        "timex/rules/years.py",
        "lang/en/orgs.yaml",
        "seeds/a.txt",
        "__pycache__/build.cpython-311.pyc",
        "timex/README.md",
    ):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in pipeline.extractor_files(tmp_path)]
    assert found == ["build.py", "lang/en/orgs.yaml", "timex/rules/years.py"]


def test_moving_a_module_changes_the_extractor_digest(tmp_path: Path, monkeypatch) -> None:
    """The digest hashes relative paths: the same bytes in a sub-package are another extractor."""

    def digest_of(tree: dict[str, str]) -> str:
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        for name, text in tree.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        monkeypatch.setattr(pipeline, "__file__", str(root / "build.py"))
        pipeline.extractor_digest.cache_clear()
        try:
            return pipeline.extractor_digest()
        finally:
            pipeline.extractor_digest.cache_clear()

    flat = digest_of({"build.py": "b", "timex_scan.py": "scan"})
    nested = digest_of({"build.py": "b", "timex/scan.py": "scan"})
    edited = digest_of({"build.py": "b", "timex/scan.py": "scan2"})
    assert len({flat, nested, edited}) == 3
