"""`dossier notes`: every note and bookmark, with where it points in the document now."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from store.storage.db import Store
from tui.cli.common import add_command, open_userdata, print_json, terminal_text

if TYPE_CHECKING:
    from store.userdata.records import Entry
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier notes
  dossier notes --tag aktobe --json | jq '.[] | {file, start, end, quote, text}'
  dossier notes --orphaned          notes whose passage was deleted from the document

status: anchored (same place), moved (the quote found elsewhere), moved (fuzzy) (a close
match of the quote), orphaned (not found: the old quote is kept and shown)."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "notes",
        help="list notes and bookmarks",
        description="List notes and bookmarks, newest first, each re-anchored to the document "
        "as it is now (start/end are offsets into its current text).",
        epilog=EPILOG,
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--tag", metavar="T", help="only notes and bookmarks with this tag")
    parser.add_argument("--orphaned", action="store_true", help="only orphaned ones")
    parser.set_defaults(func=run)


def passage_of(store: Store, file: str, offset: int) -> int | None:
    from store.export.tables import passage_number

    return passage_number(store, file, offset)


def entry_json(entry: Entry, store: Store) -> dict[str, Any]:
    record = entry.to_json()
    file = entry.anchor.file
    record["passage"] = passage_of(store, file, entry.anchor.start) if file else None
    return record


def run(args: argparse.Namespace, store: Store) -> int:
    data = open_userdata(args, store)
    entries = data.entries(tag=args.tag, orphaned=args.orphaned)
    if args.json:
        print_json([entry_json(e, store) for e in entries])
        return 0
    if not entries:
        print(f"no notes or bookmarks{' tagged ' + args.tag if args.tag else ''} in {data.path}")
        return 0
    for entry in entries:
        record = entry_json(entry, store)
        where = record["file"] or "entity"
        if record["passage"] is not None:
            where += f" [{record['passage']}]"
        star = "★ " if entry.starred else ""
        tags = "".join(f" #{t}" for t in entry.tags)
        quote = " ".join(entry.anchor.exact.split())
        if len(quote) > 70:
            quote = quote[:69] + "…"
        print(terminal_text(f"{entry.id}  {star}{where}  ({entry.anchor.status}){tags}"))
        print(terminal_text(f'    "{quote}"'))
        for line in entry.text.splitlines():
            print(terminal_text(f"    {line}"))
    return 0
