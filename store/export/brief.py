"""The notes brief: every bookmarked or noted passage as a Markdown quote with its citation and
the note beneath, grouped by source or by tag; or the same as JSON (W3C selectors included)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from store.export.tables import Cite, one_line
from store.models import Source
from store.userdata.anchor import ANCHORED
from store.userdata.records import Entry

SourceOf = Callable[[str], Source | None]
PassageOf = Callable[[str, int], int | None]


def brief_json(entries: list[Entry], source_of: SourceOf, passage_of: PassageOf, cite: Cite) -> str:
    out = []
    for entry in entries:
        record: dict[str, Any] = entry.to_json()
        anchor = entry.anchor
        source = source_of(anchor.file) if anchor.file else None
        passage = passage_of(anchor.file, anchor.start) if anchor.file else None
        record["passage"] = passage
        record["citation"] = cite(source, passage, anchor.start) if source else None
        record["selector"] = anchor.selectors() if anchor.file else []
        out.append(record)
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def brief_markdown(
    entries: list[Entry],
    source_of: SourceOf,
    passage_of: PassageOf,
    cite: Cite,
    *,
    by: str = "source",
) -> str:
    """`by` is "source" (one section per document, in reading order) or "tag"."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        if by == "tag":
            for tag in entry.tags or ("untagged",):
                groups.setdefault(tag, []).append(entry)
        else:
            groups.setdefault(_group_title(entry, source_of), []).append(entry)
    lines = ["# Notes", ""]
    for title in sorted(groups) if by == "tag" else groups:
        lines += [f"## {title}", ""]
        ordered = sorted(groups[title], key=lambda e: (e.anchor.file or "", e.anchor.start))
        for entry in ordered:
            lines += _one(entry, source_of, passage_of, cite)
    return "\n".join(lines).rstrip() + "\n"


def _group_title(entry: Entry, source_of: SourceOf) -> str:
    anchor = entry.anchor
    if anchor.file is None:
        return "Entities"
    source = source_of(anchor.file)
    return f"{one_line(source.title)} ({anchor.file})" if source else anchor.file


def _one(entry: Entry, source_of: SourceOf, passage_of: PassageOf, cite: Cite) -> list[str]:
    anchor = entry.anchor
    lines: list[str] = []
    if anchor.file is None and anchor.entity is not None:
        lines.append(f"**{one_line(anchor.entity.name)}**")
    else:
        source = source_of(anchor.file) if anchor.file else None
        passage = passage_of(anchor.file, anchor.start) if anchor.file else None
        citation = cite(source, passage, anchor.start) if source else anchor.file or ""
        lines.append(f'> "{one_line(anchor.exact)}" — {citation}')
    lines.append("")
    if entry.text.strip():
        lines += [entry.text.rstrip(), ""]
    marks = []
    if entry.starred:
        marks.append("★ starred")
    if entry.tags:
        marks.append("tags: " + ", ".join(entry.tags))
    if anchor.status != ANCHORED:
        marks.append(anchor.status)
    if marks:
        lines += ["*" + " · ".join(marks) + "*", ""]
    return lines
