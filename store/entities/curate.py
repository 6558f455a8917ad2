"""Curation: the user's corrections written into the corpus's `entities.yaml`.

Merge two entities, split an alias off, rename, change the type, exclude a false positive, and
undo. Each edit goes through ruamel.yaml's round-trip mode, so the file keeps its comments,
key order, quoting and indentation; the new text is validated with the catalogue's own loader
before it replaces the file (atomically), so a bad edit never reaches the disk. The text the
file had before each edit is kept in a journal beside the store (`STORE.curation.json`), which
is what `undo` restores. The next build applies the file, as it applies any edit of it.

An entity the file does not list yet (discovered, or from the base knowledge) gets an entry of
its own, with the names the store gave it; two entries of the file are never merged by
coreference, which is what keeps a split apart.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from store.entities.catalogue import Catalogue, form_key, load_catalogue
from store.errors import DossierError, ManifestError
from store.models import ENTITY_TYPES, Entity
from store.storage.atomic import write_bytes_atomic

__all__ = ["CurationError", "Curator", "journal_path"]

JOURNAL_LIMIT = 100


class CurationError(DossierError):
    """An edit that cannot be made (unknown alias, nothing to undo, a file that won't parse)."""


def journal_path(store_path: Path) -> Path:
    return Path(store_path).with_name(Path(store_path).name + ".curation.json")


@dataclass(slots=True)
class _Doc:
    root: CommentedMap | CommentedSeq
    indent: int
    sequence_indent: int


class Curator:
    """Edits one corpus's entities.yaml; every method returns what it did, in words."""

    def __init__(self, catalogue_path: Path, store_path: Path) -> None:
        self.path = Path(catalogue_path)
        self.journal = journal_path(store_path)

    # -- the edits ------------------------------------------------------------------------
    def merge(self, keep: Entity, gone: Entity) -> str:
        """`gone` becomes names of `keep`: its entry (if any) is removed, its names move."""
        if keep.id == gone.id:
            raise CurationError(f"{keep.name!r} cannot be merged with itself")

        def edit(doc: _Doc) -> None:
            entries = self._entries(doc)
            moved = [gone.name, *gone.aliases]
            target = self._entry_for(entries, keep)
            for entry in list(entries):
                if entry is not target and self._names(entry) & _keys([gone.name, gone.id]):
                    moved += [str(a) for a in _aliases(entry)]
                    entries.remove(entry)
            others = {
                form_key(str(e.get("name", "")))
                for e in entries
                if e is not target and isinstance(e, dict)
            }
            moved = [m for m in moved if form_key(m) not in others]  # other entities' names
            self._release(entries, moved, keep_in=target)
            self._add_aliases(target, moved)

        return self._apply(edit, f"merged {gone.name!r} into {keep.name!r}")

    def split(self, entity: Entity, alias: str) -> str:
        """`alias` becomes an entity of its own, of the same type."""
        if form_key(alias) not in _keys(entity.aliases):
            raise CurationError(f"{alias!r} is not an alias of {entity.name!r}")

        def edit(doc: _Doc) -> None:
            entries = self._entries(doc)
            target = self._entry_for(entries, entity)
            self._release(entries, [alias], keep_in=None)
            entries.append(_entry(alias, entity.type, []))
            del target  # its aliases no longer hold `alias`

        return self._apply(edit, f"split {alias!r} off {entity.name!r}")

    def rename(self, entity: Entity, name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise CurationError("a new name must not be empty")

        def edit(doc: _Doc) -> None:
            entries = self._entries(doc)
            target = self._entry_for(entries, entity)
            old = str(target["name"])
            self._release(entries, [name], keep_in=target)
            target["name"] = name
            aliases = [a for a in _aliases(target) if form_key(str(a)) != form_key(name)]
            if form_key(old) != form_key(name) and form_key(old) not in _keys(aliases):
                aliases.append(old)
            _set_aliases(target, aliases)

        return self._apply(edit, f"renamed {entity.name!r} to {name!r}")

    def set_type(self, entity: Entity, kind: str) -> str:
        if kind not in ENTITY_TYPES:
            raise CurationError(f"unknown type {kind!r} (use one of {', '.join(ENTITY_TYPES)})")

        def edit(doc: _Doc) -> None:
            self._entry_for(self._entries(doc), entity)["type"] = kind

        return self._apply(edit, f"{entity.name!r} is now of type {kind}")

    def exclude(self, name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise CurationError("a name to exclude must not be empty")

        def edit(doc: _Doc) -> None:
            top = self._top(doc)
            exclude = top.get("exclude")
            if exclude is None:
                exclude = top["exclude"] = CommentedSeq()
            if form_key(name) not in _keys(exclude):
                exclude.append(name)

        return self._apply(edit, f"excluded {name!r}")

    def undo(self) -> str:
        """Put back the file as it was before the last edit."""
        journal = self._journal()
        if not journal:
            raise CurationError("nothing to undo: no edit of entities.yaml was made from Dossier")
        last = journal.pop()
        before = last["before"]
        if before is None:
            if self.path.exists():
                self.path.unlink()
        else:
            write_bytes_atomic(self.path, str(before).encode("utf-8"))
        write_bytes_atomic(self.journal, orjson.dumps(journal))
        return f"undid: {last['what']}"

    def history(self) -> list[str]:
        return [str(item["what"]) for item in self._journal()]

    # -- reading and writing --------------------------------------------------------------
    def _apply(self, edit: Any, what: str) -> str:
        before = self.path.read_text(encoding="utf-8") if self.path.exists() else None
        doc = self._load(before)
        edit(doc)
        text = self._dump(doc)
        self._validate(text)
        journal = self._journal()
        journal.append({"before": before, "what": what})
        write_bytes_atomic(self.journal, orjson.dumps(journal[-JOURNAL_LIMIT:]))
        write_bytes_atomic(self.path, text.encode("utf-8"))
        return what

    def _yaml(self, doc: _Doc | None = None) -> YAML:
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096  # never re-wrap the user's long lines
        if doc is not None:
            # as ruamel's load_yaml_guess_indent documents: the same guess for both
            yaml.indent(mapping=doc.indent, sequence=doc.indent, offset=doc.sequence_indent)
        return yaml

    def _load(self, text: str | None) -> _Doc:
        if not text or not text.strip():
            root = CommentedMap()
            root["entities"] = CommentedSeq()
            return _Doc(root, 4, 2)
        try:
            root, indent, sequence_indent = load_yaml_guess_indent(text, yaml=self._yaml())
        except YAMLError as exc:
            raise CurationError(f"{self.path}: cannot be read as YAML ({exc})") from None
        if not isinstance(root, CommentedMap | CommentedSeq):
            raise CurationError(f"{self.path}: the catalogue must be a mapping or a list")
        return _Doc(root, indent or 4, sequence_indent if sequence_indent is not None else 2)

    def _dump(self, doc: _Doc) -> str:
        out = io.StringIO()
        self._yaml(doc).dump(doc.root, out)
        return out.getvalue()

    def _validate(self, text: str) -> Catalogue:
        probe = self.journal.with_name(self.journal.name + ".check.yaml")
        write_bytes_atomic(probe, text.encode("utf-8"))
        try:
            return load_catalogue(probe)
        except ManifestError as exc:
            raise CurationError(
                f"{self.path}: the edit would make the catalogue invalid ({exc.problem}); "
                "the file is unchanged"
            ) from None
        finally:
            probe.unlink(missing_ok=True)

    def _journal(self) -> list[dict[str, Any]]:
        if not self.journal.exists():
            return []
        try:
            data = orjson.loads(self.journal.read_bytes())
        except orjson.JSONDecodeError:
            return []
        return data if isinstance(data, list) else []

    # -- the document's parts -------------------------------------------------------------
    @staticmethod
    def _top(doc: _Doc) -> CommentedMap:
        if isinstance(doc.root, CommentedSeq):
            top = CommentedMap()
            top["entities"] = doc.root  # a bare list of entities becomes `entities:`
            doc.root = top
        return doc.root

    def _entries(self, doc: _Doc) -> CommentedSeq:
        top = self._top(doc)
        entries = top.get("entities")
        if entries is None:
            entries = top["entities"] = CommentedSeq()
        if not isinstance(entries, CommentedSeq):
            raise CurationError(f"{self.path}: `entities:` must be a list")
        return entries

    @staticmethod
    def _names(entry: Any) -> set[str]:
        if not isinstance(entry, dict):
            return set()
        names = [str(entry.get("name", "")), str(entry.get("id", ""))]
        return _keys(names + [str(a) for a in _aliases(entry)]) - {""}

    def _entry_for(self, entries: CommentedSeq, entity: Entity) -> CommentedMap:
        """The file's entry for `entity` (by id or name), made from the store's record if the
        file has none."""
        wanted = _keys([entity.id, entity.name])
        for entry in entries:
            if isinstance(entry, CommentedMap) and (
                form_key(str(entry.get("id", ""))) in wanted
                or form_key(str(entry.get("name", ""))) in wanted
            ):
                return entry
        entry = _entry(entity.name, entity.type, list(entity.aliases))
        self._release(entries, [entity.name, *entity.aliases], keep_in=None)
        entries.append(entry)
        return entry

    @staticmethod
    def _release(entries: CommentedSeq, forms: list[str], keep_in: Any) -> None:
        """Take `forms` out of every entry but `keep_in` (an alias belongs to one entity)."""
        keys = _keys(forms)
        for entry in entries:
            if entry is keep_in or not isinstance(entry, CommentedMap):
                continue
            aliases = _aliases(entry)
            kept = [a for a in aliases if form_key(_form(a)) not in keys]
            if len(kept) != len(aliases):
                _set_aliases(entry, kept)

    @staticmethod
    def _add_aliases(entry: CommentedMap, forms: list[str]) -> None:
        aliases = list(_aliases(entry))
        have = _keys([str(entry["name"]), *(_form(a) for a in aliases)])
        for form in forms:
            if form_key(form) not in have:
                aliases.append(form)
                have.add(form_key(form))
        _set_aliases(entry, aliases)


def _form(alias: Any) -> str:
    return str(alias.get("form", "")) if isinstance(alias, dict) else str(alias)


def _aliases(entry: Any) -> list[Any]:
    aliases = entry.get("aliases") if isinstance(entry, dict) else None
    return list(aliases) if isinstance(aliases, list) else []


def _set_aliases(entry: CommentedMap, aliases: list[Any]) -> None:
    current = entry.get("aliases")
    if isinstance(current, CommentedSeq):
        flow = current.fa.flow_style() or not current
        current[:] = aliases  # keeps the list's own comments
        if flow:
            current.fa.set_flow_style()  # and its style: `[a, b]` stays on one line
    else:
        seq = CommentedSeq(aliases)
        seq.fa.set_flow_style()
        entry["aliases"] = seq


def _entry(name: str, kind: str, aliases: list[str]) -> CommentedMap:
    entry = CommentedMap()
    entry["name"] = name
    entry["type"] = kind
    seq = CommentedSeq([a for a in aliases if form_key(a) != form_key(name)])
    seq.fa.set_flow_style()
    entry["aliases"] = seq
    return entry


def _keys(forms: Any) -> set[str]:
    return {form_key(_form(f)) for f in forms}
