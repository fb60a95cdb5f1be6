"""Macros for the overview and the cross-sector indexes (tension, theme, role, inspection work)."""
from __future__ import annotations


from ks.build import state
from ks.build.render import fragment
from ks.catalogue.schema import field_rows
from ks.catalogue.vocabulary import tension_key


def _page_url(env) -> str:
    return env.page.url if getattr(env, "page", None) else ""


def tension_rows(cat) -> list[dict]:
    """Every tension in use, most widely shared first, with its entries per collection."""
    rows = []
    for pair, per_coll in cat.tension_collection.items():
        rows.append({"pair": pair, "key": tension_key(pair),
                     "groups": [(c, per_coll.get(c.id, [])) for c in cat.collections],
                     "spread": sum(1 for c in cat.collections if per_coll.get(c.id)),
                     "count": len(cat.by_tension[pair])})
    v = cat.vocabulary
    rows.sort(key=lambda r: (-r["spread"], -r["count"], v.term("values", r["pair"][0]).position))
    return rows


def register(env) -> None:
    """Add the index macros to the macros environment."""

    def ctx(**more):
        cat = state.catalogue()
        return dict(cat=cat, v=cat.vocabulary, page_url=_page_url(env), **more)

    @env.macro
    def situation_overview():
        """All situations and beelden, grouped by collection, each with its summary."""
        return fragment("overview.html", **ctx())

    @env.macro
    def tension_index():
        """For every tension in use: the situations of every sector where it occurs."""
        cat = state.catalogue()
        return fragment("tension-index.html", **ctx(rows=tension_rows(cat)))

    @env.macro
    def tension_matrix():
        """Tension x collection table: how often each tension occurs per collection."""
        cat = state.catalogue()
        rows = tension_rows(cat)
        top = max((g for r in rows for _, g in r["groups"]), key=len, default=[])
        return fragment("tension-matrix.html", **ctx(rows=rows, top=max(len(top), 1)))

    @env.macro
    def theme_index():
        """Entries per theme, in vocabulary order."""
        return fragment("term-index.html", **ctx(kind="themes", index=state.catalogue().by_theme))

    @env.macro
    def role_index():
        """Entries per role, and collections per sector."""
        return fragment("role-index.html", **ctx())

    @env.macro
    def inspection_index():
        """Inspector situations by domain and by step of the inspection work."""
        return fragment("inspection-index.html", **ctx())

    @env.macro
    def vocabulary_table(kind):
        """A table of all terms of one vocabulary kind with their definitions."""
        return fragment("vocabulary-table.html", **ctx(kind=kind))

    @env.macro
    def schema_fields():
        """The front matter fields with their Dutch descriptions, straight from the schema."""
        return fragment("schema-fields.html", **ctx(fields=field_rows(state.catalogue().schema)))

    @env.macro
    def counts():
        """Numbers for running text: situations, beelden, collections, tensions."""
        cat = state.catalogue()
        return {"situaties": len(cat.situations), "beelden": len(cat.beelden),
                "collecties": len(cat.collections), "spanningen": len(cat.by_tension)}
