"""Finding and reading, in a real browser at a phone (390×844) and a laptop (1366×800): no page scrolls
sideways, the story starts on the phone's first screen, the actions sit in one compact control, the
filters on /situaties/ combine and live in the URL, the tension matrix, and the navigation's edges
(print page out of the tabs and without dead anchors, previous/next within a section, repository link
last in the phone menu, skip link and "Terug naar boven")."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from quality import close_context, new_context, open_page

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 800}
SIZES = {"390x844": PHONE, "1366x800": LAPTOP}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


@pytest.fixture
def sized(browser, request):
    """A page in a browser window of the size named by the test's `size` parameter."""
    context = new_context(browser, viewport=SIZES[request.param])
    yield context.new_page()
    close_context(context)


@pytest.fixture
def phone(browser):
    context = new_context(browser, viewport=PHONE)
    yield context.new_page()
    close_context(context)


def _all_pages(site: Path) -> list[str]:
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                  for p in site.rglob("index.html"))


_WIDER = """() => {
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right <= w + 1 || r.width === 0) continue;
    let clipped = false;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break; }
    }
    if (!clipped) out.push(e.tagName.toLowerCase() + '.' + String(e.className).split(' ')[0] + ' ' + Math.round(r.right));
  }
  return out.slice(0, 5);
}"""


@pytest.mark.parametrize("sized", list(SIZES), indirect=True, ids=list(SIZES))
def test_no_page_scrolls_sideways(sized, server, site):
    wide = []
    for url in _all_pages(site):
        sized.goto(server + url)
        sized.wait_for_load_state("networkidle")
        width = sized.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if width > 0:
            wide.append(f"/{url}: {width}px too wide: {sized.evaluate(_WIDER)}")
    assert not wide, "\n".join(wide)


def test_no_sideways_scroll_check_can_fail(phone, server):
    open_page(phone, server)
    phone.evaluate("() => document.querySelector('article p').insertAdjacentHTML('afterend', "
                   "'<p style=\"width: 900px\">breed</p>')")
    assert phone.evaluate("document.documentElement.scrollWidth") > PHONE["width"]


def test_story_starts_on_the_first_phone_screen(phone, server, catalogue):
    late = []
    for e in catalogue.entries:
        phone.goto(server + e.url)
        phone.wait_for_load_state("networkidle")
        box = phone.evaluate("""() => {
            const h1 = document.querySelector('article h1').getBoundingClientRect();
            const p = document.querySelector('article .ks-meta ~ p');
            const r = p.getBoundingClientRect();
            const line = parseFloat(getComputedStyle(p).lineHeight);
            return {h1: h1.bottom, top: r.top, line, vh: innerHeight, text: p.textContent.slice(0, 40)};
        }""")
        lines = (box["vh"] - box["top"]) / box["line"]
        if box["h1"] > box["vh"] or lines < 2:
            late.append(f"{e.url}: story starts at {box['top']:.0f}px ({lines:.1f} lines on screen): {box['text']}")
    assert not late, "\n".join(late)


