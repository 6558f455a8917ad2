"""App speed: first paint of `dossier` against a bare three-pane Textual app, measured in the
same run, and the reader on a 50,000-line document.

First paint is measured the way a user sees it: each program runs in a pseudo-terminal
(160x48) and the clock stops when its first frame's text reaches the terminal. For `dossier`
we also report when the panes are filled (the catalog loaded) and the first frame when the
store must first be built. Reader times are taken in-process (headless), best of N.

    python benchmarks/bench_tui.py [--runs 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

BARE_APP = """
from textual.app import App
from textual.containers import Horizontal
from textual.widgets import Footer, Static

class Bare(App):
    CSS = "Static { width: 1fr; height: 1fr; border: round white; }"
    def compose(self):
        with Horizontal():
            yield Static("Left pane")
            yield Static("Middle pane")
            yield Static("Right pane")
        yield Footer()

Bare().run()
"""


def time_to_text(
    argv: list[str], markers: list[str], env: dict[str, str], timeout: float = 60.0
) -> dict[str, float]:
    """Seconds from spawn until each marker shows in the terminal output (a pty, 160x48)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
    began = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen: dict[str, float] = {}
    buffer = b""
    try:
        while len(seen) < len(markers) and time.perf_counter() - began < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            buffer += chunk
            text = buffer.decode("utf-8", "replace")
            for marker in markers:
                if marker not in seen and marker in text:
                    seen[marker] = time.perf_counter() - began
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        os.close(master)
    missing = [m for m in markers if m not in seen]
    if missing:
        raise SystemExit(f"{argv[0]}: never showed {missing}")
    return seen


def first_paint(runs: int) -> dict[str, float]:
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    py = sys.executable
    dossier = str(Path(py).parent / "dossier")
    work = Path(tempfile.mkdtemp(prefix="dossier-bench-tui-"))
    store = work / "seeds.json"
    subprocess.run(
        [dossier, "build", "--corpus", str(REPO / "seeds"), "--store", str(store)],
        check=True,
        capture_output=True,
    )
    bare, paint, filled, cold = [], [], [], []
    script = work / "bare.py"
    script.write_text(BARE_APP)
    for _ in range(runs):
        bare.append(time_to_text([py, str(script)], ["Left pane"], env)["Left pane"])
        marks = time_to_text(
            [dossier, "--corpus", str(REPO / "seeds"), "--store", str(store)],
            ["Sources", "Sources (5)"],
            env,
        )
        paint.append(marks["Sources"])
        filled.append(marks["Sources (5)"])
        fresh = work / f"cold-{len(cold)}.json"
        cold.append(
            time_to_text(
                [dossier, "--corpus", str(REPO / "seeds"), "--store", str(fresh)], ["Sources"], env
            )["Sources"]
        )
    return {
        "bare_first_paint_ms": median(bare) * 1000,
        "dossier_first_paint_ms": median(paint) * 1000,
        "dossier_panes_filled_ms": median(filled) * 1000,
        "dossier_first_paint_unbuilt_ms": median(cold) * 1000,
    }


def reader_times(runs: int) -> dict[str, float]:
    """Open, scroll-to-end and highlight toggle on the 50,000-line hostile document."""
    from tests.app.support import write_small_store
    from tests.app.test_hostile import BIG_LINES, big_hostile
    from tui.app import make_app
    from tui.model.reader_doc import ReaderDoc
    from tui.widgets.reader import Reader

    work = Path(tempfile.mkdtemp(prefix="dossier-bench-reader-"))
    path = write_small_store(work / "store.json", {"big.txt": big_hostile()})
    results: dict[str, list[float]] = {"open": [], "end": [], "entities": [], "load": []}

    async def measure() -> None:
        app = make_app(path)
        async with app.run_test(size=(160, 48)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            reader = app.main.query_one(Reader)
            for _ in range(runs):
                t0 = time.perf_counter()
                doc = ReaderDoc.load(app.store, "big.txt", {})
                t1 = time.perf_counter()
                reader.doc = None
                reader.show(doc, 0)
                for y in range(reader.size.height):
                    reader.render_line(y)
                t2 = time.perf_counter()
                reader.action_bottom()
                for y in range(reader.size.height):
                    reader.render_line(y)
                t3 = time.perf_counter()
                reader.set_highlights(show_entities=not reader.show_entities)
                for y in range(reader.size.height):
                    reader.render_line(y)
                t4 = time.perf_counter()
                assert reader.virtual_size.height > BIG_LINES
                results["load"].append(t1 - t0)
                results["open"].append(t2 - t1)
                results["end"].append(t3 - t2)
                results["entities"].append(t4 - t3)
                await pilot.pause()

    asyncio.run(measure())
    return {
        "reader_load_from_store_ms": min(results["load"]) * 1000,
        "reader_open_and_paint_ms": min(results["open"]) * 1000,
        "reader_scroll_to_end_ms": min(results["end"]) * 1000,
        "reader_toggle_highlights_ms": min(results["entities"]) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = {**first_paint(args.runs), **reader_times(args.runs)}
    figures["dossier_vs_bare_first_paint_ratio"] = (
        figures["dossier_first_paint_ms"] / figures["bare_first_paint_ms"]
    )
    from machine import describe as describe_machine  # benchmarks/ is sys.path[0] as a script

    print(f"machine: {describe_machine()}")
    print(f"date:    {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"command: python benchmarks/bench_tui.py --runs {args.runs}")
    print(
        f"App benchmarks (median of {args.runs} for first paint, best of {args.runs} "
        "for the reader; 160x48 pty)"
    )
    for name, value in figures.items():
        unit = "x" if name.endswith("ratio") else "ms"
        print(
            f"  {name:<34} {value:8.2f} {unit}" if unit == "x" else f"  {name:<34} {value:8.1f} ms"
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
