"""Lazy package exports: a package's public names, imported only when first used.

`import store` must stay cheap (print mode and the app's first frame import it), yet the
package exports names whose modules pull in numpy or build automata at import. Each package
`__init__` lists its exports with the module that defines them; `lazy_exports` returns the
module-level `__getattr__` and `__dir__` (PEP 562) that import a module on first access.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(
    package: str, exports: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for `package`, whose name `n` lives in `exports[n]`."""
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__
