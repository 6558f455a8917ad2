"""Bounded cost on hostile input: time and peak memory of whole `dossier` processes.

* a document of N dated lines with no final punctuation (each line a date and a name: a log,
  a table, a dump), at 5,000 and 50,000 lines — once 34 s and 1.45 GB at 5,000 lines, and
  more than 10 GB without finishing at 50,000; the target is under 60 s and 500 MB at 50,000;
* a 40,000-character query and a 2,000-term OR (refused at once, with a message);
* a sources.yaml of 200,000 entries none of which is in the corpus (warnings summarised).

Each case runs in a fresh process; peak memory is that process's maximum resident set size.

    python benchmarks/bench_hostile.py [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from machine import describe as describe_machine

MONTHS = ("January", "March", "May", "July", "September", "November")
NAMES = ("Karimov", "Nazarbayev", "Tokayev", "Rahmon")


def dated_lines(n: int) -> str:
    return "".join(
        f"{1 + i % 28} {MONTHS[i % 6]} {1990 + i % 30} President {NAMES[i % 4]} said\n"
        for i in range(n)
    )


# Runs one command and reports its own children's peak: a fresh wrapper per case, so each
# figure is that case's maximum resident set size alone.
WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "s = time.perf_counter() - t\n"
    "sys.stdout.write(f'{s} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} "
    "{p.returncode}\\n' + p.stderr)\n"
)


def run(*args: str) -> tuple[float, float, int, str]:
    """Seconds, peak MB, exit code and stderr's last line of one `dossier` process."""
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, sys.executable, "-m", "tui", *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    first, _, stderr = proc.stdout.partition("\n")
    seconds, kb, code = first.split()
    last = (stderr.strip().splitlines() or [""])[-1]
    return float(seconds), int(kb) / 1024, int(code), last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dossier-bench-hostile-"))
    rows: list[dict[str, object]] = []

    def case(name: str, *command: str) -> None:
        seconds, mb, code, last = run(*command)
        rows.append({"case": name, "seconds": round(seconds, 2), "peak_mb": round(mb), "exit": code,
                     "stderr": last[:100]})  # fmt: skip
        print(f"{name:<44} {seconds:8.2f} s {mb:8.0f} MB  exit {code}  {last[:60]}")

    print(f"machine: {describe_machine()}")
    print(f"date:    {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"command: python {' '.join(sys.argv)}")
    seeds = work / "seeds.json"
    case("build the bundled corpus (reference)", "build", "--store", str(seeds))
    case("query of 40,000 characters", "search", "aktobe " * 5715, "--store", str(seeds))
    case("2,000 terms joined by OR", "search", " OR ".join(f"w{i}" for i in range(2000)),
         "--store", str(seeds))  # fmt: skip
    folder = work / "manifest"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials met in Osh on 3 May 2015.\n", encoding="utf-8")
    (folder / "sources.yaml").write_text(
        "".join(f"missing-{i}.txt:\n  title: Gone {i}\n" for i in range(200_000)), encoding="utf-8"
    )
    case("sources.yaml with 200,000 unknown entries", "build", "--corpus", str(folder),
         "--store", str(work / "manifest.json"))  # fmt: skip
    for n in (5_000, 50_000):
        folder = work / f"lines-{n}"
        folder.mkdir()
        (folder / "log.txt").write_text(dated_lines(n), encoding="utf-8")
        case(f"{n:,} dated lines ({len(dated_lines(n)) / 1e6:.1f} MB), build", "build",
             "--corpus", str(folder), "--store", str(work / f"lines-{n}.json"))  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps({"machine": describe_machine(), "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
