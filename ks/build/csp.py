"""A Content-Security-Policy for every page: scripts, styles, images, fonts and connections from the
site itself only. Static hosting cannot send headers, so it goes in a <meta http-equiv> tag.

The theme's own inline scripts (outside the page's <article>) are allowed by their SHA-256 hash,
computed from the page as built. A script inside the article, where contributed content lives, is
never hashed: if one ever slipped past validation, the browser would refuse to run it.
"""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
DATA_TYPES = ("application/json", "application/ld+json")
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; "
          "frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'")


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def _articles(page_html: str) -> list[tuple[int, int]]:
    """The spans ARTICLE.finditer gives, found with str.find: the regex's lazy `.*?` tests every
    character of the article for `</article>`, which costs most on a large page."""
    spans, pos = [], 0
    while (start := page_html.find("<article", pos)) >= 0:
        after = page_html[start + 8:start + 9]
        if after and (after.isalnum() or after == "_"):  # `\b`: <articles is no <article
            pos = start + 1
            continue
        end = page_html.find("</article>", start + 8)
        if end < 0:
            break
        spans.append((start, end + 10))
        pos = end + 10
    return spans


def theme_script_hashes(page_html: str) -> list[str]:
    """Hashes of the inline scripts outside the <article>, in order of first appearance."""
    spans = _articles(page_html)
    hashes: list[str] = []
    for m in INLINE_SCRIPT.finditer(page_html):
        if any(a <= m.start() < b for a, b in spans) or any(t in m.group(1) for t in DATA_TYPES):
            continue
        h = _hash(m.group(2))
        if h not in hashes:
            hashes.append(h)
    return hashes


def policy(page_html: str) -> str:
    """The policy text for one page."""
    return POLICY.format(hashes=" ".join(theme_script_hashes(page_html))).replace("  ", " ")


def with_csp(page_html: str) -> str:
    """`page_html` with its CSP meta tag right after <meta charset> (unchanged if it has one already)."""
    if 'http-equiv="Content-Security-Policy"' in page_html:
        return page_html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
    m = CHARSET.search(page_html)
    if not m:
        return page_html.replace("<head>", "<head>" + tag, 1)
    return page_html[: m.end()] + tag + page_html[m.end():]
