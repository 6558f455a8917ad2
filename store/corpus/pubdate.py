"""Publication dates read from the text itself, for files the manifest does not date.

The chronology resolves "On June 4" and "last month" against the publication date, so a file
without one loses most of its events. The rules, strongest first (the first that applies wins):

1. A labelled line: "Published: 5 June 2016", "Posted on June 5, 2016", "Date: 2016-06-05"
   ("Updated" only when nothing says published).
2. A line near the top that is only a date: "Wednesday, 17 September 2014", "**October 2015**".
3. A date inside a byline or issue note near the top: "(09/17/2014 issue of the CACI Analyst)".
4. A news dateline opening the first paragraphs: "ASTANA, June 5, 2016 (Reuters) --"; when it
   gives no year ("ASTANA, June 5 (Reuters) --") the year is the latest year the text mentions,
   and the basis says so.
5. Otherwise, when the body speaks of its own present ("this year", "earlier this month",
   "last month", "at the time of writing", "so far"), the publication year is the year of the
   latest explicit date of the body (dates in sentences about plans and the future left out):
   year precision, since "this year" pins the year and nothing finer.
6. Otherwise "unknown": a latest date alone is only a lower bound, and the basis says that.

Nothing here imports the temporal tagger (only the month names of `store.lang.en`): the
rules need only explicit dates, and the tagger itself takes the result as its reference date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from store.lang.en import MONTH_NAME_OR_ABBR, MONTHS
from store.models import BODY, Passage

UNKNOWN = ("unknown", "unknown", "unknown")

_MONTH = "(?P<{n}>" + MONTH_NAME_OR_ABBR.replace("{", "{{").replace("}", "}}") + ")"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+"
_ORD = r"(?:st|nd|rd|th|<sup>(?:st|nd|rd|th)</sup>)?"
_YEAR = r"(?P<{n}>(?:1[89]|20)\d\d)(?![\d\w])"

# Explicit dates with a year, most specific first. Named groups: d, m, y (one alternative each).
_DATE_FORMS = [
    ("day", rf"(?:{_WEEKDAY})?(?P<d1>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH.format(n='m1')},?\s+{_YEAR.format(n='y1')}"),
    ("day", rf"(?:{_WEEKDAY})?{_MONTH.format(n='m2')}\s+(?P<d2>\d{{1,2}}){_ORD},?\s+{_YEAR.format(n='y2')}"),
    ("day", r"(?<![\d/])(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?![\d])"),
    ("day", r"(?<![\d/.])(?P<a4>\d{1,2})(?P<s4>[/.])(?P<b4>\d{1,2})(?P=s4)(?P<y4>(?:19|20)\d\d)(?!\d)"),
    ("month", rf"{_MONTH.format(n='m5')},?\s+(?:of\s+)?{_YEAR.format(n='y5')}"),
    ("year", rf"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Oo]f|[Ww]ithin|[Uu]ntil|[Ff]rom|[Tt]hrough)\s+(?:early\s+|late\s+|mid-?)?){_YEAR.format(n='y6')}"),
]  # fmt: skip
DATE_RE = re.compile("|".join(f"(?:{form})" for _, form in _DATE_FORMS))

_LABEL_RE = re.compile(
    r"^[\s*_#>|-]*(?P<label>First published|Published|Posted|Last updated|Updated|Dated|Date)"
    r"\b(?:\s+(?:on|at|in))?\s*:?\s*",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_RANK = {"published": 0, "first published": 0, "posted": 1, "dated": 2, "date": 2}
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|plans?\s+to|planned|planning|intends?\s+to|scheduled|to\s+be\s+held|"
    r"to\s+hold|to\s+host|bid(?:ding)?\s+for|expected\s+to|upcoming|forthcoming)\b",
    re.IGNORECASE,
)
_CUE_RE = re.compile(
    r"\b(?:(?:earlier|later|so\s+far)\s+this\s+(?:year|month)|this\s+(?:year|month)|"
    r"last\s+month|at\s+the\s+time\s+of\s+writing|as\s+of\s+this\s+writing)\b",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(
    r"^[\s*_]*(?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.])(?:,\s*[A-Z][A-Za-z.'’ ]{1,30})?,?\s+"
    rf"(?P<when>(?:{_WEEKDAY})?{_MONTH.format(n='dm')}\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?)?\s*"
    r"(?:\((?P<agency>[A-Za-z .&/]{2,30})\))?\s*(?:--|—|–|-)\s",
    re.MULTILINE,
)
_BYLINE_RE = re.compile(r"^[\s*_]*(?:By\b.*|.*\bissue of\b.*)$", re.MULTILINE | re.IGNORECASE)
_DECOR = " \t*_#>|"
TOP_CHARS = 1500  # how far from the start a dateline or a date line may sit


@dataclass(frozen=True, slots=True)
class FoundDate:
    """An explicit date with a year found in the text."""

    start: int
    end: int
    text: str
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month, year

    @property
    def sort_key(self) -> str:
        """The first day the date covers, so dates of any precision compare."""
        return (self.value + "-01-01")[:10] if len(self.value) == 4 else (self.value + "-01")[:10]


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Explicit dates that carry a year, in `text[start:end]`, with their offsets."""
    found: list[FoundDate] = []
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        parsed = _parse(m)
        if parsed is not None:
            value, precision, s = parsed
            found.append(FoundDate(s, m.end(), text[s : m.end()], value, precision))
    return found


