/* The vertelpunt's output, from the fields a writer filled in: the Markdown file for the repository,
   a readable text for people, the e-mail to the editors and the GitHub issue link.

   The promise of the form: the "Terugkijken" answers never reach a public channel. They are not in
   the Markdown file and not in the issue link; they go only into the private e-mail and the readable
   text, and only when the writer ticks "share" (fields["share-meaning"]). */
import { cap } from "./dom.js";
import { fill, yamlKey, yamlKeys, yamlQuestions, yamlTensions, yamlText } from "./archetype.js";
import { slugify, uniqueId } from "./ids.js";

export const MAX_URL = 8000;
export const MEANING = ["felt", "did", "outcome", "audience"];

function clean(s) {
  s = String(s || "").normalize("NFC").replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, "");
  return s.toWellFormed ? s.toWellFormed() : s;
}
export const oneLine = (s) => clean(s).replace(/\s+/g, " ").trim();
export const lines = (s) => clean(s).split("\n").map((x) => x.trim()).filter(Boolean);

/** The situation as plain data: cleaned texts, tension pairs, questions per side, a free id. */
export function situation(fields, ctx) {
  const { schema, taken, isInspection, sideQuestion } = ctx;
  const P = schema.properties, sides = Object.keys(P.questions.properties);
  const s = { fields, tensions: [], questions: {}, defaults: [], inspection: isInspection, meaning: {} };
  s.story = clean(fields.story).trim();
  for (const k of ["summary", "title", "key_question"]) s[k] = oneLine(fields[k]);
  for (const k of MEANING) s.meaning[k] = clean(fields[k]).trim();
  for (const n of [1, 2, 3]) {
    const pair = [fields[`tension-${n}-a`], fields[`tension-${n}-b`]];
    if (pair[0] || pair[1]) s.tensions.push({ n, pair });
  }
  for (const side of sides) {
    let qs = lines(fields["q-" + side]);
    if (!qs.length && P.questions.required.includes(side)) { qs = [sideQuestion(side)]; s.defaults.push(side); }
    if (qs.length) s.questions[side] = qs;
  }
  s.id = uniqueId(slugify(s.title, P.id.maxLength), taken, P.id.maxLength);
  s.shareMeaning = !!fields["share-meaning"] && MEANING.some((k) => s.meaning[k]);
  return s;
}

/** The Markdown file for situations/<collection>/<id>.md, from archetypes/situatie.md.
    Never holds the "Terugkijken" answers. */
export function markdown(s, today, archetype) {
  const f = s.fields, header = [`# Geschreven in het vertelpunt van de site op ${today}.`];
  if (f["consent-anon"] && f["consent-people"] && f["consent-license"])
    header.push("# Bevestigd: herkenbare details veranderd, betrokkenen niet te herkennen of akkoord, publicatie onder CC BY 4.0.");
  if (s.defaults.length) header.push(`# Algemene vragen ingevuld bij: ${s.defaults.join(", ")}. Vervang ze gerust.`);
  header.push("# personen: vul de voornamen van de personages in; de redactie kijkt of ze nog vrij zijn.");
  return fill(archetype, {
    header: header.join("\n"), id: s.id, title: yamlText(s.title), collection: yamlKey(f.collection), role: yamlKey(f.role),
    domain: s.inspection ? yamlKey(f.domain) : null, step: s.inspection ? yamlKey(f.step) : null,
    summary: yamlText(s.summary), tensions: yamlTensions(s.tensions.map((t) => t.pair)), themes: yamlKeys(f.themes),
    key_question: yamlText(s.key_question), questions: yamlQuestions(s.questions), related: "[]", personen: "[]",
    story: s.story.replace(/</g, "&lt;"),
  }) + "\n";
}

/** A readable text in Dutch words, without internal keys: what a person attaches to an e-mail. */
export function readable(s, words) {
  const f = s.fields, label = words.label, L = [];
  const add = (name, value) => { if (value) L.push(`${name}: ${value}`); };
  L.push(`Kritische situatie: ${s.title || "(nog zonder titel)"}`, `Geschreven in het vertelpunt op ${words.today}.`, "");
  add("In één zin", s.summary);
  add("Sector", label("sectors", f.sector));
  add("Collectie", words.collection);
  add("Rol van de hoofdpersoon", label("roles", f.role));
  if (s.inspection) { add("Toezichtsdomein", label("domains", f.domain)); add("Stap in het toezichtswerk", label("steps", f.step)); }
  add("Waarden die botsten", s.tensions.filter((t) => t.pair[0] && t.pair[1])
    .map((t) => `${label("values", t.pair[0])} tegenover ${label("values", t.pair[1])}`).join("; "));
  add("Thema's", f.themes.map((k) => label("themes", k)).join(", "));
  add("Kernvraag", s.key_question);
  L.push("", "HET VERHAAL", "", s.story || "(nog leeg)", "", "VRAGEN VOOR HET GESPREK");
  for (const [side, qs] of Object.entries(s.questions)) {
    L.push("", cap(label("sides", side)) + (s.defaults.includes(side) ? " (algemene vraag, nog te vervangen)" : ""));
    qs.forEach((q) => L.push("- " + q));
  }
  if (s.shareMeaning) {
    L.push("", "TERUGKIJKEN (alleen voor de redactie, komt niet op de site)");
    for (const k of MEANING) if (s.meaning[k]) L.push("", words.meaning[k], s.meaning[k]);
  }
  L.push("", "TOESTEMMING");
  for (const [key, text] of words.consent) L.push(`- ${f[key] ? "Ja" : "Nog niet bevestigd"}: ${text}`);
  return L.join("\n") + "\n";
}

/** mailto: link to the editors with a subject and a short body that asks for the attachment. */
export function mailto(s, words, address) {
  const body = ["Beste redactie,", "",
    `Hierbij stuur ik een situatie voor de site Kritische situaties: "${s.title}".`, s.summary, "",
    `Ik voeg het bestand ${s.id}.txt uit het vertelpunt toe als bijlage. Daarin staan het verhaal, de vragen en mijn toestemming.`];
  if (s.shareMeaning) {
    body.push("", "Mijn antwoorden bij Terugkijken (alleen voor de redactie, niet voor de site):");
    for (const k of MEANING) if (s.meaning[k]) body.push(`${words.meaning[k]} ${s.meaning[k]}`);
  }
  body.push("", "Met vriendelijke groet,", "");
  const q = (v) => encodeURIComponent(v);
  return `mailto:${address}?subject=${q("Situatie voor Kritische situaties: " + s.title)}&body=${q(body.join("\r\n"))}`;
}

/** The prefilled "new issue" link on GitHub. Never carries the "Terugkijken" answers. */
export function issueUrl(s, md, issue, sideLabel) {
  const qs = Object.entries(s.questions).map(([side, q]) => cap(sideLabel(side)) + ":\n- " + q.join("\n- ")).join("\n\n");
  const p = new URLSearchParams({ template: issue.template, title: "[Situatie] " + s.title });
  [["story", s.story], ["summary", s.summary], ["key_question", s.key_question], ["questions", qs], ["file", md]]
    .forEach(([k, v]) => { if (v) p.set(k, v); });
  const url = () => issue.url + "?" + p;
  if (url().length > MAX_URL) p.delete("file");
  s.tooLong = url().length > MAX_URL;
  if (s.tooLong) p.set("story", "Het verhaal is te lang voor een link. Ik voeg het gedownloade bestand hieronder toe.");
  return url();
}
