"""The vertelpunt in a real browser (Debian's Chromium) against a local server of the built site."""
from __future__ import annotations

import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml


from ks.catalogue import privacy
from ks.catalogue.load import load_catalogue
from project import ROOT, build, make_project
from quality import close_context, new_context

PAGE = "bijdragen/vertelpunt/"
FORM_IDS = {b.get("id") for b in yaml.safe_load(
    (ROOT / ".github" / "ISSUE_TEMPLATE" / "nieuwe-situatie.yml").read_text(encoding="utf-8"))["body"]}
STORY = ("Het was vrijdagmiddag, kwart voor vier. De wethouder belde: kon de vergunning nog vandaag de deur uit?\n\n"
         "Ik keek naar het dossier. Er ontbrak één advies. <b>Vet</b> bleef tekst, net als {{ dit }}.\n---\nEinde.")
TITLE = 'De vergunning: "vandaag nog"?'


def _open(page, server):
    page.goto(server + PAGE)
    page.wait_for_selector("[data-ks-vertelpunt]:not([hidden])")
    block = page.evaluate("JSON.parse(document.querySelector('[data-ks-data=vertelpunt]').textContent)")
    return dict(block, **page.evaluate("fetch('../../api/v1/situaties.json').then(r => r.json())"))


def _fill(page, data, story=STORY):
    """Fill every field like a visitor would; returns the chosen collection."""
    coll = next((c for c in data["collections"] if c["sector"] == "rijksinspecties"), data["collections"][0])
    values = [t["key"] for t in data["vocabulary"]["values"]]
    page.fill("#vp-story", story)
    page.select_option("#vp-sector", coll["sector"])
    page.select_option("#vp-collection", coll["id"])
    page.select_option("#vp-role", coll["role"])
    if coll["sector"] == "rijksinspecties":
        page.select_option("#vp-domain", data["vocabulary"]["domains"][0]["key"])
        page.select_option("#vp-step", data["vocabulary"]["steps"][0]["key"])
    page.fill("#vp-summary", "Een vergunning moet vandaag weg, maar er ontbreekt nog een advies.")
    page.select_option("#vp-tension-1-a", values[0])
    page.select_option("#vp-tension-1-b", values[1])
    page.select_option("#vp-tension-2-a", values[2])
    page.select_option("#vp-tension-2-b", values[3])
    page.check("#vp-theme-" + data["vocabulary"]["themes"][0]["key"])
    page.fill("#vp-felt", "Alsof ik klem zat.")
    page.fill("#vp-audience", "Nieuwe collega's.")
    page.fill("#vp-title", TITLE)
    page.fill("#vp-key_question", "Wanneer is snel goed genoeg?")
    page.fill("#vp-q-goed_doet", "Wie wacht er op deze vergunning?\nWie betaalt de prijs van haast?")
    for name in ("anon", "people", "license"):
        page.check(f"#vp-consent-{name}")
    page.wait_for_function("document.getElementById('vp-file').textContent.includes('# Bevestigd')")
    return coll


def _query(href):
    return {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}


def test_draft_survives_reload_and_closing_the_tab(page, server):
    data = _open(page, server)
    coll = _fill(page, data)
    page.reload()
    page.wait_for_selector("[data-ks-vertelpunt]:not([hidden])")
    assert page.input_value("#vp-story") == STORY
    assert page.input_value("#vp-title") == TITLE
    assert page.input_value("#vp-collection") == coll["id"]
    assert page.is_checked("#vp-theme-" + data["vocabulary"]["themes"][0]["key"])
    assert "teruggezet" in page.inner_text("#vp-saved")
    context = page.context
    page.close()
    again = context.new_page()
    _open(again, server)
    assert again.input_value("#vp-q-goed_doet").startswith("Wie wacht")


def test_clearing_the_draft_asks_first(page, server):
    data = _open(page, server)
    _fill(page, data)
    page.once("dialog", lambda d: d.dismiss())
    page.click("#vp-clear")
    assert page.input_value("#vp-story") == STORY
    page.once("dialog", lambda d: d.accept())
    page.click("#vp-clear")
    assert page.input_value("#vp-story") == ""
    assert page.evaluate("localStorage.getItem('ks-vertelpunt-concept-v1')") is None
    page.reload()
    assert page.input_value("#vp-title") == ""


