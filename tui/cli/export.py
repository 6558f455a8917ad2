"""`dossier export`: the chronology, the notes brief, the sources, the entities, to a file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from store.errors import DossierError
from store.storage.db import Store
from tui.cli.common import add_command, open_userdata, write_output
from tui.cli.events import add_filter_options, select
from tui.cli.notes import passage_of

if TYPE_CHECKING:
    from store.userdata.data import UserData
    from tui.cli.common import Subcommands
    from tui.model.citer import Citer

FORMATS = {
    "chronology": ("csv", "md", "json"),
    "notes": ("md", "json"),
    "sources": ("csl-json", "bibtex", "ris"),
    "entities": ("csv", "json"),
}

EPILOG = """\
examples:
  dossier export chronology --format md --from 2014 --entity aktobe -o chronology.md
  dossier export chronology --format csv --starred > starred.csv
  dossier export notes --format md --tag aktobe -o brief.md
  dossier export sources --format csl-json -o sources.json      (Zotero, pandoc --citeproc)
  dossier export sources --format bibtex -o sources.bib
  dossier export entities --format csv

Citations follow --citation (default: $DOSSIER_CITATION, the config file, else markdown):
markdown, pandoc ([@key, para. N], keys shared with the sources export), or a CSL style
(chicago-author-date, apa, harvard-cite-them-right, or a .csl file)."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "export",
        help="export the chronology, notes, sources or entities",
        description="Write the chronology (csv, md, json), the notes brief (md, json), the "
        "sources as a bibliography (csl-json, bibtex, ris) or the entities (csv, json) to "
        "stdout or a file.",
        epilog=EPILOG,
    )
    parser.add_argument("what", choices=tuple(FORMATS), help="what to export")
    parser.add_argument(
        "--format", "-f", metavar="FMT", help="format (the first listed by default)"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (default stdout)")
    parser.add_argument("--citation", metavar="STYLE", help="citation style for quotes")
    add_filter_options(parser)
    parser.add_argument("--starred", action="store_true", help="chronology: starred events only")
    parser.add_argument("--tag", metavar="T", help="chronology and notes: only items tagged T")
    parser.add_argument(
        "--by", choices=("source", "tag"), default="source", help="notes: group by (md)"
    )
    parser.set_defaults(func=run)


def citer_for(args: argparse.Namespace, store: Store) -> Citer:
    from tui.model.citer import Citer
    from tui.model.settings import CITATION, setting

    return Citer(args.citation or setting(CITATION), store.sources())


def run(args: argparse.Namespace, store: Store) -> int:
    formats = FORMATS[args.what]
    fmt = args.format or formats[0]
    if fmt not in formats:
        raise DossierError(f"export {args.what} writes {', '.join(formats)}; not {fmt!r}")
    if args.what == "sources":
        write_output(_sources(store, fmt), args.output)
    elif args.what == "entities":
        from store.export.tables import entities, entity_rows

        write_output(
            entities(entity_rows(store.entities(), store.mention_counts()), fmt), args.output
        )
    elif args.what == "chronology":
        write_output(_chronology(args, store, fmt), args.output)
    else:
        write_output(_notes(args, store, fmt), args.output)
    return 0


def _sources(store: Store, fmt: str) -> str:
    import json

    from store.export.bibliography import bibtex, csl_json, ris

    if fmt == "csl-json":
        return json.dumps(csl_json(store.sources()), ensure_ascii=False, indent=2) + "\n"
    return bibtex(store.sources()) if fmt == "bibtex" else ris(store.sources())


def _chronology(args: argparse.Namespace, store: Store, fmt: str) -> str:
    from store.export.tables import EventRow, chronology

    citer = citer_for(args, store)
    data = open_userdata(args, store)
    starred, tags = _event_marks(data)
    files_of: dict[str, list[str]] = {}
    for e in store.events():
        files = files_of.setdefault(e.cluster or e.id, [])
        if e.file not in files:
            files.append(e.file)
    rows = []
    for event in select(store, args):
        if args.starred and event.id not in starred:
            continue
        if args.tag and args.tag not in tags.get(event.id, ()):
            continue
        rows.append(
            EventRow(
                event,
                store.source(event.file),
                passage_of(store, event.file, event.start),
                tuple(files_of.get(event.cluster or event.id, [event.file])),
                event.id in starred,
                tuple(tags.get(event.id, ())),
            )
        )
    text = chronology(rows, fmt, citer.cite)
    if fmt == "md":
        text += _references(citer, {r.event.file for r in rows})
    return text


def _event_marks(data: UserData) -> tuple[set[str], dict[str, tuple[str, ...]]]:
    """Starred event ids, and each event's tags (from its bookmark and notes)."""
    starred = {b.anchor.event.id for b in data.bookmarks() if b.anchor.event is not None}
    tags: dict[str, tuple[str, ...]] = {}
    for entry in data.entries():
        if entry.anchor.event is not None:
            tags[entry.anchor.event.id] = tuple(
                dict.fromkeys((*tags.get(entry.anchor.event.id, ()), *entry.tags))
            )
    return starred, tags


def _notes(args: argparse.Namespace, store: Store, fmt: str) -> str:
    from store.export.brief import brief_json, brief_markdown

    citer = citer_for(args, store)
    entries = open_userdata(args, store).entries(tag=args.tag)

    def passage(file: str, offset: int) -> int | None:
        return passage_of(store, file, offset)

    if fmt == "json":
        return brief_json(entries, store.source, passage, citer.cite)
    text = brief_markdown(entries, store.source, passage, citer.cite, by=args.by)
    return text + _references(citer, {e.anchor.file for e in entries if e.anchor.file})


def _references(citer: Citer, files: set[str]) -> str:
    entries = citer.references(files)
    if not entries:
        return ""
    return "\n## References\n\n" + "\n".join(f"- {e}" for e in entries) + "\n"
