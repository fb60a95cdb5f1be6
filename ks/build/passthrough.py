"""Ready-made HTML in the generated pages, kept out of Markdown's HTML parser.

The header and footer of a situation page and the facts and listing of a collection page are HTML
rendered from overrides/ks/. Written into the Markdown source, Python-Markdown (with md_in_html) parses
every tag of them again: that made Markdown five times slower on a situation page than on its story.
Instead the Markdown holds a comment `<!--ks-html:NONCE:KEY-->` and a postprocessor, after Markdown is done,
puts the HTML in its place. The page's HTML is the same; plugins (search, print-site) see the result.
"""
from __future__ import annotations

import re
import secrets

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

NONCE = secrets.token_hex(8)  # per process: a story cannot name a placeholder and pull HTML in
PLACEHOLDER = re.compile(rf"<!--ks-html:{NONCE}:([\w./:-]+)-->")
_html: dict[str, str] = {}


def placeholder(key: str, html: str) -> str:
    """Remember `html` under `key` for this build; returns the comment to put in the Markdown."""
    _html[key] = str(html)
    return f"<!--ks-html:{NONCE}:{key}-->"


def clear() -> None:
    """Forget the HTML of a previous build (mkdocs serve builds again in the same process)."""
    _html.clear()


class _Put(Postprocessor):
    def run(self, text: str) -> str:
        return PLACEHOLDER.sub(lambda m: _html.get(m.group(1), m.group(0)), text)


class PassthroughExtension(Extension):
    """Markdown extension: replace the placeholders after every other postprocessor (priority 5)."""

    def extendMarkdown(self, md):
        md.postprocessors.register(_Put(md), "ks_passthrough", 5)


def extension() -> PassthroughExtension:
    """The extension to add to config.markdown_extensions."""
    return PassthroughExtension()
