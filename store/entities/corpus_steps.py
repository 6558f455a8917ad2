"""The corpus-wide steps after every document's hits are known: coreference (coref.py),
lone words judged (lone.py), final types, ids and Entity records.

A mixin of the extraction in extract.py, which provides `info`, `catalogue` and
`weak_places`."""

from __future__ import annotations

from collections import Counter, defaultdict
from operator import attrgetter

from store.entities.catalogue import Catalogue, form_key, slug
from store.entities.coref import Candidate, merge_names
from store.entities.lone import judge_lone_words, junk_name
from store.entities.records import TYPE_PRIORITY, Info
from store.models import Entity, Mention

__all__ = ["CorpusSteps"]


class CorpusSteps:
    info: dict[str, Info]
    catalogue: Catalogue
    weak_places: dict[str, str]

    def settle(self, mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
        """Lone words that coreference joined to nothing: kept with evidence, else dropped;
        and discovered names that are no names (`junk_name`)."""
        tentative = {k for k, info in self.info.items() if info.tentative}
        drop, kept = judge_lone_words(
            mentions, tentative, texts, self.entity_type, self.weak_places
        )
        for key in {m.entity for m in mentions} - drop:
            info = self.info[key]
            if info.source == "discovered" and kept.get(key, ("", ""))[1] != "gazetteer":
                kind = self.entity_type(key)
                known_place = kind == "place" and form_key(info.name) in self.weak_places
                if not known_place and junk_name(info.name, kind, info.reasons.get(kind, "")):
                    drop.add(key)
        for key, (kind, reason) in kept.items():
            info = self.info[key]
            if not info.types:
                info.types[kind] += 1
                info.reasons[kind] = reason
        return [m for m in mentions if m.entity not in drop]

    def corefer(self, mentions: list[Mention]) -> list[Mention]:
        """The corpus-wide step: merge the names coreference says are one entity."""
        if self.weak_places:
            for info in self.info.values():
                # "Deir al-Zor", "Garland": a smaller place the gazetteer knows, when nothing
                # stronger than a name's shape said what it is.
                if info.discovered and not info.types and form_key(info.name) in self.weak_places:
                    info.types["place"] += 1
                    info.reasons["place"] = "gazetteer"
        files: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            files[m.entity].add(m.file)
        candidates = [
            Candidate(
                key,
                info.name,
                (info.name, *info.aliases),
                self.entity_type(key),
                info.source != "discovered",
                frozenset(files[key]),
                info.source == "discovered" and not info.types,
            )
            for key, info in self.info.items()
            if key in files
        ]
        merges = merge_names(candidates)
        for key, note in merges.notes.items():
            self.info[key].evidence.append(note)
        roots = {key: merges.find(key) for key in files}
        for key, root in roots.items():
            if key == root:
                continue
            into, gone = self.info[root], self.info[key]
            into.aliases.setdefault(gone.name, None)
            into.aliases.update(gone.aliases)
            into.types.update(gone.types)
            into.weak.update(gone.weak)
            for kind, reason in gone.reasons.items():
                into.reasons.setdefault(kind, reason)
            into.description = into.description or gone.description
        for root, why in merges.evidence.items():
            self.info[root].evidence.extend(why)
        return [m if roots[m.entity] == m.entity else m.moved(roots[m.entity]) for m in mentions]

    def entity_type(self, key: str) -> str:
        info = self.info[key]
        if info.type:
            return info.type
        votes = info.types or info.weak
        if votes:
            best = max(votes.values())
            return next(t for t in TYPE_PRIORITY if votes.get(t) == best)
        return "other"

    def finish(self, mentions: list[Mention]) -> tuple[list[Entity], list[Mention]]:
        """Final ids (catalogue ids kept, discovered ones slugged) and Entity records."""
        used = Counter(m.entity for m in mentions)
        seen: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            seen[m.entity].add(form_key(m.surface))
        ids: dict[str, str] = {}
        taken = {info.catalogue_id for info in self.info.values() if info.catalogue_id}
        entities: list[Entity] = []
        for key, info in self.info.items():
            if not used[key]:
                continue
            entity_id = info.catalogue_id
            if entity_id is None:
                base = slug(info.name)
                entity_id, n = base, 2
                while entity_id in taken:
                    entity_id, n = f"{base}-{n}", n + 1
                taken.add(entity_id)
            ids[key] = entity_id
            aliases = tuple(a for a in info.aliases if a != info.name)
            if info.source == "base":
                # The bundled knowledge lists many spellings; an entity shows the ones the
                # corpus uses, and the names merged into it.
                aliases = tuple(
                    a for a in aliases if a not in info.base_forms or form_key(a) in seen[key]
                )
            kind = self.entity_type(key)
            if info.source == "catalogue":
                reason = "catalogue"
            elif info.source == "base":
                reason = "gazetteer"
            else:
                reason = info.reasons.get(kind, "context votes" if kind != "other" else "")
            entities.append(
                Entity(
                    entity_id,
                    info.name,
                    kind,
                    aliases,
                    info.description,
                    info.discovered,
                    info.source,
                    reason,
                    tuple(info.evidence),
                )
            )
        entities.sort(key=lambda e: (e.name.casefold(), e.id))
        out = [
            Mention(
                ids[m.entity], m.file, m.start, m.end, m.surface, m.sentence_start, m.sentence_end
            )
            for m in mentions
        ]
        out.sort(key=attrgetter("file", "start"))
        return entities, out
