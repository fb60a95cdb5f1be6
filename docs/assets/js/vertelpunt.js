/* Vertelpunt: write and signify a situation in the browser. Nothing is sent anywhere: the draft
   lives in localStorage, the output is a downloaded file or a GitHub link the visitor opens.
   Terms, limits and privacy patterns come from the page's JSON (macros/vertelpunt.py), which
   reads situations/schema.json, situations/vocabulary.yml and situations/privacy.json. */
(() => {
  "use strict";
  const KEY = "ks-vertelpunt-concept-v1", MAX_URL = 8000;
  const root = document.querySelector("[data-ks-vertelpunt]");
  const dataEl = document.getElementById("ks-vertelpunt-data");
  if (!root || !dataEl) return;
  const data = JSON.parse(dataEl.textContent);
  const V = data.vocabulary, P = data.schema.properties, form = root.querySelector("form");
  const $ = (id) => document.getElementById(id);
  const MEANING = ["felt", "did", "outcome", "audience"].map((k) => [k, form.querySelector(`label[for="vp-${k}"]`).textContent]);
  const LONG = ["story"].concat(MEANING.map((m) => m[0]));
  const SIDES = Object.keys(P.questions.properties), QLEN = data.schema.$defs.questionList.items;
  const TEXT = LONG.concat(["summary", "title", "key_question"], SIDES.map((s) => "q-" + s));

  /* ---- privacy: situations/privacy.json, applied by vertelpunt-privacy.js ---- */
  const scan = window.ksPrivacyScanner(data.privacy.patterns);

  /* ---- controls built from the data; every control gets an error and a privacy slot ---- */
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text) e.textContent = text;
    return e;
  }
  function fill(select, items, empty) {
    const keep = select.value;
    select.replaceChildren(el("option", { value: "" }, empty), ...items.map((t) => el("option", { value: t.key }, t.label)));
    select.value = keep;
  }
  const term = (kind, key) => V[kind].find((t) => t.key === key);
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const sideQuestion = (side) => cap(P.questions.properties[side].description.split(": ").pop().trim());

  document.querySelectorAll("[data-ks-schema]").forEach((e) => { e.textContent = P[e.dataset.ksSchema].description; });
  form.querySelectorAll("select[data-ks-vocab]").forEach((s) => fill(s, V[s.dataset.ksVocab], "Kies…"));
  form.querySelectorAll("select[data-ks-values]").forEach((s) => fill(s, V.values, "Kies een waarde…"));
  $("vp-themes-hint").textContent = `Kies er ${P.themes.minItems} tot ${P.themes.maxItems}.`;
  form.querySelector("[data-ks-themes]").append(...V.themes.map((t) => {
    const div = el("div");
    div.append(el("input", { type: "checkbox", id: "vp-theme-" + t.key, name: "themes", value: t.key }),
               el("label", { for: "vp-theme-" + t.key, title: t.definition }, t.label));
    return div;
  }));
  form.querySelector("[data-ks-questions]").append(...SIDES.map((side) => {
    const id = "vp-q-" + side, div = el("div", { class: "ks-vp__field" });
    div.append(el("label", { for: id }, cap(term("sides", side).label)),
               el("p", { class: "ks-vp__hint", id: id + "-hint" }, P.questions.properties[side].description),
               el("textarea", { id, name: "q-" + side, rows: "3", placeholder: sideQuestion(side) }));
    return div;
  }));
  form.querySelectorAll(".ks-vp__field, .ks-vp__group, .ks-vp__pair").forEach((box) => {
    const group = box.matches("fieldset"), control = group ? box : box.querySelector("input, select, textarea");
    const err = el("p", { class: "ks-vp__error", id: control.id + "-error", hidden: "" });
    const warn = el("p", { class: "ks-vp__privacy", id: control.id + "-privacy", hidden: "" });
    if (!group) control.before(err, warn);
    else (box.querySelector("legend + .ks-vp__hint") || box.querySelector("legend")).after(err, warn);
    const ids = (control.id + "-hint " + (control.getAttribute("aria-describedby") || "")).split(" ");
    const unique = ids.filter((x, i) => x && $(x) && ids.indexOf(x) === i);
    control.setAttribute("aria-describedby", unique.concat([err.id, warn.id]).join(" "));
  });

  const collection = () => data.collections.find((c) => c.id === $("vp-collection").value);
  const isInspection = () => (collection() || {}).sector === "rijksinspecties";
  function syncCollections() {
    const sector = $("vp-sector").value, mine = data.collections.filter((c) => c.sector === sector);
    const rest = data.collections.filter((c) => c.sector !== sector);
    fill($("vp-collection"), mine.concat(rest).map((c) => ({ key: c.id, label: c.name })), "Kies een collectie…");
    if (!$("vp-collection").value && mine.length === 1) $("vp-collection").value = mine[0].id;
  }
  function syncDefinitions() {
    form.querySelectorAll("select[data-ks-vocab]").forEach((s) => {
      const t = term(s.dataset.ksVocab, s.value);
      $(s.id + "-hint").textContent = t ? t.definition : "";
    });
    [1, 2, 3].forEach((n) => {
      $(`vp-tension-${n}-def`).textContent = ["a", "b"].map((x) => term("values", $(`vp-tension-${n}-${x}`).value))
        .filter(Boolean).map((t) => cap(t.label) + ": " + t.definition).join(" ");
    });
    root.querySelectorAll("[data-ks-vp-inspection]").forEach((e) => { e.hidden = !isInspection(); });
  }

  /* ---- the draft in localStorage ---- */
  function read() {
    const f = { themes: [] };
    for (const e of form.elements) {
      if (!e.name) continue;
      if (e.name === "themes") { if (e.checked) f.themes.push(e.value); }
      else f[e.name] = e.type === "checkbox" ? e.checked : e.value;
    }
    return f;
  }
  function write(f) {
    $("vp-sector").value = f.sector || "";
    syncCollections();
    for (const e of form.elements) {
      if (!e.name || !(e.name in f)) continue;
      if (e.name === "themes") e.checked = f.themes.includes(e.value);
      else if (e.type === "checkbox") e.checked = !!f[e.name];
      else e.value = f[e.name];
    }
  }
  function store(action, value) {
    try { return localStorage[action + "Item"](KEY, value); } catch (e) {
      $("vp-saved").textContent = "Deze browser bewaart geen concept. Download je bestand voordat je de pagina sluit.";
      return null;
    }
  }
  function save() {
    store("set", JSON.stringify({ version: 1, saved: new Date().toISOString(), fields: read() }));
    const time = new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
    $("vp-saved").textContent = `Concept bewaard in deze browser om ${time}.`;
  }
  function announce(text) { $("vp-live").textContent = ""; setTimeout(() => { $("vp-live").textContent = text; }, 50); }

  /* ---- the situation: values, checks, Markdown, issue link ---- */
  function clean(s) {
    s = String(s || "").normalize("NFC").replace(/\r\n?|[\u2028\u2029]/g, "\n")
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, "");
    return s.toWellFormed ? s.toWellFormed() : s;
  }
  const oneLine = (s) => clean(s).replace(/\s+/g, " ").trim();
  const lines = (s) => clean(s).split("\n").map((x) => x.trim()).filter(Boolean);
  function slugify(title) {
    const max = P.id.maxLength;
    let s = title.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (s.length > max) s = s.slice(0, max).includes("-") ? s.slice(0, max).replace(/-[^-]*$/, "") : s.slice(0, max);
    return s || "situatie";
  }
  function uniqueId(slug) {
    let id = slug, n = 2;
    while (data.ids.includes(id)) { id = slug.slice(0, P.id.maxLength - String(n).length - 1).replace(/-+$/, "") + "-" + n; n++; }
    return id;
  }
  function situation() {
    const f = read(), s = { fields: f, tensions: [], questions: {}, defaults: [], inspection: isInspection() };
    TEXT.forEach((k) => { s[k] = LONG.includes(k) ? clean(f[k]).trim() : oneLine(f[k]); });
    [1, 2, 3].forEach((n) => {
      const pair = [f[`tension-${n}-a`], f[`tension-${n}-b`]];
      if (pair[0] || pair[1]) s.tensions.push({ n, pair });
    });
    SIDES.forEach((side) => {
      let qs = lines(f["q-" + side]);
      if (!qs.length && P.questions.required.includes(side)) { qs = [sideQuestion(side)]; s.defaults.push(side); }
      if (qs.length) s.questions[side] = qs;
    });
    s.id = uniqueId(slugify(s.title));
    return s;
  }
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
    ["summary", "title", "key_question"].forEach((k) => {
      const n = s[k].length, p = P[k];
      if (n && (n < p.minLength || n > p.maxLength)) add("vp-" + k, `Gebruik ${p.minLength} tot ${p.maxLength} tekens; nu zijn het er ${n}.`);
    });
    const seen = new Set();
    if (!s.tensions.length) add("vp-tension-1", "Kies twee waarden die botsten.", "vp-tension-1-a");
    s.tensions.forEach(({ n, pair }) => {
      const id = "vp-tension-" + n, key = pair.slice().sort().join("|");
      if (!pair[0] || !pair[1]) add(id, "Kies ook de andere waarde, of maak allebei leeg.", id + (pair[0] ? "-b" : "-a"));
      else if (pair[0] === pair[1]) add(id, "Kies twee verschillende waarden.", id + "-b");
      else if (seen.has(key)) add(id, "Deze twee waarden heb je al gekozen.", id + "-a");
      seen.add(key);
    });
    const th = P.themes, count = f.themes.length;
    if (count < th.minItems || count > th.maxItems)
      add("vp-themes", `Kies ${th.minItems} tot ${th.maxItems} thema's; nu zijn het er ${count}.`, "vp-theme-" + V.themes[0].key);
    SIDES.forEach((side) => {
      const bad = lines(f["q-" + side]).find((q) => q.length < QLEN.minLength || q.length > QLEN.maxLength);
      if (bad) add("vp-q-" + side, `Elke vraag heeft ${QLEN.minLength} tot ${QLEN.maxLength} tekens. Kijk naar: ‘${bad.slice(0, 40)}’.`);
    });
    return errors.concat(privacy().map((p) => Object.assign(p, { target: p.id })))
      .sort((a, b) => ($(a.target).compareDocumentPosition($(b.target)) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1));
  }
  const yq = (s) => JSON.stringify(s);
  const ykey = (k) => (/^[a-z][a-z0-9-]*$/.test(k) && !["yes", "no", "on", "off", "y", "n", "true", "false", "null"].includes(k) ? k : yq(k || ""));
  function markdown(s) {
    const f = s.fields, L = ["---", `# Geschreven in het vertelpunt van de site op ${new Date().toISOString().slice(0, 10)}.`];
    const meaning = MEANING.flatMap(([k, label]) => lines(s[k]).map((l, i) => (i ? "#     " : `#   ${label} `) + l));
    if (meaning.length) L.push("# Terugkijken, door de schrijver (komt niet op de site):", ...meaning);
    if (f["consent-anon"] && f["consent-people"] && f["consent-license"])
      L.push("# Bevestigd: herkenbare details veranderd, betrokkenen niet te herkennen of akkoord, publicatie onder CC BY 4.0.");
    if (s.defaults.length) L.push(`# Algemene vragen ingevuld bij: ${s.defaults.join(", ")}. Vervang ze gerust.`);
    L.push("id: " + s.id, "type: situatie", "title: " + yq(s.title), "collection: " + ykey(f.collection), "role: " + ykey(f.role));
    if (s.inspection) L.push("domain: " + ykey(f.domain), "step: " + ykey(f.step));
    L.push("summary: " + yq(s.summary), "tensions:", ...s.tensions.map((t) => `  - [${t.pair.map(ykey).join(", ")}]`));
    L.push(`themes: [${f.themes.map(ykey).join(", ")}]`, "key_question: " + yq(s.key_question), "questions:");
    Object.entries(s.questions).forEach(([side, qs]) => L.push(`  ${side}:`, ...qs.map((q) => "    - " + yq(q))));
    L.push("---", "", s.story.replace(/</g, "&lt;"), "");
    return L.join("\n");
  }
  function issueUrl(s, md) {
    if (!data.issue.url) return $("vp-issue").href;
    const qs = Object.entries(s.questions).map(([side, q]) => cap(term("sides", side).label) + ":\n- " + q.join("\n- ")).join("\n\n");
    const meaning = MEANING.filter(([k]) => s[k]).map(([k, label]) => label + "\n" + s[k]).join("\n\n");
    const p = new URLSearchParams({ template: data.issue.template, title: "[Situatie] " + s.title });
    [["story", s.story], ["summary", s.summary], ["key_question", s.key_question], ["questions", qs], ["duiding", meaning], ["file", md]]
      .forEach(([k, v]) => { if (v) p.set(k, v); });
    const url = () => data.issue.url + "?" + p;
    if (url().length > MAX_URL) p.delete("file");
    s.tooLong = url().length > MAX_URL;
    if (s.tooLong) p.set("story", "Het verhaal is te lang voor een link. Ik voeg het gedownloade bestand hieronder toe.");
    return url();
  }

  /* ---- showing: errors, privacy warnings, preview ---- */
  function slots(kind, items) {
    form.querySelectorAll(".ks-vp__" + kind).forEach((e) => { e.hidden = true; e.textContent = ""; });
    items.forEach((x) => {
      const slot = $(x.id + "-" + kind);
      slot.textContent = (slot.textContent + " " + x.msg).trim();
      slot.hidden = false;
    });
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
  function preview() {
    const s = situation(), art = $("vp-preview"), md = markdown(s);
    art.replaceChildren(el("h3", {}, s.title || "Je titel"),
      el("p", { class: "ks-summary" }, s.summary || "Wat het kritisch maakte, in één zin."),
      ...(s.story || "Je verhaal.").split(/\n\s*\n/).map((para) => el("p", {}, para)));
    if (s.key_question) { const k = el("div", { class: "ks-kernvraag" }); k.append(el("p", {}, s.key_question)); art.append(k); }
    Object.entries(s.questions).forEach(([side, qs]) => {
      const ul = el("ul");
      ul.append(...qs.map((q) => el("li", {}, q)));
      art.append(el("h4", {}, cap(term("sides", side).label)), ul);
    });
    $("vp-file").textContent = md;
    $("vp-file-where").textContent = `Bestandsnaam: ${s.id}.md, in de map situations/${s.fields.collection || "<collectie>"}/.`;
    $("vp-issue").href = issueUrl(s, md);
  }
  function ready() {
    const s = situation(), errors = check(s);
    slots("privacy", privacy());
    showErrors(errors, true);
    return errors.length ? null : s;
  }

  /* ---- events ---- */
  let timer = null;
  function changed(e) {
    if (e.target === $("vp-sector")) syncCollections();
    if (e.target === $("vp-collection") && !$("vp-role").value && collection()) $("vp-role").value = collection().role;
    syncDefinitions();
    clearTimeout(timer);
    timer = setTimeout(() => {
      save(); preview(); slots("privacy", privacy());
      if (!$("vp-errors").hidden) showErrors(check(situation()), false);
    }, 300);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (e) => e.preventDefault());
  window.addEventListener("pagehide", () => { clearTimeout(timer); save(); });
  $("vp-download").addEventListener("click", () => {
    const s = ready();
    if (!s) return;
    const a = el("a", { href: URL.createObjectURL(new Blob([markdown(s)], { type: "text/markdown;charset=utf-8" })), download: s.id + ".md" });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    $("vp-result").hidden = false;
    $("vp-result").textContent = `Het bestand ${s.id}.md staat in je downloads. Zet het met een pull request in de map ` +
      `situations/${s.fields.collection}/, of voeg het toe aan een issue op GitHub.`;
    announce($("vp-result").textContent);
  });
  $("vp-issue").addEventListener("click", (e) => {
    const s = ready();
    if (!s) { e.preventDefault(); return; }
    e.currentTarget.href = issueUrl(s, markdown(s));
    if (s.tooLong) announce("Je verhaal is te lang voor een link. Download ook het bestand en voeg het op GitHub toe aan je issue.");
  });
  $("vp-clear").addEventListener("click", () => {
    if (!window.confirm("Wil je je concept echt wissen? Alles wat je hier hebt geschreven, verdwijnt uit deze browser. " +
                        "Dit kun je niet ongedaan maken.")) return;
    store("remove");
    form.reset();
    syncCollections(); syncDefinitions(); preview(); slots("privacy", []); showErrors([], false);
    $("vp-result").hidden = true;
    $("vp-saved").textContent = "Je concept is gewist.";
    announce("Je concept is gewist.");
    $("vp-story").focus();
  });

  let restored = false;
  try { const saved = store("get"); if (saved) { write(JSON.parse(saved).fields || {}); restored = true; } }
  catch (e) { /* an unreadable draft is ignored, not deleted */ }
  if (!restored) syncCollections();
  else { $("vp-saved").textContent = "Je concept is teruggezet uit deze browser."; announce("Je concept is teruggezet."); }
  syncDefinitions(); preview(); slots("privacy", privacy());
  root.hidden = false;
  window.ksVertelpunt = { scan, slugify };
})();
