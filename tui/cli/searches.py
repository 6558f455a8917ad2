"""`dossier searches`: saved searches and the query history (the app's and the command line's)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from store.storage.db import Store
from tui.cli.common import add_command, open_userdata, print_json, terminal_text

if TYPE_CHECKING:
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier searches
  dossier searches --json | jq '.saved[].name'
  dossier searches --forget aktobe

Save a search with `dossier search QUERY --save NAME` or in the app (Ctrl+S in the query line);
run it with `dossier search --saved NAME`."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "searches",
        help="list saved searches and recent queries",
        description="Saved searches (by name) and recent queries (newest first, with when, how "
        "often and where they ran).",
        epilog=EPILOG,
    )
    parser.add_argument("--json", action="store_true", help="print JSON: {saved, recent}")
    parser.add_argument("--limit", "-n", type=int, default=20, metavar="N", help="recent queries")
    parser.add_argument("--forget", metavar="NAME", help="delete the saved search NAME")
    parser.set_defaults(func=run, needs_store=False)


def run(args: argparse.Namespace, store: Store | None) -> int:
    data = open_userdata(args)
    if args.forget:
        data.forget_search(args.forget)
        print(f"forgot {args.forget!r}")
        return 0
    saved, recent = data.saved(), data.history(max(0, args.limit))
    if args.json:
        print_json({"saved": [s.to_json() for s in saved], "recent": [r.to_json() for r in recent]})
        return 0
    print("saved:" if saved else "saved: none (dossier search QUERY --save NAME)")
    for s in saved:
        print(terminal_text(f"  {s.name:<20} {s.query}   ({s.updated})"))
    print("recent:" if recent else "recent: none")
    for r in recent:
        times = f", {r.count} times" if r.count > 1 else ""
        print(terminal_text(f"  {r.query}   ({r.when}, {r.origin}{times})"))
    return 0
