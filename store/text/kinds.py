"""Passage kinds: body, heading, footnote or boilerplate, from general cues.

Later stages read body passages only, so this decides what extraction sees. The cues are the
ones web pages, reports and papers share: markdown structure, length and final punctuation,
citation vocabulary ("[cited", "Available from", author-year entries), the vocabulary of page
furniture (share/subscribe/comment lines, counters, cookie notices), repetition of a caption, and
position (the entries after a "related/other publications" header, the text under an
"About this ..." header, and the furniture that trails the article).
"""

from __future__ import annotations

import itertools
import re

from store.lang.en import CITATION_CUE_WORDS, CITATION_CUES, LINK, MONTH_STEMS
from store.models import BODY, BOILERPLATE, FOOTNOTE, HEADING
from store.text.markdown import MARKDOWN_LINK

_MD_HEADING = re.compile(r"#{1,6}\s")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}")
_FOOTNOTE_START = re.compile(r"(?:<sup>\s*[\w*†‡]{1,4}\s*</sup>|\[\^?\d{1,3}\]:?|\^\d{1,3}\b)")
_BARE_LINKS = re.compile(rf"{LINK}(?:\s+{LINK})*")
_IBID = re.compile(
    r"(?:ibid|op\.?\s*cit|loc\.?\s*cit|id)\.?(?:,?\s*(?:pp?\.?\s*)?\d[\d\s,–-]*)?", re.IGNORECASE
)
# A reference-list entry: author words, "(2016a)", then a quoted or italic title or a date.
_REFERENCE = re.compile(
    r"(?:[-*+•]\s+|\d{1,3}[.)]\s+)?[A-Z][^\n()]{0,80}?\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)[^\n]*?"
    r"(?:[“\"*][^\n]{3,}[”\"*]|\b\d{1,2} " + MONTH_STEMS + r"|pp?\.\s*\d)"
)
# Markdown decoration; the leading class check lets the engine skip plain text quickly.
_MD_NOISE = re.compile(
    r"(?=[<*_\\#>])(?:<sup>.*?</sup>|<[^>\s]+>|\*+|(?<!\w)_+|_+(?!\w)|\\(?=\W)|^#{1,6}\s*|^>\s*)",
    re.MULTILINE,
)
_CLOSERS = "\"'”’»)]"
# A note mark ending a line ("staffed.[1]", "staffed.[iv]"): read past it to the punctuation.
_TRAILING_NOTE = re.compile(r"(?:\[(?:\d{1,3}|[ivxlc]{1,6})\]|<sup>[^<>]{0,12}</sup>)+$")

