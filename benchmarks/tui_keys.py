"""Key -> repaint latency of the app, as a user sees it: `dossier` runs in a pseudo-terminal,
a key's bytes are written to it, and the clock stops when the screen text the key should
bring (the query line, the results title, the help, the palette...) reaches the terminal; a
key that only moves focus stops the clock at its first output byte (the repaint).

Each key is measured `--runs` times once the screen has been quiet for a moment; the figure
is the median and the worst. `--burn` runs the same keys with another process spinning on
a core the whole time (a shared, loaded machine). The store is opened as it is (no build,
no watcher) so only the keys are timed: by default one built from the bundled corpus; with
`--store FILE` any built store (e.g. a 10,000-document one from `bench_search.py`, copied
first so nothing writes to the original).

    python benchmarks/tui_keys.py [--runs 5] [--burn] [--store FILE] [--query WORD] [--json out]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SIZE = (160, 48)
LAUNCH = (
    "import sys; from pathlib import Path; from tui.app import make_app; "
    "make_app(Path(sys.argv[1]), None, watch=False).run()"
)
ESC = "\x1b"


class Terminal:
    """The app in a pty: write keys, read what it draws."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
        )
        os.close(slave)
        self.seen = ""

    def read(self, timeout: float) -> str:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return ""
        try:
            return os.read(self.master, 1 << 16).decode("utf-8", "replace")
        except OSError:
            return ""

    def wait_for(self, marker: str, timeout: float = 120.0) -> float:
        """Seconds until `marker` shows in output read from now on."""
        began, text = time.perf_counter(), ""
        while time.perf_counter() - began < timeout:
            text += self.read(0.05)
            if marker in text:
                return time.perf_counter() - began
        raise TimeoutError(f"{marker!r} never appeared")

    def settle(self, quiet: float = 0.4, limit: float = 10.0) -> None:
        """Read until nothing has come for `quiet` seconds."""
        began = last = time.perf_counter()
        while time.perf_counter() - last < quiet and time.perf_counter() - began < limit:
            if self.read(0.05):
                last = time.perf_counter()

    def key(self, data: str, marker: str | None) -> float:
        """Write `data`; seconds until `marker` (or, with None, any output) arrives."""
        self.settle()
        began = time.perf_counter()
        os.write(self.master, data.encode())
        text = ""
        while time.perf_counter() - began < 60:
            text += self.read(0.02)
            if (marker is None and text) or (marker is not None and marker in text):
                return time.perf_counter() - began
        shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", " ", text[-3000:])
        raise TimeoutError(f"no {marker!r} after {data!r}; the terminal got: {shown!r}")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)


def steps(query: str) -> list[tuple[str, str, str | None, str]]:
    """(name, keys, marker, keys that undo it) in the order a user would press them."""
    return [
        ("pane: reader (4)", "4", None, ""),
        ("pane: chronology (2)", "2", None, ""),
        ("pane: sources (1)", "1", None, ""),
        ("help (?)", "?", "Dossier keys", ESC),
        ("palette (ctrl+p)", "\x10", "earch for commands", ESC),  # "S" is under the cursor
        ("query line (/)", "/", None, ""),  # it opens on the last query, if any
        # the query is typed, then Enter is timed alone
        ("search (Enter)", "\r", f"Results · {query}", ""),
        ("next hit (n)", "n", "hit 2/", ""),  # the reader, focused once the text is read
        ("close results (Esc)", ESC, "Chronology (", ""),
    ]


def run_keys(store: Path, runs: int, query: str) -> dict[str, dict[str, float]]:
    env = {**os.environ, "TERM": "xterm-256color", "DOSSIER_WATCH": "0"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    env["XDG_DATA_HOME"] = str(store.parent / "data")  # notes and history stay in the run
    env["XDG_CONFIG_HOME"] = str(store.parent / "config")
    term = Terminal([sys.executable, "-c", LAUNCH, str(store)], env)
    times: dict[str, list[float]] = {}
    try:
        term.wait_for("Chronology (")
        term.settle(1.0)
        for _ in range(runs):
            for name, keys, marker, undo in steps(query):
                if name == "search (Enter)":
                    for ch in query:
                        os.write(term.master, ch.encode())
                    term.settle()
                if name == "close results (Esc)":  # from Results, wherever `n` left focus
                    term.settle(1.0)
                    os.write(term.master, b"5")
                times.setdefault(name, []).append(term.key(keys, marker))
                if undo:
                    term.settle()
                    os.write(term.master, undo.encode())
    finally:
        term.close()
    return {
        name: {"median_ms": round(median(v) * 1000, 1), "max_ms": round(max(v) * 1000, 1)}
        for name, v in times.items()
    }


def burning(run: Callable[[], dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """`run()` while another process spins on a core."""
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.5)
        return run()
    finally:
        hog.kill()
        hog.wait()


def seeds_store(workdir: Path) -> Path:
    store = workdir / "seeds.json"
    dossier = Path(sys.executable).parent / "dossier"
    subprocess.run(
        [str(dossier), "build", "--corpus", str(REPO / "seeds"), "--store", str(store)],
        check=True,
        capture_output=True,
    )
    return store


def copied(store: Path, workdir: Path) -> Path:
    """The store and its sidecars copied into `workdir` (the app may write beside it)."""
    for part in store.parent.glob(store.name + "*"):
        if part.is_file() and not part.name.endswith(".lock"):
            shutil.copy2(part, workdir / part.name)
    return workdir / store.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", type=Path, help="a built store (default: the bundled corpus)")
    parser.add_argument("--query", default="astana", help="what the search step types")
    parser.add_argument("--burn", action="store_true", help="also with a core kept busy")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-keys-") as tmp:
        work = Path(tmp)
        store = copied(args.store, work) if args.store else seeds_store(work)
        results = {"idle": run_keys(store, args.runs, args.query)}
        if args.burn:
            results["one core busy"] = burning(lambda: run_keys(store, args.runs, args.query))
    print(
        f"command: python benchmarks/tui_keys.py --runs {args.runs}"
        + (" --burn" if args.burn else "")
        + (f" --store {args.store}" if args.store else "")
    )
    print(f"load average before: {os.getloadavg()[0]:.2f}; cores: {os.cpu_count()}")
    for condition, rows in results.items():
        print(
            f"\n{condition}: key -> repaint, ms (median / worst of {args.runs}), {SIZE[0]}x{SIZE[1]}"
        )
        for name, row in rows.items():
            print(f"  {name:<24} {row['median_ms']:>7.1f}  {row['max_ms']:>7.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
