"""The build-cost shortcuts change nothing in the output: print-site's anchor search and link rewriting, the theme
environment it reuses, the ready-made HTML that bypasses Markdown and the navigation links rendered once (see
ks/build/printsite.py, ks/build/passthrough.py and ks/build/nav_memo.py). Speed itself is measured by
tests/bench.py, not here."""
from __future__ import annotations

from pathlib import Path

import pytest

from ks.build import printsite

TRICKY = [
    '<h2 id="a">x</h2>\n<li><a id="b" href="#a">y</a></li><sup id="fn:1">1</sup>',
    '<p>long line <em>a</em> <strong>b</strong> <span>c</span> and then <h3 class="x" id="late">t</h3>',
    '<div\nid="split">no</div><li id="multi\nline">z</li><H2 ID="upper">u</H2>',
    '<xid="odd"> <li>no id</li>\n<li>\n<h4 id="">empty</h4><h5 id="same">1</h5><h5 id="same">2</h5>',
    "<<<<id=\"x\">\n< id=\"y\">\n<a id=\"z\"",
]


def _pages(site):
    return [p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))]


def test_anchor_search_finds_what_print_sites_regex_finds(site):
    for html in TRICKY + _pages(site):
        expected = [(m.span(), m.groups()) for m in printsite.HREF_REGEX.finditer(html)]
        assert [(m.span(), m.groups()) for m in printsite.anchor_matches(html)] == expected


def test_update_anchor_ids_gives_print_sites_result(site):
    for html in TRICKY + _pages(site):
        assert printsite.update_anchor_ids(html, "p-k") == printsite.ORIGINAL_UPDATE_ANCHOR_IDS(html, "p-k")


LINKS = [
    '<a href="#x">a</a><a class="b" href="../y/#z">b</a> <a href="#x">again</a>\n<A HREF="https://e.nl/">e</A>',
    '<a\nhref="../c.pdf">p</a><a href="&amp;x">q</a><a title="a" href="">leeg</a><a data-x="1"  href="./">punt</a>',
    '<a href="../y/">y</a> <a href="#y">rewritten twice by the original</a>',
    "<a title=\"<a href='x'\" href=\"z\">a link inside a link</a>",
    '<a href="#x">one</a> <a href="#x" href="#y">one link text begins another</a>',
]
ANCHORS = ['<h2 id="a">x</h2><h2 id="p-k-a">already prefixed</h2>', '<p class="x"><h2 id="a">t</h2>\n<h2 id="a">u</h2>',
           '<h2id="a">\n<h2id="a">id="b">\n', '<span title="<h2id="a">" id="q">\n<h2id="a">']


def test_fix_href_links_gives_print_sites_result(site):
    for page_url in ("", "situaties/inspecties/", "over/licentie/"):
        for html in TRICKY + LINKS + _pages(site):
            assert printsite.fix_href_links(html, "p-k", page_url, True) == \
                printsite.ORIGINAL_FIX_HREF_LINKS(html, "p-k", page_url, True)


TABBED = ['<div class="tabbed-set"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">'
          '<label for="__tabbed_1_1">C</label></div>', '<INPUT NAME="x" ID="y"><Label For="y">z</Label>',
          '<p>no form at all: inputs and labels in words only</p>', '<lab el for="x"> <in put name="y">']


def test_fix_tabbed_content_gives_print_sites_result(site):
    pages = _pages(site)
    contents = [html.split("md-content__inner", 1)[1].split("</article>", 1)[0] for html in pages
                if "md-content__inner" in html]  # what print-site gives the function: a page's content
    assert sum(printsite.FORM_TAG.search(html) is None for html in contents) > len(contents) // 3  # shortcut taken
    for html in TABBED + TRICKY + pages + contents:
        assert printsite.fix_tabbed_content(html, "p-k") == printsite.ORIGINAL_FIX_TABBED_CONTENT(html, "p-k")
    assert printsite.fix_tabbed_content(TABBED[0], "p-k") != TABBED[0]


