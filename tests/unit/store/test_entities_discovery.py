"""Discovery with an EMPTY catalogue on a story written for this test (tests/data)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from store.entities import Catalogue, extract_entities, load_catalogue
from store.models import Document
from store.text.segment import segment
from tests.paths import DATA


def discovered() -> tuple[dict, Counter, list]:
    text = (DATA / "entities_discovery.txt").read_text(encoding="utf-8")
    passages, sentences = segment("story.txt", text)
    document = Document("story.txt", text, tuple(passages), tuple(sentences))
    entities, mentions = extract_entities([document], load_catalogue(None))
    for m in mentions:
        assert text[m.start : m.end] == m.surface
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
    junk = {
        "However",
        "Examined",
        "The",
        "May",
        "March",
        "Tuesday",
        "Friday",
        "VRCS",
        "Reinholt",
        "Interior Minister",
        "Prime Minister",
        "Floods Test Republic of Varnia",
        "Oskar Lindqvist",
        "Its",
        "A",
        "We",
    }
    assert not junk & set(by_name)
    assert "Harbour Aid" in by_name
    assert len(by_name) == 12  # the eleven above and Harbour Aid, nothing else


def test_acronym_spelled_out_by_a_long_name_without_cue_word() -> None:
    """'Free Hand of Varn and Ostra (FHVO)': no cue word joins the long name into one span,
    but its capitalised words spell the acronym, so both name one discovered entity."""
    text = (
        "Reporters in the valley said the Free Hand of Varn and Ostra (FHVO) held the pass "
        "on Monday.\n\nA local farmer said FHVO fighters left the pass, and that the FHVO "
        "camp was empty.\n"
    )
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


def extract(
    name: str, catalogue_yaml: str | None = None, tmp: Path | None = None
) -> tuple[dict, Counter, list]:
    text = (DATA / name).read_text(encoding="utf-8")
    passages, sentences = segment(name, text)
    document = Document(name, text, tuple(passages), tuple(sentences))
    catalogue = None
    if catalogue_yaml is not None and tmp is not None:
        catalogue = tmp / "entities.yaml"
        catalogue.write_text(catalogue_yaml, encoding="utf-8")
    entities, mentions = extract_entities([document], load_catalogue(catalogue))
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    return {e.name: e for e in entities}, Counter(m.entity for m in mentions), mentions


def test_appositions_particles_groups_and_regions_are_typed() -> None:
    """tests/data/entities_apposition.txt: an invented country, people known only by an
    apposition or an Arabic-style particle, groups the text calls a group or a movement."""
    by_name, _, _ = extract("entities_apposition.txt")
    expected = {
        "Oleg Ranić": "person",  # "The head of Tarvia's State Security Bureau (SSB), Oleg Ranić,"
        "Yusuf ibn Hamid": "person",  # ", a preacher based in Kessin"; "ibn"
        "Abu Karim al-Tarvani": "person",  # "Abu", ", a BNF commander"
        "Brotherhood of the Northern Flame": "organisation",
        "State Security Bureau": "organisation",
        "Free Coast": "organisation",  # "the Free Coast (FC) movement"
        "Coastline Radio": "organisation",
        "Kessin Regional Council": "organisation",
        "Republic of Tarvia": "place",
        "Eastern Marches": "place",  # a compass word and a name: a region
        "Kessin": "place",
        "Dalvik": "place",  # "the port of Dalvik"
        "Joint Plan of Action on Border Security": "other",
    }
    assert {name: by_name[name].type for name in expected if name in by_name} == expected
    assert set(by_name) == set(expected)  # no openers ("Surprisingly", "Analysts"), no "TV"
    assert by_name["Abu Karim al-Tarvani"].description == "a BNF commander"


def test_two_letter_acronym_defined_for_a_group_links_case_sensitively() -> None:
    by_name, counts, mentions = extract("entities_apposition.txt")
    free_coast = by_name["Free Coast"]
    assert free_coast.aliases == ("FC",)
    assert [m.surface for m in mentions if m.entity == free_coast.id] == ["Free Coast", "FC", "FC"]
    bnf = by_name["Brotherhood of the Northern Flame"]
    assert bnf.aliases == ("BNF",)
    assert counts[bnf.id] == 4  # the long form and BNF three times
    ranic = by_name["Oleg Ranić"]
    assert ranic.aliases == ("Ranić",) and counts[ranic.id] == 2


def test_two_letter_acronym_needs_its_initials_and_capitals() -> None:
    text = (
        "Officials said the Islamic State (IS) group was active. IS fighters left, and it is "
        "said the IS claimed it. Is it over? Nobody said the Red Army (IS) was there, and "
        "the IT team and IT staff were told.\n"
    )
    passages, sentences = segment("t.txt", text)
    entities, mentions = extract_entities(
        [Document("t.txt", text, tuple(passages), tuple(sentences))], load_catalogue(None)
    )
    by_name = {e.name: e for e in entities}
    islamic_state = by_name["Islamic State"]
    assert islamic_state.type == "organisation"
    # the definition's "(IS)" counts; "(IS)" after "Red Army" does not spell Red Army, so it
    # stays the Islamic State's
    assert [m.surface for m in mentions if m.entity == islamic_state.id] == [
        "Islamic State",
        "IS",
        "IS",
        "IS",
        "IS",
    ]
    assert by_name["Red Army"].aliases == ()
    assert set(by_name) == {"Islamic State", "Red Army"}  # no "IT", "Is", "Officials", "Nobody"


def test_a_cut_title_is_not_an_entity(tmp_path: Path) -> None:
    """With 'Border Security' in the catalogue, 'Joint Plan of Action on' is the head of a
    longer title, not a name of its own."""
    by_name, _, _ = extract(
        "entities_apposition.txt",
        "entities:\n  - name: Border Security\n    type: other\n",
        tmp_path,
    )
    assert "Border Security" in by_name
    assert not [n for n in by_name if n.startswith("Joint Plan")]


def test_country_acronym_is_a_place_and_spelling_variants_of_one_acronym_merge() -> None:
    text = (
        "The Northern Union (NU) and the Coastal Defence Organisation (CDO) met. "
        "NU troops arrived in the city of Varn after talks with the US.\n\n"
        "The US military and the US embassy were closed. The CDO said so. "
        "The Coastal Defence Organization (CDO) disagreed, and the US had no comment.\n"
    )
    passages, sentences = segment("t.txt", text)
    document = Document("t.txt", text, tuple(passages), tuple(sentences))
    # Discovery alone (no base knowledge) types the acronym from its context ...
    alone, _ = extract_entities([document], Catalogue(base=frozenset()))
    assert {e.name: e for e in alone}["US"].type == "place"
    # ... and the base knowledge knows it as the United States.
    entities, mentions = extract_entities([document], load_catalogue(None))
    by_name = {e.name: e for e in entities}
    assert "US" in by_name["United States"].aliases
    assert by_name["United States"].type == "place"
    cdo = by_name["Coastal Defence Organisation"]
    assert set(cdo.aliases) == {"Coastal Defence Organization", "CDO"}
    assert "Coastal Defence Organization" not in by_name
    assert sum(1 for m in mentions if m.entity == cdo.id) == 5  # both long forms, CDO 3 times
    assert by_name["Northern Union"].type == "organisation"


def test_lower_case_title_before_a_name_with_its_modifiers() -> None:
    """'union chairman Ola Brennvik', 'the acting director Piet Sande': a title head in lower
    case before a name makes a person; modifiers before the head join the description, the
    words before them do not."""
    text = (
        "Dock workers walked out on Monday. The strike began after union chairman Ola "
        "Brennvik spoke, and the acting director Piet Sande agreed to talks.\n"
    )
    passages, sentences = segment("t.txt", text)
    entities, _ = extract_entities(
        [Document("t.txt", text, tuple(passages), tuple(sentences))], load_catalogue(None)
    )
    got = {e.name: (e.type, e.description) for e in entities}
    assert got == {
        "Ola Brennvik": ("person", "chairman"),
        "Piet Sande": ("person", "acting director"),
    }
