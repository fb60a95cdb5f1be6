"""Maintainer tools: related suggestions from other collections, written into front matter."""
from __future__ import annotations

from ks.catalogue.load import load_catalogue
from ks.tools.suggest_related import add_related, suggestions
from project import make_project


def test_add_related_keeps_the_file_valid(tmp_path):
    project = make_project(tmp_path)
    wachtlijst = project / "situations/beta/het-wachtlijstbesluit.md"
    ladder = project / "situations/alpha/de-ladder.md"
    add_related(wachtlijst, ["de-ladder"])            # no related key yet
    add_related(ladder, ["beeld-de-ladder"])          # flow style
    cat = load_catalogue(project)
    assert cat.by_id["het-wachtlijstbesluit"].related == ("de-ladder",)
    assert cat.by_id["de-ladder"].related == ("het-wachtlijstbesluit", "beeld-de-ladder")


def test_suggestions_come_from_other_collections_sharing_a_tension(tmp_path):
    cat = load_catalogue(make_project(tmp_path))
    picked = suggestions(cat, cat.by_id["het-wachtlijstbesluit"])
    assert [e.id for e in picked] == ["de-ladder"]
