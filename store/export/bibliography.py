"""Every source as a bibliography entry: CSL-JSON (what Zotero and pandoc exchange), BibTeX, RIS.

All three use the keys of `citekeys`, so `[@daly2014jihadi]` in a pandoc document resolves
against any of them. Unknown metadata is left out rather than written as "unknown"; a
single-word or slashed author ("RFE/RL", "Reuters") is an institution, written literally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from store.export.citekeys import citation_keys, family_name
from store.models import Source

_UNKNOWN = {"", "unknown"}
# Dossier's source kinds -> CSL item type, BibTeX entry type, RIS reference type.
CSL_TYPES = {
    "news": "article-newspaper",
    "analysis": "article-magazine",
    "report": "report",
    "blog": "post-weblog",
}
BIBTEX_TYPES = {"news": "article", "analysis": "article", "report": "techreport", "blog": "misc"}
RIS_TYPES = {"news": "NEWS", "analysis": "JOUR", "report": "RPRT", "blog": "BLOG"}


def _known(value: str) -> bool:
    return value.strip() not in _UNKNOWN


def authors(author: str) -> list[dict[str, str]]:
    """CSL name variables: `{family, given}` for a person, `{literal}` for an institution."""
    if not _known(author):
        return []
    out: list[dict[str, str]] = []
    for name in re.split(r"\s+(?:and|&)\s+|;", author.strip()):
        name = name.strip()
        if not name:
            continue
        if "," in name:
            family, given = (p.strip() for p in name.split(",", 1))
            out.append({"family": family, "given": given})
        elif " " not in name or "/" in name:
            out.append({"literal": name})
        else:
            family = family_name(name)
            out.append({"family": family, "given": name[: -len(family)].strip()})
    return out


def date_parts(published: str) -> list[int] | None:
    """ "2014-09-17" -> [2014, 9, 17]; "2015-11" -> [2015, 11]; "unknown" -> None."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published.strip())
    if m is None:
        return None
    return [int(g) for g in m.groups() if g is not None]


def csl_item(source: Source, key: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": key,
        "type": CSL_TYPES.get(source.kind, "document"),
        "title": source.title or source.file,
    }
    names = authors(source.author)
    if names:
        item["author"] = names
    if _known(source.publisher):
        field = "container-title" if source.kind in ("news", "analysis", "blog") else "publisher"
        item[field] = source.publisher
    parts = date_parts(source.published)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    item["note"] = f"Dossier source file: {source.file}"
    return item


def csl_json(sources: Iterable[Source]) -> list[dict[str, Any]]:
    listed = list(sources)
    keys = citation_keys(listed)
    return [csl_item(s, keys[s.file]) for s in listed]


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def _bib(text: str) -> str:
    def escape(m: re.Match[str]) -> str:
        char = m.group(1)
        return {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(escape, " ".join(text.split()))


def bibtex(sources: Iterable[Source]) -> str:
    listed = list(sources)
    keys = citation_keys(listed)
    entries = []
    for source in listed:
        kind = BIBTEX_TYPES.get(source.kind, "misc")
        fields: list[tuple[str, str]] = []
        names = authors(source.author)
        if names:
            fields.append(
                (
                    "author",
                    " and ".join(
                        "{" + _bib(n["literal"]) + "}"
                        if "literal" in n
                        else f"{_bib(n['family'])}, {_bib(n['given'])}"
                        for n in names
                    ),
                )
            )
        fields.append(("title", "{" + _bib(source.title or source.file) + "}"))
        if _known(source.publisher):
            where = {"article": "journal", "techreport": "institution"}.get(kind, "howpublished")
            fields.append((where, _bib(source.publisher)))
        parts = date_parts(source.published) or []
        if parts:
            fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        if len(parts) > 2:
            fields.append(("day", str(parts[2])))
        fields.append(("note", _bib(f"Dossier source file: {source.file}")))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{keys[source.file]},\n{body}\n}}\n")
    return "\n".join(entries)


def ris(sources: Iterable[Source]) -> str:
    listed = list(sources)
    keys = citation_keys(listed)
    records = []
    for source in listed:
        lines = [f"TY  - {RIS_TYPES.get(source.kind, 'GEN')}", f"ID  - {keys[source.file]}"]
        for name in authors(source.author):
            who = name.get("literal") or f"{name['family']}, {name['given']}"
            lines.append(f"AU  - {_line(who)}")
        lines.append(f"TI  - {_line(source.title or source.file)}")
        if _known(source.publisher):
            tag = "T2" if source.kind in ("news", "analysis", "blog") else "PB"
            lines.append(f"{tag}  - {_line(source.publisher)}")
        parts = date_parts(source.published) or []
        if parts:
            lines.append(f"PY  - {parts[0]}")
            lines.append("DA  - " + "/".join(f"{p:02d}" for p in parts) + "/")
        lines.append(f"N1  - {_line('Dossier source file: ' + source.file)}")
        lines.append("ER  - ")
        records.append("\n".join(lines) + "\n")
    return "\n".join(records)


def _line(text: str) -> str:
    """RIS is one field a line: a value's own line breaks would end the field."""
    return " ".join(text.split())
