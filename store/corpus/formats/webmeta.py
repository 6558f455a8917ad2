"""A web page's own statement of its metadata: title, author, publisher, date, URL, kind.

What the page declares beats what a text heuristic guesses, and each field keeps its basis:

- title: `og:title` (or JSON-LD `headline`), else the first `<h1>` when the `<title>` holds
  it (so " - Radio Free Europe" goes), else the part of the `<title>` that is one of the
  page's headings, else `<title>` with a site suffix cut when the site's name shows it is one
  (an `<h1>` that is not in the `<title>` is often the site's logo);
- author: `<meta name=author>`, JSON-LD `author`, `article:author` (not a URL), a byline;
- publisher: `og:site_name`, JSON-LD `publisher`;
- published: JSON-LD `datePublished`, `article:published_time`, `itemprop=datePublished`,
  other publication-date meta tags, then the first `<time datetime>` that is not an "updated"
  or "modified" stamp; never a modification date;
- url: `<link rel=canonical>`, `og:url`;
- kind: the JSON-LD or microdata (`itemtype`) schema.org type (NewsArticle -> news,
  BlogPosting -> blog, ScholarlyArticle -> analysis, Report -> report, Legislation -> legal).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from store.corpus.formats.base import Metadata

_ISO_DATE = re.compile(r"\s*((?:1[89]|20)\d\d)-([01]\d)-([0-3]\d)")
_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•:]{1,2})\s+")
_UPDATED = re.compile(r"updat|modif|edit|revis", re.IGNORECASE)
# A stamp written out: "Fri, 13 Mar 2015 21:30:09 +1100" or "Fri Mar 13 21:30:09 EST 2015".
_WRITTEN_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Za-z]{3,9})\.?,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})\b,?[\s\d:]*?(?:[A-Z]{2,5}\s+)?(?P<y2>(?:19|20)\d\d))\b"
)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_BY = re.compile(r"^\s*(?:by|written by|posted by|von|par)\s+", re.IGNORECASE)
# What follows a name in an author field: "(http://...)", "<me@example.org>", "| Site".
_AFTER_NAME = re.compile(r"\s*(?:\((?:https?://|mailto:|www\.)[^)]*\)|<[^<>]*@[^<>]*>|[|].*)\s*$")
_DATE_META = (
    ("property", "article:published_time"),
    ("property", "og:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "citation_publication_date"),
    ("name", "citation_date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.issued"),
    ("name", "dc.date"),
    ("name", "pubdate"),
    ("name", "article:publicationdate"),
    ("name", "publication_date"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "parsely-pub-date"),
    ("name", "sailthru.date"),
    ("name", "date"),
)
_AUTHOR_META = (
    ("name", "author"),
    ("property", "article:author"),
    ("name", "article:author"),
    ("name", "citation_author"),
    ("name", "dc.creator"),
    ("name", "parsely-author"),
    ("name", "byl"),
)
_KINDS = (
    ("opinionnewsarticle", "analysis"),
    ("analysisnewsarticle", "analysis"),
    ("newsarticle", "news"),
    ("reportagenewsarticle", "news"),
    ("liveblogposting", "news"),
    ("blogposting", "blog"),
    ("scholarlyarticle", "analysis"),
    ("report", "report"),
    ("legislation", "legal"),
    ("legaldocument", "legal"),
)


def page_metadata(markup: str, title_tag: str | None) -> Metadata:
    """What the page says of itself; fields it does not state stay None."""
    meta = Metadata()
    root = _parse(markup)
    if root is None:
        meta.set("title", title_tag, "<title>")
        return meta
    tags = _meta_tags(root)
    ld = list(_json_ld(root))
    site = tags.get(("property", "og:site_name")) or _ld_name(_ld_get(ld, "publisher"))
    h1 = next((_text(e) for e in root.iter("h1")), "")
    og = tags.get(("property", "og:title")) or tags.get(("name", "twitter:title"))
    headline = _ld_get(ld, "headline")
    if og:
        meta.set("title", _strip_site(og, site, h1), "og:title")
    elif isinstance(headline, str):
        meta.set("title", _strip_site(headline, site, h1), "JSON-LD headline")
    if h1 and (not title_tag or _key(h1) in _key(title_tag)):
        meta.set("title", h1, "first <h1> (the <title> with the site's name cut)")
    meta.set("title", _heading_part(root, title_tag or ""), "the <title> part that is a heading")
    meta.set("title", _strip_site(title_tag or "", site, h1), "<title>")
    meta.set("title", h1, "first <h1>")

    for key in _AUTHOR_META:
        value = _AFTER_NAME.sub("", tags.get(key, ""))
        if not value.startswith(("http://", "https://")) and len(value) <= 120:
            meta.set("author", value, f"<meta {key[0]}={key[1]}>")
    meta.set("author", _ld_name(_ld_get(ld, "author")), "JSON-LD author")
    meta.set("author", _byline(root), "byline")

    meta.set("publisher", _site_name(tags.get(("property", "og:site_name"))), "og:site_name")
    meta.set("publisher", _ld_name(_ld_get(ld, "publisher")), "JSON-LD publisher")

    published = _ld_get(ld, "datePublished")
    if isinstance(published, str):
        meta.set("published", _iso_day(published), f"JSON-LD datePublished {published.strip()!r}")
    for key in _DATE_META:
        value = tags.get(key, "")
        day = _iso_day(value) or _written_day(value)
        meta.set("published", day, f"<meta {key[0]}={key[1]} content={value!r}>")
    stamp = _time_element(root)
    if stamp is not None:
        meta.set("published", _iso_day(stamp), f"<time datetime={stamp!r}>")

    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            meta.set("url", _absolute(link.get("href")), "<link rel=canonical>")
    meta.set("url", _absolute(tags.get(("property", "og:url"))), "og:url")

    for node in ld:
        for kind_type in _types(node):
            for name, kind in _KINDS:
                if kind_type == name:
                    meta.set("kind", kind, f"JSON-LD @type {kind_type}")
    for element in root.iter():
        itemtype = element.get("itemtype") if isinstance(element.tag, str) else None
        for url in (itemtype or "").split():  # microdata: the same schema.org types
            kind_type = url.rstrip("/").rsplit("/", 1)[-1].lower()
            for name, kind in _KINDS:
                if kind_type == name:
                    meta.set("kind", kind, f"microdata itemtype {url}")
    return meta


def _parse(markup: str) -> Any:
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
    try:
        return lxml.html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def _meta_tags(root: Any) -> dict[tuple[str, str], str]:
    """Every `<meta>` by (attribute, lowercased name): the first of each wins."""
    tags: dict[tuple[str, str], str] = {}
    for element in root.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop"):
            name = element.get(attribute)
            if name:
                key = (attribute, name.strip().lower() if attribute != "itemprop" else name.strip())
                tags.setdefault(key, content.strip())
    return tags


def _json_ld(root: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, `@graph` members included; bad JSON is ignored."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _types(node: dict[str, Any]) -> list[str]:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return [k.lower() for k in kinds if isinstance(k, str)]


def _ld_get(nodes: list[dict[str, Any]], key: str) -> Any:
    """`key` of the page's article node (a type ending in Article, Posting or Report), else of
    the first node that has it."""
    articles = [
        n for n in nodes if any(t.endswith(("article", "posting", "report")) for t in _types(n))
    ]
    for node in [*articles, *nodes]:
        if node.get(key):
            return node[key]
    return None


def _ld_name(value: Any) -> str | None:
    """A JSON-LD person or organisation (or a list of them) as names."""
    if isinstance(value, str):
        return None if value.startswith(("http://", "https://")) else value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    return None


def _strip_site(title: str, site: str | None, h1: str) -> str:
    """`title` without a site name before or after a separator, when evidence shows it is one."""
    title = " ".join(title.split())
    if h1 and title != h1 and title.startswith(h1) and _SEPARATORS.match(title, len(h1)):
        return h1
    parts = _SEPARATORS.split(title)
    if len(parts) < 2 or not site:
        return title
    key = _key(site)
    if _key(parts[-1]) and (_key(parts[-1]) in key or key in _key(parts[-1])):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—·•:")
    if _key(parts[0]) and (_key(parts[0]) in key or key in _key(parts[0])):
        return title[len(parts[0]) :].lstrip(" |-–—·•:")
    return title


def _key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _iso_day(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO 8601 stamp ("2023-03-09T10:00:00+01:00"), as written."""
    m = _ISO_DATE.match(value or "")
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _written_day(value: str) -> str | None:
    """YYYY-MM-DD from a stamp written out (RFC 2822, or the asctime/Java form), as stated."""
    m = _WRITTEN_DATE.search(value)
    if m is None:
        return None
    day, month = m.group("d1") or m.group("d2"), m.group("m1") or m.group("m2")
    number = _MONTHS.get(month[:3].lower())
    try:
        return (
            date(int(m.group("y1") or m.group("y2")), number, int(day)).isoformat()
            if number
            else None
        )
    except ValueError:
        return None


