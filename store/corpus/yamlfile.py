"""The user's YAML files (`sources.yaml`, `entities.yaml`) read as node graphs, problems placed.

Both files are composed (`yaml.compose`) rather than loaded, so every value keeps the line and
column a message can point at. libyaml's loader is used when PyYAML has it: ~4x faster, and it
refuses nesting deeper than 1,000 levels with a placed error; the pure-Python fallback would
recurse until RecursionError, which is turned into the same kind of message.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from store.corpus.scan import display_name
from store.errors import ManifestError

LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose_file(path: Path, what: str) -> yaml.Node | None:
    """The root node of the YAML file at `path` (None when it is empty); ManifestError with
    file:line:column for a file that cannot be read, is not UTF-8 or is not valid YAML."""
    name = display_name(path)
    try:
        source = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError(name, None, None, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise ManifestError(name, None, None, f"cannot read the {what}: {exc.strerror}") from None
    return compose_text(source, name)


def compose_text(source: str, name: str) -> yaml.Node | None:
    """`compose_file` for text already read; `name` is what messages call it."""
    try:
        node: yaml.Node | None = yaml.compose(source, Loader=LOADER)
    except RecursionError:
        raise ManifestError(name, None, None, "nested too deeply to be read") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if exc.context and exc.context_mark:
            problem += (
                f" ({exc.context} started at line {exc.context_mark.line + 1}, column "
                f"{exc.context_mark.column + 1})"
            )
        raise ManifestError(
            name,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
            f"malformed YAML: {problem}",
        ) from None
    except yaml.YAMLError as exc:
        raise ManifestError(name, None, None, f"malformed YAML: {exc}") from None
    return node
