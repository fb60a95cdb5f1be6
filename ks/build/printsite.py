"""Two small fixes that make mkdocs-print-site-plugin (2.9) cheap for this site; both are upstream candidates.

Measured at 52 entries, print-site's on_post_build cost 0.3-0.5 s, about half of a vanilla Material build:

1. It asks the theme for a *new* Jinja environment (`config.theme.get_env()`) to render the print page,
   so every Material template is compiled a second time. `reuse_theme_env` hands it the environment the
   build already has (and that the other plugins' on_env saw).
2. `urls.update_anchor_ids` runs the regex `<([^\\s]+).*?id="..."` with `finditer`: from every `<` the
   lazy `.*?` scans to the end of the line, so long lines cost (tags x line length). `update_anchor_ids`
   below yields exactly the same matches (it only skips a `<` where that regex cannot match: no `id="`
   later on the same line) and then changes the page exactly as the original does.
"""
from __future__ import annotations

import bisect
import re

from mkdocs_print_site_plugin import urls as _urls

HREF_REGEX = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)  # print-site's own
ID_ATTR = re.compile(r'id="', flags=re.IGNORECASE)
CHANGE_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"}
ORIGINAL_UPDATE_ANCHOR_IDS = _urls.update_anchor_ids  # kept for the equivalence test


def anchor_matches(page_html: str):
    """The matches of print-site's anchor regex, as `HREF_REGEX.finditer(page_html)` gives them."""
    ids = [m.start() for m in ID_ATTR.finditer(page_html)]
    pos, n = 0, len(page_html)
    while pos < n:
        p = page_html.find("<", pos)
        if p < 0:
            return
        # `<`, one non-space, any non-newline characters, then `id="` on the same line
        k = bisect.bisect_left(ids, p + 2)
        line_end = page_html.find("\n", p)
        if k == len(ids) or (line_end >= 0 and ids[k] > line_end):
            pos = p + 1
            continue
        m = HREF_REGEX.match(page_html, p)
        if m is None:
            pos = p + 1
            continue
        yield m
        pos = m.end()


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """Drop-in for mkdocs_print_site_plugin.urls.update_anchor_ids (same result, linear search)."""
    for m in list(anchor_matches(page_html)):
        if m.group(1) not in CHANGE_TAGS:
            continue
        match_text = m.group()
        page_html = page_html.replace(match_text, match_text.replace(m.group(2), page_key + "-" + m.group(2)))
    return page_html


def install() -> None:
    """Use the linear update_anchor_ids inside print-site (its `urls` module looks the name up per call)."""
    _urls.update_anchor_ids = update_anchor_ids


def reuse_theme_env(config, env) -> None:
    """Make the theme's get_env() return this build's environment (print-site calls it in on_post_build)."""
    config.theme.get_env = lambda: env