# Whole-line furniture: the line is nothing but this.
_SHORT_FURNITURE = re.compile(
    r"(?:accessibility links|skip to (?:the )?(?:main )?(?:content|navigation)|(?:main )?menu|"
    r"navigation|search|home|breaking news|top stories|trending(?: now)?|advertisement|sponsored|"
    r"(?:read|viewed|seen) [\d,.]+k? times|[\d,.]+k? (?:comments?|comment\(s\)|views|shares|likes|"
    r"responses|replies|reactions)|comments?|(?:do|did) you (?:like|enjoy) this (?:article|story|post|page)\?|"
    r"(?:leave|post|add|write) a (?:comment|reply|response).*|(?:share|email|print|tweet|save)"
    r"(?: (?:this|on|via|it)\b.*)?|share this.*|newsletter|subscribe.*|sign (?:in|up)|log ?in|"
    r"register|back to top|click here.*|loading\W*|(?:previous|next) (?:article|post|story)\b.*|"
    r"(?:facebook|twitter|linkedin|whatsapp|telegram|reddit|e-?mail|print|copy link)"
    r"(?:[\s,|/·•]+(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|e-?mail|print|copy link))+)",
    re.IGNORECASE,
)
# Furniture vocabulary in a short passage, matched against lowercased text. Python's regex engine
# tries every alternative at every position, so a literal pre-check keeps the common case cheap.
_FURNITURE_WORDS = (
    "cookie",
    "rights reserved",
    "required field",
    "comment policy",
    "mail",
    "inbox",
    "subscribe",
    "follow us",
    "(image",
    "(photo",
    "(picture",
    "(video",
    " ago",
)
_ANY_FURNITURE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:accept|agree|consent|continu|brows|privacy|settings)|"
    r"\ball rights reserved\b|\bdenotes required field|\brequired fields? (?:are|is) marked|"
    r"\bcomment policy\b|\benter your e-?mail\b|\byour inbox\b|"
    r"\bsubscribe (?:now|today|here|to (?:our|the))\b|\bfollow us\b|"
    r"\((?:image|photo|picture|video)s?(?: attribution| credit| courtesy|:)|"
    r"\b\d+ (?:minute|hour|day|week|month)s? ago\b"
)
_FURNITURE_START = re.compile(
    r"(?:copyright\s*)?©|sign up\b|subscribe\b|(?:image|photo|picture)s?(?: attribution| credit)?\s*:|"
    r"tags?\s*:|filed (?:under|in)\b|categor(?:y|ies)\s*:|(?:author[’']?s? bio|about the author|bio)\b|"
    r"(?:important )?disclaimer\s*:|published in (?!.*\d{4})|(?:posted|updated) (?:on|at|by)\b"
)
_SIDEBAR_HEADER = re.compile(
    r"(?:(?:related|other|more|recent|latest|popular|recommended|similar|staff|further|our|top)\b"
    r".{0,30}\b(?:publications|articles|posts|stories|papers|reading|links|content|reports|videos|"
    r"analyses|commentaries)|(?:visit|see|read) also|read more|you (?:may|might) also (?:like|enjoy|be "
    r"interested in).*|more (?:from|on|in) .{1,40}|most (?:read|popular|viewed|shared|commented)|"
    r"elsewhere on .{1,40}|from (?:around|across) the web)\W*",
    re.IGNORECASE,
)
_ABOUT_HEADER = re.compile(r"about (?:this|the|our|us)\b.{0,40}|about us", re.IGNORECASE)
_TOC_LINE = re.compile(r"(?:\.{2,}|…|\t| {2,}|[^\d\s])\s*\d{1,4}\s*$")
_YEAR_OR_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_BIO = re.compile(
    r"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s)?(?:[A-Z][\w.’'-]*\s){1,4}is (?:an?|the) (?:[\w-]+ ){0,4}"
    r"(?:correspondent|journalist|fellow|professor|researcher|analyst|writer|reporter|editor|"
    r"author|director|lecturer|columnist|contributor|scholar)\b"
)

_TITLE_WORDS = 16
_TITLE_CHARS = 120
_SHORT = 400
_LONG = 1000
_ENTRY_CHARS = 300


