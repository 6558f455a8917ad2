"""`dossier`: print-mode sub-commands, and the app when no sub-command is given.

Each sub-command lives in its own module exposing `register(subparsers)`; the Textual app is
imported only when it is opened, so print mode starts fast and works without a terminal UI.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from store.errors import DossierError

COMMAND_MODULES: list[str] = [
    "build", "sources", "show", "search", "searches", "events", "entities", "entity", "notes",
    "note", "export",
]  # fmt: skip

DESCRIPTION = """\
Dossier: browse and cite a folder of source documents from the terminal.

With no command, opens the app on the corpus (the bundled one unless --corpus or
DOSSIER_CORPUS says otherwise). The store is built first when missing or stale."""

EPILOG = """\
examples:
  dossier                          open the app on the bundled corpus
  dossier --corpus ~/papers        open the app on your own documents
  dossier search 'aktobe attack'   print matching passages
  dossier sources --json | jq .    list sources as JSON"""


def make_parser(*, commands: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser with the sub-commands `commands` (all by default). A command line that names
    one sub-command gets a parser with that one only, so print mode imports only what it runs;
    opening the app registers none."""
    from tui.cli.common import add_location_options

    parser = argparse.ArgumentParser(
        prog="dossier",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_location_options(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"tui.cli.{name}").register(subparsers)
    return parser


# Options of the top-level parser that take a value (their value is never a command's name).
_VALUED = ("--corpus", "--store", "--userdata")


def _command_in(words: list[str]) -> str | None:
    """The sub-command the arguments name, "" when they only ask for help, None for the app."""
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in _VALUED:
            skip = True
        elif word in COMMAND_MODULES:
            return word
        elif word in ("-h", "--help"):
            return ""
        elif not word.startswith("-"):
            return ""  # not a command: let argparse say so, with every command listed
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `dossier` console script; returns the exit code."""
    from tui.cli.common import open_app, run_command, say

    words = list(sys.argv[1:] if argv is None else argv)
    command = _command_in(words)
    if command is None:
        parser = make_parser(commands=())
    else:
        parser = make_parser(commands=(command,) if command else COMMAND_MODULES)
    args = parser.parse_args(words)
    try:
        if getattr(args, "func", None) is None:
            return open_app(args)
        return run_command(args)
    except DossierError as exc:
        say(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        # A pager or `head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return 0
