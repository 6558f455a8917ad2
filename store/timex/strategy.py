"""The per-document strategy: is this text news (resolved against its date) or a narrative?

News reports what happened around its publication date: "Friday", "in March", "last year" are
read against the document date. A narrative (a history, a biography, a war's account) tells a
story set elsewhere in time: "On 6 June", "the following spring" are read against the date the
story has reached. HeidelTime is told which kind a document is; here the text decides, from the
candidates the scan found (docs/timex.md, "Strategy"):

- explicit years far from the document date (more than a year away) are the narrative's
  evidence: a story set in 1944 names 1944, 1945...;
- deictic expressions ("yesterday", "last week", "Friday", "two years ago", "this year") are
  the news's evidence: they only make sense from the writer's present.

A document is a narrative when it names at least `MIN_FAR_YEARS` far years and they outnumber
its deictic expressions more than `FAR_PER_DEICTIC` to one. Without a document date every document is a
narrative (there is no other reference).
"""

from __future__ import annotations

from collections.abc import Iterable

from store.timex.calendar import Ref
from store.timex.candidate import Candidate

__all__ = ["FAR_PER_DEICTIC", "MIN_FAR_YEARS", "is_narrative"]

MIN_FAR_YEARS = 8
FAR_PER_DEICTIC = 4


def _far_year(c: Candidate, year: int) -> bool:
    return (
        c.type in ("DATE", "TIME") and c.anchor == "abs" and c.y is not None and abs(c.y - year) > 1
    )


def _deictic(c: Candidate) -> bool:
    return c.anchor == "deictic" or c.kind == "weekday"


def is_narrative(cands: Iterable[Candidate], dct: Ref | None) -> bool:
    """True when the text reads as a story set away from its document date."""
    if dct is None:
        return True
    far = deictic = 0
    for c in cands:
        for p in c.parts or (c,):
            if _far_year(p, dct[0]):
                far += 1
            elif _deictic(p):
                deictic += 1
    return far >= MIN_FAR_YEARS and far > FAR_PER_DEICTIC * deictic
