"""The Content-Security-Policy in a real browser, enforced (no test bypass): every page works with no
violation, and markup that slipped past validation can neither run script nor reach another host."""
from __future__ import annotations

import re
import pytest

from quality import PAGE_TYPES, close_context, new_context, resolve

VIOLATION = """window.__csp = []; document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""


@pytest.fixture
def strict(browser):
    """A page with the site's CSP enforced; console messages and requests are recorded."""
    context = new_context(browser, strict_csp=True)
    page = context.new_page()
    page.console, page.left = [], []
    page.on("console", lambda m: page.console.append(m.text))

    def leave(route):
        """Reached only by a request that got past the browser's CSP check: recorded, then stopped here."""
        page.left.append(route.request.url)
        route.abort()
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), leave)
    page.add_init_script(VIOLATION)
    yield page
    close_context(context)


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp") + [m for m in page.console if "Content Security Policy" in m]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_works_under_the_policy_without_violations(strict, server, catalogue, kind):
    for url in resolve(kind, catalogue):
        strict.goto(server + url)
        strict.wait_for_load_state("networkidle")
        assert strict.locator("article h1").count() >= 1
        assert 'Content-Security-Policy' in strict.content()
        assert _violations(strict) == [], url


def test_search_palette_vertelpunt_and_print_work_under_the_policy(strict, server, catalogue):
    strict.goto(server)
    strict.click(".md-search__input")
    strict.keyboard.type("inspecteur")  # typed, as Material searches on keyup (fill() sends none)
    strict.wait_for_selector(".md-search-result__item")
    strict.wait_for_selector(".md-search-result mark")  # results of the search worker, with marks
    strict.keyboard.press("Escape")
    scheme = strict.evaluate("document.body.dataset.mdColorScheme")
    strict.click("form[data-md-component=palette] label:not([hidden])")
    strict.wait_for_selector(f"body:not([data-md-color-scheme={scheme}])")
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    strict.goto(server + entry.url)
    strict.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    strict.click("[data-ks-component=print-button]")
    assert strict.evaluate("window.__printed") == 1
    strict.goto(server + "bijdragen/vertelpunt/")
    strict.wait_for_selector("[data-ks-vertelpunt]:not([hidden]) #vp-story")
    strict.goto(server + "gesprek/voorbereiden/?situatie=" + entry.id)
    strict.wait_for_selector("[data-ks-component=chosen-situation]:not([hidden])")
    assert _violations(strict) == []


def test_injected_image_and_script_are_blocked(strict, server, catalogue):
    """What validation would refuse, put into a page by hand: the browser loads and runs nothing."""
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    strict.goto(server + entry.url)
    strict.wait_for_load_state("networkidle")
    strict.evaluate("""() => {
        const p = document.querySelector('article p');
        p.insertAdjacentHTML('afterend', '<img src="https://tracker.example/p.gif" alt="">');
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.querySelector('article').append(s);
    }""")
    strict.wait_for_timeout(300)
    assert strict.left == [], "a request got past the policy"
    assert strict.evaluate("window.__ran === undefined")
    blocked = _violations(strict)
    assert any("img-src" in v for v in blocked) and any("script-src" in v for v in blocked), blocked


def test_the_recorder_sees_a_request_that_is_not_blocked(strict, server):
    """Without the policy in the way (a new window with no CSP), an off-host image does reach the router."""
    strict.goto(server + "api/v1/situaties.schema.json")  # not an HTML page: no policy
    strict.evaluate("""() => { const i = new Image(); i.src = 'https://tracker.example/p.gif'; document.body.append(i); }""")
    strict.wait_for_timeout(300)
    assert strict.left == ["https://tracker.example/p.gif"]
