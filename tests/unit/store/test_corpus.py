"""Reading any corpus: formats, decoding, unlisted files and the manifest."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.corpus import html_to_text, load_manifest, read_corpus
from store.errors import CorpusError, ManifestError
from tests.paths import SHARED


def test_bundled_corpus_is_the_shared_seeds_byte_for_byte(seeds_dir: Path) -> None:
    shared = SHARED / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    originals = sorted(p.name for p in shared.iterdir())
    assert originals == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for name in originals:
        assert (seeds_dir / name).read_bytes() == (shared / name).read_bytes()


def test_reads_txt_md_and_html_and_ignores_other_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain text.\n")
    (tmp_path / "b.md").write_text("# Heading\n\nBody.\n")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Page &amp; title</title><style>p{}</style></head>"
        "<body><h1>Big</h1><p>One &lt;two&gt;<br>three</p><script>x()</script></body></html>"
    )
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / ".hidden.txt").write_text("secret\n")
    read = read_corpus(tmp_path)
    assert [d.file for d in read.documents] == ["a.txt", "b.md", "c.html"]
    html = read.documents[2]
    assert html.meta.title == "Page & title"
    assert "One <two>\nthree" in html.text
    assert "x()" not in html.text and "p{}" not in html.text
    assert "# Big" in html.text


def test_html_blocks_become_passages() -> None:
    text, title = html_to_text("<div><p>First.</p><p>Second.</p></div>")
    assert title is None
    assert text == "First.\n\nSecond.\n"


def test_missing_and_empty_corpus_directories(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        read_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no readable documents"):
        read_corpus(tmp_path)


def test_invalid_utf8_is_replaced_with_a_warning_naming_the_byte(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9 society.\n")
    read = read_corpus(tmp_path)
    assert read.documents[0].text == "Caf\ufffd society.\n"
    assert any("latin.txt" in w and "byte 3" in w for w in read.warnings)


def test_binary_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine.\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    read = read_corpus(tmp_path)
    assert [d.file for d in read.documents] == ["ok.txt"]
    assert any("image.txt" in w and "binary" in w for w in read.warnings)


def test_file_that_cannot_be_read_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """A dangling symlink fails to read even for root (CI runs as root, so chmod cannot test it)."""
    (tmp_path / "ok.txt").write_text("Fine.\n")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-target.txt")
    read = read_corpus(tmp_path)
    assert [d.file for d in read.documents] == ["ok.txt"]
    assert any("gone.txt" in w and "cannot read" in w for w in read.warnings)


def test_unreadable_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    import os

    (tmp_path / "ok.txt").write_text("Fine.\n")
    locked = tmp_path / "locked.txt"
    locked.write_text("Private.\n")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file")
        read = read_corpus(tmp_path)
    finally:
        locked.chmod(0o644)
    assert [d.file for d in read.documents] == ["ok.txt"]
    assert any("locked.txt" in w and "cannot read" in w for w in read.warnings)


def test_manifest_syntax_error_gives_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("a.txt:\n  title: Fine\nb.txt:\n  title: [unclosed\n")
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    # YAML notices the problem at the end of the file and says where the sequence began.
    assert str(info.value).startswith(f"{path}:5:1: malformed YAML")
    assert "started at line 4, column 10" in str(info.value)


@pytest.mark.parametrize(
    ("body", "line", "column", "problem"),
    [
        ("a.txt:\n  title: X\n  kind: novel\n", 3, 9, "kind 'novel'"),
        ("a.txt:\n  titel: X\n", 2, 3, "unknown field 'titel'"),
        ("a.txt:\n  published: 2015-13\n", 2, 14, "published '2015-13'"),
        ("- a.txt\n", 1, 1, "expected a mapping"),
        ("a.txt:\n  title: X\na.txt:\n  title: Y\n", 3, 1, "listed twice"),
    ],
)
def test_manifest_semantic_errors_point_at_the_value(
    tmp_path: Path, body: str, line: int, column: int, problem: str
) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(body)
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    assert (info.value.line, info.value.column) == (line, column)
    assert problem in info.value.problem


def test_seed_manifest_lists_every_seed_file(seeds_dir: Path) -> None:
    manifest = load_manifest(seeds_dir / "sources.yaml")
    assert sorted(manifest) == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for entry in manifest.values():
        assert entry["published_basis"]


def test_the_suffix_list_is_every_reader_s_own() -> None:
    """Listing a corpus uses a spelled-out suffix list so it imports no reader: it must be
    exactly the readers' claims, in their order."""
    from store.corpus.formats import SUFFIXES, readers

    assert tuple(s for module in readers() for s in module.SUFFIXES) == SUFFIXES
