"""Time words that are not calendar names: units, modifiers, the tagger's key words."""

from __future__ import annotations

# Calendar units -> (TIMEX3 duration letter, whether it sits after a "T", multiplier).
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "quarter": ("Q", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "centurie": ("Y", False, 100),
    "millennium": ("Y", False, 1000), "millennia": ("Y", False, 1000),
}  # fmt: skip
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|century|centuries|millennium|millennia)"
)  # fmt: skip

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
}  # fmt: skip

# The tagger's key words by group (M month names, U units and parts of the day, R "now" words, S
# set words, B eras, H holidays, W
# spelt-out years): a pattern runs only near the keys of the groups it needs (store.timex.scan).
TIMEX_KEY_WORDS: dict[str, str] = {
    "M": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "U": "day night week month year hour minute second decade centur millenni quarter fortnight "
         "spring summer autumn fall winter morning noon evening midday midnight tomorrow half",
    "R": "now current present moment past recent lately time formerly future writing press while "
         "these",
    "S": "daily annual annum ties",
    "B": "BC B.C",
    "W": "nineteen thousand",
    "H": "Christmas Easter Year's Year’s Halloween Boxing Valentine Bastille",
}  # fmt: skip

# Nouns and adverbs of the date itself: when two events are compared, their dates are compared
# as dates, so these words are not content words.
DATE_NOUNS = frozenset(
    [
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "today",
        "yesterday",
        "tomorrow",
        "later",
        "earlier",
        "ago",
    ]
)

# Words before a month name that make it a date ("in May", "until March") rather than a name.
DATE_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "of",
        "during",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "on",
        "before",
        "after",
        "between",
        "through",
        "each",
        "every",
    ]
)
