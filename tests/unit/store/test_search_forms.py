"""Search finds what the writer means: word forms, exact words in quotes, Cyrillic and Latin
spellings of one name, and `source:` by name, title, publisher and web address. Every highlight
slices the original text to the characters shown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.models import BODY, Document, Passage, Source
from store.search import SearchResults, search, write_index
from store.search.sidecar import IndexUnusable, index_path, load_index_file
from store.storage.db import Store
from store.storage.layout import write_store
from store.text.fold import TOKEN, fold_text, script_forms, variants

# (file, title, publisher, url, [passage, ...]): invented documents, passages in corpus order.
DOCS = [
    (
        "forms.txt",
        "Depot raids",
        "unknown",
        "",
        [
            "Gunmen attacked the depot.",  # 0
            "Two attacks followed in June.",  # 1
            "Officials feared an attack.",  # 2
            "The attacking unit withdrew.",  # 3
            "Officials feared the attacks.",  # 4: as long as 2, another form
            "Nothing happened at the depot.",  # 5
        ],
    ),
    (
        "cyr.txt",
        "Заявление президента",
        "Радио Азаттык",
        "",
        [
            "Президент Қасым-Жомарт Тоқаев выступил в Ақтөбе.",  # 0: Kazakh spelling
            "Токаев посетил Жаңаөзен.",  # 1: Russian spelling
        ],
    ),
    (
        "latin.txt",
        "President visits the west",
        "RFE/RL",
        "https://www.rferl.org/a/visit/123.html",
        [
            "President Tokayev visited Aktobe.",  # 0
            "Toqaev later spoke in Zhanaozen.",  # 1
            "Tokaev left on Friday.",  # 2
        ],
    ),
]


def _documents() -> tuple[list[Document], list[Source]]:
    docs, sources = [], []
    for file, title, publisher, url, parts in DOCS:
        text = "\n\n".join(parts) + "\n"
        passages, cursor = [], 0
        for i, body in enumerate(parts):
            start = text.index(body, cursor)
            passages.append(Passage(file, i, start, start + len(body), BODY))
            cursor = start + len(body)
        docs.append(Document(file, text, tuple(passages), ()))
        sources.append(
            Source(
                id=file[:-4],
                file=file,
                title=title,
                publisher=publisher,
                url=url,
                chars=len(text),
                passages=len(parts),
            )
        )
    return docs, sources


def _write(path: Path, docs: list[Document], sources: list[Source]) -> None:
    write_index(path, docs, sources, [], [], [], "fp-forms")
    tables = {
        "sources": [s.to_row() for s in sources],
        "texts": [{"file": d.file, "text": d.text} for d in docs],
        "passages": [p.to_row() for d in docs for p in d.passages],
        "sentences": [],
        "entities": [],
        "mentions": [],
        "events": [],
    }
    write_store(path, tables, {"fingerprint": "fp-forms"})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("forms") / "store.json"
    _write(path, *_documents())
    with Store(path) as opened:
        yield opened


def where(results: SearchResults) -> list[tuple[str, int]]:
    return [(h.file, h.passage) for h in results.hits]


def matched(store: Store, results: SearchResults) -> list[list[str]]:
    """The highlighted strings of each hit, sliced from the original file text."""
    return [[store.text(h.file)[s:e] for s, e in h.highlights] for h in results.hits]


def words_found(store: Store, query: str) -> set[str]:
    return {w for ws in matched(store, search(store, query, limit=None)) for w in ws}


def assert_highlights_are_whole_words(store: Store, results: SearchResults) -> None:
    """Every span lies inside its passage and is exactly one or more whole words of the text."""
    for hit in results.hits:
        text = store.text(hit.file)
        assert hit.highlights, hit
        for s, e in hit.highlights:
            assert hit.start <= s < e <= hit.end
            assert not text[s - 1 : s].isalnum() and not text[e : e + 1].isalnum()
            assert re.fullmatch(r"\w+(?:[\W]+\w+)*", text[s:e]), text[s:e]


# -- word forms ----------------------------------------------------------------------------------
def test_a_word_finds_its_inflections(store: Store) -> None:
    r = search(store, "attack", limit=None)
    assert sorted(where(r)) == [("forms.txt", k) for k in (0, 1, 2, 3, 4)]
    assert words_found(store, "attack") == {"attacked", "attacks", "attack", "attacking"}
    # Any form finds the others: they share one Snowball stem.
    assert sorted(where(search(store, "attacked", limit=None))) == sorted(where(r))
    assert sorted(where(search(store, "ATTACKS", limit=None))) == sorted(where(r))
    assert_highlights_are_whole_words(store, r)


def test_quotes_mean_the_exact_word(store: Store) -> None:
    assert where(search(store, '"attack"')) == [("forms.txt", 2)]
    assert sorted(where(search(store, '"attacks"'))) == [("forms.txt", 1), ("forms.txt", 4)]
    assert words_found(store, '"attacks"') == {"attacks"}
    # A quoted phrase is exact words in a row; the same words unquoted are any of their forms.
    assert where(search(store, '"attacks followed"')) == [("forms.txt", 1)]
    assert search(store, '"attack followed"').total == 0
    assert sorted(where(search(store, "attack followed"))) == [("forms.txt", 1)]


def test_exclusion_removes_every_form(store: Store) -> None:
    r = search(store, "source:forms -attack", limit=None)
    assert where(r) == [("forms.txt", 5)]
    # Quoted, only the exact word is excluded.
    kept = where(search(store, 'source:forms -"attack"', limit=None))
    assert sorted(kept) == [("forms.txt", k) for k in (0, 1, 3, 4, 5)]


def test_the_exact_form_ranks_above_another_form(store: Store) -> None:
    # Passages 2 and 4 have four words each and one occurrence: the typed form wins either way.
    r = search(store, "officials attack")
    assert where(r) == [("forms.txt", 2), ("forms.txt", 4)]
    r = search(store, "officials attacks")
    assert where(r) == [("forms.txt", 4), ("forms.txt", 2)]
    assert r.hits[0].score > r.hits[1].score


def test_a_word_without_other_forms_scores_as_before(store: Store) -> None:
    # "depot" has no other form in the corpus: stemming changes neither its hits nor its scores.
    plain, quoted = search(store, "depot"), search(store, '"depot"')
    assert where(plain) == where(quoted) and len(plain.hits) == 2
    assert [h.score for h in plain.hits] == [h.score for h in quoted.hits]


def test_prefix_and_fuzzy_terms_are_not_stemmed(store: Store) -> None:
    assert words_found(store, "attacke*") == {"attacked"}
    assert words_found(store, "attackd~") == {"attacked", "attacks", "attack"}


# -- Cyrillic <-> Latin --------------------------------------------------------------------------
def test_latin_queries_find_cyrillic_spellings(store: Store) -> None:
    # "Тоқаев" is "Toqaev" letter for letter and "Tokaev" as English writing spells it.
    assert words_found(store, "toqaev") == {"Тоқаев", "Toqaev"}
    assert words_found(store, "tokaev") == {"Тоқаев", "Токаев", "Tokaev"}
    assert words_found(store, "Aktobe") == {"Ақтөбе", "Aktobe"}
    assert words_found(store, "zhanaozen") == {"Жаңаөзен", "Zhanaozen"}
    assert words_found(store, "kasym") == {"Қасым"}
    # With the fuzzy variants, the English "-ayev" spelling finds the Cyrillic ones too.
    assert {"Тоқаев", "Токаев", "Tokayev"} <= words_found(store, "tokayev~")
    for query in ("toqaev", "tokaev", "aktobe", "tokayev~", '"Қасым-Жомарт Тоқаев"'):
        assert_highlights_are_whole_words(store, search(store, query, limit=None))


def test_cyrillic_queries_find_latin_spellings(store: Store) -> None:
    assert words_found(store, "Тоқаев") == {"Тоқаев", "Токаев", "Toqaev", "Tokaev"}
    assert words_found(store, "токаев") == {"Тоқаев", "Токаев", "Tokaev"}
    assert words_found(store, "Ақтөбе") == {"Ақтөбе", "Aktobe"}
    assert words_found(store, "Тоқ*") == {"Тоқаев", "Токаев", "Toqaev", "Tokaev", "Tokayev"}
    # A phrase across scripts: each word in either script.
    assert where(search(store, '"tokaev posetil"')) == [("cyr.txt", 1)]
    assert matched(store, search(store, '"tokaev posetil"')) == [["Токаев посетил"]]


def test_highlights_slice_the_original_characters(store: Store) -> None:
    r = search(store, "тоқаев ақтөбе")
    assert where(r) == [("cyr.txt", 0)]
    text = store.text("cyr.txt")
    assert [text[s:e] for s, e in r.hits[0].highlights] == ["Тоқаев", "Ақтөбе"]
    start = text.index("Тоқаев")
    assert r.hits[0].highlights[0] == (start, start + len("Тоқаев"))
    # The snippet's own offsets show the same characters.
    snippet = r.hits[0].snippet
    assert [snippet[a:b] for a, b in r.snippet_highlights(0)] == ["Тоқаев", "Ақтөбе"]


# -- source: -------------------------------------------------------------------------------------
def test_source_matches_publisher_title_file_and_address_words(store: Store) -> None:
    def files(query: str) -> set[str]:
        return {h.file for h in search(store, query, limit=None).hits}

    # "RFE/RL" is the words "rfe rl"; run together they spell the usual "rferl", which is also
    # the web address's host word.
    assert files("source:rferl") == {"latin.txt"}
    assert files("source:RFE/RL") == {"latin.txt"}
    assert files('source:"rfe rl"') == {"latin.txt"}
    assert files("source:www.rferl.org") == {"latin.txt"}
    assert files('source:"visits the west"') == {"latin.txt"}  # title words in a row
    assert files("source:azattyk") == {"cyr.txt"}  # a Cyrillic publisher, in Latin letters
    assert files("source:Азаттык") == {"cyr.txt"}
    assert files("source:forms") == {"forms.txt"}  # file name
    assert files("source:raids depot") == {"forms.txt"}  # a source filter and a word
    assert files("source:raids tokaev") == set()
    # Only whole words, and an unknown publisher is not the word "unknown".
    assert files("source:ferl") == set()
    assert files("source:rfer") == set()
    assert files("source:unknown") == set()


# -- the index format ----------------------------------------------------------------------------
def test_an_index_of_the_previous_format_is_rebuilt(store: Store) -> None:
    path = index_path(store.path)
    data = path.read_bytes()
    old = data.replace(b'"version":2', b'"version":1', 1)
    assert old != data
    copy = path.with_name("old.index")
    copy.write_bytes(old)
    with pytest.raises(IndexUnusable, match="version"):
        load_index_file(copy)


# -- folding keeps every offset ------------------------------------------------------------------
MIXED = st.text(
    alphabet=st.sampled_from(
        list("abcXYZ '’-.") + list("АаҚқЖжЙйЁёЪъЬьЩщҢңӨөҮүІі") + ["\u0301", "ß", "Ə", "é"]
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_every_form_of_every_token_slices_back_inside_it(text: str) -> None:
    folded = fold_text(text)
    assert len(folded) == len(text)
    for m in TOKEN.finditer(folded):
        forms = variants(m.group(), m.start())
        assert forms and forms[0][0] == script_forms(m.group())[0]
        for form, s, e in forms:
            assert m.start() <= s < e <= m.end()
            assert text[s:e] and form == form.lower()
            if re.search("[\u0400-\u04ff]", m.group()):
                assert form.isascii()  # Cyrillic words are searched in Latin letters
