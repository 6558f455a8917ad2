"""User settings that outlive a session: `$XDG_CONFIG_HOME/dossier/config.toml`, one
`key = "value"` a line; an environment variable (`DOSSIER_CITATION`) overrides the file.

Only keys Dossier writes itself live here, so saving rewrites the one line of its key and keeps
every other line (comments included) as the user left it.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from store.storage.atomic import write_bytes_atomic

CITATION = "citation"
ENV = {CITATION: "DOSSIER_CITATION"}
DEFAULTS = {CITATION: "markdown"}


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "dossier" / "config.toml"


def _file_settings(path: Path) -> dict[str, str]:
    try:
        parsed = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # an unreadable config never stops the app; the default applies
    return {k: v for k, v in parsed.items() if isinstance(v, str)}


def setting(key: str) -> str:
    env = ENV.get(key)
    if env and os.environ.get(env):
        return os.environ[env]
    return _file_settings(config_path()).get(key, DEFAULTS.get(key, ""))


def save_setting(key: str, value: str) -> Path:
    """Write `key = "value"` into the config file, replacing its old line."""
    path = config_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    line = f'{key} = "{escaped}"'
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    replaced = [line if pattern.match(old) else old for old in lines]
    if line not in replaced:
        replaced.append(line)
    write_bytes_atomic(path, ("\n".join(replaced) + "\n").encode())
    return path
