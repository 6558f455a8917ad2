"""The web-page reader finds trafilatura's article in the page's own text, whatever shape the
extractor gives it: these pages reproduce the shapes that once lost the article altogether."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.corpus.formats import reader_for
from store.corpus.formats.base import Reading
from store.models import BODY, BOILERPLATE, HEADING
from store.text.segment import passage_spans, segment

# Invented text, several sentences a paragraph, as an article has.
PARAGRAPHS = [
    "The council met on Tuesday to discuss the new water agreement, which the two provinces "
    "had negotiated for most of the past year without reaching a final text.",
    "Its members disagreed about the share of the river each side may draw in a dry summer, "
    "and about who pays for the new gauges that would measure it at the border.",
    "A vote is expected next month, after the engineers have reported on the state of the dams "
    "upstream and the cost of repairing the oldest of them before the autumn floods.",
    "Farmers' groups on both banks said they would accept any deal that guaranteed them water "
    "in August, when the crops need it most and the river runs lowest.",
]


def read(markup: str) -> tuple[Reading, list[tuple[str, str]]]:
    data = markup.encode()
    reading = reader_for("page.html", data).read(data, "page.html", [])
    passages, _ = segment("page.html", reading.text, reading.regions)
    return reading, [(reading.text[p.start : p.end], p.kind) for p in passages]


def layout_table_page() -> str:
    """An old-style page: the article is a cell of a layout table, a byline in the middle."""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html><head><title>Weekly report [Example News]</title></head>
<body><table class="Page"><tr>
<td class="LeftColumn"><div class="SideBox"><p class="Header">Not logged in</p>
<p><a href="/login">Log in now</a></p><p><a href="/subscribe">Subscribe to Example</a></p></div>
<div class="SideBox"><p class="Header">Recent features</p>
<p><a href="/a/1">Budget talks stall again</a></p><p><a href="/a/2">A new bridge for the capital</a></p></div></td>
<td><table><tr><td class="MidColumn">
<div class="PageHeadline"><h1>Weekly report for March 26</h1></div>
<div class="ArticleText"><h2><a href="/a/3">The river agreement</a></h2>
<div class="FeatureByline">By <b>Ann Writer</b><br>March 25, 2015</div>
{body}
</div></td></tr></table></td></tr></table></body></html>"""


def test_an_article_inside_a_layout_table_is_body() -> None:
    # trafilatura gives the table as one Markdown row ("| ... |") and leaves the byline out:
    # the article was searched for as one whole line, never found, and every passage was
    # boilerplate (F1 0.000 on a real page of this shape).
    reading, passages = read(layout_table_page())
    body = [text for text, kind in passages if kind == BODY]
    assert body == PARAGRAPHS
    furniture = {text for text, kind in passages if kind == BOILERPLATE}
    for piece in ("Log in now", "Subscribe to Example", "Budget talks stall again"):
        assert piece in furniture, piece
    for region in reading.regions:  # offsets slice back: each region's ends are passage ends
        assert (
            reading.text[region.start : region.end].strip()
            == reading.text[region.start : region.end]
        )


def test_an_article_written_without_spaces_is_body() -> None:
    # Japanese runs on without spaces between words; matched on letters, not words.
    story = (
        "肉をくわえたイヌが、橋を渡っていました。ふと下を見ると、川の中にも肉をくわえたイヌがいます。"
        "イヌはそれを見て、思いました。あいつの肉の方が、大きそうだ。そこでイヌは、川の中のイヌに"
        "向かって思いっきり吠えました。そのとたん、くわえていた肉は川の中に落ちてしまいました。"
    )
    moral = (
        "同じ物を持っていても、人が持っている物の方が良く見え、欲張ると損をするというお話しです。"
    )
    markup = f"""<!DOCTYPE html><html><head><title>欲張りなイヌ</title></head><body>
<div class="menu"><ul><li><a href="/1">きょうの記念日</a></li><li><a href="/2">きょうの誕生花</a></li>
<li><a href="/3">なぞなぞ小学校</a></li></ul></div>
<table><tr><td><p>欲張りなイヌ</p><p>{story}</p><p>{moral}</p><p>おしまい</p></td></tr></table>
</body></html>"""
    _, passages = read(markup)
    body = [text for text, kind in passages if kind == BODY]
    assert story in body and moral in body
    furniture = {text for text, kind in passages if kind == BOILERPLATE}
    assert "きょうの記念日" in furniture


