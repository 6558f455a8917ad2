"""Counting words: cardinals, ordinals, decades and the vague counts TimeML writes as X."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
    "a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12, "half a": 0, "a half": 0,
}  # fmt: skip
# Counts that say "some number of": TimeML writes them as X ("PXY").
VAGUE_COUNTS = (
    "several", "a few", "few", "many", "some", "multiple", "numerous", "a number of",
    "dozens of", "hundreds of", "thousands of", "the past several", "countless",
)  # fmt: skip
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    rf"|{_TENS}(?:[- ]{_ONES})?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a |one )?hundred|a dozen|a couple of"
    r"|a single|an|a)"
)  # fmt: skip
VAGUE = (
    r"(?:several|a few|few|many|some|multiple|numerous|a number of|dozens of|hundreds of"
    r"|thousands of|countless)"
)  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# Number words up to twenty (and "dozen", "hundred") as digits: "three soldiers" and "3 soldiers"
# are the same fact when two reports are compared.
SMALL_NUMBERS: dict[str, str] = {
    word: str(n)
    for word, n in NUMBER_WORDS.items()
    if word.isalpha() and word not in ("a", "an") and (n <= 20 or word in ("dozen", "hundred"))
}  # fmt: skip
