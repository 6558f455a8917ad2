"""How `y`, `Y` and the exports cite: Markdown (the default), pandoc, or a CSL style.

- `markdown`: `> "…" — Author, *Title*, Publisher, date, ¶ 7` (tui.model.citation).
- `pandoc`: `> "…" [@daly2014real, para. 7]`, the key shared with the BibTeX and CSL-JSON
  exports (`dossier export sources`), the locator the passage number `dossier show` prints.
- any other value is a CSL style (`chicago-author-date`, `apa`, a `.csl` path) rendered by
  citeproc-py: `> "…" (Daly 2014, para. 7)`, and `Y` gives the reference-list entry.
"""

from __future__ import annotations

from collections.abc import Iterable

from store.export.bibliography import csl_json
from store.export.citekeys import citation_keys
from store.export.csl import Renderer
from store.models import Source
from tui.model.citation import citation, quote, quote_text

MARKDOWN = "markdown"
PANDOC = "pandoc"
CHOICES = (MARKDOWN, PANDOC, "chicago-author-date", "apa", "harvard-cite-them-right")


class Citer:
    def __init__(self, style: str, sources: Iterable[Source]) -> None:
        self.style = style.strip() or MARKDOWN
        self.sources = list(sources)
        self.keys = citation_keys(self.sources)
        self._renderer: Renderer | None = None
        if self.style not in (MARKDOWN, PANDOC):
            self._renderer = Renderer(self.style, csl_json(self.sources))  # StyleError if bad

    def key(self, source: Source) -> str:
        return self.keys.get(source.file) or citation_keys([source])[source.file]

    def cite(self, source: Source, passage: int | None = None, offset: int | None = None) -> str:
        """The citation that follows a quote; the locator is the page (paged documents) or
        the passage number."""
        page = source.page_label(offset) if offset is not None else None
        if self.style == PANDOC:
            locator = (
                f", p. {page}" if page else f", para. {passage}" if passage is not None else ""
            )
            return f"[@{self.key(source)}{locator}]"
        if self._renderer is not None:
            return self._renderer.cite(self.key(source), passage, page)
        return citation(source, offset, passage)

    def quote(
        self, text: str, source: Source, offset: int | None = None, passage: int | None = None
    ) -> str:
        """What `y` copies."""
        if self.style == MARKDOWN:
            return quote(text, source, offset, passage)
        return f'> "{quote_text(text)}" {self.cite(source, passage, offset)}'

    def citation(
        self, source: Source, offset: int | None = None, passage: int | None = None
    ) -> str:
        """What `Y` copies: the full reference in a CSL style, the citation otherwise."""
        if self._renderer is not None:
            return self._renderer.reference(self.key(source))
        return self.cite(source, passage, offset)

    def references(self, files: Iterable[str]) -> list[str]:
        """Reference-list entries of these sources, for an export's end (CSL styles only)."""
        if self._renderer is None:
            return []
        wanted = set(files)
        return self._renderer.references(
            [self.keys[s.file] for s in self.sources if s.file in wanted]
        )
