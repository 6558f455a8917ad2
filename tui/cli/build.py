"""`dossier build`: (re)build the store from the corpus."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from store.storage.db import Store
from tui.cli.common import add_command, corpus_dir, open_userdata, prepare_store, terminal_text

if TYPE_CHECKING:
    from store.build import BuildReport
    from tui.cli.common import Subcommands

EPILOG = """\
examples:
  dossier build                         build the store for the bundled corpus if needed
  dossier build --corpus ~/papers       build a store for your own folder
  dossier build --force                 rebuild even when nothing changed
  dossier build -j 4                    extract with four worker processes
  dossier build --watch                 rebuild whenever the folder changes, until Ctrl+C"""


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
    parser.add_argument(
        "--watch",
        action="store_true",
        help="stay running: rebuild (incrementally) whenever a document or manifest changes",
    )
    parser.set_defaults(func=run, needs_store=False)


def run(args: argparse.Namespace, store: Store | None) -> int:
    describe(prepare_store(args, force=args.force))
    _reanchor(args)
    if not args.watch:
        return 0
    import threading

    from store.pipeline.watch import changes

    folder = corpus_dir(args)
    print(terminal_text(f"watching {folder} (Ctrl+C stops)"), flush=True)
    stop = threading.Event()
    try:
        for paths in changes(folder, stop):
            shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
            print(terminal_text(f"changed: {shown}"), flush=True)
            describe(prepare_store(args))
            _reanchor(args)
    except KeyboardInterrupt:
        stop.set()
    return 0


def describe(report: BuildReport) -> None:
    """What a build did, in a line or two."""
    if report.built:
        counts = ", ".join(f"{v} {k}" for k, v in report.counts.items() if k != "bytes")
        print(terminal_text(f"built {report.store_path} in {report.seconds:.2f} s: {counts}"))
        if report.extracted < report.counts.get("documents", 0):
            reused = report.counts["documents"] - report.extracted
            extracted = f"{report.extracted} document{'' if report.extracted == 1 else 's'}"
            print(f"  {extracted} extracted, {reused} unchanged and reused")
    else:
        print(terminal_text(f"{report.store_path} is up to date"), flush=True)


def _reanchor(args: argparse.Namespace) -> None:
    """Notes and bookmarks follow their passages into the new store (their file is not touched
    unless an anchor moved)."""
    from tui.cli.common import store_path, userdata_path

    if not userdata_path(args).exists():
        return
    with Store(store_path(args)) as store:
        data = open_userdata(args)
        report = data.reanchor(store)
    if report.checked:
        print(terminal_text(f"user data {data.path}: {report.summary()}"), flush=True)
