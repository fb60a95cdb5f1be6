"""Two small fixes that make mkdocs-print-site-plugin (2.9) cheap for this site; both are upstream candidates.

Measured at 52 entries, print-site's on_post_build cost 0.3-0.5 s, about half of a vanilla Material build:

1. It asks the theme for a *new* Jinja environment (`config.theme.get_env()`) to render the print page,
   so every Material template is compiled a second time. `reuse_theme_env` hands it the environment the
   build already has (and that the other plugins' on_env saw).
2. `urls.update_anchor_ids` runs the regex `<([^\\s]+).*?id="..."` with `finditer`: from every `<` the
   lazy `.*?` scans to the end of the line, so long lines cost (tags x line length). `update_anchor_ids`
   below yields exactly the same matches (it only skips a `<` where that regex cannot match: no `id="`
   later on the same line; it finds those with str.find, not a case-insensitive regex) and then
   changes the page as the original does.
"""
from __future__ import annotations

import re

from mkdocs_print_site_plugin import urls as _urls

HREF_REGEX = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)  # print-site's own
# what `id="` matches case-insensitively in Python's re (i also matches U+0130 and U+0131)
ID_FORMS = tuple(i + d + '="' for i in "iI\u0130\u0131" for d in "dD")
CHANGE_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"}
ORIGINAL_UPDATE_ANCHOR_IDS = _urls.update_anchor_ids  # kept for the equivalence test


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


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """Drop-in for mkdocs_print_site_plugin.urls.update_anchor_ids (same result, linear search; a tag
    text seen before is not replaced again: the first replace() changed every copy of it)."""
    done = set()
    for m in list(anchor_matches(page_html)):
        match_text = m.group()
        if m.group(1) not in CHANGE_TAGS or match_text in done:
            continue
        done.add(match_text)
        page_html = page_html.replace(match_text, match_text.replace(m.group(2), page_key + "-" + m.group(2)))
    return page_html


def install() -> None:
    """Use the linear update_anchor_ids inside print-site (its `urls` module looks the names up per call)."""
    _urls.update_anchor_ids = update_anchor_ids


def reuse_theme_env(config, env) -> None:
    """Make the theme's get_env() return this build's environment (print-site calls it in on_post_build)."""
    config.theme.get_env = lambda: env
