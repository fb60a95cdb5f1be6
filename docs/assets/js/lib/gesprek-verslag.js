/* The verslag of a conversation: as Markdown (to download, or to start a beeld van goed werk in the
   vertelpunt) and as a printable A4 page. Input is one plain object, `report()` in the component:
   {date, situation: {title, url}, order: {title, total_minutes}, steps: [{title, minutes, spent, notes, tally}]}.
   No names: only what the scribe wrote and the counts of the anonymous choice. */
import { el } from "./dom.js";
import { results } from "./gesprek-tally.js";

const mins = (ms) => Math.round(ms / 60000);
const cell = (s) => String(s).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** The tallies of the conversation that have at least two named options, with their step title. */
export const tallies = (r) => r.steps.filter((s) => s.tally && results(s.tally).length >= 2 && results(s.tally).some((x) => x.count))
  .map((s) => ({ step: s.title, results: results(s.tally) }));

/** The steps with notes. */
export const notes = (r) => r.steps.filter((s) => (s.notes || "").trim());

/** The verslag as Markdown text. */
export function markdown(r) {
  const spent = r.steps.reduce((t, s) => t + s.spent, 0);
  const out = [`# Verslag: ${r.situation.title}`, "",
    `- Datum: ${r.date}`,
    `- Situatie: [${r.situation.title}](${r.situation.url})`,
    `- Verloop: ${r.order.title} (${r.order.total_minutes} minuten gepland, ${mins(spent)} minuten gebruikt)`, "",
    "## Verloop en tijden", "", "| Stap | Gepland | Werkelijk |", "| --- | ---: | ---: |",
    ...r.steps.map((s) => `| ${cell(s.title)} | ${s.minutes} min | ${mins(s.spent)} min |`), ""];
  const t = tallies(r);
  if (t.length) {
    out.push("## Jouw keuze (anoniem)", "");
    for (const x of t) {
      out.push(`${x.step}:`, "", ...x.results.map((o) => `- ${o.name}: ${o.count}`), "");
    }
  }
  out.push("## Afwegingen", "");
  const n = notes(r);
  if (!n.length) out.push("Geen aantekeningen.", "");
  for (const s of n) out.push(`### ${s.title}`, "", s.notes.trim(), "");
  out.push("---", "", "Dit verslag bevat geen namen en niet wie wat zei. Gemaakt met Gesprek leiden van Kritische situaties.", "");
  return out.join("\n");
}

/** A safe file name for the download. */
export const fileName = (id, isoDate) => `verslag-${id}-${isoDate}.md`;

/** Fill `box` with the printable verslag (all text set as text). */
export function printable(box, r) {
  const spent = r.steps.reduce((t, s) => t + s.spent, 0);
  const facts = el("dl");
  for (const [k, v] of [["Datum", r.date], ["Situatie", r.situation.title],
    ["Verloop", `${r.order.title}: ${r.order.total_minutes} minuten gepland, ${mins(spent)} minuten gebruikt`]]) {
    facts.append(el("dt", {}, k), el("dd", {}, v));
  }
  const table = el("table");
  const head = el("tr");
  head.append(el("th", { scope: "col" }, "Stap"), el("th", { scope: "col" }, "Gepland"), el("th", { scope: "col" }, "Werkelijk"));
  table.append(el("thead"), el("tbody"));
  table.tHead.append(head);
  for (const s of r.steps) {
    const row = el("tr");
    row.append(el("td", {}, s.title), el("td", {}, `${s.minutes} min`), el("td", {}, `${mins(s.spent)} min`));
    table.tBodies[0].append(row);
  }
  box.replaceChildren(el("h2", {}, `Verslag: ${r.situation.title}`), facts, el("h3", {}, "Verloop en tijden"), table);
  const t = tallies(r);
  if (t.length) {
    box.append(el("h3", {}, "Jouw keuze (anoniem)"));
    for (const x of t) {
      const ul = el("ul");
      ul.append(...x.results.map((o) => el("li", {}, `${o.name}: ${o.count}`)));
      box.append(el("p", {}, x.step), ul);
    }
  }
  box.append(el("h3", {}, "Afwegingen"));
  const n = notes(r);
  if (!n.length) box.append(el("p", {}, "Geen aantekeningen."));
  for (const s of n) {
    box.append(el("h4", {}, s.title), ...s.notes.trim().split(/\n\s*\n/).map((p) => el("p", { class: "ks-gs-report__note" }, p)));
  }
  box.append(el("p", { class: "ks-gs-report__foot" }, "Dit verslag bevat geen namen en niet wie wat zei."));
}
