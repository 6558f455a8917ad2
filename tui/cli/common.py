"""What every sub-command shares: where the corpus and store are, opening (and building) the
store, JSON and colour output, and printing document text safely."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.storage.locations import bundled_corpus, default_store_path, default_userdata_path
from tui.model.controls import BIDI_CONTROLS, ZERO_WIDTH

if TYPE_CHECKING:  # the pipeline is imported only by commands that build, not before the app paints
    from typing import TypeAlias

    from store.build import BuildReport, Progress
    from store.storage.db import Store
    from store.userdata.data import UserData

    # What `add_subparsers` returns; each sub-command module's `register` adds itself to it.
    # Generic only in the stubs: at run time the class cannot be subscripted.
    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


def add_location_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """--corpus/--store on the main parser and on each sub-command, either place works."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        default=default,
        help="folder of documents (.txt, .md, .html); default $DOSSIER_CORPUS or the bundled corpus",
    )
    parser.add_argument(
        "--store",
        metavar="FILE",
        default=default,
        help="store file; default $DOSSIER_STORE or one per corpus under $XDG_DATA_HOME/dossier",
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="also read links whose target is outside the corpus folder (skipped by default)",
    )
    if top_level:
        parser.add_argument(
            "--no-watch",
            action="store_true",
            help="the app does not rebuild when the corpus changes while it is open",
        )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="rebuild the store from --corpus even if it was built from another folder",
    )
    parser.add_argument(
        "--no-wait",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="if another build of the store is running, stop at once instead of waiting for it",
    )
    parser.add_argument(
        "--userdata",
        metavar="FILE",
        default=default,
        help="notes, bookmarks and searches; default $DOSSIER_USERDATA or one per corpus under "
        "$XDG_DATA_HOME/dossier/userdata",
    )


