"""The build cache: what a build may reuse from the one before, all keyed by content so that a stale
entry can never be used.

- `catalogue.json`: the situation and collection files that passed every check of their own
  (ks.catalogue.checked); `voorbeeldronde.json`: the example round that passed against the story schema
  (ks.build.api). With both, a build imports no JSON Schema validator;
- `jinja/`: compiled templates (Jinja's own bytecode cache, checked against each template's source),
  for the theme and for the fragments in overrides/ks/.

The folder is `.build-cache/` beside mkdocs.yml (git ignores it); `KS_BUILD_CACHE=<folder>` moves it and
`KS_BUILD_CACHE=0` switches it off (a cold build, as CI and the tests do). The PDFs have their own cache
(ks.build.pdf_cache).
"""
from __future__ import annotations

import hashlib
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


def _options(env: jinja2.Environment) -> str:
    """What besides a template's source decides its compiled code: Jinja's version and the options."""
    name = lambda f: getattr(f, "__qualname__", None) or repr(f)  # noqa: E731 (a function's address changes)
    options = [jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
               env.variable_end_string, env.comment_start_string, env.comment_end_string,
               env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
               env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
               name(env.autoescape), name(env.finalize), sorted(env.extensions)]
    return hashlib.sha256(repr(options).encode("utf-8")).hexdigest()[:16]


def bytecode_cache(root: Path, env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """Jinja's bytecode cache for `env` in the cache folder (a folder per set of options, since Jinja's
    own key is the template's name and source only), or None without a cache."""
    base = folder(root)
    if base is None:
        return None
    path = base / "jinja" / _options(env)
    path.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(path))
