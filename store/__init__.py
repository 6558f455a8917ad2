"""Dossier's data core: ingest, extraction, search and the TinyDB store. Never imports the UI."""