def test_update_anchor_ids_where_one_pass_could_differ():
    for html in ANCHORS:
        assert printsite.update_anchor_ids(html, "p-k") == printsite.ORIGINAL_UPDATE_ANCHOR_IDS(html, "p-k")


ARTICLES = [
    "<articles><script>e()</script></articles><article x><script>f()</script>",
    "<article_x><article>\n<script>g()</script></article><article><script>h()</script>",
    "<article\u00e9><script>i()</script></article><ARTICLE><script>j()</script></ARTICLE>",
]


def test_article_spans_are_the_regexs(site):
    from ks.build import csp
    for html in ARTICLES + _pages(site):
        assert csp._articles(html) == [m.span() for m in csp.ARTICLE.finditer(html)]


def test_print_page_holds_every_entry_with_prefixed_anchors(site, catalogue):
    html = (site / "print_page" / "index.html").read_text(encoding="utf-8")
    assert 'id="print-site-page"' in html and 'http-equiv="Content-Security-Policy"' in html
    for e in catalogue.situations:
        key = e.url.strip("/").replace("/", "-")
        assert f'<section class="print-page" id="{key}"' in html, e.id
        assert f'id="{key}-kernvraag"' in html, e.id


def test_ready_made_html_replaces_every_placeholder(site, catalogue):
    for html in _pages(site):
        assert "<!--ks-html:" not in html
    for e in catalogue.situations:
        page = (site / e.url / "index.html").read_text(encoding="utf-8")
        assert 'id="kernvraag"' in page and e.key_question.split()[0] in page, e.id
    for c in catalogue.collections:
        page = (site / c.url / "index.html").read_text(encoding="utf-8")
        assert all(e.url.strip("/").split("/")[-1] in page for e in catalogue.by_collection[c.id]), c.id


def test_a_story_cannot_name_a_placeholder():
    import markdown
    from ks.build import passthrough
    passthrough.clear()
    real = passthrough.placeholder("x/head", "<p>trusted</p>")
    md = markdown.Markdown(extensions=["md_in_html", passthrough.extension()])
    assert "<p>trusted</p>" in md.convert(f"# T\n\n{real}\n")
    guessed = "<!--ks-html:x/head-->"
    assert "trusted" not in md.convert(f"# T\n\n{guessed}\n")


def test_element_ids_are_what_the_word_boundary_regex_finds(site):
    import re

    from ks.build.print_links import element_ids
    regex = re.compile(r'\bid="([^"]+)"')
    tricky = ['xid="a id="b"', 'id="s" _id="t" -id="u" \u00e9id="v" 2id="w"', 'aid="x"id="y"', 'id=""id="z"']
    for html in tricky + _pages(site):
        assert element_ids(html) == set(regex.findall(html))


def test_print_page_contents_list_goes_into_the_html():
    from ks.build.print_links import with_static_toc
    page = ('<div class="md-sidebar md-sidebar--secondary"><nav><ul class="md-nav__list" data-md-component="toc" '
            'data-md-scrollfix><li><a href="#a">1 A</a><nav><ul><li><a href="#b">1.1 B</a></li></ul></nav></li>'
            '</ul></nav></div><div id="print-page-toc"><nav role=\'navigation\' class=\'print-page-toc-nav\'>'
            '<h1>Inhoud</h1></nav></div><script>remove_material_navigation();generate_toc();</script>')
    out = with_static_toc(page)
    toc = out.split("class='print-page-toc-nav'>", 1)[1].split("</div>", 1)[0]
    assert toc == ('<h1>Inhoud</h1><ul class="md-nav__list" data-md-scrollfix><li><a href="#a">1 A</a><nav><ul>'
                   '<li><a href="#b">1.1 B</a></li></ul></nav></li></ul></nav>')
    assert "generate_toc();" not in out and "remove_material_navigation();" in out
    assert with_static_toc(out) == out  # without the call: nothing to do
    for broken in (page.replace("md-sidebar--secondary", "md-sidebar--other"),  # no sidebar
                   page.replace(' data-md-component="toc"', ""),  # a page without contents: no list to copy
                   page.replace("print-page-toc-nav", "print-page-other")):  # no place for it
        with pytest.raises(ValueError, match="print_page/index.html: de inhoudsopgave"):
            with_static_toc(broken + "<ul><li>content</li></ul>")


