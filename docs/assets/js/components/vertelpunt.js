/* Vertelpunt: write and signify a situation in the browser. Nothing is sent anywhere by the page:
   the draft lives in localStorage; what leaves the device is what the writer downloads, mails from
   their own mail program or opens as a GitHub issue. Data: the published catalogue and the page's
   "vertelpunt" block (field rules, personal-data patterns, where to send). */
import { catalogue, pageData } from "../lib/catalogue.js";
import { announce, cap, el } from "../lib/dom.js";
import { privacyScanner } from "../lib/privacy.js";
import { duidingForm } from "../lib/vertelpunt-duiding.js";
import { buildForm } from "../lib/vertelpunt-form.js";
import { MEANING, issueUrl, lines, mailto, markdown, oneLine, readable, situation } from "../lib/vertelpunt-output.js";
import { vertelling } from "../lib/vertelling.js";

const KEY = "ks-vertelpunt-concept-v1";

export async function mount(root) {
  const [cat, data] = [await catalogue(), pageData("vertelpunt")];
  const P = data.schema.properties, QLEN = data.schema.$defs.questionList.items;
  const ui = buildForm(root, cat, data.schema), { form, $ } = ui;
  const dv = duidingForm(root.querySelector("[data-ks-duiding]"), data.duiding);
  const scan = privacyScanner(data.privacy.patterns);
  const taken = new Set(cat.entries.map((e) => e.id));
  const labelOf = (kind, key) => (ui.term(kind, key) || {}).label || "";
  const meaningLabels = Object.fromEntries(MEANING.map((k) => [k, form.querySelector(`label[for="vp-${k}"]`).textContent]));
  const consent = ["anon", "people", "license"].map((k) => [`consent-${k}`, form.querySelector(`label[for="vp-consent-${k}"]`).textContent.trim()]);
  const TEXT = ["story", ...MEANING, "summary", "title", "key_question", ...ui.sides.map((s) => "q-" + s)];
  const today = () => new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });

  const current = () => situation(ui.read(), { schema: data.schema, taken, isInspection: ui.isInspection(), sideQuestion: ui.sideQuestion });
  const words = () => ({ label: labelOf, today: today(), collection: (ui.collection() || {}).name || "", meaning: meaningLabels, consent });

  /* ---- the draft in this browser ---- */
  function store(action, value) {
    try { return localStorage[action + "Item"](KEY, value); } catch (e) {
      $("vp-saved").textContent = "Deze browser bewaart geen concept. Download je verhaal voordat je de pagina sluit.";
      return null;
    }
  }
  function save() {
    store("set", JSON.stringify({ version: 1, saved: new Date().toISOString(), fields: ui.read(), duiding: dv.read() }));
    const time = new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
    $("vp-saved").textContent = `Concept bewaard in deze browser om ${time}.`;
  }

  /* ---- checks: required fields, lengths, pairs, personal data ---- */
  function privacy() {
    return TEXT.flatMap((name) => scan(form.elements[name].value).map((h) => ({ id: form.elements[name].id, privacy: true,
      msg: `Dit lijkt een ${h.label}: ‘${h.text}’. Haal het weg of maak het onherkenbaar.` })));
  }
  function check(s) {
    const errors = [], f = s.fields;
    const add = (id, msg, target) => errors.push({ id, msg, target: target || id });
    form.querySelectorAll("[data-ks-required]").forEach((e) => {
      const group = e.type === "checkbox" ? e.closest("fieldset").id : e.id;
      if (!e.closest("[hidden]") && (e.type === "checkbox" ? !e.checked : !oneLine(e.value))) add(group, e.dataset.ksRequired, e.id);
    });
    for (const k of ["summary", "title", "key_question"]) {
      const n = s[k].length, p = P[k];
      if (n && (n < p.minLength || n > p.maxLength)) add("vp-" + k, `Gebruik ${p.minLength} tot ${p.maxLength} tekens; nu zijn het er ${n}.`);
    }
    const seen = new Set();
    if (!s.tensions.length) add("vp-tension-1", "Kies twee waarden die botsten.", "vp-tension-1-a");
    for (const { n, pair } of s.tensions) {
      const id = "vp-tension-" + n, key = pair.slice().sort().join("|");
      if (!pair[0] || !pair[1]) add(id, "Kies ook de andere waarde, of maak allebei leeg.", id + (pair[0] ? "-b" : "-a"));
      else if (pair[0] === pair[1]) add(id, "Kies twee verschillende waarden.", id + "-b");
      else if (seen.has(key)) add(id, "Deze twee waarden heb je al gekozen.", id + "-a");
      seen.add(key);
    }
    const count = f.themes.length;
    if (count < P.themes.minItems || count > P.themes.maxItems)
      add("vp-themes", `Kies ${P.themes.minItems} tot ${P.themes.maxItems} thema's; nu zijn het er ${count}.`, "vp-theme-" + cat.vocabulary.themes[0].key);
    for (const side of ui.sides) {
      const bad = lines(f["q-" + side]).find((q) => q.length < QLEN.minLength || q.length > QLEN.maxLength);
      if (bad) add("vp-q-" + side, `Elke vraag heeft ${QLEN.minLength} tot ${QLEN.maxLength} tekens. Kijk naar: ‘${bad.slice(0, 40)}’.`);
    }
    return errors.concat(privacy().map((p) => Object.assign(p, { target: p.id })))
      .sort((a, b) => ($(a.target).compareDocumentPosition($(b.target)) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1));
  }
  function slots(kind, items) {
    form.querySelectorAll(".ks-vp__" + kind).forEach((e) => { e.hidden = true; e.textContent = ""; });
    for (const x of items) {
      const slot = $(x.id + "-" + kind);
      slot.textContent = (slot.textContent + " " + x.msg).trim();
      slot.hidden = false;
    }
  }
  function showErrors(errors, focus) {
    form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    const own = errors.filter((x) => !x.privacy);
    slots("error", own);
    own.forEach((x) => $(x.target).setAttribute("aria-invalid", "true"));
    const box = $("vp-errors");
    box.querySelector("ul").replaceChildren(...errors.map((x) => {
      const li = el("li"), a = el("a", { href: "#" + x.target }, x.msg);
      a.addEventListener("click", (ev) => { ev.preventDefault(); $(x.target).focus(); });
      li.append(a);
      return li;
    }));
    box.hidden = !errors.length;
    if (focus && errors.length) box.focus();
  }
  /** The situation when it may leave the page, else null (errors shown). A round's file is not a
      publication, so it does not need the licence consent. */
  function ready(round = false) {
    const s = current(), errors = check(s).filter((x) => !(round && x.target === "vp-consent-license"));
    slots("privacy", privacy());
    showErrors(errors, true);
    return errors.length ? null : s;
  }

  /* ---- preview and the links that carry the story ---- */
  function links(s) {
    const md = markdown(s, today(), data.archetype);
    if (data.issue.url) $("vp-issue").href = issueUrl(s, md, data.issue, (side) => labelOf("sides", side));
    if (data.mail.address) $("vp-mail").href = mailto(s, words(), data.mail.address);
    return md;
  }
  function preview() {
    const s = current(), art = $("vp-preview"), md = links(s);
    art.replaceChildren(el("h3", {}, s.title || "Je titel"),
      el("p", { class: "ks-summary" }, s.summary || "Wat het kritisch maakte, in één zin."),
      ...(s.story || "Je verhaal.").split(/\n\s*\n/).map((para) => el("p", {}, para)));
    if (s.key_question) { const k = el("div", { class: "ks-kernvraag" }); k.append(el("p", {}, s.key_question)); art.append(k); }
    for (const [side, qs] of Object.entries(s.questions)) {
      const ul = el("ul");
      ul.append(...qs.map((q) => el("li", {}, q)));
      art.append(el("h4", {}, cap(labelOf("sides", side))), ul);
    }
    $("vp-file").textContent = md;
    $("vp-file-where").textContent = `Bestandsnaam: ${s.id}.md, in de map situations/${s.fields.collection || "<collectie>"}/.`;
  }
  function download(name, text, type) {
    const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" })), download: name });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
  function result(text) { $("vp-result").hidden = false; $("vp-result").textContent = text; announce($("vp-live"), text); }

  /* ---- events ---- */
  let timer = null;
  function changed(e) {
    if (e.target === $("vp-sector")) ui.sectorChanged();
    if (e.target === $("vp-collection")) ui.collectionChanged();
    const pair = e.target.id.match(/^vp-tension-(\d)-a$/);
    if (pair) ui.partnerChanged(pair[1]);
    ui.definitions();
    clearTimeout(timer);
    timer = setTimeout(() => {
      save(); preview(); slots("privacy", privacy());
      if (!$("vp-errors").hidden) showErrors(check(current()), false);
    }, 300);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (e) => e.preventDefault());
  window.addEventListener("pagehide", () => { clearTimeout(timer); save(); });
  $("vp-download-text").addEventListener("click", () => {
    const s = ready();
    if (!s) return;
    download(s.id + ".txt", readable(s, words()), "text/plain");
    result(`Het bestand ${s.id}.txt staat in je downloads. Voeg het als bijlage toe aan je e-mail aan de redactie.`);
  });
  $("vp-mail").addEventListener("click", (e) => {
    const s = ready();
    if (!s) { e.preventDefault(); return; }
    links(s);
    result(`Je e-mailprogramma opent een bericht aan de redactie. Voeg het bestand ${s.id}.txt toe als bijlage; ` +
           "heb je het nog niet, kies dan eerst Download als tekst.");
  });
  $("vp-download").addEventListener("click", () => {
    const s = ready();
    if (!s) return;
    download(s.id + ".md", markdown(s, today(), data.archetype), "text/markdown");
    result(`Het bestand ${s.id}.md staat in je downloads. Zet het met een pull request in de map ` +
           `situations/${s.fields.collection}/, of voeg het toe aan een nieuw issue op GitHub.`);
  });
  $("vp-issue").addEventListener("click", (e) => {
    const s = ready();
    if (!s) { e.preventDefault(); return; }
    links(s);
    if (s.tooLong) announce($("vp-live"), "Je verhaal is te lang voor een link. Download ook het bestand en voeg het op GitHub toe aan je issue.");
  });
  $("vp-download-json").addEventListener("click", () => {
    const s = ready(true);
    if (!s) return;
    download(s.id + ".json", JSON.stringify(vertelling(s, dv.read()), null, 2) + "\n", "application/json");
    result(`Het bestand ${s.id}.json staat in je downloads. Lever het in via de weg die de begeleider van je vertelronde heeft afgesproken.`);
  });
  $("vp-clear").addEventListener("click", () => {
    if (!window.confirm("Wil je je concept echt wissen? Alles wat je hier hebt geschreven, verdwijnt uit deze browser. " +
                        "Dit kun je niet ongedaan maken.")) return;
    store("remove");
    form.reset();
    dv.reset();
    ui.offerCollections(); ui.collectionChanged(); preview(); slots("privacy", []); showErrors([], false);
    $("vp-result").hidden = true;
    $("vp-saved").textContent = "Je concept is gewist.";
    announce($("vp-live"), "Je concept is gewist.");
    $("vp-story").focus();
  });

  let restored = false;
  try {
    const saved = store("get");
    if (saved) { const draft = JSON.parse(saved); ui.write(draft.fields || {}); dv.write(draft.duiding); restored = true; }
  }
  catch (e) { /* an unreadable draft is ignored, not deleted */ }
  if (!restored) ui.offerCollections();
  else { $("vp-saved").textContent = "Je concept is teruggezet uit deze browser."; announce($("vp-live"), "Je concept is teruggezet."); }
  if (!data.mail.address) $("vp-mail").hidden = true;
  ui.definitions(); preview(); slots("privacy", privacy());
  root.hidden = false;
}
