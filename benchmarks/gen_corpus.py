"""Synthetic corpora for the benchmarks: N news-like documents with a realistic vocabulary.

Not the seed sentences reshuffled (a vocabulary of a few thousand words makes every index look
fast): words are drawn from a Zipf distribution (s ~ 1.1) over ~60,000 generated words behind
the usual English function words, so a few words are everywhere and most are rare. Documents
have a headline, paragraphs of 2-7 sentences, invented people, places and organisations (with
alias forms and spelling variants: "Karbekov"/"Karbekev", acronyms), and dates in the forms
news uses ("on 5 June 2016", "in March 2015", "2014"). `sources.yaml` gives kinds and
titles; `entities.yaml` catalogues the named things so `entity:` filters have aliases to expand.

    python benchmarks/gen_corpus.py --docs 10000 --out /tmp/dossier-bench/10000
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

FUNCTION = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "it",
    "his",
    "said",
    "has",
    "be",
    "have",
    "an",
    "are",
    "had",
    "not",
    "were",
    "which",
    "this",
    "but",
    "been",
    "after",
    "also",
    "its",
    "their",
    "they",
    "who",
    "more",
    "than",
    "will",
    "would",
    "about",
    "or",
    "one",
    "two",
    "new",
    "over",
    "into",
    "other",
    "some",
    "could",
    "there",
    "when",
    "up",
    "all",
    "its",
    "against",
    "out",
    "last",
    "year",
    "while",
    "before",
    "because",
    "where",
    "them",
    "both",
    "since",
    "under",
    "most",
    "such",
    "three",
    "many",
]
ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "sh",
    "ch",
    "kh",
    "zh",
    "br",
    "tr",
    "st",
    "gr",
    "pl",
    "kr",
    "dr",
]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ay", "ia", "ou"]
CODAS = ["", "", "", "n", "r", "l", "s", "t", "k", "m", "nd", "st", "rk", "v"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
KINDS = ("news", "analysis", "report", "blog")
TEMPLATES = (
    "{P} told reporters in {L} that {w}.",
    "According to {O}, {w} in {L}.",
    "On {D}, {P} met officials of {O} in {L}; {w}.",
    "{w}, {P} said on {D}.",
    "In {M}, {O} announced that {w}.",
    "{w}.",
    "{w}, and {w}.",
    "The {O} spokesman {P} said {w}.",
)


def syllable(rng: random.Random) -> str:
    return rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)


def make_words(rng: random.Random, n: int) -> list[str]:
    seen: set[str] = set(FUNCTION)
    out = list(FUNCTION)
    while len(out) < n:
        word = "".join(syllable(rng) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        if word not in seen and len(word) > 2:
            seen.add(word)
            out.append(word)
    return out


def make_names(rng: random.Random, n: int, suffixes: tuple[str, ...]) -> list[str]:
    names = set()
    while len(names) < n:
        names.add((syllable(rng) + syllable(rng) + rng.choice(suffixes)).capitalize())
    return sorted(names)


class Generator:
    """All random choices come from one seed, so a corpus is the same on every machine."""

    def __init__(self, seed: int = 7, vocabulary: int = 60000) -> None:
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self.words = make_words(self.rng, vocabulary)
        ranks = np.arange(1, len(self.words) + 1, dtype=np.float64)
        weights = 1.0 / ranks**1.1
        self.cdf = np.cumsum(weights / weights.sum())
        firsts = make_names(self.rng, 400, ("", "a", "bek", "gul"))
        lasts = make_names(self.rng, 1500, ("ov", "ayev", "enko", "ova", "ov"))
        self.people = list(
            zip(self.rng.choices(firsts, k=2000), self.rng.choices(lasts, k=2000), strict=True)
        )
        self.places = make_names(self.rng, 600, ("", "abad", "sk", "ty", "ka"))
        org_words = make_names(self.rng, 300, ("", "ist", "al"))
        heads = ("Committee", "Front", "Movement", "Ministry", "Party", "Council", "Service")
        self.orgs = []
        for i in range(300):
            name = f"{org_words[i]} {self.rng.choice(('National', 'Popular', 'United', 'Free'))} {self.rng.choice(heads)}"
            acronym = "".join(w[0] for w in name.split()).upper() + str(i)
            self.orgs.append((name, acronym))

    def words_run(self, n: int) -> str:
        idx = np.searchsorted(self.cdf, self.np.random(n))
        return " ".join(self.words[i] for i in idx)

    def person(self) -> str:
        first, last = self.rng.choice(self.people)
        form = self.rng.random()
        if form < 0.15 and "ay" in last:
            last = last.replace("ay", "a", 1)  # spelling variant, as in Nazarbayev / Nazarbaev
        return f"{first} {last}" if form < 0.7 else last

    def org(self) -> str:
        name, acronym = self.rng.choice(self.orgs)
        return name if self.rng.random() < 0.5 else acronym

    def date(self, year: int) -> str:
        return f"{self.rng.randint(1, 28)} {self.rng.choice(MONTHS)} {year}"

    def sentence(self, year: int) -> str:
        tpl = self.rng.choice(TEMPLATES)
        out = tpl
        while "{w}" in out:
            out = out.replace("{w}", self.words_run(self.rng.randint(6, 18)), 1)
        out = out.replace("{P}", self.person()).replace("{L}", self.rng.choice(self.places))
        out = out.replace("{O}", self.org()).replace("{D}", self.date(year))
        out = out.replace("{M}", f"{self.rng.choice(MONTHS)} {year}")
        return out[0].upper() + out[1:]

    def document(self, target_chars: int) -> tuple[str, str, str]:
        year = self.rng.randint(2010, 2020)
        title = self.words_run(self.rng.randint(4, 9)).capitalize()
        parts = [title, ""]
        dateline = f"{self.rng.choice(self.places).upper()}, {self.date(year)} --"
        size = len(title)
        first = True
        while size < target_chars:
            para = " ".join(self.sentence(year) for _ in range(self.rng.randint(2, 7)))
            if first:
                para = f"{dateline} {para}"
                first = False
            if self.rng.random() < 0.08:
                parts.extend([self.words_run(self.rng.randint(3, 6)).title(), ""])
            parts.extend([para, ""])
            size += len(para) + 2
        return title, "\n".join(parts), f"{year}"


def write_corpus(out: Path, docs: int, doc_chars: int = 5000, seed: int = 7) -> dict[str, float]:
    """Write `docs` files plus sources.yaml and entities.yaml; returns size and seconds."""
    started = time.perf_counter()
    gen = Generator(seed)
    out.mkdir(parents=True, exist_ok=True)
    manifest = ["# Synthetic benchmark corpus (benchmarks/gen_corpus.py)"]
    total = 0
    for i in range(docs):
        title, text, year = gen.document(int(doc_chars * gen.rng.uniform(0.4, 1.6)))
        name = f"doc{i:05d}.txt"
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        total += len(data)
        manifest += [
            f"{name}:",
            f"  title: {title!r}",
            f"  kind: {KINDS[i % len(KINDS)]}",
            f"  published: '{year}'",
        ]
    (out / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    cat = ["entities:"]
    for name, acronym in gen.orgs:
        cat += [f"  - name: {name}", "    type: organisation", "    aliases:", f"      - {acronym}"]
    claimed: set[str] = {f for name, acronym in gen.orgs for f in (name, acronym)}
    for first, last in gen.people[:400]:
        full = f"{first} {last}"
        if full in claimed:
            continue
        claimed.add(full)
        cat += [f"  - name: {full}", "    type: person"]
        forms = [f for f in (last, last.replace("ay", "a", 1)) if f not in claimed]
        if forms:
            cat.append("    aliases:")
        for form in dict.fromkeys(forms):
            claimed.add(form)
            cat.append(f"      - {form}")
    for place in gen.places[:200]:
        if place not in claimed:
            claimed.add(place)
            cat += [f"  - name: {place}", "    type: place"]
    (out / "entities.yaml").write_text("\n".join(cat) + "\n", encoding="utf-8")
    return {"docs": docs, "bytes": total, "seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    info = write_corpus(args.out, args.docs, seed=args.seed)
    print(
        f"{info['docs']} documents, {info['bytes'] / 1e6:.1f} MB in {info['seconds']:.1f} s -> {args.out}"
    )


if __name__ == "__main__":
    main()
