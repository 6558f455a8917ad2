"""A web page's own metadata, in the shapes real pages use (invented pages)."""

from __future__ import annotations

import pytest

from store.corpus.formats.webmeta import _written_day, page_metadata


def test_kind_from_microdata_itemtype() -> None:
    # No JSON-LD; the article element says what it is, as many news sites do.
    page = """<html><head><title>Talks resumed - Example News</title></head><body>
    <article itemscope itemtype="http://schema.org/NewsArticle"><h1>Talks resumed</h1>
    <p>Text.</p></article></body></html>"""
    meta = page_metadata(page, "Talks resumed - Example News")
    assert meta.kind == "news"
    assert "microdata" in meta.basis["kind"]
    blog = page.replace("NewsArticle", "BlogPosting")
    assert page_metadata(blog, None).kind == "blog"
    plain = page.replace(' itemscope itemtype="http://schema.org/NewsArticle"', "")
    assert page_metadata(plain, None).kind is None


def test_title_is_the_part_of_the_title_tag_that_is_a_heading() -> None:
    # The <h1> is the site's logo; the article's heading is an <h2>, the <title> adds
    # " | Code | A. Writer" after it.
    page = """<html><head><title>Covering your code | Code | A. Writer</title></head><body>
    <header><h1><a href="/">Hi, I'm A.</a></h1></header><article><h2>Covering your code</h2>
    <aside><span class="article-author">A. Writer —</span></aside></article></body></html>"""
    meta = page_metadata(page, "Covering your code | Code | A. Writer")
    assert meta.title == "Covering your code"
    assert meta.author == "A. Writer"  # the byline's trailing dash is not part of the name


def test_a_title_without_a_heading_in_it_stays_whole() -> None:
    page = """<html><head><title>Budget vote: what changes</title></head><body>
    <h1>Example Site</h1><h2>Elsewhere</h2></body></html>"""
    assert page_metadata(page, "Budget vote: what changes").title == "Budget vote: what changes"


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13"),
        ("Fri, 13 Mar 2015 21:30:09 +1100", "2015-03-13"),
        ("March 9, 2023", "2023-03-09"),
        ("Noday 12 2020", None),
        ("Feb 30 2015", None),
        ("2015", None),
    ],
)
def test_meta_dates_written_out(value: str, day: str | None) -> None:
    assert _written_day(value) == day


def test_publication_date_meta_written_out() -> None:
    page = """<html><head><title>T</title>
    <meta name="article:publicationdate" content="Fri Mar 13 21:30:09 EST 2015"></head>
    <body><p>Updated April 1, 2024</p></body></html>"""
    meta = page_metadata(page, "T")
    assert meta.published == "2015-03-13"
    assert "article:publicationdate" in meta.basis["published"]


def test_a_site_name_written_as_an_address_is_its_host() -> None:
    page = """<html><head><title>T</title>
    <meta property="og:site_name" content="http://www.example-news.com"></head><body></body></html>"""
    assert page_metadata(page, "T").publisher == "example-news.com"
