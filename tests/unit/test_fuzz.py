"""Property-based fuzzing (Hypothesis) of what reads untrusted text: the query parser, the
segmenter, the temporal tagger and the decoder. Never a traceback; offsets always slice back.

`make test` runs a modest number of examples; `make test-slow` (DOSSIER_FUZZ=slow) runs many.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.corpus.decode import decode
from store.errors import QueryError
from store.search.query import And, Field, Node, Not, Or, Phrase, Term, parse
from store.text.segment import segment
from store.timex import tag

EXAMPLES = 3000 if os.environ.get("DOSSIER_FUZZ") == "slow" else 150
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like documents: words, dates, punctuation, markup, line breaks, controls.
PIECES = st.sampled_from(
    [
        "the", "Aktobe", "ISIS", "Mr.", "U.S.", "e.g.", "5 June 2016", "2015", "last week", ".",
        ". . .", "!", "?", ",", ";", ":", "(", ")", '"', "“", "”", "'", "-", "—", "…", "\n",
        "\n\n", "\r\n", "\t", "  ", "# ", "* ", "1.) ", "<sup>3</sup>", "[1]", "http://x.org/a",
        "\x1b[2J", "\u202e", "\u200b", "Тоқаев", "אבג", "é", "\x00",
    ]
)  # fmt: skip
DOCUMENTS = st.one_of(
    st.lists(PIECES, max_size=120).map(" ".join),
    st.lists(PIECES, max_size=120).map("".join),
    st.text(max_size=400),
)
QUERIES = st.one_of(
    st.lists(
        st.sampled_from(
            ["aktobe", "attack", "OR", "-", "(", ")", '"', "*", "~", "source:", "entity:", "date:",
             "type:", "kind:", "2016", "2014..2016", "x*", "w~", " ", "isis", "é", "\t"]
        ),
        max_size=40,
    ).map("".join),
    st.text(max_size=80),
)  # fmt: skip


def spans(node: Node) -> list[tuple[int, int]]:
    if isinstance(node, (Term, Phrase, Field)):
        return [(node.start, node.end)]
    if isinstance(node, Not):
        return spans(node.child)
    if isinstance(node, (And, Or)):
        return [s for child in node.children for s in spans(child)]
    raise AssertionError(node)


@FUZZ
@given(QUERIES)
def test_the_query_parser_never_fails_but_with_a_query_error(query: str) -> None:
    try:
        tree = parse(query)
    except QueryError as exc:
        assert 0 <= exc.position <= len(query)
        return
    if tree is not None:
        for start, end in spans(tree):
            assert 0 <= start <= end <= len(query)


@FUZZ
@given(DOCUMENTS)
def test_segmenting_slices_back_and_never_fails(text: str) -> None:
    passages, sentences = segment("f.txt", text)
    previous = 0
    for passage in passages:
        assert previous <= passage.start < passage.end <= len(text)
        chunk = text[passage.start : passage.end]
        assert chunk.strip() and chunk == chunk.strip()
        previous = passage.end
    for sentence in sentences:
        passage = passages[sentence.passage]
        assert passage.start <= sentence.start < sentence.end <= passage.end
        assert text[sentence.start : sentence.end].strip()


@FUZZ
@given(DOCUMENTS, st.sampled_from([None, "2016-06-05", "2015-11", "1990"]))
def test_tagging_slices_back_and_never_fails(text: str, dct: str | None) -> None:
    for timex in tag(text, dct):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text


@FUZZ
@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_and_at_most_one_warning(data: bytes) -> None:
    warnings: list[str] = []
    text = decode(data, "f.txt", warnings)
    assert isinstance(text, str)
    assert len(warnings) <= 1
