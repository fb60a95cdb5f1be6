"""The built site in a real browser (Debian's Chromium): WCAG 2.1 AA with axe-core in the light and
the dark palette on every page type, no request to any other host, and the print view of a situation.

The same tests are described in docs/toegankelijkheid.md and docs/privacy.md: keep them in step."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from quality import PAGE_TYPES, open_page, resolve, wait_for_search_results

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def _report(url: str, violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{url}: {v['id']} ({v['impact']}) {v['help']} — {len(v['nodes'])}x")
        for node in v["nodes"][:4]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_wcag_21_aa_violation(page, server, catalogue, axe, kind, scheme):
    problems = []
    for url in resolve(kind, catalogue):
        open_page(page, server + url, scheme)
        assert page.locator("article h1").count() >= 1, f"{url}: no page content"
        result = axe.run(page, options=AXE_OPTIONS).response
        assert result["testEngine"]["version"].startswith("4."), result["testEngine"]
        if result["violations"]:
            problems.append(_report(url, result["violations"]))
    assert not problems, f"axe-core, {scheme} palette:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_open_search(page, server, axe, scheme):
    """The search dialog with results (summaries, marked words, the 'more results' line) and with the
    help for a query that finds nothing (nearest words, indexes)."""
    problems = []
    for query in ("inspecteur", "rapprot"):
        open_page(page, server, scheme)
        page.locator(".md-search__input").click()
        page.keyboard.type(query, delay=20)
        wait_for_search_results(page, query)
        page.locator(".ks-search-help").wait_for(state="visible")
        result = axe.run(page, options=AXE_OPTIONS).response
        if result["violations"]:
            problems.append(_report(f"search '{query}'", result["violations"]))
    assert not problems, f"axe-core, {scheme} palette:\n" + "\n".join(problems)


def test_axe_check_can_fail(page, server, axe):
    """The same check on a page we break on purpose: low contrast and an unlabeled field."""
    open_page(page, server)
    page.evaluate("""() => {
        const p = document.querySelector('article p');
        p.style.color = '#bbbbbb';
        p.insertAdjacentHTML('afterend', '<input type="text">');
    }""")
    ids = {v["id"] for v in axe.run(page, options=AXE_OPTIONS).response["violations"]}
    assert {"color-contrast", "label"} <= ids


def test_dialogs_and_landmarks_have_names(page, server, axe):
    """Beyond WCAG's letter, what Lighthouse also checks: the search dialog and landmarks are named."""
    open_page(page, server)
    rules = {"runOnly": {"type": "rule", "values": ["aria-dialog-name", "landmark-unique"]}}
    assert axe.run(page, options=rules).response["violations"] == []


def test_palette_toggle_switches_and_is_remembered(page, server, catalogue):
    situation = resolve("situatie", catalogue)[0]
    open_page(page, server, "dark")
    page.goto(server + situation)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg != "rgb(255, 255, 255)", bg


# --- requests ------------------------------------------------------------------------------

def _record(page):
    """Every request of the browser context, including the search worker's; each is let through."""
    seen: list[str] = []
    page.context.on("request", lambda request: seen.append(request.url))
    return seen


def _use(page):
    """What a visitor does: scroll to the end, and search (loads the search worker, Pagefind and its Dutch index)."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    if not page.locator(".md-search__input").is_visible():  # the print page has no search
        return
    page.locator(".md-search__input").click()
    page.keyboard.type("toezicht")
    page.wait_for_selector(".md-search-result__item")  # results shown: their page fragments fetched
    page.wait_for_load_state("networkidle")


def test_no_request_leaves_the_local_server(page, server, catalogue, artifacts):
    seen = _record(page)
    host = urlsplit(server).netloc
    log = []
    for kind in PAGE_TYPES:
        for url in resolve(kind, catalogue):
            start = len(seen)
            page.goto(server + url)
            page.wait_for_load_state("networkidle")
            _use(page)
            log.append(f"## /{url}\n" + "\n".join(seen[start:]))
    (artifacts / "requests.txt").write_text("\n\n".join(log) + "\n", encoding="utf-8")
    off_host = sorted({u for u in seen if urlsplit(u).netloc != host and not u.startswith(("data:", "blob:"))})
    assert not off_host, f"requests to other hosts: {off_host}"
    # the recording really includes what the search worker fetches
    assert any(u.endswith("/search/search_index.json") for u in seen)
    assert any(u.endswith("/pagefind/wasm.nl.pagefind") for u in seen)
    assert any("/pagefind/fragment/" in u for u in seen)


def test_request_recording_sees_an_off_host_request(page, server):
    """The recorder catches a third-party request (blocked here, so nothing leaves the machine)."""
    seen = _record(page)
    page.context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    page.goto(server)
    page.evaluate("fetch('https://example.org/tracker.js').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert "https://example.org/tracker.js" in seen


# --- print -------------------------------------------------------------------------------

CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".ks-actions"]


def _visible(page, selector: str) -> bool:
    return page.evaluate("""sel => [...document.querySelectorAll(sel)].some(e => {
        const r = e.getBoundingClientRect(), s = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    })""", selector)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def test_print_view_hides_the_chrome_and_shows_the_questions(page, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    page.goto(server + entry.url)
    page.wait_for_load_state("networkidle")
    assert all(_visible(page, sel) for sel in (".md-header", ".ks-actions", ".md-footer"))  # on screen
    page.emulate_media(media="print")
    shown = [sel for sel in CHROME if _visible(page, sel)]
    assert not shown, f"visible in print: {shown}"
    assert _visible(page, "article h1")
    visible_text = _norm(page.evaluate("document.querySelector('article').innerText"))
    assert _norm(entry.key_question) in visible_text
    for _, questions in entry.questions:
        for q in questions:
            assert _norm(q) in visible_text, q
    cards = page.evaluate("[...document.querySelectorAll('.ks-card')].filter(c => c.offsetHeight > 0).length")
    assert cards == len(entry.questions)
