"""Keyboard use in a real browser: every action can be reached with Tab and shows where the focus is;
the skip link jumps past the navigation; print, download, palette, search and the vertelpunt work
from the keyboard alone."""
from __future__ import annotations

import re

import pytest

from quality import (active, describe, focus_is_visible, open_page, resolve, tab_stops,
                     wait_for_search_results)

KEYBOARD_PAGES = ["", "situatie", "kaarten/", "zoeken/matrix/", "bijdragen/vertelpunt/", "toegankelijkheid/"]


def _situation(page, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    open_page(page, server + entry.url)
    return entry


def _tab_to(page, selector: str, limit: int = 300) -> dict:
    """Press Tab (round the page and back to its top) until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return active(page)
    raise AssertionError(f"{selector} cannot be reached with Tab")


@pytest.mark.parametrize("kind", KEYBOARD_PAGES)
def test_every_tab_stop_shows_visible_focus(page, server, catalogue, kind):
    url = resolve(kind, catalogue)[0]
    open_page(page, server + url)
    stops = tab_stops(page)
    assert len(stops) >= 10, f"/{url}: only {len(stops)} tab stops"
    hidden = [describe(s) for s in stops if not s["visible"]]
    assert not hidden, f"/{url}: focus not visible on\n" + "\n".join(hidden)


def test_focus_check_can_fail(page, server):
    """A link whose focus style is taken away is caught by the same check."""
    open_page(page, server)
    page.add_style_tag(content="a.qa-nofocus, a.qa-nofocus:focus, a.qa-nofocus:focus-visible "
                               "{ outline: none !important; color: inherit !important; text-decoration: none !important }")
    page.evaluate("() => document.querySelector('article p').insertAdjacentHTML("
                  "'beforeend', ' <a class=\\'qa-nofocus\\' href=\\'#\\'>geen focus</a>')")
    stop = _tab_to(page, "a.qa-nofocus")
    assert not focus_is_visible(page, stop)
    stop = _tab_to(page, ".md-tabs__link")
    assert focus_is_visible(page, stop)


def test_skip_link_jumps_past_the_navigation(page, server, catalogue):
    _situation(page, server, catalogue)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    skip = active(page)
    assert skip and "md-skip" in skip["cls"], f"first tab stop is {skip}"
    assert skip["x"] >= 0 and skip["y"] >= 0 and skip["y"] < skip["vh"], skip  # on screen when focused
    assert focus_is_visible(page, skip)
    page.keyboard.press("Enter")
    assert page.url.endswith(skip["href"]), page.url
    page.keyboard.press("Tab")
    inside = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert inside, f"after the skip link focus went to {active(page)}"


def test_actions_on_a_situation_page_work_from_the_keyboard(page, server, catalogue):
    entry = _situation(page, server, catalogue)
    reached = {s["qa"]: s for s in tab_stops(page, check_focus=False)}
    kinds = {
        "navigation": ".md-tabs__link",
        "search": ".md-search__input",
        "palette": "input.md-option",
        "print": "[data-ks-component='print-button']",
        "download": "a[download][href$='.pdf']",
        "prepare": "a[href*='gesprek/voorbereiden/']",
    }
    missing = []
    for name, selector in kinds.items():
        qas = page.eval_on_selector_all(selector, "els => els.map(e => e.dataset.qa || '')")
        if not any(q in reached for q in qas):
            missing.append(name)
    assert not missing, f"not reachable with Tab: {missing}"

    # print: Enter on the button prints
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    _tab_to(page, "[data-ks-component='print-button']")
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1

    # download: Enter on the link downloads the handout
    _tab_to(page, "a[download][href$='.pdf']")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename == f"{entry.id}.pdf"

    # palette: the arrow keys switch the colour scheme
    _tab_to(page, "input.md-option")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")

    # navigation: Enter on a tab opens that section
    _tab_to(page, ".md-tabs__link[href$='gesprek/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/gesprek/")


def _search_by_keyboard(page, server, entry) -> dict:
    """From the home page: Tab to the search field, type the title, wait for the results of the
    whole title (they come in while typing), ArrowDown to the first; the focused result."""
    open_page(page, server)  # not the situation itself: choosing the result must really navigate
    _tab_to(page, ".md-search__input")
    page.keyboard.type(entry.title, delay=20)
    results = wait_for_search_results(page, entry.title)
    assert results and results[0].split("?")[0].endswith("/" + entry.url), results
    page.keyboard.press("ArrowDown")
    result = active(page)
    assert result and "md-search-result__link" in result["cls"], result
    return result


def test_search_results_show_keyboard_focus(page, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    result = _search_by_keyboard(page, server, entry)
    assert focus_is_visible(page, result)


def test_a_search_result_opens_with_enter(page, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    result = _search_by_keyboard(page, server, entry)
    assert result["href"].split("?")[0].endswith("/" + entry.url), result
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape("/" + entry.url) + r"(\?|#|$)"))
    assert page.title().startswith(entry.title), page.title()


def test_vertelpunt_form_can_be_filled_in_with_tab(page, server):
    open_page(page, server + "bijdragen/vertelpunt/")
    page.wait_for_selector("[data-ks-vertelpunt]:not([hidden]) form")
    controls = page.evaluate("""() => [...document.querySelectorAll(
        '[data-ks-vertelpunt] form :is(input, select, textarea, button), [data-ks-vertelpunt] :is(a[href], button, summary)')]
        .filter(e => !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
        .map((e, i) => (e.dataset.qaControl = e.type === 'radio' ? 'radio:' + e.name : i,
                        [e.dataset.qaControl, e.id || e.name || e.textContent.trim().slice(0, 30)]))""")
    assert len(controls) >= 10, controls
    stops = tab_stops(page, limit=400)
    reached = set(page.evaluate("qas => qas.map(q => document.querySelector(`[data-qa='${q}']`)?.dataset.qaControl)",
                                [s["qa"] for s in stops]))
    # a group of radio buttons is one tab stop (the arrow keys move within it)
    missing = [name for group, name in controls if str(group) not in reached]
    assert not missing, f"vertelpunt controls not reachable with Tab: {missing}"
    hidden = [describe(s) for s in stops if not s["visible"]]
    assert not hidden, "focus not visible on\n" + "\n".join(hidden)
    # type a story with the keyboard only and see it kept as a draft
    _tab_to(page, "#vp-story")
    page.keyboard.type("Het was vrijdagmiddag.")
    page.wait_for_function("(localStorage.getItem('ks-vertelpunt-concept-v1') || '').includes('vrijdagmiddag')")
