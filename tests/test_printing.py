"""Printing for a meeting: the conversation pack (30/60/90 minutes, in person or online, clock times)
reaches the printed handout, handouts fit two A4 pages and the notes page is optional, cards print per
collection, themed set or situation, and "Bereid dit gesprek voor" leads to the pack and a checklist
that can be ticked."""
from __future__ import annotations

import re
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest

from ks.catalogue.guide import load_guide
from project import ROOT
from quality import open_page


def _pdf_text(tmp_path, data: bytes) -> tuple[int, str]:
    """(pages, text) of a PDF, read with poppler's pdfinfo and pdftotext."""
    path = tmp_path / "handout.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return pages, text


def _print(page, url: str) -> bytes:
    open_page(page, url)
    page.emulate_media(media="print")
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


def test_every_length_and_form_has_a_running_order_of_that_length():
    guide = load_guide(ROOT)
    assert {(p.minutes, p.form) for p in guide.packs} == {(m, f) for m in (30, 60, 90) for f in ("ter-plaatse", "online")}
    for p in guide.packs:
        assert guide.running_orders[p.order].computed_total == p.minutes
    assert guide.default_pack.order == "standaard"


def test_a_pack_that_names_the_wrong_length_stops_the_build(tmp_path):
    from project import build, make_project
    project = make_project(tmp_path)
    yml = project / "situations" / "gesprek.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("{minutes: 30, form: ter-plaatse, order: kort}",
                                                           "{minutes: 30, form: ter-plaatse, order: standaard}"),
                   encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "situations/gesprek.yml: packs.0: draaiboek 'standaard' duurt 90 minuten, niet 30" in result.stderr


def test_the_chosen_running_order_reaches_the_printed_handout(page, server, catalogue, tmp_path):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    guide = load_guide(ROOT)
    order = guide.running_orders["kort"]
    pages, text = _pdf_text(tmp_path, _print(page, server + entry.url + "?duur=30&vorm=ter-plaatse&start=09:30"))
    assert pages == 2
    flat = re.sub(r"\s+", " ", text)
    assert order.title in flat and "begint om 09:30" in flat
    t = 9 * 60 + 30
    for step in order.steps:  # every step with its clock time, in order
        assert f"{t // 60:02d}:{t % 60:02d} {step.minutes} min {step.title}" in flat, step.title
        t += step.minutes
    assert guide.running_orders["standaard"].title not in flat

    # online, 60 minutes, no start time: no clock column
    pages, text = _pdf_text(tmp_path, _print(page, server + entry.url + "?duur=60&vorm=online"))
    flat = re.sub(r"\s+", " ", text)
    assert guide.running_orders["zestig-online"].title in flat and "begint om" not in flat


