"""The build cache: what a build may reuse from the one before, all keyed by content so that a stale
entry can never be used.

- `catalogue.json`: the situation files that passed every check of their own (ks.catalogue.checked);
- `jinja/`: compiled templates (Jinja's own bytecode cache, checked against each template's source),
  for the theme and for the fragments in overrides/ks/.

The folder is `.build-cache/` beside mkdocs.yml (git ignores it); `KS_BUILD_CACHE=<folder>` moves it and
`KS_BUILD_CACHE=0` switches it off (a cold build, as CI and the tests do). The PDFs have their own cache
(ks.build.pdf_cache).
"""
from __future__ import annotations

import os
from pathlib import Path

import jinja2

OFF = {"0", "false", "no", "off", ""}


def folder(root: Path) -> Path | None:
    """The cache folder for the project at `root`, or None when KS_BUILD_CACHE switches it off."""
    value = os.environ.get("KS_BUILD_CACHE")
    if value is not None:
        return None if value.strip().lower() in OFF else Path(value)
    return root / ".build-cache"


def catalogue_record(root: Path) -> Path | None:
    """The record of checked situation files, or None without a cache."""
    base = folder(root)
    return base / "catalogue.json" if base else None


def bytecode_cache(root: Path) -> jinja2.BytecodeCache | None:
    """Jinja's bytecode cache in the cache folder, or None without a cache."""
    base = folder(root)
    if base is None:
        return None
    (base / "jinja").mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(base / "jinja"))