def _parse(m: re.Match[str]) -> tuple[str, str, int] | None:
    """Value, precision and start of one DATE_RE match, or None when it is not a real date."""
    g = m.groupdict()
    if g["y1"] or g["y2"]:
        n = "1" if g["y1"] else "2"
        return _day(int(g["y" + n]), MONTHS[_mkey(g["m" + n])], int(g["d" + n]), m.start())
    if g["y3"]:
        return _day(int(g["y3"]), int(g["m3"]), int(g["d3"]), m.start())
    if g["y4"]:
        a, b = int(g["a4"]), int(g["b4"])
        # Slashes read month first (US, as in "09/17/2014"), dots day first, unless impossible.
        month, day = (a, b) if g["s4"] == "/" else (b, a)
        if month > 12:
            month, day = day, month
        return _day(int(g["y4"]), month, day, m.start())
    if g["y5"]:
        return f"{int(g['y5']):04d}-{MONTHS[_mkey(g['m5'])]:02d}", "month", m.start()
    if g["y6"]:
        return g["y6"], "year", m.start("y6")
    return None


def _mkey(month: str) -> str:
    return month.rstrip(".").lower()


def _day(year: int, month: int, day: int, start: int) -> tuple[str, str, int] | None:
    try:
        return date(year, month, day).isoformat(), "day", start
    except ValueError:
        return None


def infer_published(text: str, passages: list[Passage]) -> tuple[str, str, str]:
    """(value, precision, basis) of the publication date the text gives, or says nothing of."""
    for rule in (_labelled, _date_line, _byline, _dateline):
        found = rule(text)
        if found is not None:
            return found
    return _from_body(text, passages)


def _top(text: str) -> int:
    cut = text.find("\n", TOP_CHARS)
    return len(text) if cut < 0 else cut


def _labelled(text: str) -> tuple[str, str, str] | None:
    """Rule 1: "Published: ...", "Posted on ...": anywhere, but only on a short line."""
    best: tuple[int, int, tuple[str, str, str]] | None = None
    for m in _LABEL_RE.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        line = text[m.start() : line_end]
        if len(line.strip()) > 120:
            continue
        dates = [d for d in find_dates(text, m.end(), line_end) if d.start - m.end() <= 3]
        if not dates:
            continue
        d = dates[0]
        label = m.group("label").lower()
        rank = _LABEL_RANK.get(label, 3)
        basis = f"{line.strip(_DECOR).strip()!s}"
        candidate = (rank, m.start(), (d.value, d.precision, f"labelled line '{basis}'"))
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return None if best is None else best[2]


def _date_line(text: str) -> tuple[str, str, str] | None:
    """Rule 2: a line near the top that holds nothing but a date (maybe bold, maybe a weekday)."""
    top = _top(text)
    pos = 0
    while pos < top:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        stripped = line.strip(_DECOR).strip().rstrip(".")
        if 6 <= len(stripped) <= 40:
            lead = len(line) - len(line.lstrip(_DECOR))
            dates = find_dates(text, pos + lead, pos + lead + len(stripped))
            if dates and dates[0].text.strip() == stripped and dates[0].precision != "year":
                d = dates[0]
                return d.value, d.precision, f"date line under the title '{stripped}'"
        pos = nl + 1
    return None


