"""Are two stores (and their index sidecars) the same build, apart from when and by what code?

Masks what must differ between two builds of one corpus by two versions of the same code: the
meta table's build time, fingerprint and extractor digest, and the fingerprint in the index
header. Everything else, every table row and every index byte, must be equal.

    python benchmarks/compare_stores.py OLD.json NEW.json
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

import orjson

MASKED_META = ("built_at", "fingerprint", "extractor", "seconds")
INDEX_MAGIC_LEN = 8


def masked_store(path: Path) -> dict:
    tables = orjson.loads(path.read_bytes())
    for row in tables.get("meta", {}).values():
        for key in MASKED_META:
            row.pop(key, None)
    return tables


def masked_index(path: Path) -> tuple[dict, bytes]:
    data = path.read_bytes()
    (hlen,) = struct.unpack("<Q", data[INDEX_MAGIC_LEN : INDEX_MAGIC_LEN + 8])
    header = orjson.loads(data[INDEX_MAGIC_LEN + 8 : INDEX_MAGIC_LEN + 8 + hlen])
    header.pop("fingerprint", None)
    return header, data[INDEX_MAGIC_LEN + 8 + hlen :]


def differences(old: Path, new: Path) -> list[str]:
    problems: list[str] = []
    a, b = masked_store(old), masked_store(new)
    for table in sorted(set(a) | set(b)):
        if a.get(table) != b.get(table):
            problems.append(f"table {table!r} differs")
    old_index, new_index = Path(f"{old}.index"), Path(f"{new}.index")
    if old_index.exists() or new_index.exists():
        ha, ba = masked_index(old_index)
        hb, bb = masked_index(new_index)
        if ha != hb:
            keys = sorted(k for k in set(ha) | set(hb) if ha.get(k) != hb.get(k))
            problems.append(f"index header differs in {keys}")
        if ba != bb:
            problems.append("index arrays differ")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    args = parser.parse_args()
    problems = differences(args.old, args.new)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"identical (masked: meta {', '.join(MASKED_META)}; index fingerprint)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
