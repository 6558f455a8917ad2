"""`dossier show`: a document's text with passage numbers, or as JSON with offsets and pages."""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Any

from store.errors import DossierError
from store.models import BODY, Source
from store.storage.db import Store
from store.timex.labels import published_label
from tui.cli.common import add_command, print_json_line, terminal_text
from tui.cli.sources import known

if TYPE_CHECKING:
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier show 002_e3382299f196536e.txt
  dossier show 002_e3382299f196536e --passage 4
  dossier show report.pdf --json | jq '.passages[] | select(.kind == "body") | .page'
  dossier show --all --json > corpus.jsonl"""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "show",
        help="print a document with passage numbers",
        description="Print a document's text passage by passage, each with its number and kind "
        "(non-body passages are marked: heading, footnote, boilerplate) and, in a paged document "
        "(PDF), its page. With --json, one JSON object per document: its metadata, pages and "
        "passages with offsets into the text (`text` is the document text at [start:end]).",
        epilog=EPILOG,
    )
    parser.add_argument(
        "file", metavar="FILE", nargs="?", help="file name (with or without extension) or id"
    )
    parser.add_argument("--passage", "-p", type=int, metavar="N", help="print only passage N")
    parser.add_argument("--all", action="store_true", help="every document, in corpus order")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, store: Store) -> int:
    if args.all == (args.file is not None):
        raise DossierError("show takes a FILE or --all (one of the two)")
    if args.all and args.passage is not None:
        raise DossierError("--passage needs a FILE, not --all")
    sources = sorted(store.sources(), key=lambda s: s.file) if args.all else [_find(store, args)]
    for source in sources:
        if args.json:
            print_json_line(document_json(store, source, args.passage))
        else:
            _print_text(store, source, args.passage)
    return 0


def _find(store: Store, args: argparse.Namespace) -> Source:
    source = store.source(args.file)
    if source is None:
        names = ", ".join(s.file for s in store.sources()[:10])
        raise DossierError(f"no document {args.file!r} in the store (documents: {names})")
    passages = store.passages(source.file)
    if args.passage is not None and not 0 <= args.passage < len(passages):
        raise DossierError(
            f"{source.file} has passages 0 to {len(passages) - 1}; there is no passage {args.passage}"
        )
    return source


def document_json(store: Store, source: Source, only: int | None = None) -> dict[str, Any]:
    """The shape `dossier show --json` prints for one document."""
    text = store.text(source.file)
    passages = store.passages(source.file)
    if only is not None:
        passages = [passages[only]]
    return {
        "file": source.file,
        "title": source.title,
        "author": known(source.author),
        "publisher": known(source.publisher),
        "published": known(source.published),
        "kind": known(source.kind),
        "url": source.url or None,
        "pages": [{"label": label, "start": s, "end": e} for label, s, e in source.pages]
        if source.pages
        else None,
        "passages": [
            {
                "index": p.index,
                "kind": p.kind,
                "start": p.start,
                "end": p.end,
                "page": p.page,
                "text": text[p.start : p.end],
            }
            for p in passages
        ],
    }


def _print_text(store: Store, source: Source, only: int | None) -> None:
    text = store.text(source.file)
    passages = store.passages(source.file)
    if only is not None:
        passage = passages[only]
        where = f" p. {source.pages[passage.page - 1][0]}" if passage.page else ""
        print(
            f"# {source.file} passage {passage.index} ({passage.kind}){where} "
            f"[{passage.start}:{passage.end}]"
        )
        print(terminal_text(text[passage.start : passage.end]))
        return
    when = published_label(source.published)
    print(terminal_text(f"# {source.title}  ({source.file}, {when})"))
    if source.note:
        print(terminal_text(f"# note: {source.note}"))
    page = None
    for passage in passages:
        if passage.page is not None and passage.page != page:
            page = passage.page
            print(terminal_text(f"--- p. {source.pages[page - 1][0]} ---"))
        label = (
            f"[{passage.index}]" if passage.kind == BODY else f"[{passage.index} {passage.kind}]"
        )
        body = text[passage.start : passage.end]
        print(label)
        print(terminal_text(textwrap.indent(body, "    ")))
