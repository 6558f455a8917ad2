"""Exports: the chronology, the notes brief, the sources as a bibliography, the entities.

Pure functions from records (and user data) to text: `citekeys` gives every source one stable
citation key (the key pandoc citations, BibTeX and CSL-JSON share), `bibliography` writes
CSL-JSON, BibTeX and RIS, `csl` renders citations and references through citeproc-py with a
CSL style, `tables` writes the chronology and the entities as CSV, Markdown or JSON, and
`brief` the notes as a Markdown brief or JSON. How a quote's citation reads in Markdown is the
caller's (the app's and the CLI's `tui.model.citation`), handed in as a function.
"""
