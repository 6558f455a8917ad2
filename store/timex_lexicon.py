"""Words the temporal tagger knows: months, weekdays, seasons, units, numbers, modifiers.

Kept apart from the patterns so the regular expressions read as grammar and the vocabulary can
grow without touching them.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

# Capitalised full names only: "may", "march" and "august" are ordinary words in lower case.
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR})(?![A-Za-z])"

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}
SEASON = r"(?:spring|summer|autumn|fall|winter)"

DAYPARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
}

# Calendar units -> (TIMEX3 duration letter, whether it sits after a "T", multiplier).
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "quarter": ("Q", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "centurie": ("Y", False, 100),
    "millennium": ("Y", False, 1000), "millennia": ("Y", False, 1000),
}
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|century|centuries|millennium|millennia)"
)

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
    "a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12, "half a": 0, "a half": 0,
}
# Counts that say "some number of": TimeML writes them as X ("PXY").
VAGUE_COUNTS = (
    "several", "a few", "few", "many", "some", "multiple", "numerous", "a number of",
    "dozens of", "hundreds of", "thousands of", "the past several", "countless",
)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    rf"|{_TENS}(?:[- ]{_ONES})?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a |one )?hundred|a dozen|a couple of"
    r"|a single|an|a)"
)
VAGUE = (
    r"(?:several|a few|few|many|some|multiple|numerous|a number of|dozens of|hundreds of"
    r"|thousands of|countless)"
)

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Modifier words in front of an expression -> (TIMEX3 mod or None, whether the word joins the
# span). TimeML puts "early", "almost", "about" inside the TIMEX3 but leaves "more than" and
# "before" outside; "earlier"/"later" ("earlier this year") clip the days instead.
MODIFIERS: dict[str, tuple[str | None, bool]] = {
    "early": ("START", True), "the beginning of": ("START", True),
    "the start of": ("START", True), "the dawn of": ("START", True),
    "the turn of": ("START", True),
    "mid": ("MID", True), "the middle of": ("MID", True),
    "late": ("END", True), "the end of": ("END", True), "the close of": ("END", True),
    "about": ("APPROX", True), "around": ("APPROX", True), "approximately": ("APPROX", True),
    "roughly": ("APPROX", True), "circa": ("APPROX", True), "some": ("APPROX", True),
    "almost": ("LESS_THAN", True), "nearly": ("LESS_THAN", True), "a mere": (None, True),
    "less than": ("LESS_THAN", False), "under": ("LESS_THAN", False),
    "up to": ("EQUAL_OR_LESS", False), "no more than": ("EQUAL_OR_LESS", False),
    "more than": ("MORE_THAN", False), "over": ("MORE_THAN", False),
    "just over": ("MORE_THAN", False), "at least": ("EQUAL_OR_MORE", False),
    "before": ("BEFORE", False), "pre": ("BEFORE", False), "prior to": ("BEFORE", False),
    "after": ("AFTER", False), "post": ("AFTER", False),
    "earlier": (None, True), "later": (None, True),
}
