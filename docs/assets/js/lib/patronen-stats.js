/* The patterns of a vertelronde, counted in one pass over the stories: which story (by index) lies
   behind every figure, so a click on a bar or a cell can show them. Also the CSV export. Pure
   functions, no DOM: the same counts are computed in Python by the tests. */

/** Slider bins: [from, to] inclusive. */
export const BINS = [[0, 19], [20, 39], [40, 59], [60, 79], [80, 100]];
export const binOf = (v) => Math.min(BINS.length - 1, Math.floor(v / 20));

const push = (map, key, i) => { if (!map.has(key)) map.set(key, []); map.get(key).push(i); };

/** A tension pair as one key, its values in vocabulary order (`order`: value key -> position). */
export const pairKey = (pair, order) => pair.slice().sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9)).join("|");

/** Every figure of the round. Maps hold story indexes; `skipped` lists stories that skipped a question. */
export function tally(stories, duiding, order) {
  const t = { n: stories.length, sectors: new Map(), roles: new Map(), collections: new Map(), tensions: new Map(),
              themes: new Map(), roleTension: new Map(), sliders: {}, choices: {}, didOutcome: new Map() };
  const multi = Object.keys(duiding.choices).find((k) => duiding.choices[k].multiple) || null;
  for (const k of Object.keys(duiding.sliders)) t.sliders[k] = { bins: BINS.map(() => []), skipped: [] };
  for (const k of Object.keys(duiding.choices)) t.choices[k] = { options: new Map(), skipped: [] };
  stories.forEach((s, i) => {
    push(t.sectors, s.sector, i);
    push(t.roles, s.role, i);
    if (s.collection) push(t.collections, s.collection, i);
    const pairs = new Set(s.tensions.map((p) => pairKey(p, order)));
    for (const p of pairs) {
      push(t.tensions, p, i);
      if (!t.roleTension.has(s.role)) t.roleTension.set(s.role, new Map());
      push(t.roleTension.get(s.role), p, i);
    }
    for (const th of new Set(s.themes)) push(t.themes, th, i);
    const d = s.duiding || {};
    for (const k of Object.keys(duiding.sliders)) {
      const v = d[k];
      if (typeof v === "number") t.sliders[k].bins[binOf(v)].push(i); else t.sliders[k].skipped.push(i);
    }
    for (const [k, q] of Object.entries(duiding.choices)) {
      const v = d[k];
      const picked = v === null || v === undefined ? [] : [...new Set(q.multiple ? v : [v])];
      if (!picked.length) t.choices[k].skipped.push(i);
      for (const o of picked) push(t.choices[k].options, o, i);
    }
    if (multi && Array.isArray(d[multi])) {
      const outcome = d.afloop || "";  // "" = overgeslagen
      for (const o of new Set(d[multi])) {
        if (!t.didOutcome.has(o)) t.didOutcome.set(o, new Map());
        push(t.didOutcome.get(o), outcome, i);
      }
    }
  });
  return t;
}

/** Entries of a count map, largest first, ties in `tiebreak` order (or A–Z). */
export function sorted(map, tiebreak = (a, b) => String(a).localeCompare(String(b), "nl")) {
  return [...map.entries()].sort((a, b) => b[1].length - a[1].length || tiebreak(a[0], b[0]));
}

/** "12 (40%)" when the count is at least `minN`, else only the count: with few stories behind a
    figure a percentage would say more about a person than about a pattern. */
export function figure(count, base, minN) {
  return count >= minN && base > 0 ? `${count} (${Math.round((100 * count) / base)}%)` : String(count);
}

/** One spreadsheet cell: quoted, and text that a spreadsheet would run as a formula made harmless. */
function cell(v) {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The round as CSV (semicolons, for Dutch spreadsheets): one row per story, keys from the vocabulary
    and duiding.yml, an empty cell for a skipped question. */
export function csv(stories, duiding) {
  const sliders = Object.keys(duiding.sliders), choices = Object.keys(duiding.choices);
  const head = ["id", "titel", "samenvatting", "sector", "collectie", "rol", "spanningen", "themas",
                ...sliders, ...choices, "kernvraag", "verhaal"];
  const rows = stories.map((s) => {
    const d = s.duiding || {};
    return [s.id, s.title, s.summary, s.sector, s.collection, s.role,
      s.tensions.map((p) => p.join("/")).join(" "), s.themes.join(" "),
      ...sliders.map((k) => (typeof d[k] === "number" ? d[k] : "")),
      ...choices.map((k) => (Array.isArray(d[k]) ? d[k].join(" ") : d[k] || "")),
      s.key_question, s.story];
  });
  return "\ufeff" + [head, ...rows].map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}
