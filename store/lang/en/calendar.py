"""Calendar words: months, weekdays, seasons and parts of the day, and the regular-expression
fragments built from them (the tagger, publication dates, discovery and clustering share them)."""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# Abbreviations as the tagger tries them ("Sept" before "Sep"); "May" has none.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                       "Nov", "Dec")  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_OF_STEM = {name[:3]: i for i, name in enumerate(MONTH_NAMES, start=1)}

# Lower-case month names, then abbreviations in calendar order -> month number.
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **{abbr.lower(): _MONTH_OF_STEM[abbr[:3]]
       for abbr in sorted(MONTH_ABBREVIATIONS, key=lambda a: (_MONTH_OF_STEM[a[:3]], len(a)))},
}  # fmt: skip
FULL_MONTHS = frozenset(name.lower() for name in MONTH_NAMES)

# Capitalised full names only: "may", "march" and "august" are ordinary words in lower case.
MONTH_FULL = (
    "(?:" + "|".join(MONTH_NAMES) + "|" + "|".join(name.upper() for name in MONTH_NAMES) + ")"
)  # fmt: skip
MONTH_ABBR = "(?:" + "|".join(MONTH_ABBREVIATIONS) + r")\.?"
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR})(?![A-Za-z])"
# Full names, then abbreviations each with an optional dot ("Jan." "Sept"): dates in prose.
MONTH_NAME_OR_ABBR = "|".join(MONTH_NAMES) + "|" + "|".join(a + r"\.?" for a in MONTH_ABBREVIATIONS)
# Three-letter stems of every month ("May" included): "12 Jan", "3 May" in references.
MONTH_STEMS = "(?:" + "|".join(name[:3] for name in MONTH_NAMES) + ")"

WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES, start=1)}
WEEKDAY = "(?:" + "|".join(WEEKDAY_NAMES) + ")"

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip
SEASON = "(?:" + "|".join(SEASONS) + ")"

# Holidays on a fixed day of the Gregorian calendar -> (month, day); (0, 0) is Easter, whose
# day depends on its year. Capitalised: "christmas" in lower case is rare and often a name.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25),
    "Boxing Day": (12, 26), "New Year's Eve": (12, 31), "New Year’s Eve": (12, 31),
    "New Year's Day": (1, 1), "New Year’s Day": (1, 1), "Halloween": (10, 31),
    "Valentine's Day": (2, 14), "Valentine’s Day": (2, 14), "Bastille Day": (7, 14),
    "Easter Sunday": (0, 0), "Easter": (0, 0),
}  # fmt: skip

DAYPARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
}  # fmt: skip

# Month and weekday names and abbreviations ("may", "sept", "tuesday"): one set, so every stage
# agrees on what a calendar word is.
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
