"""The exit from Material's end of life (5 May 2027): ProperDocs, the maintained fork of MkDocs 1.x
(pinned in requirements-test.txt), builds this site unchanged and gives the same pages."""
from __future__ import annotations

import gzip
import importlib.util
import os
import re
import subprocess
import sys

from project import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(tool: str, out) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KS_PDF="0")
    r = subprocess.run([sys.executable, "-m", tool, "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", str(out)], capture_output=True, text=True, env=env, cwd=ROOT)
    assert r.returncode == 0, f"{tool}: {r.stderr[-3000:]}"


def _content(path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return GENERATOR.sub(b"", data)  # names the tool and its version, nothing else differs


def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path):
    assert importlib.util.find_spec("properdocs"), "ProperDocs missing: pip install -r requirements-test.txt"
    _build("mkdocs", tmp_path / "mkdocs")
    _build("properdocs", tmp_path / "properdocs")
    files = {p.relative_to(tmp_path / "mkdocs") for p in (tmp_path / "mkdocs").rglob("*") if p.is_file()}
    other = {p.relative_to(tmp_path / "properdocs") for p in (tmp_path / "properdocs").rglob("*") if p.is_file()}
    assert files == other, f"only mkdocs: {sorted(files - other)[:5]}, only properdocs: {sorted(other - files)[:5]}"
    assert any(str(f).startswith("print_page") for f in files), "no print page"
    different = [str(f) for f in sorted(files) if _content(tmp_path / "mkdocs" / f) != _content(tmp_path / "properdocs" / f)]
    assert not different, f"{len(different)} files differ, e.g. {different[:5]}"
    page = (tmp_path / "properdocs" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page
