"""Words that tell what a document is and how it was typeset: hyphen prefixes, kind cues."""

from __future__ import annotations

import re

# Prefixes written with a hyphen in English ("self-interest", "non-state", "ex-minister"): a
# line-end hyphen after one of them is the word's own, so joining the lines keeps it.
HYPHEN_PREFIXES = frozenset(
    "self non ex all well half cross quasi pro anti counter post pre semi multi inter extra "
    "ultra neo mid vice co".split()
)

# Kinds of document, from the evidence a reader sees on the first pages.
COURT_CAPTION = re.compile(
    r"\b(?:in the (?:united states |supreme |high |district |circuit |federal )?"
    r"(?:court|tribunal)\b|court of (?:appeals?|justice|first instance)|case no\.?|"
    r"civil action no\.?|docket no\.?|plaintiffs?\b|defendants?\b|petitioners?\b|"
    r"respondents?\b|appellants?\b|appellees?\b|judgment\b|opinion of the court|"
    r"memorandum (?:opinion|and order))",
    re.IGNORECASE,
)
# "Doe v. Ministry of Defence" on one line, or a caption's "v." on a line of its own.
VERSUS = re.compile(
    r"^(?:[^\n]{2,80}[ \t]+vs?\.[ \t]+[^\n]{2,80}|[ \t]*vs?\.[ \t]*)$", re.MULTILINE
)
ABSTRACT_HEADING = re.compile(
    r"^[#*_\s]*(?:abstract|summary)\b[*_:.\s]*", re.IGNORECASE | re.MULTILINE
)
REFERENCES_HEADING = re.compile(
    r"^[#*_\s]*(?:references|bibliography|works cited|literature cited|sources|notes)[*_:.\s]*$",
    re.IGNORECASE | re.MULTILINE,
)
CONTENTS_HEADING = re.compile(
    r"^[#*_\s]*(?:table of contents|contents)[*_:.\s]*$", re.IGNORECASE | re.MULTILINE
)
NUMBERED_SECTION = re.compile(
    r"^[#*_\s]*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[IVX]{1,5}\.)\s+[A-Z][^\n]{2,80}$", re.MULTILINE
)
EXECUTIVE_SUMMARY = re.compile(
    r"^[#*_\s]*(?:executive summary|key findings|recommendations)[*_:.\s]*$",
    re.IGNORECASE | re.MULTILINE,
)
