"""The data core never pulls in the UI, and only one module talks to TinyDB."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

STORE = Path(__file__).resolve().parent.parent / "store"


def test_importing_store_leaves_textual_and_rich_out() -> None:
    code = (
        "import sys, importlib, pkgutil, store\n"
        "for m in pkgutil.iter_modules(store.__path__):\n"
        "    importlib.import_module('store.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_db_imports_tinydb() -> None:
    users = sorted(p.name for p in STORE.glob("*.py") if "tinydb" in _imports(p))
    assert users == ["db.py"]


def test_store_sources_never_import_ui_libraries() -> None:
    offenders = sorted(
        p.name for p in STORE.glob("*.py") if _imports(p) & {"textual", "rich", "tui"}
    )
    assert offenders == []
