"""mkdocs-macros entry point (mkdocs.yml: module_name ks/build/macros).

The macros draw indexes, matrices and cards from the catalogue that the hook's on_config built
once (ks.build.indexes, ks.build.cards), and the components' page data (ks.build.page_data).
"""


def define_env(env):
    """Register every macro of the site."""
    from ks.build import cards, indexes, page_data

    indexes.register(env)
    cards.register(env)
    cards.register_preparation(env)
    page_data.register(env)
