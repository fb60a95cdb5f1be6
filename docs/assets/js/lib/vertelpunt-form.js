/* The vertelpunt's form controls, built from the catalogue (vocabulary, collections, the tensions in
   use) and the field rules (situations/schema.json), and the rules that tie the fields together:
   the sector decides the collections on offer, the collection decides the role and whether the two
   inspection fields are asked. */
import { cap, el, fill } from "./dom.js";

/** Values grouped: the most used on the site first, then all of them A–Z; for the second value of a
    pair, the values it meets most often on the site. */
function valueGroups(cat, partnerOf) {
  const all = [...cat.vocabulary.values].sort((a, b) => a.label.localeCompare(b.label, "nl"));
  const count = new Map(), partners = new Map();
  for (const e of cat.entries) for (const [a, b] of e.tensions) {
    for (const [x, y] of [[a, b], [b, a]]) {
      count.set(x, (count.get(x) || 0) + 1);
      if (!partners.has(x)) partners.set(x, new Map());
      partners.get(x).set(y, (partners.get(x).get(y) || 0) + 1);
    }
  }
  const byKey = new Map(all.map((t) => [t.key, t]));
  const top = (m, n) => [...(m || new Map()).entries()].sort((p, q) => q[1] - p[1]).slice(0, n).map(([k]) => byKey.get(k)).filter(Boolean);
  const first = partnerOf ? byKey.get(partnerOf) : null;
  const head = first ? { group: `Botst op de site vaak met ‘${first.label}’`, items: top(partners.get(partnerOf), 6) }
                     : { group: "Vaak gekozen op de site", items: top(count, 10) };
  return (head.items.length ? [head] : []).concat([{ group: "Alle waarden (A–Z)", items: all }]);
}