def _heading_part(root: Any, title: str) -> str | None:
    """The part of a `<title>` cut at separators that is one of the page's headings (the
    article's `<h2>` under a site-logo `<h1>`): "Story | Section | Site" -> "Story"."""
    parts = [p for p in _SEPARATORS.split(" ".join(title.split())) if _key(p)]
    if len(parts) < 2:
        return None
    headings = {_key(_text(e)) for e in root.iter("h1", "h2", "h3")}
    matches = [p for p in parts if _key(p) in headings]
    return max(matches, key=len) if matches else None


def _time_element(root: Any) -> str | None:
    """The `datetime` of the page's publication `<time>`: one marked as such first, else the
    first one that neither it nor its parent calls an update or a modification."""
    stamps: list[tuple[int, str]] = []
    for element in root.iter("time"):
        stamp = element.get("datetime")
        if not stamp:
            continue
        parent = element.getparent()
        around = (
            " ".join(
                str(e.get(a) or "")
                for e in (element, parent)
                if e is not None
                for a in ("class", "itemprop", "id")
            )
            + " "
            + (_text(parent)[:40] if parent is not None else "")
        )
        if element.get("itemprop") == "datePublished" or element.get("pubdate") is not None:
            stamps.append((0, stamp))
        elif not _UPDATED.search(around):
            stamps.append((1, stamp))
    return min(stamps, key=lambda s: s[0])[1] if stamps else None


def _byline(root: Any) -> str | None:
    """The text of an element marked as the author (rel=author, itemprop/class author/byline)."""
    for element in root.iter("a", "span", "div", "p", "address"):
        marks = " ".join(str(element.get(a) or "") for a in ("rel", "itemprop", "class")).lower()
        if "author" in marks or "byline" in marks:
            text = _BY.sub("", _text(element)).strip(" —–-|,·•:")
            if (
                text
                and len(text) <= 80
                and len(text.split()) <= 8
                and not any(c.isdigit() for c in text)
            ):
                return text
    return None


def _site_name(value: str | None) -> str | None:
    """An `og:site_name` as a name: some sites put their address there ("http://www.x.com")."""
    value = (value or "").strip()
    if value.startswith(("http://", "https://")):
        host = value.split("://", 1)[1].split("/", 1)[0]
        return host.removeprefix("www.") or None
    return value or None


def _absolute(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if url.startswith(("http://", "https://")) else None
