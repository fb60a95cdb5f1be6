"""Render HTML fragments from overrides/ks/ with autoescaping; relative links between pages."""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ks.build import build_cache
from ks.build.passthrough import placeholder
from ks.build.state import ROOT

BLANK_LINES = re.compile(r"\n\s*\n")
_blocks = itertools.count()


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja environment for fragments: autoescape on, strict undefined."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ROOT / "overrides" / "ks")),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.bytecode_cache = build_cache.bytecode_cache(ROOT, env)
    env.globals["rel"] = rel
    env.filters["codequotes"] = codequotes
    return env


def codequotes(text: str) -> Markup:
    """Escape `text` and show words in single quotes ('values') as code."""
    escaped = str(Markup.escape(text))
    return Markup(re.sub(r"&#39;([^&\s]+)&#39;", r"<code>\1</code>", escaped))


def rel(target: str, page_url: str) -> str:
    """URL of `target` (site-relative) as seen from the page at `page_url`."""
    if target.startswith("#"):
        return target
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    return get_relative_url(target, page_url) + anchor if target else anchor


def document(name: str, **context) -> str:
    """Render overrides/ks/<name> as a whole document (Markdown or HTML), blank lines kept."""
    return environment().get_template(name).render(**context)


def fragment(name: str, **context) -> Markup:
    """Render overrides/ks/<name> to one raw-HTML block (no blank lines, so Markdown keeps it whole)."""
    html = environment().get_template(name).render(**context)
    return Markup(BLANK_LINES.sub("\n", html).strip())


def block(name: str, **context) -> str:
    """A fragment for a macro: Markdown gets a placeholder and the HTML goes in after Markdown is done
    (ks.build.passthrough), so the indexes, tables and card decks are not parsed tag by tag again."""
    return placeholder(f"block-{next(_blocks)}", fragment(name, **context))
