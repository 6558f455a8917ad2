"""The query language, parsed into a small tree; never compiled as a regular expression.

Grammar (one search box, same in the app and `dossier search`)::

    query   := clause*                      all clauses must match (AND)
    clause  := item ("OR" item)*            OR binds tighter than the implicit AND
    item    := "-" unit | unit              "-" excludes
    unit    := "(" query ")" | '"phrase"' | field ":" (word | '"phrase"') | word | word* | word~

So `attack aktobe OR almaty` means attack AND (aktobe OR almaty), as in web search engines;
parentheses group anything else: `(attack aktobe) OR almaty`. Only upper-case `OR` is the
operator; `or` is a word. A word with punctuation inside ("U.S.-trained") is the phrase of its
parts. Malformed input raises `QueryError` with the position of the offending character.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from store.errors import QueryError
from store.models import ENTITY_TYPES, entity_type
from store.text.fold import TOKEN, fold, fold_text

FIELDS = ("source", "entity", "type", "date", "kind")
MIN_PREFIX = 2
# Bounds on what one query may ask, so a pasted page or a generated query cannot take seconds
# of the interpreter (or the recursion limit): far above what anyone types.
MAX_QUERY_CHARS = 2000
MAX_TERMS = 128
MAX_DEPTH = 32


@dataclass(frozen=True, slots=True)
class Term:
    """One word: `raw` is its `fold_text` form; mode is stem (any form of the word: unquoted),
    exact (quoted, or spelled with an apostrophe), prefix (pref*) or fuzzy (word~)."""

    raw: str
    mode: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Phrase:
    """Consecutive words, in order."""

    terms: tuple[Term, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Field:
    """A filter: source, entity, type, kind (folded value) or date (`begin`..`end` as yyyymmdd)."""

    name: str
    value: str
    start: int
    end: int
    begin: int = 0
    finish: int = 0


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Phrase | Field | Not | And | Or


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # WORD, PHRASE, FIELD, OR, NEG, LPAREN, RPAREN
    text: str
    start: int
    end: int
    field: str = ""
    quoted: bool = False


_FIELD = re.compile(r"([A-Za-z]+):")
_STOP = set(' \t\n\r()"')


def _lex(query: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            toks.append(_Tok("LPAREN" if ch == "(" else "RPAREN", ch, i, i + 1))
            i += 1
        elif ch == '"':
            close = query.find('"', i + 1)
            if close < 0:
                raise QueryError(query, i, "unclosed quote")
            toks.append(_Tok("PHRASE", query[i + 1 : close], i, close + 1))
            i = close + 1
        elif ch == "-" and (i + 1 >= n or query[i + 1].isspace() or query[i + 1] == ")"):
            raise QueryError(query, i, "'-' needs a word or phrase right after it")
        elif ch == "-":
            toks.append(_Tok("NEG", ch, i, i + 1))
            i += 1
        else:
            j = i
            while j < n and query[j] not in _STOP:
                j += 1
            word = query[i:j]
            match = _FIELD.match(word)
            if match and match.group(1).lower() in FIELDS:
                name = match.group(1).lower()
                vstart = i + match.end()
                if vstart == j and j < n and query[j] == '"':
                    close = query.find('"', j + 1)
                    if close < 0:
                        raise QueryError(query, j, "unclosed quote")
                    toks.append(_Tok("FIELD", query[j + 1 : close], i, close + 1, name, True))
                    i = close + 1
                    continue
                if vstart == j:
                    raise QueryError(query, i, f"'{name}:' needs a value after the colon")
                toks.append(_Tok("FIELD", query[vstart:j], i, j, name))
            elif match and word[match.end() :].strip() and not word.lower().startswith("http"):
                raise QueryError(
                    query, i, f"unknown field '{match.group(1)}:' (fields: {', '.join(FIELDS)})"
                )
            elif word == "OR":
                toks.append(_Tok("OR", word, i, j))
            else:
                toks.append(_Tok("WORD", word, i, j))
            i = j
    return toks


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        if len(query) > MAX_QUERY_CHARS:
            raise QueryError(
                query,
                MAX_QUERY_CHARS,
                f"the query is too long ({len(query):,} characters; at most {MAX_QUERY_CHARS:,})",
            )
        self.toks = _lex(query)
        self.pos = 0
        self.depth = 0
        self.terms = 0

    def error(self, position: int, problem: str) -> QueryError:
        return QueryError(self.query, position, problem)

    def peek(self) -> _Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def parse(self) -> Node | None:
        return self.parse_and(top=True)

    def parse_and(self, top: bool) -> Node | None:
        children: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind != "RPAREN":
            child = self.parse_or()
            if child is not None:
                children.append(child)
        if top and (tok := self.peek()) is not None:
            raise self.error(tok.start, "unmatched ')'")
        if not children:
            return None
        return children[0] if len(children) == 1 else And(tuple(children))

    def parse_or(self) -> Node | None:
        tok = self.peek()
        assert tok is not None
        if tok.kind == "OR":
            raise self.error(tok.start, "OR needs a term before it")
        items = [self.parse_item()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.pos += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("OR", "RPAREN"):
                raise self.error(tok.start, "OR needs a term after it")
            items.append(self.parse_item())
        kept = [i for i in items if i is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(kept))

    def parse_item(self) -> Node | None:
        tok = self.peek()
        assert tok is not None
        if tok.kind == "NEG":
            self.pos += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("OR", "RPAREN", "NEG"):
                raise self.error(tok.start, "'-' needs a word or phrase right after it")
            child = self.parse_unit()
            return Not(child) if child is not None else None
        return self.parse_unit()

    def parse_unit(self) -> Node | None:
        tok = self.peek()
        assert tok is not None
        self.pos += 1
        if tok.kind == "LPAREN":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.error(tok.start, f"parentheses nested more than {MAX_DEPTH} deep")
            inner = self.parse_and(top=False)
            self.depth -= 1
            close = self.peek()
            if close is None or close.kind != "RPAREN":
                raise self.error(tok.start, "unclosed parenthesis")
            self.pos += 1
            if inner is None:
                raise self.error(tok.start, "empty parentheses")
            return inner
        if tok.kind == "RPAREN":
            raise self.error(tok.start, "unmatched ')'")
        if tok.kind == "OR":
            raise self.error(tok.start, "OR needs a term before it")
        if tok.kind == "PHRASE":
            if not tok.text.strip():
                raise self.error(tok.start, "empty phrase")
            return self.words(tok.text, tok.start + 1, tok.end, phrase=True)
        if tok.kind == "FIELD":
            return self.field(tok)
        return self.words(tok.text, tok.start, tok.end, phrase=False)

    def words(self, text: str, start: int, end: int, phrase: bool) -> Node | None:
        """Split text into terms; `*` / `~` at the end of a word make it a prefix / fuzzy term.

        Outside quotes a word stands for its forms (`attack` finds "attacked"); inside quotes, or
        spelled with an apostrophe (`kazakhstan's`), it is the exact word."""
        terms: list[Term] = []
        for chunk in re.finditer(r"[^\s]+", text):
            word, wstart = chunk.group(), start + chunk.start()
            base = "exact" if phrase else "stem"
            mode = base
            if word.endswith("*"):
                mode, word = "prefix", word.rstrip("*")
            elif word.endswith("~"):
                mode, word = "fuzzy", word.rstrip("~")
            found = list(TOKEN.finditer(fold_text(word)))
            if mode == "prefix" and (not found or len(found[-1].group()) < MIN_PREFIX):
                raise self.error(wstart, f"'*' needs at least {MIN_PREFIX} letters before it")
            if mode == "fuzzy" and not found:
                raise self.error(wstart, "'~' needs a word before it")
            self.count(wstart, len(found))
            for k, m in enumerate(found):
                kind = mode if k == len(found) - 1 else base
                if kind == "stem" and "'" in m.group():
                    kind = "exact"
                terms.append(Term(m.group(), kind, wstart + m.start(), wstart + m.end()))
        if not terms:
            return None
        if len(terms) == 1:
            return terms[0]
        return Phrase(tuple(terms), start, end)

    def count(self, position: int, n: int) -> None:
        """Add `n` terms to the query's total; past MAX_TERMS the query is refused."""
        self.terms += n
        if self.terms > MAX_TERMS:
            raise self.error(position, f"the query has more than {MAX_TERMS} terms")

    def field(self, tok: _Tok) -> Field:
        self.count(tok.start, 1)
        value = tok.text.strip()
        vstart = tok.end - len(tok.text) - (1 if tok.quoted else 0)
        if not value:
            raise self.error(tok.start, f"'{tok.field}:' needs a value after the colon")
        if tok.field == "type":
            folded = entity_type(fold(value))
            if folded is None:
                raise self.error(
                    vstart, f"unknown entity type '{value}' (types: {', '.join(ENTITY_TYPES)})"
                )
            return Field("type", folded, tok.start, tok.end)
        if tok.field == "date":
            begin, finish = _date_range(self.query, value, vstart)
            return Field("date", value, tok.start, tok.end, begin, finish)
        return Field(tok.field, fold(value), tok.start, tok.end)