def test_navigation_rendered_once_per_link_gives_materials_own_pages(tmp_path, monkeypatch):
    """Every built file, the print page included, is byte for byte what Material's macro renders."""
    from project import ROOT, build, make_project
    project = make_project(tmp_path / "p", situations=ROOT / "situations")
    sites = {}
    for memo in ("1", "0"):
        monkeypatch.setenv("KS_NAV_MEMO", memo)
        result = build(project, site=tmp_path / f"site-{memo}")
        assert result.returncode == 0, result.stderr[-3000:]
        sites[memo] = {p.relative_to(tmp_path / f"site-{memo}"): p.read_bytes()
                       for p in sorted((tmp_path / f"site-{memo}").rglob("*")) if p.is_file()}
    assert sites["1"].keys() == sites["0"].keys()
    differ = [str(path) for path, data in sites["1"].items() if data != sites["0"][path]]
    assert not differ, differ[:10]
    pages = [data for path, data in sites["1"].items() if path.suffix == ".html"]
    assert sum(data.count(b'class="md-nav__link"') for data in pages) > 5 * len(pages)  # a navigation to compare


def test_serve_polls_every_watched_folder_sooner(tmp_path):
    """on_serve moves what MkDocs and plugins watched before it (docs, mkdocs.yml, a folder watched twice)
    to a poller of SERVE_POLL_S seconds, and what MkDocs adds after it (config.watch) lands there too;
    with the installed theme watched (--watch-theme) MkDocs's own poller stays."""
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from ks.build import hooks
    docs, extra, situations = tmp_path / "docs", tmp_path / "includes", tmp_path / "situations"
    installed = tmp_path.parent / f"{tmp_path.name}-site-packages" / "material"
    for folder in (docs, extra, situations, installed):
        folder.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=str(tmp_path / "mkdocs.yml"),
                             theme=SimpleNamespace(dirs=[str(tmp_path / "overrides"), str(installed)]))

    def server(*paths):
        s = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
        for path in paths:
            s.watch(str(path))
        return s

    before = server(docs, tmp_path / "mkdocs.yml", extra, extra)
    after = hooks.on_serve(before, config=config, builder=None)
    after.watch(str(situations))
    watched = {emitter.watch.path: emitter.timeout for emitter in after.observer.emitters}
    assert len(watched) == 4 and {str(docs), str(extra), str(situations)} <= watched.keys()  # mkdocs.yml: its folder
    assert set(watched.values()) == {hooks.SERVE_POLL_S} and hooks.SERVE_POLL_S < 0.5
    after.unwatch(str(extra))  # watched twice, so still watched once
    assert str(extra) in {emitter.watch.path for emitter in after.observer.emitters}

    theme = server(docs, installed)
    observer = theme.observer
    assert hooks.on_serve(theme, config=config, builder=None).observer is observer


def test_the_pack_section_rendered_once_stands_on_every_situation_and_no_beeld(site, catalogue):
    from ks.build import state
    from ks.build.pages import pack_section
    section = str(pack_section(state.guide()))
    assert 'id="gesprekspakket"' in section and section.count('class="ks-pack"') == len(state.guide().packs)
    for e in catalogue.entries:
        html = (site / e.url / "index.html").read_text(encoding="utf-8")
        assert html.count(section) == (0 if e.is_beeld else 1), e.id
