"""Result items: the snippet's highlight spans land on the matched words, whatever the line ends."""

from __future__ import annotations

from pathlib import Path

from store.build import ensure_built
from store.search import search
from store.storage.db import Store
from tui.model.results import make_item


def test_highlights_in_snippets_of_a_crlf_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (
        "Court Report\r\n\r\nThe first hearing was held.\r\n"
        "Later the Astana court ruled.\x1b[1m\r\n"
    )
    (corpus / "crlf.txt").write_bytes(text.encode())
    ensure_built(corpus, tmp_path / "s.json")
    with Store(tmp_path / "s.json") as store:
        results = search(store, "astana")
        assert len(results.hits) == 1
        hit = results.hits[0]
        item = make_item(hit, results.snippet_highlights(0), "", "Court Report", "undated")
    assert [item.snippet[s:e] for s, e in item.spans] == ["Astana"]
    assert "\x1b" not in item.snippet and "\r" not in item.snippet
