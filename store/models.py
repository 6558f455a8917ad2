"""Frozen records that flow from the build pipeline into the store and out to the UI.

Every record that points into a document carries `file`, `start` and `end`: character offsets
into the document's text (the decoded file, or the text an HTML file reduces to), so
`text[start:end]` is always exactly the thing shown or cited.

Rows in the TinyDB store are `to_row()` of these records; `from_row()` reads them back, ignoring
keys it does not know so an older reader tolerates extra columns.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

# Passage kinds: later stages read BODY only; the viewer shows every kind.
BODY = "body"
HEADING = "heading"
FOOTNOTE = "footnote"
BOILERPLATE = "boilerplate"
PASSAGE_KINDS = (BODY, HEADING, FOOTNOTE, BOILERPLATE)

ENTITY_TYPES = ("person", "organisation", "place", "other")
# Other words people write for a type: in a catalogue, a `type:` query or `--type`.
_TYPE_SYNONYMS = {
    "people": "person", "persons": "person", "organization": "organisation",
    "organizations": "organisation", "organisations": "organisation", "org": "organisation",
    "places": "place", "location": "place",
}  # fmt: skip


def entity_type(word: str) -> str | None:
    """The entity type a word names ("Organization" -> "organisation"), or None."""
    key = word.strip().lower()
    key = _TYPE_SYNONYMS.get(key, key)
    return key if key in ENTITY_TYPES else None


class Record:
    """Row conversion shared by every record type."""

    TUPLE_FIELDS: ClassVar[tuple[str, ...]] = ()

    def to_row(self) -> dict[str, Any]:
        """A shallow dict of the fields: records hold only scalars and tuples, which JSON writes
        as lists, so `dataclasses.asdict`'s recursive deep copy (most of a big build's table
        assembly) buys nothing."""
        # A class is hashable; mypy checks the instances' __hash__ instead.
        names = _field_names(type(self))  # type: ignore[arg-type]
        return {name: getattr(self, name) for name in names}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        names = _field_set(cls)  # type: ignore[arg-type]
        values = {k: v for k, v in row.items() if k in names}
        for name in cls.TUPLE_FIELDS:
            if name in values and values[name] is not None:
                values[name] = _tupled(values[name])
        return cls(**values)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _field_set(cls: type) -> frozenset[str]:
    """The fields of a record type, looked up once (a 10,000-source store reads 10,000 rows)."""
    return frozenset(_field_names(cls))


def _tupled(value: Any) -> Any:
    """JSON gives lists back; records hold tuples so they stay hashable and immutable."""
    if isinstance(value, list):
        return tuple(_tupled(v) for v in value)
    return value


@dataclass(frozen=True, slots=True)
class Source(Record):
    """One document and its bibliographic metadata."""

    TUPLE_FIELDS: ClassVar[tuple[str, ...]] = ("pages", "basis")

    id: str
    file: str
    title: str
    author: str = "unknown"
    publisher: str = "unknown"
    kind: str = "unknown"  # news, analysis, report, blog, legal, unknown
    published: str = "unknown"  # 2014-09-17, 2015-11, 2016 or "unknown"
    published_precision: str = "unknown"  # day, month, year, unknown
    published_basis: str = "unknown"
    chars: int = 0
    passages: int = 0
    path: str = ""  # absolute path of the file when built
    listed: bool = False  # True when the manifest describes the file
    format: str = "text"  # the reader that made the text: text, markdown, html, pdf, docx, epub
    url: str = ""  # where the document was published (a web page's canonical URL)
    # A paged document's pages: (printed label, start, end) each; empty when it has none.
    pages: tuple[tuple[str, int, int], ...] = ()
    # Where each field not given by the manifest came from: (field, basis) pairs.
    basis: tuple[tuple[str, str], ...] = ()
    note: str = ""  # what the reader warns of ("no text layer: 3 pages; needs OCR")

    def page_at(self, offset: int) -> int | None:
        """The number (from 1) of the page holding `offset`; None for an unpaged document."""
        return page_number(self.pages, offset)

    def page_label(self, offset: int) -> str | None:
        """The printed label ("iv", "17") of the page holding `offset`, or None."""
        number = self.page_at(offset)
        return None if number is None else self.pages[number - 1][0]

    def basis_of(self, name: str) -> str:
        """Where field `name` came from ("og:title", "dateline ..."), or "unknown"."""
        if name == "published":
            return self.published_basis
        return dict(self.basis).get(name, "manifest" if self.listed else "unknown")


def page_number(pages: tuple[tuple[str, int, int], ...], offset: int) -> int | None:
    """The number (from 1) of the page among `pages` that holds `offset`, or None."""
    if not pages:
        return None
    return max(1, bisect.bisect_right([p[1] for p in pages], offset))


@dataclass(frozen=True, slots=True)
class Passage(Record):
    """A paragraph block; `index` is its number in the document, from 0."""

    file: str
    index: int
    start: int
    end: int
    kind: str = BODY
    page: int | None = None  # the page (from 1) it starts on, in a paged document


@dataclass(frozen=True, slots=True)
class Sentence(Record):
    """A sentence inside a passage; `index` counts sentences across the whole document."""

    file: str
    passage: int
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """A person, organisation, place or other named thing, with every name it goes by."""

    TUPLE_FIELDS: ClassVar[tuple[str, ...]] = ("aliases", "evidence")

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    discovered: bool = False
    source: str = "discovered"  # catalogue (the user's entities.yaml) | base | discovered
    reason: str = ""  # the evidence for the type: catalogue, gazetteer, cue word, title, ...
    evidence: tuple[str, ...] = ()  # why names were merged into it (or left apart)


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """One occurrence of an entity in a document, with the sentence around it."""

    entity: str  # Entity.id
    file: str
    start: int
    end: int
    surface: str
    sentence_start: int
    sentence_end: int

    def moved(self, entity: str) -> Mention:
        """The same mention, of another entity (after a merge)."""
        return Mention(
            entity,
            self.file,
            self.start,
            self.end,
            self.surface,
            self.sentence_start,
            self.sentence_end,
        )


@dataclass(frozen=True, slots=True)
class Event(Record):
    """A dated statement: a sentence or clause that says something happened at a time."""

    TUPLE_FIELDS: ClassVar[tuple[str, ...]] = ("entities",)

    id: str
    file: str
    date: str  # TIMEX value; a range as BEGIN/END
    precision: str  # day, month, season, quarter, year, decade, century
    date_begin: str  # YYYY-MM-DD, first day the event may fall on
    date_end: str  # YYYY-MM-DD, last day
    mod: str | None
    anchor_text: str
    anchor_start: int
    anchor_end: int
    start: int  # sentence or clause
    end: int
    quote: str
    summary: str
    entities: tuple[str, ...] = ()  # Entity ids
    cluster: str = ""

    def to_json(self) -> dict[str, Any]:
        """The shape `dossier events --json` prints."""
        return {
            "id": self.id,
            "file": self.file,
            "date": self.date,
            "precision": self.precision,
            "date_begin": self.date_begin,
            "date_end": self.date_end,
            "mod": self.mod,
            "anchor": {
                "text": self.anchor_text,
                "start": self.anchor_start,
                "end": self.anchor_end,
            },
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "summary": self.summary,
            "entities": list(self.entities),
            "cluster": self.cluster,
        }


@dataclass(frozen=True, slots=True)
class Hit(Record):
    """One search result: a passage, its score, a snippet and the exact matched ranges."""

    TUPLE_FIELDS: ClassVar[tuple[str, ...]] = ("highlights",)

    file: str
    passage: int
    start: int
    end: int
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Document:
    """A document during the build: its text and segmentation, before it becomes rows."""

    file: str
    text: str
    passages: tuple[Passage, ...]
    sentences: tuple[Sentence, ...]

    def body_sentences(self) -> list[Sentence]:
        """Sentences of body passages: what extraction reads."""
        body = {p.index for p in self.passages if p.kind == BODY}
        return [s for s in self.sentences if s.passage in body]
