"""Text as Dossier cuts it: passages and sentences with exact offsets, passage kinds, folding.

`segment.segment(file, text)` gives a document's passages (body, heading, footnote,
boilerplate; `kinds`) and sentences (`sentences`); every offset slices the original text.
`fold` turns text into search terms without losing the way back to the original characters;
`markdown` holds the Markdown shapes several stages read past. Imports `store.models` and
`store.lang` only.
"""
