"""Record helpers shared by the catalogue, the query language and the CLI."""

from __future__ import annotations

from store.models import entity_type


def test_entity_type_accepts_the_words_people_write() -> None:
    assert entity_type("Organization") == "organisation"
    assert entity_type(" people ") == "person"
    assert entity_type("location") == "place"
    assert entity_type("other") == "other"
    assert entity_type("company") is None
