"""`sources.yaml`: per-file metadata, validated with the line and column of every problem."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml

from store.corpus.names import CATALOGUE_NAME, MANIFEST_NAME
from store.corpus.yamlfile import compose_file
from store.errors import ManifestError

__all__ = ["CATALOGUE_NAME", "MANIFEST_NAME", "load_manifest", "precision_of"]
SOURCE_KINDS = ("news", "analysis", "report", "blog", "unknown")
MANIFEST_FIELDS = ("title", "author", "publisher", "kind", "published", "published_basis")


def load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """Parse `sources.yaml`: a mapping of file name to metadata, validated with line numbers."""
    if not path.exists():
        return {}
    root = compose_file(path, "manifest")
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise _node_error(path, root, "expected a mapping of file name to its metadata")
    manifest: dict[str, dict[str, Any]] = {}
    for key_node, value_node in root.value:
        name = key_node.value
        if not isinstance(key_node, yaml.ScalarNode) or not name:
            raise _node_error(path, key_node, "a file name must be a plain string")
        if name in manifest:
            raise _node_error(path, key_node, f"{name!r} is listed twice")
        if not isinstance(value_node, yaml.MappingNode):
            raise _node_error(path, value_node, f"the entry for {name!r} must be a mapping")
        entry: dict[str, Any] = {}
        for field_node, field_value in value_node.value:
            key = field_node.value
            if key not in MANIFEST_FIELDS:
                raise _node_error(
                    path, field_node, f"unknown field {key!r} (known: {', '.join(MANIFEST_FIELDS)})"
                )
            if not isinstance(field_value, yaml.ScalarNode):
                raise _node_error(path, field_value, f"{key!r} must be a single value")
            value = str(field_value.value).strip()
            if key == "kind" and value not in SOURCE_KINDS:
                raise _node_error(
                    path, field_value, f"kind {value!r} is not one of {', '.join(SOURCE_KINDS)}"
                )
            if key == "published" and not _valid_date(value):
                raise _node_error(
                    path,
                    field_value,
                    f"published {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or unknown",
                )
            entry[key] = value
        manifest[name] = entry
    return manifest


def _valid_date(value: str) -> bool:
    if value == "unknown":
        return True
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return False
    month, day = match.group(2), match.group(3)
    if month and not 1 <= int(month) <= 12:
        return False
    if day:
        try:
            datetime.date(int(match.group(1)), int(month), int(day))
        except ValueError:
            return False
    return True


def precision_of(value: str) -> str:
    """day, month, year or unknown, from the shape of a date string."""
    if value == "unknown" or not value:
        return "unknown"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def _node_error(path: Path, node: yaml.Node, problem: str) -> ManifestError:
    mark = node.start_mark
    return ManifestError(str(path), mark.line + 1, mark.column + 1, problem)
