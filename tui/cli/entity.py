"""`dossier entity NAME`: one entity's details, found by any of its names."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from store.entities.details import entity_details, find_entity
from store.errors import DossierError
from store.storage.db import Store
from store.timex.labels import date_label
from tui.cli.common import add_command, add_pages, print_json, terminal_text
from tui.cli.curate import USAGE, is_curation, run_curation

if TYPE_CHECKING:
    from tui.cli.common import Subcommands

EPILOG = (
    """\
examples:
  dossier entity KNB
  dossier entity "islamic state" --json | jq '.related[:5]'

curation (written to the corpus's entities.yaml, comments kept, then rebuilt):
"""
    + USAGE
)


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "entity",
        help="show one entity: aliases, counts, mentions in context, related entities, events",
        description="Show one entity. NAME is any of its names or aliases, in any case; "
        "an unknown name suggests the closest ones. With a verb first (merge, split, rename, "
        "type, exclude, undo) it corrects the entities instead.",
        epilog=EPILOG,
    )
    parser.add_argument(
        "words",
        nargs="+",
        metavar="NAME",
        help="a name or alias, e.g. ISIL or 'knb'; or a curation verb and its names",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.add_argument(
        "--limit",
        type=int,
        default=20,
        metavar="N",
        help="mentions in context to print (default 20; JSON has all)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, store: Store) -> int:
    if is_curation(args.words):
        return run_curation(args, store)
    if len(args.words) != 1:
        raise DossierError("give one NAME (quote a name of several words), or a verb:\n" + USAGE)
    entity = find_entity(store, args.words[0])
    details = entity_details(store, entity.id)
    if args.json:
        data = details.to_json()
        add_pages(store, data["mentions_in_context"])
        add_pages(store, data["events"])
        print_json(data)
        return 0
    source = {"catalogue": "", "base": ", base knowledge", "discovered": ", discovered"}
    reason = (
        f"; type from {entity.reason}" if entity.source != "catalogue" and entity.reason else ""
    )
    out = [f"{entity.name}  [{entity.type}{source.get(entity.source, '')}{reason}]"]
    if entity.aliases:
        out.append("aliases: " + ", ".join(entity.aliases))
    if entity.description:
        out.append(entity.description)
    for why in entity.evidence:
        out.append(f"merged: {why}")
    out.append("mentions: " + ", ".join(f"{f} {n}" for f, n in details.mention_counts.items()))
    if details.first and details.last:
        out.append(
            f"first: {details.first.file}:{details.first.start}   "
            f"last: {details.last.file}:{details.last.start}"
        )
    if details.related:
        out.append("related: " + ", ".join(f"{e.name} ({n})" for e, n in details.related[:10]))
    if details.events:
        out.append("events:")
        out += [f"  {date_label(e.date, e.mod)}  {e.summary or e.quote}" for e in details.events]
    out.append("in context:")
    for k in details.contexts[: max(0, args.limit)]:
        out.append(f"  {k.file}:{k.start}  …{k.left}[{k.surface}]{k.right}…")
    for line in out:
        print(terminal_text(line))
    return 0
