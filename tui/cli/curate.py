"""`dossier entity merge|split|rename|type|exclude|undo ...`: curation from the command line.

The same edits as the app's entity keys (store/entities/curate.py): written to the corpus's
entities.yaml with its comments and layout kept, then applied by a rebuild.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from store.corpus import CATALOGUE_NAME
from store.entities.curate import CurationError, Curator
from store.entities.details import find_entity, mention_counts
from store.errors import DossierError
from store.models import Entity
from store.storage.db import Store
from store.storage.locations import bundled_corpus
from tui.cli.common import corpus_dir, prepare_store, store_path, terminal_text

# verb -> (number of words after it, usage)
VERBS = {
    "merge": (2, "merge NAME OTHER      OTHER's names become names of NAME"),
    "split": (2, "split NAME ALIAS      ALIAS becomes an entity of its own"),
    "rename": (2, "rename NAME NEW       NEW becomes the name, NAME an alias"),
    "type": (2, "type NAME TYPE        person | organisation | place | other"),
    "exclude": (1, "exclude NAME          NAME is never an entity again"),
    "undo": (0, "undo                  put entities.yaml back as it was before the last edit"),
}
USAGE = "\n".join("  dossier entity " + usage for _, usage in VERBS.values())


def is_curation(words: list[str]) -> bool:
    return (bool(words) and words[0] in VERBS and len(words) > 1) or words == ["undo"]


def _find(store: Store, name: str) -> Entity | None:
    try:
        return find_entity(store, name)
    except DossierError:
        return None  # an entity the edit removed


def curator_for(args: argparse.Namespace) -> Curator:
    corpus = corpus_dir(args)
    if corpus.resolve() == bundled_corpus().resolve():
        raise CurationError(
            "the bundled corpus is not edited from Dossier; copy it and use --corpus DIR "
            "(or edit its entities.yaml by hand)"
        )
    return Curator(Path(corpus) / CATALOGUE_NAME, store_path(args))


def run_curation(args: argparse.Namespace, store: Store) -> int:
    verb, *rest = args.words
    count, usage = VERBS[verb]
    if len(rest) != count:
        raise CurationError(f"usage: dossier entity {usage}")
    curator = curator_for(args)
    if verb == "merge":
        keep, gone = find_entity(store, rest[0]), find_entity(store, rest[1])
        done = curator.merge(keep, gone)
        watch = keep.name
    elif verb == "split":
        entity = find_entity(store, rest[0])
        alias = next((a for a in entity.aliases if a.casefold() == rest[1].casefold()), rest[1])
        done, watch = curator.split(entity, alias), entity.name
    elif verb == "rename":
        done, watch = curator.rename(find_entity(store, rest[0]), rest[1]), rest[1]
    elif verb == "type":
        entity = find_entity(store, rest[0])
        done, watch = curator.set_type(entity, rest[1].lower()), entity.name
    elif verb == "exclude":
        done, watch = curator.exclude(rest[0]), ""
    else:
        done, watch = curator.undo(), ""
    print(terminal_text(f"{done} ({curator.path})"))
    report = prepare_store(args)
    with Store(report.store_path).open() as fresh:
        counts = {e: sum(c.values()) for e, c in mention_counts(fresh).items()}
        line = f"rebuilt: {len(fresh.entities())} entities"
        found = _find(fresh, watch) if watch else None
        if found is not None:
            line += f"; {found.name} [{found.type}]: {counts.get(found.id, 0)} mentions"
        print(terminal_text(line))
    return 0
