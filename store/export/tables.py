"""The chronology and the entities as CSV, Markdown or JSON: one row per event, per entity.

A row's citation comes from the caller (`cite(source, passage, offset)`: the offset gives a
paged document's page), so the export reads as the
writer's chosen citation style does. CSV is what the `csv` module writes (quoted where needed,
one line per row even when a quote spans lines in the document: whitespace is collapsed).
"""

from __future__ import annotations

import bisect
import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from store.models import Entity, Event, Source
from store.storage.db import Store
from store.timex.labels import date_label

Cite = Callable[[Source, int | None, int | None], str]  # (source, passage, offset): the locator

CHRONOLOGY_FIELDS = (
    "date",
    "value",
    "precision",
    "date_begin",
    "date_end",
    "file",
    "passage",
    "sources",
    "quote",
    "citation",
    "starred",
    "tags",
    "id",
)
ENTITY_FIELDS = (
    "name",
    "type",
    "aliases",
    "description",
    "mentions",
    "documents",
    "discovered",
    "id",
)


def passage_number(store: Store, file: str, offset: int) -> int | None:
    """The number `dossier show` gives the passage that holds `offset` (or follows it)."""
    if store.source(file) is None:
        return None
    passages = store.passages(file)
    i = bisect.bisect_right([p.start for p in passages], offset) - 1
    if i < 0:
        return passages[0].index if passages else None
    return passages[i].index


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class EventRow:
    event: Event
    source: Source | None
    passage: int | None
    sources: tuple[str, ...]
    starred: bool
    tags: tuple[str, ...]

    def to_json(self, cite: Cite) -> dict[str, Any]:
        e = self.event
        return {
            "date": date_label(e.date, e.mod),
            "value": e.date,
            "precision": e.precision,
            "date_begin": e.date_begin,
            "date_end": e.date_end,
            "file": e.file,
            "passage": self.passage,
            "sources": list(self.sources),
            "quote": one_line(e.quote),
            "citation": cite(self.source, self.passage, e.start) if self.source else e.file,
            "starred": self.starred,
            "tags": list(self.tags),
            "id": e.id,
        }


def chronology(rows: Iterable[EventRow], fmt: str, cite: Cite) -> str:
    records = [row.to_json(cite) for row in rows]
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(CHRONOLOGY_FIELDS, records)
    lines = ["# Chronology", ""]
    year = None
    for record in records:
        this_year = record["date_begin"][:4]
        if this_year != year:
            lines += ["", f"## {this_year}", ""] if year is not None else [f"## {this_year}", ""]
            year = this_year
        also = len(record["sources"]) - 1
        extra = f" (and {also} other source{'s' if also > 1 else ''})" if also > 0 else ""
        star = " ★" if record["starred"] else ""
        lines.append(
            f'- **{record["date"]}**{star}: "{record["quote"]}" — {record["citation"]}{extra}'
        )
    return "\n".join(lines) + "\n"


def entity_rows(
    entities: Iterable[Entity], counts: dict[str, dict[str, int]]
) -> list[dict[str, Any]]:
    out = []
    for entity in entities:
        per_file = counts.get(entity.id, {})
        out.append(
            {
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "description": entity.description,
                "mentions": sum(per_file.values()),
                "documents": len(per_file),
                "discovered": entity.discovered,
                "id": entity.id,
            }
        )
    return out


def entities(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    return _csv(ENTITY_FIELDS, rows)


def _csv(fields: tuple[str, ...], records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _cell(record.get(k)) for k in fields})
    return out.getvalue()


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return "" if value is None else one_line(str(value))
