"""Plain text: decoded bytes are the text, unpaged; the title is the first non-blank line."""

from __future__ import annotations

from store.corpus.decode import decode, looks_binary
from store.corpus.formats.base import FormatError, Metadata, Reading

NAME = "text"
SUFFIXES = (".txt", ".text")


def sniff(data: bytes) -> bool:
    """Plain text is what a file is when no other format claims it: never sniffed."""
    return False


def read(data: bytes, where: str, warnings: list[str]) -> Reading:
    return read_text(data, where, warnings, NAME)


def read_text(
    data: bytes, where: str, warnings: list[str], name: str, *, headings: bool = False
) -> Reading:
    """Decoded bytes as the text, titled by their first heading (`headings`) or line."""
    if looks_binary(data):
        raise FormatError("looks like a binary file, not text")
    text = decode(data, where, warnings)
    return Reading(text, name, meta=first_line_title(text, headings=headings))


def first_line_title(text: str, *, headings: bool = False) -> Metadata:
    """The title a text file gives: its first `#` heading (Markdown) or its first line."""
    meta = Metadata()
    lines = [line.strip() for line in text.splitlines()[:200] if line.strip()]
    if headings:
        for line in lines[:40]:
            if line.startswith("#"):
                title = line.lstrip("#").strip().strip("*_ ").strip()
                if meta.set("title", title[:200], "first heading"):
                    return meta
    if lines:
        meta.set("title", lines[0].strip("*_# ")[:200], "first line")
    return meta
