"""Years, decades, centuries, seasons, quarters and halves.

A four-digit number is a year only with context (a preposition, a modifier position, a range
or a coordinated year), so counts ("rose by 2000 people"), money and article numbers stay
numbers. Decades and centuries carry TimeML's truncated values ("199", "19").
"""

from __future__ import annotations

import re

from store.lang.en import DECADE_WORDS, ORDINALS, SEASON, SEASONS
from store.timex.candidate import YEAR, Candidate, Rule

_I = re.IGNORECASE

# --- years, decades, centuries -------------------------------------------------------------

YEAR_ALONE = re.compile(
    r"(?<![\d.,$€£#/\\:])(?P<y>(?:1[5-9]|20)\d\d)(?:\s*(?P<sep>-|–|—|/|to|and|or|through|until)"
    r"\s*(?P<y2>(?:1[5-9]|20)\d\d|['’]?\d\d)(?![\d]))?(?![\d%]|[.,]\d|[A-Za-z])"
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|of|until|till|from|to|before|after|during|early|late|mid|through|"
    r"throughout|within|across|for|between|year|years|fiscal|FY|spring|summer|autumn|fall|"
    r"winter|circa|around|"
    r"about|pre|post|ca|c|end|beginning|start|middle|as\s+of|as\s+early\s+as|as\s+late\s+as)"
    r"|\d{4}\s*(?:,|and|or|&|,\s*and)|[(\[]\s*(?=\d{4}\s*\)))[\s-]*$",
    _I,
)
_YEAR_MODIFIER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|whose)|['’]s)\s+$", _I
)
_COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:people|persons|men|women|children|troops|soldiers|fighters|militants|members|"
    r"families|cases|units|votes|km|kilometres|kilometers|miles|metres|meters|tons|tonnes|"
    r"dollars|euros|pounds|roubles|rubles|yuan|yen|rupees|francs|lira|dinars|riyals|pesos|"
    r"tenge|som|manat|employees|workers|students|"
    r"refugees|police|officers|residents|prisoners|individuals|citizens|sites|websites|"
    r"times|hours|minutes|percent|per\s+cent|to\s+\d)\b",
    _I,
)


_AGE_AFTER = re.compile(r"(?:\s*[-–]\s*[a-z]|\s+(?:years|year-old|km))")
_DASH_DIGIT_AFTER = re.compile(r"\s*[-–—/]\s*\d")
_COUNT_PREP_BEFORE = re.compile(r"\b(?:to|by|from|for|about|around|of|over)\s+$", _I)
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
_LINE_START = re.compile(r"(?:^|\n)[ \t#*]*$")  # "2005: Elections", "## 1944: the landings"
_HEADING_AFTER = re.compile(r"[ \t]*[:–—-][ \t]+[A-Za-z]")


def _year_alone(mt: re.Match[str], text: str) -> Candidate | list[Candidate] | None:
    y = int(mt["y"])
    before = text[max(0, mt.start() - 30) : mt.start()]
    after = text[mt.end() : mt.end() + 30]
    if mt["y2"]:
        raw = mt["y2"].lstrip("'’")
        y2 = int(raw) if len(raw) == 4 else (y // 100) * 100 + int(raw)
        sep = mt["sep"].lower()
        range_ok = y < y2 <= y + 60 and (sep in "-–—/" or _YEAR_BEFORE.search(before))
        if range_ok and sep not in ("and", "or"):
            lo = Candidate(mt.start(), mt.end("y"), "DATE", "date", "year", y=y, explicit=True)
            hi = Candidate(
                mt.start("y2") + (1 if raw != mt["y2"] else 0),
                mt.end(),
                "DATE",
                "date",
                "year",
                y=y2,
                explicit=True,
            )
            return Candidate(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])
        if range_ok and sep == "and" and re.search(r"\bbetween\s+$", before, _I):
            lo = Candidate(mt.start(), mt.end("y"), "DATE", "date", "year", y=y, explicit=True)
            hi = Candidate(mt.start("y2"), mt.end(), "DATE", "date", "year", y=y2, explicit=True)
            return Candidate(mt.start(), mt.end(), "DATE", "range", parts=[lo, hi])
        if sep in ("and", "or") and len(raw) == 4 and _YEAR_BEFORE.search(before):
            return [
                Candidate(mt.start(), mt.end("y"), "DATE", "date", "year", y=y, explicit=True),
                Candidate(mt.start("y2"), mt.end(), "DATE", "date", "year", y=y2, explicit=True),
            ]
        # not a range: fall through to the first year alone
    end = mt.end("y")
    after = text[end : end + 30]
    if _DASH_DIGIT_AFTER.match(after) and not mt["y2"]:
        return None
    if _YEAR_BEFORE.search(before):
        if _AGE_AFTER.match(after):
            return None
        if _COUNT_PREP_BEFORE.search(before) and (_COUNT_NOUN_AFTER.match(after)):
            return None
        return Candidate(mt.start(), end, "DATE", "date", "year", y=y, explicit=True)
    if _LINE_START.search(before) and _HEADING_AFTER.match(after):
        return Candidate(mt.start(), end, "DATE", "date", "year", y=y, explicit=True)
    if _YEAR_MODIFIER_BEFORE.search(before) and _LOWER_WORD_AFTER.match(after):
        if _COUNT_NOUN_AFTER.match(after):
            return None
        c = Candidate(mt.start(), end, "DATE", "date", "year", y=y, explicit=True)
        c.moves = False  # "the 2013 law": names a thing, the story stays where it was
        return c
    return None


