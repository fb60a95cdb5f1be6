"""Gesprek leiden (gesprek/leiden/) in a real browser (Debian's Chromium) against the built site: steps
by keyboard, the countdown on a fake clock (Playwright's clock API), the hidden tally, the scribe's
notes in localStorage, the verslag, offline use, WCAG 2.1 AA in light and dark, the CSP, and a
walk-through per kind of running order with a screenshot of every step at 1280x720 in test-artifacts/."""
from __future__ import annotations

import re
from datetime import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from ks.build.page_data import gesprek, step_view
from ks.catalogue.guide import load_guide
from project import ROOT
from quality import active, close_context, describe, new_context, open_page, tab_stops

PAGE = "gesprek/leiden/"
VIEW = {"viewport": {"width": 1280, "height": 720}}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
T0 = datetime(2026, 12, 1, 14, 0, 0)


@pytest.fixture
def screen(browser):
    """A 1280x720 page (a shared screen) with its own storage; requests are recorded."""
    context = new_context(browser, **VIEW)
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    close_context(context)


def situation(catalogue, collection=None):
    return next(e for e in catalogue.entries if e.type == "situatie" and (collection is None or e.collection == collection))


def open_run(pg, server, entry_id, verloop="standaard"):
    pg.goto(f"{server}{PAGE}?situatie={entry_id}&verloop={verloop}")
    pg.wait_for_selector("#gs-run:not([hidden]) #gs-step-title:not(:empty)")


def step_title(pg) -> str:
    return pg.inner_text("#gs-step-title")


def go_to(pg, title: str, limit: int = 15):
    """Press the right arrow (focus on the step title) until the step `title` is shown."""
    pg.focus("#gs-step-title")
    for _ in range(limit):
        if step_title(pg) == title:
            return
        pg.keyboard.press("ArrowRight")
    assert step_title(pg) == title


def order(key):
    return load_guide(ROOT).running_orders[key]


# ---- data ----

def test_every_running_order_has_a_story_step_and_a_choice_step():
    block = gesprek(None)
    keys = {o["key"] for o in block["orders"]}
    assert {"standaard", "kort", "online", "dilemma"} <= keys
    for o in block["orders"]:
        views = [s["view"] for s in o["steps"]]
        assert "story" in views, o["key"]
        if o["key"] in ("standaard", "kort", "online", "dilemma", "incident", "moreel-beraad"):
            assert "tally" in views, o["key"]
        assert o["total_minutes"] == sum(s["minutes"] for s in o["steps"])
    assert step_view("Wat is hier goed werk?") == "questions"
    assert step_view("Opening en spelregels") == ""
    assert [o["dilemma"] for o in block["orders"] if o["key"] == "dilemma"] == [True]
    assert block["privacy"]["patterns"], "the scribe's notes are checked with the shared patterns"


# ---- links to the page ----

def test_situation_page_starts_the_conversation_with_the_standard_order(screen, server, catalogue):
    entry = situation(catalogue)
    screen.goto(server + entry.url)
    screen.click("a.ks-action-gesprek")
    screen.wait_for_selector("#gs-run:not([hidden]) #gs-step-title:not(:empty)")
    assert f"situatie={entry.id}" in screen.url and "verloop=standaard" in screen.url
    assert screen.inner_text("#gs-title") == entry.title
    assert screen.inner_text("#gs-kernvraag") == entry.key_question
    assert step_title(screen) == order("standaard").steps[0].title
    beeld = next(e for e in catalogue.entries if e.type == "beeld")
    screen.goto(server + beeld.url)
    assert screen.locator("a.ks-action-gesprek").count() == 0, "a beeld van goed werk is not a conversation"


@pytest.mark.parametrize("guide_page, key", [("gesprek/", "standaard"), ("gesprek/varianten/", "kort"),
                                             ("gesprek/varianten/", "online"), ("gesprek/dilemmagesprek/", "dilemma"),
                                             ("gesprek/intervisie/", "incident"), ("gesprek/intervisie/", "roddel"),
                                             ("gesprek/intervisie/", "balint"), ("gesprek/intervisie/", "moreel-beraad")])
def test_guide_pages_link_to_their_running_order(screen, server, catalogue, guide_page, key):
    screen.goto(server + guide_page)
    screen.click(f"a[href$='leiden/?verloop={key}']")
    screen.wait_for_selector("#gs-choose:not([hidden])")
    assert screen.input_value("#gs-verloop") == key
    entry = situation(catalogue, "ambtelijk-vakmanschap" if key == "dilemma" else None)
    screen.select_option("#gs-situatie", entry.id)
    screen.click("#gs-choose button[type=submit]")
    screen.wait_for_selector("#gs-run:not([hidden]) #gs-step-title:not(:empty)")
    assert screen.inner_text("#gs-order").startswith(order(key).title)
    assert step_title(screen) == order(key).steps[0].title


