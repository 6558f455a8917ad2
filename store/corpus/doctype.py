"""What kind of document an unlisted file is, from evidence on its first pages.

The first rule that finds its evidence wins, and the evidence is the basis recorded:

- legal: a court caption: "IN THE UNITED STATES DISTRICT COURT", "Case No.", "Plaintiff",
  "v." between two parties; two such cues in the first 3,000 characters;
- analysis: an "Abstract" heading near the top and a "References" (or "Bibliography") heading;
- report: a table of contents ("Contents" heading, or a heading passage of page-numbered
  lines) or an "Executive summary", together with at least three numbered section headings;
- news: a news dateline ("ASTANA, June 5 (Reuters) --") opening one of the first paragraphs.

Nothing found leaves the kind "unknown": a guess would mislead a `kind:` search.
"""

from __future__ import annotations

import re

from store.corpus.pubdate import TOP_CHARS, dateline_near_top
from store.lang.en import (
    ABSTRACT_HEADING,
    CONTENTS_HEADING,
    COURT_CAPTION,
    EXECUTIVE_SUMMARY,
    NUMBERED_SECTION,
    REFERENCES_HEADING,
    VERSUS,
)
from store.models import HEADING, Passage

_CAPTION_CHARS = 3000
_ABSTRACT_CHARS = 4000
_TOC_LINE = re.compile(r"\S.*?(?:\.{2,}|…|\s)\s*\d{1,4}\s*$", re.MULTILINE)


def infer_kind(text: str, passages: list[Passage]) -> tuple[str, str]:
    """(kind, basis): news, analysis, report, legal, or ("unknown", "unknown")."""
    top = text[:_CAPTION_CHARS]
    cues = sorted({m.group(0).strip().lower() for m in COURT_CAPTION.finditer(top)})
    versus = VERSUS.search(top)
    if len(cues) + (versus is not None) >= 2:
        shown = [*cues[:3], *([" ".join(versus.group(0).split())[:60]] if versus else [])]
        return "legal", "court caption: " + ", ".join(f"'{c}'" for c in shown)
    abstract = ABSTRACT_HEADING.search(text[:_ABSTRACT_CHARS])
    references = _last(REFERENCES_HEADING, text)
    if abstract and references and references.start() > abstract.start():
        return "analysis", (
            f"'{abstract.group(0).strip()}' near the top and a '{references.group(0).strip()}' "
            "section"
        )
    sections = NUMBERED_SECTION.findall(text)
    toc = CONTENTS_HEADING.search(text[: TOP_CHARS * 4]) or _toc_passage(text, passages)
    summary = EXECUTIVE_SUMMARY.search(text[: TOP_CHARS * 4])
    if len(sections) >= 3 and (toc or summary):
        what = "a table of contents" if toc else f"'{summary.group(0).strip() if summary else ''}'"
        return "report", f"{what} and {len(sections)} numbered sections"
    dateline = dateline_near_top(text)
    if dateline is not None:
        return "news", f"dateline '{dateline}'"
    return "unknown", "unknown"


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last match is the one wanted
        pass
    return found


def _toc_passage(text: str, passages: list[Passage]) -> bool:
    """A heading passage near the top whose lines mostly end in page numbers."""
    for p in passages[:60]:
        if p.kind == HEADING and p.start < TOP_CHARS * 4:
            lines = text[p.start : p.end].splitlines()
            if len(lines) >= 3 and sum(1 for x in lines if _TOC_LINE.match(x)) >= 0.6 * len(lines):
                return True
    return False
