"""Borrowed years: a document that never states its year lends one from another document.

A year-less month-day date ("June 5", publication date unknown) cannot be placed on a calendar
by itself. When it reports the same happening as a dated event of another document (same month
and day, and the evidence clustering asks for), the document's reference year becomes that
event's year and the document is read again against it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.events.cluster import Profile, same_happening
from store.events.drafts import NO_MENTIONS, DocMentions, Draft, profile_of

if TYPE_CHECKING:
    from store.models import Document

_YEARLESS_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")


def dated_days(drafts: dict[str, list[Draft]]) -> dict[str, list[tuple[str, Draft]]]:
    """Day-precision events by their month and day ("-06-05"), so a year-less date finds its
    candidates without reading every event of the corpus."""
    index: dict[str, list[tuple[str, Draft]]] = {}
    for file, found in drafts.items():
        for key, entry in day_entries(file, found):
            index.setdefault(key, []).append(entry)
    return index


def day_entries(file: str, found: list[Draft]) -> list[tuple[str, tuple[str, Draft]]]:
    return [
        (o.timex.date_begin[-6:], (file, o))
        for o in found
        if o.resolved and o.timex.precision == "day" and o.timex.date_begin
    ]


def unindex(index: dict[str, list[tuple[str, Draft]]], file: str, found: list[Draft]) -> None:
    """Forget a document's days before it is read again (later documents see the new reading)."""
    for key, _ in day_entries(file, found):
        index[key] = [entry for entry in index.get(key, []) if entry[0] != file]


def borrowed_year(
    doc: Document,
    drafts: dict[str, list[Draft]],
    docs_by_file: dict[str, Document],
    mentions_of: dict[str, DocMentions],
    dated_days: dict[str, list[tuple[str, Draft]]],
) -> str | None:
    """The year of a dated event elsewhere that one of this document's month-day dates reports.

    `dated_days` is the index `_dated_days` builds, kept current by the caller.
    """
    best: tuple[int, str] | None = None
    mine = docs_by_file[doc.file]
    targets: dict[int, Profile] = {}
    for d in drafts[doc.file]:
        m = _YEARLESS_DAY.match(d.timex.value)
        if m is None:
            continue
        month_day = f"-{m.group(1)}-{m.group(2)}"
        probes: dict[str, Profile] = {}
        for other_file, o in dated_days.get(month_day, ()):
            if other_file == doc.file:
                continue
            year = (o.timex.date_begin or "")[:4]
            if year not in probes:
                probes[year] = profile_of(
                    mine, d, "probe", mentions_of.get(doc.file, NO_MENTIONS), f"{year}{month_day}"
                )
            if id(o) not in targets:
                other = docs_by_file[other_file]
                targets[id(o)] = profile_of(
                    other, o, "target", mentions_of.get(other_file, NO_MENTIONS)
                )
            s = same_happening(probes[year], targets[id(o)])
            if s and (best is None or (s, year) > best):
                best = (s, year)
    return None if best is None else best[1]
