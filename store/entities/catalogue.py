"""The entity catalogue (`entities.yaml`): loading and validation with file:line errors.

The catalogue is the user's file. Every semantic error (unknown type, duplicate id, an alias
claimed by two entities, a non-string `exclude:` entry) is reported at the line of the YAML node
that causes it, so a user can fix it without reading code. Parsing goes through yaml's node
graph (`yaml.compose`) rather than `safe_load` precisely to keep those marks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from store.corpus.yamlfile import compose_file
from store.errors import ManifestError
from store.models import ENTITY_TYPES, entity_type

ENTRY_KEYS = {"name", "type", "aliases", "description", "id", "case_sensitive", "generic"}
ALIAS_KEYS = {"form", "case_sensitive"}
TOP_KEYS = {"entities", "exclude", "case_sensitive", "base"}

# The parts of the bundled base knowledge, as `base:` in entities.yaml names them.
BASE_SOURCES = frozenset({"organisations", "countries", "cities", "places"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface form and whether letter case must match exactly (None: the default rule)."""

    form: str
    case_sensitive: bool | None = None


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One entity as the user wrote it; `line` is where it starts in the file (1-based)."""

    id: str
    name: str
    type: str
    aliases: tuple[Alias, ...]
    description: str = ""
    case_sensitive: bool | None = None
    generic: bool = False
    line: int = 0

    def forms(self) -> tuple[str, ...]:
        """Name first, then the aliases, without repeats."""
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias.form, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Entries plus the `exclude:` forms (normalised with `form_key`)."""

    entries: tuple[CatalogueEntry, ...] = ()
    exclude: frozenset[str] = field(default_factory=frozenset)
    case_sensitive: bool | None = None
    path: str = ""
    # Which bundled base knowledge applies (store/entities/world): all of it by default;
    # `base: false` turns it off, `base: [countries, organisations]` keeps only those.
    base: frozenset[str] = BASE_SOURCES

    def excluded(self, form: str) -> bool:
        return form_key(form) in self.exclude


@lru_cache(maxsize=1 << 16)
def form_key(form: str) -> str:
    """How two forms compare for merging and lookup: case, apostrophes, spaces, possessive."""
    text = unicodedata.normalize("NFC", form).translate(_APOSTROPHES)
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return re.sub(r"'s?$", "", text)


def slug(name: str) -> str:
    """A stable, readable id from a name ("Supreme Court of Russia" -> supreme-court-of-russia)."""
    text = unicodedata.normalize("NFKD", name).translate(_APOSTROPHES).casefold()
    text = re.sub(r"'", "", text)
    text = re.sub(r"[^\w]+", "-", text).strip("-")
    return text or "entity"


def load_catalogue(path: Path | None) -> Catalogue:
    """Read and validate a catalogue; None or a missing file gives an empty one."""
    if path is None or not Path(path).exists():
        return Catalogue()
    name = str(path)
    root = compose_file(Path(path), "catalogue")
    if root is None:
        return Catalogue(path=name)
    return _Reader(name).catalogue(root)


