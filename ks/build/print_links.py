"""The whole-site print page without dead anchors.

print-site turns a link to another page into an anchor on the print page (#bijdragen-vertelpunt),
also when that page is not printed there (excluded, or not in the nav like kaarten/). Such links go
back to the page itself."""
from __future__ import annotations

import re
from pathlib import Path

ID = re.compile(r'\bid="([^"]+)"')
ANCHOR = re.compile(r'href="#([^"]+)"')


def page_anchors(site_dir: Path) -> dict[str, str]:
    """print-site's anchor of every built page (its URL with '/' as '-') -> the page's URL."""
    anchors = {}
    for index in site_dir.rglob("index.html"):
        url = index.parent.relative_to(site_dir).as_posix()
        if url != ".":
            anchors[url.replace("/", "-")] = url + "/"
    return anchors


def fix_dead_anchors(html: str, site_dir: Path) -> str:
    """Point every in-page link to a page that is not on the print page at that page instead."""
    ids = set(ID.findall(html))
    pages = page_anchors(site_dir)

    def repl(m):
        anchor = m.group(1)
        if anchor in ids:
            return m.group(0)
        base, sep, query = anchor.partition("?")  # a link with a query: print-site keeps it in the anchor
        base = base.rstrip("-") if sep else base
        if base not in pages or (not sep and base in ids):
            return m.group(0)
        return f'href="../{pages[base]}{sep}{query}"'

    return ANCHOR.sub(repl, html)
