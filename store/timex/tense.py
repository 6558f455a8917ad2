"""Tense cues: whether a year-less date in news is the last such date or the coming one.

"In October" written in March 2013 is 2012-10 when the sentence speaks of the past ("was",
"said", an "-ed" verb) and 2013-10 when it looks ahead ("will", "expected", "scheduled");
the cue nearest the expression in its sentence decides (docs/timex.md, "Tense").
"""

from __future__ import annotations

import re

__all__ = ["tense"]

_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|going\s+to|scheduled|expected|plans?|planned|planning|intends?|"
    r"due|upcoming|next|would|is\s+to|are\s+to|hopes?\s+to|aims?\s+to|set\s+to|slated|until|"
    r"till|postponed|delayed|forthcoming|to\s+be\s+held|will\s+be)\b|['’]ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|took|made|held|met|went|came|began|left|told|won|lost|"
    r"saw|gave|got|found|fled|fell|rose|became|brought|sent|said|led|ran|struck|hit|shot|"
    r"wrote|spoke|sought|fought|caught|kept|thought|knew|grew|drew|broke|chose|stood|"
    r"[a-z]{3,}ed)\b",
    re.IGNORECASE,
)


_BE_BEFORE = re.compile(r"\b(?:be|being)\s+$", re.IGNORECASE)


def tense(text: str, start: int, end: int) -> str | None:
    """'past' or 'future' from the tense cue nearest the expression in its sentence."""
    lo = max(0, start - 200)
    left = text[lo:start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
    left_start = lo + cut + 1 if cut >= 0 else lo
    right = text[end : end + 150]
    stop = min(
        (i for i in (right.find(". "), right.find("\n"), right.find("? ")) if i >= 0),
        default=len(right),
    )
    best: tuple[int, str] | None = None
    for offset, chunk in ((left_start, text[left_start:start]), (end, right[:stop])):
        for pat, label in ((_FUTURE, "future"), (_PAST, "past")):
            for m in pat.finditer(chunk):
                pos = offset + m.start()
                dist = start - (offset + m.end()) if pos < start else pos - end
                if label == "past" and _FUTURE.fullmatch(m[0]):
                    continue
                if (
                    label == "past"
                    and m[0].lower().endswith("ed")
                    and _BE_BEFORE.search(chunk[max(0, m.start() - 7) : m.start()])
                ):
                    continue  # "due to be published": a participle, not a past tense
                if best is None or dist < best[0]:
                    best = (dist, label)
    return best[1] if best else None
