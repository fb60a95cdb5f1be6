"""The real content meets the bar: counts, lengths, spread, and the cross-sector links."""
from __future__ import annotations

import re
from collections import Counter

import pytest

# collection: (minimum situations, exactly?, words min-max, minimum questions, minimum beelden)
RULES = {
    "inspecties": (13, True, (400, 900), 6, 3),
    "grenswerkers": (9, False, (400, 900), 6, 3),
    "duurzaamheidstransities": (7, False, (400, 900), 6, 2),
    "jeugdzorg": (10, False, (400, 900), 6, 3),
    "ambtelijk-vakmanschap": (7, False, (200, 500), 4, 3),
}


def test_the_real_catalogue_validates(catalogue):
    assert set(RULES) <= {c.id for c in catalogue.collections}


@pytest.mark.parametrize("cid", list(RULES))
def test_collection_counts_and_lengths(catalogue, cid):
    minimum, exact, (low, high), min_q, min_beelden = RULES[cid]
    items = catalogue.by_collection[cid]
    situations = [e for e in items if e.type == "situatie"]
    beelden = [e for e in items if e.type == "beeld"]
    assert (len(situations) == minimum) if exact else (len(situations) >= minimum), len(situations)
    assert len(beelden) >= min_beelden
    for e in situations:
        assert low <= e.word_count <= high, f"{e.id}: {e.word_count} words"
        assert e.question_count >= min_q, f"{e.id}: {e.question_count} questions"
        sides = dict(e.questions)
        assert all(sides.get(s) for s in ("goed_is", "goed_doet", "goed_voelt")), e.id
    for b in beelden:
        assert 300 <= b.word_count <= 600, f"{b.id}: {b.word_count} words"
        for heading in ("## Goed is", "## Goed doet", "## Goed voelt"):
            assert heading in b.body, (b.id, heading)


def test_inspector_situations_spread_over_domains_steps_and_tensions(catalogue):
    situations = [e for e in catalogue.by_collection["inspecties"] if e.type == "situatie"]
    assert len({e.domain for e in situations}) >= 8
    assert {e.step for e in situations} == {t.key for t in catalogue.vocabulary.terms("steps")}
    assert len({p for e in situations for p in e.tensions}) >= 10


def test_ambtelijk_vakmanschap_has_the_six_dilemmas(catalogue):
    """Each of the six classic dilemmas is the first tension of one sketch (a seventh may repeat one)."""
    firsts = {e.tensions[0] for e in catalogue.by_collection["ambtelijk-vakmanschap"] if e.type == "situatie"}
    v = catalogue.vocabulary
    expected = {v.tension(a, b) for a, b in [
        ("snelheid", "zorgvuldigheid"), ("legitimiteit", "rechtvaardigheid"), ("loyaliteit", "objectiviteit"),
        ("transparantie", "ruimte-voor-fouten"), ("politieke-wensen", "uitvoerbaarheid"),
        ("standaardwerk", "menselijke-maat")]}
    assert expected <= firsts


def test_at_least_twelve_tensions_shared_by_three_collections(catalogue):
    shared = {pair: len(per) for pair, per in catalogue.tension_collection.items() if len(per) >= 3}
    assert len(shared) >= 12, shared


CAPITALISED = re.compile(r"(?<![.!?:'‘“\n]\s)(?<!^)\b([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\b", re.M)


def test_every_story_lists_its_people_and_they_are_in_it(catalogue):
    for e in catalogue.entries:
        assert e.personen, f"{e.id}: personen is empty"
        for name in e.personen:
            assert re.search(rf"\b{re.escape(name)}\b", e.body), f"{e.id}: {name} is in personen but not in the story"


def test_no_first_name_occurs_in_two_stories(catalogue):
    """The build refuses a name listed twice; this also catches a listed name reused unlisted elsewhere."""
    owner = {name: e.id for e in catalogue.entries for name in e.personen}
    clashes = []
    for e in catalogue.entries:
        for word in set(CAPITALISED.findall(e.body)):
            if word in owner and owner[word] != e.id and word not in e.personen:
                clashes.append(f"{word}: {owner[word]} and {e.id}")
    assert not clashes, clashes


def test_the_name_check_can_fail():
    body = "Ze belde met Aart, die het niet wist."
    assert "Aart" in CAPITALISED.findall(body) and "Ze" not in CAPITALISED.findall(body)


def test_every_situation_relates_to_another_collection(catalogue):
    for e in catalogue.entries:
        if e.type != "situatie":
            continue
        others = {catalogue.by_id[r].collection for r in e.related} - {e.collection}
        assert others, f"{e.id}: related has no situation from another collection"


def test_every_beeld_is_linked_from_its_situations(site, catalogue):
    for b in catalogue.beelden:
        for sid in b.situations:
            html = (site / catalogue.by_id[sid].url / "index.html").read_text(encoding="utf-8")
            assert f"/{b.url}" in html, (sid, b.id)


def test_questions_are_open(catalogue):
    closed = ("Is ", "Ben ", "Heb ", "Kan ", "Moet ", "Mag ", "Zou ", "Wil ", "Vind ", "Was ", "Had ", "Doe ", "Zijn ")
    for e in catalogue.entries:
        for _, questions in e.questions:
            for q in questions:
                assert q.rstrip().endswith("?"), (e.id, q)
                assert not q.startswith(closed), f"{e.id}: closed question {q!r}"


def test_no_two_situations_share_a_title_or_summary(catalogue):
    for attr in ("title", "summary"):
        counts = Counter(getattr(e, attr) for e in catalogue.entries)
        assert not [k for k, n in counts.items() if n > 1], attr


def test_no_template_placeholders_are_published(catalogue):
    from ks.tools.new_situation import PLACEHOLDER_KEY_QUESTION, PLACEHOLDER_SUMMARY, STORY
    first_line = STORY.splitlines()[0][:40]
    for e in catalogue.entries:
        assert e.summary != PLACEHOLDER_SUMMARY, e.id
        assert e.key_question != PLACEHOLDER_KEY_QUESTION, e.id
        assert first_line not in e.body, e.id
