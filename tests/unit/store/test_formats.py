"""Format readers on small generated files: offsets slice back, pages, kinds, metadata."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from store.build import build
from store.corpus import read_corpus
from store.corpus.formats import FormatError, reader_for
from store.corpus.formats.base import Reading
from store.models import BODY, BOILERPLATE, FOOTNOTE, HEADING
from store.storage.db import Store
from store.text.segment import segment
from tests.docxmake import Doc, Para, make_docx
from tests.pdfmake import Line, Page, make_pdf

# Invented report text: every line different, as in a real report.
BODY_LINES = [
    [
        "The mission to the border region began in March 2014 after two years of talks",
        "between the ministries, and its first task was to count the crossings that the",
        "guards had recorded since the agreement was signed in Astana. The informa-",
        "tion they gave was incomplete, and the self-",
        "defence units kept their own registers.",
        "",
        "A second paragraph, indented, says what the observers found in the first months.",
        "They visited eleven posts and spoke to the officers in charge of each one.",
    ],
    [
        "In the summer the teams moved north, where the roads were worse and the posts",
        "further apart; the reports from that period are shorter and less precise.",
        "Several posts had been abandoned during the winter and were never reopened.",
    ],
    [
        "The final chapter lists what the mission recommended to both governments and",
        "what, by the time of writing, had been done about each of the recommendations.",
    ],
]


def report_pdf() -> bytes:
    pages = []
    for number, lines in enumerate(BODY_LINES, start=1):
        page = Page()
        page.lines.append(Line(72, 750, "Border Monitoring Mission: Final Report", 9))
        y = 700.0
        for text in lines:
            if not text:
                y -= 14
                continue
            x = 90 if text.startswith("A second") else 72
            page.lines.append(Line(x, y, text, 11))
            y -= 14
        if number == 2:
            page.lines.append(Line(72, 90, "1 Figures from the ministry's own register, 2015.", 8))
            page.lines.append(Line(72, 80, "which the mission could not check.", 8))
        page.lines.append(Line(280, 40, f"Page {number} of 3", 9))
        pages.append(page)
    return make_pdf(pages, info={"Title": "Border Monitoring Mission", "Author": "A. Observer"})


def read(name: str, data: bytes) -> tuple[Reading, list[str]]:
    warnings: list[str] = []
    return reader_for(name, data).read(data, name, warnings), warnings


def kinds_of(reading: Reading) -> list[tuple[str, str, int | None]]:
    passages, _ = segment("f", reading.text, reading.regions, [p.start for p in reading.pages])
    return [(reading.text[p.start : p.end], p.kind, p.page) for p in passages]


def test_pdf_pages_running_header_footer_footnote_and_hyphenation() -> None:
    reading, warnings = read("report.pdf", report_pdf())
    assert warnings == []
    assert reading.format == "pdf"
    assert [p.label for p in reading.pages] == ["1", "2", "3"]  # printed in the footers
    text = reading.text
    for page, lines in zip(reading.pages, BODY_LINES, strict=True):
        assert lines[0][:30] in text[page.start : page.end]
    passages = kinds_of(reading)
    headers = [p for p in passages if p[0].startswith("Border Monitoring Mission")]
    footers = [p for p in passages if p[0].startswith("Page ")]
    assert [p[1] for p in headers] == [BOILERPLATE] * 3
    assert [(p[0], p[1], p[2]) for p in footers] == [
        (f"Page {n} of 3", BOILERPLATE, n) for n in (1, 2, 3)
    ]
    note = [p for p in passages if p[0].startswith("1 Figures")]
    assert note == [
        (
            "1 Figures from the ministry's own register, 2015. which the mission could not check.",
            FOOTNOTE,
            2,
        )
    ]
    first = next(p for p in passages if p[0].startswith("The mission"))
    assert first[1] == BODY and first[2] == 1
    assert "The information they gave" in first[0]  # a typographic hyphen joined
    assert "the self-defence units" in first[0]  # a hyphenated word kept
    assert any(p[0].startswith("A second paragraph") for p in passages)  # indent starts one
    assert reading.meta.title == "Border Monitoring Mission"
    assert reading.meta.author == "A. Observer"


def test_pdf_page_labels_from_the_document_win() -> None:
    pages = [
        Page([Line(72, 700, f"Text of page {n} with some words on it.", 11)]) for n in range(4)
    ]
    data = make_pdf(pages, labels=[(0, "r", 1), (2, "D", 17)])
    reading, _ = read("book.pdf", data)
    assert [p.label for p in reading.pages] == ["i", "ii", "17", "18"]
    for n, page in enumerate(reading.pages):
        assert reading.text[page.start : page.end] == f"Text of page {n} with some words on it."


def test_scanned_pdf_is_kept_with_a_warning() -> None:
    reading, warnings = read("scan.pdf", make_pdf([Page(rectangle=True)] * 3))
    assert reading.text == ""
    assert reading.note == "no text layer: 3 pages; needs OCR"
    assert warnings == ["scan.pdf: no text layer: 3 pages; needs OCR"]
    assert len(reading.pages) == 3


def test_damaged_pdf_is_refused_with_a_reason() -> None:
    with pytest.raises(FormatError, match="cannot read the PDF"):
        read("broken.pdf", b"%PDF-1.7\nnot really a pdf at all")


def test_a_pdf_named_html_is_read_as_a_pdf() -> None:
    reading, _ = read("saved.html", report_pdf())
    assert reading.format == "pdf"


def test_ligatures_are_expanded() -> None:
    from store.corpus.formats.base import LIGATURES

    assert "ﬁnal ofﬁce ﬂow".translate(LIGATURES) == "final office flow"


def sample_docx() -> bytes:
    return make_docx(
        Doc(
            [
                Para(["Security on the Border"], "Title"),
                Para(["Background"], "Heading1"),
                Para(
                    [
                        "The mission began in 2014.",
                        ("footnote", "See the annex."),
                        " It ended in 2016.",
                    ]
                ),
                Para(["Findings"], "Heading2"),
                Para(["Most posts were staffed.", ("endnote", "Counted in May.")]),
            ],
            table=[["Year", "Posts"], ["2014", "11"]],
            title="Security on the Border",
            author="A. Analyst",
            created="2023-03-09T10:00:00Z",
        )
    )


def test_docx_headings_notes_table_and_core_properties() -> None:
    reading, warnings = read("report.docx", sample_docx())
    assert warnings == []
    passages = kinds_of(reading)
    assert passages == [
        ("Security on the Border", HEADING, None),
        ("Background", HEADING, None),
        ("The mission began in 2014.[1] It ended in 2016.", BODY, None),
        ("Findings", HEADING, None),
        ("Most posts were staffed.[i]", BODY, None),
        ("| Year | Posts |\n| 2014 | 11 |", BODY, None),
        ("[1] See the annex.", FOOTNOTE, None),
        ("[i] Counted in May.", FOOTNOTE, None),
    ]
    meta = reading.meta
    assert (meta.title, meta.author, meta.published) == (
        "Security on the Border",
        "A. Analyst",
        "2023-03-09",
    )
    assert "created" in meta.basis["published"]


PAGE = """<!DOCTYPE html>
<html><head>
<title>Officials Confirm Talks Resumed - Radio Free Europe</title>
<meta property="og:site_name" content="Radio Free Europe">
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://www.example.org/a/talks-resumed/123.html">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/asia">Central Asia</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing to
browse you agree to our use of cookies.</p><button>Accept</button></div>
<article>
<h1>Officials Confirm Talks Resumed</h1>
<p class="byline">By Jane Reporter, <time datetime="2023-03-09T08:00:00Z">March 9, 2023</time></p>
<p>Officials in Astana confirmed on Thursday that talks with the neighbouring government had
resumed after a pause of four months, and that a first meeting of the working group had taken
place in the capital earlier this week.</p>
<p>The talks are expected to cover the demarcation of the remaining sections of the border,
water sharing along the two rivers that cross it, and the status of the enclaves, according to
a statement released by the foreign ministry.</p>
<p>Diplomats said the atmosphere had improved since the autumn, when the two sides exchanged
accusations over a shooting at a checkpoint that left one guard dead and two wounded.</p>
</article>
<aside><h2>Related articles</h2><ul><li><a href="/1">Border guards exchange fire</a></li>
<li><a href="/2">Water dispute flares again</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><p>This is great news for the whole region,
finally some progress after all these years!</p><p>I doubt anything will come of it.</p></section>
<footer><p>Updated April 1, 2024</p><p>Copyright 2024 RFE/RL. All rights reserved.</p></footer>
</body></html>
"""


def test_web_page_article_is_body_and_the_rest_boilerplate() -> None:
    reading, _ = read("page.html", PAGE.encode())
    passages = kinds_of(reading)
    body = [t for t, kind, _ in passages if kind == BODY]
    assert [t[:20] for t in body] == [
        "Officials in Astana ",
        "The talks are expect",
        "Diplomats said the a",
    ]
    furniture = {t for t, kind, _ in passages if kind == BOILERPLATE}
    for piece in ("Home", "We use cookies", "Border guards exchange fire", "I doubt anything"):
        assert any(piece in t for t in furniture), piece
    assert any(t.startswith("Updated April 1, 2024") for t in furniture)
    assert all(page is None for _, _, page in passages)


def test_web_page_metadata_from_its_markup() -> None:
    meta = read("page.html", PAGE.encode())[0].meta
    assert meta.title == "Officials Confirm Talks Resumed"
    assert meta.publisher == "Radio Free Europe"
    assert meta.author == "Jane Reporter"
    assert meta.published == "2023-03-09"  # the <time>, not the "Updated" footer
    assert meta.url == "https://www.example.org/a/talks-resumed/123.html"
    assert meta.basis["published"].startswith("<time datetime=")
    assert meta.basis["url"] == "<link rel=canonical>"


def test_web_page_json_ld_and_og_metadata() -> None:
    page = """<html><head><title>Site | A headline</title>
    <meta property="og:title" content="A headline | Site">
    <meta property="og:site_name" content="Site">
    <meta property="og:url" content="https://site.example/a-headline">
    <meta property="article:modified_time" content="2024-04-01T00:00:00Z">
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Site"},
      {"@type": "NewsArticle", "headline": "A headline", "datePublished": "2021-06-05T09:00:00+06:00",
       "dateModified": "2024-04-01", "author": [{"@type": "Person", "name": "A. Writer"}],
       "publisher": {"@type": "Organization", "name": "Site Media"}}]}</script>
    </head><body><p>Short.</p></body></html>"""
    meta = read("p.html", page.encode())[0].meta
    assert meta.title == "A headline"
    assert meta.published == "2021-06-05"
    assert meta.author == "A. Writer"
    assert meta.publisher == "Site"
    assert meta.kind == "news"
    assert meta.url == "https://site.example/a-headline"


def test_epub_chapters_in_spine_order_and_its_metadata() -> None:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>',
        )
        book.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Short Book</dc:title>'
            "<dc:creator>B. Author</dc:creator><dc:publisher>Press</dc:publisher>"
            "<dc:date>2019-05</dc:date></metadata><manifest>"
            '<item id="c2" href="two.xhtml" media-type="application/xhtml+xml"/>'
            '<item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/>'
            '</manifest><spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>',
        )
        for name, title in (("one", "First"), ("two", "Second")):
            book.writestr(
                f"OEBPS/{name}.xhtml",
                f"<html><body><h1>{title} chapter</h1><p>Text of the {name} chapter.</p></body></html>",
            )
    reading, _ = read("book.epub", out.getvalue())
    assert reading.text == (
        "# First chapter\n\nText of the one chapter.\n\n# Second chapter\n\nText of the two chapter.\n"
    )
    meta = reading.meta
    assert (meta.title, meta.author, meta.publisher, meta.published) == (
        "A Short Book",
        "B. Author",
        "Press",
        "2019-05",
    )


def test_utf16_and_legacy_encodings(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes("Talks in Astana — résumé\n".encode("utf-16"))
    cyrillic = "Переговоры в Астане продолжатся на следующей неделе, заявил министр.\n"
    (tmp_path / "cp1251.txt").write_bytes(cyrillic.encode("cp1251"))
    corpus = read_corpus(tmp_path)
    texts = {d.file: d.text for d in corpus.documents}
    assert texts["u16.txt"] == "Talks in Astana — résumé\n"
    assert texts["cp1251.txt"] == cyrillic
    assert any("cp1251.txt: not UTF-8; decoded as cp1251" in w for w in corpus.warnings)


def test_build_keeps_metadata_pages_and_the_scan(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.pdf").write_bytes(report_pdf())
    (corpus / "scan.pdf").write_bytes(make_pdf([Page(rectangle=True)] * 2))
    (corpus / "page.html").write_text(PAGE)
    (corpus / "notes.docx").write_bytes(sample_docx())
    report = build(corpus, tmp_path / "store.json")
    assert "scan.pdf: no text layer: 2 pages; needs OCR" in " ".join(report.warnings)
    with Store(tmp_path / "store.json") as store:
        scan = store.source("scan.pdf")
        assert scan is not None and scan.note == "no text layer: 2 pages; needs OCR"
        assert scan.passages == 0 and len(scan.pages) == 2
        pdf = store.source("report.pdf")
        assert pdf is not None and pdf.format == "pdf"
        assert [p[0] for p in pdf.pages] == ["1", "2", "3"]
        text = store.text("report.pdf")
        for passage in store.passages("report.pdf"):
            assert passage.page == pdf.page_at(passage.start)
            label = pdf.pages[passage.page - 1][0] if passage.page else None
            assert label == pdf.page_label(passage.start)
        assert "Page 2 of 3" in text
        web = store.source("page.html")
        assert web is not None
        assert (web.title, web.publisher, web.published) == (
            "Officials Confirm Talks Resumed",
            "Radio Free Europe",
            "2023-03-09",
        )
        assert web.url == "https://www.example.org/a/talks-resumed/123.html"
        assert web.basis_of("title").startswith("first <h1>")
        docx = store.source("notes.docx")
        assert docx is not None and docx.author == "A. Analyst"


def test_line_end_hyphens_are_joined_unless_the_word_is_hyphenated() -> None:
    from store.corpus.formats.pdflayout import Vocabulary

    vocabulary = Vocabulary(["a well-known case", "the cooperation of both", "a non-state actor"])
    assert vocabulary.keeps_hyphen("well", "known")  # spelled with a hyphen elsewhere
    assert not vocabulary.keeps_hyphen("coop", "eration")  # spelled closed elsewhere
    assert not vocabulary.keeps_hyphen("informa", "tion")  # typographic: joined
    assert vocabulary.keeps_hyphen("pro", "Russian")  # capitalised second part
    assert vocabulary.keeps_hyphen("self", "defence")  # a hyphenating prefix
    assert vocabulary.keeps_hyphen("COVID", "19")


def test_a_word_hyphenated_across_a_page_break_is_made_whole() -> None:
    from store.corpus.formats.pdflayout import Paragraph, Vocabulary, carry_hyphenated_words

    pages = [
        [Paragraph("The mission kept a particu-", BODY), Paragraph("Page 1", BOILERPLATE)],
        [Paragraph("Report", BOILERPLATE), Paragraph("lar record of it.", BODY)],
    ]
    carry_hyphenated_words(pages, Vocabulary([]))
    assert [p.text for p in pages[0]] == ["The mission kept a particular", "Page 1"]
    assert [p.text for p in pages[1]] == ["Report", "record of it."]
