"""Frequent English common words (common_words.txt, made by tools/gen_common_words.py from
wordfreq and Webster's Second International): a capitalised span whose last word is one of
them is a phrase ("Economic Freedom", "Dear Colleagues"), not a personal name."""

from __future__ import annotations

from pathlib import Path

_FILE = Path(__file__).resolve().parent / "common_words.txt"

COMMON_WORDS = frozenset(
    line.strip()
    for line in _FILE.read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)
