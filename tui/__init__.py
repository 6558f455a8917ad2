"""Dossier's terminal side: the print-mode CLI (`tui.cli`) and the Textual app (`tui.app`)."""
