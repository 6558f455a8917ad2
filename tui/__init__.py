"""Dossier's terminal side: the print-mode CLI (`tui.cli`) and the Textual app (`tui.app`).

`model/` holds plain UI state (no textual), `widgets/` and `screens/` draw it, `cli/` prints.
Everything here may import `store`'s public packages; `store` never imports anything here.
"""
