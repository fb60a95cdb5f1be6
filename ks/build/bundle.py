"""Collection bundles: one printable HTML per collection, assembled from the built pages.

Cover, contents, the collection introduction, every situation and beeld in order, then the method
page of the conversation guide. Written to site/bundels/<id>.html for printing, then removed.
"""
from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from ks.build.render import document

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"[^>]*>')
STRIP = [
    re.compile(r'<details class="ks-actions-menu".*?</details>', re.DOTALL),
    re.compile(r'<div class="ks-actions".*?</div>', re.DOTALL),
    re.compile(r'<section class="ks-(related|handout|listing)[^"]*".*?</section>', re.DOTALL),
]
LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.DOTALL)
METHOD_PAGE = "gesprek/index.html"


def article(site_dir: Path, url: str) -> str:
    """The content of a built page's <article>, without buttons, related links or hyperlinks."""
    path = site_dir / url if url.endswith(".html") else site_dir / url / "index.html"
    text = path.read_text(encoding="utf-8")
    m = ARTICLE.search(text)
    if not m:
        raise ValueError(f"{url}: geen <article> gevonden om te bundelen")
    body = m.group(1)
    for pattern in STRIP:
        body = pattern.sub("", body)
    return LINK.sub(r"\1", body)


def bundle_html(site_dir: Path, cat, coll) -> str:
    """The whole bundle of one collection as a standalone HTML document (overrides/ks/bundle.html)."""
    entries = cat.by_collection[coll.id]
    head = (site_dir / "index.html").read_text(encoding="utf-8")
    sheets = [h for h in STYLESHEET.findall(head) if not h.startswith(("http:", "https:", "//"))]
    method = Markup(article(site_dir, METHOD_PAGE)) if (site_dir / METHOD_PAGE).exists() else ""
    return document("bundle.html", c=coll, entries=entries, stylesheets=sheets, method=method,
                    intro=Markup(article(site_dir, coll.url)),
                    parts=[(x, Markup(article(site_dir, x.url))) for x in entries])


def write_bundles(site_dir: Path, cat) -> None:
    """Write site/bundels/<collection>.html for every collection."""
    out = site_dir / "bundels"
    out.mkdir(exist_ok=True)
    for coll in cat.collections:
        (out / f"{coll.id}.html").write_text(bundle_html(site_dir, cat, coll), encoding="utf-8")
