"""Anchors: where a note or bookmark points, recorded so it can be found again after edits.

An anchor is the W3C Web Annotation model's two text selectors, as Hypothesis records them:
a TextPositionSelector (`start`, `end`: character offsets into the document's text) and a
TextQuoteSelector (`exact`, the quoted text, with `prefix` and `suffix`, ~32 characters of
context either side), plus the file and a hash of the text the offsets refer to. An anchor on
an event or an entity also records what identifies it across builds (the event's date and
quote, the entity's name and aliases); one on an entity has no text position at all.

`status` says how the last re-anchoring found it: `anchored` (same place), `moved` (the exact
quote, elsewhere), `moved (fuzzy)` (a close match of the quote) or `orphaned` (not found: the
anchor keeps its old quote and is never deleted). `original` is the quote as first made.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any

CONTEXT = 32

ANCHORED = "anchored"
MOVED = "moved"
FUZZY = "moved (fuzzy)"
ORPHANED = "orphaned"
STATUSES = (ANCHORED, MOVED, FUZZY, ORPHANED)

# What an anchor is on; spans of text and the two corpus-wide things.
TARGETS = ("passage", "sentence", "selection", "hit", "event", "entity")


def text_hash(text: str) -> str:
    """The hash of a document's text that an anchor's offsets refer to."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


@dataclass(frozen=True, slots=True)
class EventRef:
    """What identifies an event across builds: its id now, its date and its quote."""

    id: str
    date: str
    quote: str


@dataclass(frozen=True, slots=True)
class EntityRef:
    """What identifies an entity across builds: its id now, its name and its aliases."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Anchor:
    target: str
    file: str | None
    hash: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    status: str = ANCHORED
    score: float | None = None  # similarity of a fuzzy match, 0-100
    original: str = ""
    event: EventRef | None = None
    entity: EntityRef | None = None

    @property
    def key(self) -> tuple[str, ...]:
        """What two anchors on the same thing share: the event, the entity, or the span."""
        if self.event is not None:
            return ("event", self.event.id)
        if self.entity is not None:
            return ("entity", self.entity.id)
        return ("text", self.file or "", str(self.start), str(self.end))

    def to_row(self) -> dict[str, Any]:
        row = dataclasses.asdict(self)
        if self.entity is not None:
            row["entity"]["aliases"] = list(self.entity.aliases)
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Anchor:
        names = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in row.items() if k in names}
        if values.get("event") is not None:
            values["event"] = EventRef(**values["event"])
        if values.get("entity") is not None:
            entity = dict(values["entity"])
            entity["aliases"] = tuple(entity.get("aliases", ()))
            values["entity"] = EntityRef(**entity)
        return cls(**values)

    def selectors(self) -> list[dict[str, Any]]:
        """The W3C Web Annotation selectors of this anchor, as JSON."""
        return [
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
            {
                "type": "TextQuoteSelector",
                "exact": self.exact,
                "prefix": self.prefix,
                "suffix": self.suffix,
            },
        ]


def make_anchor(
    target: str,
    file: str,
    text: str,
    start: int,
    end: int,
    *,
    event: EventRef | None = None,
    entity: EntityRef | None = None,
) -> Anchor:
    """An anchor on `text[start:end]` of `file`, with its context and the text's hash."""
    if target not in TARGETS:
        raise ValueError(f"unknown anchor target {target!r}")
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside the text (0:{len(text)})")
    exact = text[start:end]
    return Anchor(
        target=target,
        file=file,
        hash=text_hash(text),
        start=start,
        end=end,
        exact=exact,
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        original=exact,
        event=event,
        entity=entity,
    )


def entity_anchor(entity: EntityRef) -> Anchor:
    """An anchor on an entity: no file, no span; found again by its name and aliases."""
    return Anchor(
        target="entity",
        file=None,
        hash="",
        start=0,
        end=0,
        exact=entity.name,
        original=entity.name,
        entity=entity,
    )


def moved_to(
    anchor: Anchor, text: str, start: int, end: int, status: str, score: float | None = None
) -> Anchor:
    """The anchor re-pointed at `text[start:end]`: selectors of the new text, same original."""
    return dataclasses.replace(
        anchor,
        hash=text_hash(text),
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        status=status,
        score=score,
    )
