"""The build's machinery: staleness from a stat index, per-document parts, the corpus-wide run.

`state` (is anything changed? a stat per file, light to import), `keys` (digests and cache
keys), `extract` (one document's parts, in worker processes), `parts` (their byte form for the
cache), `assemble` (one build). `store.build` is the entry point. Imports every stage package.
"""
