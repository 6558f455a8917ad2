"""Where the tests find the repository, their data, the bundled corpus and ../shared."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"  # the peer data sets and the original seeds, beside the clone
