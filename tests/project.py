"""Build tiny fixture projects: the real site code with a chosen situations/ tree."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ["schema.json", "collection.schema.json", "vocabulary.yml", "privacy.json", "gesprek.yml", "vragensets.yml", "duiding.yml", "voorbeeldronde.yml"]


def make_project(tmp: Path, situations: Path | None = None) -> Path:
    """Copy the site code into `tmp` with the fixture catalogue (default: fixtures/good)."""
    tmp.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "ks", "archetypes"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, tmp / name)
    target = tmp / "situations"
    shutil.copytree(situations or FIXTURES / "good", target)
    for name in SHARED:
        if (ROOT / "situations" / name).exists():
            shutil.copy(ROOT / "situations" / name, target / name)
    return tmp


def build(project: Path, site: Path | None = None, strict: bool = False, pdf: bool = False,
          pdf_cache: Path | None = None, quiet: bool = True,
          build_cache: Path | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` on a project in a fresh process; returns the completed process.

    Cold, as CI builds: PDFs printed anew unless `pdf_cache` names a cache folder, and no build cache
    (checked files, compiled templates) unless `build_cache` names one."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KS_PDF="1" if pdf else "0",
               KS_PDF_CACHE=str(pdf_cache) if pdf_cache else "0",
               KS_BUILD_CACHE=str(build_cache) if build_cache else "0")
    cmd = [sys.executable, "-m", "mkdocs", "build", *(["-q"] if quiet else []), "-f", str(project / "mkdocs.yml"),
           "-d", str(site or project / "site")]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=project)
