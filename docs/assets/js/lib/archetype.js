/* Archetypes: the same rules as ks/catalogue/archetype.py (a parity test runs both on the same values).
   {{ name }} is replaced by values[name]; a line whose value is null/undefined is left out; a value
   {comment: text} puts the line in as a YAML comment. */
const SLOT = /\{\{ (\w+) \}\}/g;
const RESERVED = ["yes", "no", "on", "off", "y", "n", "true", "false", "null"];

/** The archetype with its slots filled. */
export function fill(template, values) {
  const out = [];
  for (const line of template.split("\n")) {
    const names = [...line.matchAll(SLOT)].map((m) => m[1]);
    if (names.some((n) => values[n] === null || values[n] === undefined)) continue;
    const comment = names.some((n) => typeof values[n] === "object");
    const text = line.replace(SLOT, (_, n) => (typeof values[n] === "object" ? values[n].comment : values[n]));
    out.push(comment ? "# " + text : text);
  }
  return out.join("\n");
}

export const yamlText = (text) => JSON.stringify(text);
export const yamlKey = (key) => (/^[a-z][a-z0-9-]*$/.test(key || "") && !RESERVED.includes(key) ? key : yamlText(key || ""));
export const yamlKeys = (keys) => "[" + keys.map(yamlKey).join(", ") + "]";
export const yamlTensions = (pairs) => pairs.map(([a, b]) => `  - [${yamlKey(a)}, ${yamlKey(b)}]`).join("\n");
export const yamlQuestions = (questions) => Object.entries(questions)
  .map(([side, qs]) => `  ${side}:\n` + qs.map((q) => `    - ${yamlText(q)}`).join("\n")).join("\n");
