"""Dutch search in a real browser: the site's own search box, Material's lunr with the Dutch language
pack, against a local server of the built site. Query words are taken from the built search index, so
the tests follow the catalogue as it grows."""
from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from quality import wait_for_search_results

TOKEN = re.compile(r"[a-zà-öø-ÿ]+")
SUFFIXES = ("en", "heid", "e", "s")  # plural -en, noun -heid, adjective -e, plural -s


@pytest.fixture(scope="module")
def index(site):
    """{page url: set of lower-case words} from the built search index."""
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["lang"] == ["nl"]
    words = defaultdict(set)
    for doc in data["docs"]:
        words[doc["location"].split("#")[0]] |= set(TOKEN.findall((doc["title"] + " " + doc["text"]).lower()))
    return words


def _pages_with_prefix(index, prefix: str) -> set[str]:
    return {url for url, words in index.items() if any(w.startswith(prefix) for w in words)}


def rare_word(index, catalogue):
    """(word, situation): a long word from a story that only that situation's page contains."""
    for e in catalogue.entries:
        if e.type != "situatie":
            continue
        for word in sorted(set(TOKEN.findall(e.body.lower())), key=len, reverse=True):
            if len(word) >= 8 and _pages_with_prefix(index, word) == {e.url}:
                return word, e
    raise AssertionError("no story word unique to one page")


def _base_form(word: str, suffix: str) -> str | None:
    if not word.endswith(suffix) or len(word) - len(suffix) < 6:
        return None
    base = word[: -len(suffix)]
    if suffix == "en" and base[-1] == base[-2]:
        base = base[:-1]  # gesprekken -> gesprek
    return base


def inflected_pair(index, catalogue):
    """(base form, inflected form, situation): the story holds only the inflected form; the base
    form is a real word because another page of the site uses it as it is."""
    for suffix in SUFFIXES:
        for e in catalogue.entries:
            if e.type != "situatie":
                continue
            words = index[e.url]
            for word in sorted(set(TOKEN.findall(e.body.lower()))):
                base = _base_form(word, suffix)
                if not base or base in words or not any(base in ws for u, ws in index.items() if u != e.url):
                    continue
                if e.url in _pages_with_prefix(index, base) and len(_pages_with_prefix(index, base)) <= 6:
                    return base, word, e
    raise AssertionError("no inflected story word whose base form is used elsewhere")


def search(page, server, query: str) -> list[str]:
    """Type a query in the search box like a visitor; the result links (page URLs) in order."""
    page.goto(server)
    page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type(query, delay=30)
    hrefs = wait_for_search_results(page, query)  # "N …" or "Geen overeenkomende documenten"
    return [h.split("?")[0].split("#")[0].removeprefix(server) for h in hrefs]


def test_a_word_from_a_story_finds_its_situation(page, server, index, catalogue):
    word, entry = rare_word(index, catalogue)
    results = search(page, server, word)
    assert results and results[0] == entry.url, (word, entry.url, results)
    title = page.inner_text(".md-search-result__item:first-child .md-search-result__article h1")
    assert title.strip() == entry.title


def test_base_form_finds_the_inflected_form_in_a_story(page, server, index, catalogue):
    base, inflected, entry = inflected_pair(index, catalogue)
    assert base not in index[entry.url]
    results = search(page, server, base)
    assert entry.url in results, (base, inflected, entry.url, results)
    marks = page.eval_on_selector_all(".md-search-result mark", "ms => ms.map(m => m.textContent.toLowerCase())")
    assert any(m.startswith(base) for m in marks), marks


def test_capitals_and_diacritics_do_not_matter_for_dutch_words(page, server, index, catalogue):
    word, entry = rare_word(index, catalogue)
    assert entry.url in search(page, server, word.upper())
    situations = {e.url for e in catalogue.entries}
    accented = sorted((len(_pages_with_prefix(index, w)), w, url) for url in situations
                      for w in index[url] if re.search(r"[à-ÿ]", w) and len(w) >= 5)
    assert accented, "no word with a diacritic (é, ë, ö …) in any story"
    _, word, url = accented[0]
    assert url in search(page, server, word), word


def test_a_nonsense_word_finds_nothing(page, server):
    assert search(page, server, "qxzvwuitgevonden") == []
    assert "Geen overeenkomende documenten" in page.inner_text(".md-search-result__meta")


def test_the_dutch_language_pack_is_loaded(page, server):
    requested = []
    page.context.on("request", lambda r: requested.append(r.url))
    search(page, server, "toezicht")
    assert any(u.endswith("/lunr.nl.min.js") for u in requested), requested


def test_the_search_index_loads_only_when_someone_searches(page, server, index, catalogue):
    """search-on-demand.js holds the index back on a first visit (page weight) and releases it on
    the first focus of the search field, here with Material's '/' shortcut."""
    asked = []
    page.context.on("request", lambda r: asked.append(r.url) if "search_index" in r.url else None)
    page.goto(server)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert asked == [], "the search index was fetched before anyone searched"
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    word, entry = rare_word(index, catalogue)
    page.keyboard.type(word, delay=30)
    results = wait_for_search_results(page, word)
    assert [u for u in asked if u.endswith("/search/search_index.json")], asked
    assert results and results[0].split("?")[0].removeprefix(server) == entry.url, results
