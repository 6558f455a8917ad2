"""`dossier search`: passages matching a query, grouped by source, matches highlighted."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from store.errors import DossierError
from store.storage.db import Store
from tui.cli.common import (
    add_command,
    add_pages,
    open_userdata,
    print_json,
    terminal_text,
    use_color,
)

if TYPE_CHECKING:  # store.search imports numpy: only `run` loads it, when a search is asked for
    from store.search import SearchResults
    from tui.cli.common import Subcommands

EPILOG = """\
query language:
  aktobe attack          both words            "islamic state"   exact phrase
  aktobe OR almaty       either (OR binds tighter than the implicit AND; use ( ) to group)
  -russia  -"red cross"  exclude               terror*           prefix
  nazarbaev~             spelling variants (1 edit up to 5 letters, 2 from 6)
  source:rferl  kind:news  entity:ISIS  type:person  date:2014..2016  date:2016-06

examples:
  dossier search aktobe
  dossier search '"islamic state" date:2015..2016 -syria'
  dossier search 'entity:ISIS kind:news' --json --limit 5
  dossier search 'terror*' --count
  dossier search 'aktobe attack date:2016' --save aktobe     run it and save it as "aktobe"
  dossier search --saved aktobe                              run a saved search

Every query goes into the history (`dossier searches`), shared with the app's query line."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "search",
        help="search passages (words, phrases, OR, -exclude, pref*, word~, field filters)",
        description="Search every passage of the corpus. Results are ranked by BM25, grouped by "
        "source (sources in the order of their best passage), each with a snippet in which the "
        "matches are highlighted. Case, accents and apostrophes are folded.",
        epilog=EPILOG,
    )
    parser.add_argument("query", nargs="*", metavar="QUERY", help="the query (words are joined)")
    parser.add_argument("--saved", metavar="NAME", help="run the search saved under NAME")
    parser.add_argument("--save", metavar="NAME", help="save the query under NAME")
    parser.add_argument("--json", action="store_true", help="print JSON: {query, total, results}")
    parser.add_argument(
        "--limit", "-n", type=int, default=20, metavar="N", help="passages to show (default 20)"
    )
    parser.add_argument(
        "--count", action="store_true", help="print only the number of matching passages"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, store: Store) -> int:
    from store.search import search

    if args.limit < 0:
        raise DossierError("--limit must be 0 or more")
    query = _query(args)
    results = search(store, query, limit=0 if args.count else args.limit)
    _remember(args, query)
    if args.count:
        if args.json:
            print_json({"query": results.query, "total": results.total})
        else:
            print(results.total)
        return 0
    if args.json:
        data = results.to_json()
        add_pages(store, data["results"])
        print_json(data)
        return 0
    if use_color():
        _print_rich(results)
    else:
        _print_plain(results)
    return 0


def _query(args: argparse.Namespace) -> str:
    if args.saved and args.query:
        raise DossierError("give a QUERY or --saved NAME, not both")
    if args.saved:
        return open_userdata(args).saved_query(args.saved)
    if not args.query:
        raise DossierError("say what to search for: a QUERY, or --saved NAME")
    return " ".join(args.query)


def _remember(args: argparse.Namespace, query: str) -> None:
    """History and --save; a damaged user-data file costs the history, never the search."""
    from store.errors import DataFileCorrupt, DataFileTooNew

    try:
        data = open_userdata(args)
        data.record_query(query, "cli")
        if args.save:
            data.save_search(args.save, query)
            print(f"dossier: saved as {args.save!r}", file=sys.stderr)
    except (DataFileCorrupt, DataFileTooNew) as exc:
        if args.save:
            raise
        print(f"dossier: warning: {exc}; the query is not in the history", file=sys.stderr)


def _summary(results: SearchResults) -> str:
    shown = len(results.hits)
    more = f", showing {shown}" if shown < results.total else ""
    return f"{results.total} passage{'s' if results.total != 1 else ''}{more} ({results.elapsed_ms:.0f} ms)"


def _print_plain(results: SearchResults) -> None:
    out = sys.stdout
    out.write(_summary(results) + "\n")
    for file, hits in results.groups():
        out.write(f"\n{terminal_text(file)}  {terminal_text(results.titles.get(file, ''))}\n")
        for hit in hits:
            out.write(f"  [{hit.passage}] {terminal_text(hit.snippet)}  ({hit.score:.2f})\n")


def _print_rich(results: SearchResults) -> None:
    """Document text goes in as data: Text objects styled by offset, never markup strings."""
    from rich.console import Console
    from rich.text import Text

    from tui.cli.common import safe_for_terminal

    console = Console(highlight=False, markup=False, emoji=False)
    console.print(Text(_summary(results), style="dim"))
    i = 0
    for file, hits in results.groups():
        head = Text("\n")
        head.append(safe_for_terminal(file), style="bold cyan")
        head.append("  ")
        head.append(safe_for_terminal(results.titles.get(file, "")), style="bold")
        console.print(head)
        for hit in hits:
            snippet = safe_for_terminal(hit.snippet)
            line = Text(f"  [{hit.passage}] ", style="dim")
            body = Text(snippet)
            for s, e in results.snippet_highlights(i):
                body.stylize("bold black on yellow", s, e)
            line.append_text(body)
            line.append(f"  ({hit.score:.2f})", style="dim")
            console.print(line)
            i += 1
