"""mkdocs-macros entry point: the macros that draw indexes, matrices and cards from the catalogue.

Modules: vocabulary (terms), load/checks (validation), model (Catalogue), pages (generated pages),
render (escaped HTML fragments from overrides/ks/), indexes and cards (the macros), hooks (MkDocs).
"""


def define_env(env):
    """Register the macros; they read the catalogue built once by the hook's on_config."""
    from . import cards, indexes

    indexes.register(env)
    cards.register(env)
