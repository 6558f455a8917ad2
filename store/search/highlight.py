"""Exact highlight spans and snippets for the few passages a search shows.

The index answers *which* passages match; here the shown passages are tokenised again (a few
microseconds each) and every positive part of the query is located: words and prefix/fuzzy
expansions token by token, phrases as runs of tokens, `entity:`/`type:` as the stored mention
spans, `date:` as the anchors of the events in range. Spans are offsets into the original file
text, so `text[start:end]` is exactly the matched word, phrase, name or date.
"""

from __future__ import annotations

import numpy as np

from store.search.evaluate import EntityNames, Matcher
from store.search.index import Index
from store.storage.db import Store
from store.text.fold import TOKEN, fold_text, variants

SNIPPET_WIDTH = 200
ELLIPSIS = "…"


def _tokens(text: str, start: int, end: int) -> list[list[tuple[str, int, int]]]:
    folded = fold_text(text[start:end])
    out: list[list[tuple[str, int, int]]] = []
    for m in TOKEN.finditer(folded):
        token = m.group()
        if "'" in token or not token.isascii():
            out.append(variants(token, start + m.start()))
        else:
            out.append([(token, start + m.start(), start + m.end())])
    return out


def _first(forms: list[tuple[str, int, int]], test: object) -> tuple[int, int] | None:
    for term, s, e in forms:
        if test(term):  # type: ignore[operator]
            return s, e
    return None


def highlights_for(
    store: Store,
    index: Index,
    names: EntityNames,
    matchers: list[Matcher],
    file: str,
    pid: int,
    text: str,
    start: int,
    end: int,
) -> list[tuple[int, int]]:
    """Sorted, merged spans of everything the query matched inside one passage."""
    spans: list[tuple[int, int]] = []
    tokens: list[list[tuple[str, int, int]]] | None = None
    mentions = None
    for matcher in matchers:
        if matcher.kind in ("words", "phrase"):
            if tokens is None:
                tokens = _tokens(text, start, end)
            if matcher.kind == "words":
                prefer = matcher.prefer
                for forms in tokens:
                    hit = (prefer and _first(forms, prefer)) or _first(forms, matcher.tests[0])
                    if hit:
                        spans.append(hit)
            else:
                spans.extend(_phrase_spans(tokens, matcher))
        elif matcher.kind in ("entities", "type"):
            if mentions is None:
                mentions = [m for m in store.mentions(file) if start <= m.start < end]
            if matcher.kind == "entities":
                spans.extend((m.start, m.end) for m in mentions if m.entity in matcher.entity_ids)
            else:
                types = names.types
                spans.extend(
                    (m.start, m.end) for m in mentions if types.get(m.entity) == matcher.type
                )
        elif matcher.kind == "date":
            lo = int(np.searchsorted(index.ev_pid, pid, side="left"))
            hi = int(np.searchsorted(index.ev_pid, pid, side="right"))
            for k in range(lo, hi):
                if index.ev_begin[k] <= matcher.finish and index.ev_end[k] >= matcher.begin:
                    a, b = int(index.ev_astart[k]), int(index.ev_aend[k])
                    if start <= a < b <= end:
                        spans.append((a, b))
    return _merge(spans)


def _phrase_spans(
    tokens: list[list[tuple[str, int, int]]], matcher: Matcher
) -> list[tuple[int, int]]:
    out = []
    width = len(matcher.tests)
    for i in range(len(tokens) - width + 1):
        first = _first(tokens[i], matcher.tests[0])
        if first is None:
            continue
        last: tuple[int, int] | None = first
        for k in range(1, width):
            last = _first(tokens[i + k], matcher.tests[k])
            if last is None:
                break
        if last is not None:
            out.append((first[0], last[1]))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def make_snippet(
    text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> tuple[str, tuple[int, int, int]]:
    """A window of the passage around its densest cluster of highlights.

    Returns the snippet and where it lies: (offset in the file of its first text character,
    length of the leading ellipsis, length of the text). Line breaks become spaces one for one,
    so offsets stay exact.
    """
    if end - start <= SNIPPET_WIDTH:
        a, b = start, end
    else:
        anchor = start
        if spans:
            best = 0
            for s, _ in spans:
                count = sum(1 for t, u in spans if s <= t and u <= s + SNIPPET_WIDTH - 40)
                if count > best:
                    best, anchor = count, s
        a = max(start, anchor - 40)
        b = min(end, a + SNIPPET_WIDTH)
        a = max(start, b - SNIPPET_WIDTH)
        if a > start:
            space = text.find(" ", a, min(a + 20, b))
            a = space + 1 if space >= 0 and space + 1 <= anchor else a
        if b < end:
            space = text.rfind(" ", max(b - 20, a), b)
            b = space if space > a else b
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    body = "".join(" " if c in "\r\n\t\f\v" else c for c in text[a:b])
    lead = ELLIPSIS if a > start else ""
    tail = ELLIPSIS if b < end else ""
    return lead + body + tail, (a, len(lead), b - a)