export function buildForm(root, cat, schema) {
  const form = root.querySelector("form"), V = cat.vocabulary, P = schema.properties;
  const $ = (id) => document.getElementById(id);
  const term = (kind, key) => V[kind].find((t) => t.key === key);
  const sides = Object.keys(P.questions.properties);
  const sideQuestion = (side) => cap(P.questions.properties[side].description.split(": ").pop().trim());

  document.querySelectorAll("[data-ks-schema]").forEach((e) => { e.textContent = P[e.dataset.ksSchema].description; });
  form.querySelectorAll("select[data-ks-vocab]").forEach((s) => fill(s, V[s.dataset.ksVocab], "Kies…"));
  form.querySelectorAll("select[data-ks-values]").forEach((s) => fill(s, valueGroups(cat), "Kies een waarde…"));
  $("vp-themes-hint").textContent = `Kies er ${P.themes.minItems} tot ${P.themes.maxItems}.`;
  form.querySelector("[data-ks-themes]").append(...V.themes.map((t) => {
    const div = el("div");
    div.append(el("input", { type: "checkbox", id: "vp-theme-" + t.key, name: "themes", value: t.key }),
               el("label", { for: "vp-theme-" + t.key, title: t.definition }, t.label));
    return div;
  }));
  form.querySelector("[data-ks-questions]").append(...sides.map((side) => {
    const id = "vp-q-" + side, div = el("div", { class: "ks-vp__field" });
    div.append(el("label", { for: id }, cap(term("sides", side).label)),
               el("p", { class: "ks-vp__hint", id: id + "-hint" }, P.questions.properties[side].description),
               el("textarea", { id, name: "q-" + side, rows: "3", placeholder: sideQuestion(side) }));
    return div;
  }));
  // every control gets an error slot and a privacy slot, both named in its aria-describedby
  form.querySelectorAll(".ks-vp__field, .ks-vp__group, .ks-vp__pair").forEach((box) => {
    const group = box.matches("fieldset"), control = group ? box : box.querySelector("input, select, textarea");
    const err = el("p", { class: "ks-vp__error", id: control.id + "-error", hidden: true });
    const warn = el("p", { class: "ks-vp__privacy", id: control.id + "-privacy", hidden: true });
    if (!group) control.before(err, warn);
    else (box.querySelector("legend + .ks-vp__hint") || box.querySelector("legend")).after(err, warn);
    const ids = (control.id + "-hint " + (control.getAttribute("aria-describedby") || "")).split(" ");
    const unique = ids.filter((x, i) => x && $(x) && ids.indexOf(x) === i);
    control.setAttribute("aria-describedby", unique.concat([err.id, warn.id]).join(" "));
  });

  const collection = () => cat.collections.find((c) => c.id === $("vp-collection").value);
  /* A sector's extra fields (domain, step) come from the vocabulary, as in the build. */
  const isInspection = () => {
    const sector = V.sectors.find((t) => t.key === (collection() || {}).sector);
    return !!(sector && sector.fields && sector.fields.length);
  };

  /** The collections on offer: those of the chosen sector first, in their own group. */
  function offerCollections() {
    const sector = $("vp-sector").value, item = (c) => ({ key: c.id, label: c.name });
    const mine = cat.collections.filter((c) => c.sector === sector).map(item);
    const rest = cat.collections.filter((c) => c.sector !== sector).map(item);
    fill($("vp-collection"), sector ? [{ group: "Bij deze sector", items: mine }, { group: "Andere collecties", items: rest }].filter((g) => g.items.length)
                                    : rest, "Kies een collectie…");
    if (!$("vp-collection").value && mine.length === 1) $("vp-collection").value = mine[0].key;
  }
  /** A new sector: a collection of another sector and the fields that hang on it are reset. */
  function sectorChanged() {
    const c = collection();
    if (c && c.sector !== $("vp-sector").value) $("vp-collection").value = "";
    offerCollections();
    collectionChanged();
  }
  /** A new collection: its sector and its role follow; inspection fields only for an inspectorate. */
  function collectionChanged() {
    const c = collection();
    if (c) {
      if ($("vp-sector").value !== c.sector) { $("vp-sector").value = c.sector; offerCollections(); $("vp-collection").value = c.id; }
      $("vp-role").value = c.role;
    }
    if (!isInspection()) { $("vp-domain").value = ""; $("vp-step").value = ""; }
    definitions();
  }
  function partnerChanged(n) {
    const b = $(`vp-tension-${n}-b`);
    fill(b, valueGroups(cat, $(`vp-tension-${n}-a`).value), "Kies een waarde…");
  }
  function definitions() {
    form.querySelectorAll("select[data-ks-vocab]").forEach((s) => {
      const t = term(s.dataset.ksVocab, s.value);
      $(s.id + "-hint").textContent = t ? t.definition : "";
    });
    for (const n of [1, 2, 3]) {
      $(`vp-tension-${n}-def`).textContent = ["a", "b"].map((x) => term("values", $(`vp-tension-${n}-${x}`).value))
        .filter(Boolean).map((t) => cap(t.label) + ": " + t.definition).join(" ");
    }
    root.querySelectorAll("[data-ks-vp-inspection]").forEach((e) => { e.hidden = !isInspection(); });
  }
  function read() {
    const f = { themes: [] };
    for (const e of form.elements) {
      if (!e.name || e.closest("[data-ks-duiding]")) continue;  // the duidingsvragen read themselves
      if (e.name === "themes") { if (e.checked) f.themes.push(e.value); }
      else f[e.name] = e.type === "checkbox" ? e.checked : e.value;
    }
    return f;
  }
  function write(f) {
    $("vp-sector").value = f.sector || "";
    offerCollections();
    for (const n of [1, 2, 3]) { $(`vp-tension-${n}-a`).value = f[`tension-${n}-a`] || ""; partnerChanged(n); }
    for (const e of form.elements) {
      if (!e.name || !(e.name in f) || e.closest("[data-ks-duiding]")) continue;
      if (e.name === "themes") e.checked = f.themes.includes(e.value);
      else if (e.type === "checkbox") e.checked = !!f[e.name];
      else e.value = typeof f[e.name] === "string" ? f[e.name] : "";
    }
    definitions();
  }
  return { form, $, term, sides, sideQuestion, collection, isInspection, offerCollections, sectorChanged,
           collectionChanged, partnerChanged, definitions, read, write };
}
