"""Dutch search in a real browser: the site's own search box (Material's), answered by the site's search
worker with Pagefind's Dutch index, against a local server of the built site. Query words are taken
from the indexed part of the built pages, so the tests follow the catalogue as it grows."""
from __future__ import annotations

import html
import re

import pytest

from quality import wait_for_search_results

TOKEN = re.compile(r"[a-zà-öø-ÿ]+")
SUFFIXES = ("en", "heid", "e", "s")  # plural -en, noun -heid, adjective -e, plural -s


BODY = re.compile(r"<div data-pagefind-body[^>]*>(.*)</article>", re.DOTALL)


@pytest.fixture(scope="module")
def index(site):
    """{page url: set of lower-case words} of the part of every page that Pagefind indexes."""
    words = {}
    for path in site.rglob("index.html"):
        m = BODY.search(path.read_text(encoding="utf-8"))
        if m:
            url = path.parent.relative_to(site).as_posix() + "/"
            text = html.unescape(re.sub(r"<[^>]+>", " ", m.group(1)))
            words["" if url == "./" else url] = set(TOKEN.findall(text.lower()))
    assert len(words) > len(list(site.glob("situaties/*/*/index.html"))), "too few pages indexed"
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
    hrefs = wait_for_search_results(page, query)  # "N resultaten" or "Niets gevonden"
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
    assert page.inner_text(".md-search-result__meta").strip() == "Niets gevonden"


def test_the_dutch_index_answers_and_nothing_else_is_fetched(page, server):
    """Pagefind's Dutch index (stemmer in wasm.nl) answers; Material's lunr and its full-text index
    are not fetched any more (search_index.json holds only Material's settings)."""
    requested = []
    page.context.on("request", lambda r: requested.append(r.url))
    assert search(page, server, "toezicht")
    assert any(u.endswith("/pagefind/wasm.nl.pagefind") for u in requested), requested
    assert not [u for u in requested if "/lunr/" in u or "/workers/search." in u], requested
    assert all(u.startswith(server) for u in requested), requested


def test_a_result_shows_the_summary_of_the_situation(page, server, catalogue):
    """A situation's result reads as its title and summary, with the words found marked, not as text
    of the page glued together ("goed isHoe ziet …")."""
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    results = search(page, server, entry.title)
    assert results and results[0] == entry.url, results
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text().strip() == entry.title
    text = " ".join(first.locator("article p").first.inner_text().split())
    assert text == " ".join(entry.summary.split()), text
    assert first.locator("mark").count() > 0


def test_no_result_text_is_glued_together(page, server):
    """Question cards are indexed as words apart: label and question do not run together."""
    search(page, server, "tegenspraak")
    texts = page.eval_on_selector_all(".md-search-result__article", "as => as.map(a => a.innerText)")
    assert texts
    glued = [t for t in texts if re.search(r"goed (is|doet|voelt)[A-Z]", t)]
    assert not glued, glued


def test_the_search_index_loads_only_when_someone_searches(page, server, index, catalogue):
    """search-on-demand.js holds the search back on a first visit (page weight) and releases it on
    the first focus of the search field, here with Material's '/' shortcut."""
    asked = []
    page.context.on("request", lambda r: asked.append(r.url)
                    if "search_index" in r.url or "/pagefind/" in r.url else None)
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
    assert [u for u in asked if u.endswith("/pagefind/pagefind.js")], asked
    assert results and results[0].split("?")[0].removeprefix(server) == entry.url, results


def test_no_result_is_no_dead_end(page, server, catalogue):
    """A misspelt word finds nothing as it is, and the help offers the nearest words (each opens the
    search with that word) and the indexes of tensions, themes and roles."""
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    word = max(re.findall(r"[a-z]{8,}", entry.title.lower()) or re.findall(r"[a-z]{8,}", entry.summary.lower()),
               key=len)
    typo = word[:3] + word[4] + word[3] + word[5:]  # two letters swapped
    assert search(page, server, typo) == []
    help_box = page.locator(".ks-search-help")
    help_box.wait_for(state="visible")
    assert help_box.get_attribute("aria-live") == "polite"
    links = help_box.locator("a")
    hrefs = links.evaluate_all("as => as.map(a => a.href)")
    assert any(h.endswith("/zoeken/spanningen/") for h in hrefs), hrefs
    assert any(h.endswith("/zoeken/themas/") for h in hrefs), hrefs
    assert any(h.endswith("/zoeken/rollen/") for h in hrefs), hrefs
    suggested = [h for h in hrefs if "?q=" in h]
    assert any(h.endswith("?q=" + word) for h in suggested), (typo, suggested)
    page.goto(next(h for h in suggested if h.endswith("?q=" + word)))
    results = [h.split("?")[0].removeprefix(server) for h in wait_for_search_results(page, word)]
    assert entry.url in results, (word, results)


def test_the_result_count_is_announced_and_more_results_are_mentioned(page, server, index):
    """The count line is a polite live region; when more pages hold the word than are shown, the help
    says how many there are."""
    common = max(("inspecteur", "situatie", "gesprek", "vraag", "waarden"),
                 key=lambda w: sum(1 for words in index.values() if any(x.startswith(w) for x in words)))
    pages = sum(1 for words in index.values() if any(x.startswith(common) for x in words))
    search(page, server, common)
    meta = page.locator(".md-search-result__meta")
    assert meta.get_attribute("aria-live") == "polite" and meta.get_attribute("role") == "status"
    count = re.fullmatch(r"(\d+) resultaten", meta.inner_text().strip())
    assert count, meta.inner_text()
    shown = int(count.group(1))
    assert pages > shown, (common, pages, shown)
    help_box = page.locator(".ks-search-help")
    help_box.wait_for(state="visible")
    more = re.search(r"de (\d+) beste van (\d+) resultaten", help_box.inner_text())
    assert more and int(more.group(1)) == shown and int(more.group(2)) > shown, help_box.inner_text()