def test_actions_sit_in_one_compact_control(browser, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    wanted = ["Print gespreksvel", "Bereid dit gesprek voor", "Gesprek leiden", "Download pdf"]
    for size, is_open in ((PHONE, False), (LAPTOP, True)):
        context = new_context(browser, viewport=size)
        page = context.new_page()
        open_page(page, server + entry.url)
        menu = page.locator("details.ks-actions-menu")
        assert menu.count() == 1
        assert page.evaluate("document.querySelector('details.ks-actions-menu').open") is is_open, size
        if not is_open:
            summary = page.locator("details.ks-actions-menu > summary")
            assert summary.bounding_box()["height"] < 50
            summary.click()
        texts = page.locator(".ks-actions-menu .ks-actions > *").all_inner_texts()
        assert [t for w in wanted for t in texts if t.startswith(w)], texts
        assert all(any(t.startswith(w) for t in texts) for w in wanted), texts
        assert page.locator(".ks-actions-menu .ks-actions").is_visible()
        close_context(context)


def test_skip_link_lands_just_before_the_actions(phone, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    open_page(phone, server + entry.url)
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.classList.contains('md-skip')")
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.matches('details.ks-actions-menu > summary')"), \
        phone.evaluate("document.activeElement.outerHTML.slice(0, 120)")


def test_back_to_top_takes_no_focus_while_hidden(phone, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    open_page(phone, server + entry.url)
    top = phone.locator(".md-top")
    assert top.get_attribute("hidden") is not None
    assert top.get_attribute("tabindex") == "-1"
    phone.mouse.wheel(0, 1500)
    phone.wait_for_timeout(200)
    phone.mouse.wheel(0, -300)
    phone.wait_for_function("!document.querySelector('.md-top').hidden")
    assert top.get_attribute("tabindex") is None
    top.click()
    phone.wait_for_function("document.activeElement === document.querySelector('article h1')")


# --- filters on /situaties/ ------------------------------------------------------------------

def _visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("li[data-ks-id]", "els => els.filter(e => e.offsetParent !== null)"
                                                           ".map(e => e.dataset.ksId)"))


def test_filters_combine_and_are_reflected_in_the_url(page, server, catalogue):
    open_page(page, server + "situaties/")
    page.wait_for_selector("form.ks-situation-filter:not([hidden]) select[name=domein]")
    assert _visible_ids(page) == {e.id for e in catalogue.entries}
    from collections import Counter
    pairs = Counter((e.domain, t) for e in catalogue.situations if e.domain for t in e.themes)
    (domain, theme), _ = pairs.most_common(1)[0]  # e.g. an inspection domain and "tegenspraak"
    page.select_option("select[name=domein]", domain)
    page.select_option("select[name=thema]", theme)
    page.select_option("select[name=soort]", "situatie")
    expected = {e.id for e in catalogue.entries if e.domain == domain and theme in e.themes and e.type == "situatie"}
    assert expected and len(expected) < len(catalogue.situations)
    assert _visible_ids(page) == expected
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"domein": [domain], "thema": [theme], "soort": ["situatie"]}
    assert re.search(r"\d+ verha", page.inner_text(".ks-filter__count"))

    # the URL can be shared: a fresh page with it shows the same list and the same choices
    shared = page.url
    open_page(page, shared)
    page.wait_for_selector("form.ks-situation-filter:not([hidden])")
    assert page.input_value("select[name=thema]") == theme
    assert _visible_ids(page) == expected

    # length and tension narrow further; every item shows its word count
    page.select_option("select[name=domein]", "")
    page.select_option("select[name=lengte]", "kort")
    assert _visible_ids(page) == {e.id for e in catalogue.entries
                                  if theme in e.themes and e.type == "situatie" and e.word_count <= 500}
    for e in catalogue.entries:
        assert f"({e.word_count} woorden)" in page.inner_text(f"li[data-ks-id='{e.id}']")
    page.click("form.ks-situation-filter button[type=reset]")
    page.wait_for_function("!location.search")
    assert _visible_ids(page) == {e.id for e in catalogue.entries}


def test_the_full_list_shows_without_javascript(browser, server, catalogue):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "situaties/")
    assert _visible_ids(page) == {e.id for e in catalogue.entries}
    assert not page.locator("form.ks-situation-filter").is_visible()
    close_context(context)


@pytest.mark.parametrize("url", ["situaties/?thema=tegenspraak", "SITUATION", "gesprek/voorbereiden/?situatie=ID",
                                 "zoeken/matrix/?tel=beeld", "kaarten/?collectie=inspecties"])
def test_axe_at_phone_size(phone, server, catalogue, url):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    url = entry.url if url == "SITUATION" else url.replace("ID", entry.id)
    for scheme in ("light", "dark"):
        open_page(phone, server + url, scheme)
        if phone.locator("details.ks-actions-menu").count():
            phone.click("details.ks-actions-menu > summary")
        violations = Axe().run(phone, options=WCAG_AA).response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]


# --- the tension matrix ----------------------------------------------------------------------