def test_the_choice_on_screen_updates_the_handout_and_the_url(page, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    open_page(page, server + entry.url)
    assert page.locator("[data-ks-pack='90-ter-plaatse']").is_visible()
    page.select_option("form.ks-pack-choice select[name=duur]", "30")
    page.select_option("form.ks-pack-choice select[name=vorm]", "online")
    page.fill("form.ks-pack-choice input[name=start]", "14:00")
    assert page.locator("[data-ks-pack='30-online']").is_visible()
    assert not page.locator("[data-ks-pack='90-ter-plaatse']").is_visible()
    assert page.locator("[data-ks-pack='30-online'] .ks-clock").first.inner_text() == "14:00"
    assert parse_qs(urlsplit(page.url).query) == {"duur": ["30"], "vorm": ["online"], "start": ["14:00"]}


def test_at_least_90_percent_of_prebuilt_handouts_are_two_pages(site, catalogue):
    counts = {}
    for e in catalogue.situations:
        if e.word_count > 800:
            continue
        info = subprocess.run(["pdfinfo", str(site / e.pdf)], capture_output=True, text=True, check=True).stdout
        counts[e.id] = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    two = [k for k, n in counts.items() if n <= 2]
    assert len(counts) >= 20
    assert len(two) >= 0.9 * len(counts), {k: n for k, n in counts.items() if n > 2}


def test_the_prebuilt_handout_has_the_90_minute_order_and_no_notes_page(site, catalogue, tmp_path):
    entry = next(e for e in catalogue.situations if e.word_count <= 800)
    pages, text = _pdf_text(tmp_path, (site / entry.pdf).read_bytes())
    assert load_guide(ROOT).running_orders["standaard"].title in text
    assert "Aantekeningen" not in text


def test_the_notes_page_is_optional(page, server, catalogue, tmp_path):
    entry = next(e for e in catalogue.situations if e.word_count <= 800)
    pages, text = _pdf_text(tmp_path, _print(page, server + entry.url + "?aantekeningen=ja"))
    assert pages == 3 and "Aantekeningen" in text.split("\f")[2]


def test_prepare_leads_to_the_pack_the_cards_and_a_working_checklist(page, server, catalogue):
    entry = next(e for e in catalogue.entries if e.type == "situatie")
    open_page(page, server + entry.url)
    href = page.get_attribute("a[href*='gesprek/voorbereiden/']", "href")
    from urllib.parse import urljoin
    open_page(page, urljoin(page.url, href))  # "Bereid dit gesprek voor"
    assert parse_qs(urlsplit(page.url).query) == {"situatie": [entry.id]}
    box = page.locator("[data-ks-component=chosen-situation]")
    box.wait_for(state="visible")
    assert entry.title in box.inner_text()
    cards = box.locator("a", has_text="vragenkaarten van deze situatie")
    assert parse_qs(urlsplit(cards.get_attribute("href")).query) == {"situatie": [entry.id]}

    # the checklist can be ticked, and remembers it on this device
    first = page.locator(".task-list-item input[type=checkbox]").first
    assert first.is_enabled()
    first.check()
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(".task-list-item input[type=checkbox]").first.is_checked()

    # choose the pack and open the handout with it
    box.locator("select[name=duur]").select_option("30")
    box.locator("select[name=vorm]").select_option("online")
    box.locator("input[name=start]").fill("10:00")
    box.locator("button[type=submit]").click()
    page.wait_for_url(f"**/{entry.url}?*")
    assert parse_qs(urlsplit(page.url).query) == {"duur": ["30"], "vorm": ["online"], "start": ["10:00"]}
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-ks-pack='30-online']").is_visible()
    assert page.locator("[data-ks-pack='30-online'] .ks-clock").first.inner_text() == "10:00"


def _cards(page) -> list[dict]:
    return page.eval_on_selector_all(".ks-sheet", "sheets => sheets.map(s => s.querySelectorAll('.ks-cutcard').length)")


@pytest.mark.parametrize("kind", ["collectie", "set", "situatie"])
def test_cards_print_per_collection_set_or_situation(page, server, catalogue, kind):
    from ks.build.cards import all_cards
    guide = load_guide(ROOT)
    cards = all_cards(catalogue, guide)
    if kind == "collectie":
        key = catalogue.collections[0].id
        expected = [c for c in cards if c["entry"] and c["entry"].collection == key]
    elif kind == "set":
        key = guide.question_sets[0].id
        expected = [c for c in cards if c["group"] == f"set-{key}"]
    else:
        key = catalogue.situations[0].id
        expected = [c for c in cards if c["group"] == key]
    open_page(page, server + f"kaarten/?{kind}={key}")
    sheets = _cards(page)
    assert sum(sheets) == len(expected) > 0
    assert all(n == 8 for n in sheets[:-1]) and 0 < sheets[-1] <= 8
    texts = page.eval_on_selector_all(".ks-cutcard .ks-qcard__text", "els => els.map(e => e.textContent)")
    assert texts == [c["text"] for c in expected]
    assert f"{len(expected)} kaarten" in page.inner_text(".ks-deck-intro")
    page.emulate_media(media="print")
    assert not page.locator("form[data-ks-component=card-deck]").is_visible()


def test_collection_page_card_button_gives_that_collections_cards(site, catalogue):
    for c in catalogue.collections:
        html = (site / c.url / "index.html").read_text(encoding="utf-8")
        assert f'kaarten/?collectie={c.id}"' in html, c.id