_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _date_bound(query: str, text: str, position: int, upper: bool) -> int:
    """One side of a date range as yyyymmdd: the first day, or the last when `upper`."""
    m = _DATE.fullmatch(text)
    if not m:
        raise QueryError(query, position, f"bad date '{text}' (use 2016, 2016-06 or 2016-06-05)")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise QueryError(query, position, f"bad month in '{text}'")
    if month is None:
        month, day = (12, 31) if upper else (1, 1)
    elif day is None:
        day = calendar.monthrange(year, month)[1] if upper else 1
    else:
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise QueryError(query, position, f"no such day '{text}'") from None
    return year * 10000 + month * 100 + day


def _date_range(query: str, value: str, position: int) -> tuple[int, int]:
    """`2016`, `2016-06`, `2016-06-05`, `A..B`, `A..` or `..B` as (first day, last day)."""
    if ".." not in value:
        return _date_bound(query, value, position, False), _date_bound(query, value, position, True)
    left, _, right = value.partition("..")
    if not left and not right:
        raise QueryError(query, position, "a date range needs at least one end (2014..2016)")
    begin = _date_bound(query, left, position, False) if left else 0
    rpos = position + len(left) + 2
    finish = _date_bound(query, right, rpos, True) if right else 99991231
    if begin > finish:
        raise QueryError(query, position, f"date range '{value}' ends before it begins")
    return begin, finish


def parse(query: str) -> Node | None:
    """The tree of `query`, or None when it holds no searchable word; raises QueryError."""
    return _Parser(query).parse()