def test_downloaded_file_passes_the_catalogue_validation(page, server, tmp_path):
    data = _open(page, server)
    coll = _fill(page, data)
    with page.expect_download() as info:
        page.click("#vp-download")
    download = info.value
    assert re.fullmatch(r"[a-z0-9-]+\.md", download.suggested_filename)
    project = tmp_path / "project"
    project.mkdir()
    make_project(project)
    folder = project / "situations" / coll["id"]
    if not folder.exists():
        folder.mkdir()
        shutil.copy(ROOT / "situations" / coll["id"] / "collection.yml", folder / "collection.yml")
    target = folder / download.suggested_filename
    download.save_as(target)
    cat = load_catalogue(project)
    entry = next(e for e in cat.entries if e.path.endswith(download.suggested_filename))
    assert entry.title == TITLE and entry.collection == coll["id"] and len(entry.tensions) == 2
    assert "<b>" not in entry.body and "{{ dit }}" in entry.body
    assert dict(entry.questions)["goed_doet"] == ("Wie wacht er op deze vergunning?", "Wie betaalt de prijs van haast?")
    text = target.read_text(encoding="utf-8")
    assert "Alsof ik klem zat." not in text and "Nieuwe collega's." not in text, "Terugkijken never goes into the file for the site"
    assert privacy.scan(text) == []
    assert build(project, strict=True).returncode == 0


def test_personal_data_shows_a_warning_and_blocks_output(page, server):
    data = _open(page, server)
    _fill(page, data, story=STORY + "\n\nHaar BSN is 123456782.")
    warning = page.locator("#vp-story-privacy")
    warning.wait_for(state="visible")
    assert "burgerservicenummer" in warning.inner_text() and "123456782" in warning.inner_text()
    assert "vp-story-privacy" in page.get_attribute("#vp-story", "aria-describedby")
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.click("#vp-download")
    assert page.locator("#vp-errors").is_visible() and "burgerservicenummer" in page.inner_text("#vp-errors")
    page.wait_for_timeout(300)
    assert downloads == []


