"""The one catalogue of the current build, set by the hook's on_config and read by the macros."""
from __future__ import annotations

from ks import ROOT

_current: dict = {}


def set_current(catalogue, guide) -> None:
    """Remember this build's catalogue and guide data."""
    _current["catalogue"] = catalogue
    _current["guide"] = guide


def catalogue():
    """This build's catalogue (loads it when called outside a build, e.g. from a test)."""
    if "catalogue" not in _current:
        from ks.catalogue.guide import load_guide
        from ks.catalogue.load import load_catalogue
        cat = load_catalogue(ROOT)
        set_current(cat, load_guide(ROOT, {t.key for t in cat.vocabulary.terms("sides")}))
    return _current["catalogue"]


def duiding() -> dict:
    """This build's duidingsvragen (situations/duiding.yml)."""
    if "duiding" not in _current:
        from ks.catalogue.duiding import load_duiding
        _current["duiding"] = load_duiding(ROOT / "situations" / "duiding.yml", catalogue().vocabulary)
    return _current["duiding"]


def set_duiding(data: dict) -> None:
    """Remember this build's duidingsvragen."""
    _current["duiding"] = data


def guide():
    """This build's guide data (running orders and question sets)."""
    catalogue()
    return _current["guide"]
