"""The query parser: the tree it builds and the messages for malformed queries."""

from __future__ import annotations

import pytest

from store.errors import QueryError
from store.search.query import And, Field, Not, Or, Phrase, Term, parse
from store.text.fold import fold, fold_text, variants


def test_words_phrases_and_operators() -> None:
    tree = parse('attack aktobe OR almaty -"red cross" terror* nazarbaev~')
    assert isinstance(tree, And)
    attack, either, excluded, prefix, fuzzy = tree.children
    # Outside quotes a word stands for its forms; inside quotes it is the exact word.
    assert attack == Term("attack", "stem", 0, 6)
    assert isinstance(either, Or) and [t.raw for t in either.children] == ["aktobe", "almaty"]
    assert isinstance(excluded, Not) and isinstance(excluded.child, Phrase)
    assert [(t.raw, t.mode) for t in excluded.child.terms] == [("red", "exact"), ("cross", "exact")]
    assert (prefix.raw, prefix.mode) == ("terror", "prefix")
    assert (fuzzy.raw, fuzzy.mode) == ("nazarbaev", "fuzzy")


def test_lower_case_or_is_a_word_and_punctuated_words_are_phrases() -> None:
    tree = parse("war or peace")
    assert isinstance(tree, And) and [t.raw for t in tree.children] == ["war", "or", "peace"]
    tree = parse("U.S.-trained")
    assert isinstance(tree, Phrase) and [t.raw for t in tree.terms] == ["u", "s", "trained"]


def test_fields() -> None:
    tree = parse('source:"Central Asia" entity:ISIS type:People kind:News date:2014..2016-06')
    assert isinstance(tree, And)
    source, entity, typ, kind, date = tree.children
    assert source == Field("source", "central asia", 0, 21)
    assert (entity.name, entity.value) == ("entity", "isis")
    assert typ.value == "person" and kind.value == "news"
    assert (date.begin, date.finish) == (20140101, 20160630)
    assert (parse("date:2016-02").begin, parse("date:2016-02").finish) == (20160201, 20160229)
    assert (parse("date:..2015").begin, parse("date:..2015").finish) == (0, 20151231)
    # The last month datetime can hold: its last day, not an overflow.
    assert parse("date:9999-12").finish == 99991231


def test_urls_and_times_are_words_not_fields() -> None:
    assert [t.raw for t in parse("10:30").terms] == ["10", "30"]
    assert [t.raw for t in parse("http://example.com/x").terms] == ["http", "example", "com", "x"]
    assert parse("note:") == Term("note", "stem", 0, 4)


@pytest.mark.parametrize(
    ("query", "position", "problem"),
    [
        ('aktobe "islamic state', 7, "unclosed quote"),
        ("aktobe - state", 7, "'-' needs a word or phrase"),
        ("aktobe -", 7, "'-' needs a word or phrase"),
        ("aktobe OR", 7, "OR needs a term after it"),
        ("OR aktobe", 0, "OR needs a term before it"),
        ("a OR OR b", 2, "OR needs a term after it"),
        ("author:smith", 0, "unknown field 'author:'"),
        ("date:2016..2014", 5, "ends before it begins"),
        ("date:2016-13", 5, "bad month"),
        ("date:2016-02-30", 5, "no such day"),
        ("date:June", 5, "bad date 'June'"),
        ("date:2014..20x6", 11, "bad date '20x6'"),
        ("type:animal", 5, "unknown entity type 'animal'"),
        ("(aktobe attack", 0, "unclosed parenthesis"),
        ("aktobe)", 6, "unmatched ')'"),
        ("()", 0, "empty parentheses"),
        ('""', 0, "empty phrase"),
        ("a*", 0, "'*' needs at least 2 letters"),
        ("entity:", 0, "'entity:' needs a value"),
    ],
)
def test_malformed_queries_point_at_the_problem(query: str, position: int, problem: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    err = caught.value
    assert err.position == position
    assert problem in err.problem
    assert f"column {position + 1}" in str(err)
    assert str(err).splitlines()[-1] == "  " + " " * position + "^"


def test_regex_characters_are_plain_text() -> None:
    tree = parse("a.*b [x] (c|d)")  # parsed as words, never compiled
    assert isinstance(tree, And)
    ab, x, cd = tree.children
    assert isinstance(ab, Phrase) and [t.raw for t in ab.terms] == ["a", "b"]
    assert x == Term("x", "stem", 6, 7)
    assert isinstance(cd, Phrase) and [t.raw for t in cd.terms] == ["c", "d"]


def test_fold_keeps_length_and_offsets() -> None:
    text = "Kazakhstan’s ƏLİYEV Straße café"
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded.startswith("kazakhstan's aliyev")
    assert fold("Straße") == "strasse" and fold("Æther") == "aether"


def test_variants_of_apostrophe_words_carry_their_spans() -> None:
    text = "O’Brien’s"
    forms = variants(fold_text(text), 0)
    assert ("o'brien's", 0, 9) in forms
    assert ("obriens", 0, 9) in forms
    assert ("brien", 2, 7) in forms and text[2:7] == "Brien"