def classify(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """One kind per passage span, in order."""
    kinds: list[str] = []
    mode = ""  # "sidebar": entries of other works; "about": text under an "About ..." header
    for index, (start, end) in enumerate(spans):
        raw = text[start:end]
        clean = _clean(raw)
        kind = _classify_one(raw, clean)
        is_heading = kind == HEADING or _MD_HEADING.match(raw) is not None
        short_line = "\n" not in clean and len(clean) <= 80
        if short_line and _SIDEBAR_HEADER.fullmatch(clean):
            kind, mode = BOILERPLATE, "sidebar"
        elif short_line and is_heading and _ABOUT_HEADER.fullmatch(clean.rstrip(":")):
            kind, mode = BOILERPLATE, "about"
        elif (mode == "sidebar" and not _MD_HEADING.match(raw) and _entry_like(clean, kind)) or (
            mode == "about" and not is_heading
        ):
            kind = BOILERPLATE
        else:
            mode = ""
        if kind == BODY and index >= len(spans) * 0.6 and len(clean) < _SHORT and _BIO.match(clean):
            kind = BOILERPLATE  # a short "X is a correspondent for ..." near the end
        kinds.append(kind)
    _mark_repeats(text, spans, kinds)
    _sweep_tail(text, spans, kinds)
    return kinds


def _clean(raw: str) -> str:
    """The passage without markdown decoration, for judging its words (long ones as they are)."""
    if len(raw) > _SHORT:
        return raw
    text = MARKDOWN_LINK.sub(r"\1", raw) if "](" in raw else raw
    if any(mark in text for mark in "<*_#>\\"):
        text = _MD_NOISE.sub("", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _classify_one(raw: str, clean: str) -> str:
    if _MD_HEADING.match(raw):
        return HEADING
    if _RULE.fullmatch(raw) or _FOOTNOTE_START.match(raw) or _BARE_LINKS.fullmatch(raw):
        return FOOTNOTE
    if not clean:
        return BOILERPLATE  # nothing but markup
    lines = clean.splitlines()
    if len(raw) > _LONG:
        # Too long for a title, a furniture line or a single citation; only a reference list.
        return FOOTNOTE if _reference_list(lines) else BODY
    if _IBID.fullmatch(clean):
        return FOOTNOTE
    if len(clean) <= 80 and "\n" not in clean and _SHORT_FURNITURE.fullmatch(clean.rstrip(".:!")):
        return BOILERPLATE
    if len(clean) <= _SHORT and _furniture(clean.lower()):
        return BOILERPLATE
    if _citation(raw.lower()) or _reference_list(lines):
        return FOOTNOTE
    if _is_toc(lines) or _title_like(lines):
        return HEADING
    return BODY


def _furniture(low: str) -> bool:
    if _FURNITURE_START.match(low):
        return True
    return any(word in low for word in _FURNITURE_WORDS) and _ANY_FURNITURE.search(low) is not None


def _citation(low: str) -> bool:
    return any(word in low for word in CITATION_CUE_WORDS) and CITATION_CUES.search(low) is not None


def _reference_list(lines: list[str]) -> bool:
    """Most lines are author-year reference entries."""
    return sum(1 for line in lines if _REFERENCE.match(line)) * 2 >= len(lines)


def _title_like(lines: list[str]) -> bool:
    """A title, section heading, byline, dateline or "LABEL:" standing alone (up to 4 lines)."""
    if len(lines) > 4 or len(lines[0]) > _TITLE_CHARS or any(len(x) > 80 for x in lines[1:]):
        return False
    return all(_title_line(line) for line in lines)


def _title_line(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _TITLE_WORDS:
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "“\"‘'(["):
        return False
    last = _TRAILING_NOTE.sub("", line).rstrip(_CLOSERS)[-1:]
    if last in ".;,":
        return False
    if last == ":":
        return len(words) <= 5
    if last in "?!":
        capitals = sum(1 for w in words if w[0].isupper())
        return len(words) <= 12 and capitals * 2 >= len(words)
    return True


def _is_toc(lines: list[str]) -> bool:
    """A table of contents: most lines end in a page number."""
    if len(lines) < 3:
        return False
    numbered = sum(1 for line in lines if line[-1:].isdigit() and _TOC_LINE.search(line))
    return numbered >= 0.6 * len(lines)


def _entry_like(clean: str, kind: str) -> bool:
    """A sidebar entry: a short title, or a short line citing another work with its date."""
    if len(clean) > _ENTRY_CHARS * 2:
        return False
    if kind in (HEADING, BOILERPLATE, FOOTNOTE):
        return True
    if len(clean) <= _ENTRY_CHARS:
        ends_sentence = clean.rstrip(_CLOSERS).endswith((".", "!", "?"))
        return not ends_sentence or _YEAR_OR_DATE.search(clean) is not None
    return _YEAR_OR_DATE.search(clean) is not None and clean.count(". ") <= 1


def _mark_repeats(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
    """A caption printed twice in a row (two passages, or two lines of one) is furniture."""
    previous = ""
    for i, (start, end) in enumerate(spans):
        current = text[start:end]
        if current == previous:
            kinds[i] = BOILERPLATE
            if len(current) < _SHORT:
                kinds[i - 1] = BOILERPLATE
        previous = current
        if "\n" in current and len(current) < _LONG:  # a long passage may repeat a line
            lines = [line.strip() for line in current.splitlines()]
            if any(len(a) >= 20 and a == b for a, b in itertools.pairwise(lines)):
                kinds[i] = BOILERPLATE


def _sweep_tail(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
    """A short body passage wedged between trailing furniture is furniture too."""
    if not kinds or kinds[-1] == BODY:
        return
    for i in range(len(spans) - 2, 0, -1):
        if kinds[i] == BODY:
            start, end = spans[i]
            wedged = kinds[i - 1] == BOILERPLATE and kinds[i + 1] == BOILERPLATE
            if not wedged or end - start >= 2 * _SHORT:
                return
            kinds[i] = BOILERPLATE