DECADE = re.compile(
    r"\b(?:the\s+)?(?P<dec>1[5-9]\d|20\d)0(?:['’]?s)\b|\b(?:the\s+)?['’](?P<short>[0-9])0s\b"
    r"|\bthe\s+(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    _I,
)


def _decade(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["dec"]:
        dec = int(mt["dec"])
    else:
        digit = int(mt["short"]) if mt["short"] else DECADE_WORDS[mt["word"].lower()]
        dec = 190 + digit
    return Candidate(mt.start(), mt.end(), "DATE", "date", "decade", decade=dec, explicit=True)


CENTURY = re.compile(
    r"\b(?:the\s+(?:(?P<num>1[0-9]|2[0-2])(?:st|nd|rd|th)|(?P<rel>current|present|last|"
    r"previous|next)|(?P<word>[a-z]+(?:[- ]first)?))|(?P<this>this))\s+century\b",
    _I,
)


def _century(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["rel"] or mt["this"]:
        n = {"current": 0, "present": 0, "this": 0, "last": -1, "previous": -1, "next": 1}
        return Candidate(
            mt.start(),
            mt.end(),
            "DATE",
            "rel",
            "century",
            unit="century",
            n=n[(mt["rel"] or mt["this"]).lower()],
            anchor="deictic",
        )
    num = int(mt["num"]) if mt["num"] else ORDINALS.get(mt["word"].lower())
    if num is None:
        return None
    return Candidate(
        mt.start(), mt.end(), "DATE", "date", "century", century=num - 1, explicit=True
    )


# --- seasons, quarters, halves --------------------------------------------------------------

SEASON_YEAR = re.compile(rf"\b(?:the\s+)?(?P<s>{SEASON})(?:\s+of)?,?\s+(?P<y>{YEAR})", _I)
QUARTER = re.compile(
    r"\b(?:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last)(?:\s+|-)(?:fiscal\s+|financial\s+|"
    r"calendar\s+)?quarter(?:\s+of\s+(?:(?P<y>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year))?"
    r"|Q(?P<qn>[1-4])\s*(?P<y2>(?:19|20)\d\d))",
    _I,
)
HALF = re.compile(
    r"\b(?:the\s+)?(?P<ord>first|second|latter)\s+half\s+of\s+(?:(?P<y>(?:19|20)\d\d)|"
    r"(?P<rel>this|last|next)\s+year)",
    _I,
)


def _season_year(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["s"].lower() == "fall" and not re.match(r"(?i)(?:the\s+)?fall", mt[0]):
        return None
    return Candidate(
        mt.start(),
        mt.end(),
        "DATE",
        "date",
        "season",
        y=int(mt["y"]),
        season=SEASONS[mt["s"].lower()],
        explicit=True,
    )


_ORD_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_REL_N = {"this": 0, "last": -1, "next": 1}


def _quarter(mt: re.Match[str], text: str) -> Candidate | None:
    if mt["qn"]:
        return Candidate(
            mt.start(),
            mt.end(),
            "DATE",
            "date",
            "quarter",
            y=int(mt["y2"]),
            q=int(mt["qn"]),
            explicit=True,
        )
    q = _ORD_Q[mt["ord"].lower()]
    if mt["y"]:
        return Candidate(
            mt.start(), mt.end(), "DATE", "date", "quarter", y=int(mt["y"]), q=q, explicit=True
        )
    if mt["rel"]:
        return Candidate(
            mt.start(),
            mt.end(),
            "DATE",
            "rel",
            "quarter",
            unit="year",
            n=_REL_N[mt["rel"].lower()],
            q=q,
            anchor="deictic",
        )
    if mt["ord"].lower() == "last":
        return None  # "the last quarter" is relative; the relative pattern owns it
    return Candidate(
        mt.start(), mt.end(), "DATE", "rel", "quarter", unit="year", n=0, q=q, anchor="deictic"
    )


def _half(mt: re.Match[str], text: str) -> Candidate | None:
    h = 1 if mt["ord"].lower() == "first" else 2
    if mt["y"]:
        c = Candidate(mt.start(), mt.end(), "DATE", "date", "half", y=int(mt["y"]), explicit=True)
    else:
        c = Candidate(
            mt.start(),
            mt.end(),
            "DATE",
            "rel",
            "half",
            unit="year",
            n=_REL_N[mt["rel"].lower()],
            anchor="deictic",
        )
    c.q = h  # the half number rides in q
    return c


YEAR_RULES: list[Rule] = [
    Rule("year_alone", YEAR_ALONE, _year_alone, "Y", 4, 20),
    Rule(
        "decade",
        DECADE,
        _decade,
        "YS",
        14,
        10,
        prefilter=re.compile(r"0['’]?s|ties", re.IGNORECASE),
    ),
    Rule(
        "century", CENTURY, _century, "U", 26, 10, prefilter=re.compile(r"century", re.IGNORECASE)
    ),
    Rule(
        "season_year",
        SEASON_YEAR,
        _season_year,
        "U",
        8,
        16,
        prefilter=re.compile(r"spring|summer|autumn|fall|winter", re.IGNORECASE),
    ),
    Rule(
        "quarter",
        QUARTER,
        _quarter,
        "UY",
        26,
        22,
        prefilter=re.compile(r"quarter|q[1-4]", re.IGNORECASE),
    ),
    Rule("half", HALF, _half, "U", 32, 22, prefilter=re.compile(r"half", re.IGNORECASE)),
]
