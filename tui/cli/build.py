"""`dossier build`: (re)build the store from the corpus."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from store.storage.db import Store
from tui.cli.common import add_command, open_userdata, prepare_store, terminal_text

if TYPE_CHECKING:
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier build                         build the store for the bundled corpus if needed
  dossier build --corpus ~/papers       build a store for your own folder
  dossier build --force                 rebuild even when nothing changed
  dossier build -j 4                    extract with four worker processes"""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "build",
        help="build the store from the corpus",
        description="Read the corpus, extract passages, events and entities, and write the store. "
        "Skipped when the corpus, manifests and extractor are unchanged.",
        epilog=EPILOG,
    )
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes for extraction (default: the machine's cores)",
    )
    parser.set_defaults(func=run, needs_store=False)


def run(args: argparse.Namespace, store: Store | None) -> int:
    report = prepare_store(args, force=args.force)
    if report.built:
        counts = ", ".join(f"{v} {k}" for k, v in report.counts.items() if k != "bytes")
        print(terminal_text(f"built {report.store_path} in {report.seconds:.2f} s: {counts}"))
        if report.extracted < report.counts.get("documents", 0):
            reused = report.counts["documents"] - report.extracted
            print(f"  {report.extracted} documents extracted, {reused} unchanged and reused")
    else:
        print(terminal_text(f"{report.store_path} is up to date"))
    _reanchor(args)
    return 0


def _reanchor(args: argparse.Namespace) -> None:
    """Notes and bookmarks follow their passages into the new store (their file is not touched
    unless an anchor moved)."""
    from store.storage.db import Store
    from tui.cli.common import store_path, userdata_path

    if not userdata_path(args).exists():
        return
    with Store(store_path(args)) as store:
        data = open_userdata(args)
        report = data.reanchor(store)
    if report.checked:
        print(f"user data {data.path}: {report.summary()}")
