"""`dossier entities` and `dossier entity` in print mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_entities_json_shape_and_type_filter(capsys, built_store_path: Path) -> None:
    code, out, _ = run(
        capsys, "entities", "--json", "--type", "person", "--store", str(built_store_path)
    )
    assert code == 0
    rows = json.loads(out)
    assert rows and all(r["type"] == "person" for r in rows)
    assert set(rows[0]) == {
        "id",
        "name",
        "type",
        "aliases",
        "description",
        "mentions",
        "discovered",
        "source",
        "type_reason",
        "evidence",
    }
    assert {r["source"] for r in rows} <= {"catalogue", "base", "discovered"}
    naz = next(r for r in rows if r["name"] == "Nursultan Nazarbayev")
    assert naz["mentions"] == {"002_e3382299f196536e.txt": 1, "003_290b001818848b61.txt": 3}


def test_entity_by_alias_any_case(capsys, built_store_path: Path) -> None:
    code, out, _ = run(capsys, "entity", "isil", "--json", "--store", str(built_store_path))
    assert code == 0
    data = json.loads(out)
    assert data["name"] == "Islamic State"
    assert {"mentions_in_context", "related", "events"} <= set(data)
    first = data["mentions_in_context"][0]
    assert first["surface"] in ("IS", "ISIS", "ISIL", "Islamic State")


def test_entity_text_mode(capsys, built_store_path: Path) -> None:
    code, out, _ = run(capsys, "entity", "KNB", "--store", str(built_store_path))
    assert code == 0
    assert out.startswith("National Security Committee of Kazakhstan  [organisation]")
    assert "in context:" in out


def test_unknown_entity_suggests(capsys, built_store_path: Path) -> None:
    code, _, err = run(capsys, "entity", "Nazarbaev", "--store", str(built_store_path))
    assert code == 2
    assert "did you mean 'Nursultan Nazarbayev'" in err


def test_unknown_type_is_an_error(capsys, built_store_path: Path) -> None:
    code, _, err = run(capsys, "entities", "--type", "planet", "--store", str(built_store_path))
    assert code == 2 and "unknown entity type" in err


def test_exclude_takes_effect_on_rebuild(capsys, corpus_copy: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.json"
    args = ("--corpus", str(corpus_copy), "--store", str(store))
    code, out, _ = run(capsys, "entities", "--json", *args)
    assert "US Special Forces" in {r["name"] for r in json.loads(out)}
    catalogue = corpus_copy / "entities.yaml"
    catalogue.write_text(
        catalogue.read_text().replace("exclude:\n", "exclude:\n  - US Special Forces\n", 1)
    )
    code, out, _ = run(capsys, "entities", "--json", *args)
    assert code == 0
    assert "US Special Forces" not in {r["name"] for r in json.loads(out)}


def test_malformed_catalogue_at_the_cli(capsys, corpus_copy: Path, tmp_path: Path) -> None:
    (corpus_copy / "entities.yaml").write_text("entities:\n  - name: X\n    type: planet\n")
    code, _, err = run(
        capsys, "entities", "--corpus", str(corpus_copy), "--store", str(tmp_path / "s.json")
    )
    assert code == 2
    assert "entities.yaml:3:" in err and "unknown type 'planet'" in err