# ---- steps ----

def test_steps_by_keyboard_with_story_questions_and_announcements(screen, server, catalogue):
    entry = situation(catalogue)
    open_run(screen, server, entry.id)
    steps = order("standaard").steps
    screen.focus("#gs-step-title")
    screen.keyboard.press("ArrowRight")
    assert step_title(screen) == steps[1].title == "De situatie lezen"
    screen.wait_for_function("document.getElementById('gs-live').textContent.startsWith('Stap 2 van 10')")
    assert screen.inner_text("#gs-live") == f"Stap 2 van 10: {steps[1].title}. {steps[1].minutes} minuten."
    assert screen.get_attribute("#gs-live", "aria-live") == "polite"
    story = screen.locator(".ks-gs-story")
    first_words = " ".join(entry.body.split()[:4])
    assert first_words in story.inner_text()
    assert story.get_attribute("tabindex") == "0", "the long story scrolls by keyboard too"
    assert "<" not in story.inner_html().replace("<p>", "").replace("</p>", "").replace("<h4>", "").replace("</h4>", "")
    screen.keyboard.press("ArrowLeft")
    assert step_title(screen) == steps[0].title
    assert screen.is_disabled("#gs-prev")
    go_to(screen, "Wat is hier goed werk?")
    sides = [s.inner_text() for s in screen.locator(".ks-gs-questions__side h4").all()]
    assert sides == ["goed is", "goed doet", "goed voelt"], "the three sides; jouw keuze comes at its own step"
    first_q = dict(entry.questions)["goed_is"][0]
    assert first_q in screen.inner_text(".ks-gs-questions")
    screen.check("#gs-one-question")
    assert screen.inner_text(".ks-gs-questions__one") == first_q
    screen.click("#gs-q-next")
    assert screen.inner_text(".ks-gs-questions__one") != first_q
    assert "vraag 2 van" in screen.inner_text(".ks-gs-questions__side-label")


def test_full_screen_toggle(screen, server, catalogue):
    open_run(screen, server, situation(catalogue).id)
    screen.click("#gs-fullscreen")
    screen.wait_for_function("document.getElementById('gs-fullscreen').getAttribute('aria-pressed') === 'true'")
    assert screen.evaluate("document.fullscreenElement.matches('[data-ks-gesprek]')")
    assert screen.inner_text("#gs-fullscreen") == "Volledig scherm uit"
    screen.click("#gs-fullscreen")
    screen.wait_for_function("document.getElementById('gs-fullscreen').getAttribute('aria-pressed') === 'false'")
    assert screen.evaluate("document.fullscreenElement") is None


# ---- time ----

def test_countdown_and_over_time_signal_on_a_fake_clock(screen, server, catalogue):
    screen.clock.install(time=T0)
    open_run(screen, server, situation(catalogue).id, "kort")
    screen.clock.pause_at(datetime(2026, 12, 1, 14, 0, 30))
    assert screen.inner_text("#gs-clock") == "2:00"
    assert not screen.is_checked("#gs-sound"), "sound is off by default"
    assert "Gepland 30 minuten" in screen.inner_text("#gs-totals")
    screen.focus("#gs-step-title")
    screen.keyboard.press(" ")
    screen.clock.run_for(60_000)
    assert screen.inner_text("#gs-clock") == "1:00"
    assert screen.inner_text("#gs-toggle") == "Pauze"
    assert "nog 29 minuten" in screen.inner_text("#gs-totals")
    screen.keyboard.press(" ")  # pause: the clock stands still
    screen.clock.run_for(120_000)
    assert screen.inner_text("#gs-clock") == "1:00"
    assert screen.inner_text("#gs-clock-state") == "Gepauzeerd"
    screen.keyboard.press(" ")
    screen.clock.run_for(65_000)
    assert screen.inner_text("#gs-clock") == "+0:05"
    assert screen.inner_text("#gs-clock-state") == "Over tijd"
    assert "is-over" in screen.get_attribute("#gs-clock-box", "class")
    screen.wait_for_function("document.getElementById('gs-live').textContent.includes('is om')")
    # the rest of the schedule moves: two minutes over now
    screen.clock.run_for(115_000)
    assert screen.inner_text("#gs-clock") == "+2:00"
    assert "2 minuten uitgelopen" in screen.inner_text("#gs-totals")
    now = datetime(2026, 12, 1, 14, 0, 30).timestamp() + 60 + 120 + 65 + 115
    assert f"klaar rond {datetime.fromtimestamp(now + 28 * 60):%H:%M}" in screen.inner_text("#gs-totals")
    next_item = screen.locator("#gs-schedule li").nth(1).text_content()
    assert next_item == f"{order('kort').steps[1].title}: rond {datetime.fromtimestamp(now):%H:%M}, 4 minuten"
    # over-time with reduced motion: the signal is a colour and a word, no animation
    screen.emulate_media(reduced_motion="reduce")
    assert screen.evaluate("getComputedStyle(document.getElementById('gs-clock-box')).animationName") == "none"
    screen.keyboard.press("ArrowRight")
    assert screen.inner_text("#gs-clock") == "4:00" and "is-over" not in screen.get_attribute("#gs-clock-box", "class")