def test_issue_link_carries_the_fields(page, server):
    data = _open(page, server)
    _fill(page, data)
    href = page.get_attribute("#vp-issue", "href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == data["issue"]["url"]
    assert data["issue"]["url"].startswith("https://github.com/") and data["issue"]["url"].endswith("/issues/new")
    query = _query(href)
    assert query["template"] == "nieuwe-situatie.yml" and TITLE in query["title"]
    assert query["story"] == STORY and query["key_question"] == "Wanneer is snel goed genoeg?"
    assert query["summary"].startswith("Een vergunning") and "Wie betaalt de prijs van haast?" in query["questions"]
    assert query["file"].startswith("---\n")
    assert set(query) - {"template", "title"} <= FORM_IDS, "every prefilled field must be an id in the issue form"
    assert not set(query) & {"collection", "role", "tensions", "themes"}, "GitHub cannot prefill dropdowns"


def test_a_long_story_keeps_the_issue_link_short(page, server):
    data = _open(page, server)
    _fill(page, data, story="Een lange zin over het werk van die dag. " * 250)
    href = page.get_attribute("#vp-issue", "href")
    query = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
    assert len(href) <= 8000 and "file" not in query and "bestand" in query["story"]


def test_nothing_is_sent_anywhere(page, server):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    data = _open(page, server)
    _fill(page, data)
    with page.expect_download():
        page.click("#vp-download")
    assert all(u.startswith(server) or u.startswith(("blob:", "data:")) for u in requests), requests
    js = ROOT / "docs" / "assets" / "js"
    for script in [js / "components" / "vertelpunt.js", *sorted((js / "lib").glob("*.js"))]:
        source = script.read_text(encoding="utf-8")
        for call in ("XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "fetch("):
            if script.name == "catalogue.js" and call == "fetch(":
                assert source.count("fetch(") == 1 and "siteUrl(" in source  # the one read, of the site's own JSON
                continue
            assert call not in source, f"{script.name}: {call}"


def test_errors_are_tied_to_their_fields_and_reachable_by_keyboard(page, server):
    _open(page, server)
    unlabeled = page.evaluate("""() => [...document.querySelectorAll('#vp-form input, #vp-form select, #vp-form textarea')]
        .filter(e => !e.labels || !e.labels.length).map(e => e.id)""")
    assert unlabeled == []
    page.focus("#vp-story")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "vp-sector"
    page.focus("#vp-download")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "vp-errors"
    assert page.get_attribute("#vp-title", "aria-invalid") == "true"
    described = page.get_attribute("#vp-title", "aria-describedby").split()
    assert "vp-title-error" in described and page.inner_text("#vp-title-error")
    assert page.get_attribute("#vp-themes", "aria-describedby").split().count("vp-themes-error") == 1
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "vp-story"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(browser, server, scheme):
    from axe_playwright_python.sync_playwright import Axe
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    try:
        data = _open(page, server)
        expected = "slate" if scheme == "dark" else "default"
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")
        _fill(page, data, story=STORY + "\n\nBel 06-12345678.")
        page.fill("#vp-title", "")
        page.click("#vp-download")
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        assert result.violations_count == 0, result.generate_report()
    finally:
        close_context(context)



# ---- issue 19: send without GitHub, keep the privacy promise, the form follows the sector ----------

MEANING = ("Alsof ik klem zat.", "Nieuwe collega's.")


def test_issue_link_never_carries_the_terugkijken_answers(page, server):
    data = _open(page, server)
    _fill(page, data)
    page.check("#vp-share-meaning")  # sharing with the editors by e-mail never opens the public route
    page.wait_for_timeout(400)
    href = page.get_attribute("#vp-issue", "href")
    assert not any(m in " ".join(_query(href).values()) for m in MEANING), href
    assert "duiding" not in _query(href)


@pytest.mark.parametrize("share", [False, True])
def test_mail_to_the_editors_carries_terugkijken_only_when_chosen(page, server, share):
    data = _open(page, server)
    _fill(page, data)
    if share:
        page.check("#vp-share-meaning")
    page.wait_for_timeout(400)
    href = page.get_attribute("#vp-mail", "href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == data["mail"]["address"] and "@" in parts.path
    from mkdocs.config import load_config
    assert parts.path == load_config(str(ROOT / "mkdocs.yml")).extra["ks_redactie"]
    query = _query(href)
    assert TITLE in query["subject"] and "bijlage" in query["body"]
    assert all((m in query["body"]) == share for m in MEANING), query["body"]


@pytest.mark.parametrize("share", [False, True])
def test_readable_text_holds_story_and_answers_in_dutch_words(page, server, share):
    data = _open(page, server)
    coll = _fill(page, data)
    if share:
        page.check("#vp-share-meaning")
    with page.expect_download() as info:
        page.click("#vp-download-text")
    text = open(info.value.path(), encoding="utf-8").read()
    assert info.value.suggested_filename.endswith(".txt")
    assert STORY.split("\n")[0] in text and "Wie betaalt de prijs van haast?" in text and "Wanneer is snel goed genoeg?" in text
    v = data["vocabulary"]
    label = lambda kind, key: next(t["label"] for t in v[kind] if t["key"] == key)
    assert coll["name"] in text and f"{label('values', v['values'][0]['key'])} tegenover {label('values', v['values'][1]['key'])}" in text
    for key in ("goed_doet", "consent-", "tension-", "collection:", f": {coll['id']}\n"):
        assert key not in text, f"internal key {key!r} in the readable text"
    assert all((m in text) == share for m in MEANING)


@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_changing_the_sector_resets_collection_and_dependent_fields(page, server, how):
    data = _open(page, server)
    _fill(page, data)
    assert page.is_visible("#vp-domain")
    other = next(c for c in data["collections"] if c["sector"] == "jeugdzorg")
    if how == "mouse":
        page.select_option("#vp-sector", "jeugdzorg")
    else:
        page.focus("#vp-sector")
        keys = [t["key"] for t in data["vocabulary"]["sectors"]]
        for _ in range(keys.index("jeugdzorg") - keys.index("rijksinspecties")):
            page.keyboard.press("ArrowDown")
        assert page.input_value("#vp-sector") == "jeugdzorg"
    page.wait_for_function("document.getElementById('vp-collection').value !== ''")
    assert page.input_value("#vp-collection") == other["id"], "the one collection of the new sector is chosen"
    assert page.input_value("#vp-role") == other["role"], "the role follows the collection"
    assert not page.is_visible("#vp-domain") and page.input_value("#vp-domain") == ""
    page.click("#vp-download")
    errors = page.inner_text("#vp-errors") if page.is_visible("#vp-errors") else ""
    assert "toezichtsdomein" not in errors.lower()
