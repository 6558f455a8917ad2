"""Names without a catalogue: base knowledge, discovery without cues, coreference, types with
their reasons, junk. Every document here is invented; real names appear only where the point
is what the bundled world knowledge knows (countries, news agencies, armed groups)."""

from __future__ import annotations

from pathlib import Path

from store.entities import Catalogue, extract_entities, load_catalogue
from store.models import Document, Entity, Mention
from store.text.segment import segment

ALONE = Catalogue(base=frozenset())  # discovery alone, no base knowledge


def extract(
    text: str, catalogue: Catalogue | None = None, name: str = "t.txt"
) -> tuple[dict[str, Entity], list[Mention]]:
    return extract_many({name: text}, catalogue)


def extract_many(
    texts: dict[str, str], catalogue: Catalogue | None = None
) -> tuple[dict[str, Entity], list[Mention]]:
    documents = []
    for name, text in texts.items():
        passages, sentences = segment(name, text)
        documents.append(Document(name, text, tuple(passages), tuple(sentences)))
    entities, mentions = extract_entities(documents, catalogue or load_catalogue(None))
    for m in mentions:
        assert texts[m.file][m.start : m.end] == m.surface
    return {e.name: e for e in entities}, mentions


def owner(by_name: dict[str, Entity], form: str) -> Entity:
    return next(e for e in by_name.values() if form == e.name or form in e.aliases)


# -- single names with no cue word -----------------------------------------------------------
def test_single_names_the_base_knowledge_knows() -> None:
    text = (
        "Report\n\nThe convoy left at dawn, according to Interfax. Fighters loyal to Hezbollah "
        "crossed later, and the talks drew envoys from Norway, Chile and Kenya.\n"
    )
    by_name, _ = extract(text)
    assert by_name["Interfax"].type == "organisation"
    assert by_name["Hezbollah"].type == "organisation"
    assert {by_name[c].type for c in ("Norway", "Chile", "Kenya")} == {"place"}
    assert by_name["Interfax"].source == "base" and by_name["Interfax"].reason == "gazetteer"


def test_a_town_the_gazetteer_knows_and_a_recurring_capitalised_word() -> None:
    text = (
        "Notes\n\nThe envoy drove from Garland to the coast. He said Garland was quiet.\n\n"
        "Later the envoy met traders from Velmora. The traders of Velmora sold salt.\n"
    )
    by_name, _ = extract(text)
    assert by_name["Garland"].type == "place"  # a common word, but a known town after "from"
    assert "Velmora" in by_name  # no cue, but capitalised inside sentences twice, no common word


def test_switching_the_base_knowledge_off() -> None:
    text = "Report\n\nThe convoy left at dawn, according to Interfax, and reached Norway.\n"
    by_name, _ = extract(text, ALONE)
    assert "Interfax" not in by_name and "Norway" not in by_name


