"""`dossier show`: a document's text with passage numbers."""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING

from store.errors import DossierError
from store.models import BODY
from store.storage.db import Store
from tui.cli.common import add_command, terminal_text

if TYPE_CHECKING:
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier show 002_e3382299f196536e.txt
  dossier show 002_e3382299f196536e --passage 4"""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "show",
        help="print a document with passage numbers",
        description="Print a document's text passage by passage, each with its number and kind "
        "(non-body passages are marked: heading, footnote, boilerplate).",
        epilog=EPILOG,
    )
    parser.add_argument("file", metavar="FILE", help="file name (with or without extension) or id")
    parser.add_argument("--passage", "-p", type=int, metavar="N", help="print only passage N")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, store: Store) -> int:
    source = store.source(args.file)
    if source is None:
        names = ", ".join(s.file for s in store.sources()[:10])
        raise DossierError(f"no document {args.file!r} in the store (documents: {names})")
    text = store.text(source.file)
    passages = store.passages(source.file)
    if args.passage is not None:
        if not 0 <= args.passage < len(passages):
            raise DossierError(
                f"{source.file} has passages 0 to {len(passages) - 1}; there is no passage {args.passage}"
            )
        passage = passages[args.passage]
        print(
            f"# {source.file} passage {passage.index} ({passage.kind}) [{passage.start}:{passage.end}]"
        )
        print(terminal_text(text[passage.start : passage.end]))
        return 0
    print(terminal_text(f"# {source.title}  ({source.file}, {source.published})"))
    for passage in passages:
        label = (
            f"[{passage.index}]" if passage.kind == BODY else f"[{passage.index} {passage.kind}]"
        )
        body = text[passage.start : passage.end]
        print(label)
        print(terminal_text(textwrap.indent(body, "    ")))
    return 0
