"""Markdown: read as text (its markup stays, offsets are into the file); title from `#`."""

from __future__ import annotations

from store.corpus.formats.base import Reading
from store.corpus.formats.text import read_text

NAME = "markdown"
SUFFIXES = (".md", ".markdown")


def sniff(data: bytes) -> bool:
    return False


def read(data: bytes, where: str, warnings: list[str]) -> Reading:
    return read_text(data, where, warnings, NAME, headings=True)
