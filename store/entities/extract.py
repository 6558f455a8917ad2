"""The entities stage of the build: catalogue matching + discovery -> entities and mentions.

`load_catalogue` reads the user's `entities.yaml` (store/entities_catalogue.py);
`extract_entities` runs the matcher (store/entities_match.py) and discovery
(store/entities_discover.py) over each document's body sentences, then settles what only the
whole corpus can tell: a surname that belongs to one discovered person, an acronym defined in
one document and used in another, a generic institution ("Supreme Court") qualified by the
country named with it, and the user's `exclude:` list. Details for the CLI and the app live
in store/entities_details.py.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from store.entities.catalogue import (
    Alias,
    Catalogue,
    form_key,
)
from store.entities.corpus_steps import CorpusSteps
from store.entities.discovery.sentence import discover
from store.entities.discovery.tokens import DocFindings, Found, lower_vocabulary, reason_for
from store.entities.match import Matcher, default_case_sensitive, is_acronym
from store.entities.records import EntityHit, Info
from store.entities.world import weak_places, with_base
from store.lang.en import STOPWORDS
from store.models import Document, Entity, Mention, Sentence

__all__ = [
    "EntityHit",
    "EntityParts",
    "document_entities",
    "extract_entities",
    "matcher_for",
    "settle_entities",
]


_PARTICLE_FORM = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul|ut)-[A-Z]")


def matcher_for(catalogue: Catalogue) -> Matcher:
    """The automata for every form of every catalogue entry, with its case rule; the base
    knowledge the catalogue keeps (`base:`) is part of it."""
    catalogue, _ = with_base(catalogue)
    triples = []
    for entry in catalogue.entries:
        for alias in (Alias(entry.name), *entry.aliases):
            case = alias.case_sensitive
            if case is None:
                case = entry.case_sensitive
            if case is None:
                case = catalogue.case_sensitive
            if case is None:
                case = default_case_sensitive(alias.form)
            triples.append((f"c:{entry.id}", alias.form, case))
            particle = _PARTICLE_FORM.match(alias.form)
            if particle and case:
                # "al-Qaeda" is written "Al-Qaeda" at a sentence start and in titles
                triples.append((f"c:{entry.id}", alias.form[0].upper() + alias.form[1:], case))
    return Matcher(triples)


@dataclass(slots=True)
class EntityParts:
    """What one document says on its own: catalogue hits in its body sentences and what
    discovery found there. Pure in the document, its segmentation and the catalogue, so it can
    be computed in parallel and cached; `settle_entities` reads every document's parts."""

    hits: list[EntityHit]
    findings: DocFindings


def extract_entities(
    documents: list[Document], catalogue: Catalogue
) -> tuple[list[Entity], list[Mention]]:
    """Entities with at least one mention in a body sentence, and every mention, in text order."""
    matcher = matcher_for(catalogue)
    parts = [document_entities(document, matcher) for document in documents]
    return settle_entities(documents, parts, catalogue)


def document_entities(document: Document, matcher: Matcher) -> EntityParts:
    """The per-document half of the stage: catalogue matches, then discovery around them."""
    sentences = sorted(document.body_sentences(), key=lambda s: s.start)
    hits = catalogue_hits(document, sentences, matcher)
    covered = [(h.start, h.end, h.key) for h in hits]
    findings = discover(document, sentences, covered, lower_vocabulary(document, sentences))
    return EntityParts(hits, findings)


def settle_entities(
    documents: list[Document], parts: list[EntityParts], catalogue: Catalogue
) -> tuple[list[Entity], list[Mention]]:
    """The corpus-wide half: one entity per name across documents, pending single words linked
    to a surname or an acronym found anywhere, generic institutions qualified, ids assigned."""
    return _Extraction(catalogue).run(documents, parts)


def catalogue_hits(
    document: Document, sentences: list[Sentence], matcher: Matcher
) -> list[EntityHit]:
    """Matches that fall inside a body sentence (headings and footnotes are not read)."""
    starts = [s.start for s in sentences]
    hits = []
    for m in matcher.find(document.text):
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.end <= sentences[i].end:
            hits.append(EntityHit(m.start, m.end, m.key, sentences[i]))
    return hits


