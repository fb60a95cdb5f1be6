"""Collection bundles: one printable HTML per collection, assembled from the built pages.

Cover, contents, the collection introduction, every situation and beeld in order, then the method
page of the conversation guide. Written to site/bundels/<id>.html for printing, then removed.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"[^>]*>')
STRIP = [
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


def _stylesheets(site_dir: Path) -> str:
    head = (site_dir / "index.html").read_text(encoding="utf-8")
    return "\n".join(f'<link rel="stylesheet" href="../{href}">' for href in STYLESHEET.findall(head)
                     if not href.startswith(("http:", "https:", "//")))


def bundle_html(site_dir: Path, cat, coll) -> str:
    """The whole bundle of one collection as a standalone HTML document."""
    entries = cat.by_collection[coll.id]
    e = html.escape
    contents = "".join(
        f'<li><a href="#bundel-{x.id}">{e(x.title)}</a>{" (beeld van goed werk)" if x.is_beeld else ""}</li>'
        for x in entries)
    parts = [
        f'<section class="ks-bundle-cover"><p class="ks-cover__kicker">Kritische situaties</p>'
        f'<h1>{e(coll.name)}</h1><p class="ks-cover__lead">{e(coll.audience)}</p>'
        f'<p class="ks-cover__meta">{e(coll.made_with)} · {e(coll.year)}</p></section>',
        f'<nav class="ks-bundle-toc" aria-labelledby="inhoud"><h2 id="inhoud">Inhoud</h2><ol>'
        f'<li><a href="#bundel-inleiding">Over deze collectie</a></li>{contents}'
        f'<li><a href="#bundel-methode">Het gesprek over een kritische situatie</a></li></ol></nav>',
        f'<section class="ks-bundle-part" id="bundel-inleiding">{article(site_dir, coll.url)}</section>',
    ]
    parts += [f'<section class="ks-bundle-part" id="bundel-{x.id}">{article(site_dir, x.url)}</section>'
              for x in entries]
    if (site_dir / METHOD_PAGE).exists():
        parts.append(f'<section class="ks-bundle-part" id="bundel-methode">{article(site_dir, METHOD_PAGE)}</section>')
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{e(coll.name)} - Kritische situaties</title>{_stylesheets(site_dir)}</head>"
        '<body data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">'
        '<main class="md-typeset ks-bundle">' + "\n".join(parts) + "</main></body></html>"
    )


def write_bundles(site_dir: Path, cat) -> None:
    """Write site/bundels/<collection>.html for every collection."""
    out = site_dir / "bundels"
    out.mkdir(exist_ok=True)
    for coll in cat.collections:
        (out / f"{coll.id}.html").write_text(bundle_html(site_dir, cat, coll), encoding="utf-8")
