"""Vertelronde and patronen in a real browser: the vertelpunt's JSON file round trip, a round's files
opened on the patronen page (broken, foreign, double and hostile files among them), the counts against
a Python computation, the small-n rule, the CSV, storage, print, no off-host request, axe."""
from __future__ import annotations

import csv
import io
import json

import pytest
from jsonschema import Draft202012Validator

from patronen_data import HOSTILE_STORY, HOSTILE_TITLE, example_round, hostile_story, patterns, write_round
from project import ROOT
from quality import close_context, new_context
from test_vertelpunt_browser import MEANING, _fill, _open

PAGE = "bijdragen/patronen/"


def _duiding(page):
    return page.evaluate("JSON.parse(document.querySelector('[data-ks-data=patronen]').textContent)")["duiding"]


def _open_patronen(page, server):
    page.goto(server + PAGE)
    page.wait_for_selector("[data-ks-component=patronen][data-ks-ready]")


def _load(page, paths):
    page.set_input_files("#pt-files", [str(p) for p in paths])
    page.wait_for_function("document.getElementById('pt-status').textContent.includes('geladen')")


@pytest.fixture
def round_files(site, tmp_path):
    """The example round as one file per story, plus a broken, a foreign, a double and a hostile file."""
    stories = example_round(site)["stories"]
    extra = {"kapot.json": '{"format": "kritische-situaties/vertelling", "title": "half',
             "vreemd.json": json.dumps({"naam": "iets anders", "versie": 3}),
             "dubbel.json": json.dumps(stories[0]),
             "vijandig.json": json.dumps(hostile_story(stories[1])),
             "telefoon.json": json.dumps(dict(stories[2], id="telefoon", title="Met een nummer erin",
                                              story=stories[2]["story"] + "\nBel 06-12345678."))}
    return stories, write_round(tmp_path / "ronde", stories, extra)


# ---- the vertelpunt: signify, download JSON, validate ------------------------------------------