def test_matrix_shows_percentages_and_counts_situations_and_beelden_apart(page, server, catalogue):
    open_page(page, server + "zoeken/matrix/")
    (a, b), entries = next(iter(catalogue.by_tension.items()))
    coll = catalogue.collections[0]
    in_coll = [e for e in entries if e.collection == coll.id]
    pair_key = f"{a}--{b}"
    link = f"a[href$='#{pair_key}-{coll.id}']"
    for kind in ("situatie", "beeld"):
        page.check(f"input[name=tel][value={kind}]")
        assert parse_qs(urlsplit(page.url).query) == {"tel": [kind]}
        n = sum(1 for e in in_coll if e.type == kind)
        size = sum(1 for e in catalogue.by_collection[coll.id] if e.type == kind)
        shown = [t for t in page.locator(link).all() if t.is_visible()]
        if n:
            assert len(shown) == 1
            assert shown[0].inner_text().replace("\u00a0", " ") == f"{n} · {round(100 * n / size)}%"
        else:
            assert not shown
    page.check("input[name=tel][value=all]")
    target = page.locator(link).filter(visible=True).first
    if target.count():
        target.click()
        page.wait_for_url(f"**/zoeken/spanningen/#{pair_key}-{coll.id}")
        heading = page.locator(f"h3[id='{pair_key}-{coll.id}']")
        labels = {t.key: t.label for t in catalogue.vocabulary.terms("values")}
        assert labels[a] in heading.inner_text() and labels[b] in heading.inner_text()
        assert heading.evaluate("h => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < innerHeight")


def test_matrix_splits_no_word(phone, server):
    open_page(phone, server + "zoeken/matrix/")
    split = phone.evaluate("""() => [...document.querySelectorAll('.ks-matrix th[scope=row] a')].filter(a => {
        const range = document.createRange();
        let broken = false;
        for (const node of a.childNodes) {
          if (node.nodeType !== 3) continue;
          for (const m of node.textContent.matchAll(/\\S+/g)) {
            range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
            if (range.getClientRects().length > 1) broken = true;
          }
        }
        return broken;
    }).map(a => a.textContent)""")
    assert not split, split


# --- navigation ------------------------------------------------------------------------------

def test_print_page_is_not_a_main_tab_but_is_reachable(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    tabs = home.split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
    assert "print_page" not in tabs and "Alles afdrukken" not in tabs
    about = (site / "over/index.html").read_text(encoding="utf-8")
    assert 'href="../print_page/"' in about
    assert 'href="../downloads/kritische-situaties.pdf"' in about
    print_page = (site / "print_page/index.html").read_text(encoding="utf-8")
    assert "downloads/kritische-situaties.pdf" in print_page


def test_print_page_has_no_dead_anchors(page, server):
    page.goto(server + "print_page/")
    page.wait_for_selector("#print-page-toc li", state="attached")
    dead = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1))
        .filter(h => h && !document.getElementById(decodeURIComponent(h)))""")
    assert not dead, sorted(set(dead))


def test_print_page_has_its_table_of_contents_once_with_and_without_scripts(page, server, site):
    """The contents list is in the HTML (the PDF prints it without JavaScript); in the browser no script
    adds a second one, and it links to every part the sidebar lists."""
    html = (site / "print_page/index.html").read_text(encoding="utf-8")
    assert "generate_toc()" not in html
    page.goto(server + "print_page/")
    page.wait_for_load_state("load")
    lists = page.evaluate("""() => [...document.querySelectorAll('#print-page-toc > nav > ul')].map(
        ul => [...ul.querySelectorAll('a')].map(a => a.getAttribute('href')))""")
    sidebar = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--secondary ul')[0]
        .querySelectorAll('a')].map(a => a.getAttribute('href'))""")
    assert len(lists) == 1, f"{len(lists)} contents lists"
    assert lists[0] == sidebar and len(sidebar) > 60


def _resolve(url: str, href: str) -> str:
    from urllib.parse import urljoin
    return urljoin("http://x/" + url, href)[len("http://x/"):].split("#")[0]


def test_previous_and_next_stay_within_a_section(site):
    section, links = {}, {}
    for url in _all_pages(site):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        tab = re.search(r'md-tabs__item--active">\s*<a href="([^"]+)"', html)
        section[url] = _resolve(url, tab.group(1)) if tab else None
        links[url] = [_resolve(url, h) for h in re.findall(r'<a href="([^"]+)" class="md-footer__link', html)]
    assert sum(len(v) for v in links.values()) > 20, "the footer has previous/next links"
    crossing = [f"/{url} -> /{t}" for url, targets in links.items() for t in targets
                if section.get(t) != section[url]]
    assert not crossing, crossing


def test_repository_link_is_not_first_in_the_phone_menu(phone, server):
    open_page(phone, server)
    phone.click("label.md-header__button[for=__drawer]")
    order = phone.evaluate("""() => [...document.querySelectorAll('.md-nav--primary a')]
        .filter(a => a.offsetParent !== null).map(a => a.classList.contains('md-source') ? 'repo' : 'site')""")
    assert "repo" in order and order[0] != "repo" and order.index("repo") > order.index("site"), order
