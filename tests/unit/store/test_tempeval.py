"""TempEval-3 platinum as a regression floor for the temporal tagger.

The data lives outside the repository (../shared/peer/tempeval3, never copied in); the test
skips when it is absent. The floors are the figures reached when this test was written,
rounded down to two decimals (see docs/timex.md for the full table and how to reproduce it).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.paths import REPO, SHARED

DATA = SHARED / "peer" / "tempeval3"

VALUE_F1_FLOOR = 0.88
RELAXED_F1_FLOOR = 0.95
DATE_TIME_VALUE_F1_FLOOR = 0.89

pytestmark = pytest.mark.skipif(
    not (DATA / "platinum.jsonl").exists() or not (DATA / "score.py").exists(),
    reason=f"TempEval-3 data not found at {DATA} (it stays outside the repository)",
)


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_tempeval3", REPO / "benchmarks" / "tempeval3.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_tempeval3", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def system_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bench = _bench()
    out = tmp_path_factory.mktemp("tempeval3") / "system.jsonl"
    bench.write_jsonl(bench.system_output(bench.load_docs(DATA / "platinum.jsonl")), out)
    return out


def test_all_types_beat_the_floor(system_file: Path) -> None:
    figures, _ = _bench().score(DATA, system_file)
    assert figures["gold"] == 138
    assert figures["value"]["F1"] >= VALUE_F1_FLOOR, figures
    assert figures["relaxed"]["F1"] >= RELAXED_F1_FLOOR, figures


def test_dates_and_times_beat_the_floor(system_file: Path) -> None:
    figures, _ = _bench().score(DATA, system_file, "DATE,TIME")
    assert figures["gold"] == 100
    assert figures["value"]["F1"] >= DATE_TIME_VALUE_F1_FLOOR, figures


def test_system_output_has_the_scored_layout(system_file: Path) -> None:
    import json

    rows = [json.loads(line) for line in system_file.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 20
    assert sum(len(row["timexes"]) for row in rows) >= 100  # the gold holds 138
    for row in rows:
        for t in row["timexes"]:
            assert {"start", "end", "type", "value"} <= set(t)
            assert t["start"] < t["end"]
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET")
