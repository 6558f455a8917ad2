"""How a normalised date reads to a person: never more precise than it is.

TIMEX3 values are exact but cryptic (`199` is the 1990s, `2012-SU` a summer); the chronology,
the CLI and the app all label dates through `date_label` so they agree.
"""

from __future__ import annotations

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_MODS = {
    "BEFORE": "before ", "AFTER": "after ", "APPROX": "c. ", "START": "early ", "MID": "mid ",
    "END": "late ", "ON_OR_BEFORE": "by ", "ON_OR_AFTER": "from ", "EQUAL_OR_LESS": "up to ",
    "EQUAL_OR_MORE": "at least ", "LESS_THAN": "under ", "MORE_THAN": "over ",
}  # fmt: skip


def one_date(value: str) -> str:
    """A single TIMEX value as a reader writes it: `199` -> `1990s`, `2012-SU` -> `summer 2012`."""
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
    return value


def date_label(date: str, mod: str | None = None) -> str:
    """`2016-06-05`, `2014-08`, `2011–2012`, `late 1990s`, `summer 2012`, `before 2014`."""
    if "/" in date:
        begin, end = date.split("/", 1)
        text = f"{one_date(begin)}–{one_date(end)}"
    else:
        text = one_date(date)
    return _MODS.get(mod or "", "") + text
