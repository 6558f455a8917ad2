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


def test_unknown_parts_are_left_out_and_undated_says_undated() -> None:
    src = _source(author="unknown", publisher="unknown", published="unknown")
    assert citation(src) == "*Kazakhstan Designates IS*, undated"


def test_month_precision_date_is_kept_as_is() -> None:
    assert citation(_source(published="2015-11")).endswith(", 2015-11")


def test_title_asterisks_are_escaped_and_escapes_are_visible() -> None:
    src = _source(title="A *bold* claim", author="Mx \x1b[31mRed")
    assert citation(src) == "Mx \u241b[31mRed, *A \\*bold\\* claim*, Eurasianet, 2015-11-03"


def test_published_label_says_nd_for_an_undated_or_missing_source() -> None:
    assert published_label(_source(published="2015-11")) == "2015-11"
    assert published_label(_source(published="unknown")) == "undated"
    assert published_label(None) == "undated"


def test_a_paged_source_cites_the_page_the_quote_starts_on() -> None:
    report = Source(
        id="r",
        file="r.pdf",
        title="Final Report",
        author="A. Observer",
        published="2023",
        pages=(("iv", 0, 100), ("17", 102, 300), ("18", 302, 500)),
    )
    assert quote("The posts were staffed.", report, 150) == (
        '> "The posts were staffed." — A. Observer, *Final Report*, 2023, p. 17'
    )
    assert citation(report, 5) == "A. Observer, *Final Report*, 2023, p. iv"
    assert citation(report) == "A. Observer, *Final Report*, 2023"  # no offset: no page
    unpaged = Source(id="t", file="t.txt", title="Notes")
    assert citation(unpaged, 150) == "*Notes*, undated"


def test_a_web_page_cites_its_url() -> None:
    page = Source(
        id="p",
        file="p.html",
        title="Talks Resumed",
        publisher="Radio Free Europe",
        published="2023-03-09",
        url="https://www.example.org/a/talks/123.html",
    )
    assert citation(page) == (
        "*Talks Resumed*, Radio Free Europe, 2023-03-09, <https://www.example.org/a/talks/123.html>"
    )
    spaced = Source(id="q", file="q.html", title="T", url="https://x.example/a b")
    assert citation(spaced) == "*T*, undated"  # not a URL a Markdown link can hold


def test_the_locator_is_the_page_when_paged_else_the_paragraph_then_the_url() -> None:
    report = Source(
        id="r", file="r.pdf", title="Final Report", published="2023",
        pages=(("iv", 0, 100), ("17", 102, 300)),
    )  # fmt: skip
    assert citation(report, 150, paragraph=9) == "*Final Report*, 2023, p. 17"  # the page wins
    page = Source(
        id="p", file="p.html", title="Talks", published="2023-03-09",
        url="https://www.example.org/talks.html",
    )  # fmt: skip
    assert quote("Talks resumed.", page, 40, paragraph=4) == (
        '> "Talks resumed." — *Talks*, 2023-03-09, ¶ 4, <https://www.example.org/talks.html>'
    )
    assert citation(page, 40, paragraph=0) == (
        "*Talks*, 2023-03-09, ¶ 0, <https://www.example.org/talks.html>"
    )


def test_the_markdown_citer_and_the_exports_cite_the_paragraph_too() -> None:
    from tui.model.citer import MARKDOWN, Citer

    source = _source()
    citer = Citer(MARKDOWN, [source])
    assert citer.cite(source, 3, 120) == (
        "Joanna Lillis, *Kazakhstan Designates IS*, Eurasianet, 2015-11-03, ¶ 3"
    )
    assert citer.quote("Words.", source, 120, 3).endswith("2015-11-03, ¶ 3")


def test_a_chronology_export_cites_a_paged_document_by_page_and_others_by_paragraph() -> None:
    from store.export.tables import EventRow, chronology
    from tests.app.support import events
    from tui.model.citer import MARKDOWN, Citer

    event = next(e for e in events() if e.id == "a1")
    paged = _source(pages=(("iv", 0, 40), ("17", 42, 400)))
    unpaged = _source()
    citer = Citer(MARKDOWN, [unpaged])
    on_page = chronology([EventRow(event, paged, 1, ("a.txt",), False, ())], "md", citer.cite)
    assert "2015-11-03, p. 17" in on_page  # the page the event's sentence starts on
    by_paragraph = chronology(
        [EventRow(event, unpaged, 1, ("a.txt",), False, ())], "md", citer.cite
    )
    assert "2015-11-03, ¶ 1" in by_paragraph
