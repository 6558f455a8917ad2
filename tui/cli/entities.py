"""`dossier entities`: every person, organisation, place and other named thing, with counts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from store.entities.details import entity_json, mention_counts
from store.errors import DossierError
from store.models import ENTITY_TYPES, entity_type
from store.storage.db import Store
from tui.cli.common import add_command, print_json, terminal_text

if TYPE_CHECKING:
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier entities
  dossier entities --type person
  dossier entities --json | jq '.[] | select(.discovered) | .name'"""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "entities",
        help="list entities with their aliases and mention counts",
        description="List the entities found in the corpus: catalogue entries (entities.yaml) "
        "and discovered names (marked *), most mentioned first.",
        epilog=EPILOG,
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--type", metavar="T", help="only this type: " + ", ".join(ENTITY_TYPES))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, store: Store) -> int:
    wanted = entity_type(args.type) if args.type else None
    if args.type and wanted is None:
        raise DossierError(
            f"unknown entity type {args.type!r} (use one of {', '.join(ENTITY_TYPES)})"
        )
    counts = mention_counts(store)
    entities = [e for e in store.entities() if not wanted or e.type == wanted]
    entities.sort(key=lambda e: (-sum(counts.get(e.id, {}).values()), e.name.casefold()))
    if args.json:
        print_json([entity_json(e, counts.get(e.id, {})) for e in entities])
        return 0
    for e in entities:
        total = sum(counts.get(e.id, {}).values())
        mark = "*" if e.discovered else " "
        line = f"{total:5d} {mark} {e.type:<12} {e.name}"
        if e.aliases:
            line += "  (" + ", ".join(e.aliases) + ")"
        print(terminal_text(line))
    return 0
