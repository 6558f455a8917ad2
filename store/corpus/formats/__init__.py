"""One reader a format: bytes in, text + pages + metadata out (`base.Reading`).

A reader is a module with `NAME`, `SUFFIXES`, `sniff(data)` (does this file's content show it
is of the format, whatever its name?) and `read(data, where, warnings) -> Reading`, raising
`FormatError` for a file it cannot read. `reader_for` picks one by the content first (a PDF
named `.html` is read as a PDF), then by the suffix; adding a format is adding a module here
and naming it in `_MODULES`. Readers import their libraries (pypdfium2, python-docx,
trafilatura) only when they read, so listing a corpus stays cheap.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import PurePath
from types import ModuleType

from store.corpus.formats.base import FormatError, Metadata, PageSpan, Reading, Region, page_index

# Content sniffing runs in this order: the binary formats first, then markup.
_MODULES = ("pdf", "docx", "epub", "html", "markdown", "text")


def reader(name: str) -> ModuleType:
    """The reader module of format `name` ("pdf", "html"...)."""
    return importlib.import_module(f"store.corpus.formats.{name}")


# Every suffix a reader claims, spelled out so that listing a corpus imports no reader (a test
# checks it equals the readers' own `SUFFIXES`).
SUFFIXES: tuple[str, ...] = (
    ".pdf", ".docx", ".epub", ".html", ".htm", ".xhtml", ".md", ".markdown", ".txt", ".text",
)  # fmt: skip


@functools.cache
def readers() -> tuple[ModuleType, ...]:
    """The reader modules, in sniffing order, imported on first use."""
    return tuple(reader(name) for name in _MODULES)


def reader_for(file: str, data: bytes) -> ModuleType:
    """The reader for a file: the format its bytes show, else the one its suffix names."""
    for module in readers():
        if module.sniff(data):
            return module
    suffix = PurePath(file).suffix.lower()
    for module in readers():
        if suffix in module.SUFFIXES:
            return module
    return reader("text")


__all__ = [
    "SUFFIXES",
    "FormatError",
    "Metadata",
    "PageSpan",
    "Reading",
    "Region",
    "page_index",
    "reader",
    "reader_for",
    "readers",
]
