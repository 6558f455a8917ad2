"""Discovery with an EMPTY catalogue on a story written for this test (tests/data)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from store.entities import extract_entities, load_catalogue
from store.models import Document
from store.segment import segment

DATA = Path(__file__).resolve().parent / "data"


def discovered() -> tuple[dict, Counter, list]:
    text = (DATA / "entities_discovery.txt").read_text(encoding="utf-8")
    passages, sentences = segment("story.txt", text)
    document = Document("story.txt", text, tuple(passages), tuple(sentences))
    entities, mentions = extract_entities([document], load_catalogue(None))
    for m in mentions:
        assert text[m.start:m.end] == m.surface
    return {e.name: e for e in entities}, Counter(m.entity for m in mentions), mentions


def test_people_organisations_and_places_with_types() -> None:
    by_name, _, _ = discovered()
    expected = {
        "Tomas Reinholt": "person",
        "Mira Solberg": "person",
        "Piet Haugen": "person",
        "Elena Varga": "person",
        "Ministry of Emergency Situations": "organisation",
        "Varnian Red Crescent Society": "organisation",
        "Green Future Party": "organisation",
        "National Weather Institute": "organisation",
        "Dunmere": "place",
        "Kallow Province": "place",
        "Velmara": "place",
    }
    for name, kind in expected.items():
        assert name in by_name, name
        assert by_name[name].type == kind, name
        assert by_name[name].discovered


def test_descriptions_from_titles_and_appositions() -> None:
    by_name, _, _ = discovered()
    assert by_name["Tomas Reinholt"].description == "Interior Minister"
    assert by_name["Elena Varga"].description == "Prime Minister"
    assert by_name["Mira Solberg"].description == "leader of the Green Future Party"


def test_acronym_definition_and_surname_join_their_entity() -> None:
    by_name, counts, _ = discovered()
    red_crescent = by_name["Varnian Red Crescent Society"]
    assert "VRCS" in red_crescent.aliases
    assert counts[red_crescent.id] == 3  # the long form and VRCS twice
    reinholt = by_name["Tomas Reinholt"]
    assert "Reinholt" in reinholt.aliases
    assert counts[reinholt.id] == 2
    assert counts[by_name["Dunmere"].id] == 5  # "Dunmere-based" included


def test_no_junk() -> None:
    by_name, _, _ = discovered()
    junk = {"However", "Examined", "The", "May", "March", "Tuesday", "Friday", "VRCS", "Reinholt",
            "Interior Minister", "Prime Minister", "Floods Test Republic of Varnia", "Oskar Lindqvist",
            "Its", "A", "We"}
    assert not junk & set(by_name)
    assert "Harbour Aid" in by_name
    assert len(by_name) == 12  # the eleven above and Harbour Aid, nothing else


def test_acronym_spelled_out_by_a_long_name_without_cue_word() -> None:
    """'Free Hand of Varn and Ostra (FHVO)': no cue word joins the long name into one span,
    but its capitalised words spell the acronym, so both name one discovered entity."""
    text = ("Reporters in the valley said the Free Hand of Varn and Ostra (FHVO) held the pass "
            "on Monday.\n\nA local farmer said FHVO fighters left the pass, and that the FHVO "
            "camp was empty.\n")
    passages, sentences = segment("t.txt", text)
    document = Document("t.txt", text, tuple(passages), tuple(sentences))
    entities, mentions = extract_entities([document], load_catalogue(None))
    by_name = {e.name: e for e in entities}
    assert "Free Hand of Varn and Ostra" in by_name
    entity = by_name["Free Hand of Varn and Ostra"]
    assert entity.aliases == ("FHVO",)
    surfaces = [m.surface for m in mentions if m.entity == entity.id]
    assert surfaces == ["Free Hand of Varn and Ostra", "FHVO", "FHVO", "FHVO"]
    assert "FHVO" not in by_name and "Ostra" not in by_name
