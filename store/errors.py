"""The one error family the CLI edge turns into a message and exit code 2."""

from __future__ import annotations


class DossierError(Exception):
    """A problem the user can act on; the message says what and where."""

    exit_code = 2


class CorpusError(DossierError):
    """The corpus directory or one of its files cannot be used."""


class ManifestError(DossierError):
    """A YAML manifest (sources.yaml, entities.yaml) is malformed or invalid."""

    def __init__(self, path: str, line: int | None, column: int | None, problem: str) -> None:
        self.path, self.line, self.column, self.problem = path, line, column, problem
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {problem}")


class StoreError(DossierError):
    """The store file cannot be read or written."""


class StoreCorrupt(StoreError):
    """The store file is not valid JSON or misses its meta table; it can be rebuilt."""


class StoreOutdated(StoreCorrupt):
    """The store was written by an older Dossier: it is rebuilt, nothing of it is kept."""


class StoreTooNew(StoreError):
    """The store was written by a newer Dossier; rebuilding would throw its data away."""


class QueryError(DossierError):
    """A search query is malformed; `position` points at the offending character."""

    SHOWN = 100  # characters of a long query shown around the problem

    def __init__(self, query: str, position: int, problem: str) -> None:
        self.query, self.position, self.problem = query, position, problem
        shown, at = query, position
        if len(query) > self.SHOWN:  # a window around the problem, not a 40,000-column line
            lo = max(0, min(position - self.SHOWN // 2, len(query) - self.SHOWN))
            shown = ("…" if lo else "") + query[lo : lo + self.SHOWN]
            shown += "…" if lo + self.SHOWN < len(query) else ""
            at = position - lo + (1 if lo else 0)
        shown = shown.replace("\n", " ").replace("\t", " ")
        pointer = " " * at + "^"
        super().__init__(f"{problem} at column {position + 1}\n  {shown}\n  {pointer}")


class DataFileCorrupt(DossierError):
    """A user-data file is damaged or is not one; it is refused and never overwritten."""


class DataFileTooNew(DossierError):
    """A user-data file was written by a newer Dossier; it is refused and never overwritten."""
