"""The file names a corpus folder gives meaning to, importable without reading YAML."""

MANIFEST_NAME = "sources.yaml"
CATALOGUE_NAME = "entities.yaml"
