"""Markdown: read as text (its markup stays, offsets are into the file); title from `#`."""

from __future__ import annotations

from store.corpus.decode import decode, looks_binary
from store.corpus.formats.base import FormatError, Reading
from store.corpus.formats.text import first_line_title

NAME = "markdown"
SUFFIXES = (".md", ".markdown")


def sniff(data: bytes) -> bool:
    return False


def read(data: bytes, where: str, warnings: list[str]) -> Reading:
    if looks_binary(data):
        raise FormatError("looks like a binary file, not text")
    text = decode(data, where, warnings)
    return Reading(text, NAME, meta=first_line_title(text, headings=True))
