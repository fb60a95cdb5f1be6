"""mkdocs-macros entry point: the macros that draw indexes, matrices and cards from the catalogue.

Modules: vocabulary (terms), load/checks (validation), model (Catalogue), pages (generated pages),
render (escaped HTML fragments from overrides/ks/), indexes and cards (the macros), hooks (MkDocs).
"""


def define_env(env):
    """Register the macros; they read the catalogue built once by the hook's on_config."""
    from ks.build import cards
    from ks.build import indexes
    from ks.build import vertelpunt

    indexes.register(env)
    cards.register(env)
    cards.register_preparation(env)
    vertelpunt.register(env)
