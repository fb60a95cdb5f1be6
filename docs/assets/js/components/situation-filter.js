/* Filters on /situaties/: sector, collection, inspection domain, theme, tension, length and kind
   combine; the data comes from the published catalogue, the state lives in the URL (so a filtered
   list can be shared) and the full list stays in the page for readers without JavaScript. */
import { catalogue } from "../lib/catalogue.js";
import { announce, cap, el, fill } from "../lib/dom.js";

/** Stories up to this many words count as short. */
export const SHORT_WORDS = 500;

const FIELDS = [
  ["sector", "Sector", "alle sectoren"],
  ["collectie", "Collectie", "alle collecties"],
  ["domein", "Toezichtsdomein", "alle domeinen"],
  ["thema", "Thema", "alle thema's"],
  ["spanning", "Spanning", "alle spanningen"],
  ["lengte", "Lengte", "elke lengte"],
  ["soort", "Soort", "situaties en beelden"],
];

const pairKey = (p) => `${p[0]}--${p[1]}`;

/** The options of every filter, from the catalogue (only values that occur). */
export function options(cat) {
  const label = (kind, key) => cat.vocabulary[kind].find((t) => t.key === key)?.label ?? key;
  const used = (pick) => new Set(cat.entries.flatMap(pick));
  const themes = used((e) => e.themes), domains = used((e) => (e.domain ? [e.domain] : []));
  const pairs = new Map(cat.entries.flatMap((e) => e.tensions.map((p) => [pairKey(p), p])));
  const sectors = new Set(cat.collections.map((c) => c.sector));
  return {
    sector: cat.vocabulary.sectors.filter((t) => sectors.has(t.key)),
    collectie: cat.collections.map((c) => ({ key: c.id, label: c.short_name })),
    domein: cat.vocabulary.domains.filter((t) => domains.has(t.key)).map((t) => ({
      key: t.key, label: `${t.label} (${t.definition.split(" - ")[0]})` })),
    thema: cat.vocabulary.themes.filter((t) => themes.has(t.key)),
    spanning: [...pairs.entries()].map(([key, p]) => ({ key, label: `${label("values", p[0])} – ${label("values", p[1])}` }))
      .sort((a, b) => a.label.localeCompare(b.label, "nl")),
    lengte: [{ key: "kort", label: `kort (tot ${SHORT_WORDS} woorden)` }, { key: "lang", label: `lang (meer dan ${SHORT_WORDS} woorden)` }],
    soort: [{ key: "situatie", label: "alleen situaties" }, { key: "beeld", label: "alleen beelden van goed werk" }],
  };
}

/** Does entry `e` (of collection `c`) pass every chosen filter in `state`? */
export function matches(e, c, state) {
  const tests = {
    sector: (v) => c.sector === v,
    collectie: (v) => e.collection === v,
    domein: (v) => e.domain === v,
    thema: (v) => e.themes.includes(v),
    spanning: (v) => e.tensions.some((p) => pairKey(p) === v),
    lengte: (v) => (v === "kort" ? e.word_count <= SHORT_WORDS : e.word_count > SHORT_WORDS),
    soort: (v) => e.type === v,
  };
  return Object.entries(state).every(([k, v]) => !v || !tests[k] || tests[k](v));
}

export async function mount(form) {
  const cat = await catalogue();
  const list = form.nextElementSibling;
  const count = form.querySelector(".ks-filter__count");
  const opts = options(cat);
  const selects = {};
  for (const [name, text, empty] of FIELDS) {
    const select = el("select", { name });
    fill(select, opts[name], empty);
    const label = el("label");
    label.append(el("span", {}, text), select);
    const box = el("div");
    box.append(label);
    count.before(box);
    selects[name] = select;
  }
  const reset = el("button", { type: "reset", class: "md-button" }, "Alle filters wissen");
  count.before(reset);
  const byId = new Map(cat.entries.map((e) => [e.id, e]));
  const colls = new Map(cat.collections.map((c) => [c.id, c]));

  function read() {
    const params = new URLSearchParams(window.location.search);
    for (const [name, select] of Object.entries(selects)) {
      const v = params.get(name) ?? "";
      select.value = [...select.options].some((o) => o.value === v) ? v : "";
    }
  }
  function apply(speak) {
    const state = Object.fromEntries(Object.entries(selects).map(([k, s]) => [k, s.value]));
    let shown = 0;
    list.querySelectorAll("li[data-ks-id]").forEach((li) => {
      const e = byId.get(li.dataset.ksId);
      const ok = !!e && matches(e, colls.get(e.collection), state);
      li.hidden = !ok;
      if (ok) shown++;
    });
    list.querySelectorAll("section[data-ks-collection]").forEach((s) => {
      s.hidden = !s.querySelector("li[data-ks-id]:not([hidden])");
    });
    const url = new URL(window.location.href);
    for (const [k, v] of Object.entries(state)) if (v) url.searchParams.set(k, v); else url.searchParams.delete(k);
    history.replaceState(history.state, "", url);
    const text = shown === 0 ? "Geen situaties gevonden. Wis een filter." : `${cap(String(shown))} ${shown === 1 ? "verhaal" : "verhalen"} gevonden`;
    if (speak) announce(count, text); else count.textContent = text;
  }
  form.addEventListener("change", () => apply(true));
  form.addEventListener("reset", () => setTimeout(() => apply(true)));
  form.addEventListener("submit", (ev) => ev.preventDefault());
  read();
  form.hidden = false;
  apply(false);
}
