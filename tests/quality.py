"""Helpers for the browser quality tests: the page types of the site, palette, tab stops, focus."""
from __future__ import annotations

from project import ROOT

# Every hand-written page (home, indexes, guide, card page, vertelpunt, about pages), by URL.
DOC_PAGES = sorted(
    "" if p.relative_to(ROOT / "docs").as_posix() == "index.md"
    else p.relative_to(ROOT / "docs").with_suffix("").as_posix().removesuffix("/index") + "/"
    for p in (ROOT / "docs").rglob("*.md")
)
# Generated page types, resolved against the real catalogue at run time.
GENERATED = ["situatie", "beeld", "collecties", "print_page/"]
PAGE_TYPES = DOC_PAGES + GENERATED

NO_MOTION = "*,*::before,*::after{transition:none!important;animation:none!important}"


def resolve(kind: str, catalogue) -> list[str]:
    """URLs (relative to the server root) of a page type: one situation, one beeld, every collection."""
    if kind == "situatie":
        return [next(e.url for e in catalogue.entries if e.type == "situatie")]
    if kind == "beeld":
        return [next(e.url for e in catalogue.entries if e.type == "beeld")]
    if kind == "collecties":
        return [c.url for c in catalogue.collections]
    return [kind]


def new_context(browser, strict_csp: bool = False, **options):
    """A browser context for a test. Playwright's own wait_for_function() evaluates strings, which the
    site's Content-Security-Policy forbids; tests that check the policy itself pass strict_csp=True."""
    return browser.new_context(locale="nl-NL", bypass_csp=not strict_csp, **options)


def close_context(context) -> None:
    """Close a browser context without racing a navigation.

    Chromium can acknowledge closing a tab that is still committing a navigation without closing it,
    and then the close waits forever (microsoft/playwright#41900, #42366). A test that ends on a
    click that navigates (a search result, a tab) hit that now and then. So first let every tab finish
    loading and move it to about:blank, which leaves nothing in flight, then close."""
    for pg in context.pages:
        for _ in range(3):  # a navigation still under way interrupts the first goto
            try:
                pg.wait_for_load_state("load", timeout=15000)
                pg.goto("about:blank", wait_until="load", timeout=15000)
                break
            except Exception as exc:  # noqa: BLE001 - try again; a crashed tab still closes below
                print(f"close_context: {pg.url}: {str(exc).splitlines()[0]}")
    context.close()


# Material searches while a query is still being typed, so results of a part of it show up first.
# The search help (components/search-help.js) marks which query was answered last and how many pages
# it found; these are the results of the whole query once that is this query and either nothing was
# found or a result link highlights (?h=) the query's last word, normalised as the search worker does
# (lower case, "nota's" → "nota").
_WHOLE_QUERY_RESULTS = r"""q => {
    if (document.querySelector('.md-search__input').value !== q) return false;
    const help = document.querySelector('.ks-search-help');
    if (!help || help.dataset.query !== q) return false;
    const meta = document.querySelector('.md-search-result__meta');
    const links = [...document.querySelectorAll('.md-search-result a')];
    if (help.dataset.total === '0') return meta.textContent.trim() === 'Niets gevonden' && !links.length;
    const words = q.toLowerCase().replace(/['’]s(?![\p{L}\p{N}])/gu, '')
        .split(/[^\p{L}\p{N}]+/u).filter(w => w.length > 1);
    const last = words.pop();
    return /resultaa?t/.test(meta.textContent) && links.some(a =>
        (new URL(a.href).searchParams.get('h') || '').toLowerCase().split(' ').includes(last));
}"""


def wait_for_search_results(page, query: str) -> list[str]:
    """Wait for the results of the whole typed query; the result page links (absolute), in order."""
    page.wait_for_function(_WHOLE_QUERY_RESULTS, arg=query)
    return page.eval_on_selector_all(".md-search-result__item > .md-search-result__link",
                                     "links => links.map(a => a.href)")

def open_page(page, url: str, scheme: str = "light"):
    """Open a page, wait for Material's JavaScript, switch to the dark palette with its toggle."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.add_style_tag(content=NO_MOTION)
    if scheme == "dark" and page.evaluate("document.body.dataset.mdColorScheme") != "slate":
        toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
        toggle.click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")


# The element that shows focus for the active element: Material's palette radio is 0x0 and
# shows its focus ring on the label right after it.
_ACTIVE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  let shown = e;
  if (e.matches('input.md-option') && e.nextElementSibling && e.nextElementSibling.tagName === 'LABEL')
    shown = e.nextElementSibling;
  const r = shown.getBoundingClientRect();
  if (!e.dataset.qa) e.dataset.qa = 'q' + Math.random().toString(36).slice(2, 10);
  const text = (e.getAttribute('aria-label') || e.innerText || e.value || e.getAttribute('title') || '')
    .replace(/\\s+/g, ' ').trim().slice(0, 50);
  return {qa: e.dataset.qa, tag: e.tagName.toLowerCase(), cls: String(e.className).replace(/ ?focus-visible/, ''),
          id: e.id, href: e.getAttribute('href'), text, x: r.x, y: r.y, w: r.width, h: r.height,
          vw: innerWidth, vh: innerHeight};
}"""


def active(page) -> dict | None:
    """Description of the focused element (None when focus is on the page itself)."""
    return page.evaluate(_ACTIVE)


def focus_is_visible(page, stop: dict) -> bool:
    """True when the focused element looks different from the same element unfocused.

    Compares a screenshot of the element's area (with a margin for outlines) while focused and
    after blur; restores focus with Shift+Tab, Tab afterwards."""
    if stop["w"] < 1 or stop["h"] < 1:
        return False
    m = 6
    x, y = max(stop["x"] - m, 0), max(stop["y"] - m, 0)
    w = min(stop["w"] + 2 * m, stop["vw"] - x)
    h = min(stop["h"] + 2 * m, stop["vh"] - y)
    if w < 1 or h < 1:
        return False
    clip = {"x": x, "y": y, "width": w, "height": h}
    focused = page.screenshot(clip=clip)
    page.evaluate("document.activeElement.blur()")
    blurred = page.screenshot(clip=clip)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    return focused != blurred


def tab_stops(page, limit: int = 250, check_focus: bool = True) -> list[dict]:
    """Tab from the top of the page until focus leaves it; every stop, with `visible` focus or not."""
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    stops, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = active(page)
        if stop is None or stop["qa"] in seen:
            break
        seen.add(stop["qa"])
        if check_focus:
            stop["visible"] = focus_is_visible(page, stop)
            again = active(page)
            assert again and again["qa"] == stop["qa"], f"focus not restored after {stop}"
        stops.append(stop)
    return stops


def describe(stop: dict) -> str:
    return f"<{stop['tag']} class='{stop['cls']}' href={stop['href']!r}> {stop['text']!r}"