# ---- jouw keuze ----

def test_tally_hides_until_revealed_and_counts_right(screen, server, catalogue):
    open_run(screen, server, situation(catalogue).id)
    go_to(screen, "Jouw keuze")
    screen.fill("#gs-tally-option-0", "Melden")
    screen.fill("#gs-tally-option-1", "Eerst bellen")
    screen.click("#gs-tally-add")
    screen.fill("#gs-tally-option-2", "Afwachten")
    screen.locator("#gs-tally-option-2").blur()
    for name, times in (("Melden", 3), ("Eerst bellen", 2), ("Afwachten", 0)):
        for _ in range(times):
            screen.get_by_role("button", name=name, exact=True).click()
    assert screen.inner_text(".ks-gs-tally__cast") == "5 keuzes geteld."
    assert screen.locator(".ks-gs-chart").count() == 0
    text = re.sub(r"Keuze \d|5 keuzes geteld", "", screen.inner_text(".ks-gs-tally"))
    assert not re.search(r"\d", text), "no count is on the screen before Toon uitslag"
    screen.click("#gs-tally-reveal")
    rows = screen.locator(".ks-gs-chart li").all()
    assert [(r.locator(".ks-gs-chart__name").inner_text(), r.locator(".ks-gs-chart__count").inner_text()) for r in rows] == \
        [("Melden", "3"), ("Eerst bellen", "2"), ("Afwachten", "0")]
    widths = [r.locator(".ks-gs-chart__bar").evaluate("e => e.style.width") for r in rows]
    assert widths[0] == "100%" and widths[2] == "0%"
    kept = screen.evaluate("Object.values(JSON.parse(localStorage.getItem(Object.keys(localStorage)[0])).tallies)")
    assert kept == [{"options": ["Melden", "Eerst bellen", "Afwachten"], "counts": [3, 2, 0], "mode": "device", "revealed": True}], \
        "only the options and the counts are kept"


def test_hand_count_and_dilemma_sides_prefilled(screen, server, catalogue):
    entry = situation(catalogue, "ambtelijk-vakmanschap")
    open_run(screen, server, entry.id, "dilemma")
    go_to(screen, "Waar sta jij?")
    labels = {t.key: t.label for t in catalogue.vocabulary.terms("values")}
    a, b = entry.tensions[0]
    assert screen.input_value("#gs-tally-option-0") == f"Keuze A: {labels[a]}"
    assert screen.input_value("#gs-tally-option-1") == f"Keuze B: {labels[b]}"
    screen.check("#gs-tally-mode-hand")
    screen.fill("#gs-tally-count-0", "4")
    screen.fill("#gs-tally-count-1", "1")
    screen.locator("#gs-tally-count-1").blur()
    screen.click("#gs-tally-reveal")
    assert screen.locator(".ks-gs-chart__count").all_inner_texts() == ["4", "1"]
    go_to(screen, "Nog een keer op de lijn")
    assert screen.locator(".ks-gs-chart").count() == 0, "the second line-up has its own tally"


# ---- the scribe and the verslag ----