def test_short_table_cells_of_the_article_stay_in_it() -> None:
    # Cells too short for a shared run ("Astana", "1997") are found where a passage begins or
    # ends with them; a row of two such cells was once boilerplate in the middle of the article.
    rows = [("Capital", "Astana"), ("Since", "1997"), ("Region", "Akmola")]
    table = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
    markup = f"""<!DOCTYPE html><html><head><title>Capitals</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>The capital moved north</h1><p>{PARAGRAPHS[0]}</p>
<table>{table}</table><p>{PARAGRAPHS[1]}</p></article>
<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer></body></html>"""
    reading, _ = read(markup)
    body_regions = [(r.start, r.end) for r in reading.regions if r.kind == BODY]

    def in_article(piece: str) -> bool:
        at = reading.text.index(piece)
        return any(a <= at < b for a, b in body_regions)

    for a, b in rows:
        assert in_article(a) and in_article(b), (a, b)
    assert in_article(PARAGRAPHS[0][:40]) and in_article(PARAGRAPHS[1][:40])
    assert not in_article("Home") and not in_article("Copyright 2024")


def test_a_code_block_of_short_lines_stays_in_the_article() -> None:
    # trafilatura keeps a <pre> block's lines; each is too short for a run of its own, and the
    # block was boilerplate until runs could cross the extractor's line ends.
    code = "function Cow(name) {\n  this.name = name;\n}\nCow.prototype = {\n  greets: 1\n};\n"
    markup = f"""<!DOCTYPE html><html><head><title>Code</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/code">Code</a></li></ul></nav>
<article><h1>Testing a cow</h1><p>{PARAGRAPHS[0]}</p><pre><code>{code}</code></pre>
<p>{PARAGRAPHS[1]}</p></article><footer><p>Copyright 2013 A. Writer</p></footer></body></html>"""
    reading, passages = read(markup)
    block = next(text for text, _ in passages if text.startswith("function Cow"))
    start = reading.text.index(block)
    kinds = [r.kind for r in reading.regions if r.start <= start < r.end]
    assert kinds == [BODY]
    assert reading.text[start : start + len(block)] == block


def test_a_teaser_repeating_the_lead_is_not_the_article_twice() -> None:
    # A sidebar teaser quotes most of the lead; trafilatura leaves the sidebar out. Each of
    # the article's runs is used as often as the article has it, by the passage it covers
    # best: the lead keeps them, the teaser is boilerplate.
    lead = PARAGRAPHS[0]
    teaser = "Read next: " + lead[: lead.index(" without")] + "."
    markup = f"""<!DOCTYPE html><html><head><title>Water</title></head><body>
<div class="sidebar"><ul><li><a href="/next">{teaser}</a></li></ul></div>
<article><h1>The river agreement</h1><p>{lead}</p><p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p></article></body></html>"""
    _, passages = read(markup)
    kinds = dict(passages)
    assert kinds[lead] == BODY
    assert kinds[teaser] == BOILERPLATE


def test_the_headline_is_a_heading_not_furniture() -> None:
    # trafilatura leaves the headline out of the article; it is the page's title, shown as
    # a heading, never dimmed with the menus. Only the first passage that is the title.
    markup = f"""<!DOCTYPE html><html><head><title>River deal signed - Example News</title>
<meta property="og:site_name" content="Example News"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="story"><div class="headline"><h1>River deal signed</h1></div>
<div class="byline">By A. Writer</div>
<div class="story-body">{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</div></div>
<aside><h3>Most read</h3><ul><li><a href="/1">River deal signed</a></li></ul></aside>
</body></html>"""
    reading, passages = read(markup)
    assert reading.meta.title == "River deal signed"
    kinds = [kind for text, kind in passages if "River deal signed" in text]
    assert kinds == [HEADING, BOILERPLATE]  # the headline, then the sidebar's link to it
    assert [t for t, k in passages if k == BODY] == PARAGRAPHS


_WORDS = st.sampled_from(
    ["talks", "resumed", "Astana", "the", "1997", "&amp;", "川の中", "«", "»", "Home", ".", ","]
)
_TEXT = st.lists(_WORDS, min_size=1, max_size=30).map(" ".join)
_BLOCK = st.tuples(st.sampled_from(["p", "li", "td", "h2", "pre", "div", "nav"]), _TEXT).map(
    lambda b: f"<{b[0]}>{b[1]}</{b[0]}>"
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, min_size=1, max_size=25))
def test_regions_always_slice_back_to_whole_passages(blocks: list[str]) -> None:
    # Whatever the extractor makes of a page, the regions cover whole passages of the text
    # the reader shows, in order, without overlap, and never raise.
    reading, _ = read("<html><body>" + "".join(blocks) + "</body></html>")
    spans = [(r.start, r.end) for r in reading.regions]
    assert spans == sorted(spans)
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    whole = passage_spans(reading.text)
    starts, ends = {a for a, _ in whole}, {b for _, b in whole}
    for region in reading.regions:
        assert region.start in starts and region.end in ends
        assert region.kind in (BODY, BOILERPLATE, HEADING)