def _byline(text: str) -> tuple[str, str, str] | None:
    """Rule 3: a full date inside a byline or issue note near the top."""
    top = _top(text)
    for m in _BYLINE_RE.finditer(text, 0, top):
        line = m.group(0)
        if len(line) > 200:
            continue
        dates = [d for d in find_dates(text, m.start(), m.end()) if d.precision != "year"]
        if dates:
            d = dates[0]
            return d.value, d.precision, f"byline '{line.strip(_DECOR).strip()}'"
    return None


def _dateline(text: str) -> tuple[str, str, str] | None:
    """Rule 4: "ASTANA, June 5 (Reuters) --" opening a paragraph near the top."""
    top = _top(text)
    for m in _DATELINE_RE.finditer(text, 0, top):
        if not m.group("when"):
            continue
        words = m.group(0).strip(_DECOR + "-—– ").strip()
        dates = find_dates(text, m.start("when"), m.end("when"))
        if dates:
            d = dates[0]
            return d.value, d.precision, f"dateline '{words}'"
        year = _latest_year(text)
        if year is None:
            continue
        month = MONTHS[_mkey(m.group("dm"))]
        day_m = re.search(r"(\d{1,2})\s*$", m.group("when"))
        if day_m is None:
            continue
        day = _day(int(year.value[:4]), month, int(day_m.group(1)), 0)
        if day is None:
            continue
        basis = f"dateline '{words}', year from the latest date in the text '{year.text}'"
        return day[0], "day", basis
    return None


def _body_ranges(text: str, passages: list[Passage]) -> list[tuple[int, int]]:
    """Body passages; without a segmentation, the blank-line paragraphs of the text."""
    if passages:
        return [(p.start, p.end) for p in passages if p.kind == BODY]
    ranges, pos = [], 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        ranges.append((pos, m.start()))
        pos = m.end()
    ranges.append((pos, len(text)))
    return [(s, e) for s, e in ranges if text[s:e].strip()]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n\s*\n")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A rough split, enough to keep a date apart from the future tense of a later sentence."""
    spans, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


def _past_dates(text: str, passages: list[Passage]) -> list[FoundDate]:
    """Explicit dates of body sentences that do not speak of plans or the future."""
    found: list[FoundDate] = []
    for start, end in _body_ranges(text, passages):
        for s, e in _sentences(text, start, end):
            if _FUTURE_RE.search(text, s, e):
                continue
            found.extend(find_dates(text, s, e))
    return found


def _latest_year(text: str) -> FoundDate | None:
    """The latest explicit past date anywhere in the text: where a yearless dateline gets its year."""
    return max(_past_dates(text, []), key=_latest_key, default=None)


def _from_body(text: str, passages: list[Passage]) -> tuple[str, str, str]:
    """Rules 5 and 6: the latest explicit date, trusted only where the text speaks of 'now'.

    The cue must share a passage with an explicit date of that year ("... in October of 2016.
    ... attacks earlier this year"), and no later past date may appear elsewhere: "this year" a
    page away from the only year the text names says nothing about which year that is.
    """
    dates = _past_dates(text, passages)
    if not dates:
        return UNKNOWN
    latest = max(dates, key=_latest_key)
    lower_bound = ("unknown", "unknown",
                   f"no dateline; the latest date in the text, '{latest.text}', is only a lower bound")  # fmt: skip
    ranges = _body_ranges(text, passages)
    best: tuple[FoundDate, str] | None = None
    for start, end in ranges:
        cue = _CUE_RE.search(text, start, end)
        if cue is None:
            continue
        near = [d for d in dates if start <= d.start < end]
        if near:
            top = max(near, key=_latest_key)
            if best is None or _latest_key(top) > _latest_key(best[0]):
                best = (top, cue.group(0))
    if best is None or best[0].value[:4] != latest.value[:4]:
        return lower_bound
    return (
        latest.value[:4],
        "year",
        f"latest date in the text '{best[0].text}' with '{best[1]}' beside it",
    )


def _latest_key(d: FoundDate) -> tuple[str, int]:
    return d.sort_key, len(d.value)


def dateline_near_top(text: str) -> str | None:
    """The words of a news dateline ("ASTANA, June 5 (Reuters) --") opening a paragraph near
    the top, dated or not; None without one."""
    for m in _DATELINE_RE.finditer(text, 0, _top(text)):
        if m.group("when") or m.group("agency"):
            return m.group(0).strip(_DECOR + "-—– ").strip()
    return None
