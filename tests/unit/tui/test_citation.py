"""The clipboard format for `y`/`Y`: hand-written expectations."""

from __future__ import annotations

from store.models import Source
from tui.model.citation import citation, published_label, quote


def _source(**kw: object) -> Source:
    base: dict[str, object] = {
        "id": "a",
        "file": "a.txt",
        "title": "Kazakhstan Designates IS",
        "author": "Joanna Lillis",
        "publisher": "Eurasianet",
        "published": "2015-11-03",
    }
    base.update(kw)
    return Source(**base)  # type: ignore[arg-type]


def test_quote_has_author_title_publisher_date() -> None:
    text = "The court  ruled\non October 15."
    assert quote(text, _source()) == (
        '> "The court ruled on October 15." — Joanna Lillis, *Kazakhstan Designates IS*, '
        "Eurasianet, 2015-11-03"
    )


def test_unknown_parts_are_left_out_and_undated_says_nd() -> None:
    src = _source(author="unknown", publisher="unknown", published="unknown")
    assert citation(src) == "*Kazakhstan Designates IS*, n.d."


def test_month_precision_date_is_kept_as_is() -> None:
    assert citation(_source(published="2015-11")).endswith(", 2015-11")


def test_title_asterisks_are_escaped_and_escapes_are_visible() -> None:
    src = _source(title="A *bold* claim", author="Mx \x1b[31mRed")
    assert citation(src) == "Mx \u241b[31mRed, *A \\*bold\\* claim*, Eurasianet, 2015-11-03"


def test_published_label_says_nd_for_an_undated_or_missing_source() -> None:
    assert published_label(_source(published="2015-11")) == "2015-11"
    assert published_label(_source(published="unknown")) == "n.d."
    assert published_label(None) == "n.d."