class _Extraction(CorpusSteps):
    def __init__(self, user_catalogue: Catalogue) -> None:
        catalogue, self.base_ids = with_base(user_catalogue)
        self.catalogue = catalogue
        self.weak_places = weak_places(user_catalogue.base)
        self.info: dict[str, Info] = {}
        self.by_form: dict[str, str] = {}
        for entry in catalogue.entries:
            key = f"c:{entry.id}"
            base = entry.id in self.base_ids
            self.info[key] = Info(
                entry.name,
                entry.type,
                entry.description,
                False,
                entry.generic,
                {a.form: None for a in entry.aliases},
                catalogue_id=None if base else entry.id,
                source="base" if base else "catalogue",
                base_forms=frozenset(a.form for a in entry.aliases) if base else frozenset(),
            )
            for form in entry.forms():
                self.by_form.setdefault(form_key(form), key)

    def run(
        self, documents: list[Document], parts: list[EntityParts]
    ) -> tuple[list[Entity], list[Mention]]:
        per_doc: list[tuple[Document, list[EntityHit], list[Found], dict[str, Found]]] = []
        redefined: list[tuple[str, Found]] = []
        for document, part in zip(documents, parts, strict=True):
            findings = part.findings
            found_hits = [self.register(f) for f in findings.found]
            per_doc.append((document, part.hits + found_hits, findings.pending, findings.acronyms))
            redefined += findings.redefined
        # Corpus-level evidence for single words: acronyms defined somewhere, surnames.
        acronym_keys: dict[str, set[str]] = defaultdict(set)
        for _, _, _, acronyms in per_doc:
            for acronym, long_form in acronyms.items():
                acronym_keys[acronym].add(self.key_of(long_form))
        for acronym, long_form in redefined:
            if acronym in acronym_keys:
                acronym_keys[acronym].add(self.key_of(long_form))
        merged = self.merge_spellings(acronym_keys)
        surnames = self.surnames()
        acronym_counts = Counter(
            f.name for _, _, pending, _ in per_doc for f in pending if is_acronym(f.name)
        )
        mentions: list[Mention] = []
        for document, hits, pending, acronyms in per_doc:
            for f in pending:
                key, registered = None, False
                same_form = self.key_of(f)
                if same_form.startswith("c:"):
                    continue  # a catalogue form the matcher turned down here ("US $50")
                if same_form in self.info:
                    key = same_form  # the same words as a name found elsewhere
                elif f.name in acronyms:
                    key = self.key_of(acronyms[f.name])
                    key = merged.get(key, key)
                elif len(acronym_keys.get(f.name, ())) == 1:
                    key = next(iter(acronym_keys[f.name]))
                elif len(surnames.get(f.name, ())) == 1:
                    key = next(iter(surnames[f.name]))
                elif f.type == "person" or (
                    is_acronym(f.name)
                    and acronym_counts[f.name] >= 2
                    and f.name.lower() not in STOPWORDS
                ):
                    # A lone name with a title or speech verb stands alone; an undefined
                    # acronym when used twice and no stopword in capitals ("IT", "AS").
                    key, registered = self.register(f).key, True
                elif f.name.lower() not in STOPWORDS:
                    # A lone word with no evidence yet: kept for coreference (a surname, an
                    # acronym spelled out elsewhere) and judged after it (`settle`).
                    key, registered = self.register(f, tentative=True).key, True
                if key is not None:
                    info = self.info[key]
                    info.aliases.setdefault(" ".join(f.name.split()), None)
                    if info.discovered and not registered:
                        self.vote(info, f)  # a linked surname or acronym also says the type
                    hits.append(EntityHit(f.start, f.end, key, f.sentence))  # type: ignore[arg-type]
            if merged:
                hits = [
                    EntityHit(h.start, h.end, merged.get(h.key, h.key), h.sentence) for h in hits
                ]
            hits = self.longest(hits)
            hits = self.qualify(document.text, hits)
            text, file, exclude = document.text, document.file, bool(self.catalogue.exclude)
            for h in hits:
                surface = text[h.start : h.end]
                if exclude and (
                    self.catalogue.excluded(surface)
                    or self.catalogue.excluded(self.info[h.key].name)
                ):
                    continue
                mentions.append(
                    Mention(h.key, file, h.start, h.end, surface, h.sentence.start, h.sentence.end)
                )
        texts = {d.file: d.text for d, _, _, _ in per_doc}
        return self.finish(self.settle(self.corefer(mentions), texts))

    def register(self, found: Found, tentative: bool = False) -> EntityHit:
        """A discovered mention joins the entity sharing its form, catalogue or discovered."""
        key = self.key_of(found)
        info = self.info.get(key)
        if info is None:
            name = " ".join(found.name.split())  # a name across a line break reads on one line
            info = self.info[key] = Info(name, None, discovered=True, generic=found.generic)
            info.tentative = tentative
        elif not tentative:
            info.tentative = False
        self.vote(info, found)
        if found.description and not info.description:
            info.description = found.description
        if info.discovered:
            info.aliases.setdefault(" ".join(found.name.split()), None)
        return EntityHit(found.start, found.end, key, found.sentence)  # type: ignore[arg-type]

    @staticmethod
    def vote(info: Info, found: Found) -> None:
        if found.type:
            (info.weak if found.weak else info.types)[found.type] += 1
            if found.type not in info.reasons:  # the first mention's reason is kept
                info.reasons[found.type] = found.reason or reason_for(found)

    def key_of(self, found: Found) -> str:
        if found.target:
            return found.target
        return self.by_form.get(form_key(found.name)) or f"d:{form_key(found.name)}"

    def merge_spellings(self, acronym_keys: dict[str, set[str]]) -> dict[str, str]:
        """Discovered long forms that define the same acronym and differ only in British or
        American spelling ("Shanghai Cooperation Organisation"/"Organization (SCO)") are one
        entity: the acronym is the evidence, the spelling rule only confirms it. Returns the
        merged keys -> the key they joined; `acronym_keys` is updated in place."""
        merged: dict[str, str] = {}
        for acronym, keys in acronym_keys.items():
            if len(keys) < 2:
                continue
            groups: dict[str, list[str]] = defaultdict(list)
            for key in sorted(keys, key=list(self.info).index):
                info = self.info[key]
                if info.discovered:
                    groups[_spelling_key(info.name)].append(key)
            for first, *others in groups.values():
                into = self.info[first]
                for key in others:
                    gone = self.info[key]
                    into.aliases.setdefault(gone.name, None)
                    into.aliases.update(gone.aliases)
                    into.types.update(gone.types)
                    into.weak.update(gone.weak)
                    into.description = into.description or gone.description
                    merged[key] = first
            acronym_keys[acronym] = {merged.get(k, k) for k in keys}
        return merged

    def surnames(self) -> dict[str, set[str]]:
        """Last word of each discovered person's name (two words or more) -> the persons."""
        out: dict[str, set[str]] = defaultdict(set)
        for key, info in self.info.items():
            if info.discovered and info.types and info.types.most_common(1)[0][0] == "person":
                words = info.name.split()
                if len(words) >= 2:
                    out[words[-1]].add(key)
        return out

    @staticmethod
    def longest(hits: list[EntityHit]) -> list[EntityHit]:
        """Overlaps between catalogue and discovered spans: the longer span wins."""
        hits.sort(key=lambda h: (h.start - h.end, h.start))
        taken: list[tuple[int, int]] = []
        kept: list[EntityHit] = []
        for h in hits:
            i = bisect.bisect_left(taken, (h.start, -1))
            if (i < len(taken) and taken[i][0] < h.end) or (i > 0 and taken[i - 1][1] > h.start):
                continue
            taken.insert(i, (h.start, h.end))
            kept.append(h)
        kept.sort(key=lambda h: h.start)
        return kept

    def qualify(self, text: str, hits: list[EntityHit]) -> list[EntityHit]:
        """A generic institution takes the place named with it: "Russia's Supreme Court"."""
        out: list[EntityHit] = []
        skip: set[int] = set()
        for i, h in enumerate(hits):
            if i in skip:
                continue
            if not self.info[h.key].generic:
                out.append(h)
                continue
            same = [
                j
                for j, o in enumerate(hits)
                if o.sentence is h.sentence and j != i and self.entity_type(o.key) == "place"
            ]
            place = None
            for j in same:
                o = hits[j]
                if o.end <= h.start and re.fullmatch(r"['’]s? +", text[o.end : h.start]):
                    place = o
                elif o.start >= h.end and re.fullmatch(r" of (?:the )?", text[h.end : o.start]):
                    place = o
                    skip.add(j)
                    h = EntityHit(h.start, o.end, h.key, h.sentence)
            if place is None:
                # Otherwise the one place named earlier in the sentence as an owner:
                # "Kazakhstan's prosecutor-general ... approved by the Supreme Court".
                earlier = [hits[j] for j in same if hits[j].end <= h.start]
                owners = [o for o in earlier if re.match(r"['’]s\b", text[o.end :])]
                if len({o.key for o in owners}) == 1:
                    place = owners[-1]
            if place is not None:
                h = EntityHit(h.start, h.end, self.qualified_key(h.key, place.key), h.sentence)
            out.append(h)
        return out

    def qualified_key(self, generic: str, place: str) -> str:
        name = f"{self.info[generic].name} of {self.info[place].name}"
        key = self.by_form.get(form_key(name))
        if key is None:
            key = f"d:{form_key(name)}"
            self.by_form[form_key(name)] = key
            self.info[key] = Info(name, "organisation", name, discovered=True)
        return key


# Applied in order; the last pair also covers -ise/-ize and -isation/-ization.
_BRITISH = (
    ("centre", "center"),
    ("defence", "defense"),
    ("programme", "program"),
    ("our", "or"),
    ("s", "z"),
)


def _spelling_key(name: str) -> str:
    """A name with British spellings made American: 'Organisation' and 'Organization' agree."""
    key = form_key(name) + " "
    for british, american in _BRITISH:
        key = key.replace(british, american)
    return key
