"""What every format reader returns: the text Dossier shows, its pages, metadata and regions.

A reader is a module with `NAME`, `SUFFIXES`, `sniff(data) -> bool` and `read(data, where) ->
Reading`: bytes in, text out. Every offset in Dossier points into `Reading.text`, so a reader
builds that text once and reports everything else (pages, regions it is sure of, where the
metadata came from) as offsets into it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple


class FormatError(Exception):
    """A file that claims a format but cannot be read as it (damaged, encrypted): skipped."""


class PageSpan(NamedTuple):
    """One page of a paged document: its printed label ("iv", "17") and its text range."""

    label: str
    start: int
    end: int


class Region(NamedTuple):
    """A stretch of text whose passage kind the reader knows from the file's structure.

    Passages inside a BOILERPLATE, FOOTNOTE or HEADING region get that kind. A BODY region is
    the file saying "this is content" (a web page's article, a paragraph styled as text): the
    text classifier may still call a passage there a heading or a footnote, never furniture.
    """

    start: int
    end: int
    kind: str


@dataclass(slots=True)
class Metadata:
    """Bibliographic facts the file itself states, each with the words that give it."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    kind: str | None = None
    basis: dict[str, str] = field(default_factory=dict)  # field name -> where it came from

    def set(self, name: str, value: str | None, basis: str) -> bool:
        """Set `name` when it is still unset and `value` says something; True when set."""
        value = " ".join(value.split()) if value else ""
        if not value or getattr(self, name) is not None:
            return False
        setattr(self, name, value)
        self.basis[name] = basis
        return True


@dataclass(slots=True)
class Reading:
    """A document as a reader made it."""

    text: str
    format: str
    pages: tuple[PageSpan, ...] = ()
    regions: tuple[Region, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    note: str = ""  # what the user must know about this file ("no text layer: ...")


def page_index(pages: tuple[PageSpan, ...] | list[PageSpan], offset: int) -> int | None:
    """The position (from 0) of the page holding `offset`; None for an unpaged document."""
    if not pages:
        return None
    starts = [p.start for p in pages]
    return max(0, bisect_right(starts, offset) - 1)


LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
