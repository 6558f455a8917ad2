"""`dossier note`: add, edit, tag or delete a note or bookmark from the shell or an editor."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from store.errors import DossierError
from store.storage.db import Store
from tui.cli.common import add_command, open_userdata, print_json
from tui.cli.notes import entry_json

if TYPE_CHECKING:
    from store.userdata.anchor import Anchor
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier note add 002_e3382299f196536e.txt --passage 4 --text "Check the casualty figure"
  dossier note add 002_e3382299f196536e --start 120 --end 190 --text - < note.md
  dossier note add 004_349fe4209c07a8ff.txt --passage 2 --star --tag aktobe   (a bookmark)
  dossier note edit n1a2b3c4d --text "Revised"
  dossier note tag n1a2b3c4d aktobe casualties
  dossier note delete n1a2b3c4d

Passages are numbered as `dossier show FILE` numbers them; --start/--end are character
offsets into the document's text (as `dossier search --json` gives them)."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "note",
        help="add, edit, tag or delete a note or bookmark",
        description="Write notes and bookmarks from the shell. Each prints the note as JSON "
        "(the shape of `dossier notes --json`).",
        epilog=EPILOG,
    )
    parser.add_argument("action", choices=("add", "edit", "tag", "delete"), help="what to do")
    parser.add_argument("target", metavar="FILE|ID", help="a document (add) or a note id")
    parser.add_argument("tags", nargs="*", metavar="TAG", help="tags (for `tag`)")
    parser.add_argument("--passage", "-p", type=int, metavar="N", help="the passage to note")
    parser.add_argument("--start", type=int, metavar="S", help="first character of the span")
    parser.add_argument("--end", type=int, metavar="E", help="character after the span")
    parser.add_argument("--text", "-t", metavar="TEXT", help="the note ('-' reads stdin)")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="add a tag")
    parser.add_argument("--star", action="store_true", help="bookmark it (star)")
    parser.set_defaults(func=run)


def _text(args: argparse.Namespace) -> str | None:
    if args.text == "-":
        return sys.stdin.read().rstrip("\n")
    text: str | None = args.text
    return text


def _anchor(args: argparse.Namespace, store: Store) -> Anchor:
    from store.userdata.anchor import make_anchor

    source = store.source(args.target)
    if source is None:
        names = ", ".join(s.file for s in store.sources()[:10])
        raise DossierError(f"no document {args.target!r} in the store (documents: {names})")
    text = store.text(source.file)
    if args.passage is not None:
        if args.start is not None or args.end is not None:
            raise DossierError("give --passage or --start/--end, not both")
        passages = store.passages(source.file)
        if not 0 <= args.passage < len(passages):
            raise DossierError(
                f"{source.file} has passages 0 to {len(passages) - 1}; there is no passage "
                f"{args.passage}"
            )
        passage = passages[args.passage]
        return make_anchor("passage", source.file, text, passage.start, passage.end)
    if args.start is None or args.end is None:
        raise DossierError("say what to note: --passage N, or --start S --end E")
    if not 0 <= args.start < args.end <= len(text):
        raise DossierError(
            f"--start {args.start} --end {args.end} is not a span of {source.file} "
            f"(0 to {len(text)}, start before end)"
        )
    return make_anchor("selection", source.file, text, args.start, args.end)


def run(args: argparse.Namespace, store: Store) -> int:
    data = open_userdata(args, store)
    if args.action == "add":
        anchor = _anchor(args, store)
        text = _text(args)
        if text is None and not args.star:
            raise DossierError("a note needs --text (or '-' for stdin); a bookmark needs --star")
        if text is not None:
            note = data.add_note(anchor, text, tags=args.tag)
            if args.star:
                data.bookmark(anchor)
            print_json(entry_json(data.entry(note.id), store))
        else:
            mark = data.bookmark(anchor)
            if args.tag:
                data.tag(mark.id, args.tag)
            print_json(entry_json(data.entry(mark.id), store))
        return 0
    if args.action == "edit":
        text = _text(args)
        if text is None:
            raise DossierError("`note edit` needs --text (or '-' for stdin)")
        data.edit_note(args.target, text)
    elif args.action == "tag":
        tags = [*args.tags, *args.tag]
        if not tags:
            raise DossierError("`note tag ID` needs at least one tag")
        data.tag(args.target, tags)
    else:
        data.delete(args.target)
        print(f"deleted {args.target}")
        return 0
    print_json(entry_json(data.entry(args.target), store))
    return 0