class _Reader:
    """Walks the composed YAML nodes, raising ManifestError at the offending node's line."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.ids: dict[str, int] = {}
        self.forms: dict[str, tuple[str, int]] = {}

    def fail(self, node: yaml.Node, problem: str) -> ManifestError:
        mark = node.start_mark
        return ManifestError(self.path, mark.line + 1, mark.column + 1, problem)

    def catalogue(self, root: yaml.Node) -> Catalogue:
        exclude: frozenset[str] = frozenset()
        default_case: bool | None = None
        base = BASE_SOURCES
        entity_nodes: yaml.Node | None
        if isinstance(root, yaml.SequenceNode):
            entity_nodes = root
        elif isinstance(root, yaml.MappingNode):
            top = self.mapping(root, TOP_KEYS, "the catalogue")
            entity_nodes = top.get("entities")
            if "exclude" in top:
                exclude = self.exclude(top["exclude"])
            if "case_sensitive" in top:
                default_case = self.case_flag(top["case_sensitive"])
            if "base" in top:
                base = self.base(top["base"])
        else:
            raise self.fail(
                root,
                "the catalogue must be a list of entities, or a mapping with "
                "`entities:` and `exclude:`",
            )
        entries: list[CatalogueEntry] = []
        if entity_nodes is not None:
            if not isinstance(entity_nodes, yaml.SequenceNode):
                raise self.fail(entity_nodes, "`entities:` must be a list")
            entries = [self.entry(node) for node in entity_nodes.value]
        return Catalogue(tuple(entries), exclude, default_case, self.path, base)

    def base(self, node: yaml.Node) -> frozenset[str]:
        """`base: true | false` or a list of the parts to keep."""
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return BASE_SOURCES if str(node.value).lower() in ("true", "yes", "on") else frozenset()
        if isinstance(node, yaml.SequenceNode):
            parts = set()
            for item in node.value:
                part = self.text(item, "a `base:` part")
                if part not in BASE_SOURCES:
                    known = ", ".join(sorted(BASE_SOURCES))
                    raise self.fail(item, f"unknown base part {part!r} (known: {known})")
                parts.add(part)
            return frozenset(parts)
        raise self.fail(node, "base must be true, false or a list of parts")

    def mapping(self, node: yaml.MappingNode, allowed: set[str], what: str) -> dict[str, yaml.Node]:
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.fail(key_node, f"unknown key {key!r} in {what} (known: {known})")
            if key in out:
                raise self.fail(key_node, f"key {key!r} given twice in {what}")
            out[key] = value_node
        return out

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            raise self.fail(node, f"{what} must be a string")
        value = str(node.value).strip()
        if not value:
            raise self.fail(node, f"{what} must not be empty")
        return value

    def case_flag(self, node: yaml.Node) -> bool | None:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:bool":
                return node.value.lower() in ("true", "yes", "on")
            if node.value == "auto":
                return None
        raise self.fail(node, "case_sensitive must be true, false or auto")

    def exclude(self, node: yaml.Node) -> frozenset[str]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, "`exclude:` must be a list of names")
        return frozenset(form_key(self.text(item, "an `exclude:` entry")) for item in node.value)

    def entry(self, node: yaml.Node) -> CatalogueEntry:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, "each entity must be a mapping with name, type and aliases")
        fields = self.mapping(node, ENTRY_KEYS, "an entity")
        if "name" not in fields:
            raise self.fail(node, "an entity needs a `name:`")
        if "type" not in fields:
            raise self.fail(node, "an entity needs a `type:` (" + ", ".join(ENTITY_TYPES) + ")")
        name = self.text(fields["name"], "name")
        raw_type = self.text(fields["type"], "type").lower()
        kind = entity_type(raw_type)
        if kind is None:
            raise self.fail(
                fields["type"],
                f"unknown type {raw_type!r} for {name!r} (use one of "
                + ", ".join(ENTITY_TYPES)
                + ")",
            )
        entity_id = self.text(fields["id"], "id") if "id" in fields else slug(name)
        id_node = fields.get("id", fields["name"])
        if entity_id in self.ids:
            raise self.fail(
                id_node,
                f"duplicate id {entity_id!r} (first used on line "
                f"{self.ids[entity_id]}); give one of them an explicit `id:`",
            )
        self.ids[entity_id] = id_node.start_mark.line + 1
        description = (
            self.text(fields["description"], "description") if "description" in fields else ""
        )
        case = self.case_flag(fields["case_sensitive"]) if "case_sensitive" in fields else None
        generic = False
        if "generic" in fields:
            flag = fields["generic"]
            if not (isinstance(flag, yaml.ScalarNode) and flag.tag == "tag:yaml.org,2002:bool"):
                raise self.fail(flag, "generic must be true or false")
            generic = flag.value.lower() in ("true", "yes", "on")
        aliases = self.aliases(fields.get("aliases"), name)
        self.claim(name, fields["name"], name)
        for alias, alias_node in aliases:
            self.claim(alias.form, alias_node, name)
        return CatalogueEntry(
            entity_id,
            name,
            kind,
            tuple(a for a, _ in aliases),
            description,
            case,
            generic,
            node.start_mark.line + 1,
        )

    def aliases(self, node: yaml.Node | None, name: str) -> list[tuple[Alias, yaml.Node]]:
        if node is None:
            return []
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"aliases of {name!r} must be a list")
        out: list[tuple[Alias, yaml.Node]] = []
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                parts = self.mapping(item, ALIAS_KEYS, "an alias")
                if "form" not in parts:
                    raise self.fail(item, "an alias written as a mapping needs `form:`")
                case = (
                    self.case_flag(parts["case_sensitive"]) if "case_sensitive" in parts else None
                )
                out.append((Alias(self.text(parts["form"], "an alias form"), case), item))
            else:
                out.append((Alias(self.text(item, f"an alias of {name!r}")), item))
        return out

    def claim(self, form: str, node: yaml.Node, owner: str) -> None:
        """An alias may belong to one entity only (compared ignoring case, as lookup does)."""
        key = form_key(form)
        previous = self.forms.get(key)
        if previous is not None and previous[0] != owner:
            raise self.fail(
                node,
                f"alias {form!r} of {owner!r} is already claimed by "
                f"{previous[0]!r} (line {previous[1]}); an alias belongs to one entity",
            )
        self.forms.setdefault(key, (owner, node.start_mark.line + 1))
