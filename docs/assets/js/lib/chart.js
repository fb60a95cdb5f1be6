/* Charts of the patronen page: SVG drawn here (nothing from another host), each with a data table.
   The SVG is a picture for the eye (aria-hidden); the table holds the same figures for screen
   readers, the keyboard and print, and a button per figure to read the stories behind it. */
import { el } from "./dom.js";
import { figure } from "./patronen-stats.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text = "") {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

/** A button that shows the stories behind a figure (none when no story is behind it). */
export function readButton(ids, label, onPick) {
  if (!ids.length) return el("span", { class: "ks-pt__zero" }, "0");
  const b = el("button", { type: "button", class: "ks-pt__read", "data-ks-pick": label }, String(ids.length));
  b.append(el("span", { class: "ks-sr" }, ` ${ids.length === 1 ? "verhaal" : "verhalen"}: lees ${label}`));
  b.addEventListener("click", () => onPick(label, ids));
  return b;
}

/** A horizontal bar chart with its table. rows: [{label, ids}]; base: the number the shares are of. */
export function barFigure({ id, title, note, rows, base, minN, onPick, unit = "verhalen" }) {
  const fig = el("figure", { class: "ks-pt__figure", id, "aria-labelledby": id + "-title" });
  fig.append(el("h3", { id: id + "-title" }, title));
  if (note) fig.append(el("p", { class: "ks-pt__note" }, note));
  const max = Math.max(1, ...rows.map((r) => r.ids.length)), H = 22, W = 640, LEFT = 260;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${rows.length * H + 4}`, class: "ks-pt__svg", "aria-hidden": "true",
                             focusable: "false" });
  rows.forEach((r, i) => {
    const y = i * H + 2, w = ((W - LEFT - 70) * r.ids.length) / max;
    const g = svg("g", { class: r.ids.length ? "ks-pt__bar" : "ks-pt__bar ks-pt__bar--empty" });
    g.append(svg("text", { x: LEFT - 8, y: y + H / 2 + 4, "text-anchor": "end" }, r.label.length > 42 ? r.label.slice(0, 41) + "…" : r.label),
             svg("rect", { x: LEFT, y: y + 3, width: Math.max(w, r.ids.length ? 2 : 0), height: H - 6, rx: 2 }),
             svg("text", { x: LEFT + w + 6, y: y + H / 2 + 4, class: "ks-pt__value" }, figure(r.ids.length, base, minN)));
    if (r.ids.length) g.addEventListener("click", () => onPick(r.label, r.ids));
    chart.append(g);
  });
  const table = el("table", { class: "ks-pt__table" });
  table.append(el("caption", { class: "ks-sr" }, `${title}: tabel`));
  const head = el("tr");
  head.append(el("th", { scope: "col" }, "Antwoord"), el("th", { scope: "col" }, `Aantal ${unit}`), el("th", { scope: "col" }, "Aandeel"));
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr", { "data-ks-key": r.key }), td = el("td", { "data-ks-count": String(r.ids.length) });
    td.append(readButton(r.ids, r.label, onPick));
    const share = figure(r.ids.length, base, minN), pct = share.includes("(") ? share.slice(share.indexOf("(") + 1, -1) : "–";
    tr.append(el("th", { scope: "row" }, r.label), td, el("td", { "data-ks-share": "" }, pct));
    body.append(tr);
  }
  const thead = el("thead");
  thead.append(head);
  table.append(thead, body);
  fig.append(chart, table);
  return fig;
}

/** A cross table (e.g. what people did × how it turned out) with a button in every cell.
    cell(r, c) gives the story ids; shares are of the row total, only from `minN` stories up. */
export function crossFigure({ id, title, note, rows, cols, cell, minN, onPick, corner }) {
  const fig = el("figure", { class: "ks-pt__figure ks-pt__figure--wide", id, "aria-labelledby": id + "-title" });
  fig.append(el("h3", { id: id + "-title" }, title));
  if (note) fig.append(el("p", { class: "ks-pt__note" }, note));
  const wrap = el("div", { class: "ks-pt__scroll", tabindex: "0", role: "region", "aria-labelledby": id + "-title" });
  const table = el("table", { class: "ks-pt__table ks-pt__cross" });
  table.append(el("caption", { class: "ks-sr" }, title));
  const head = el("tr");
  head.append(el("th", { scope: "col" }, corner));
  cols.forEach((c) => head.append(el("th", { scope: "col" }, c.label)));
  head.append(el("th", { scope: "col" }, "Totaal"));
  const thead = el("thead"), body = el("tbody");
  thead.append(head);
  for (const r of rows) {
    const tr = el("tr", { "data-ks-key": r.key }), cells = cols.map((c) => cell(r, c)), total = r.ids.length;
    tr.append(el("th", { scope: "row" }, r.label));
    cols.forEach((c, j) => {
      const ids = cells[j], td = el("td", { "data-ks-col": c.key, "data-ks-count": String(ids.length) });
      td.append(readButton(ids, `${r.label} en ${c.label}`, onPick));
      const share = figure(ids.length, total, minN);
      if (share.includes("(")) td.append(el("span", { class: "ks-pt__pct" }, " " + share.slice(share.indexOf("("))));
      tr.append(td);
    });
    const td = el("td", { "data-ks-col": "totaal", "data-ks-count": String(total) });
    td.append(readButton(r.ids, r.label, onPick));
    tr.append(td);
    body.append(tr);
  }
  table.append(thead, body);
  wrap.append(table);
  fig.append(wrap);
  return fig;
}
