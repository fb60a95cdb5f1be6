"""Markdown source of the generated pages: one per situation, beeld and collection."""
from __future__ import annotations

import html

import yaml
from markupsafe import Markup

from ks.catalogue.model import Catalogue, Collection, Entry
from ks.build.passthrough import placeholder
from ks.build.render import document, fragment


def _front_matter(**meta) -> str:
    return "---\n" + yaml.dump(meta, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False) + "---\n\n"


_packs: list = [None, None]  # [guide, its rendered pack section]: one per build


def pack_section(guide) -> Markup | None:
    """The handout's conversation pack (overrides/ks/entry-pack.html), the same on every situation
    page: rendered once per guide, that is once per build. None without packs."""
    if not guide or not guide.packs:
        return None
    if _packs[0] is not guide:
        _packs[:] = [guide, fragment("entry-pack.html", packs=guide.packs, default_pack=guide.default_pack,
                                     orders=guide.running_orders)]
    return _packs[1]


def entry_markdown(entry: Entry, cat: Catalogue, guide) -> str:
    """The page of a situation or beeld: header, story (Markdown, never rendered as Jinja), cards."""
    coll = cat.collection(entry.collection)
    context = dict(e=entry, c=coll, cat=cat, v=cat.vocabulary, page_url=entry.url,
                   questions=dict(entry.questions), related=cat.related(entry),
                   beelden=cat.beelden_for.get(entry.id, []), pack_section=pack_section(guide))
    meta = _front_matter(
        title=html.escape(entry.title), description=html.escape(entry.summary),
        template="situatie.html", render_macros=False, ks_id=entry.id, ks_type=entry.type,
    )
    head = placeholder(f"{entry.id}/head", fragment("entry-head.html", **context))
    foot = placeholder(f"{entry.id}/foot", fragment("entry-foot.html", **context))
    return f"{meta}# {html.escape(entry.title)}\n\n{head}\n\n{entry.body}\n\n{foot}\n"


def collection_markdown(coll: Collection, cat: Catalogue) -> str:
    """The collection page: introduction, origin, for whom, how to use, and its contents."""
    items = cat.by_collection[coll.id]
    meta = _front_matter(title=html.escape(coll.name), description=html.escape(coll.name),
                         template="collectie.html", render_macros=False, ks_collection=coll.id)
    listing = fragment("collection-list.html", c=coll, v=cat.vocabulary, page_url=coll.url,
                       situations=[e for e in items if e.type == "situatie"],
                       beelden=[e for e in items if e.type == "beeld"])
    facts = fragment("collection-facts.html", c=coll, v=cat.vocabulary, page_url=coll.url)
    return meta + document("collection-page.md", c=coll, facts=Markup(placeholder(f"collectie:{coll.id}/facts", facts)),
                           listing=Markup(placeholder(f"collectie:{coll.id}/listing", listing))) + "\n"


def nav_section(coll: Collection, cat: Catalogue) -> dict:
    """The navigation entry of a collection: its page, situations, then beelden."""
    items = cat.by_collection[coll.id]
    section = [coll.src_uri] + [{html.escape(e.title): e.src_uri} for e in items if e.type == "situatie"]
    beelden = [{html.escape(e.title): e.src_uri} for e in items if e.type == "beeld"]
    if beelden:
        section.append({"Beelden van goed werk": beelden})
    return {html.escape(coll.short_name): section}
