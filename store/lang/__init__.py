"""Language data: the words and cues each extraction stage reads, one package per language.

Only English today (`store.lang.en`). Following spaCy's `lang/` habit, a language package
holds vocabulary, never grammar or algorithms: the stages' patterns stay with the stages and
take their words from here, so each word list is spelled once. Imports nothing from `store`.
"""