def add_command(
    subparsers: Subcommands, name: str, help: str, description: str, epilog: str
) -> argparse.ArgumentParser:
    """A sub-command parser with the shared options and an example in its -h."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_location_options(parser)
    return parser


def corpus_dir(args: argparse.Namespace) -> Path:
    """--corpus or $DOSSIER_CORPUS; else, for a store named with --store or $DOSSIER_STORE, the
    corpus that store was built from; else the bundled corpus."""
    chosen = getattr(args, "corpus", None) or os.environ.get("DOSSIER_CORPUS")
    if chosen:
        return Path(chosen).expanduser()
    named = getattr(args, "store", None) or os.environ.get("DOSSIER_STORE")
    if named:
        built_from = _built_from(Path(named).expanduser())
        if built_from is not None:
            return built_from
    return bundled_corpus()


def _built_from(store: Path) -> Path | None:
    """The corpus folder a store remembers, when there is a readable store there."""
    from store.errors import DossierError
    from store.storage.db import read_meta

    try:
        meta = read_meta(store)
    except DossierError:
        return None
    corpus = (meta or {}).get("corpus")
    return Path(corpus) if isinstance(corpus, str) and corpus else None


def store_path(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "store", None) or os.environ.get("DOSSIER_STORE")
    return Path(chosen).expanduser() if chosen else default_store_path(corpus_dir(args))


def userdata_path(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "userdata", None) or os.environ.get("DOSSIER_USERDATA")
    return Path(chosen).expanduser() if chosen else default_userdata_path(corpus_dir(args))


def open_userdata(args: argparse.Namespace, store: Store | None = None) -> UserData:
    """The user-data file (refused with a message when damaged), re-anchored against `store`."""
    from store.userdata.data import UserData

    data = UserData(userdata_path(args))
    data.check()
    if store is not None:
        report = data.reanchor(store)
        if report.changed:
            print(f"dossier: re-anchored {report.summary()}", file=sys.stderr)
    return data


def write_output(text: str, output: str | None) -> None:
    """An export to stdout, or to a file (atomically, so a failed export leaves the old one)."""
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    from store.storage.atomic import write_bytes_atomic

    path = Path(output).expanduser()
    write_bytes_atomic(path, text.encode("utf-8"))
    print(f"dossier: wrote {path}", file=sys.stderr)


def prepare_store(
    args: argparse.Namespace, *, force: bool = False, store: Store | None = None
) -> BuildReport:
    """Build the store when missing or stale, reporting progress on stderr when it is a terminal."""
    from store.build import ensure_built

    report = ensure_built(
        corpus_dir(args),
        store or store_path(args),
        force=force,
        progress=_progress_printer(),
        follow_links=getattr(args, "follow_links", False),
        wait=not getattr(args, "no_wait", False),
        waiting=say,
        rebind=getattr(args, "rebuild", False),
        workers=getattr(args, "jobs", None),
    )
    report_warnings(report.warnings)
    return report


WARNING_LIMIT = 30  # a corpus with 200,000 problems prints 30 lines and a count, not 200,000


def report_warnings(warnings: list[str]) -> None:
    """Each warning on stderr, made safe for the terminal; past WARNING_LIMIT only a count."""
    for warning in warnings[:WARNING_LIMIT]:
        say(f"warning: {warning}")
    if len(warnings) > WARNING_LIMIT:
        say(f"… and {len(warnings) - WARNING_LIMIT:,} more warnings")


def say(message: str) -> None:
    """A message for the person at the terminal, on stderr. Messages quote file names, titles
    and manifest fields, so they go through the same safety as document text, always."""
    print(f"dossier: {safe_for_terminal(message)}", file=sys.stderr, flush=True)


def open_store(args: argparse.Namespace) -> Store:
    from store.storage.db import Store

    store = Store(store_path(args))
    prepare_store(args, store=store)
    return store.open()


def run_command(args: argparse.Namespace) -> int:
    """Run a print-mode command: commands that need no store get `store=None`."""
    command: Callable[[argparse.Namespace, Store | None], int] = args.func
    if getattr(args, "needs_store", True):
        with open_store(args) as store:
            return command(args, store)
    return command(args, None)


def open_app(args: argparse.Namespace) -> int:
    """Open the Textual app; the store is built inside it, behind a progress bar."""
    from tui.app import make_app

    watch = not getattr(args, "no_watch", False) and os.environ.get("DOSSIER_WATCH") != "0"
    app = make_app(store_path(args), corpus_dir(args), userdata=userdata_path(args), watch=watch)
    app.run()
    return app.return_code or 0


def print_json(obj: Any) -> None:
    """JSON on stdout. Control characters are JSON escapes already; bidi controls and
    zero-width characters are written as \\uXXXX escapes too, so JSON that reaches a terminal
    cannot reorder or hide what it shows; so are DEL and the C1 controls, which JSON leaves raw
    (the parsed value is the same)."""
    sys.stdout.write(json_text(obj, indent=2))
    sys.stdout.write("\n")


def print_json_line(obj: Any) -> None:
    """One JSON value on one line (JSON Lines), escaped as `print_json` escapes."""
    sys.stdout.write(json_text(obj))
    sys.stdout.write("\n")


def json_text(obj: Any, indent: int | None = None) -> str:
    return _UNSAFE_IN_JSON.sub(_json_escape, json.dumps(obj, ensure_ascii=False, indent=indent))


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}{ZERO_WIDTH}\u2028\u2029]")


def add_pages(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each `{file, start, ...}` row the page it starts on: `page` (from 1) and
    `page_label` ("17"), both null for an unpaged document."""
    for row in rows:
        source = store.source(row["file"])
        number = source.page_at(row["start"]) if source is not None else None
        row["page"] = number
        row["page_label"] = source.pages[number - 1][0] if source and number else None
    return rows


def use_color() -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def safe_for_terminal(text: str) -> str:
    """Document text is data: control characters (ESC, OSC, BEL) become visible symbols, the
    same ones the app's reader shows, so a document cannot drive the user's terminal."""
    from tui.model.controls import show_controls

    return show_controls(text)


def terminal_text(text: str) -> str:
    """Text for stdout: escaped when a person's terminal will interpret it, verbatim in a pipe."""
    return safe_for_terminal(text) if sys.stdout.isatty() else text


def _progress_printer() -> Progress | None:
    if not sys.stderr.isatty():
        return None
    last: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        pct = int(100 * done / total) if total else 100
        if last.get(stage) == pct:
            return
        last[stage] = pct
        end = "\n" if done >= total and stage == "write" else ""
        print(
            f"\rdossier: building store: {stage:<8} {pct:3d}%", end=end, file=sys.stderr, flush=True
        )

    return progress
