"""`dossier sources`: every document with its metadata."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from store.models import Source
from store.storage.db import Store
from store.timex.labels import published_label
from tui.cli.common import add_command, print_json, terminal_text

if TYPE_CHECKING:
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier sources
  dossier sources --json | jq '.[] | {file, published}'"""

JSON_FIELDS = (
    "id",
    "file",
    "title",
    "author",
    "publisher",
    "kind",
    "published",
    "published_precision",
    "published_basis",
    "chars",
    "passages",
    "format",
    "url",
    "note",
)


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "sources",
        help="list the documents and their metadata",
        description="List every document: title, author, publisher, kind and publication date.",
        epilog=EPILOG,
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, store: Store) -> int:
    sources = sorted(store.sources(), key=lambda s: s.file)
    if args.json:
        print_json([_json(s) for s in sources])
        return 0
    for source in sources:
        when = published_label(source.published)
        line = f"{source.file}  {when:<10}  {source.kind:<8}  {source.title}"
        byline = ", ".join(x for x in (source.author, source.publisher) if x != "unknown")
        print(terminal_text(line))
        if byline:
            print(terminal_text(f"    {byline}"))
    return 0


def _json(source: Source) -> dict[str, object]:
    """A source as `dossier sources --json` prints it: fields, pages, and each field's basis."""
    row: dict[str, object] = {name: known(getattr(source, name)) for name in JSON_FIELDS}
    row["url"] = source.url or None
    row["pages"] = len(source.pages) or None
    row["basis"] = {
        name: source.basis_of(name)
        for name in ("title", "author", "publisher", "kind", "url")
        if source.basis_of(name) != "unknown"
    }
    return row


def known(value: object) -> object:
    """A metadata field for JSON: "unknown" (the store's placeholder) is null to a script."""
    return None if value == "unknown" else value
