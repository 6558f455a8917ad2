"""`dossier events`: the chronology, filtered by date, entity or source, as lines or JSON."""

from __future__ import annotations

import argparse
import re
from calendar import monthrange
from typing import TYPE_CHECKING

from store.errors import DossierError
from store.models import Event
from store.storage.db import Store
from store.timex.labels import date_label as label_of
from tui.cli.common import add_command, add_pages, print_json, terminal_text

if TYPE_CHECKING:
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier events
  dossier events --from 2016-06 --to 2016-07 --entity aktobe
  dossier events --source 004_349fe4209c07a8ff.txt --json | jq '.[] | {date, summary}'

dates: YYYY, YYYY-MM or YYYY-MM-DD; an event is listed when its span overlaps the window."""

PRECISION_ORDER = ("time", "day", "week", "month", "season", "quarter", "year", "decade", "century")
_DATE_ARG = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FilterError(DossierError):
    """A filter names nothing in the store (an unknown entity or source)."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "events",
        help="list dated events (the chronology)",
        description=(
            "List the dated events of the body text, sorted by first day, finer dates first. "
            "Events that several sources report are shown once, with the number of sources."
        ),
        epilog=EPILOG,
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list of every event")
    add_filter_options(parser)
    parser.set_defaults(func=run)


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """--from, --to, --entity, --source: shared with `dossier export chronology`."""
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        type=date_window,
        help="events ending on or after DATE",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        type=date_window,
        help="events starting on or before DATE",
    )
    parser.add_argument("--entity", metavar="NAME", help="events mentioning an entity (any alias)")
    parser.add_argument(
        "--source", metavar="FILE", help="events of one document (file, id or stem)"
    )


def date_window(value: str) -> tuple[str, str]:
    """YYYY, YYYY-MM or YYYY-MM-DD -> its first and last day, for overlap tests."""
    m = _DATE_ARG.match(value.strip())
    if m is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
        )
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        raise argparse.ArgumentTypeError(f"{value!r}: month {month} does not exist")
    last = monthrange(int(year), int(month))[1]
    if day is None:
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    if not 1 <= int(day) <= last:
        raise argparse.ArgumentTypeError(f"{value!r}: day {day} does not exist")
    return f"{year}-{month}-{day}", f"{year}-{month}-{day}"


def sort_key(event: Event) -> tuple[str, int, str, str, int]:
    """First day, then finer precision first, then last day, file and position."""
    rank = PRECISION_ORDER.index(event.precision) if event.precision in PRECISION_ORDER else 99
    return event.date_begin, rank, event.date_end, event.file, event.anchor_start


def select(store: Store, args: argparse.Namespace) -> list[Event]:
    """The events the filters keep, sorted."""
    events = store.events()
    if args.source:
        source = store.source(args.source)
        if source is None:
            known = ", ".join(s.file for s in store.sources())
            raise FilterError(f"no source {args.source!r}; the sources are: {known}")
        events = [e for e in events if e.file == source.file]
    if args.entity:
        wanted = args.entity.casefold().strip()
        ids = {
            e.id
            for e in store.entities()
            if wanted in (a.casefold() for a in (e.name, *e.aliases)) or wanted == e.id.casefold()
        }
        if not ids:
            raise FilterError(
                f"no entity is called {args.entity!r} (names and aliases are matched)"
            )
        events = [e for e in events if ids & set(e.entities)]
    if args.date_from:
        events = [e for e in events if e.date_end >= args.date_from[0]]
    if args.date_to:
        events = [e for e in events if e.date_begin <= args.date_to[1]]
    return sorted(events, key=sort_key)


def date_label(event: Event) -> str:
    """'2016-06-05', '2014-08', '2011–2012', 'late 1990s': the date at its precision."""
    return label_of(event.date, event.mod)


def run(args: argparse.Namespace, store: Store) -> int:
    events = select(store, args)
    if args.json:
        print_json(add_pages(store, [e.to_json() for e in events]))
        return 0
    files_of: dict[str, set[str]] = {}
    for e in store.events():
        files_of.setdefault(e.cluster or e.id, set()).add(e.file)
    shown: set[str] = set()
    for e in events:
        cluster = e.cluster or e.id
        if cluster in shown:
            continue
        shown.add(cluster)
        count = len(files_of.get(cluster, {e.file}))
        extra = f" ({count} sources)" if count > 1 else ""
        line = f"{date_label(e):<22} | {e.file} | {e.summary}{extra}"
        print(terminal_text(line))
    return 0
