"""`source:`: which words of a source it looks in, and how a value matches them.

A source is found by the words of its file name, title, publisher and web address's host, each
folded like the text (so a Cyrillic title is in Latin letters, in both spellings), and by the
value anywhere in its file name. A value matches a field when its words occur there in a row, or
when its words run together spell a run of the field's words: `rferl` is the publisher "RFE/RL"
("rfe rl") and the host "www.rferl.org". Whole words only, so `ferl` matches neither.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from store.models import Source
from store.text.fold import TOKEN, fold, fold_text, script_forms


def words_of(text: str) -> list[str]:
    """The field as `source:` compares it: its folded words joined by single spaces, and once
    more in the common spelling of its Cyrillic words when that differs ("тоқаев" ->
    "toqaev", "tokaev")."""
    tokens = TOKEN.findall(fold_text(text))
    spellings = [" ".join(script_forms(t)[0] for t in tokens)]
    common = " ".join(script_forms(t)[-1] for t in tokens)
    return spellings if common == spellings[0] else [*spellings, common]


def source_fields(file: str, source: Source | None) -> list[str]:
    """What `source:` looks in: the file name, title, publisher and web address's host, each as
    its folded words ("RFE/RL" -> "rfe rl", "my_notes.txt" -> "my notes txt"; an unknown
    publisher is no words)."""
    fields = words_of(file.replace("_", " "))
    if source is not None:
        publisher = "" if source.publisher == "unknown" else source.publisher
        try:
            host = urlsplit(source.url).hostname or ""
        except ValueError:  # a malformed address ("http://[x") is data, not a reason to fail
            host = ""
        for text in (source.title, publisher, host):
            fields.extend(words_of(text))
    return [f for f in fields if f]


def sources_matching(files: list[str], fields: list[list[str]], value: str) -> list[int]:
    """Numbers of the files whose name contains the (folded) value, or one of whose fields
    matches it (`in_a_row`)."""
    words = TOKEN.findall(value)
    joined, squashed = " ".join(words), "".join(words)
    return [
        fid
        for fid, file in enumerate(files)
        if value in fold(file)
        or (words and any(in_a_row(joined, squashed, field) for field in fields[fid]))
    ]


def in_a_row(joined: str, squashed: str, field: str) -> bool:
    """`joined` (words) occurs in the field's words, or `squashed` (the same words run together)
    is a run of whole consecutive words of the field ("rferl" in "rfe rl")."""
    if f" {joined} " in f" {field} ":
        return True
    if squashed not in field.replace(" ", ""):
        return False
    parts = field.split(" ")
    for i in range(len(parts)):
        run = ""
        for part in parts[i:]:
            run += part
            if len(run) >= len(squashed):
                break
        if run == squashed:
            return True
    return False
