/* Gesprek leiden: run the conversation about one situation on a shared screen, step by step, with a
   countdown, the anonymous choice, the scribe's notes and the verslag. Data: the published catalogue
   (the situation) and the page's "gesprek" block (running orders, privacy patterns). Everything the
   leader types, counts or times stays in this browser (localStorage) until they export it. */
import { catalogue, pageData, siteUrl } from "../lib/catalogue.js";
import { announce, el } from "../lib/dom.js";
import { privacyScanner } from "../lib/privacy.js";
import { clockText, createTimer, minutes, timeOfDay } from "../lib/gesprek-timer.js";
import { drawTally, newTally } from "../lib/gesprek-tally.js";
import { questionsBlock, storyBlock } from "../lib/gesprek-step.js";
import { fileName, markdown, notes, printable } from "../lib/gesprek-verslag.js";

const PREFIX = "ks-gesprek-v1:";
const VERTELPUNT = "ks-vertelpunt-concept-v1";

export async function mount(root) {
  const [cat, data] = [await catalogue(), pageData("gesprek")];
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const situations = cat.entries.filter((e) => e.type === "situatie");
  const entry = situations.find((e) => e.id === params.get("situatie"));
  const order = data.orders.find((o) => o.key === params.get("verloop")) || data.orders.find((o) => o.key === data.default);
  if (!entry) return chooser(cat, data, situations, params.get("verloop"), $);

  const CHOICE = "jouw_keuze"; // the side asked at the choice step, beside the tally
  const sides = cat.vocabulary.sides.filter((s) => s.key !== CHOICE);
  const choiceSide = cat.vocabulary.sides.filter((s) => s.key === CHOICE);
  const key = PREFIX + entry.id + ":" + order.key;
  const saved = load(key) || {};
  const state = { started: saved.started || new Date().toISOString(), notes: saved.notes || {}, tallies: saved.tallies || {}, questions: saved.questions || { one: false, at: 0 } };
  const timer = createTimer(order.steps, saved.timer);
  const scan = privacyScanner(data.privacy.patterns);
  const live = $("gs-live");
  let overSignalled = timer.over();

  let cleared = false; // after "Wis" nothing is written back, not even on leaving the page
  function save() {
    if (cleared) return;
    store(key, { version: 1, started: state.started, timer: timer.save(), notes: state.notes, tallies: state.tallies, questions: state.questions });
  }

  /* ---- the header ---- */
  $("gs-run").hidden = false;
  $("gs-order").textContent = `${order.title} · ${order.total_minutes} minuten`;
  $("gs-title").textContent = entry.title;
  $("gs-kernvraag").textContent = entry.key_question || "";
  $("gs-other").href = location.pathname + "?verloop=" + encodeURIComponent(order.key);
  const fs = $("gs-fullscreen");
  if (!root.requestFullscreen) fs.hidden = true;
  fs.addEventListener("click", () => (document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen()).catch(() => {}));
  document.addEventListener("fullscreenchange", () => {
    const on = document.fullscreenElement === root;
    fs.setAttribute("aria-pressed", String(on));
    fs.textContent = on ? "Volledig scherm uit" : "Volledig scherm";
  });

  /* ---- one step ---- */
  function tallyFor(i) {
    if (!state.tallies[i]) {
      const pair = order.dilemma && entry.tensions[0] ? entry.tensions[0].map((v) => (cat.vocabulary.values.find((t) => t.key === v) || {}).label || v) : null;
      state.tallies[i] = newTally(pair ? [`Keuze A: ${pair[0]}`, `Keuze B: ${pair[1]}`] : ["", ""]);
    }
    return state.tallies[i];
  }
  function drawStep(focus) {
    const i = timer.index, step = order.steps[i];
    $("gs-step-count").textContent = `Stap ${i + 1} van ${order.steps.length} · ${step.minutes} minuten`;
    $("gs-step-title").textContent = step.title;
    $("gs-step-who").textContent = step.who;
    $("gs-step-what").textContent = step.what;
    const body = $("gs-step-body");
    body.replaceChildren();
    if (step.view === "story") body.append(storyBlock(entry));
    if (step.view === "questions") body.append(questionsBlock(entry, sides, state.questions, save));
    if (step.view === "tally") {
      const asked = (entry.questions || {})[CHOICE] || [];
      if (asked.length) {
        const list = el("ul", { class: "ks-gs-questions ks-gs-questions--choice" });
        list.append(...asked.map((q) => el("li", {}, q)));
        body.append(el("p", { class: "ks-gs__label" }, (choiceSide[0] || {}).label || ""), list);
      }
      const box = el("div", { class: "ks-gs-tally" });
      body.append(box);
      drawTally(box, tallyFor(i), save, live);
    }
    $("gs-notes").value = state.notes[i] || "";
    $("gs-notes-label").textContent = `Afwegingen bij: ${step.title}`;
    checkNotes();
    $("gs-prev").disabled = i === 0;
    $("gs-next").disabled = i === order.steps.length - 1;
    overSignalled = timer.over();
    drawSchedule(true);
    tick();
    if (focus) $("gs-step-title").focus({ preventScroll: true });
  }
  function go(delta) {
    if (!timer.go(timer.index + delta)) return;
    save();
    drawStep(false);
    const step = order.steps[timer.index];
    announce(live, `Stap ${timer.index + 1} van ${order.steps.length}: ${step.title}. ${step.minutes} minuten.`);
  }
  function toggle() {
    const on = timer.toggle();
    save();
    tick();
    announce(live, on ? "De tijd loopt." : "De tijd staat stil.");
  }
  $("gs-prev").addEventListener("click", () => go(-1));
  $("gs-next").addEventListener("click", () => go(1));
  $("gs-toggle").addEventListener("click", toggle);
  document.addEventListener("keydown", (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey || !ev.target.closest) return;
    if (ev.target.closest("input, textarea, select, [contenteditable]")) return;
    if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") { ev.preventDefault(); go(ev.key === "ArrowRight" ? 1 : -1); }
    else if (ev.key === " " && !ev.target.closest("button, a, summary, [role=region]")) { ev.preventDefault(); toggle(); }
  });

  /* ---- time ---- */
  let last = "";
  function tick() {
    const rest = timer.remaining(), over = rest < 0, t = timer.totals();
    $("gs-clock").textContent = clockText(rest);
    $("gs-clock-box").classList.toggle("is-over", over);
    $("gs-clock-box").classList.toggle("is-running", timer.running);
    $("gs-clock-state").textContent = over ? "Over tijd" : timer.running ? "De tijd loopt" : "Gepauzeerd";
    $("gs-toggle").textContent = timer.running ? "Pauze" : "Start";
    const behind = minutes(t.behind);
    const totals = `Gepland ${minutes(t.planned)} minuten · nog ${minutes(t.left)} minuten · klaar rond ${timeOfDay(new Date(t.end))}` +
      (behind > 0 ? ` · ${behind} ${behind === 1 ? "minuut" : "minuten"} uitgelopen` : "");
    if (totals !== last) { $("gs-totals").textContent = totals; last = totals; drawSchedule(false); }
    if (over && !overSignalled) {
      overSignalled = true;
      announce(live, `De tijd voor ${order.steps[timer.index].title} is om.`);
      if ($("gs-sound").checked) beep();
    }
  }
  function drawSchedule(full) {
    const list = $("gs-schedule"), at = timer.schedule();
    if (full || list.children.length !== order.steps.length) {
      list.replaceChildren(...order.steps.map((s) => el("li", {}, "")));
    }
    order.steps.forEach((s, i) => {
      const li = list.children[i];
      const when = i < timer.index ? `${minutes(timer.spent(i))} van ${s.minutes} minuten gebruikt`
        : i === timer.index ? `nu, ${s.minutes} minuten` : `rond ${timeOfDay(at[i])}, ${s.minutes} minuten`;
      const text = `${s.title}: ${when}`;
      if (li.textContent !== text) li.textContent = text;
      if (i === timer.index) li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
    });
  }
  let saveCount = 0;
  setInterval(() => { tick(); if (timer.running && ++saveCount % 20 === 0) save(); }, 250);
  window.addEventListener("pagehide", save);

  /* ---- the scribe ---- */
  function checkNotes() {
    const hits = scan($("gs-notes").value);
    const words = [...new Set(hits.map((h) => `een ${h.label} (‘${h.text}’)`))];
    $("gs-notes-privacy").textContent = words.length ? `Let op: hier staat ${words.join(" en ")}. Haal het weg; het verslag hoort geen persoonsgegevens te bevatten.` : "";
    $("gs-notes").setAttribute("aria-invalid", String(!!words.length));
  }
  $("gs-notes").addEventListener("input", () => { state.notes[timer.index] = $("gs-notes").value; save(); checkNotes(); });

  /* ---- the verslag ---- */
  function report() {
    const spent = timer.save().elapsed;
    return {
      date: new Date(state.started).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" }),
      situation: { title: entry.title, url: siteUrl(entry.url) }, order,
      steps: order.steps.map((s, i) => ({ title: s.title, minutes: s.minutes, spent: spent[i], notes: state.notes[i] || "", tally: state.tallies[i] || null })),
    };
  }
  function privacyOk() {
    const found = order.steps.some((_, i) => scan(state.notes[i] || "").length);
    return !found || window.confirm("In de aantekeningen staan nog persoonsgegevens. Toch doorgaan?");
  }
  $("gs-download").addEventListener("click", () => {
    if (!privacyOk()) return;
    const blob = new Blob([markdown(report())], { type: "text/markdown;charset=utf-8" });
    const a = el("a", { href: URL.createObjectURL(blob), download: fileName(entry.id, state.started.slice(0, 10)) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    announce(live, "Het verslag is gedownload.");
  });
  window.addEventListener("beforeprint", () => printable($("gs-report"), report()));
  $("gs-print").addEventListener("click", () => { if (privacyOk()) { printable($("gs-report"), report()); window.print(); } });
  $("gs-beeld").addEventListener("click", () => {
    const r = report(), text = notes(r).map((s) => `${s.title}\n${s.notes.trim()}`).join("\n\n");
    if (load(VERTELPUNT) && !window.confirm("In het vertelpunt staat al een concept. Vervangen door de afwegingen van dit gesprek?")) return;
    store(VERTELPUNT, { version: 1, saved: new Date().toISOString(), fields: {
      story: `Uit een gesprek over ‘${entry.title}’ op ${r.date}. Wat werd er gewogen?\n\n${text}`, themes: entry.themes.slice(0, 3) } });
    location.href = siteUrl("bijdragen/vertelpunt/");
  });
  $("gs-clear").addEventListener("click", () => {
    if (!window.confirm("Alle aantekeningen, tijden en keuzes van dit gesprek wissen? Dat kan niet ongedaan worden.")) return;
    cleared = true;
    try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    location.reload();
  });

  drawStep(false);
}

function chooser(cat, data, situations, verloop, $) {
  const form = $("gs-choose"), sit = $("gs-situatie"), ord = $("gs-verloop");
  sit.replaceChildren(el("option", { value: "" }, "Kies een situatie"), ...cat.collections.map((c) => {
    const group = el("optgroup", { label: c.name });
    group.append(...situations.filter((e) => e.collection === c.id).map((e) => el("option", { value: e.id }, e.title)));
    return group;
  }).filter((g) => g.children.length));
  ord.replaceChildren(...data.orders.map((o) => el("option", { value: o.key, selected: o.key === (verloop || data.default) }, `${o.title} (${o.total_minutes} minuten)`)));
  form.hidden = false;
}

function load(key) {
  try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
}

function store(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: the run still works */ }
}

let audio = null;
function beep() {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator(), gain = audio.createGain();
    osc.frequency.value = 660;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.8);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.8);
  } catch (e) { /* no sound available */ }
}
