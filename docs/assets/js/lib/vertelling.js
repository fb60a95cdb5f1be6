/* One story file of a vertelronde (api/v1/vertelling.schema.json, made from situations/duiding.yml by
   ks/catalogue/duiding.py): made by the vertelpunt, read by the patronen page. Reading checks what the
   patterns rely on and names the problem in Dutch; every value stays data (never markup). */
export const FORMAT = "kritische-situaties/vertelling";
export const ROUND_FORMAT = "kritische-situaties/vertelronde";
export const VERSION = 1;

/** The story file of a situation `s` (lib/vertelpunt-output.js) with the duiding `answers`. */
export function vertelling(s, answers, now = new Date()) {
  const f = s.fields;
  return {
    format: FORMAT, version: VERSION, id: s.id,
    written: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`,
    title: s.title, summary: s.summary, story: s.story, key_question: s.key_question,
    sector: f.sector, collection: f.collection, role: f.role,
    domain: s.inspection ? f.domain || null : null, step: s.inspection ? f.step || null : null,
    tensions: s.tensions.map((t) => t.pair), themes: f.themes, duiding: answers,
  };
}

const isText = (v) => typeof v === "string" && v.trim().length > 0;

/** The problem of one story object, in Dutch, or "" when it can be counted. `known` holds the sets
    of allowed keys per vocabulary kind; `duiding` the questions. */
export function storyProblem(x, known, duiding) {
  if (!x || typeof x !== "object" || Array.isArray(x)) return "geen verhaal uit het vertelpunt";
  if (x.format !== FORMAT) return "geen verhaal uit het vertelpunt (het veld format ontbreekt of klopt niet)";
  if (x.version !== VERSION) return `versie ${String(x.version).slice(0, 10)} van het formaat ken ik niet (verwacht ${VERSION})`;
  for (const k of ["title", "story"]) if (!isText(x[k])) return `het veld ${k} ontbreekt of is leeg`;
  for (const k of ["summary", "key_question", "id", "collection"]) if (x[k] !== undefined && typeof x[k] !== "string") return `het veld ${k} is geen tekst`;
  for (const [k, kind] of [["sector", "sectors"], ["role", "roles"]])
    if (!known[kind].has(x[k])) return `onbekende waarde in ${k}`;
  if (!Array.isArray(x.tensions) || !x.tensions.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => known.values.has(v))))
    return "de botsende waarden zijn geen paren van bekende waarden";
  if (!Array.isArray(x.themes) || !x.themes.every((t) => known.themes.has(t))) return "er staat een onbekend thema in";
  const d = x.duiding;
  if (!d || typeof d !== "object" || Array.isArray(d)) return "de duiding ontbreekt";
  for (const k of Object.keys(duiding.sliders)) {
    const v = d[k];
    if (v !== null && v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= 100)) return `duiding ${k}: verwacht 0 tot 100 of overgeslagen`;
  }
  for (const [k, q] of Object.entries(duiding.choices)) {
    const v = d[k], ok = (o) => Object.prototype.hasOwnProperty.call(q.options, o);
    if (v === null || v === undefined) continue;
    if (q.multiple ? !(Array.isArray(v) && v.every((o) => typeof o === "string" && ok(o))) : !(typeof v === "string" && ok(v)))
      return `duiding ${k}: onbekend antwoord`;
  }
  return "";
}

/** Read one opened file's text: {stories: [...]} or {error} with the reason in Dutch. A file may hold one
    story or a whole round ({format: vertelronde, stories: [...]}). */
export function parseFile(text, known, duiding) {
  let data;
  try { data = JSON.parse(text); } catch (e) { return { error: "geen geldig bestand in JSON (beschadigd of een ander soort bestand)" }; }
  if (data && data.format === ROUND_FORMAT) {
    if (!Array.isArray(data.stories)) return { error: "een vertelronde zonder verhalen" };
    const bad = data.stories.map((s, i) => [i, storyProblem(s, known, duiding)]).find(([, p]) => p);
    return bad ? { error: `verhaal ${bad[0] + 1} in deze ronde: ${bad[1]}` } : { stories: data.stories };
  }
  const problem = storyProblem(data, known, duiding);
  return problem ? { error: problem } : { stories: [data] };
}

/** The key by which the same story opened twice is recognised. */
export const storyKey = (s) => `${s.title.trim()}\n${s.story.trim()}`;

/** The sets of known keys per vocabulary kind, from the published catalogue. */
export function knownKeys(vocabulary) {
  return Object.fromEntries(Object.entries(vocabulary).map(([kind, terms]) => [kind, new Set(terms.map((t) => t.key))]));
}