def test_vertelpunt_json_file_validates_against_the_published_schema(page, server, site):
    data = _open(page, server)
    _fill(page, data)
    page.uncheck("#vp-consent-license")  # a round's file is no publication
    page.focus("#dv-regels")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert page.input_value("#dv-regels") == "65" and not page.is_checked("#dv-regels-skip")
    assert "65 van 100" in page.get_attribute("#dv-regels", "aria-valuetext")
    page.check("#dv-afloop-goed")
    page.check("#dv-gedaan-overleg-collega")
    page.check("#dv-gedaan-afgeweken")
    page.check("#vp-share-meaning")
    with page.expect_download() as info:
        page.click("#vp-download-json")
    assert info.value.suggested_filename.endswith(".json")
    story = json.loads(open(info.value.path(), encoding="utf-8").read())
    schema = json.loads((site / "api" / "v1" / "vertelling.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert [e.message for e in Draft202012Validator(schema).iter_errors(story)] == []
    d = story["duiding"]
    assert d["regels"] == 65 and d["samen"] is None and d["goed_is"] is None, "a skipped slider is null, not 0"
    assert d["afloop"] == "goed" and d["gedaan"] == ["overleg-collega", "afgeweken"] and d["frequentie"] is None
    text = json.dumps(story, ensure_ascii=False)
    assert not any(m in text for m in MEANING), "the Terugkijken answers never go into the round's file"
    for name in ("naam", "name", "email", "e-mail", "author"):
        assert name not in schema["properties"]
    # the Markdown for the site and the issue link carry no duiding
    md = page.text_content("#vp-file")
    assert "duiding" not in md and "regels" not in md
    # the answers are part of the draft in this browser
    page.reload()
    page.wait_for_selector("[data-ks-vertelpunt]:not([hidden])")
    assert page.input_value("#dv-regels") == "65" and page.is_checked("#dv-afloop-goed") and page.is_checked("#dv-gedaan-afgeweken")
    assert page.is_checked("#dv-samen-skip")


def test_vertelpunt_json_is_blocked_by_personal_data_and_reset_by_clearing(page, server):
    data = _open(page, server)
    _fill(page, data, story="Bel me op 06-12345678 als het niet lukt.")
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.click("#vp-download-json")
    page.wait_for_timeout(300)
    assert downloads == [] and "telefoonnummer" in page.inner_text("#vp-errors")
    page.check("#dv-afloop-slecht")
    page.once("dialog", lambda d: d.accept())
    page.click("#vp-clear")
    assert page.is_checked("#dv-afloop-overslaan") and page.is_checked("#dv-regels-skip")


# ---- the patronen page ---------------------------------------------------------------------------

def test_round_files_load_and_the_broken_ones_are_named(page, server, round_files):
    stories, paths = round_files
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open_patronen(page, server)
    _load(page, paths)
    expected = len(stories) + 2  # the hostile file and the one with a phone number are valid stories
    assert f"{expected} verhalen geladen" in page.inner_text("#pt-status")
    assert page.inner_text("#pt-count").startswith(f"{expected} verhalen")
    problems = page.inner_text("#pt-problems")
    assert "kapot.json" in problems and "geen geldig bestand in JSON" in problems
    assert "vreemd.json" in problems and "geen verhaal uit het vertelpunt" in problems
    assert "dubbel.json" in problems and "al geladen" in problems
    assert "vijandig.json" not in problems
    assert "telefoon.json: let op" in problems and "telefoonnummer" in problems
    # the hostile texts are text: nothing ran, no element was made from them
    page.click(f"#pt-roles tr[data-ks-key='{stories[1]['role']}'] button")
    page.locator("#pt-stories summary", has_text="Een titel").click()
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert page.locator("#pt-stories summary", has_text=HOSTILE_TITLE).count() == 1
    assert page.evaluate("document.querySelectorAll('.ks-pt img, .ks-pt script, .ks-pt b, .ks-pt__stories svg').length") == 0
    assert HOSTILE_STORY.split("\n")[0] in page.inner_text("#pt-stories")
    # opening the same files again adds nothing
    _load(page, paths[:3])
    assert page.inner_text("#pt-count").startswith(f"{expected} verhalen")


def _table(page, figure):
    return page.evaluate(f"""() => Object.fromEntries([...document.querySelectorAll('#{figure} tbody tr')]
        .map(tr => [tr.dataset.ksKey, Number(tr.querySelector('td[data-ks-count]').dataset.ksCount)]))""")


def _cross(page, figure):
    return page.evaluate(f"""() => [...document.querySelectorAll('#{figure} tbody tr')].flatMap(tr =>
        [...tr.querySelectorAll('td[data-ks-col]')].filter(td => td.dataset.ksCol !== 'totaal')
          .map(td => [tr.dataset.ksKey, td.dataset.ksCol, Number(td.dataset.ksCount)]))""")


def test_counts_on_the_page_equal_a_python_computation(page, server, site, round_files):
    stories, paths = round_files
    _open_patronen(page, server)
    _load(page, paths)
    loaded = stories + [hostile_story(stories[1]), json.loads(paths[-1].read_text(encoding="utf-8"))]
    api = json.loads((site / "api" / "v1" / "situaties.json").read_text(encoding="utf-8"))
    duiding = _duiding(page)
    want = patterns(loaded, [t["key"] for t in api["vocabulary"]["values"]], duiding)
    assert _table(page, "pt-sectors") == dict(want["sectors"])
    assert _table(page, "pt-roles") == dict(want["roles"])
    assert _table(page, "pt-tensions") == dict(want["tensions"])
    assert _table(page, "pt-themes") == dict(want["themes"])
    for key in duiding["sliders"]:
        assert {k: v for k, v in _table(page, "pt-slider-" + key).items() if v} == dict(want["slider:" + key]), key
    for key in duiding["choices"]:
        assert {k: v for k, v in _table(page, "pt-choice-" + key).items() if v} == dict(want["choice:" + key]), key
    assert {(r, c): n for r, c, n in _cross(page, "pt-did-outcome") if n} == dict(want["did_outcome"])
    assert {(r, c): n for r, c, n in _cross(page, "pt-role-tension") if n} == dict(want["role_tension"])
    # the tensions are sorted, most frequent first
    counts = list(_table(page, "pt-tensions").values())
    assert counts == sorted(counts, reverse=True)
    # a click on a bar or a cell shows the stories behind it
    top_theme, n = want["themes"].most_common(1)[0]
    page.click(f"#pt-themes svg g:nth-child({list(_table(page, 'pt-themes')).index(top_theme) + 1})")
    assert page.locator("#pt-stories-list > li").count() == n
    assert page.evaluate("document.activeElement.id") == "pt-stories-title"
    (did, outcome), n = want["did_outcome"].most_common(1)[0]
    page.click(f"#pt-did-outcome tr[data-ks-key='{did}'] td[data-ks-col='{outcome}'] button")
    titles = page.eval_on_selector_all("#pt-stories summary", "s => s.map(x => x.textContent)")
    assert sorted(titles) == sorted(s["title"] for s in loaded if did in (s["duiding"]["gedaan"] or []) and (s["duiding"]["afloop"] or "") == outcome)


def test_fewer_than_five_stories_behind_a_figure_show_no_percentage(page, server, round_files):
    stories, paths = round_files
    _open_patronen(page, server)
    _load(page, paths)
    cells = page.evaluate("""() => [...document.querySelectorAll('.ks-pt__table td[data-ks-count]')].map(td => ({
        n: Number(td.dataset.ksCount), col: td.dataset.ksCol || null,
        text: td.textContent + (td.nextElementSibling && td.nextElementSibling.hasAttribute('data-ks-share') ? td.nextElementSibling.textContent : '')}))""")
    shown = [c for c in cells if "%" in c["text"]]
    assert shown, "large figures do get a percentage"
    assert all(c["n"] >= 5 for c in shown), [c for c in shown if c["n"] < 5]
    assert all("%" in c["text"] for c in cells if c["n"] >= 5 and c["col"] in (None,)), "every large bar figure has one"
    labels = page.eval_on_selector_all(".ks-pt__svg .ks-pt__value", "t => t.map(x => x.textContent)")
    assert all(int(t.split()[0]) >= 5 for t in labels if "%" in t)
    # a round of four: not one percentage anywhere
    page.once("dialog", lambda d: d.accept())
    page.click("#pt-clear")
    _load(page, paths[:4])
    assert "%" not in page.inner_text("#pt-report")


def test_csv_holds_one_row_per_story(page, server, round_files):
    stories, paths = round_files
    _open_patronen(page, server)
    _load(page, paths[:len(stories)])
    duiding = _duiding(page)
    with page.expect_download() as info:
        page.click("#pt-csv")
    raw = open(info.value.path(), encoding="utf-8-sig", newline="").read()
    rows = list(csv.DictReader(io.StringIO(raw), delimiter=";"))
    assert info.value.suggested_filename == "vertelronde.csv" and len(rows) == len(stories)
    for row, s in zip(rows, stories):
        assert row["id"] == s["id"] and row["titel"] == s["title"] and row["verhaal"] == s["story"]
        assert row["rol"] == s["role"] and row["themas"] == " ".join(s["themes"])
        assert row["spanningen"] == " ".join("/".join(p) for p in s["tensions"])
        for k in duiding["sliders"]:
            assert row[k] == ("" if s["duiding"][k] is None else str(s["duiding"][k]))
        for k in duiding["choices"]:
            v = s["duiding"][k]
            assert row[k] == (" ".join(v) if isinstance(v, list) else v or "")


def test_csv_makes_formulas_harmless(page, server, site, tmp_path):
    s = dict(example_round(site)["stories"][0], title="=HYPERLINK(\"http://x\")", story="+1; en \"quotes\"\nen een regel")
    _open_patronen(page, server)
    _load(page, write_round(tmp_path / "f", [s]))
    with page.expect_download() as info:
        page.click("#pt-csv")
    row = next(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8-sig", newline="").read()), delimiter=";"))
    assert row["titel"] == "'" + s["title"] and row["verhaal"] == "'" + s["story"]


def test_example_round_drag_and_drop_storage_and_wis_alles(page, server, site, round_files):
    stories, paths = round_files
    _open_patronen(page, server)
    page.click("#pt-example")
    page.wait_for_function("document.getElementById('pt-count').textContent.startsWith('%d verhalen')" % len(stories))
    stored = "Object.keys(localStorage).filter(k => k.startsWith('ks-'))"
    assert page.evaluate(stored) == [], "nothing is stored unless asked"
    page.click("#pt-save")
    page.reload()
    page.wait_for_selector("[data-ks-ready]")
    assert page.inner_text("#pt-count").startswith(f"{len(stories)} verhalen") and "teruggezet" in page.inner_text("#pt-status")
    # drop one more file (the hostile one) on the drop zone
    text = next(p for p in paths if p.name == "vijandig.json").read_text(encoding="utf-8")
    handle = page.evaluate_handle("""t => { const d = new DataTransfer();
        d.items.add(new File([t], 'vijandig.json', { type: 'application/json' })); return d; }""", text)
    page.dispatch_event("#pt-drop", "drop", {"dataTransfer": handle})
    page.wait_for_function("document.getElementById('pt-count').textContent.startsWith('%d verhalen')" % (len(stories) + 1))
    page.once("dialog", lambda d: d.accept())
    page.click("#pt-clear")
    assert page.inner_text("#pt-count") == "Nog geen verhalen geladen."
    assert page.evaluate(stored) == [] and not page.is_visible("#pt-report-box")
    page.reload()
    page.wait_for_selector("[data-ks-ready]")
    assert page.inner_text("#pt-count") == "Nog geen verhalen geladen."


def test_print_gives_an_a4_report_without_the_controls(page, server):
    _open_patronen(page, server)
    page.click("#pt-example")
    page.wait_for_selector("#pt-report section")
    page.emulate_media(media="print")
    assert not page.is_visible("#pt-files") and not page.is_visible("#pt-csv")
    assert page.is_visible("#pt-did-outcome") and page.is_visible(".ks-pt__print-head")
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2


def test_nothing_is_sent_anywhere(page, server, round_files):
    stories, paths = round_files
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    _open_patronen(page, server)
    _load(page, paths)
    page.click("#pt-example")
    page.wait_for_timeout(300)
    with page.expect_download():
        page.click("#pt-csv")
    assert all(u.startswith(server) or u.startswith(("blob:", "data:")) for u in requests), requests
    for name in ("components/patronen.js", "lib/patronen-stats.js", "lib/patronen-report.js", "lib/chart.js", "lib/vertelling.js",
                 "lib/vertelpunt-duiding.js"):
        source = (ROOT / "docs" / "assets" / "js" / name).read_text(encoding="utf-8")
        for call in ("XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "innerHTML", "insertAdjacentHTML", "outerHTML"):
            assert call not in source, f"{name}: {call}"
        assert source.count("fetch(") == (1 if name == "components/patronen.js" else 0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_with_a_round_loaded(browser, server, scheme, round_files):
    from axe_playwright_python.sync_playwright import Axe
    stories, paths = round_files
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    try:
        _open_patronen(page, server)
        _load(page, paths)
        page.click("#pt-did-outcome tbody button")
        page.click("#pt-stories summary >> nth=0")
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        assert result.violations_count == 0, result.generate_report()
        data = _open(page, server)
        _fill(page, data)
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        assert result.violations_count == 0, result.generate_report()
    finally:
        close_context(context)
