/* Patronen: a facilitator opens the story files of a vertelronde (file picker or drag and drop) and
   reads the patterns. Files are read in this browser only; nothing is sent, and nothing is stored
   unless the facilitator asks ("Bewaar in deze browser"); "Wis alles" forgets everything.
   Data: the published catalogue (labels) and the page's "patronen" block (duidingsvragen). */
import { catalogue, pageData, siteUrl } from "../lib/catalogue.js";
import { announce, el } from "../lib/dom.js";
import { privacyScanner } from "../lib/privacy.js";
import { knownKeys, parseFile, storyKey, storyProblem } from "../lib/vertelling.js";
import { csv, tally } from "../lib/patronen-stats.js";
import { report } from "../lib/patronen-report.js";

const KEY = "ks-patronen-ronde-v1";
const MAX_BYTES = 10 * 1024 * 1024;

/** The texts of many files (null for one too large or unreadable), read as one blob: one read of
    a thousand files is much faster than a thousand reads. */
async function readAll(files) {
  const ok = files.filter((f) => f.size <= MAX_BYTES);
  let bytes = null;
  try { bytes = new Uint8Array(await new Blob(ok).arrayBuffer()); } catch (e) { /* read them one by one below */ }
  const utf8 = new TextDecoder("utf-8");
  let at = 0;
  return Promise.all(files.map((f) => {
    if (f.size > MAX_BYTES) return null;
    if (!bytes) return f.text().catch(() => null);
    const text = utf8.decode(bytes.subarray(at, at + f.size));
    at += f.size;
    return text;
  }));
}

