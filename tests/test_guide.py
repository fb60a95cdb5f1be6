"""The conversation guide: pages in nav and print page, question sets, cards, running orders."""
from __future__ import annotations

import re

from ks.catalogue.guide import load_guide
from project import ROOT

GUIDE_PAGES = ["gesprek/", "gesprek/varianten/", "gesprek/dilemmagesprek/", "gesprek/intervisie/",
               "gesprek/voorbereiden/", "gesprek/vragenkaarten/", "gesprek/zelf-schrijven/"]
SET_IDS = {"jouw-werk", "beleid-uitvoering-toezicht", "tegenspraak", "menselijke-maat", "samenwerking", "omgaan-met-fouten"}


def test_guide_pages_build_and_are_in_nav_and_print_page(site):
    from urllib.parse import urljoin
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="gesprek/"' in home, "the Gesprek section is not in the top navigation"
    print_page = (site / "print_page/index.html").read_text(encoding="utf-8")
    first = (site / "gesprek/index.html").read_text(encoding="utf-8")
    nav = first.split('class="md-nav md-nav--primary', 1)[1].split('class="md-nav md-nav--secondary"', 1)[0]
    linked = {urljoin("http://x/gesprek/", h)[len("http://x/"):] for h in re.findall(r'href="([^"]+)"', nav)}
    for url in GUIDE_PAGES:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        assert url in linked, f"{url} not in the navigation of the Gesprek section"
        assert re.sub(r"<[^>]+>", "", title).strip() in print_page, url


def test_every_question_set_has_five_or_more_questions_on_every_side():
    guide = load_guide(ROOT)
    assert {s.id for s in guide.question_sets} == SET_IDS
    for s in guide.question_sets:
        assert len(s.questions) >= 5, s.id
        assert {"goed_is", "goed_doet", "goed_voelt"} <= {q.side for q in s.questions}, s.id


def test_running_orders_add_up(site):
    guide = load_guide(ROOT)
    assert guide.running_orders["standaard"].total_minutes == 90
    assert guide.running_orders["kort"].total_minutes == 30
    for order in guide.running_orders.values():
        assert order.computed_total == order.total_minutes, order.id
    html = (site / "gesprek/index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td>(\d+)–(\d+)</td><td>(\d+)</td>", html)
    assert rows and int(rows[-1][1]) == 90 and sum(int(r[2]) for r in rows) == 90


def test_running_order_that_does_not_add_up_stops_the_build(tmp_path):
    from project import build, make_project
    project = make_project(tmp_path)
    data = (project / "situations/gesprek.yml").read_text(encoding="utf-8")
    data = re.sub(r"total_minutes: 90", "total_minutes: 95", data, count=1)
    (project / "situations/gesprek.yml").write_text(data, encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "situations/gesprek.yml: running_orders.standaard.steps: de minuten tellen op tot 90" in result.stderr


def test_every_situation_card_renders_on_the_card_page(site, catalogue):
    import html as h
    page = h.unescape((site / "gesprek/vragenkaarten/index.html").read_text(encoding="utf-8"))
    for e in catalogue.situations:
        assert f'id="kaarten-{e.id}"' in page
        for _, questions in e.questions:
            for q in questions:
                assert q in page, (e.id, q)
    guide = load_guide(ROOT)
    for s in guide.question_sets:
        for q in s.questions:
            assert q.text in page


def test_situation_pages_link_to_the_preparation(site, catalogue):
    for e in catalogue.situations:
        html = (site / e.url / "index.html").read_text(encoding="utf-8")
        assert f"gesprek/voorbereiden/?situatie={e.id}" in html
        assert "Print gespreksvel" in html
