"""Macros for the overview and the cross-sector indexes (tension, theme, role, inspection work)."""
from __future__ import annotations


from ks.build import state
from ks.build.render import block
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


KINDS = ("all", "situatie", "beeld")


def matrix_cells(rows: list[dict], sizes: dict) -> dict:
    """Per (tension key, collection id) and kind (all, situatie, beeld): count, percentage of that
    collection's entries of that kind, and a heat level 0-3 (0, under 10 %, under 25 %, 25 % or more)."""
    cells = {}
    for r in rows:
        for c, entries in r["groups"]:
            per_kind = {}
            for kind in KINDS:
                n = sum(1 for e in entries if kind == "all" or e.type == kind)
                size = sizes[c.id][kind]
                pct = round(100 * n / size) if size else 0
                heat = 0 if not n else 1 if pct < 10 else 2 if pct < 25 else 3
                per_kind[kind] = {"n": n, "pct": pct, "heat": heat}
            cells[(r["key"], c.id)] = per_kind
    return cells


def register(env) -> None:
    """Add the index macros to the macros environment."""

    def ctx(**more):
        cat = state.catalogue()
        return dict(cat=cat, v=cat.vocabulary, page_url=_page_url(env), **more)

    @env.macro
    def situation_overview():
        """All situations and beelden, grouped by collection, each with its summary."""
        return block("overview.html", **ctx())

    @env.macro
    def tension_index():
        """For every tension in use: the situations of every sector where it occurs."""
        cat = state.catalogue()
        return block("tension-index.html", **ctx(rows=tension_rows(cat)))

    @env.macro
    def tension_matrix():
        """Tension x collection table: how often each tension occurs per collection."""
        cat = state.catalogue()
        rows = tension_rows(cat)
        sizes = {c.id: {"all": len(cat.by_collection.get(c.id, [])),
                        "situatie": sum(1 for e in cat.by_collection.get(c.id, []) if e.type == "situatie"),
                        "beeld": sum(1 for e in cat.by_collection.get(c.id, []) if e.type == "beeld")}
                 for c in cat.collections}
        return block("tension-matrix.html", **ctx(rows=rows, sizes=sizes, cells=matrix_cells(rows, sizes)))

    @env.macro
    def theme_index():
        """Entries per theme, in vocabulary order."""
        return block("term-index.html", **ctx(kind="themes", index=state.catalogue().by_theme))

    @env.macro
    def role_index():
        """Entries per role, and collections per sector."""
        return block("role-index.html", **ctx())

    @env.macro
    def inspection_index():
        """Inspector situations by domain and by step of the inspection work."""
        return block("inspection-index.html", **ctx())

    @env.macro
    def vocabulary_table(kind):
        """A table of all terms of one vocabulary kind with their definitions."""
        return block("vocabulary-table.html", **ctx(kind=kind))

    @env.macro
    def schema_fields():
        """The front matter fields with their Dutch descriptions, straight from the schema."""
        return block("schema-fields.html", **ctx(fields=field_rows(state.catalogue().schema)))

    @env.macro
    def catalogue_collections():
        """The collections, in site order (for lists in running text)."""
        return state.catalogue().collections

    @env.macro
    def counts():
        """Numbers for running text: situations, beelden, collections, tensions."""
        cat = state.catalogue()
        return {"situaties": len(cat.situations), "beelden": len(cat.beelden),
                "collecties": len(cat.collections), "spanningen": len(cat.by_tension)}
