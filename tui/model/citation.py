"""Markdown quotes with citations, the text `y` and `Y` put on the clipboard.

Pure functions over a `Source`, so the format is pinned by unit tests and shared by every
screen: `> "…" — Author, *Title*, Publisher, date, p. 17, <URL>` (or `¶ 4` where there are no pages). Unknown parts are left out
rather than printed as "unknown"; an undated source says "undated", the word every pane and the
CLI use (store.timex.labels.UNDATED);
the page is the printed label of the page the quoted text starts on, in a paged document; the
URL is the one the document says it was published at (a web page's canonical link).
"""

from __future__ import annotations

import re

from store.models import Source
from store.timex.labels import published_label as label_of
from tui.model.controls import visible

_SPACES = re.compile(r"\s+")
_UNKNOWN = {"", "unknown"}


def _md_escape(text: str) -> str:
    """Keep a title's own asterisks and underscores from turning into emphasis."""
    return re.sub(r"([*_`\\])", r"\\\1", text)


def published_label(source: Source | None) -> str:
    """The source's date as every pane, the CLI and the citation show it: "undated" when none."""
    return label_of(source.published if source else None)


def citation(source: Source, offset: int | None = None, paragraph: int | None = None) -> str:
    """`Author, *Title*, Publisher, date[, p. N | ¶ N][, <URL>]` with unknown parts omitted.
    The locator is the page holding `offset` (the quoted text's start) when the source has
    pages, else `paragraph`: the number of the passage holding it, as `dossier show` prints
    it (so `dossier show FILE -p N` finds the quote)."""
    parts: list[str] = []
    if source.author not in _UNKNOWN:
        parts.append(visible(source.author).strip())
    title = visible(source.title).strip() or source.file
    parts.append(f"*{_md_escape(title)}*")
    if source.publisher not in _UNKNOWN:
        parts.append(visible(source.publisher).strip())
    parts.append(published_label(source))
    label = source.page_label(offset) if offset is not None else None
    if label:
        parts.append(f"p. {visible(label).strip()}")
    elif paragraph is not None:
        parts.append(f"¶ {paragraph}")
    if source.url.startswith(("http://", "https://")) and not _SPACES.search(source.url):
        parts.append(f"<{visible(source.url)}>")
    return ", ".join(parts)


def quote_text(text: str) -> str:
    """The quoted words on one line: whitespace runs collapse, control characters show."""
    return visible(_SPACES.sub(" ", text)).strip()


def quote(
    text: str, source: Source, offset: int | None = None, paragraph: int | None = None
) -> str:
    """`> "…" — citation`: a Markdown block quote that can be pasted into notes as is;
    `offset` is where the quoted text starts (for its page), `paragraph` its passage."""
    return f'> "{quote_text(text)}" — {citation(source, offset, paragraph)}'
