"""Markdown quotes with citations, the text `y` and `Y` put on the clipboard.

Pure functions over a `Source`, so the format is pinned by unit tests and shared by every
screen: `> "…" — Author, *Title*, Publisher, date`. Unknown parts are left out rather than
printed as "unknown"; an undated source says "n.d.", the usual bibliographic mark.
"""

from __future__ import annotations

import re

from store.models import Source
from tui.model.doctext import visible

_SPACES = re.compile(r"\s+")
_UNKNOWN = {"", "unknown"}


def _md_escape(text: str) -> str:
    """Keep a title's own asterisks and underscores from turning into emphasis."""
    return re.sub(r"([*_`\\])", r"\\\1", text)


def published_label(source: Source | None) -> str:
    """The source's date as every pane and the citation show it: "n.d." when undated."""
    return source.published if source and source.published not in _UNKNOWN else "n.d."


def citation(source: Source) -> str:
    """`Author, *Title*, Publisher, date` with unknown parts omitted."""
    parts: list[str] = []
    if source.author not in _UNKNOWN:
        parts.append(visible(source.author).strip())
    title = visible(source.title).strip() or source.file
    parts.append(f"*{_md_escape(title)}*")
    if source.publisher not in _UNKNOWN:
        parts.append(visible(source.publisher).strip())
    parts.append(published_label(source))
    return ", ".join(parts)


def quote_text(text: str) -> str:
    """The quoted words on one line: whitespace runs collapse, control characters show."""
    return visible(_SPACES.sub(" ", text)).strip()


def quote(text: str, source: Source) -> str:
    """`> "…" — citation`: a Markdown block quote that can be pasted into notes as is."""
    return f'> "{quote_text(text)}" — {citation(source)}'