def test_the_users_catalogue_overrides_the_base(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text(
        "exclude: [Chile]\nentities:\n"
        "  - {name: Interfax Agency, type: organisation, aliases: [Interfax]}\n",
        encoding="utf-8",
    )
    text = "Report\n\nAccording to Interfax, envoys from Norway and Chile met.\n"
    by_name, _ = extract(text, load_catalogue(path))
    assert by_name["Interfax Agency"].source == "catalogue"
    assert "Interfax" not in by_name  # the base entry that shares the form is replaced
    assert "Chile" not in by_name and "Norway" in by_name


def test_base_parts_can_be_chosen(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text("base: [countries]\n", encoding="utf-8")
    text = "Report\n\nAccording to Interfax, envoys from Norway met.\n"
    by_name, _ = extract(text, load_catalogue(path))
    assert "Norway" in by_name and "Interfax" not in by_name


# -- lists and chains ------------------------------------------------------------------------
def test_lists_and_chains_of_places() -> None:
    text = (
        "Profile\n\nShe was born in Osh, Kyrgyzstan, and studied abroad. Uzbekistan, "
        "Tajikistan and Turkmenistan signed the pact, as did the UK, France and Germany.\n"
    )
    by_name, _ = extract(text)
    for name in ("Osh", "Kyrgyzstan", "Uzbekistan", "Tajikistan", "Turkmenistan", "France"):
        assert by_name[name].type == "place", name
    assert owner(by_name, "UK").name == "United Kingdom"


def test_an_unknown_name_in_a_list_with_known_places_is_a_place() -> None:
    text = "Brief\n\nThe envoys visited Tarvask, Norway and Chile in one week.\n"
    by_name, _ = extract(text)
    assert by_name["Tarvask"].type == "place"
    assert by_name["Tarvask"].reason == "list with known names"


# -- numbers and possessives -----------------------------------------------------------------
def test_names_with_numbers_ordinals_and_possessives() -> None:
    text = (
        "Brief\n\nSoldiers of the 2nd Brigade, 44th Mountain Infantry Division crossed the river. "
        "The council adopted Resolution 1373 in 2001. Tarvia's Agency for Financial Monitoring "
        "froze the accounts.\n"
    )
    by_name, _ = extract(text, ALONE)
    assert by_name["2nd Brigade"].type == "organisation"
    assert by_name["44th Mountain Infantry Division"].type == "organisation"
    assert by_name["Resolution 1373"].type == "other"
    assert by_name["Agency for Financial Monitoring"].type == "organisation"


# -- types -----------------------------------------------------------------------------------
def test_plain_two_word_names_are_people_and_known_bodies_organisations() -> None:
    text = (
        "Brief\n\nYesterday Darius Velkovar met the press in the capital. The Red Cross and "
        "the United Nations sent staff, and talks with Norway went on.\n"
    )
    by_name, _ = extract(text)
    assert by_name["Darius Velkovar"].type == "person"
    assert by_name["Darius Velkovar"].reason == "name shape"
    assert by_name["Red Cross"].type == "organisation"
    assert by_name["United Nations"].type == "organisation"
    assert by_name["Norway"].type == "place"  # after "with", still a country


def test_a_common_word_phrase_is_no_person() -> None:
    text = "Speech\n\nWe welcome the Economic Freedom and thank our Dear Colleagues today.\n"
    by_name, _ = extract(text, ALONE)
    assert not any(e.type == "person" for e in by_name.values())


# -- merges ----------------------------------------------------------------------------------
def test_a_surname_joins_the_full_name_met_earlier_and_case_variants_too() -> None:
    text = (
        "Trial\n\nGulnara Veskova was arrested in the morning. Veskova denied the charges, "
        "and officials said VESKOVA would appeal.\n"
    )
    by_name, _ = extract(text, ALONE)
    person = by_name["Gulnara Veskova"]
    assert {"Veskova", "VESKOVA"} <= set(person.aliases)
    assert any("surname of Gulnara Veskova" in e for e in person.evidence)


def test_two_people_with_one_surname_leave_the_surname_apart_and_say_so() -> None:
    text = (
        "Family\n\nAnton Morvek and Ilse Morvek were questioned on Monday by the court. "
        "Morvek later told reporters nothing, and Morvek left the city soon after.\n"
    )
    by_name, _ = extract(text, ALONE)
    assert "Morvek" not in by_name["Anton Morvek"].aliases
    assert "Morvek" not in by_name["Ilse Morvek"].aliases
    lone = by_name.get("Morvek")
    assert lone is None or any("several people" in e for e in lone.evidence)


def test_an_acronym_joins_its_expansion_anywhere_in_the_document() -> None:
    text = (
        "Summit\n\nThe Northern Salt Cooperation Council met in March. Delegates praised the "
        "talks.\n\nLater the NSCC said it would meet again. The NSCC chair agreed.\n"
    )
    by_name, _ = extract(text, ALONE)
    assert "NSCC" in by_name["Northern Salt Cooperation Council"].aliases


def test_an_acronym_defined_in_quotes() -> None:
    text = (
        "Report\n\nThe Coastal Intelligence Bureau (\u201cCIB\u201d) opened a case. The CIB "
        'said more. The Harbour Guard ("HG") agreed, and the HG left.\n'
    )
    by_name, _ = extract(text, ALONE)
    assert "CIB" in by_name["Coastal Intelligence Bureau"].aliases
    assert "HG" in by_name["Harbour Guard"].aliases


def test_short_and_long_official_names() -> None:
    text = (
        "Session\n\nThe Republic of Tarvia protested. Tarvia's envoys arrived. The UN General Assembly "
        "opened, and the United Nations General Assembly voted. The General Assembly closed.\n"
    )
    by_name, _ = extract(text)
    assert "Tarvia" in by_name["Republic of Tarvia"].aliases
    assembly = owner(by_name, "UN General Assembly")
    assert assembly is owner(by_name, "United Nations General Assembly")
    assert "General Assembly" in assembly.aliases


def test_spelling_variants_and_transliterations_merge_across_documents() -> None:
    by_name, _ = extract_many(
        {
            "a.txt": "One\n\nThe militants of al-Qaida struck. President Nursalan Tervayev spoke.\n",
            "b.txt": "Two\n\nThe al-Qa'ida cell and al-Qaeda leaders met. Tervaev later left.\n",
            "c.txt": "Three\n\nPresident Nursalan Tervaiev said Erdoğan and Erdogan spoke.\n",
        }
    )
    qaeda = owner(by_name, "al-Qaida")
    assert {"al-Qa'ida", "al-Qaida"} <= {qaeda.name, *qaeda.aliases}
    person = owner(by_name, "Nursalan Tervayev")
    assert "Nursalan Tervaiev" in person.aliases
    assert any("Jaro-Winkler" in e for e in person.evidence)


def test_renamed_places_and_official_country_names() -> None:
    text = (
        "Capital\n\nEnvoys flew to Astana, then called Nur-Sultan, and on to Rangoon and "
        "Yangon. The Syrian Arab Republic and Syria are one.\n"
    )
    by_name, _ = extract(text)
    assert owner(by_name, "Nur-Sultan") is owner(by_name, "Astana")
    assert owner(by_name, "Rangoon") is owner(by_name, "Yangon")
    assert owner(by_name, "Syrian Arab Republic") is owner(by_name, "Syria")


def test_the_same_discovered_entity_in_two_documents_is_one() -> None:
    by_name, mentions = extract_many(
        {
            "a.txt": "One\n\nThe Varn River Authority closed the dam.\n",
            "b.txt": "Two\n\nThe Varn River Authority opened it again.\n",
        },
        ALONE,
    )
    authority = by_name["Varn River Authority"]
    assert {m.file for m in mentions if m.entity == authority.id} == {"a.txt", "b.txt"}


# -- junk ------------------------------------------------------------------------------------
def test_ranks_glued_sentences_and_table_cells_are_no_names() -> None:
    text = (
        "Brief\n\nCol. Gen. Ivor Dalgaard commanded the troops in Varnholt.The ministry said "
        "nothing. Ladies and gentlemen, the Debate is open.\n\n"
        "| Commander | Unit | Region |\n| Harbour | Coast | North |\n"
    )
    by_name, _ = extract(text, ALONE)
    names = set(by_name)
    assert not names & {"Col", "Gen", "Col. Gen", "Ladies", "Debate", "Commander", "Harbour"}
    assert not any(".The" in n for n in names)
    assert by_name["Ivor Dalgaard"].type == "person"


def test_demonyms_and_faiths_are_no_names() -> None:
    text = (
        "Report\n\nLebanese Shiites and Sri Lankan Tamil groups met the Azerbaijani "
        "Chairmanship, and Sunni Islam was discussed.\n"
    )
    by_name, _ = extract(text)
    assert not set(by_name) & {
        "Lebanese Shiites",
        "Sri Lankan Tamil",
        "Azerbaijani Chairmanship",
        "Sunni Islam",
        "Sri Lankan",
    }


def test_a_name_across_a_soft_line_break_and_an_honorific() -> None:
    text = (
        "Statement\n\nWe set up the Special Investment\nFacilitation Council, and Mr. Orvel "
        "Yang thanked the Council.\n"
    )
    by_name, mentions = extract(text, ALONE)
    council = by_name["Special Investment Facilitation Council"]  # one line, as a name reads
    assert any("\n" in m.surface for m in mentions if m.entity == council.id)  # exact offsets
    assert by_name["Orvel Yang"].type == "person"  # "yang" is an English word; "Mr." says more


def test_places_after_a_plural_settlement_noun() -> None:
    text = "Front\n\nTroops entered the villages of Zarvenko and Oktalyne on Monday.\n"
    by_name, _ = extract(text, ALONE)
    assert by_name["Zarvenko"].type == "place"
    assert by_name["Oktalyne"].type == "place"  # in a list with the first
