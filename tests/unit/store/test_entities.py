"""Catalogue loading and validation, and matching of the hard cases, on small texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.entities import extract_entities, load_catalogue
from store.errors import ManifestError
from store.models import Document
from store.text.segment import segment

CATALOGUE = """\
exclude:
  - Breaking News
entities:
  - name: Islamic State
    type: organisation
    aliases: [IS, ISIS, ISIL, Islamic State of Iraq and the Levant, Daesh]
  - name: United States
    type: place
    aliases: [US, U.S.]
  - name: Theresa May
    type: person
    aliases: [May]
  - name: Kazakhstan
    type: place
  - name: Russia
    type: place
  - name: Tajikistan
    type: place
  - name: Aktobe
    type: place
  - name: Aktobe Province
    type: place
  - name: Supreme Court
    type: organisation
    generic: true
"""


def doc(text: str, name: str = "t.txt") -> Document:
    passages, sentences = segment(name, text)
    return Document(name, text, tuple(passages), tuple(sentences))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entities.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path: Path, text: str, catalogue: str = CATALOGUE):
    entities, mentions = extract_entities([doc(text)], load_catalogue(write(tmp_path, catalogue)))
    by_id = {e.id: e for e in entities}
    return by_id, mentions


def surfaces(mentions, entity_id: str) -> list[str]:
    return [m.surface for m in mentions if m.entity == entity_id]


def test_is_the_group_is_not_the_verb(tmp_path: Path) -> None:
    text = (
        "Is it true? The group IS is active. IS' fighters and ISIL’s leaders met. "
        "This is what IS-controlled towns look like, says the Islamic State of Iraq and the Levant.\n"
    )
    _, mentions = run(tmp_path, text)
    assert surfaces(mentions, "islamic-state") == [
        "IS",
        "IS",
        "ISIL",
        "IS",
        "Islamic State of Iraq and the Levant",
    ]


def test_us_the_country_not_money_or_the_pronoun(tmp_path: Path) -> None:
    text = (
        "Kazakhstan gave US $50 million to the fund. Tell us more about the US. "
        "The U.S.-trained officer left.\n"
    )
    _, mentions = run(tmp_path, text)
    assert surfaces(mentions, "united-states") == ["US", "U.S."]


def test_may_the_month_is_not_may_the_person(tmp_path: Path) -> None:
    text = "In May the court met. May said the talks failed. It rained on May 5. In early May, May resigned.\n"
    _, mentions = run(tmp_path, text)
    spots = [m.start for m in mentions if m.entity == "theresa-may"]
    assert [text[s : s + 12] for s in spots] == ["May said the", "May resigned"]


def test_supreme_court_is_qualified_by_its_country(tmp_path: Path) -> None:
    text = (
        "Russia's Supreme Court banned the group. Tajikistan’s Supreme Court followed. "
        "The Supreme Court of Kazakhstan agreed. The Supreme Court was silent.\n"
    )
    by_id, mentions = run(tmp_path, text)
    got = [(m.surface, by_id[m.entity].name) for m in mentions if "court" in m.entity]
    assert got == [
        ("Supreme Court", "Supreme Court of Russia"),
        ("Supreme Court", "Supreme Court of Tajikistan"),
        ("Supreme Court of Kazakhstan", "Supreme Court of Kazakhstan"),
        ("Supreme Court", "Supreme Court"),
    ]
    assert by_id["supreme-court-of-russia"].discovered
    # The possessive place keeps its own mention.
    assert surfaces(mentions, "russia") == ["Russia"]


def test_place_inside_a_longer_name_counts_once(tmp_path: Path) -> None:
    text = "Gunmen attacked Aktobe. Aktobe Province is in the west. Kazakhstan's west includes Aktobe Province.\n"
    _, mentions = run(tmp_path, text)
    assert surfaces(mentions, "aktobe") == ["Aktobe"]
    assert surfaces(mentions, "aktobe-province") == ["Aktobe Province", "Aktobe Province"]
    assert surfaces(mentions, "kazakhstan") == ["Kazakhstan"]


def test_aliases_merge_into_one_entity_and_offsets_are_exact(tmp_path: Path) -> None:
    text = "Daesh, ISIS and the Islamic State are one group.\nThe ISIL video spread.\n"
    by_id, mentions = run(tmp_path, text)
    assert surfaces(mentions, "islamic-state") == ["Daesh", "ISIS", "Islamic State", "ISIL"]
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
    assert set(by_id["islamic-state"].aliases) >= {"IS", "ISIS", "ISIL", "Daesh"}


def test_exclude_removes_a_discovered_false_positive(tmp_path: Path) -> None:
    text = "Interior Minister Tomas Reinholt spoke. Interior Minister Tomas Reinholt left.\n"
    by_id, _ = run(tmp_path, text, "entities: []\n")
    assert "tomas-reinholt" in by_id
    by_id, mentions = run(tmp_path, text, "entities: []\nexclude: [Tomas Reinholt]\n")
    assert "tomas-reinholt" not in by_id
    assert not [m for m in mentions if m.surface == "Tomas Reinholt"]


def test_headings_are_not_read(tmp_path: Path) -> None:
    text = "# Kazakhstan and IS\n\nThe report covers Russia only, as agreed in the end.\n"
    by_id, mentions = run(tmp_path, text)
    assert "kazakhstan" not in by_id and "islamic-state" not in by_id
    assert surfaces(mentions, "russia") == ["Russia"]


def test_empty_and_missing_catalogues(tmp_path: Path) -> None:
    assert load_catalogue(None).entries == ()
    assert load_catalogue(tmp_path / "nope.yaml").entries == ()
    assert load_catalogue(write(tmp_path, "")).entries == ()


def test_case_sensitive_per_alias(tmp_path: Path) -> None:
    catalogue = (
        "entities:\n  - name: Criminal Code\n    type: other\n"
        "    aliases:\n      - {form: Code Red, case_sensitive: true}\n"
    )
    _, mentions = run(tmp_path, "The criminal code and code red and Code Red.\n", catalogue)
    assert surfaces(mentions, "criminal-code") == ["criminal code", "Code Red"]


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("entities:\n  - name: X\n    type: planet\n", 3, "unknown type 'planet'"),
        (
            "entities:\n  - name: A\n    type: place\n  - name: A\n    type: person\n",
            4,
            "duplicate id",
        ),
        (
            (
                "entities:\n  - name: A\n    type: place\n    aliases: [KNB]\n"
                "  - name: B\n    type: place\n    aliases:\n      - knb\n"
            ),
            8,
            "already claimed by 'A'",
        ),
        ("exclude:\n  - Fine\n  - [not, a, string]\nentities: []\n", 3, "must be a string"),
        ("entities:\n  - name: A\n    type: place\n    colour: red\n", 4, "unknown key 'colour'"),
        ("entities:\n  - name: A\n   type: place\n", 3, "malformed YAML"),
        ("entities:\n  - type: place\n", 2, "needs a `name:`"),
    ],
)
def test_malformed_catalogue_reports_file_and_line(
    tmp_path: Path, text: str, line: int, needle: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ManifestError) as caught:
        load_catalogue(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert needle in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}:")


def test_seed_catalogue_is_valid(seeds_dir: Path) -> None:
    catalogue = load_catalogue(seeds_dir / "entities.yaml")
    names = {e.name for e in catalogue.entries}
    assert {
        "Islamic State",
        "National Security Committee of Kazakhstan",
        "Nursultan Nazarbayev",
        "Peace Mission 2014",
    } <= names
    types = {e.name: e.type for e in catalogue.entries}
    assert types["Peace Mission 2014"] == "other" and types["Aktobe"] == "place"
