"""How a normalised date reads to a person: never more precise than it is.

TIMEX3 values are exact but cryptic (`199` is the 1990s, `2012-SU` a summer); the chronology,
the CLI and the app all label dates through `date_label` so they agree.
"""

from __future__ import annotations

UNDATED = "undated"  # the one word for "no known date", in the app, the CLI and citations
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_MODS = {
    "BEFORE": "before ", "AFTER": "after ", "APPROX": "c. ", "START": "early ", "MID": "mid ",
    "END": "late ", "ON_OR_BEFORE": "by ", "ON_OR_AFTER": "from ", "EQUAL_OR_LESS": "up to ",
    "EQUAL_OR_MORE": "at least ", "LESS_THAN": "under ", "MORE_THAN": "over ",
}  # fmt: skip


def published_label(published: str | None) -> str:
    """A source's `published` as people read it: the date, or "undated" for "unknown"/none."""
    return published if published and published != "unknown" else UNDATED


def _month(digits: str) -> str | None:
    return _MONTHS[int(digits) - 1] if digits.isdigit() and 1 <= int(digits) <= 12 else None


def _with_unknowns(value: str) -> str | None:
    """A value with X parts, at the precision it knows: `2015-10-XX` -> `Oct 2015`,
    `XXXX-06-04` -> `4 Jun`, `2015-XX-XX` -> `2015`, `XXXX-XX-XX` -> "undated"."""
    parts = value.split("-")
    if len(parts) not in (2, 3) or not all(len(p) in (2, 4) for p in parts):
        return None
    year, month = parts[0], _month(parts[1])
    day = parts[2] if len(parts) == 3 else "XX"
    known_year = year.isdigit()
    if day.isdigit() and month:
        return f"{int(day)} {month} {year}" if known_year else f"{int(day)} {month}"
    if month:
        return f"{month} {year}" if known_year else month
    return year if known_year else UNDATED


def one_date(value: str) -> str:
    """A single TIMEX value as a reader writes it: `199` -> `1990s`, `2012-SU` -> `summer 2012`;
    never with X placeholders (`2015-10-XX` -> `Oct 2015`)."""
    if value.isdigit() and len(value) == 3:
        return f"{value}0s"
    if value.isdigit() and len(value) == 2:
        return f"{value}00s"
    if len(value) == 4 and value[:3].isdigit() and value[3] == "X":
        return f"{value[:3]}0s"
    if len(value) == 4 and value[:2].isdigit() and value[2:] == "XX":
        return f"{value[:2]}00s"
    if len(value) == 7 and value[5:] in _SEASONS:
        return f"{_SEASONS[value[5:]]} {value[:4]}"
    if len(value) == 7 and value[5] in "QH":
        return f"{value[:4]} {value[5:]}"
    if value and set(value) == {"X"}:
        return UNDATED
    if "X" in value:
        return _with_unknowns(value) or value
    return value


def date_label(date: str, mod: str | None = None) -> str:
    """`2016-06-05`, `2014-08`, `2011–2012`, `late 1990s`, `summer 2012`, `before 2014`."""
    if "/" in date:
        begin, end = date.split("/", 1)
        text = f"{one_date(begin)}–{one_date(end)}"
    else:
        text = one_date(date)
    return _MODS.get(mod or "", "") + text