def test_notes_warn_on_personal_data_survive_reload_and_wis_asks_first(screen, server, catalogue):
    entry = situation(catalogue)
    open_run(screen, server, entry.id)
    go_to(screen, "Wat botst hier?")
    screen.fill("#gs-notes", "Loyaliteit tegenover objectiviteit. Mail jan.jansen@example.nl erover.")
    assert "e-mailadres" in screen.inner_text("#gs-notes-privacy")
    assert screen.get_attribute("#gs-notes", "aria-invalid") == "true"
    screen.fill("#gs-notes", "Loyaliteit tegenover objectiviteit.")
    assert screen.inner_text("#gs-notes-privacy") == ""
    screen.reload()
    screen.wait_for_selector("#gs-run:not([hidden]) #gs-step-title:not(:empty)")
    assert step_title(screen) == "Wat botst hier?", "the step is kept too"
    assert screen.input_value("#gs-notes") == "Loyaliteit tegenover objectiviteit."
    context = screen.context
    screen.close()
    again = context.new_page()
    open_run(again, server, entry.id)
    assert again.input_value("#gs-notes") == "Loyaliteit tegenover objectiviteit."
    again.once("dialog", lambda d: d.dismiss())
    again.click("#gs-clear")
    assert again.input_value("#gs-notes") == "Loyaliteit tegenover objectiviteit."
    again.once("dialog", lambda d: d.accept())
    again.click("#gs-clear")
    again.wait_for_selector("#gs-run:not([hidden]) #gs-step-title:not(:empty)")
    assert step_title(again) == order("standaard").steps[0].title
    go_to(again, "Wat botst hier?")
    assert again.input_value("#gs-notes") == ""


def vote(pg):
    """At the open choice step: name two options if empty, tap 2 + 1, show the result; the option names."""
    if not pg.input_value("#gs-tally-option-0"):
        pg.fill("#gs-tally-option-0", "Doorzetten")
        pg.fill("#gs-tally-option-1", "Uitstel vragen")
        pg.locator("#gs-tally-option-1").blur()
    options = [pg.input_value("#gs-tally-option-0"), pg.input_value("#gs-tally-option-1")]
    for name in (options[0], options[0], options[1]):
        pg.get_by_role("button", name=name, exact=True).click()
    pg.click("#gs-tally-reveal")
    return options


def run_a_conversation(pg, notes_text="Snelheid tegenover zorgvuldigheid."):
    """In the standard order: write at "Wat botst hier?", vote at "Jouw keuze"; the tally options."""
    go_to(pg, "Wat botst hier?")
    pg.fill("#gs-notes", notes_text)
    go_to(pg, "Jouw keuze")
    return vote(pg)


def test_verslag_download_holds_title_times_tally_and_notes(screen, server, catalogue):
    entry = situation(catalogue)
    open_run(screen, server, entry.id)
    options = run_a_conversation(screen)
    with screen.expect_download() as info:
        screen.click("#gs-download")
    download = info.value
    assert re.fullmatch(rf"verslag-{entry.id}-\d{{4}}-\d\d-\d\d\.md", download.suggested_filename)
    text = open(download.path(), encoding="utf-8").read()
    assert text.startswith(f"# Verslag: {entry.title}\n")
    assert "Het gesprek in negentig minuten (90 minuten gepland" in text
    assert "| Wat botst hier? | 10 min |" in text
    assert f"- {options[0]}: 2\n- {options[1]}: 1" in text
    assert "### Wat botst hier?\n\nSnelheid tegenover zorgvuldigheid." in text
    # printable: the verslag only, on paper
    screen.emulate_media(media="print")
    screen.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert screen.locator("#gs-run").is_hidden() and screen.locator("#gs-report").is_visible()
    report = screen.inner_text("#gs-report")
    assert entry.title in report and "Snelheid tegenover zorgvuldigheid." in report and f"{options[0]}: 2" in report


def test_verslag_can_start_a_beeld_in_the_vertelpunt(screen, server, catalogue):
    entry = situation(catalogue)
    open_run(screen, server, entry.id)
    run_a_conversation(screen, "Wat hier goed werk was: eerst de feiten laten nakijken.")
    screen.click("#gs-beeld")
    screen.wait_for_selector("[data-ks-vertelpunt]:not([hidden]) #vp-story")
    story = screen.input_value("#vp-story")
    assert entry.title in story and "eerst de feiten laten nakijken" in story


def test_keeps_working_offline_and_asks_nothing_of_another_host(screen, server, catalogue):
    entry = situation(catalogue)
    open_run(screen, server, entry.id)
    screen.context.set_offline(True)
    run_a_conversation(screen)
    with screen.expect_download() as info:
        screen.click("#gs-download")
    assert entry.title in open(info.value.path(), encoding="utf-8").read()
    screen.context.set_offline(False)
    off_host = [u for u in screen.requests if not u.startswith(server) and not u.startswith(("blob:", "data:"))]
    assert off_host == []


