"""Material's navigation, rendered once per link: the same HTML, a fraction of the cost.

Every page repeats the site navigation, and Material renders each of its links with a macro (about
40 µs a link): at 2,000 entries, where a collection lists 400 pages, most of the build went there.
A link to a page that is neither the current page nor active is the same HTML on every page except
for its address, which is relative to the current page. `keep` stores the first rendering of such a
link (the macro's own output) with its address cut out; `link` fills in the address for the next
page, exactly as the theme's `url` filter writes it. overrides/partials/nav-item.html calls both; a
test compares every page with Material's own rendering (KS_NAV_MEMO=0).
"""
from __future__ import annotations

import os

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.utils import normalize_url

_links: dict[str, tuple[tuple, str, str]] = {}  # page source path -> (what else the link shows, HTML before
# the address, HTML after it)


def enabled() -> bool:
    """On unless KS_NAV_MEMO is 0/false/no/off."""
    return os.environ.get("KS_NAV_MEMO", "1").lower() not in {"0", "false", "no", "off"}


def _plain(context, item) -> bool:
    """A link to another page, not the current one and not on the path to it."""
    return bool(getattr(item, "is_page", False)) and not item.active and item != context["page"]


def _shown(item) -> tuple:
    """Besides the address, what Material's macro draws a link from: its title and the page's icon,
    subtitle and status (a plugin that changed one while pages render gets a new rendering)."""
    meta = item.meta or {}
    return item.title, meta.get("icon"), meta.get("subtitle"), meta.get("status"), getattr(item, "encrypted", None)


def _href(context, item) -> str:
    return normalize_url(str(item.url), page=context["page"], base=context["base_url"])


@pass_context
def link(context, item):
    """The stored HTML of `item`'s link with this page's address, or None (render it)."""
    stored = _links.get(item.file.src_uri) if _plain(context, item) else None
    if stored is None or stored[0] != _shown(item):
        return None
    return Markup(f'{stored[1]}href="{_href(context, item)}"{stored[2]}')


@pass_context
def keep(context, item, html):
    """Store the rendering of a plain link (when its address stands in it once) and return it as is."""
    if _plain(context, item):
        attribute = f'href="{_href(context, item)}"'
        if str(html).count(attribute) == 1:
            before, after = str(html).split(attribute)
            _links[item.file.src_uri] = (_shown(item), before, after)
    return html


def install(env) -> None:
    """A new store for this build, and the two functions for the templates (with KS_NAV_MEMO=0 they
    store nothing, so every link is rendered by Material's macro)."""
    _links.clear()
    if enabled():
        env.globals.update(ks_nav_link=link, ks_nav_keep=keep)
    else:
        env.globals.update(ks_nav_link=lambda item: None, ks_nav_keep=lambda item, html: html)
