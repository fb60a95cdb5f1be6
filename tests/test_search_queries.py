"""Dutch search finds every form of a word: the queries of tests/search_queries.yml (plural for
singular, adjective, verb form, diminutive, capitals, no diacritics, the beginning of a word), typed
into the site's search box in a real browser, each find their situation among the first results.

A query counts only while its story still holds the `word` it was made from (the stories are being
revised); the test prints the lines that no longer apply, so the file is easy to keep up to date."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from quality import wait_for_search_results

ALL_QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
TOP = 5          # the story must be among the first TOP results
REQUIRED = 0.95  # share of the queries that must pass (the bar for an independent set)


@pytest.fixture(scope="module")
def queries(site, catalogue) -> list[dict]:
    """The queries whose story is in this catalogue and still holds their `word` on its page."""
    pages = {e.id: (site / e.url / "index.html") for e in catalogue.entries}
    usable, stale = [], []
    for q in ALL_QUERIES:
        assert q["q"] != q["word"], f"{q['q']}: the query must differ from the text"
        page = pages.get(q["expect"])
        text = page.read_text(encoding="utf-8").lower() if page and page.is_file() else ""
        (usable if re.search(rf"(?<!\w){re.escape(q['word'].lower())}(?!\w)", text) else stale).append(q)
    for q in stale:
        print(f"search_queries.yml: no longer applies: {q['q']} ({q['word']} not in {q['expect']})")
    return usable


def test_the_query_set_is_large_and_varied(queries):
    assert len(queries) >= 40, f"only {len(queries)} queries match a situation: update search_queries.yml"
    forms = {q["form"].split(",")[0].split()[0] for q in queries}
    assert {"plural", "singular", "adjective", "diminutive", "verb", "capitals", "no", "beginning"} <= forms, forms


@pytest.fixture(scope="module")
def answers(browser, server, catalogue, queries):
    """{query: [entry ids of the result list, in order]}, typed into one page one after another."""
    from quality import close_context, new_context
    urls = {e.url: e.id for e in catalogue.entries}
    context = new_context(browser)
    page = context.new_page()
    page.goto(server)
    page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")
    box.click()
    out = {}
    for item in queries:
        q = item["q"]
        box.fill("")  # start from the empty box, so no earlier answer is taken for this one
        page.keyboard.press("End")  # Material reads the box on keyup
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent"
                               ".includes('Typ een woord')")
        box.fill(q[:-1])
        page.keyboard.type(q[-1])
        hrefs = wait_for_search_results(page, q)
        out[q] = [urls.get(h.split("?")[0].split("#")[0].removeprefix(server)) for h in hrefs]
    close_context(context)
    return out


def test_every_form_of_a_word_finds_its_story(answers, queries):
    missed = [(q["q"], q["form"], q["expect"], answers[q["q"]][:TOP])
              for q in queries if q["expect"] not in answers[q["q"]][:TOP]]
    share = 1 - len(missed) / len(queries)
    print(f"search queries: {len(queries) - len(missed)}/{len(queries)} found in the first {TOP}")
    for m in missed:
        print("  missed:", m)
    assert share >= REQUIRED, "\n".join(map(str, missed))
