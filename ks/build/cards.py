"""Macros for the conversation guide: running orders, dilemma list, question cards and card deck."""
from __future__ import annotations

from ks.build import state
from ks.build.render import block, document


def all_cards(cat, guide) -> list[dict]:
    """Every question card of the site: the themed sets first, then each situation's questions."""
    cards = []
    for qs in guide.question_sets:
        for q in qs.questions:
            cards.append({"text": q.text, "side": q.side, "source": qs.title, "themes": qs.themes,
                          "group": f"set-{qs.id}", "entry": None})
    for e in cat.situations:
        for side, questions in e.questions:
            for q in questions:
                cards.append({"text": q, "side": side, "source": e.title, "themes": e.themes,
                              "group": e.id, "entry": e})
    return cards


def register(env) -> None:
    """Add the guide macros to the macros environment."""

    def ctx(**more):
        cat = state.catalogue()
        page_url = env.page.url if getattr(env, "page", None) else ""
        return dict(cat=cat, v=cat.vocabulary, guide=state.guide(), page_url=page_url, **more)

    @env.macro
    def running_order(order_id):
        """A running order as a table; its total is computed from the steps (and checked at load)."""
        order = state.guide().running_orders[order_id]
        return block("running-order.html", **ctx(order=order))

    @env.macro
    def running_order_total(order_id):
        """The total minutes of a running order, summed from its steps."""
        return state.guide().running_orders[order_id].computed_total

    @env.macro
    def dilemma_list(collection="ambtelijk-vakmanschap"):
        """Links to the dilemma situations, with their tension."""
        cat = state.catalogue()
        entries = [e for e in cat.by_collection.get(collection, []) if e.type == "situatie"]
        return block("dilemma-list.html", **ctx(entries=entries))

    @env.macro
    def question_set_cards():
        """The themed question sets as cards, with a filter by theme and side of good work."""
        return block("question-sets.html", **ctx())

    @env.macro
    def situation_question_cards():
        """Every situation's own dialogue questions as cards, grouped per situation."""
        return block("situation-cards.html", **ctx())

    @env.macro
    def card_deck(per_sheet=8):
        """All cards as A4 sheets of `per_sheet` cards with cut marks, for printing."""
        cards = all_cards(state.catalogue(), state.guide())
        sheets = [cards[i:i + per_sheet] for i in range(0, len(cards), per_sheet)]
        return block("card-deck.html", **ctx(sheets=sheets, total=len(cards)))


def register_preparation(env) -> None:
    """The box on the preparation page that shows the situation chosen via ?situatie=<id>."""

    @env.macro
    def na_insturen(level=2):
        """What happens after a story is sent (overrides/ks/na-insturen.md), as Markdown."""
        return document("na-insturen.md", level=level, address=env.conf["extra"].get("ks_redactie") or "")

    @env.macro
    def chosen_situation():
        """Hidden box; components/chosen-situation.js fills it when the URL names a situation."""
        page_url = env.page.url if getattr(env, "page", None) else ""
        return block("chosen-situation.html", page_url=page_url, packs=state.guide().packs)
