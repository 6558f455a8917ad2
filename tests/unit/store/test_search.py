"""Search on a small hand-made corpus: every operator and filter, ranking, highlights, folding."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.models import (
    BODY,
    BOILERPLATE,
    FOOTNOTE,
    HEADING,
    Document,
    Entity,
    Event,
    Mention,
    Passage,
    Source,
)
from store.search import SearchResults, search, write_index
from store.search.sidecar import index_path
from store.storage.db import Store
from store.storage.layout import write_store

# (file, title, kind, [(passage kind, text), ...]); passages are joined by blank lines.
DOCS = [
    (
        "a.txt",
        "Attack in Aktobe",
        "news",
        [
            (HEADING, "Attack in Aktobe"),
            (
                BODY,
                "Gunmen attacked a gun store in Aktobe on 5 June 2016. The Islamic State claimed the attack.",
            ),
            (BODY, "Kazakhstan’s president Nursultan Nazarbayev spoke in Astana about the attack."),
            (BOILERPLATE, "Read 2754 times. Aktobe"),
        ],
    ),
    (
        "b.txt",
        "Daesh recruitment in Central Asia",
        "analysis",
        [
            (BODY, "Daesh recruiters target young men in Almaty."),
            (BODY, "In 2014 ISIL and the IS group recruited online; Nazarbaev called it a threat."),
            (
                BODY,
                "Foreign Minister Erlan Idrisov said Azərbaycan and Kazakhstan's police cooperate.",
            ),
            (FOOTNOTE, "1. Aktobe report, 2015."),
        ],
    ),
    (
        "c.txt",
        "Weather notes",
        "blog",
        [
            (BODY, "Aktobe aktobe AKTOBE weather is cold."),
            (BODY, "The state of Islamic art in Almaty is lively, says O’Brien."),
        ],
    ),
]


def _documents() -> tuple[list[Document], list[Source]]:
    docs, sources = [], []
    for file, title, kind, parts in DOCS:
        text = "\n\n".join(body for _, body in parts) + "\n"
        passages, cursor = [], 0
        for i, (pkind, body) in enumerate(parts):
            start = text.index(body, cursor)
            passages.append(Passage(file, i, start, start + len(body), pkind))
            cursor = start + len(body)
        docs.append(Document(file, text, tuple(passages), ()))
        sources.append(
            Source(
                id=file[:-4],
                file=file,
                title=title,
                kind=kind,
                chars=len(text),
                passages=len(parts),
            )
        )
    return docs, sources


def _span(docs: list[Document], file: str, passage: int, words: str) -> tuple[int, int]:
    doc = next(d for d in docs if d.file == file)
    p = doc.passages[passage]
    start = doc.text.index(words, p.start, p.end)
    return start, start + len(words)


def _mention(
    docs: list[Document], entity: str, file: str, passage: int, words: str, context: str = ""
) -> Mention:
    """A mention of `words`; `context` (text starting with the words) picks the occurrence."""
    s, _ = _span(docs, file, passage, context or words)
    e = s + len(words)
    p = next(d for d in docs if d.file == file).passages[passage]
    return Mention(entity, file, s, e, words, p.start, p.end)


def _event(
    docs: list[Document], eid: str, file: str, passage: int, anchor: str, begin: str, end: str
) -> Event:
    s, e = _span(docs, file, passage, anchor)
    p = next(d for d in docs if d.file == file).passages[passage]
    return Event(eid, file, begin, "day", begin, end, None, anchor, s, e, p.start, p.end, "", "")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    docs, sources = _documents()
    entities = [
        Entity("isis", "Islamic State", "organisation", ("IS", "ISIL", "ISIS", "Daesh")),
        Entity("nazarbayev", "Nursultan Nazarbayev", "person", ("Nazarbayev", "Nazarbaev")),
        Entity("idrissov", "Erlan Idrissov", "person", ("Idrisov",)),
        Entity("almaty", "Almaty", "place", ("Alma-Ata",)),  # no stored mentions: words fall back
    ]
    mentions = [
        _mention(docs, "isis", "a.txt", 1, "Islamic State"),
        _mention(docs, "isis", "b.txt", 0, "Daesh"),
        _mention(docs, "isis", "b.txt", 1, "ISIL"),
        _mention(docs, "isis", "b.txt", 1, "IS", "IS group"),
        _mention(docs, "nazarbayev", "a.txt", 2, "Nursultan Nazarbayev"),
        _mention(docs, "nazarbayev", "b.txt", 1, "Nazarbaev"),
        _mention(docs, "idrissov", "b.txt", 2, "Erlan Idrisov"),
    ]
    events = [
        _event(docs, "e1", "a.txt", 1, "5 June 2016", "2016-06-05", "2016-06-05"),
        _event(docs, "e2", "b.txt", 1, "2014", "2014-01-01", "2014-12-31"),
        _event(docs, "e3", "b.txt", 3, "2015", "2015-01-01", "2015-12-31"),
    ]
    path = tmp_path_factory.mktemp("search") / "store.json"
    write_index(path, docs, sources, entities, mentions, events, "fp-1")
    tables = {
        "sources": [s.to_row() for s in sources],
        "texts": [{"file": d.file, "text": d.text} for d in docs],
        "passages": [p.to_row() for d in docs for p in d.passages],
        "sentences": [],
        "entities": [e.to_row() for e in entities],
        "mentions": [m.to_row() for m in mentions],
        "events": [e.to_row() for e in events],
    }
    write_store(path, tables, {"fingerprint": "fp-1"})
    with Store(path) as opened:
        yield opened


def where(results: SearchResults) -> list[tuple[str, int]]:
    return [(h.file, h.passage) for h in results.hits]


def matched(store: Store, results: SearchResults) -> list[list[str]]:
    """The highlighted strings of each hit, sliced from the original file text."""
    return [[store.text(h.file)[s:e] for s, e in h.highlights] for h in results.hits]


# -- words, ranking, grouping ---------------------------------------------------------------------
def test_word_is_case_insensitive_and_ranked_by_bm25_grouped_by_source(store: Store) -> None:
    r = search(store, "aktobe")
    assert r.total == 5
    # c.txt's passage says Aktobe three times in six words: the best hit, so c.txt comes first;
    # in a.txt the short heading beats the longer body passage, and page furniture comes last.
    assert where(r) == [("c.txt", 0), ("a.txt", 0), ("a.txt", 1), ("a.txt", 3), ("b.txt", 3)]
    assert matched(store, r)[0] == ["Aktobe", "aktobe", "AKTOBE"]
    assert [g[0] for g in r.groups()] == ["c.txt", "a.txt", "b.txt"]
    scores = [h.score for h in r.hits]
    assert scores[0] > scores[1] > scores[2] > scores[3]


def test_footnote_and_boilerplate_rank_below_body(store: Store) -> None:
    r = search(store, "aktobe", limit=None)
    by = {(h.file, h.passage): h.score for h in r.hits}
    assert by[("a.txt", 1)] > by[("a.txt", 3)]  # body over boilerplate
    assert by[("a.txt", 1)] > by[("b.txt", 3)]  # body over footnote


def test_all_words_must_match(store: Store) -> None:
    r = search(store, "aktobe attack")
    # The three-word heading outranks the longer body passage that also has both words.
    assert where(r) == [("a.txt", 0), ("a.txt", 1)]
    # `attack` stands for its forms: "attacked" is highlighted too.
    assert matched(store, r) == [["Attack", "Aktobe"], ["attacked", "Aktobe", "attack"]]


def test_limit_and_total(store: Store) -> None:
    r = search(store, "aktobe", limit=2)
    assert r.total == 5
    assert where(r) == [("c.txt", 0), ("a.txt", 0)]
    assert search(store, "aktobe", limit=0).hits == []


# -- phrases, OR, NOT, prefix, fuzzy ------------------------------------------------------------------
def test_phrase_needs_the_words_in_order(store: Store) -> None:
    r = search(store, '"islamic state"')
    assert where(r) == [("a.txt", 1)]  # c.txt has "state of Islamic", not the phrase
    assert matched(store, r) == [["Islamic State"]]


def test_phrase_does_not_run_across_passages(store: Store) -> None:
    # a.txt passage 0 ends with "Aktobe", passage 1 begins with "Gunmen".
    assert search(store, '"aktobe gunmen"').total == 0


def test_or_and_its_precedence(store: Store) -> None:
    assert sorted(where(search(store, "daesh OR weather"))) == [("b.txt", 0), ("c.txt", 0)]
    # OR binds tighter than the implicit AND: almaty AND (daesh OR islamic)
    assert sorted(where(search(store, "almaty daesh OR islamic"))) == [("b.txt", 0), ("c.txt", 1)]
    # parentheses group the other way: (almaty daesh) OR gunmen
    assert sorted(where(search(store, "(almaty daesh) OR gunmen"))) == [("a.txt", 1), ("b.txt", 0)]


def test_exclusion_of_words_and_phrases(store: Store) -> None:
    assert sorted(where(search(store, "aktobe -weather -read"))) == [
        ("a.txt", 0),
        ("a.txt", 1),
        ("b.txt", 3),
    ]
    assert sorted(where(search(store, 'almaty -"state of islamic"'))) == [("b.txt", 0)]
    # Only exclusions: every passage but those.
    assert search(store, "-aktobe").total == 10 - 5


def test_prefix(store: Store) -> None:
    r = search(store, "recruit*")
    assert sorted(where(r)) == [("b.txt", 0), ("b.txt", 1)]
    assert sorted(w for ws in matched(store, r) for w in ws) == ["recruited", "recruiters"]


def test_fuzzy_finds_spelling_variants(store: Store) -> None:
    r = search(store, "nazarbaev~")
    assert sorted(where(r)) == [("a.txt", 2), ("b.txt", 1)]
    assert sorted(w for ws in matched(store, r) for w in ws) == ["Nazarbaev", "Nazarbayev"]
    r = search(store, "idrissov~")
    assert where(r) == [("b.txt", 2)] and matched(store, r) == [["Idrisov"]]
    assert search(store, "nazarbaev").total == 1  # without ~ only the exact spelling


# -- folding -------------------------------------------------------------------------------------------
def test_diacritics_and_special_letters_fold(store: Store) -> None:
    r = search(store, "azarbaycan")
    assert matched(store, r) == [["Azərbaycan"]]
    assert search(store, "AZƏRBAYCAN").total == 1


def test_apostrophes_fold_and_possessives_match_the_bare_word(store: Store) -> None:
    curly = search(store, "Kazakhstan’s")
    straight = search(store, "kazakhstan's")
    assert sorted(where(curly)) == sorted(where(straight)) == [("a.txt", 2), ("b.txt", 2)]
    assert matched(store, curly) == [["Kazakhstan’s"], ["Kazakhstan's"]] or matched(
        store, curly
    ) == [
        ["Kazakhstan's"],
        ["Kazakhstan’s"],
    ]
    bare = search(store, "kazakhstan")
    assert sorted(where(bare)) == [("a.txt", 2), ("b.txt", 2)]
    assert sorted(w for ws in matched(store, bare) for w in ws) == ["Kazakhstan", "Kazakhstan"]
    assert where(search(store, "o'brien")) == [("c.txt", 1)]
    assert where(search(store, "obrien")) == [("c.txt", 1)]


# -- field filters -------------------------------------------------------------------------------------
def test_entity_filter_uses_mentions_of_every_alias(store: Store) -> None:
    r = search(store, "entity:ISIS")
    assert sorted(where(r)) == [("a.txt", 1), ("b.txt", 0), ("b.txt", 1)]
    words = sorted(w for ws in matched(store, r) for w in ws)
    assert words == ["Daesh", "IS", "ISIL", "Islamic State"]
    # "is" the verb in c.txt is not a mention: the alias IS is matched through mentions only.
    assert ("c.txt", 0) not in where(r)
    assert sorted(where(search(store, 'entity:"islamic state"'))) == sorted(where(r))


def test_entity_filter_by_partial_name_and_fallback_to_words(store: Store) -> None:
    assert sorted(where(search(store, "entity:nazarbayev"))) == [("a.txt", 2), ("b.txt", 1)]
    # Almaty has no stored mentions: its names are matched as words.
    assert sorted(where(search(store, "entity:almaty"))) == [("b.txt", 0), ("c.txt", 1)]
    # A name no entity has: the value itself as a phrase.
    assert where(search(store, "entity:gunmen")) == [("a.txt", 1)]


def test_type_filter(store: Store) -> None:
    r = search(store, "type:person")
    assert sorted(where(r)) == [("a.txt", 2), ("b.txt", 1), ("b.txt", 2)]
    assert sorted(w for ws in matched(store, r) for w in ws) == [
        "Erlan Idrisov",
        "Nazarbaev",
        "Nursultan Nazarbayev",
    ]
    # "recruited" also finds "recruiters" (one Snowball stem), and both passages name Daesh.
    assert sorted(where(search(store, "type:organization recruited"))) == [
        ("b.txt", 0),
        ("b.txt", 1),
    ]
    assert sorted(where(search(store, 'type:organization "recruited"'))) == [("b.txt", 1)]
    assert search(store, "type:place").total == 0


def test_date_filter_by_overlap(store: Store) -> None:
    assert where(search(store, "date:2016-06")) == [("a.txt", 1)]
    assert matched(store, search(store, "date:2016-06")) == [["5 June 2016"]]
    assert sorted(where(search(store, "date:2014..2015"))) == [("b.txt", 1), ("b.txt", 3)]
    assert sorted(where(search(store, "date:2015.."))) == [("a.txt", 1), ("b.txt", 3)]
    assert search(store, "date:2016-07..2020").total == 0
    assert where(search(store, "date:2014-06-30 nazarbaev")) == [("b.txt", 1)]


def test_source_and_kind_filters(store: Store) -> None:
    assert sorted(where(search(store, "source:b almaty"))) == [("b.txt", 0)]
    assert sorted(where(search(store, 'source:"central asia" almaty'))) == [("b.txt", 0)]
    assert sorted(where(search(store, "source:weather almaty"))) == [("c.txt", 1)]
    assert sorted(where(search(store, "kind:news aktobe"))) == [
        ("a.txt", 0),
        ("a.txt", 1),
        ("a.txt", 3),
    ]
    assert search(store, "kind:report").total == 0


def test_combinations(store: Store) -> None:
    r = search(store, '(entity:ISIS OR weather) -"gun store" kind:analysis OR kind:blog')
    assert sorted(where(r)) == [("b.txt", 0), ("b.txt", 1), ("c.txt", 0)]
    r = search(store, "type:person date:2014..2016 -idrisov")
    assert sorted(where(r)) == [("b.txt", 1)]
    r = search(store, "attack* aktobe~ OR almaty -type:person")
    assert sorted(where(r)) == [("a.txt", 0), ("a.txt", 1)]


# -- snippets and highlights ---------------------------------------------------------------------------
def test_every_highlight_slices_back_to_a_match(store: Store) -> None:
    for query in [
        "aktobe",
        '"islamic state"',
        "entity:ISIS",
        "recruit*",
        "nazarbaev~",
        "date:2014..2016",
    ]:
        r = search(store, query, limit=None)
        assert r.hits, query
        for hit in r.hits:
            for s, e in hit.highlights:
                assert hit.start <= s < e <= hit.end
        for i, hit in enumerate(r.hits):
            text = store.text(hit.file)
            # Every passage here is shorter than a snippet, so no highlight may be dropped.
            assert hit.highlights and len(r.snippet_highlights(i)) == len(hit.highlights)
            for (s, e), (a, b) in zip(hit.highlights, r.snippet_highlights(i), strict=True):
                assert hit.snippet[a:b] == text[s:e].replace("\n", " ")


def test_json_shape(store: Store) -> None:
    data = search(store, '"islamic state"').to_json()
    assert data["query"] == '"islamic state"' and data["total"] == 1
    (row,) = data["results"]
    assert set(row) == {"file", "passage", "start", "end", "score", "snippet", "highlights"}
    text = store.text(row["file"])
    assert [text[s:e] for s, e in row["highlights"]] == ["Islamic State"]


def test_empty_query_has_no_results(store: Store) -> None:
    assert search(store, "   ").total == 0
    assert search(store, "&").hits == []


# -- the sidecar ---------------------------------------------------------------------------------------
def test_mismatched_or_missing_sidecar_is_rebuilt_from_the_store(
    tmp_path: Path, store: Store
) -> None:
    docs, sources = _documents()
    path = tmp_path / "s.json"
    write_index(path, docs, sources, [], [], [], "old-build")
    tables = {
        "sources": [s.to_row() for s in sources],
        "texts": [{"file": d.file, "text": d.text} for d in docs],
        "passages": [p.to_row() for d in docs for p in d.passages],
    }
    write_store(path, tables, {"fingerprint": "new-build"})
    with Store(path) as fresh:
        assert search(fresh, "aktobe").total == 5
    from store.search.sidecar import load_index_file

    assert load_index_file(index_path(path)).fingerprint == "new-build"
    index_path(path).write_bytes(b"garbage")
    with Store(path) as again:
        assert where(search(again, '"islamic state"')) == [("a.txt", 1)]
