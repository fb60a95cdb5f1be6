"""The whole-site print page without dead anchors.

print-site turns a link to another page into an anchor on the print page (#bijdragen-vertelpunt),
also when that page is not printed there (excluded, or not in the nav like kaarten/). Such links go
back to the page itself."""
from __future__ import annotations

import re
from pathlib import Path

ID = re.compile(r'id="([^"]+)"')  # an id attribute where no word character stands before it (a \b)
WORD = re.compile(r"\w")
ANCHOR = re.compile(r'href="#([^"]+)"')


def element_ids(html: str) -> set[str]:
    """Every value of `id="..."` that follows no word character: what `\bid="([^"]+)"` finds, but searched
    for its literal start (a \b before it makes Python's re try every position: 0.17 s on the 10 MB print
    page at 500 entries, 0.02 s this way)."""
    ids, pos = set(), 0
    while (m := ID.search(html, pos)) is not None:
        if m.start() and WORD.match(html, m.start() - 1):
            pos = m.start() + 1  # not a match there; one may start inside this one
            continue
        ids.add(m.group(1))
        pos = m.end()
    return ids


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
    ids = element_ids(html)
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


SIDEBAR_TOC = 'md-sidebar--secondary'
TOC_LIST = 'data-md-component="toc"'
TOC_NAV = "class='print-page-toc-nav'"
LIST_TAG = re.compile(r"<ul\b|</ul>")
_NO_TOC = ("print_page/index.html: de inhoudsopgave van de afdrukpagina is niet te vinden (de zijbalk met "
           "de inhoud of de plaats voor de inhoudsopgave van print-site ontbreekt); is print-site bijgewerkt?")


def with_static_toc(html: str) -> str:
    """The print page's table of contents in the HTML, as print-site's generate_toc() puts it there in
    the browser (a copy of the page's own contents list from the sidebar), and that call taken out of
    the page's script: the page then prints the same without JavaScript. Unchanged without that call;
    ValueError (Dutch) when the call is there but the list or its place is not."""
    if "generate_toc();" not in html:
        return html
    sidebar = html.find(SIDEBAR_TOC)
    marker = html.find(TOC_LIST, sidebar) if sidebar >= 0 else -1  # only Material's contents list has it
    start = html.rfind("<ul", sidebar, marker) if marker >= 0 else -1
    if start >= 0 and html.find(">", start) < marker:  # the marker must stand in that list's own tag
        start = -1
    nav = html.find(TOC_NAV)
    close = html.find("</nav>", nav) if nav >= 0 else -1
    if start < 0 or close < 0:
        raise ValueError(_NO_TOC)
    depth, end = 0, -1
    for m in LIST_TAG.finditer(html, start):
        depth += 1 if m.group() == "<ul" else -1
        if depth == 0:
            end = m.end()
            break
    if end < 0:
        raise ValueError(_NO_TOC)
    toc = html[start:end].replace(" " + TOC_LIST, "", 1)
    html = html[:close] + toc + html[close:]
    return html.replace("generate_toc();", "", 1)
