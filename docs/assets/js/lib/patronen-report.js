/* The pattern report of a vertelronde: sections of charts and tables from the counts (patronen-stats.js).
   Returns elements; the component puts them on the page. Every label is set as text. */
import { cap, el } from "./dom.js";
import { barFigure, crossFigure } from "./chart.js";
import { BINS, sorted } from "./patronen-stats.js";

function section(id, title, intro, ...figures) {
  const s = el("section", { class: "ks-pt__section", "aria-labelledby": id });
  s.append(el("h2", { id }, title));
  if (intro) s.append(el("p", {}, intro));
  const grid = el("div", { class: "ks-pt__grid" });
  grid.append(...figures);
  s.append(grid);
  return s;
}

/** The sections of the report. ctx: {D: duidingsvragen, cat: catalogue, L: labels, onPick}. */
export function report(t, { D, cat, L, onPick }) {
  const minN = D.min_n, n = t.n;
  const vocabOrder = (kind) => { const o = new Map(cat.vocabulary[kind].map((x, i) => [x.key, i])); return (a, b) => (o.get(a) ?? 1e9) - (o.get(b) ?? 1e9); };
  const rowsOf = (map, label, kind) => sorted(map, kind ? vocabOrder(kind) : undefined).map(([key, ids]) => ({ key, label: label(key), ids }));
  const bars = (id, title, rows, note, base = n) => barFigure({ id, title, note, rows, base, minN, onPick });

  const who = section("pt-h-wie", "Wie vertelden",
    `${n} ${n === 1 ? "verhaal" : "verhalen"}. Een aandeel (percentage) staat er alleen bij als er minstens ${minN} verhalen achter een getal zitten.`,
    bars("pt-sectors", "Sectoren", rowsOf(t.sectors, L.term("sectors"), "sectors")),
    bars("pt-roles", "Rollen", rowsOf(t.roles, L.term("roles"), "roles")));

  const tensionRows = rowsOf(t.tensions, L.pair);
  const roleKeys = sorted(t.roles, vocabOrder("roles")).map(([k]) => k);
  const values = section("pt-h-waarden", "Welke waarden botsten",
    "Hoe vaak elke spanning tussen twee waarden en elk thema voorkomt, de meest gekozen bovenaan.",
    bars("pt-tensions", "Spanningen tussen waarden", tensionRows),
    bars("pt-themes", "Thema's", rowsOf(t.themes, L.term("themes"), "themes")),
    crossFigure({ id: "pt-role-tension", title: "Spanning per rol", corner: "Spanning", minN, onPick,
      note: "Per spanning: hoeveel verhalen uit elke rol haar noemen. Het aandeel is van de rij.",
      rows: tensionRows, cols: roleKeys.map((k) => ({ key: k, label: cap(L.term("roles")(k)) })),
      cell: (r, c) => (t.roleTension.get(c.key) || new Map()).get(r.key) || [] }));

  const sliderFig = (key) => {
    const q = D.sliders[key], h = t.sliders[key];
    const rows = BINS.map(([a, b], i) => ({ key: String(i), label: `${a}–${b}`, ids: h.bins[i] }));
    rows.push({ key: "overgeslagen", label: "overgeslagen", ids: h.skipped });
    return barFigure({ id: "pt-slider-" + key, title: q.question, rows, minN, onPick, base: n,
      note: `0 is ${q.left}, 100 is ${q.right}.` });
  };
  const plain = Object.keys(D.sliders).filter((k) => !D.sliders[k].side), sides = Object.keys(D.sliders).filter((k) => D.sliders[k].side);
  const sliders = section("pt-h-schuifjes", "Hoe het voelde en wie besliste",
    "De verdeling van elk schuifje, in vijf vakken van 0 tot 100. Wie een vraag oversloeg, telt apart.", ...plain.map(sliderFig));
  const good = section("pt-h-goed-werk", "De drie kanten van goed werk",
    "Hoe zwaar goed is, goed doet en goed voelt woog in de verhalen.", ...sides.map(sliderFig));

  const choiceRows = (key) => {
    const q = D.choices[key], c = t.choices[key];
    const rows = Object.keys(q.options).map((k) => ({ key: k, label: q.options[k], ids: c.options.get(k) || [] }));
    if (q.multiple) rows.sort((a, b) => b.ids.length - a.ids.length);
    rows.push({ key: "overgeslagen", label: "overgeslagen", ids: c.skipped });
    return rows;
  };
  const multi = Object.keys(D.choices).find((k) => D.choices[k].multiple);
  const outcome = D.choices.afloop ? "afloop" : Object.keys(D.choices).find((k) => k !== multi);
  const others = Object.keys(D.choices).filter((k) => k !== multi);
  const figs = [];
  if (multi && outcome) {
    const cols = Object.entries(D.choices[outcome].options).map(([key, label]) => ({ key, label: cap(label) }))
      .concat([{ key: "", label: "Overgeslagen" }]);
    figs.push(crossFigure({ id: "pt-did-outcome", title: `${D.choices[multi].question} En hoe liep het af?`, corner: "Gedaan", minN, onPick,
      note: "Een verhaal telt mee bij elke handeling die erin genoemd is. Het aandeel is van de rij: van de verhalen met die handeling.",
      rows: choiceRows(multi).filter((r) => r.key !== "overgeslagen"), cols,
      cell: (r, c) => (t.didOutcome.get(r.key) || new Map()).get(c.key) || [] }));
    figs.push(bars("pt-choice-" + multi, D.choices[multi].question, choiceRows(multi), "Meer antwoorden per verhaal mogelijk."));
  }
  figs.push(...others.map((k) => bars("pt-choice-" + k, D.choices[k].question, choiceRows(k))));
  const did = section("pt-h-gedaan", "Wat mensen deden en hoe het afliep",
    "Zo lees je welke aanpak waar toe leidde. Het zijn verhalen, geen steekproef: lees ze als aanleiding voor het gesprek.", ...figs);
  return [who, values, sliders, good, did];
}
