"""The built site: every situation reaches its page, every index, the print page; nothing off-host."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin
from html.parser import HTMLParser
from pathlib import Path

from project import build, make_project


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_entry_has_its_page(site, catalogue):
    for e in catalogue.entries:
        html = read(site, e.url)
        assert e.summary.replace("'", "&#39;").split(" ")[0] in html
        assert "Waarden in spanning" in html


def test_every_collection_has_a_page_listing_its_entries(site, catalogue):
    for c in catalogue.collections:
        html = read(site, c.url)
        for e in catalogue.by_collection[c.id]:
            assert f'href="../../{e.url}"' in html or f'href="{e.id}/"' in html, (c.id, e.id)


def _links(html: str, page_url: str) -> set[str]:
    """Every link of `html` as a site path (resolved against the page's URL)."""
    base = "http://site/" + page_url
    return {urljoin(base, h).split("#")[0][len("http://site/"):] for h in re.findall(r'href="([^"]+)"', html)}


def _section(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def test_every_entry_in_every_index_it_belongs_to(site, catalogue):
    overview = _links(read(site, "situaties/"), "situaties/")
    tensions = read(site, "zoeken/spanningen/")
    themes = read(site, "zoeken/themas/")
    roles = read(site, "zoeken/rollen/")
    inspection = read(site, "zoeken/toezicht/")
    for e in catalogue.entries:
        assert e.url in overview, e.id
        for a, b in e.tensions:
            assert e.url in _links(_section(tensions, f'id="{a}--{b}"', "<h2"), "zoeken/spanningen/"), (e.id, a, b)
        for t in e.themes:
            assert e.url in _links(_section(themes, f'id="{t}"', "<h2"), "zoeken/themas/"), (e.id, t)
        assert e.url in _links(_section(roles, f'<h3 id="{e.role}"', "<h3"), "zoeken/rollen/"), (e.id, e.role)
        if e.step:
            assert e.url in _links(_section(inspection, f'id="stap-{e.step}"', "<h3"), "zoeken/toezicht/"), e.id
        if e.domain:
            assert e.url in _links(_section(inspection, f'id="domein-{e.domain}"', "<h3"), "zoeken/toezicht/"), e.id


def test_tension_index_and_matrix_list_every_tension_in_use(site, catalogue):
    tensions = read(site, "zoeken/spanningen/")
    matrix = read(site, "zoeken/matrix/")
    for a, b in catalogue.by_tension:
        assert f'id="{a}--{b}"' in tensions
        assert f'#{a}--{b}"' in matrix
    assert matrix.count('<tr><th scope="row">') == len(catalogue.by_tension)


def test_every_entry_on_the_print_page(site, catalogue):
    html = unescape(read(site, "print_page/"))
    for e in catalogue.entries:
        assert e.summary in html, e.id
        assert e.title in html, e.id
        assert e.body.split("\n")[0][:60] in html, e.id
    for c in catalogue.collections:
        assert c.short_name in html


def test_search_index_holds_every_entry(site, catalogue):
    """Pagefind indexes every situation, beeld and collection page (with its summary for the result
    list), not the print page or the printable bundles; Material's own index keeps only its settings."""
    import gzip
    import json
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    indexed = {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
               if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert entry["languages"]["nl"]["page_count"] == len(indexed)
    for e in catalogue.entries:
        assert e.url in indexed, e.id
        assert 'data-pagefind-meta="summary"' in (site / e.url / "index.html").read_text(encoding="utf-8")
    for c in catalogue.collections:
        assert c.url in indexed, c.id
    assert not [u for u in indexed if u.startswith(("print_page/", "bundels/", "kaarten/"))]
    urls = set()  # each page's fragment (what a result shows) carries the page's own address
    for fragment in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        urls.add(json.loads(data[data.index(b"{"):])["url"])
    assert urls == {"/" if u == "./" else "/" + u for u in indexed}
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"] and index["docs"] == []


class _ResourceParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "srcset", "data"):
            if attrs.get(key):
                self.urls.append(attrs[key])
        if tag == "link" and attrs.get("rel") not in ("canonical", "alternate") and attrs.get("href"):
            self.urls.append(attrs["href"])


def test_nothing_loaded_from_another_host(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            parser = _ResourceParser()
            parser.feed(path.read_text(encoding="utf-8"))
            offenders += [(path.name, u) for u in parser.urls if re.match(r"^(https?:)?//", u)]
        elif path.suffix == ".css":
            css = path.read_text(encoding="utf-8")
            offenders += [(path.name, u) for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css)]
            offenders += [(path.name, u) for u in re.findall(r"@import\s+['\"]?((?:https?:)?//[^'\";]+)", css)]
    assert not offenders, offenders[:10]


def test_front_matter_text_is_escaped_and_story_braces_are_text(tmp_path):
    project = make_project(tmp_path)
    ladder = project / "situations/alpha/de-ladder.md"
    text = ladder.read_text(encoding="utf-8")
    text = text.replace("title: De ladder in de loods", "title: '<script>alert(\"x\")</script> en {{ x }}'")
    text = text.replace("summary: Een inspecteur", "summary: \"<b>Vet</b> {% if true %}ja{% endif %} Een inspecteur")
    text = text.replace("kijkt boos.\"", "kijkt boos.").replace("dreigend wordt.", "dreigend wordt.\"")
    text = text.replace("De ladder wiebelt.", "De ladder wiebelt. {{ 7*7 }} en {% raw %} blijven tekst.")
    ladder.write_text(text, encoding="utf-8")
    result = build(project, strict=True)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    html = read(site, "situaties/alpha/de-ladder/")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "{{ 7*7 }}" in html and "49" not in html.split("wiebelt.")[1][:40]
    assert "{% raw %}" in html
    assert "<b>Vet</b>" not in html and "&lt;b&gt;Vet&lt;/b&gt;" in html
    for page in ("situaties/", "zoeken/spanningen/", "zoeken/themas/", "print_page/", "situaties/alpha/"):
        assert "<script>alert" not in read(site, page), page