export async function mount(root) {
  const [cat, data] = [await catalogue(), pageData("patronen")];
  const D = data.duiding, known = knownKeys(cat.vocabulary);
  const order = new Map(cat.vocabulary.values.map((t, i) => [t.key, i]));
  const scan = privacyScanner(data.privacy.patterns);
  /** A warning when a story seems to hold personal data: it counts, but should be read before sharing. */
  const personal = (name, found) => {
    const hit = found.map((s) => scan([s.title, s.summary, s.story, s.key_question].join("\n"))[0]).find(Boolean);
    return hit ? `${name}: let op, hierin lijkt een ${hit.label} te staan. Het verhaal telt mee; maak het onherkenbaar voordat je het deelt.` : "";
  };
  const $ = (id) => document.getElementById(id);
  const live = $("pt-live");
  let stories = [], keys = new Map();

  function say(text) { $("pt-status").textContent = text; announce(live, text); }
  function problems(list) {
    $("pt-problems").replaceChildren(...list.map((p) => el("li", {}, p)));
    $("pt-problems-box").hidden = !list.length;
  }

  /** Add stories read from one source; returns a Dutch problem or "". */
  function add(name, found) {
    let added = 0, doubles = [];
    for (const s of found) {
      const k = storyKey(s);
      if (keys.has(k)) { doubles.push(keys.get(k)); continue; }
      keys.set(k, name);
      stories.push(s);
      added += 1;
    }
    if (!doubles.length) return "";
    const first = doubles[0];
    return found.length === 1 ? `${name}: dit verhaal is al geladen (uit ${first}); het telt één keer mee.`
      : `${name}: ${doubles.length} van de ${found.length} verhalen waren al geladen; die tellen één keer mee.`;
  }

  async function open(files) {
    const t0 = performance.now(), before = stories.length, list = [];
    let ok = 0;
    const texts = await readAll([...files]);
    root.dataset.ksReadMs = String(Math.round(performance.now() - t0));
    [...files].forEach((f, i) => {
      if (texts[i] === null) { list.push(`${f.name}: ${f.size > MAX_BYTES ? "te groot (meer dan 10 MB)" : "kon het bestand niet lezen"}.`); return; }
      const result = parseFile(texts[i], known, D);
      if (result.error) { list.push(`${f.name}: niet geladen: ${result.error}.`); return; }
      ok += 1;
      const double = add(f.name, result.stories), warning = personal(f.name, result.stories);
      if (double) list.push(double);
      if (warning) list.push(warning);
    });
    problems(list);
    draw();
    const n = stories.length - before;
    const from = ok === files.length ? `${ok} ${ok === 1 ? "bestand" : "bestanden"}` : `${ok} van de ${files.length} bestanden`;
    say(`${n} ${n === 1 ? "verhaal" : "verhalen"} geladen uit ${from}. ` +
        `In totaal ${stories.length} ${stories.length === 1 ? "verhaal" : "verhalen"}.` +
        (list.length ? ` ${list.length} ${list.length === 1 ? "melding" : "meldingen"} hieronder.` : ""));
    root.dataset.ksDrawnMs = String(Math.round(performance.now() - t0));
  }

  function labels() {
    const term = (kind) => (k) => ((cat.vocabulary[kind] || []).find((t) => t.key === k) || { label: k }).label;
    const coll = (k) => (cat.collections.find((c) => c.id === k) || { name: k }).name;
    const pair = (p) => p.split("|").map(term("values")).join(" tegenover ");
    const option = (q, k) => (k === "" ? "overgeslagen" : (D.choices[q].options[k] || k));
    return { term, coll, pair, option };
  }

  function pick(label, ids) {
    const box = $("pt-stories"), L = labels();
    $("pt-stories-title").textContent = `Verhalen bij: ${label} (${ids.length})`;
    $("pt-stories-list").replaceChildren(...ids.map((i) => {
      const s = stories[i], item = el("li"), det = el("details");
      det.append(el("summary", {}, s.title));
      if (s.summary) det.append(el("p", { class: "ks-summary" }, s.summary));
      for (const para of s.story.split(/\n\s*\n/)) det.append(el("p", {}, para));
      const meta = [L.term("roles")(s.role), L.term("sectors")(s.sector), s.tensions.map((p) => L.pair(p.join("|"))).join("; ")];
      const d = s.duiding || {};
      if (Array.isArray(d.gedaan)) meta.push("gedaan: " + d.gedaan.map((k) => L.option("gedaan", k)).join(", "));
      if (d.afloop) meta.push("afloop: " + L.option("afloop", d.afloop));
      det.append(el("p", { class: "ks-pt__note" }, meta.filter(Boolean).join(" · ")));
      if (s.key_question) det.append(el("p", { class: "ks-kernvraag" }, s.key_question));
      item.append(det);
      return item;
    }));
    box.hidden = false;
    $("pt-stories-title").focus();
  }

  function draw() {
    const has = stories.length > 0;
    $("pt-report").replaceChildren(...(has ? report(tally(stories, D, order), { D, cat, L: labels(), onPick: pick }) : []));
    for (const id of ["pt-report-box", "pt-actions"]) $(id).hidden = !has;
    $("pt-stories").hidden = true;
    $("pt-count").textContent = has ? `${stories.length} ${stories.length === 1 ? "verhaal" : "verhalen"} geladen.` : "Nog geen verhalen geladen.";
  }

  function reset() { stories = []; keys = new Map(); problems([]); draw(); }

  /* ---- opening files ---- */
  $("pt-files").addEventListener("change", (e) => { if (e.target.files.length) open(e.target.files).then(() => { e.target.value = ""; }); });
  const drop = $("pt-drop");
  for (const type of ["dragenter", "dragover"]) drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("ks-pt__drop--over"); });
  for (const type of ["dragleave", "drop"]) drop.addEventListener(type, () => drop.classList.remove("ks-pt__drop--over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    const files = [...(e.dataTransfer ? e.dataTransfer.files : [])];
    if (files.length) open(files);
  });
  $("pt-example").addEventListener("click", async () => {
    const r = await fetch(siteUrl("api/v1/voorbeeldronde.json"), { credentials: "same-origin" });
    const text = await r.text();
    open([new File([text], "voorbeeldronde.json", { type: "application/json" })]);
  });

  /* ---- export, print, keep, forget ---- */
  $("pt-csv").addEventListener("click", () => {
    const a = el("a", { href: URL.createObjectURL(new Blob([csv(stories, D)], { type: "text/csv;charset=utf-8" })), download: "vertelronde.csv" });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    say("Het bestand vertelronde.csv staat in je downloads.");
  });
  $("pt-print").addEventListener("click", () => window.print());
  $("pt-save").addEventListener("click", () => {
    try { localStorage.setItem(KEY, JSON.stringify({ version: 1, stories })); say(`${stories.length} verhalen bewaard in deze browser. Met Wis alles haal je ze weg.`); }
    catch (e) { say("Deze browser kan de ronde niet bewaren. Open de bestanden de volgende keer opnieuw."); }
  });
  $("pt-clear").addEventListener("click", () => {
    if (!window.confirm("Alle geladen verhalen vergeten, en wat in deze browser bewaard is wissen? De bestanden zelf blijven waar ze zijn.")) return;
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
    reset();
    say("Alles is gewist. Er staan geen verhalen meer op deze pagina of in deze browser.");
    $("pt-files").focus();
  });

  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || "null");
    if (saved && Array.isArray(saved.stories)) {
      add("deze browser", saved.stories.filter((s) => !storyProblem(s, known, D)));
      say(`${stories.length} verhalen teruggezet die je eerder in deze browser bewaarde.`);
    }
  } catch (e) { /* an unreadable saved round is ignored */ }
  draw();
  $("pt-min-n").textContent = String(D.min_n);
  root.hidden = false;
  root.dataset.ksReady = "true";
}
