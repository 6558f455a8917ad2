"""Citation cues: the words and shapes of references, access dates and links.

A citation's date is metadata about a source, not an event in the world, so passage kinds
(store.text.kinds), the tagger (store.timex.scan) and events (store.events.text) all need to
recognise citations; the cues are kept here, side by side, each named for what it matches.
"""

from __future__ import annotations

import re

# A link as Markdown and plain text write it: "<https://...>", "[text](https://...)", a bare URL.
LINK = r"(?:<https?://[^\s>]+>|\[[^\]\n]*\]\((?:https?://|www\.)[^)\s]*\)|(?:https?://|www\.)\S+)"

# Reference apparatus, matched against lower-cased text: "[cited 29 July 2015]", "Available
# from:", "Retrieved from", "doi: 10.", "accessed 3 May".
CITATION_CUES = re.compile(
    r"\[cited\b|\[internet\]|\[available at\]|\bavailable (?:from|at|online)\s*:|"
    r"\bretrieved (?:from|on)\b|\bdoi:\s*10\.|\baccessed (?:on )?\d"
)
# Literal words at least one CITATION_CUES match contains: a cheap test before the regex.
CITATION_CUE_WORDS = (
    "[cited",
    "[internet]",
    "[available",
    "available",
    "retrieved",
    "doi:",
    "accessed",
)  # fmt: skip
# The same apparatus in original case, as it sits inside a sentence.
REFERENCE_CUES = re.compile(
    r"\[Internet\]|\bAvailable (?:from|at|online)\b|\bRetrieved from\b|\bdoi:\s*10\.",
    re.IGNORECASE,
)
# The words right before an access date: "[cited", "(accessed on", "last visited:".
ACCESS_DATE_LABEL = re.compile(
    r"(?:\[|\()?\s*(?:cited|accessed|retrieved|viewed|visited|consulted|checked|downloaded|"
    r"last\s+(?:accessed|visited|viewed|checked|modified|updated))(?:\s+(?:on|at))?\s*:?\s*$",
    re.IGNORECASE,
)

# A URL in running prose, stopping at brackets and quotes; or one in angle brackets.
URL_IN_PROSE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"“”]+|<https?://[^>\s]+>")
# A URL with a scheme or "www.", or a bare domain with a path ("rferl.org/a/2016/06/05"): the
# dates inside one are part of an address.
URL_OR_DOMAIN_PATH = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|\b[\w.-]+\.(?:[a-z]{2}|com|org|net|gov|edu|int|info|biz|news)/[^\s<>\"')\]]*",
    re.IGNORECASE,
)
# Every URL_OR_DOMAIN_PATH match contains one of these; a URL never contains white space.
URL_HINT = re.compile(
    r"://|www\.|\.(?:[a-z]{2}|com|org|net|gov|edu|int|info|biz|news)/", re.IGNORECASE
)