# ---- quality ----

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_running_view(screen, server, catalogue, scheme):
    axe = Axe()
    entry = situation(catalogue)
    open_page(screen, f"{server}{PAGE}?situatie={entry.id}&verloop=standaard", scheme)
    screen.wait_for_selector("#gs-run:not([hidden]) #gs-step-title:not(:empty)")
    problems = []
    for title in ("Opening en spelregels", "De situatie lezen", "Wat is hier goed werk?", "Jouw keuze"):
        go_to(screen, title)
        if title == "Jouw keuze":
            vote(screen)
            screen.evaluate("document.getElementById('gs-clock-box').classList.add('is-over')")
        violations = axe.run(screen, options=WCAG_AA).response["violations"]
        problems += [f"{title}: {v['id']} {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in violations]
    assert not problems, "\n".join(problems)


def test_every_tab_stop_of_the_running_view_shows_focus(screen, server, catalogue):
    open_page(screen, f"{server}{PAGE}?situatie={situation(catalogue).id}&verloop=standaard")
    go_to(screen, "De situatie lezen")
    screen.reload()  # the step is kept; tabbing starts at the top of the page again
    screen.wait_for_selector("#gs-run:not([hidden]) .ks-gs-story")
    stops = tab_stops(screen, check_focus=False)
    ids = {s["id"] for s in stops}
    assert {"gs-fullscreen", "gs-prev", "gs-toggle", "gs-next", "gs-notes", "gs-download", "gs-clear"} <= ids
    assert any("ks-gs-story" in s["cls"] for s in stops), "the story scrolls by keyboard"
    screen.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    hidden = []
    for _ in range(len(stops)):
        screen.keyboard.press("Tab")
        outline = screen.evaluate("""(() => { const e = document.activeElement;
            if (!e || !e.closest('[data-ks-gesprek]')) return null;  // the theme's own stops are tested elsewhere
            const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()""")
        if outline and (outline[0] == "none" or outline[1] == "0px") and outline[2] == "none":
            hidden.append(describe(active(screen)))
    assert not hidden, "focus not visible on\n" + "\n".join(hidden)


def test_running_view_works_under_the_strict_policy(browser, server, catalogue):
    context = new_context(browser, strict_csp=True, **VIEW)
    pg = context.new_page()
    messages = []
    pg.on("console", lambda m: messages.append(m.text))
    open_run(pg, server, situation(catalogue).id)
    run_a_conversation(pg)
    assert pg.locator(".ks-gs-chart li").count() == 2
    assert not [m for m in messages if "Content Security Policy" in m or "werkt niet" in m], messages
    close_context(context)


# ---- tried as a team lead would, with a screenshot of every step ----

@pytest.mark.parametrize("key", ["standaard", "kort", "dilemma", "online", "incident", "balint"])
def test_team_lead_walk_through_with_screenshots(screen, server, catalogue, artifacts, key):
    folder = artifacts / "gesprek"
    folder.mkdir(exist_ok=True)
    entry = situation(catalogue, "ambtelijk-vakmanschap" if key == "dilemma" else None)
    screen.clock.install(time=T0)
    open_run(screen, server, entry.id, key)
    screen.clock.pause_at(datetime(2026, 12, 1, 14, 0, 5))
    steps = order(key).steps
    screen.focus("#gs-step-title")
    screen.keyboard.press(" ")
    first_tally = next((j for j, st in enumerate(steps) if step_view(st.title) == "tally"), None)
    for i, step in enumerate(steps):
        assert step_title(screen) == step.title
        screen.clock.run_for(step.minutes * 60_000 - 30_000)
        if i == first_tally:
            vote(screen)
            screen.locator(".ks-gs-tally").scroll_into_view_if_needed()
            screen.screenshot(path=str(folder / f"{key}-{i + 1:02d}-uitslag.png"))
        if i == len(steps) - 1:
            screen.fill("#gs-notes", "Snelheid tegenover zorgvuldigheid.")
        screen.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        screen.screenshot(path=str(folder / f"{key}-{i + 1:02d}.png"))
        screen.keyboard.press("ArrowRight")
    screen.clock.run_for(60_000)
    screen.screenshot(path=str(folder / f"{key}-over-tijd.png"))
    assert "is-over" in screen.get_attribute("#gs-clock-box", "class")
    with screen.expect_download() as info:
        screen.click("#gs-download")
    text = open(info.value.path(), encoding="utf-8").read()
    assert entry.title in text and order(key).title in text and "Snelheid tegenover zorgvuldigheid." in text
    assert len(list(folder.glob(f"{key}-*.png"))) == len(steps) + 1 + (first_tally is not None)
