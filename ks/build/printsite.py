"""Four small fixes that make mkdocs-print-site-plugin (2.9) cheap for this site; all are upstream candidates.

Measured at 52 entries, print-site's on_post_build cost 0.3-0.5 s, about half of a vanilla Material build:

1. It asks the theme for a *new* Jinja environment (`config.theme.get_env()`) to render the print page,
   so every Material template is compiled a second time. `reuse_theme_env` hands it the environment the
   build already has (and that the other plugins' on_env saw).
2. `urls.update_anchor_ids` runs the regex `<([^\\s]+).*?id="..."` with `finditer`: from every `<` the
   lazy `.*?` scans to the end of the line, so long lines cost (tags x line length). `update_anchor_ids`
   below yields exactly the same matches (it only skips a `<` where that regex cannot match: no `id="`
   later on the same line; it finds those with str.find, not a case-insensitive regex) and then
   changes the page as the original does (each match where it stands, in one pass).
3. `urls.fix_href_links` rewrites each link with `page_html.replace(...)` over the whole page: an index
   page of 2,000 links took seconds. `fix_href_links` below rewrites every link in one pass.
Both one-pass versions fall back to the original where its page-wide replace could give another result.
4. `urls.fix_tabbed_content` runs three regexes with `.*?` over every page to rename tabbed-content inputs
   and labels (0.3 s at 2,000 entries); `fix_tabbed_content` below skips a page without `<input` or
   `<label` (in any case), which those regexes cannot change.
"""
from __future__ import annotations

import re

from mkdocs_print_site_plugin import urls as _urls

HREF_REGEX = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)  # print-site's own
# what `id="` matches case-insensitively in Python's re (i also matches U+0130 and U+0131)
ID_FORMS = tuple(i + d + '="' for i in "iI\u0130\u0131" for d in "dD")
CHANGE_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"}
ORIGINAL_UPDATE_ANCHOR_IDS = _urls.update_anchor_ids  # run where one pass could differ, and tested against
ORIGINAL_FIX_HREF_LINKS = _urls.fix_href_links
ORIGINAL_FIX_TABBED_CONTENT = _urls.fix_tabbed_content
FORM_TAG = re.compile(r"<(?:input|label)", flags=re.IGNORECASE)
LINK_REGEX = re.compile(r"<a\s+([^>]*?\s+)?href=\"(.*?)\"", flags=re.IGNORECASE)  # print-site's own
INNER_CHANGE_TAG = re.compile(r"<(?:h[1-6]|sup|li)")
INNER_LINK = re.compile(r"<a\s", flags=re.IGNORECASE)


def _positions(text: str, needles: tuple[str, ...]) -> list[int]:
    """Sorted start positions of every needle in text (str.find: much faster than a re.I search)."""
    found = []
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            found.append(i)
            i = text.find(needle, i + 1)
    return sorted(found)


def anchor_matches(page_html: str):
    """The matches of print-site's anchor regex, as `HREF_REGEX.finditer(page_html)` gives them.

    A match starts at a `<` with an `id="` later on the same line, so only lines holding `id="` are
    searched, and on them only the `<` before their last `id="`."""
    ids = _positions(page_html, ID_FORMS)
    pos, k, n = 0, 0, len(page_html)
    while k < len(ids):
        line_start = page_html.rfind("\n", 0, ids[k]) + 1
        line_end = page_html.find("\n", ids[k])
        line_end = n if line_end < 0 else line_end
        last = k
        while last + 1 < len(ids) and ids[last + 1] < line_end:
            last += 1
        stop = ids[last] - 1  # a match needs `<`, a character, then `id="`
        p = page_html.find("<", max(pos, line_start), stop)
        while p >= 0:
            m = HREF_REGEX.match(page_html, p)
            if m is None:
                p = page_html.find("<", p + 1, stop)
                continue
            yield m
            pos = m.end()
            p = page_html.find("<", pos, stop) if pos < stop else -1
        k = last + 1
        while k < len(ids) and ids[k] < pos:
            k += 1


def _prefixed(texts) -> bool:
    """Is one of the texts the beginning of another (a replace of the shorter one reaches into it)?"""
    ordered = sorted(set(texts))
    return any(b.startswith(a) for a, b in zip(ordered, ordered[1:]))


def _in_place(page_html: str, matches: list, new_text) -> str:
    """`page_html` with each match replaced where it stands by new_text(match)."""
    parts, pos = [], 0
    for m in matches:
        parts += [page_html[pos:m.start()], new_text(m)]
        pos = m.end()
    parts.append(page_html[pos:])
    return "".join(parts)


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """Drop-in for mkdocs_print_site_plugin.urls.update_anchor_ids: the same matches (found in linear
    time) and the same new text for each, put in where each match stands. The original replaces each
    match text all over the page (matches x page length); that differs only where a changed tag's text
    also stands inside another match, begins another match or equals another match, and then the
    original runs."""
    matches = list(anchor_matches(page_html))
    changed = {m.group(): m.group().replace(m.group(2), page_key + "-" + m.group(2))
               for m in matches if m.group(1) in CHANGE_TAGS}
    if not changed:
        return page_html
    if any(INNER_CHANGE_TAG.search(m.group(), 1) for m in matches) or set(changed.values()) & set(changed) \
            or _prefixed(m.group() for m in matches):
        return ORIGINAL_UPDATE_ANCHOR_IDS(page_html, page_key)
    return _in_place(page_html, matches, lambda m: changed.get(m.group(), m.group()))


def fix_href_links(page_html: str, page_key: str, page_url: str, directory_urls: bool = False) -> str:
    """Drop-in for mkdocs_print_site_plugin.urls.fix_href_links: each link is rewritten where it stands,
    by the original function applied to that link alone (the rules stay print-site's). The original
    replaces each link text all over the page (links x page length: seconds for an index page of 2,000
    links); that differs only where a link text also stands inside another link, begins another link or
    a rewritten link equals another link's text, and then the original runs."""
    matches = list(LINK_REGEX.finditer(page_html))
    done: dict[str, str] = {}
    for m in matches:
        if m.group() not in done:
            done[m.group()] = ORIGINAL_FIX_HREF_LINKS(m.group(), page_key, page_url, directory_urls)
    if any(INNER_LINK.search(m.group(), 1) for m in matches) or \
            {new for old, new in done.items() if new != old} & set(done) or _prefixed(done):
        return ORIGINAL_FIX_HREF_LINKS(page_html, page_key, page_url, directory_urls)
    return _in_place(page_html, matches, lambda m: done[m.group()])


def fix_tabbed_content(page_html: str, page_key: str) -> str:
    """Drop-in for mkdocs_print_site_plugin.urls.fix_tabbed_content: the original where the page has an
    input or label tag, and the page unchanged where it has none (each of its regexes starts at one)."""
    if FORM_TAG.search(page_html) is None:
        return page_html
    return ORIGINAL_FIX_TABBED_CONTENT(page_html, page_key)


def install() -> None:
    """Use the faster functions inside print-site (its `urls` module looks the names up per call)."""
    _urls.update_anchor_ids = update_anchor_ids
    _urls.fix_href_links = fix_href_links
    _urls.fix_tabbed_content = fix_tabbed_content


def reuse_theme_env(config, env) -> None:
    """Make the theme's get_env() return this build's environment (print-site calls it in on_post_build)."""
    config.theme.get_env = lambda: env
