"""The data core never pulls in the UI, and only the storage module talks to TinyDB.

Every rule walks the whole package tree (`rglob`), so a module moved into a sub-package is
still checked; `make lint` runs the same rules as import-linter contracts.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.paths import REPO

ROOT = REPO
STORE = ROOT / "store"
TUI = ROOT / "tui"
# The derived store and the user-data document layer (see store/storage/documents.py).
STORAGE_MODULES = {"store/storage/db.py", "store/storage/documents.py"}


def _modules(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _imports(path: Path) -> set[str]:
    """Top-level names of every absolute import in the file, wherever it sits."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_importing_every_store_module_leaves_textual_and_rich_out() -> None:
    code = (
        "import sys, importlib, pkgutil, store\n"
        "for m in pkgutil.walk_packages(store.__path__, 'store.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich', 'tui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == ""


def test_only_the_storage_module_imports_tinydb() -> None:
    users = {_relative(p) for p in _modules(STORE) if "tinydb" in _imports(p)}
    assert users == STORAGE_MODULES, users


def test_store_sources_never_import_ui_libraries() -> None:
    offenders = [_relative(p) for p in _modules(STORE) if _imports(p) & {"textual", "rich", "tui"}]
    assert offenders == []


def test_tui_models_never_import_widgets_or_textual() -> None:
    model = TUI / "model"
    offenders = []
    for path in _modules(model) if model.is_dir() else []:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module
            elif isinstance(node, ast.Import):
                module = node.names[0].name
            else:
                continue
            if module.startswith(("tui.widgets", "tui.screens", "textual")):
                offenders.append(f"{_relative(path)}: {module}")
    assert offenders == []
